#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>
#include <chrono>

class QImage;
class QTimer;

namespace faultshare {

// Puts text on the system clipboard. Secrets (tokens) are marked so that clipboard
// managers and clipboard history leave them alone, and are cleared after a delay, when
// the application quits and when this object goes away, but only while the clipboard
// still holds exactly what we put there: whatever the operator copied since is never
// touched.
class Clipboard final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Clipboard)

public:
    explicit Clipboard(QObject* parent);
    ~Clipboard() override;

    // Plain text that is not secret (a short link).
    void copyText(const QString& text);
    // An image that is not secret (the QR code of a short link).
    void copyImage(const QImage& image);
    // A secret: marked for clipboard managers, cleared after clearAfter (at least 1 s).
    void copySecret(const QString& secret, std::chrono::seconds clearAfter);

    // Whether the clipboard still holds the last secret copied through copySecret().
    bool holdsSecret() const;

    // The formats that mark a secret for clipboard managers and clipboard history, set
    // beside text/plain. Every platform's list is compiled everywhere, so that one test
    // run checks them all; copySecret() uses the one of the platform it runs on.
    enum class Platform { FreeDesktop, MacOs, Windows };
    struct Marker
    {
        QString format;
        QByteArray data;
    };
    static QList<Marker> secretMarkers(Platform platform, const QString& secret);

Q_SIGNALS:
    // The clear delay of the last secret passed; cleared says whether the clipboard
    // still held it (and was emptied) or had been replaced meanwhile (and was left alone).
    void secretExpired(bool cleared);

private:
    bool clearIfOurs();
    void clearOnQuit();

    QTimer* m_clearTimer;
    // SHA-256 of the secret, so it does not linger in our memory while we wait.
    QByteArray m_secretHash;
};

} // namespace faultshare
