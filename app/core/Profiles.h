#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

class QSettings;

namespace faultshare {

// The operator's profiles: named sets of non-secret settings (API URL, default expiry,
// CA file; Settings reads and writes them under "profiles/<name>/"). Each profile's API
// key is its own keychain entry (CredentialStore::apiKeyEntry). "default" always exists.
class Profiles final
{
public:
    static constexpr qsizetype MaxNameLength = 64;

    explicit Profiles(QSettings& store);

    // Every profile, "default" first, the rest sorted case-insensitively.
    QStringList names() const;
    bool contains(const QString& name) const;
    // Why name cannot name a profile ("is empty", "is longer than 64 characters",
    // "contains \"/\"", a control character, leading/trailing spaces), or empty.
    static QString checkName(const QString& name);

    // Whether the system-wide settings (managed desktops: the store's system scope) list
    // the profile: it is there for every user, whatever a user's file says.
    bool isManaged(const QString& name) const;

    // Creates a profile with the default settings; false when the name is taken or invalid.
    bool add(const QString& name);
    // Removes a profile's settings (never "default", never a managed one: it would stay
    // listed); the caller removes its keychain entry first.
    bool remove(const QString& name);

    // Profiles as JSON without any secret:
    //   {"format": "faultshare-profiles", "version": 1,
    //    "profiles": [{"name": …, "api_url": …, "default_minutes": …, "ca_file": …,
    //                  "proxy_mode": "system"|"none"|"http"|"socks5", "proxy_host": …,
    //                  "proxy_port": …, "proxy_user": …}]}
    // The proxy password stays in the keychain: it is never exported.
    QByteArray exportJson(const QStringList& names) const;

    struct ImportResult
    {
        QStringList imported; // names created or updated, in file order
        QString error;        // why nothing was imported (one sentence), or empty
        // One line per setting the file changes in a profile that exists already
        // ("“default”: API URL https://a → https://b"), in file order.
        QStringList changes;
        // Whether a change points an existing profile's API or proxy at another origin:
        // its stored key or proxy password then waits to be confirmed or re-entered.
        bool retargets = false;
    };
    enum class ImportMode {
        Check,               // check and list the changes; write nothing
        Apply,               // write everything
        ApplyUnlessRetarget, // write nothing when a change retargets (error says which)
    };
    // All or nothing: every profile in the file is checked (name, https API URL or
    // loopback http, minutes 1..43200, a usable proxy; the proxy members may be absent:
    // System) before any is written. A profile of the same name
    // gets the file's settings; keys are never touched. A file holding anything that
    // looks like a key ("api_key", "key", "token", "secret" members) is refused.
    ImportResult importJson(const QByteArray& json, ImportMode mode = ImportMode::Apply);

private:
    QSettings& m_store;
};

} // namespace faultshare
