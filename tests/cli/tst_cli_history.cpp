#include "CliRunner.h"
#include "CredentialStore.h"
#include "DemoServer.h"
#include "KeychainOutcome.h"
#include "TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>

using namespace faultshare;

using namespace Qt::StringLiterals;

using TestSupport::CliRun;

namespace {

constexpr int TimeoutMs = 30000;

} // namespace

// `faultshare generate` keeps what it minted; `faultshare history` lists it. The real
// binary in a child process with a HOME of its own, against the demo API on loopback and
// the real Secret Service of the test session (the app's service name).
class tst_CliHistory final : public QObject
{
    Q_OBJECT

private:
    QString m_key = DemoServer::generateApiKey();
    DemoServer* m_demo = nullptr;
    std::unique_ptr<QTemporaryDir> m_home;

    QString configFile() const { return TestSupport::childSettingsFile(m_home->path()); }

    CliRun run(const QStringList& arguments)
    {
        return TestSupport::runFaultshare(arguments, TestSupport::isolatedEnvironment(m_home->path(), m_key));
    }

    // A minted link: token and short link from generate's JSON.
    QJsonObject generate(const QStringList& more)
    {
        const CliRun r = run(QStringList{u"generate"_s, u"--api-url"_s, m_demo->url().toString(), u"--format"_s, u"json"_s}
                             + more);
        if (r.exitCode != 0 || !r.err.isEmpty()) {
            qWarning("generate failed (%d): %s", r.exitCode, r.err.constData());
            return {};
        }
        return QJsonDocument::fromJson(r.out).object();
    }

    // A row written as the app writes it, with no keychain entry behind it.
    void writeRow(const QString& id, const QString& label, const QString& profile, const QDateTime& expiresAt)
    {
        QSettings file(configFile(), QSettings::IniFormat);
        file.beginGroup(u"history/links/"_s + id);
        file.setValue(u"label"_s, label);
        file.setValue(u"profile"_s, profile);
        file.setValue(u"issuedAt"_s, expiresAt.addSecs(-900).toString(Qt::ISODateWithMs));
        file.setValue(u"expiresAt"_s, expiresAt.toString(Qt::ISODateWithMs));
        file.endGroup();
        file.sync();
    }

    QStringList rowIds() const
    {
        QSettings file(configFile(), QSettings::IniFormat);
        file.beginGroup(u"history/links"_s);
        return file.childGroups();
    }

    QJsonArray historyJson(const QStringList& more = {})
    {
        const CliRun r = run(QStringList{u"history"_s, u"--format"_s, u"json"_s} + more);
        if (r.exitCode != 0)
            return {};
        QJsonParseError error{};
        const QJsonDocument document = QJsonDocument::fromJson(r.out, &error);
        return error.error == QJsonParseError::NoError && document.isArray() ? document.array() : QJsonArray{};
    }

    static void checkNoToken(const CliRun& r, const QString& token)
    {
        QVERIFY(token.count(u'.') == 2);
        const QByteArray signature = token.section(u'.', 2).toUtf8();
        QVERIFY2(!r.out.contains(token.toUtf8()) && !r.out.contains(signature), "the token on stdout");
        QVERIFY2(!r.err.contains(token.toUtf8()) && !r.err.contains(signature), "the token on stderr");
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

    // The keychain entries of this test's rows go with them.
    void cleanup()
    {
        const QStringList ids = rowIds();
        CredentialStore store(u"FaultShare"_s);
        // Each removal answers (removed, or failed: nothing to fix here).
        for (const QString& id : ids)
            QVERIFY(!TestSupport::removeSecret(store, CredentialStore::historyEntry(id), TimeoutMs).signal.isEmpty());
        m_home.reset();
    }

    void generate_thenHistory_listsLinkButNeverToken()
    {
        const QJsonObject minted = generate({u"--minutes"_s, u"30"_s, u"--label"_s, u"NOC wall 9"_s});
        const QString token = minted.value(u"token"_s).toString();
        const QString link = minted.value(u"short_link"_s).toString();
        QVERIFY(link.startsWith(m_demo->url().toString()));

        const CliRun text = run({u"history"_s});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.err.isEmpty(), text.err.constData());
        const QStringList lines = QString::fromUtf8(text.out).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines.at(0).startsWith(u"LABEL"_s), qPrintable(lines.at(0)));
        for (const char* column : {"PROFILE", "EXPIRES", "REMAINING", "LINK"})
            QVERIFY2(lines.at(0).contains(QLatin1StringView(column)), column);
        QVERIFY(lines.at(1).startsWith(u"NOC wall 9"_s));
        QVERIFY(lines.at(1).contains(u" default "_s));
        QVERIFY2(lines.at(1).endsWith(link), qPrintable(lines.at(1)));
        // Aligned: every column starts where its heading does.
        QCOMPARE(lines.at(1).indexOf(u"default"_s), lines.at(0).indexOf(u"PROFILE"_s));
        QCOMPARE(lines.at(1).indexOf(link), lines.at(0).indexOf(u"LINK"_s));
        QVERIFY2(lines.at(1).contains(u" 29:5"_s) || lines.at(1).contains(u" 30:00"_s), qPrintable(lines.at(1)));
        const QDateTime expiresAt = QDateTime::fromString(minted.value(u"expires_at"_s).toString(), Qt::ISODateWithMs);
        QVERIFY(lines.at(1).contains(expiresAt.toString(u"yyyy-MM-dd HH:mm"_s)));
        checkNoToken(text, token);

        const CliRun json = run({u"history"_s, u"--format"_s, u"json"_s});
        QCOMPARE(json.exitCode, 0);
        checkNoToken(json, token);
        const QJsonArray rows = QJsonDocument::fromJson(json.out).array();
        QCOMPARE(rows.size(), 1);
        const QJsonObject row = rows.first().toObject();
        QCOMPARE(row.value(u"label"_s).toString(), u"NOC wall 9"_s);
        QCOMPARE(row.value(u"profile"_s).toString(), u"default"_s);
        QCOMPARE(row.value(u"short_link"_s).toString(), link);
        QCOMPARE(row.value(u"expired"_s).toBool(true), false);
        QCOMPARE(QDateTime::fromString(row.value(u"expires_at"_s).toString(), Qt::ISODateWithMs), expiresAt);
        QVERIFY(QDateTime::fromString(row.value(u"issued_at"_s).toString(), Qt::ISODateWithMs).isValid());
        const int remaining = row.value(u"remaining_seconds"_s).toInt(-1);
        QVERIFY2(remaining > 25 * 60 && remaining <= 30 * 60, qPrintable(QString::number(remaining)));
        QCOMPARE(rowIds(), QStringList{row.value(u"id"_s).toString()});
        QVERIFY(!row.contains(u"token"_s));

        // Security rule 8: the settings hold neither token nor link.
        QCOMPARE(TestSupport::filesContaining(m_home->path(), token.toUtf8()), QStringList());
        QCOMPARE(TestSupport::filesContaining(m_home->path(), link.toUtf8()), QStringList());
        QCOMPARE(TestSupport::filesContaining(m_home->path(), u"NOC wall 9"_s.toUtf8()), QStringList{configFile()});
    }

    void severalLinks_newestFirst()
    {
        const QString first = generate({u"--label"_s, u"first"_s}).value(u"short_link"_s).toString();
        QTest::qWait(1100); // issued a second apart: the JWT's iat has whole seconds
        const QString second = generate({u"--label"_s, u"second"_s}).value(u"short_link"_s).toString();
        QVERIFY(!first.isEmpty() && !second.isEmpty());
        const QJsonArray rows = historyJson();
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(0).toObject().value(u"label"_s).toString(), u"second"_s);
        QCOMPARE(rows.at(0).toObject().value(u"short_link"_s).toString(), second);
        QCOMPARE(rows.at(1).toObject().value(u"short_link"_s).toString(), first);
    }

    void all_listsExpiredRows_andOldOnesArePurged()
    {
        const QString live = generate({u"--label"_s, u"live"_s}).value(u"short_link"_s).toString();
        QVERIFY(!live.isEmpty());
        const QDateTime now = QDateTime::currentDateTimeUtc();
        writeRow(u"expired-row"_s, u"yesterday"_s, u"default"_s, now.addDays(-1));
        writeRow(u"old-row"_s, u"last month"_s, u"default"_s, now.addDays(-30)); // past the 7-day purge

        const CliRun active = run({u"history"_s});
        QCOMPARE(active.exitCode, 0);
        QVERIFY2(active.err.isEmpty(), active.err.constData());
        QVERIFY(active.out.contains(live.toUtf8()));
        QVERIFY(!active.out.contains("yesterday"));
        QVERIFY(!active.out.contains("last month"));
        QVERIFY(!rowIds().contains(u"old-row"_s));
        QVERIFY(rowIds().contains(u"expired-row"_s));

        const CliRun all = run({u"history"_s, u"--all"_s});
        QCOMPARE(all.exitCode, 0);
        QVERIFY2(all.err.isEmpty(), all.err.constData()); // an expired row's link is not read
        const QStringList lines = QString::fromUtf8(all.out).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QVERIFY(lines.at(1).startsWith(u"live"_s));
        QVERIFY(lines.at(2).startsWith(u"yesterday"_s));
        QVERIFY(lines.at(2).contains(u"Expired"_s));
        QVERIFY(lines.at(2).endsWith(u"—"_s));
        QVERIFY(!all.out.contains("last month"));

        const QJsonArray rows = historyJson({u"--all"_s});
        QCOMPARE(rows.size(), 2);
        const QJsonObject expired = rows.at(1).toObject();
        QCOMPARE(expired.value(u"id"_s).toString(), u"expired-row"_s);
        QCOMPARE(expired.value(u"expired"_s).toBool(), true);
        QCOMPARE(expired.value(u"remaining_seconds"_s).toInt(-1), 0);
        QVERIFY(!expired.contains(u"short_link"_s));
    }

    void profile_listsOnlyThatProfile()
    {
        const QDateTime later = QDateTime::currentDateTimeUtc().addSecs(3600);
        writeRow(u"a"_s, u"ops row"_s, u"ops"_s, later);
        writeRow(u"b"_s, u"lab row"_s, u"lab"_s, later.addSecs(-60));
        const CliRun r = run({u"history"_s, u"--profile"_s, u"lab"_s});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("lab row"));
        QVERIFY(!r.out.contains("ops row"));
    }

    void keychainHasNoEntry_rowListedWithoutLink_oneLineOnStderr()
    {
        writeRow(u"no-secret"_s, u"lost"_s, u"default"_s, QDateTime::currentDateTimeUtc().addSecs(3600));
        const CliRun r = run({u"history"_s});
        QCOMPARE(r.exitCode, 0);
        const QStringList lines = QString::fromUtf8(r.out).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QVERIFY(lines.at(1).startsWith(u"lost"_s));
        QVERIFY(lines.at(1).endsWith(u"—"_s));
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY2(r.err.contains("lost") && r.err.contains("no longer in the keychain"), r.err.constData());

        const QJsonArray rows = historyJson();
        QCOMPARE(rows.size(), 1);
        QVERIFY(!rows.first().toObject().contains(u"short_link"_s));
    }

    void noHistory_keepsNothing()
    {
        const QJsonObject minted = generate({u"--no-history"_s});
        QVERIFY(!minted.value(u"short_link"_s).toString().isEmpty());
        QCOMPARE(rowIds(), QStringList());
        const CliRun r = run({u"history"_s});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("No links.\n"));
        const CliRun json = run({u"history"_s, u"--format"_s, u"json"_s});
        QCOMPARE(json.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(json.out).array().size(), 0);
        QVERIFY(QJsonDocument::fromJson(json.out).isArray());
    }

    void usageErrors_exit2_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("format") << QStringList{u"history"_s, u"--format"_s, u"xml"_s};
        QTest::newRow("unknown option") << QStringList{u"history"_s, u"--minutes"_s, u"5"_s};
        QTest::newRow("extra argument") << QStringList{u"history"_s, u"now"_s};
        QTest::newRow("empty profile") << QStringList{u"history"_s, u"--profile"_s, QString()};
    }

    void usageErrors_exit2()
    {
        QFETCH(QStringList, arguments);
        const CliRun r = run(arguments);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY2(r.err.startsWith("faultshare: "), r.err.constData());
    }

    void help_documentsOptions()
    {
        const CliRun history = run({u"history"_s, u"--help"_s});
        QCOMPARE(history.exitCode, 0);
        for (const char* option : {"--all", "--format", "--profile"})
            QVERIFY2(history.out.contains(option), option);
        const CliRun generate = run({u"generate"_s, u"--help"_s});
        QCOMPARE(generate.exitCode, 0);
        QVERIFY(generate.out.contains("--no-history"));
    }
};

QTEST_GUILESS_MAIN(tst_CliHistory)
#include "tst_cli_history.moc"
