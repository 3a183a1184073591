#include "GeneralPage.h"
#include "ui_GeneralPage.h"

#include "ApiClient.h"
#include "Countdown.h"
#include "Language.h"
#include "Settings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QSpinBox>

#include <algorithm>

namespace faultshare {

GeneralPage::GeneralPage(Settings& settings, QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::GeneralPage>())
    , m_settings(settings)
{
    m_ui->setupUi(this);
    m_ui->defaultExpirySpin->setRange(ApiClient::MinMinutes, ApiClient::MaxMinutes);
    m_ui->notifyLeadSpin->setRange(0, Settings::MaxNotifyLeadMinutes);
    m_ui->historyPurgeSpin->setRange(0, Settings::MaxHistoryPurgeDays);
    // Each language in its own name; the choice applies from the next start.
    m_ui->languageCombo->addItem(tr("System default"), QString());
    for (const QString& language : Language::available())
        m_ui->languageCombo->addItem(Language::nativeName(language), language);

    connect(m_ui->defaultExpirySpin, &QSpinBox::valueChanged, this, &GeneralPage::updateDefaultExpiryHint);
    connect(m_ui->notifyCheck, &QCheckBox::toggled, m_ui->notifyLeadSpin, &QWidget::setEnabled);
}

GeneralPage::~GeneralPage() = default;

void GeneralPage::load()
{
    loadDefaultMinutes();
    m_ui->clipboardDelaySpin->setValue(int(m_settings.clipboardClearDelay().count()));
    m_ui->notifyCheck->setChecked(m_settings.notifyEnabled());
    m_ui->notifyLeadSpin->setValue(m_settings.notifyLeadMinutes());
    m_ui->notifyLeadSpin->setEnabled(m_ui->notifyCheck->isChecked());
    m_ui->historyPurgeSpin->setValue(m_settings.historyPurgeDays());
    m_ui->languageCombo->setCurrentIndex(
        std::max(0, m_ui->languageCombo->findData(Language::setting(m_settings.store()))));
}

void GeneralPage::loadDefaultMinutes()
{
    m_ui->defaultExpirySpin->setValue(m_settings.defaultMinutes());
    updateDefaultExpiryHint();
}

void GeneralPage::save()
{
    m_settings.setDefaultMinutes(m_ui->defaultExpirySpin->value());
    m_settings.setClipboardClearDelay(std::chrono::seconds(m_ui->clipboardDelaySpin->value()));
    m_settings.setNotifyEnabled(m_ui->notifyCheck->isChecked());
    m_settings.setNotifyLeadMinutes(m_ui->notifyLeadSpin->value());
    m_settings.setHistoryPurgeDays(m_ui->historyPurgeSpin->value());
    Language::setSetting(m_settings.store(), m_ui->languageCombo->currentData().toString());
}

void GeneralPage::updateDefaultExpiryHint()
{
    m_ui->defaultExpiryHintLabel->setText(Countdown::lifetimeText(m_ui->defaultExpirySpin->value()));
}

} // namespace faultshare
