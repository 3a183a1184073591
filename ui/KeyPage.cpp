#include "KeyPage.h"
#include "ui_KeyPage.h"

#include "ApiClient.h"
#include "CredentialStore.h"
#include "Origin.h"
#include "Presentation.h"

#include <QMessageBox>
#include <QPushButton>

namespace faultshare {

using namespace Qt::StringLiterals;

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

void KeyPage::askKeyOrigin(QWidget* parent, const QString& profile, const QString& storedFor, const QString& current,
                           std::function<void(bool)> answered)
{
    const QString newHost = Origin::hostText(current);
    auto* box = new QMessageBox(QMessageBox::Question, tr("Send the key to another API?"),
                                tr("The API key or token of profile “%1” was stored for %2, and the profile now points to %3. "
                                   "Send it to %3?")
                                    .arg(profile, Origin::hostText(storedFor), newHost),
                                QMessageBox::NoButton, parent);
    box->setObjectName(u"keyOriginConfirm"_s);
    // Host and profile names are the operator's or an imported file's words, not markup.
    box->setTextFormat(Qt::PlainText);
    QPushButton* use = box->addButton(tr("&Use it for %1").arg(newHost), QMessageBox::AcceptRole);
    use->setObjectName(u"useKeyForNewApiButton"_s);
    box->addButton(tr("&Enter a new key"), QMessageBox::RejectRole)->setObjectName(u"enterNewKeyButton"_s);
    box->setDefaultButton(qobject_cast<QPushButton*>(box->buttons().constLast()));
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, parent, [box, use, answered] { answered(box->clickedButton() == use); });
    box->open();
}

} // namespace faultshare
