#pragma once

#include "ApiError.h"

#include <QObject>
#include <QString>

class QSettings;

namespace faultshare {

class CredentialStore;

// Removes a profile with its secrets: its API key from the keychain, then its proxy
// password, then its settings. The secrets go first, so that when the keychain fails the
// profile stays listed and the removal can be tried again: a profile of that name created
// later must never find an old key. Like a KeychainJob it is a child of the object that
// asked, ends in exactly one of its signals, later, and then deletes itself.
class ProfileRemoval final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileRemoval)

public:
    // Why a profile cannot be removed.
    enum class Refusal {
        None,
        Default,   // "default" is always there
        InUse,     // the profile in use: switch to another first
        NoProfile, // there is none of that name (removed already?)
        Managed,   // set up for every user by the administrator (system scope)
    };
    Q_ENUM(Refusal)

    // Why name cannot be removed while inUse is the profile in use; None when it can.
    static Refusal check(QSettings& store, const QString& name, const QString& inUse);

    // Removes profile name of store, with its entries in keys; a child of caller.
    ProfileRemoval(QSettings& store, const CredentialStore& keys, const QString& name, QObject* caller);
    ~ProfileRemoval() override;

    QString name() const { return m_name; }

    // Starts the removal unless check() refuses it. None: it ends in removed() or failed(),
    // later. Either way the object deletes itself; after a refusal it emits nothing.
    Refusal start(const QString& inUse);

Q_SIGNALS:
    // The key, the proxy password and the settings are gone.
    void removed();
    // The keychain could not remove a secret: the profile and its settings are kept.
    void failed(const ApiError& error);

private:
    // Removes entry from the keychain, then runs next; a failure ends the removal.
    template <typename Next>
    void removeEntry(const QString& entry, Next next);
    void removeSettings();

    QSettings& m_store;
    const CredentialStore& m_keys;
    const QString m_name;
};

} // namespace faultshare
