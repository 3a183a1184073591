#pragma once

#include "ProxySettings.h"
#include "QrCode.h"

#include <QObject>
#include <QSettings>
#include <QSize>
#include <QString>
#include <QUrl>
#include <chrono>
#include <optional>

namespace faultshare {

// Non-secret settings of one profile and of the app, in QSettings. Keys, tokens and proxy
// passwords never pass through here: they live in the keychain (CredentialStore).
// The app's QSettings falls back to the system scope (managed desktops: on Linux
// /etc/xdg/FaultShare/FaultShare.conf) for what the user has not set; a setter writes only
// when the value differs from the one in effect, so a default is never copied into the
// user's file, where it would hide a later change of the managed default.
//
// Observable: a setter that changes the value in effect emits changed(), so the one
// object that applies a setting (the window's LinkSession, its tray, its history) hears
// of it from whoever edited it (the Settings dialog, a profile switch).
class Settings final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Settings)

public:
    // What changed: one value, or (Profile) every profile-scoped value at once.
    enum class Key {
        Profile, ApiUrl, DefaultMinutes, CaFile, KeyStored, Proxy, ClipboardClearDelay, WindowGeometry,
        QrErrorCorrection, QrExportPixels, IframeSize, PresentScreen, Notify, HistoryPurgeDays, LastProfile,
        RenewBefore,
    };
    Q_ENUM(Key)

    // Uses the given QSettings (the default user scope in the app, a temporary file in
    // tests). The caller keeps it alive.
    explicit Settings(QSettings& store, QString profile = defaultProfile(), QObject* parent = nullptr);

    static QString defaultProfile() { return QStringLiteral("default"); }
    // The QSettings underneath, for what manages all profiles at once (Profiles).
    QSettings& store() const { return m_store; }
    QString profile() const { return m_profile; }
    // The profile whose settings profile-scoped getters and setters use from now on.
    void setProfile(const QString& profile);
    // The profile the window used last (app-wide); defaultProfile() when never chosen.
    QString lastProfile() const;
    void setLastProfile(const QString& profile);

    QUrl apiUrl() const;
    void setApiUrl(const QUrl& url);

    int defaultMinutes() const;
    void setDefaultMinutes(int minutes);

    QString caFile() const;
    void setCaFile(const QString& path);

    // "Keep renewing" of the profile: how long before a link's end the next one is made,
    // as the operator last set it (never whether renewing was on: a window that opens
    // again makes no link by itself). nullopt when never set (the window then uses
    // Rotation::defaultRenewBefore of the lifetime).
    std::optional<std::chrono::seconds> renewBefore() const;
    void setRenewBefore(std::chrono::seconds renewBefore);

    // Whether the keychain holds the profile's API key, as last learned from it (never the
    // key itself): the window starts on the right page without asking the keychain, and
    // reads the key at the first Generate. Unknown (nullopt) until the keychain has
    // answered once; setting nullopt forgets it.
    std::optional<bool> keyStored() const;
    void setKeyStored(std::optional<bool> stored);

    // How the profile reaches the API: mode, host, port and user name (never a password:
    // the result's password is empty and setProxy() ignores it). System mode by default;
    // an unknown mode reads as System.
    ProxySettings proxy() const;
    void setProxy(const ProxySettings& proxy);

    std::chrono::seconds clipboardClearDelay() const;
    void setClipboardClearDelay(std::chrono::seconds delay);

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray& geometry);

    // Sharing preferences (app-wide): the QR error-correction level of the screen and of
    // exports, the pixel size of exported QR images, the size of a copied iframe.
    QrCode::ErrorCorrection qrErrorCorrection() const;
    void setQrErrorCorrection(QrCode::ErrorCorrection level);
    int qrExportPixels() const;
    void setQrExportPixels(int pixels);
    QSize iframeSize() const;
    void setIframeSize(const QSize& size);

    // Present mode: the screen (QScreen::name()) last chosen for the wall display, and
    // whether "in a window" was chosen instead. Empty / false when never chosen.
    QString presentScreen() const;
    void setPresentScreen(const QString& screenName);
    bool presentInWindow() const;
    void setPresentInWindow(bool inWindow);

    // Expiry notifications (app-wide): whether the tray icon and its notifications are
    // wanted, and how many minutes before expiry to warn (0: only at expiry).
    static constexpr int MaxNotifyLeadMinutes = 24 * 60;
    bool notifyEnabled() const;
    void setNotifyEnabled(bool enabled);
    int notifyLeadMinutes() const;
    void setNotifyLeadMinutes(int minutes);

    // History (app-wide): expired links are forgotten this many days after expiry.
    static constexpr int DefaultHistoryPurgeDays = 7;
    static constexpr int MaxHistoryPurgeDays = 365;
    int historyPurgeDays() const;
    void setHistoryPurgeDays(int days);

Q_SIGNALS:
    void changed(Settings::Key key);

private:
    QString key(const QString& name) const;
    // Writes value under key unless the value in effect (user, system scope or built-in
    // default) is already equal to it; changed(which) when the value in effect changes.
    void update(const QString& key, const QVariant& value, const QVariant& inEffect, Key which);
    // The same for a value without a managed default: what was there is what is in effect.
    void put(const QString& key, const QVariant& value, Key which);
    // Writes value unless inEffect equals it (the user's file too); true when the value
    // in effect changed.
    bool write(const QString& key, const QVariant& value, const QVariant& inEffect);

    QSettings& m_store;
    QString m_profile;
};

} // namespace faultshare
