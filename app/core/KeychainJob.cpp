#include "KeychainJob.h"

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

namespace faultshare {

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

KeychainJob::KeychainJob(Operation operation, const QString& service, const QString& entry, QObject* caller)
    : QObject(caller)
    , m_operation(operation)
    , m_service(service)
    , m_entry(entry)
{
}

KeychainJob::~KeychainJob() = default;

void KeychainJob::start(std::chrono::milliseconds timeout, const QString& secret, const QString& origin)
{
    switch (m_operation) {
    case Operation::Read:
        run(new QKeychain::ReadPasswordJob(m_service), timeout, {}, [this](const QKeychain::ReadPasswordJob& done) {
            if (done.error() == QKeychain::NoError) {
                const auto [read, boundTo] = decodeBound(done.textData());
                finish([&] { Q_EMIT succeeded(read, boundTo); });
            } else if (done.error() == QKeychain::EntryNotFound) {
                reportMissing();
            } else {
                return false;
            }
            return true;
        });
        return;
    case Operation::Write: {
        auto* job = new QKeychain::WritePasswordJob(m_service);
        job->setTextData(encodeBound(secret, origin));
        run(job, timeout, secret, [this](const QKeychain::WritePasswordJob& done) {
            if (done.error() != QKeychain::NoError)
                return false;
            finish([this] { Q_EMIT succeeded({}, {}); });
            return true;
        });
        return;
    }
    case Operation::Remove:
        run(new QKeychain::DeletePasswordJob(m_service), timeout, {}, [this](const QKeychain::DeletePasswordJob& done) {
            // libsecret answers NoError for a missing entry, other backends EntryNotFound.
            if (done.error() != QKeychain::NoError && done.error() != QKeychain::EntryNotFound)
                return false;
            reportRemoved();
            return true;
        });
        return;
    }
}

// QtKeychain's job gets no parent: a backend may still call back into a running job, so
// it must outlive this one and delete itself when it finishes. The connection's context
// (this) drops its answer when the caller, and with it this job, is gone by then.
template <typename Job, typename OnSuccess>
void KeychainJob::run(Job* job, std::chrono::milliseconds timeout, const QString& secret, OnSuccess onSuccess)
{
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(m_entry);
    // The lambda holds the secret (if any) only to keep it out of an error detail.
    connect(job, &QKeychain::Job::finished, this, [this, job, secret, onSuccess] {
        if (m_done)
            return;
        if (!onSuccess(*job))
            fail(safeDetail(*job, secret));
    });
    // Whichever comes first, the answer or the deadline, is the only outcome.
    if (timeout.count() > 0) {
        QTimer::singleShot(timeout, this, [this, timeout] {
            fail(CredentialStore::tr("no answer in %1 s; a prompt may be waiting on the screen")
                     .arg(std::chrono::duration_cast<std::chrono::seconds>(timeout).count()));
        });
    }
    qCInfo(lcKeychain) << m_operation << "started for" << m_entry;
    job->start();
}

template <typename Emit>
void KeychainJob::finish(Emit emitOutcome)
{
    if (std::exchange(m_done, true))
        return;
    emitOutcome();
    deleteLater();
}

void KeychainJob::fail(const QString& detail)
{
    if (m_done)
        return;
    qCWarning(lcKeychain) << m_operation << "failed for" << m_entry << ":" << detail;
    finish([&] { Q_EMIT failed(ApiError(ApiError::Kind::Keychain, detail)); });
}

void KeychainJob::reportMissing()
{
    findEntries(this, m_service, m_entry, [this](Entries entries) {
        if (entries.locked > 0)
            fail(CredentialStore::tr("the keyring is locked"));
        else
            finish([this] { Q_EMIT missing(); });
    });
}

void KeychainJob::reportRemoved()
{
    findEntries(this, m_service, m_entry, [this](Entries entries) {
        if (entries.locked > 0)
            fail(CredentialStore::tr("the keyring is locked"));
        else if (entries.unlocked > 0)
            fail(describe(QKeychain::CouldNotDeleteEntry));
        else
            finish([this] { Q_EMIT succeeded({}, {}); });
    });
}

} // namespace faultshare
