#include "RenewControl.h"

#include "LinkSession.h"
#include "Logging.h"
#include "Presentation.h"
#include "Rotation.h"
#include "Settings.h"

#include <QAction>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QScopedValueRollback>
#include <QVBoxLayout>

namespace faultshare {

using namespace Qt::StringLiterals;

RenewControl::RenewControl(LinkSession& session, Settings& settings, CurrentLink current, LabelSource label,
                           QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_settings(settings)
    , m_current(std::move(current))
    , m_label(std::move(label))
    , m_check(new QCheckBox(tr("&Keep renewing:"), this))
    , m_edit(new QLineEdit(this))
    , m_afterLabel(new QLabel(tr("before the end"), this))
    , m_hintLabel(new QLabel(this))
    , m_statusLabel(new QLabel(this))
    , m_action(new QAction(tr("&Keep Renewing"), this))
{
    setObjectName(u"renewControl"_s);
    m_check->setObjectName(u"keepRenewingCheck"_s);
    m_check->setAccessibleName(tr("Keep renewing"));
    m_check->setToolTip(tr("Make the next link before this one expires, again and again, so a wall display or "
                           "dashboard never shows a dead link (Ctrl+R)"));
    m_edit->setObjectName(u"renewBeforeEdit"_s);
    m_edit->setAccessibleName(tr("Renew before the end"));
    m_edit->setToolTip(tr("How long before a link's end the next one is made: 90s, 6m, 1h30m"));
    m_edit->setMaxLength(16);
    m_edit->setMaximumWidth(m_edit->fontMetrics().horizontalAdvance(u"1h30m30s"_s) * 2);
    m_afterLabel->setBuddy(m_edit);
    m_hintLabel->setObjectName(u"renewHintLabel"_s);
    m_hintLabel->setAccessibleName(tr("Keep renewing problem"));
    m_hintLabel->setWordWrap(true);
    m_hintLabel->setTextFormat(Qt::PlainText);
    m_hintLabel->hide();
    m_statusLabel->setObjectName(u"renewStatusLabel"_s);
    m_statusLabel->setAccessibleName(tr("Next renewal"));
    m_statusLabel->setTextFormat(Qt::PlainText);
    m_statusLabel->hide();

    auto* row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_check);
    row->addWidget(m_edit);
    row->addWidget(m_afterLabel);
    row->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(m_hintLabel);

    m_action->setObjectName(u"keepRenewingAction"_s);
    m_action->setCheckable(true);
    m_action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    // One switch: the box and the action (menus, present mode) follow each other.
    connect(m_check, &QCheckBox::toggled, m_action, &QAction::setChecked);
    connect(m_action, &QAction::toggled, m_check, &QCheckBox::setChecked);
    connect(m_action, &QAction::toggled, this, &RenewControl::apply);
    connect(m_edit, &QLineEdit::textEdited, this, [this] {
        m_custom = true;
        showProblem();
    });
    connect(m_edit, &QLineEdit::editingFinished, this, [this] { onEdited(); });
    connect(&m_session, &LinkSession::renewalChanged, this, &RenewControl::onSessionChanged);
    connect(&m_settings, &Settings::changed, this, [this](Settings::Key key) {
        if (key == Settings::Key::Profile)
            loadProfile();
    });
    loadProfile();
}

RenewControl::~RenewControl() = default;

void RenewControl::loadProfile()
{
    const std::optional<std::chrono::seconds> remembered = m_settings.renewBefore();
    m_custom = remembered.has_value();
    if (remembered)
        m_edit->setText(Rotation::durationText(*remembered));
    setLifetime(m_lifetime);
}

void RenewControl::setLifetime(std::optional<int> minutes)
{
    m_lifetime = minutes;
    const QString before = m_edit->text();
    if (minutes) {
        const std::chrono::seconds fallback = Rotation::defaultRenewBefore(*minutes);
        m_edit->setPlaceholderText(Rotation::durationText(fallback));
        // Bounded by the lifetime: a renew-before as long as the lifetime goes back to the
        // default of the new one, and an untouched one follows it.
        if (!m_custom || !problem().isEmpty()) {
            m_edit->setText(Rotation::durationText(fallback));
            m_custom = false;
        }
    }
    showProblem();
    // While renewing, a renew-before that followed the lifetime applies at once.
    if (isOn() && !m_custom && m_edit->text() != before)
        onEdited(false);
}

bool RenewControl::setRenewBefore(std::chrono::seconds renewBefore, bool remember)
{
    m_edit->setText(Rotation::durationText(renewBefore));
    m_custom = true;
    showProblem();
    if (!problem().isEmpty())
        return false;
    onEdited(remember);
    return true;
}

std::optional<std::chrono::seconds> RenewControl::renewBefore() const
{
    const QString text = m_edit->text().trimmed();
    return text.isEmpty() && m_lifetime ? Rotation::defaultRenewBefore(*m_lifetime) : Rotation::parseDuration(text);
}

QString RenewControl::problem() const
{
    const std::optional<std::chrono::seconds> before = renewBefore();
    if (!before)
        return tr("Write how long before the end to renew as 90s, 6m or 1h30m.");
    if (!m_lifetime)
        return {};
    Rotation::Plan plan;
    plan.minutes = *m_lifetime;
    plan.renewBefore = *before;
    return Rotation::checkPlan(plan);
}

void RenewControl::showProblem()
{
    const QString why = problem();
    Presentation::showStatus(m_hintLabel, why, true);
    // While on, a change applies when it is complete and usable (onEdited).
    m_check->setEnabled(why.isEmpty() || m_check->isChecked());
    m_action->setEnabled(m_check->isEnabled());
}

void RenewControl::onEdited(bool remember)
{
    if (!problem().isEmpty())
        return;
    const std::chrono::seconds before = *renewBefore();
    if (m_custom && remember)
        m_settings.setRenewBefore(before);
    // While renewing, the new renew-before applies from the link shown now.
    if (isOn() && m_session.isRenewing() && m_session.rotation().plan().renewBefore != before)
        apply(true);
}

void RenewControl::setOn(bool on)
{
    m_action->setChecked(on);
}

bool RenewControl::isOn() const
{
    return m_action->isChecked();
}

void RenewControl::setTabOrder(QWidget* previous, QWidget* next)
{
    QWidget::setTabOrder(previous, m_check);
    QWidget::setTabOrder(m_check, m_edit);
    QWidget::setTabOrder(m_edit, next);
}

void RenewControl::apply(bool on)
{
    // Starting asks the form for its lifetime, which checks it again and may report back.
    if (m_applying)
        return;
    const QScopedValueRollback applying(m_applying, true);
    if (!on) {
        m_session.stopRenewing();
        onSessionChanged();
        return;
    }
    const QString why = problem();
    const QString refused = why.isEmpty() ? m_session.startRenewing(*renewBefore(), m_label(), m_current()) : why;
    if (!refused.isEmpty()) {
        qCInfo(lcUi) << "keep renewing refused";
        const QSignalBlocker blockAction(m_action);
        const QSignalBlocker blockCheck(m_check);
        m_action->setChecked(false);
        m_check->setChecked(false);
        Presentation::showStatus(m_hintLabel, refused, true);
        return;
    }
    onSessionChanged();
}

void RenewControl::onSessionChanged()
{
    const bool renewing = m_session.isRenewing();
    // The session stopped by itself (another profile, the key forgotten, demo mode).
    if (!renewing && m_action->isChecked()) {
        const QSignalBlocker blocker(m_action);
        m_action->setChecked(false);
        m_check->setChecked(false);
    }
    const QString text = m_session.renewalText();
    m_statusLabel->setText(text);
    m_statusLabel->setVisible(renewing && !text.isEmpty());
    Presentation::setTextColour(m_statusLabel,
                                m_session.renewalProblem() ? Presentation::errorColour(palette())
                                                           : palette().color(QPalette::WindowText));
    showProblem();
    Q_EMIT statusChanged();
}

QString RenewControl::statusLine() const
{
    if (!m_session.isRenewing())
        return {};
    const QString text = m_session.renewalText();
    const std::optional<ApiError> problem = m_session.renewalProblem();
    return problem ? problem->userMessage() + u' ' + text : text;
}

} // namespace faultshare
