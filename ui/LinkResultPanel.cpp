#include "LinkResultPanel.h"
#include "ui_LinkDetails.h"
#include "ui_LinkResultPanel.h"

#include "Jwt.h"
#include "Logging.h"
#include "Presentation.h"
#include "SecretLineEdit.h"
#include "Ticker.h"

#include <QEvent>
#include <QGroupBox>
#include <QJsonDocument>
#include <QMenu>
#include <QTimer>

#include <algorithm>
#include <utility>

namespace faultshare {

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

constexpr auto CopyFeedbackTime = 2s;

} // namespace

LinkResultPanel::LinkResultPanel(Ticker& ticker, PlaceDetails placeDetails, QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::LinkResultPanel>())
    , m_ticker(ticker)
    , m_placeDetails(std::move(placeDetails))
    , m_copyFeedbackTimer(new QTimer(this))
{
    m_ui->setupUi(this);

    m_ui->copyFeedbackLabel->hide();
    m_ui->resultStack->setCurrentWidget(m_ui->emptyResultPage);
    m_ui->countdownBar->setRange(0, 1000);

    connect(&m_ticker, &Ticker::tick, this, &LinkResultPanel::updateCountdown);
    m_copyFeedbackTimer->setSingleShot(true);
    connect(m_copyFeedbackTimer, &QTimer::timeout, m_ui->copyFeedbackLabel, &QWidget::hide);

    // The share of each level's codewords that may be lost and still be recovered.
    auto* combo = m_ui->errorCorrectionCombo;
    combo->addItem(tr("L (7%)"), int(QrCode::ErrorCorrection::Low));
    combo->addItem(tr("M (15%)"), int(QrCode::ErrorCorrection::Medium));
    combo->addItem(tr("Q (25%)"), int(QrCode::ErrorCorrection::Quartile));
    combo->addItem(tr("H (30%)"), int(QrCode::ErrorCorrection::High));
    connect(combo, &QComboBox::currentIndexChanged, this, [this] {
        if (hasLiveLink())
            showQrCode();
        Q_EMIT errorCorrectionChanged(errorCorrection());
    });

    connect(m_ui->copyLinkButton, &QPushButton::clicked, this, &LinkResultPanel::copyLinkClicked);
    connect(m_ui->openLinkButton, &QPushButton::clicked, this, &LinkResultPanel::openLinkClicked);
    connect(m_ui->previewButton, &QPushButton::clicked, this, &LinkResultPanel::previewClicked);
    updateEnabled();
    updateColours();
}

LinkResultPanel::~LinkResultPanel() = default;

void LinkResultPanel::setResultFonts()
{
    if (m_resultFonts)
        return;
    m_resultFonts = true;
    QFont countdownFont = m_ui->countdownLabel->font();
    countdownFont.setPointSizeF(countdownFont.pointSizeF() * 2.0);
    countdownFont.setBold(true);
    m_ui->countdownLabel->setFont(countdownFont);
    QFont titleOfLink = m_ui->resultTitleLabel->font();
    titleOfLink.setPointSizeF(titleOfLink.pointSizeF() * 1.3);
    titleOfLink.setBold(true);
    m_ui->resultTitleLabel->setFont(titleOfLink);
    QFont linkFont = Presentation::linkFont();
    linkFont.setPointSizeF(m_ui->shortLinkLabel->font().pointSizeF() * 1.2);
    m_ui->shortLinkLabel->setFont(linkFont);
}

Ui::LinkDetails& LinkResultPanel::detailsUi()
{
    if (m_detailsUi)
        return *m_detailsUi;
    m_detailsUi = std::make_unique<Ui::LinkDetails>();
    m_detailsGroup = new QGroupBox;
    m_detailsUi->setupUi(m_detailsGroup);
    m_detailsGroup->hide(); // until there is a link (showResult)
    m_placeDetails(m_detailsGroup);
    connect(m_detailsUi->copyTokenButton, &QPushButton::clicked, this, &LinkResultPanel::copyTokenRequested);
    // Ctrl+C, Ctrl+Insert and Copy in the token field: the same secret copy as the button.
    connect(m_detailsUi->tokenEdit, &SecretLineEdit::copyRequested, this, &LinkResultPanel::copyTokenRequested);
    connect(m_detailsUi->revealTokenButton, &QPushButton::toggled, this, &LinkResultPanel::setTokenRevealed);
    return *m_detailsUi;
}

QString LinkResultPanel::label() const
{
    return m_ui->resultTitleLabel->text();
}

void LinkResultPanel::showToken(const EmbedToken& token, const QString& label)
{
    m_token = token;
    m_ui->resultTitleLabel->setText(label);
    m_ui->resultTitleLabel->setVisible(!label.isEmpty());
    showResult();
}

void LinkResultPanel::showResult()
{
    setResultFonts();
    const EmbedToken& token = *m_token;
    const QUrl link = token.shortLink();
    m_link = EmbedToken::isShareableUrl(link) ? link.toString(QUrl::FullyEncoded) : QString();
    m_expired = false;
    m_phase.reset();

    if (!m_link.isEmpty()) {
        showQrCode();
        m_ui->shortLinkLabel->setText(m_link);
        m_ui->shortLinkLabel->setToolTip(m_link);
    } else {
        // The token was made all the same: it stays, below, for whoever can use it.
        m_ui->qrView->clear(tr("The API sent no link to share (%1); the token below is all there is.").arg(token.linkProblem()));
        m_ui->shortLinkLabel->clear();
    }
    m_ui->shortLinkLabel->setVisible(!m_link.isEmpty());
    m_ui->copyFeedbackLabel->hide();
    m_ui->expiryLabel->setText(tr("Expires %1").arg(Countdown::expiryText(token.expiresAt())));

    showDetails(token);
    updateEnabled();
    Q_EMIT stateChanged();

    m_ui->resultStack->setCurrentWidget(m_ui->resultPanel);
    m_detailsGroup->show();
    m_ticker.setReference(this, token.localExpiresAt());
    updateCountdown();
}

void LinkResultPanel::showDetails(const EmbedToken& token)
{
    detailsUi().revealTokenButton->setChecked(false);
    setTokenRevealed(false);
    detailsUi().tokenEdit->setText(token.token());
    detailsUi().tokenEdit->setCursorPosition(0);

    const std::optional<Jwt> jwt = Jwt::decode(token.token().toUtf8());
    const QString algorithm = jwt ? jwt->header.value(u"alg").toString() : QString();
    detailsUi().tokenTypeLabel->setText(algorithm.isEmpty() ? token.type()
                                                            : tr("%1 (%2)").arg(token.type(), algorithm));
    if (jwt) {
        QString claims = QString::fromUtf8(QJsonDocument(jwt->claims).toJson(QJsonDocument::Indented)).trimmed();
        QStringList readable;
        for (const QLatin1StringView name : {"iat"_L1, "nbf"_L1, "exp"_L1}) {
            const QDateTime when = jwt->timeClaim(name);
            if (when.isValid())
                readable << tr("%1: %2").arg(name, Countdown::expiryText(when));
        }
        if (!readable.isEmpty())
            claims += u"\n\n"_s + readable.join(u'\n');
        detailsUi().claimsView->setPlainText(claims);
    } else {
        detailsUi().claimsView->setPlainText(tr("The token is not a JWT whose claims can be read."));
    }

    if (!token.serverDate().isValid())
        detailsUi().clockSkewLabel->setText(tr("Unknown: the server did not send its time"));
    else if (token.hasSignificantSkew())
        // Short enough for one line of the details: the direction in words, not a sign.
        detailsUi().clockSkewLabel->setText((token.clockSkew() > 0ms ? tr("Server %1 ahead; countdown follows it")
                                                                     : tr("Server %1 behind; countdown follows it"))
                                                .arg(Countdown::skewText(token.clockSkew())));
    else
        detailsUi().clockSkewLabel->setText(tr("In sync"));
}

void LinkResultPanel::refresh()
{
    if (hasLiveToken())
        updateCountdown();
}

QDateTime LinkResultPanel::tokenNow() const
{
    const QDateTime local = m_ticker.now();
    return m_token && m_token->hasSignificantSkew() ? m_token->serverNow(local) : local;
}

void LinkResultPanel::updateCountdown()
{
    if (!m_token || m_expired)
        return;
    const QDateTime current = tokenNow();
    const QDateTime issuedAt = m_token->issuedAt();
    const QDateTime expiresAt = m_token->expiresAt();
    const std::chrono::milliseconds remaining = Countdown::remaining(current, expiresAt);
    const Countdown::Phase phase = Countdown::phase(current, issuedAt, expiresAt);

    m_ui->countdownLabel->setText(Countdown::text(remaining));
    m_ui->countdownBar->setValue(qRound(std::clamp(Countdown::fraction(current, issuedAt, expiresAt), 0.0, 1.0) * 1000));
    m_ui->phaseLabel->setText(Countdown::phaseName(phase));
    applyPhase(phase);

    if (phase == Countdown::Phase::Expired || remaining <= 0ms) {
        takeDown();
        return;
    }
    m_ticker.hold(this);
}

void LinkResultPanel::applyPhase(Countdown::Phase phase)
{
    if (m_phase == phase)
        return;
    m_phase = phase;
    const QColor colour = Presentation::phaseColour(phase, Presentation::isDark(palette()));
    Presentation::setTextColour(m_ui->phaseLabel, colour);
    Presentation::setTextColour(m_ui->countdownLabel, colour);
    m_ui->countdownBar->setStyleSheet(
        u"QProgressBar { border: 1px solid palette(mid); border-radius: 3px; background: palette(base);"
        " min-height: 8px; max-height: 8px; }"
        " QProgressBar::chunk { background-color: %1; border-radius: 2px; }"_s.arg(colour.name()));
}

void LinkResultPanel::takeDown()
{
    m_expired = true;
    m_ticker.release(this);
    m_ui->qrView->clear(tr("Expired — generate a new link"));
    updateEnabled();
    m_ui->copyFeedbackLabel->hide();
    m_ui->countdownBar->setValue(0);
    qCInfo(lcUi) << "link expired; QR code taken down";
    Q_EMIT stateChanged();
}

void LinkResultPanel::updateEnabled()
{
    const bool link = hasLiveLink();
    const bool token = hasLiveToken();
    m_ui->copyLinkButton->setEnabled(link);
    m_ui->openLinkButton->setEnabled(link);
    m_ui->copyAsButton->setEnabled(link);
    m_ui->qrMenuButton->setEnabled(link);
    m_ui->previewButton->setEnabled(token);
    if (m_detailsUi)
        m_detailsUi->copyTokenButton->setEnabled(token);
}

QrCode LinkResultPanel::currentQrCode() const
{
    if (!hasLiveLink())
        return {};
    return QrCode(m_link, errorCorrection());
}

QrCode::ErrorCorrection LinkResultPanel::errorCorrection() const
{
    return QrCode::ErrorCorrection(m_ui->errorCorrectionCombo->currentData().toInt());
}

void LinkResultPanel::setErrorCorrection(QrCode::ErrorCorrection level)
{
    const QSignalBlocker blocker(m_ui->errorCorrectionCombo);
    m_ui->errorCorrectionCombo->setCurrentIndex(m_ui->errorCorrectionCombo->findData(int(level)));
    if (hasLiveLink())
        showQrCode();
}

void LinkResultPanel::showQrCode()
{
    const QrCode code = currentQrCode();
    if (code.isNull())
        m_ui->qrView->clear(tr("The link is too long for a QR code (%1 bytes) at this error correction; copy the link instead, or choose a lower level.")
                                .arg(m_link.toUtf8().size()));
    else
        m_ui->qrView->setQrCode(code);
}

void LinkResultPanel::setShareMenus(QMenu* copyAs, QMenu* qrCode)
{
    m_ui->copyAsButton->setMenu(copyAs);
    m_ui->qrMenuButton->setMenu(qrCode);
}

void LinkResultPanel::showCopied()
{
    m_ui->copyFeedbackLabel->setText(tr("Copied"));
    m_ui->copyFeedbackLabel->show();
    m_copyFeedbackTimer->start(CopyFeedbackTime);
}

void LinkResultPanel::addBesideCountdown(QWidget* widget)
{
    m_ui->countdownLayout->addWidget(widget);
}

void LinkResultPanel::setTokenRevealed(bool revealed)
{
    detailsUi().tokenEdit->setEchoMode(revealed ? QLineEdit::Normal : QLineEdit::Password);
    detailsUi().revealTokenButton->setText(revealed ? tr("Hid&e") : tr("&Reveal"));
    detailsUi().revealTokenButton->setAccessibleName(revealed ? tr("Hide token") : tr("Reveal token"));
}

void LinkResultPanel::updateColours()
{
    const bool dark = Presentation::isDark(palette());
    Presentation::setTextColour(m_ui->copyFeedbackLabel, Presentation::phaseColour(Countdown::Phase::Fresh, dark));
    if (m_phase) {
        const Countdown::Phase phase = *m_phase;
        m_phase.reset();
        applyPhase(phase);
    }
}

void LinkResultPanel::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        updateColours();
}

} // namespace faultshare
