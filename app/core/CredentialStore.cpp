#include "CredentialStore.h"

#include "Logging.h"

#include <qt6keychain/keychain.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <memory>
#include <utility>

#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN)
#define FAULTSHARE_SECRET_SERVICE
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QMap>
#endif

using namespace Qt::StringLiterals;

namespace {

// The entries the Secret Service holds for one keychain entry, by state.
struct Entries
{
    qsizetype unlocked = 0;
    qsizetype locked = 0;
};

// Asks the Secret Service (asynchronously) which entries match QtKeychain's attributes
// for key, then calls done(entries) with context alive. Where it cannot be asked (no
// Secret Service, another keychain) done gets no entries: the caller keeps QtKeychain's
// answer.
template <typename Done>
void findEntries(QObject* context, const QString& service, const QString& key, Done done)
{
#ifdef FAULTSHARE_SECRET_SERVICE
    using Attributes = QMap<QString, QString>;
    static const QMetaType attributesType = qDBusRegisterMetaType<Attributes>();
    Q_UNUSED(attributesType)
    constexpr int TimeoutMs = 10000;
    QDBusMessage call = QDBusMessage::createMethodCall(u"org.freedesktop.secrets"_s, u"/org/freedesktop/secrets"_s,
                                                       u"org.freedesktop.Secret.Service"_s, u"SearchItems"_s);
    // QtKeychain's libsecret schema: "user" is the entry's key, "server" the service.
    call << QVariant::fromValue(Attributes{{u"user"_s, key}, {u"server"_s, service}});
    auto* watcher = new QDBusPendingCallWatcher(QDBusConnection::sessionBus().asyncCall(call, TimeoutMs), context);
    QObject::connect(watcher, &QDBusPendingCallWatcher::finished, context, [watcher, done] {
        watcher->deleteLater();
        const QDBusPendingReply<QList<QDBusObjectPath>, QList<QDBusObjectPath>> reply = *watcher;
        if (reply.isError())
            done(Entries{});
        else
            done(Entries{reply.argumentAt<0>().size(), reply.argumentAt<1>().size()});
    });
#else
    Q_UNUSED(context)
    Q_UNUSED(service)
    Q_UNUSED(key)
    done(Entries{});
#endif
}

// A fixed phrase per error code, for when the keychain's own words cannot be used.
QString describe(QKeychain::Error error)
{
    switch (error) {
    case QKeychain::AccessDeniedByUser:
        return CredentialStore::tr("access was denied by the user");
    case QKeychain::AccessDenied:
        return CredentialStore::tr("access was denied (is the keyring locked?)");
    case QKeychain::NoBackendAvailable:
        return CredentialStore::tr("no keychain service is available");
    case QKeychain::NotImplemented:
        return CredentialStore::tr("the keychain does not support this operation");
    case QKeychain::CouldNotDeleteEntry:
        return CredentialStore::tr("the entry could not be deleted");
    case QKeychain::EntryNotFound:
        return CredentialStore::tr("the entry was not found");
    case QKeychain::NoError:
    case QKeychain::OtherError:
        break;
    }
    return CredentialStore::tr("the keychain reported an error");
}

// The keychain's message goes into error text and logs, so it must not carry the key
// even if a backend were to echo what it was given.
QString safeDetail(const QKeychain::Job& job, const QString& secret)
{
    constexpr qsizetype maxLength = 200;
    const QString message = job.errorString().simplified();
    if (message.isEmpty() || (!secret.isEmpty() && message.contains(secret)))
        return describe(job.error());
    return message.left(maxLength);
}

// A bound secret is kept as a small JSON object with its origin; anything else is a secret
// stored as it is (by a FaultShare from before binding, or an unbound entry).
const auto BoundOriginKey = "faultshare_origin"_L1;
const auto BoundSecretKey = "secret"_L1;

QString encodeBound(const QString& secret, const QString& origin)
{
    if (origin.isEmpty())
        return secret;
    return QString::fromUtf8(
        QJsonDocument(QJsonObject{{BoundOriginKey, origin}, {BoundSecretKey, secret}}).toJson(QJsonDocument::Compact));
}

std::pair<QString, QString> decodeBound(const QString& stored)
{
    if (!stored.startsWith(u'{'))
        return {stored, {}};
    const QJsonObject object = QJsonDocument::fromJson(stored.toUtf8()).object();
    const QJsonValue origin = object.value(BoundOriginKey);
    const QJsonValue secret = object.value(BoundSecretKey);
    if (object.size() != 2 || !origin.isString() || !secret.isString())
        return {stored, {}};
    return {secret.toString(), origin.toString()};
}

} // namespace

CredentialStore::CredentialStore(const QString& service, QObject* parent)
    : QObject(parent)
    , m_service(service)
{
}

CredentialStore::~CredentialStore() = default;

QString CredentialStore::apiKeyEntry(const QString& profile)
{
    return u"api-key/"_s + profile;
}

QString CredentialStore::profileOfApiKeyEntry(const QString& entry)
{
    return entry.startsWith("api-key/"_L1) ? entry.mid(8) : QString();
}

QString CredentialStore::historyEntry(const QString& id)
{
    return u"history/"_s + id;
}

QString CredentialStore::proxyEntry(const QString& profile)
{
    return u"proxy/"_s + profile;
}

QString CredentialStore::backendName()
{
#if defined(Q_OS_MACOS)
    return tr("the macOS Keychain");
#elif defined(Q_OS_WIN)
    return tr("the Windows Credential Manager");
#else
    return tr("your keyring (Secret Service)");
#endif
}

// Jobs get no parent: a backend may still call back into a running job, so a job must
// outlive this store and delete itself when it finishes. The connection's context
// object drops the result if the store is gone by then.
template <typename Job, typename OnSuccess>
void CredentialStore::run(Job* job, const QString& entry, Operation operation,
                          const QString& secret, OnSuccess onSuccess)
{
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(entry);
    // Whichever comes first, the answer or the deadline, is the only outcome.
    const auto answered = std::make_shared<bool>(false);
    // The lambda holds the secret (if any) only to keep it out of an error detail.
    connect(job, &QKeychain::Job::finished, this, [this, job, entry, operation, secret, onSuccess, answered] {
        if (std::exchange(*answered, true))
            return;
        if (!onSuccess(*job))
            fail(entry, operation, safeDetail(*job, secret));
    });
    if (m_timeout.count() > 0) {
        QTimer::singleShot(m_timeout, this, [this, entry, operation, answered] {
            if (std::exchange(*answered, true))
                return;
            fail(entry, operation,
                 tr("no answer in %1 s; a prompt may be waiting on the screen")
                     .arg(std::chrono::duration_cast<std::chrono::seconds>(m_timeout).count()));
        });
    }
    qCInfo(lcKeychain) << operation << "started for" << entry;
    job->start();
}

void CredentialStore::fail(const QString& entry, Operation operation, const QString& detail)
{
    qCWarning(lcKeychain) << operation << "failed for" << entry << ":" << detail;
    Q_EMIT failed(entry, operation, ApiError(ApiError::Kind::Keychain, detail));
}

void CredentialStore::reportMissing(const QString& entry)
{
    findEntries(this, m_service, entry, [this, entry](Entries entries) {
        if (entries.locked > 0)
            fail(entry, Operation::Read, tr("the keyring is locked"));
        else
            Q_EMIT secretMissing(entry);
    });
}

void CredentialStore::reportRemoved(const QString& entry)
{
    findEntries(this, m_service, entry, [this, entry](Entries entries) {
        if (entries.locked > 0)
            fail(entry, Operation::Remove, tr("the keyring is locked"));
        else if (entries.unlocked > 0)
            fail(entry, Operation::Remove, describe(QKeychain::CouldNotDeleteEntry));
        else
            Q_EMIT secretRemoved(entry);
    });
}

void CredentialStore::read(const QString& entry)
{
    auto* job = new QKeychain::ReadPasswordJob(m_service);
    run(job, entry, Operation::Read, {}, [this, entry](const QKeychain::ReadPasswordJob& done) {
        if (done.error() == QKeychain::NoError) {
            const auto [secret, origin] = decodeBound(done.textData());
            Q_EMIT secretRead(entry, secret, origin);
        } else if (done.error() == QKeychain::EntryNotFound) {
            reportMissing(entry);
        } else {
            return false;
        }
        return true;
    });
}

void CredentialStore::write(const QString& entry, const QString& secret, const QString& origin)
{
    auto* job = new QKeychain::WritePasswordJob(m_service);
    job->setTextData(encodeBound(secret, origin));
    run(job, entry, Operation::Write, secret, [this, entry](const QKeychain::WritePasswordJob& done) {
        if (done.error() != QKeychain::NoError)
            return false;
        Q_EMIT secretWritten(entry);
        return true;
    });
}

void CredentialStore::remove(const QString& entry)
{
    auto* job = new QKeychain::DeletePasswordJob(m_service);
    run(job, entry, Operation::Remove, {}, [this, entry](const QKeychain::DeletePasswordJob& done) {
        // libsecret answers NoError for a missing entry, other backends EntryNotFound.
        if (done.error() != QKeychain::NoError && done.error() != QKeychain::EntryNotFound)
            return false;
        reportRemoved(entry);
        return true;
    });
}
