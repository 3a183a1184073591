#include "CliRunner.h"
#include "CredentialStore.h"
#include "DemoServer.h"
#include "KeychainOutcome.h"
#include "ScriptedServer.h"
#include "Settings.h"
#include "TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace faultshare;

using namespace Qt::StringLiterals;

using TestSupport::CliRun;

namespace {

constexpr int TimeoutMs = 30000;

// The reference's Fault members: what --format json passes on as the server sent them.
const QStringList ReferenceFields{u"id"_s,         u"resource_id"_s, u"customer_id"_s, u"microservice_id"_s,
                                  u"type"_s,       u"status"_s,      u"severity"_s,    u"message"_s,
                                  u"cause"_s,      u"created_at"_s,  u"resolved_at"_s, u"resource_ancestry_path"_s,
                                  u"ttl"_s,        u"comments"_s};

} // namespace

// `faultshare preview`: the real binary in a child process with a HOME of its own,
// against the demo API on loopback (and a scripted peer for odd lists), with the real
// Secret Service of the test session.
class tst_CliPreview final : public QObject
{
    Q_OBJECT

private:
    QString m_key = DemoServer::generateApiKey();
    DemoServer* m_demo = nullptr;
    std::unique_ptr<QTemporaryDir> m_home;

    CliRun run(const QStringList& arguments, const QString& key)
    {
        return TestSupport::runFaultshare(arguments, key.isEmpty() ? TestSupport::isolatedEnvironment(m_home->path())
                                                                   : TestSupport::isolatedEnvironment(m_home->path(), key));
    }

    QJsonObject generate(const QStringList& more = {})
    {
        const CliRun r = run(QStringList{u"generate"_s, u"--api-url"_s, m_demo->url().toString(), u"--format"_s, u"json"_s}
                                 + more,
                             m_key);
        if (r.exitCode != 0 || !r.err.isEmpty()) {
            qWarning("generate failed (%d): %s", r.exitCode, r.err.constData());
            return {};
        }
        return QJsonDocument::fromJson(r.out).object();
    }

    QStringList preview(const QStringList& more, const QString& key, CliRun* result = nullptr)
    {
        const CliRun r = run(QStringList{u"preview"_s, u"--api-url"_s, m_demo->url().toString()} + more, key);
        if (result)
            *result = r;
        return QString::fromUtf8(r.out).split(u'\n', Qt::SkipEmptyParts);
    }

    static void checkSecretsKept(const CliRun& r, const QString& token, const QString& key)
    {
        const QByteArray signature = token.section(u'.', 2).toUtf8();
        QVERIFY2(!r.err.contains(signature) && !r.err.contains(key.toUtf8()), r.err.constData());
        QVERIFY2(!r.out.contains(signature) && !r.out.contains(key.toUtf8()), "a secret on stdout");
    }

    static bool keychain(const QString& entry, const std::optional<QString>& secret)
    {
        const CredentialStore store(u"FaultShare"_s);
        const TestSupport::KeychainOutcome outcome
            = secret ? TestSupport::writeSecret(store, entry, *secret) : TestSupport::removeSecret(store, entry);
        return outcome.signal == (secret ? u"written"_s : u"removed"_s);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_demo = new DemoServer(m_key, this);
        QVERIFY(m_demo->listen());
    }

    void init()
    {
        m_home = std::make_unique<QTemporaryDir>();
        QVERIFY(m_home->isValid());
    }

    void cleanup()
    {
        QSettings file(TestSupport::childSettingsFile(m_home->path()), QSettings::IniFormat);
        file.beginGroup(u"history/links"_s);
        for (const QString& id : file.childGroups())
            keychain(CredentialStore::historyEntry(id), std::nullopt);
        keychain(CredentialStore::apiKeyEntry(u"default"_s), std::nullopt);
        m_home.reset();
    }

    void token_text_oneLinePerFault_unresolvedFirst()
    {
        const QString token = generate({u"--no-history"_s}).value(u"token"_s).toString();
        QVERIFY(!token.isEmpty());
        CliRun r;
        const QStringList lines = preview({token}, m_key, &r);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.err.isEmpty(), r.err.constData());
        QCOMPARE(lines.size(), 7);
        // Severity, status, where, message; unresolved first, then Critical..Low.
        QVERIFY2(lines.at(0).startsWith(u"Critical"_s) && lines.at(0).contains(u" unresolved "_s), qPrintable(lines.at(0)));
        QVERIFY2(lines.at(0).contains(u"site_"_s) && lines.at(0).contains(u"dev_"_s), qPrintable(lines.at(0)));
        QVERIFY(lines.at(0).endsWith(u"Site offline: no heartbeat for 5 minutes"_s));
        QVERIFY(lines.at(3).startsWith(u"Warning"_s));
        for (int i = 4; i < 7; ++i)
            QVERIFY2(lines.at(i).contains(u" resolved "_s), qPrintable(lines.at(i)));
        QVERIFY(lines.at(6).startsWith(u"Low"_s));
        // Aligned columns: the status starts at the same place on every line.
        const qsizetype column = lines.at(0).indexOf(u"unresolved"_s);
        for (const QString& line : lines)
            QVERIFY2(line.indexOf(u"resolved"_s) == column || line.indexOf(u"unresolved"_s) == column, qPrintable(line));
        checkSecretsKept(r, token, m_key);
    }

    void token_json_isTheServersObjects()
    {
        const QString token = generate({u"--no-history"_s}).value(u"token"_s).toString();
        CliRun r;
        preview({u"--format"_s, u"json"_s, token}, m_key, &r);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonArray faults = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(faults.size(), 7);
        for (const QJsonValue& value : faults) {
            const QJsonObject fault = value.toObject();
            QCOMPARE(QStringList(fault.keys()).size(), ReferenceFields.size());
            for (const QString& field : ReferenceFields)
                QVERIFY2(fault.contains(field), qPrintable(field));
            // As sent: lower-case status, upper-case severity, null while active.
            QVERIFY(fault.value(u"status"_s) == u"unresolved"_s || fault.value(u"status"_s) == u"resolved"_s);
            QCOMPARE(fault.value(u"resolved_at"_s).isNull(), fault.value(u"status"_s) == u"unresolved"_s);
            QCOMPARE(fault.value(u"severity"_s).toString(), fault.value(u"severity"_s).toString().toUpper());
        }
        QCOMPARE(faults.first().toObject().value(u"severity"_s).toString(), u"CRITICAL"_s);
        checkSecretsKept(r, token, m_key);
    }

    // A short link is found in the history and goes back to the API that issued it, with
    // the stored key of the profile whose API that is; its token never shows.
    void linkFromHistory_isPreviewed_withTheKeyFromTheKeychain()
    {
        {
            QSettings file(TestSupport::childSettingsFile(m_home->path()), QSettings::IniFormat);
            Settings(file).setApiUrl(m_demo->url());
        }
        const QJsonObject minted = generate();
        const QString link = minted.value(u"short_link"_s).toString();
        QVERIFY(!link.isEmpty());
        QVERIFY(keychain(CredentialStore::apiKeyEntry(u"default"_s), m_key));
        const CliRun r = run({u"preview"_s, link}, {});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(QString::fromUtf8(r.out).split(u'\n', Qt::SkipEmptyParts).size(), 7);
        checkSecretsKept(r, minted.value(u"token"_s).toString(), m_key);
    }

    // The stored key belongs to the profile's API: another origin is asked without it.
    void storedKey_neverGoesToAnotherOrigin()
    {
        {
            QSettings file(TestSupport::childSettingsFile(m_home->path()), QSettings::IniFormat);
            Settings(file).setApiUrl(m_demo->url());
        }
        QVERIFY(keychain(CredentialStore::apiKeyEntry(u"default"_s), m_key));
        ScriptedServer elsewhere;
        QVERIFY(elsewhere.listen()); // another port: another origin
        elsewhere.setResponse(ScriptedServer::response(200, "[]"));
        const CliRun r = run({u"preview"_s, u"--api-url"_s, elsewhere.url().toString(), u"tok"_s}, {});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(elsewhere.requests().size(), 1);
        QVERIFY(elsewhere.header(0, "Authorization").isEmpty());
        QVERIFY(!elsewhere.requests().first().contains(m_key.toUtf8()));
    }

    void linkNotInHistory_isUsageError()
    {
        CliRun r;
        preview({m_demo->url().toString() + u"/s/unknown"_s}, m_key, &r);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("not in the history"), r.err.constData());
        QVERIFY(r.out.isEmpty());
    }

    void noKeyAtHand_asksWithout_andSaysAKeyIsNeeded()
    {
        const QString token = generate({u"--no-history"_s}).value(u"token"_s).toString();
        CliRun r;
        preview({token}, {}, &r);
        QCOMPARE(r.exitCode, 3);
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY2(r.err.contains("wants an API key or token"), r.err.constData());
        QVERIFY(r.out.isEmpty());
        checkSecretsKept(r, token, m_key);
    }

    void unknownOrExpiredToken_exit3_data()
    {
        QTest::addColumn<QString>("token");
        QTest::newRow("garbled") << u"eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl"_s;
        QTest::newRow("opaque") << u"not-a-token"_s;
    }

    void unknownOrExpiredToken_exit3()
    {
        QFETCH(QString, token);
        CliRun r;
        preview({token}, m_key, &r);
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains("does not know this link, or it has expired (404"), r.err.constData());
        QVERIFY(!r.err.contains(token.toUtf8()));
    }

    void unreadableFaults_leftOutAndCountedOnStderr()
    {
        ScriptedServer server;
        QVERIFY(server.listen());
        server.setResponse(ScriptedServer::response(
            200, R"([{"id":"flt_1","severity":"error","status":"unresolved","message":"Odd one"},null,7,{}])"));
        CliRun r = TestSupport::runFaultshare({u"preview"_s, u"--api-url"_s, server.url().toString(), u"--format"_s, u"json"_s, u"tok"_s},
                                              TestSupport::isolatedEnvironment(m_home->path(), m_key));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(r.err, QByteArray("faultshare: 3 faults could not be read\n"));
        const QJsonArray faults = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(faults.size(), 1);
        QCOMPARE(faults.first().toObject().value(u"severity"_s).toString(), u"error"_s);
        // The key went along, as Bearer.
        QCOMPARE(server.header(0, "Authorization"), QByteArray("Bearer " + m_key.toUtf8()));

        r = TestSupport::runFaultshare({u"preview"_s, u"--api-url"_s, server.url().toString(), u"tok"_s},
                                       TestSupport::isolatedEnvironment(m_home->path(), m_key));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        // An unknown severity is shown as sent; nothing known is shown as "-".
        QCOMPARE(r.out, QByteArray("error  unresolved  -  Odd one\n"));
    }

    void usageErrors_exit2_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("nothing to preview") << QStringList{u"preview"_s};
        QTest::newRow("two things") << QStringList{u"preview"_s, u"a"_s, u"b"_s};
        QTest::newRow("bad format") << QStringList{u"preview"_s, u"--format"_s, u"qr-png"_s, u"tok"_s};
        QTest::newRow("unknown profile") << QStringList{u"preview"_s, u"--profile"_s, u"nope"_s, u"tok"_s};
        QTest::newRow("plain http remote") << QStringList{u"preview"_s, u"--api-url"_s, u"http://example.com"_s, u"tok"_s};
    }

    void usageErrors_exit2()
    {
        QFETCH(QStringList, arguments);
        const CliRun r = run(arguments, m_key);
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY(r.err.startsWith("faultshare: "));
        QVERIFY(r.out.isEmpty());
    }

    // An unknown word is a usage error, decided before anything needs a display.
    void unknownCommand_exit2_withoutADisplay()
    {
        QProcessEnvironment env = TestSupport::isolatedEnvironment(m_home->path());
        for (const char* name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
            env.remove(QString::fromLatin1(name));
        const CliRun r = TestSupport::runFaultshare({u"genrate"_s, u"--minutes"_s, u"5"_s}, env);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.startsWith("faultshare: Unknown command \"genrate\""), r.err.constData());
        QVERIFY(r.err.contains("generate, preview, history, profiles"));
        QCOMPARE(r.err.count('\n'), 1);
    }

    void help_documentsOptions()
    {
        const CliRun r = run({u"preview"_s, u"--help"_s}, {});
        QCOMPARE(r.exitCode, 0);
        for (const char* option : {"--profile", "--api-url", "--format", "--api-key-stdin", "LINK_OR_TOKEN"})
            QVERIFY2(r.out.contains(option), option);
    }
};

QTEST_GUILESS_MAIN(tst_CliPreview)
#include "tst_cli_preview.moc"
