#include "ExpiryForm.h"
#include "ui_ExpiryForm.h"

#include "ApiClient.h"
#include "Countdown.h"
#include "Presentation.h"
#include "Ticker.h"

#include <QEvent>
#include <QLocale>
#include <QSignalBlocker>
#include <QTimeZone>

#include <algorithm>

namespace faultshare {

namespace {

// Item data of "Custom…" and "Until…" in the preset combo (the others hold their minutes).
constexpr int CustomPreset = 0;
constexpr int UntilPreset = -1;

} // namespace

ExpiryForm::ExpiryForm(const Ticker& ticker, QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ExpiryForm>())
    , m_ticker(ticker)
{
    m_ui->setupUi(this);

    auto* combo = m_ui->expiryPresetCombo;
    combo->addItem(tr("15 minutes"), 15);
    combo->addItem(tr("1 hour"), 60);
    combo->addItem(tr("8 hours (a shift)"), 8 * 60);
    combo->addItem(tr("12 hours"), 12 * 60);
    combo->addItem(tr("24 hours"), 24 * 60);
    combo->addItem(tr("7 days"), 7 * 24 * 60);
    combo->addItem(tr("30 days"), 30 * 24 * 60);
    combo->addItem(tr("Custom…"), CustomPreset);
    combo->addItem(tr("Until…"), UntilPreset);

    m_ui->customUnitCombo->addItem(tr("minutes"), 1);
    m_ui->customUnitCombo->addItem(tr("hours"), 60);
    m_ui->customUnitCombo->addItem(tr("days"), 24 * 60);
    m_ui->customValueSpin->setRange(0, 99999);

    connect(combo, &QComboBox::currentIndexChanged, this, &ExpiryForm::onPresetChanged);
    connect(m_ui->customValueSpin, &QSpinBox::valueChanged, this, &ExpiryForm::validate);
    connect(m_ui->customUnitCombo, &QComboBox::currentIndexChanged, this, &ExpiryForm::validate);
    // Wall-clock date and time; choice() resolves them in the system zone itself.
    m_ui->untilEdit->setTimeSpec(Qt::LocalTime);
    connect(m_ui->untilEdit, &QDateTimeEdit::dateTimeChanged, this, &ExpiryForm::validate);
    onPresetChanged();
}

ExpiryForm::~ExpiryForm() = default;

int ExpiryForm::preset() const
{
    return m_ui->expiryPresetCombo->currentData().toInt();
}

void ExpiryForm::applyDefault(int minutes)
{
    const int defaultMinutes = std::clamp(minutes, ApiClient::MinMinutes, ApiClient::MaxMinutes);
    auto* combo = m_ui->expiryPresetCombo;
    const int presetIndex = combo->findData(defaultMinutes);
    combo->setCurrentIndex(presetIndex >= 0 ? presetIndex : combo->findData(CustomPreset));
    int unitIndex = 0;
    for (int i = m_ui->customUnitCombo->count() - 1; i >= 0; --i) {
        if (defaultMinutes % m_ui->customUnitCombo->itemData(i).toInt() == 0) {
            unitIndex = i;
            break;
        }
    }
    m_ui->customUnitCombo->setCurrentIndex(unitIndex);
    m_ui->customValueSpin->setValue(defaultMinutes / m_ui->customUnitCombo->itemData(unitIndex).toInt());
}

ExpiryInput::ExpiryChoice ExpiryForm::choice() const
{
    const int chosen = preset();
    if (chosen == UntilPreset) {
        const QDateTime until = m_ui->untilEdit->dateTime();
        return ExpiryInput::untilLocal(m_ticker.now(), until.date(), until.time(), QTimeZone::systemTimeZone());
    }
    if (chosen != CustomPreset)
        return ExpiryInput::fromValue(chosen, ExpiryInput::Unit::Minutes);
    const int unitMinutes = m_ui->customUnitCombo->currentData().toInt();
    const ExpiryInput::Unit unit = unitMinutes == ExpiryInput::minutesPerUnit(ExpiryInput::Unit::Days)
        ? ExpiryInput::Unit::Days
        : unitMinutes == ExpiryInput::minutesPerUnit(ExpiryInput::Unit::Hours) ? ExpiryInput::Unit::Hours
                                                                              : ExpiryInput::Unit::Minutes;
    return ExpiryInput::fromValue(m_ui->customValueSpin->value(), unit);
}

std::optional<int> ExpiryForm::selectedMinutes() const
{
    const ExpiryInput::ExpiryChoice chosen = choice();
    if (!chosen.isValid())
        return std::nullopt;
    return chosen.minutes;
}

void ExpiryForm::onPresetChanged()
{
    const bool custom = preset() == CustomPreset;
    const bool until = preset() == UntilPreset;
    m_ui->customValueSpin->setEnabled(custom && !m_busy);
    m_ui->customUnitCombo->setEnabled(custom && !m_busy);
    m_ui->customLabel->setEnabled(custom);
    const QDateTime now = m_ticker.now().toLocalTime();
    if (until && m_ui->untilEdit->dateTime() <= now) {
        // A sensible start: an hour from now, on the minute.
        const QDateTime start = now.addSecs(3600);
        const QSignalBlocker blocker(m_ui->untilEdit);
        m_ui->untilEdit->setDateTime(QDateTime(start.date(), QTime(start.time().hour(), start.time().minute())));
    }
    m_ui->expiryFormLayout->setRowVisible(m_ui->untilEdit, until);
    m_ui->untilEdit->setEnabled(until && !m_busy);
    validate();
}

void ExpiryForm::validate()
{
    const ExpiryInput::ExpiryChoice chosen = choice();
    if (chosen.isValid()) {
        m_ui->expiryHintLabel->setPalette(QPalette());
        const QDateTime until = chosen.until.isValid() ? chosen.until : m_ticker.now().addSecs(60LL * chosen.minutes);
        const QDateTime local = until.toTimeZone(QTimeZone::systemTimeZone());
        QString text = tr("The link works for %1 (until %2)")
                           .arg(Countdown::lifetimeText(chosen.minutes), QLocale().toString(local, QLocale::ShortFormat));
        if (!chosen.note.isEmpty())
            text += u'\n' + chosen.note;
        m_ui->expiryHintLabel->setText(text);
    } else {
        Presentation::setTextColour(m_ui->expiryHintLabel, Presentation::errorColour(palette()));
        m_ui->expiryHintLabel->setText(chosen.whyNot);
    }
    Q_EMIT validityChanged();
}

void ExpiryForm::setBusy(bool busy)
{
    m_busy = busy;
    const bool custom = preset() == CustomPreset;
    m_ui->expiryPresetCombo->setEnabled(!busy);
    m_ui->customValueSpin->setEnabled(!busy && custom);
    m_ui->customUnitCombo->setEnabled(!busy && custom);
    m_ui->untilEdit->setEnabled(!busy && preset() == UntilPreset);
}

int ExpiryForm::labelWidth() const
{
    return std::max({m_ui->expiryPresetLabel->sizeHint().width(), m_ui->customLabel->sizeHint().width(),
                     m_ui->untilLabel->sizeHint().width()});
}

void ExpiryForm::setLabelWidth(int width)
{
    for (QLabel* label : {m_ui->expiryPresetLabel, m_ui->customLabel, m_ui->untilLabel})
        label->setMinimumWidth(width);
}

void ExpiryForm::focusChoice()
{
    m_ui->expiryPresetCombo->setFocus();
}

void ExpiryForm::setTabOrderAfter(QWidget* previous)
{
    QWidget::setTabOrder(previous, m_ui->expiryPresetCombo);
    QWidget::setTabOrder(m_ui->expiryPresetCombo, m_ui->customValueSpin);
    QWidget::setTabOrder(m_ui->customValueSpin, m_ui->customUnitCombo);
    QWidget::setTabOrder(m_ui->customUnitCombo, m_ui->untilEdit);
}

void ExpiryForm::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if ((event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        && !selectedMinutes())
        Presentation::setTextColour(m_ui->expiryHintLabel, Presentation::errorColour(palette()));
}

} // namespace faultshare
