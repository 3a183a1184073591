#include "Clipboard.h"

#include "Logging.h"

#include <QClipboard>
#include <QCryptographicHash>
#include <QGuiApplication>
#include <QMimeData>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

QByteArray hashOf(const QString& text)
{
    return QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256);
}

// The platform's "this is a password" markers beside text/plain.
void markSecret(QMimeData* mime, const QString& secret)
{
#if defined(Q_OS_MACOS)
    // NSPasteboard's concealed type: clipboard managers that honour it skip the item.
    mime->setData(u"application/x-nspasteboard-concealed-type"_s, secret.toUtf8());
#elif defined(Q_OS_WIN)
    Q_UNUSED(secret)
    // Registered clipboard formats that keep the item out of clipboard monitors,
    // Win+V history and the cloud clipboard. The two Can* formats are a DWORD 0.
    const QByteArray zeroDword(4, '\0');
    mime->setData(u"application/x-qt-windows-mime;value=\"ExcludeClipboardContentFromMonitorProcessing\""_s,
                  QByteArray(1, '\0'));
    mime->setData(u"application/x-qt-windows-mime;value=\"CanIncludeInClipboardHistory\""_s, zeroDword);
    mime->setData(u"application/x-qt-windows-mime;value=\"CanUploadToCloudClipboard\""_s, zeroDword);
#else
    Q_UNUSED(secret)
    // Klipper, CopyQ, GPaste and wl-clip-persist skip items carrying this hint.
    mime->setData(u"x-kde-passwordManagerHint"_s, QByteArrayLiteral("secret"));
#endif
}

} // namespace

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
}

Clipboard::~Clipboard()
{
    // Quitting must not leave a token behind for whoever pastes next.
    if (m_clearTimer->isActive())
        clearIfOurs();
}

void Clipboard::copyText(const QString& text)
{
    auto* mime = new QMimeData;
    mime->setText(text);
    QGuiApplication::clipboard()->setMimeData(mime, QClipboard::Clipboard);
}

void Clipboard::copySecret(const QString& secret, std::chrono::seconds clearAfter)
{
    auto* mime = new QMimeData;
    mime->setText(secret);
    markSecret(mime, secret);
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
