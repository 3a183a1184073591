#pragma once

#include <QString>
#include <optional>

namespace faultshare {

// How a profile reaches the API: through the system's proxy configuration (on Linux the
// http_proxy / https_proxy / no_proxy variables or the desktop's settings), directly, or
// through a named HTTP or SOCKS5 proxy. The user name is a setting; the password is a
// secret (CredentialStore::proxyEntry) that only passes through here on its way to the
// ApiClient and is never written to settings, logs or error text.
struct ProxySettings
{
    enum class Mode { System, None, Http, Socks5 };

    Mode mode = Mode::System;
    QString host;
    int port = 0;
    QString user;
    QString password;

    // The settings and export name of a mode: "system", "none", "http", "socks5".
    static QString modeName(Mode mode);
    static std::optional<Mode> modeFromName(const QString& name);

    // Whether host and port name a proxy (HTTP or SOCKS5 mode).
    bool isExplicit() const { return mode == Mode::Http || mode == Mode::Socks5; }
    // Whether a password has to come from the keychain: an explicit proxy with a user.
    bool needsPassword() const { return isExplicit() && !user.isEmpty(); }
    // Why these settings cannot be used, as one sentence, or empty when they can.
    QString check() const;
    // "host:port" of an explicit proxy (brackets around an IPv6 address), else empty.
    QString displayName() const;

    // Equal settings, password included.
    friend bool operator==(const ProxySettings& a, const ProxySettings& b)
    {
        return a.mode == b.mode && a.host == b.host && a.port == b.port && a.user == b.user
            && a.password == b.password;
    }
    friend bool operator!=(const ProxySettings& a, const ProxySettings& b) { return !(a == b); }
};

} // namespace faultshare
