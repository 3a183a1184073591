#include "PresentWindow.h"

#include "Logging.h"
#include "Presentation.h"
#include "QrCode.h"
#include "QrView.h"
#include "Settings.h"
#include "Ticker.h"

#include <QAction>
#include <QGuiApplication>
#include <QInputDialog>
#include <QKeySequence>
#include <QLabel>
#include <QMouseEvent>
#include <QScreen>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace faultshare {

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

// A wall display reads the same from across the room whatever the desktop theme, and
// a QR code needs a light background anyway.
QPalette lightPalette()
{
    QPalette palette;
    const QColor background(Qt::white);
    const QColor text(0x21, 0x21, 0x21);
    for (const QPalette::ColorGroup group : {QPalette::Active, QPalette::Inactive, QPalette::Disabled}) {
        palette.setColor(group, QPalette::Window, background);
        palette.setColor(group, QPalette::Base, background);
        palette.setColor(group, QPalette::WindowText, text);
        palette.setColor(group, QPalette::Text, text);
    }
    return palette;
}

QLabel* makeLabel(const QString& objectName, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setAlignment(Qt::AlignCenter);
    label->setTextFormat(Qt::PlainText);
    return label;
}

QString screenChoiceText(const QScreen* screen)
{
    const QSize size = screen->size();
    return PresentWindow::tr("%1 (%2 × %3)").arg(screen->name()).arg(size.width()).arg(size.height());
}

} // namespace

PresentWindow::PresentWindow(const EmbedToken& token, const QString& label, QWidget* parent, Ticker* ticker)
    : PresentWindow(parent, ticker)
{
    updateToken(token, label);
}

PresentWindow::PresentWindow(QWidget* parent, Ticker* ticker)
    : QWidget(parent, Qt::Window)
    , m_ticker(ticker ? ticker : new Ticker(this))
    , m_qrView(new QrView(this))
    , m_linkLabel(makeLabel(u"presentLinkLabel"_s, this))
    , m_titleLabel(makeLabel(u"presentTitleLabel"_s, this))
    , m_countdownLabel(makeLabel(u"presentCountdownLabel"_s, this))
    , m_renewLabel(makeLabel(u"presentRenewLabel"_s, this))
    , m_cursorTimer(new QTimer(this))
    , m_inWindowAction(new QAction(tr("In a &Window"), this))
    , m_closeAction(new QAction(tr("&Close"), this))
{
    setObjectName(u"presentWindow"_s);
    setWindowTitle(tr("FaultShare — Present"));
    setPalette(lightPalette());

    setAutoFillBackground(true);
    // The app still quits when the main window closes, taking the wall display with it.
    setAttribute(Qt::WA_QuitOnClose, false);
    m_qrView->setObjectName(u"presentQrView"_s);
    m_countdownLabel->setAccessibleName(tr("Time left"));
    m_linkLabel->setAccessibleName(tr("Short link"));
    m_renewLabel->setAccessibleName(tr("Next renewal"));
    m_renewLabel->setWordWrap(true);
    m_renewLabel->hide();

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_qrView, 1);
    layout->addWidget(m_linkLabel);
    layout->addWidget(m_titleLabel);
    layout->addWidget(m_countdownLabel);
    layout->addWidget(m_renewLabel);

    m_inWindowAction->setObjectName(u"presentInWindowAction"_s);
    m_inWindowAction->setCheckable(true);
    m_inWindowAction->setShortcut(QKeySequence(Qt::Key_F11));
    connect(m_inWindowAction, &QAction::triggered, this, &PresentWindow::setInWindow);
    m_closeAction->setObjectName(u"presentCloseAction"_s);
    m_closeAction->setShortcut(QKeySequence(Qt::Key_Escape));
    connect(m_closeAction, &QAction::triggered, this, &QWidget::close);
    addActions({m_inWindowAction, m_closeAction});
    setContextMenuPolicy(Qt::ActionsContextMenu);

    connect(m_ticker, &Ticker::tick, this, &PresentWindow::updateCountdown);

    // Mouse moves reach whichever widget is under the pointer, so all of them report.
    m_cursorTimer->setSingleShot(true);
    m_cursorTimer->setInterval(CursorIdleDelay);
    connect(m_cursorTimer, &QTimer::timeout, this, [this] { setCursor(Qt::BlankCursor); });
    setMouseTracking(true);
    installEventFilter(this);
    for (QWidget* child : findChildren<QWidget*>()) {
        child->setMouseTracking(true);
        child->installEventFilter(this);
    }
    m_cursorTimer->start();

    showWaiting(tr("Making a link…"));
}

PresentWindow::~PresentWindow() = default;

void PresentWindow::setClock(Clock clock)
{
    m_ticker->setClock(std::move(clock));
    // Starts over from the new clock: what the old one called expired may not be.
    showToken();
}

void PresentWindow::updateToken(const EmbedToken& token, const QString& label)
{
    m_token = token;
    m_titleLabel->setText(label);
    showToken();
}

void PresentWindow::showWaiting(const QString& sentence)
{
    m_token.reset();
    m_link.clear();
    m_expired = false;
    m_phase.reset();
    m_ticker->release(this);
    m_qrView->clear(sentence);
    m_linkLabel->clear();
    m_linkLabel->hide();
    m_countdownLabel->clear();
    m_titleLabel->setVisible(!m_titleLabel->text().isEmpty());
}

void PresentWindow::setRenewAction(QAction* action)
{
    // Before Close in the context menu, after "In a Window".
    insertAction(m_closeAction, action);
}

void PresentWindow::setRenewalStatus(const QString& line, bool renewing)
{
    m_renewing = renewing;
    m_renewLabel->setText(line);
    // Shown all the while links are renewed, so the layout (and the QR code's size) stays
    // the same from one link to the next.
    m_renewLabel->setVisible(renewing);
}

QString PresentWindow::renewalStatus() const
{
    return m_renewLabel->text();
}

QString PresentWindow::shownLink() const
{
    return m_expired ? QString() : m_link;
}

void PresentWindow::showToken()
{
    if (!m_token)
        return;
    const QUrl link = m_token->shortLink();
    m_link = EmbedToken::isShareableUrl(link) ? link.toString(QUrl::FullyEncoded) : QString();
    m_expired = false;
    m_phase.reset();
    const QrCode code = m_link.isEmpty() ? QrCode() : QrCode(m_link);
    if (!code.isNull())
        m_qrView->setQrCode(code);
    else if (!m_link.isEmpty())
        m_qrView->clear(tr("The link is too long for a QR code"));
    else
        m_qrView->clear(tr("The API sent no link to share"));
    m_linkLabel->setText(m_link);
    m_linkLabel->setVisible(!m_link.isEmpty());
    m_titleLabel->setVisible(!m_titleLabel->text().isEmpty());
    fitLinkFont();
    m_ticker->setReference(this, m_token->localExpiresAt());
    updateCountdown();
}

QDateTime PresentWindow::tokenNow() const
{
    const QDateTime local = m_ticker->now();
    return m_token && m_token->hasSignificantSkew() ? m_token->serverNow(local) : local;
}

void PresentWindow::updateCountdown()
{
    if (m_expired || !m_token)
        return;
    const QDateTime current = tokenNow();
    const std::chrono::milliseconds remaining = Countdown::remaining(current, m_token->expiresAt());
    const Countdown::Phase phase = Countdown::phase(current, m_token->issuedAt(), m_token->expiresAt());

    m_countdownLabel->setText(tr("%1 · %2").arg(Countdown::text(remaining), Countdown::phaseName(phase)));
    if (m_phase != phase) {
        m_phase = phase;
        Presentation::setTextColour(m_countdownLabel, Presentation::phaseColour(phase, false));
    }
    if (phase == Countdown::Phase::Expired || remaining <= 0ms) {
        takeDown();
        return;
    }
    m_ticker->hold(this);
}

void PresentWindow::takeDown()
{
    m_expired = true;
    m_ticker->release(this);
    // While renewing, the line under the countdown says why no new link came yet.
    m_qrView->clear(m_renewing ? tr("Expired — waiting for a new link") : tr("Expired — generate a new link"));
    m_linkLabel->hide();
    m_countdownLabel->setText(Countdown::phaseName(Countdown::Phase::Expired));
    qCInfo(lcUi) << "present mode: link expired; QR code taken down";
}

void PresentWindow::present(Settings* settings)
{
    const QList<QScreen*> screens = QGuiApplication::screens();
    if (screens.size() <= 1) {
        showOn(settings && settings->presentInWindow() ? nullptr : QGuiApplication::primaryScreen());
        return;
    }

    QStringList items;
    for (const QScreen* screen : screens)
        items << screenChoiceText(screen);
    items << tr("In a window");
    int current = 0;
    if (settings && settings->presentInWindow()) {
        current = int(screens.size());
    } else if (settings) {
        const QString remembered = settings->presentScreen();
        const auto found = std::find_if(screens.cbegin(), screens.cend(),
                                        [&](const QScreen* screen) { return screen->name() == remembered; });
        if (found != screens.cend())
            current = int(found - screens.cbegin());
    }

    // Not modal and not exec(): the main window keeps running while the operator chooses.
    auto* picker = new QInputDialog(parentWidget());
    picker->setObjectName(u"presentScreenPicker"_s);
    picker->setAttribute(Qt::WA_DeleteOnClose);
    picker->setWindowTitle(tr("Present"));
    picker->setLabelText(tr("Show the QR code on:"));
    picker->setComboBoxItems(items);
    picker->setComboBoxEditable(false);
    picker->setTextValue(items.at(current));
    connect(picker, &QInputDialog::textValueSelected, this, [this, items, settings](const QString& choice) {
        const QList<QScreen*> nowScreens = QGuiApplication::screens();
        const int index = int(items.indexOf(choice));
        QScreen* screen = nullptr;
        if (index >= 0 && index < items.size() - 1) {
            // Screens may have come or gone while the picker was open: match by name.
            const QString name = choice.left(choice.lastIndexOf(u" ("_s));
            for (QScreen* candidate : nowScreens) {
                if (candidate->name() == name)
                    screen = candidate;
            }
            if (!screen)
                screen = QGuiApplication::primaryScreen();
        }
        if (settings) {
            settings->setPresentInWindow(!screen);
            if (screen)
                settings->setPresentScreen(screen->name());
        }
        showOn(screen);
    });
    connect(picker, &QDialog::rejected, this, &QWidget::close);
    picker->open();
}

void PresentWindow::showOn(QScreen* screen)
{
    if (!screen) {
        setInWindow(true);
        return;
    }
    m_inWindowAction->setChecked(false);
    setScreen(screen);
    setGeometry(screen->geometry());
    showFullScreen();
    raise();
    activateWindow();
}

bool PresentWindow::isInWindow() const
{
    return m_inWindowAction->isChecked();
}

void PresentWindow::setInWindow(bool inWindow)
{
    m_inWindowAction->setChecked(inWindow);
    if (inWindow) {
        showNormal();
        const QScreen* current = screen() ? screen() : QGuiApplication::primaryScreen();
        const QRect available = current ? current->availableGeometry() : QRect(0, 0, 1280, 800);
        resize(available.size() * 2 / 3);
        move(available.center() - rect().center());
    } else {
        showFullScreen();
    }
    raise();
    activateWindow();
}

void PresentWindow::setCursorIdleDelay(std::chrono::milliseconds delay)
{
    m_cursorTimer->setInterval(delay);
    if (cursor().shape() != Qt::BlankCursor)
        m_cursorTimer->start();
}

bool PresentWindow::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::MouseMove)
        wakeCursor();
    return QWidget::eventFilter(watched, event);
}

void PresentWindow::wakeCursor()
{
    if (cursor().shape() == Qt::BlankCursor)
        unsetCursor();
    m_cursorTimer->start();
}

void PresentWindow::mouseDoubleClickEvent(QMouseEvent* event)
{
    event->accept();
    // After the click's release has been delivered: nothing is left mid-gesture.
    QMetaObject::invokeMethod(this, &QWidget::close, Qt::QueuedConnection);
}

void PresentWindow::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    updateFonts();
}

void PresentWindow::updateFonts()
{
    // Type scales with the window so it reads from across the room on any display.
    const int unit = std::max(8, std::min(height() / 24, width() / 40));
    QFont title = font();
    title.setPixelSize(std::max(10, unit * 4 / 5));
    m_titleLabel->setFont(title);
    m_renewLabel->setFont(title);
    QFont countdown = font();
    countdown.setPixelSize(std::max(12, unit * 3 / 2));
    countdown.setBold(true);
    m_countdownLabel->setFont(countdown);
    QFont placeholder = font();
    placeholder.setPixelSize(std::max(12, unit * 3 / 2));
    m_qrView->setFont(placeholder);
    fitLinkFont();
}

void PresentWindow::fitLinkFont()
{
    const int unit = std::max(8, std::min(height() / 24, width() / 40));
    QFont link = Presentation::linkFont();
    link.setPixelSize(std::max(10, unit));
    // A link has no spaces to wrap at: shrink it until it fits the width.
    const int available = std::max(1, width() - 2 * layout()->contentsMargins().left());
    const int advance = QFontMetrics(link).horizontalAdvance(m_link);
    if (advance > available)
        link.setPixelSize(std::max(8, link.pixelSize() * available / advance));
    m_linkLabel->setFont(link);
}

} // namespace faultshare
