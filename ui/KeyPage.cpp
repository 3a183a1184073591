#include "KeyPage.h"
#include "ui_KeyPage.h"

#include "ApiClient.h"
#include "CredentialStore.h"
#include "Presentation.h"

KeyPage::KeyPage(QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::KeyPage>())
{
    m_ui->setupUi(this);
    QFont titleFont = m_ui->keyTitleLabel->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_ui->keyTitleLabel->setFont(titleFont);
    m_ui->keyPanel->setMinimumWidth(420);
    m_ui->keychainLabel->setText(
        tr("The key is stored in %1 on this computer, never in a file.").arg(CredentialStore::backendName()));
    showProblem({});
    updateColours();

    connect(m_ui->saveKeyButton, &QPushButton::clicked, this, &KeyPage::save);
    connect(m_ui->apiKeyEdit, &QLineEdit::returnPressed, this, &KeyPage::save);
    connect(m_ui->apiKeyEdit, &QLineEdit::textEdited, this, [this] {
        if (!m_busy)
            m_ui->keyErrorLabel->hide();
    });
    connect(m_ui->retryKeychainButton, &QPushButton::clicked, this, &KeyPage::retryRequested);
    connect(m_ui->tryDemoButton, &QPushButton::clicked, this, &KeyPage::demoRequested);
}

KeyPage::~KeyPage() = default;

void KeyPage::showProblem(const QString& text, bool canRetry)
{
    m_ui->keyErrorLabel->setText(text);
    m_ui->keyErrorLabel->setVisible(!text.isEmpty());
    m_ui->retryKeychainButton->setVisible(canRetry);
}

void KeyPage::setBusy(bool busy)
{
    m_busy = busy;
    m_ui->saveKeyButton->setEnabled(!busy);
    m_ui->apiKeyEdit->setEnabled(!busy);
    if (busy)
        showProblem({});
}

void KeyPage::clearKey()
{
    m_ui->apiKeyEdit->clear();
}

void KeyPage::focusKey()
{
    m_ui->apiKeyEdit->setFocus();
}

void KeyPage::updateColours()
{
    Presentation::setTextColour(m_ui->keyErrorLabel, Presentation::errorColour(palette()));
}

void KeyPage::save()
{
    if (m_busy)
        return;
    const QString key = m_ui->apiKeyEdit->text().trimmed();
    if (const QString reason = ApiClient::checkApiKey(key); !reason.isEmpty()) {
        showProblem(reason);
        focusKey();
        return;
    }
    Q_EMIT saveRequested(key);
}
