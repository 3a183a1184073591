#pragma once

#include "EmbedToken.h"

#include <QWidget>
#include <chrono>
#include <functional>
#include <optional>

class QAction;
class QCheckBox;
class QLabel;
class QLineEdit;

namespace faultshare {

class LinkSession;
class Settings;

// "Keep renewing" in the window: the switch with its renew-before (a duration as the
// command line writes it: "6m", "90s", "1h30m") for the new-link form, the line beside
// the countdown that says when the next renewal is, and the checkable action present mode
// shares (one switch for both windows). It only starts and stops the LinkSession's one
// Rotation and shows what that says. The renew-before is remembered per profile, never
// whether renewing was on: a window that opens again makes no link by itself.
class RenewControl final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RenewControl)

public:
    // The live link the window shows (kept and renewed when the switch goes on).
    using CurrentLink = std::function<std::optional<EmbedToken>()>;
    // The label new links get.
    using LabelSource = std::function<QString()>;

    RenewControl(LinkSession& session, Settings& settings, CurrentLink current, LabelSource label,
                 QWidget* parent = nullptr);
    ~RenewControl() override;

    // The switch as an action (Ctrl+R), for the window's and present mode's keyboard and
    // context menu; checked while renewing.
    QAction* action() const { return m_action; }
    // "Renews at 14:05:10", for beside the countdown (the window places it, and owns it
    // from then on).
    QLabel* statusLabel() const { return m_statusLabel; }

    // The form's lifetime (nullopt: none valid): the renew-before must stay below it, and
    // its default is Rotation::defaultRenewBefore of it.
    void setLifetime(std::optional<int> minutes);
    // Sets the renew-before (applied at once while renewing), remembered for the profile
    // when remember is true (as when typed); false when it is not shorter than the lifetime.
    bool setRenewBefore(std::chrono::seconds renewBefore, bool remember = true);
    // The renew-before the field holds; nullopt when it is not a usable duration.
    std::optional<std::chrono::seconds> renewBefore() const;
    void setOn(bool on);
    bool isOn() const;
    // Its fields follow previous in the Tab order, and next follows them.
    void setTabOrder(QWidget* previous, QWidget* next);

    // One line for a wall display: why the last renewal failed (if it did), then what
    // comes next. Empty when not renewing.
    QString statusLine() const;

Q_SIGNALS:
    // statusLine() or isOn() may have changed.
    void statusChanged();

private:
    void apply(bool on);
    void onSessionChanged();
    void onEdited(bool remember = true);
    void loadProfile();
    // Why the field's value cannot be used with the lifetime, empty when it can.
    QString problem() const;
    void showProblem();

    LinkSession& m_session;
    Settings& m_settings;
    CurrentLink m_current;
    LabelSource m_label;
    std::optional<int> m_lifetime;
    bool m_custom = false; // the operator set the renew-before (else it follows the lifetime)
    bool m_applying = false;

    QCheckBox* m_check;
    QLineEdit* m_edit;
    QLabel* m_afterLabel;
    QLabel* m_hintLabel;
    QLabel* m_statusLabel;
    QAction* m_action;
};

} // namespace faultshare
