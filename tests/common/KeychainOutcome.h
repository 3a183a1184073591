#pragma once

// The one answer a CredentialStore job ends in, for tests that drive the real keychain.

#include "CredentialStore.h"

#include <QObject>
#include <QString>
#include <QTest>

#include <functional>

namespace TestSupport {

struct KeychainOutcome
{
    QString signal; // "read", "missing", "written", "removed", "failed"; empty: no answer in time
    QString secret; // of a read
};

// Runs start() (which starts one job on store) and waits for store's next answer.
inline KeychainOutcome waitForKeychain(CredentialStore& store, const std::function<void()>& start,
                                       int timeoutMs = 30000)
{
    using namespace Qt::StringLiterals;
    KeychainOutcome outcome;
    QObject context;
    QObject::connect(&store, &CredentialStore::secretRead, &context,
                     [&outcome](const QString&, const QString& secret) { outcome = {u"read"_s, secret}; });
    QObject::connect(&store, &CredentialStore::secretMissing, &context, [&outcome] { outcome = {u"missing"_s, {}}; });
    QObject::connect(&store, &CredentialStore::secretWritten, &context, [&outcome] { outcome = {u"written"_s, {}}; });
    QObject::connect(&store, &CredentialStore::secretRemoved, &context, [&outcome] { outcome = {u"removed"_s, {}}; });
    QObject::connect(&store, &CredentialStore::failed, &context, [&outcome] { outcome = {u"failed"_s, {}}; });
    start();
    (void)QTest::qWaitFor([&outcome] { return !outcome.signal.isEmpty(); }, timeoutMs);
    return outcome;
}

} // namespace TestSupport
