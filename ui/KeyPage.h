#pragma once

#include <QString>
#include <QWidget>

#include <functional>
#include <memory>

namespace Ui {
class KeyPage;
}

namespace faultshare {

// The first-run page: paste an API key or token to store it, or try the demo server. It
// only asks; the session stores the key and says how that went.
class KeyPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeyPage)

public:
    explicit KeyPage(QWidget* parent = nullptr);
    ~KeyPage() override;

    // A problem as one sentence, with "Try again" when the keychain may answer later;
    // empty: none.
    void showProblem(const QString& text, bool canRetry = false);
    // While the keychain stores the key: the field and Save wait.
    void setBusy(bool busy);
    // The key was stored: the field is emptied.
    void clearKey();
    void focusKey();
    void updateColours();

    // The stored key of profile was bound to storedFor, and the profile points to current:
    // asks (both hosts named, window-modal, never exec()'d) whether to send it there;
    // answered(false) means "enter a new key".
    static void askKeyOrigin(QWidget* parent, const QString& profile, const QString& storedFor, const QString& current,
                             std::function<void(bool use)> answered);

Q_SIGNALS:
    // A key that passed ApiClient::checkApiKey.
    void saveRequested(const QString& key);
    void retryRequested();
    void demoRequested();

private:
    void save();

    const std::unique_ptr<Ui::KeyPage> m_ui;
    bool m_busy = false;
};

} // namespace faultshare
