#include "Clipboard.h"

#include "Logging.h"

#include <QClipboard>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QGuiApplication>
#include <QImage>
#include <QMimeData>
#include <QTimer>

#include <algorithm>

namespace faultshare {

using namespace Qt::StringLiterals;

namespace {

QByteArray hashOf(const QString& text)
{
    return QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256);
}

#if defined(Q_OS_MACOS)
constexpr Clipboard::Platform ThisPlatform = Clipboard::Platform::MacOs;
#elif defined(Q_OS_WIN)
constexpr Clipboard::Platform ThisPlatform = Clipboard::Platform::Windows;
#else
constexpr Clipboard::Platform ThisPlatform = Clipboard::Platform::FreeDesktop;
#endif

} // namespace

// The platform's "this is a password" markers beside text/plain.
QList<Clipboard::Marker> Clipboard::secretMarkers(Platform platform, const QString& secret)
{
    switch (platform) {
    case Platform::MacOs:
        // NSPasteboard's concealed type: clipboard managers that honour it skip the item.
        return {{u"application/x-nspasteboard-concealed-type"_s, secret.toUtf8()}};
    case Platform::Windows: {
        // Registered clipboard formats that keep the item out of clipboard monitors,
        // Win+V history and the cloud clipboard. The two Can* formats are a DWORD 0.
        const QByteArray zeroDword(4, '\0');
        return {{u"application/x-qt-windows-mime;value=\"ExcludeClipboardContentFromMonitorProcessing\""_s,
                 QByteArray(1, '\0')},
                {u"application/x-qt-windows-mime;value=\"CanIncludeInClipboardHistory\""_s, zeroDword},
                {u"application/x-qt-windows-mime;value=\"CanUploadToCloudClipboard\""_s, zeroDword}};
    }
    case Platform::FreeDesktop:
        break;
    }
    // Klipper, CopyQ, GPaste and wl-clip-persist skip items carrying this hint.
    return {{u"x-kde-passwordManagerHint"_s, QByteArrayLiteral("secret")}};
}

Clipboard::Clipboard(QObject* parent)
    : QObject(parent)
    , m_clearTimer(new QTimer(this))
{
    m_clearTimer->setSingleShot(true);
    connect(m_clearTimer, &QTimer::timeout, this, [this] {
        const bool cleared = clearIfOurs();
        m_secretHash.clear();
        Q_EMIT secretExpired(cleared);
    });
    // Quitting must not leave a token behind for whoever pastes next: cleared when the
    // event loop ends, while the platform clipboard surely still works, and at the
    // latest when this object goes away.
    if (QCoreApplication* app = QCoreApplication::instance())
        connect(app, &QCoreApplication::aboutToQuit, this, &Clipboard::clearOnQuit);
}

Clipboard::~Clipboard()
{
    clearOnQuit();
}

void Clipboard::clearOnQuit()
{
    if (!m_clearTimer->isActive())
        return;
    m_clearTimer->stop();
    clearIfOurs();
    m_secretHash.clear();
}

void Clipboard::copyText(const QString& text)
{
    auto* mime = new QMimeData;
    mime->setText(text);
    QGuiApplication::clipboard()->setMimeData(mime, QClipboard::Clipboard);
}

void Clipboard::copyImage(const QImage& image)
{
    auto* mime = new QMimeData;
    mime->setImageData(image);
    QGuiApplication::clipboard()->setMimeData(mime, QClipboard::Clipboard);
}

void Clipboard::copySecret(const QString& secret, std::chrono::seconds clearAfter)
{
    auto* mime = new QMimeData;
    mime->setText(secret);
    for (const Marker& marker : secretMarkers(ThisPlatform, secret))
        mime->setData(marker.format, marker.data);
    // Only the clipboard, never the X11 selection: a secret there is pasted by any
    // middle click and no clipboard manager hint covers it.
    QGuiApplication::clipboard()->setMimeData(mime, QClipboard::Clipboard);

    m_secretHash = hashOf(secret);
    const std::chrono::milliseconds delay = std::max(clearAfter, std::chrono::seconds(1));
    m_clearTimer->start(delay);
    qCInfo(lcUi) << "secret copied to the clipboard; clearing in" << delay.count() << "ms";
}

bool Clipboard::holdsSecret() const
{
    if (m_secretHash.isEmpty())
        return false;
    const QMimeData* mime = QGuiApplication::clipboard()->mimeData(QClipboard::Clipboard);
    return mime && mime->hasText() && hashOf(mime->text()) == m_secretHash;
}

bool Clipboard::clearIfOurs()
{
    if (!holdsSecret()) {
        qCInfo(lcUi) << "clipboard changed since the secret was copied; left alone";
        return false;
    }
    QGuiApplication::clipboard()->clear(QClipboard::Clipboard);
    qCInfo(lcUi) << "secret cleared from the clipboard";
    return true;
}

} // namespace faultshare
