#pragma once

// The one answer a keychain job ends in, for tests that drive the real keychain.

#include "CredentialStore.h"
#include "KeychainJob.h"

#include <QLoggingCategory>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTest>

using namespace faultshare;

namespace TestSupport {

struct KeychainOutcome
{
    QString signal; // "read", "missing", "written", "removed", "failed"; empty: no answer in time
    QString secret; // of a read
    QString origin; // of a read: what the secret was bound to
    ApiError error; // of a failure
};

// Waits for job's one answer; success is named by what the job did.
inline KeychainOutcome waitForJob(KeychainJob* job, int timeoutMs = 30000)
{
    using namespace Qt::StringLiterals;
    KeychainOutcome outcome;
    QObject context;
    const QString done = job->operation() == KeychainJob::Operation::Read ? u"read"_s
        : job->operation() == KeychainJob::Operation::Write              ? u"written"_s
                                                                          : u"removed"_s;
    QObject::connect(job, &KeychainJob::succeeded, &context, [&outcome, done](const QString& secret, const QString& origin) {
        outcome = {done, secret, origin, {}};
    });
    QObject::connect(job, &KeychainJob::missing, &context, [&outcome] { outcome = {u"missing"_s, {}, {}, {}}; });
    QObject::connect(job, &KeychainJob::failed, &context,
                     [&outcome](const ApiError& error) { outcome = {u"failed"_s, {}, {}, error}; });
    (void)QTest::qWaitFor([&outcome] { return !outcome.signal.isEmpty(); }, timeoutMs);
    return outcome;
}

inline KeychainOutcome readSecret(const CredentialStore& store, const QString& entry, int timeoutMs = 30000)
{
    QObject caller;
    return waitForJob(store.read(entry, &caller), timeoutMs);
}

inline KeychainOutcome writeSecret(const CredentialStore& store, const QString& entry, const QString& secret,
                                   const QString& origin = {}, int timeoutMs = 30000)
{
    QObject caller;
    return waitForJob(store.write(entry, secret, origin, &caller), timeoutMs);
}

inline KeychainOutcome removeSecret(const CredentialStore& store, const QString& entry, int timeoutMs = 30000)
{
    QObject caller;
    return waitForJob(store.remove(entry, &caller), timeoutMs);
}

// The keychain jobs started in this process while it lives ("Read started for api-key/x"),
// from their faultshare.keychain log lines: proves that something did not ask the keychain.
class KeychainJobLog final
{
public:
    KeychainJobLog()
    {
        s_current = this;
        QLoggingCategory::setFilterRules(QStringLiteral("faultshare.keychain.info=true"));
        m_previous = qInstallMessageHandler(&KeychainJobLog::handle);
    }
    ~KeychainJobLog()
    {
        qInstallMessageHandler(m_previous);
        QLoggingCategory::setFilterRules(QString());
        s_current = nullptr;
    }
    Q_DISABLE_COPY_MOVE(KeychainJobLog)

    // The jobs started on entries starting with prefix (all when empty).
    qsizetype count(const QString& prefix = {}) const
    {
        qsizetype n = 0;
        for (const QString& line : m_started)
            n += line.section(QStringLiteral(" started for "), 1).remove(QLatin1Char('"')).startsWith(prefix) ? 1 : 0;
        return n;
    }

private:
    static void handle(QtMsgType type, const QMessageLogContext& context, const QString& message)
    {
        if (s_current && qstrcmp(context.category, "faultshare.keychain") == 0 && message.contains(QStringLiteral(" started for ")))
            s_current->m_started << message;
        if (s_current && s_current->m_previous && type != QtInfoMsg)
            s_current->m_previous(type, context, message);
    }

    static inline KeychainJobLog* s_current = nullptr;
    QtMessageHandler m_previous = nullptr;
    QStringList m_started;
};

} // namespace TestSupport
