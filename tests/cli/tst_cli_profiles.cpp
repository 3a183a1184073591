// `faultshare profiles`, `profiles export` and `profiles import` as scripts run them: the
// real binary in a child process with a HOME and settings directory of its own, the
// settings file prepared and inspected through Profiles and Settings.

#include "CliRunner.h"
#include "DemoServer.h"
#include "Profiles.h"
#include "Settings.h"

#include <QFile>
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

bool isOneErrorLine(const QByteArray& err)
{
    return err.startsWith("faultshare: ") && err.count('\n') == 1 && err.endsWith(".\n");
}

} // namespace

class tst_CliProfiles final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_home;

    CliRun run(const QStringList& arguments, const QByteArray& input = {})
    {
        return TestSupport::runFaultshare(arguments, TestSupport::isolatedEnvironment(m_home->path()), input);
    }

    // The settings file the child reads and writes.
    std::unique_ptr<QSettings> childSettings() const
    {
        return std::make_unique<QSettings>(TestSupport::childSettingsFile(m_home->path()), QSettings::IniFormat);
    }

    QByteArray childSettingsBytes() const
    {
        QFile file(TestSupport::childSettingsFile(m_home->path()));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    // lab (loopback http, 480 min, a CA file) and "NOC wall 2" besides default.
    void addProfiles()
    {
        auto store = childSettings();
        Profiles profiles(*store);
        QVERIFY(profiles.add(u"lab"_s));
        QVERIFY(profiles.add(u"NOC wall 2"_s));
        Settings lab(*store, u"lab"_s);
        lab.setApiUrl(QUrl(u"http://127.0.0.1:8080"_s));
        lab.setDefaultMinutes(480);
        lab.setCaFile(u"/etc/ssl/lab.pem"_s);
    }

    QString writeFile(const QString& name, const QByteArray& bytes) const
    {
        const QString path = m_home->filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            return {};
        return path;
    }

private Q_SLOTS:
    void init()
    {
        m_home = std::make_unique<QTemporaryDir>();
        QVERIFY(m_home->isValid());
    }

    void cleanup() { m_home.reset(); }

    void list_text_isAlignedTable()
    {
        addProfiles();
        const CliRun r = run({u"profiles"_s});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.isEmpty(), r.err.constData());
        const QStringList lines = QString::fromUtf8(r.out).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 4);
        QVERIFY(lines.at(0).startsWith(u"NAME "_s));
        QVERIFY(lines.at(1).startsWith(u"default "_s));
        QVERIFY(lines.at(2).startsWith(u"lab "_s));
        QVERIFY(lines.at(3).startsWith(u"NOC wall 2 "_s));
        // Columns line up under their headings.
        const qsizetype urlColumn = lines.at(0).indexOf(u"API URL"_s);
        const qsizetype minutesColumn = lines.at(0).indexOf(u"MINUTES"_s);
        const qsizetype caColumn = lines.at(0).indexOf(u"CA FILE"_s);
        QCOMPARE(lines.at(1).indexOf(u"https://v1.api.altostrat.io"_s), urlColumn);
        QCOMPARE(lines.at(2).indexOf(u"http://127.0.0.1:8080"_s), urlColumn);
        QCOMPARE(lines.at(2).indexOf(u"480"_s), minutesColumn);
        QCOMPARE(lines.at(2).indexOf(u"/etc/ssl/lab.pem"_s), caColumn);
        QCOMPARE(lines.at(3).indexOf(u"60"_s), minutesColumn);
    }

    void list_json_isArrayOfProfiles()
    {
        addProfiles();
        const CliRun r = run({u"profiles"_s, u"--format"_s, u"json"_s});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray array = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(array.size(), 3);
        QCOMPARE(array.at(0).toObject().value(u"name"_s).toString(), u"default"_s);
        const QJsonObject lab = array.at(1).toObject();
        QCOMPARE(lab.value(u"name"_s).toString(), u"lab"_s);
        QCOMPARE(lab.value(u"api_url"_s).toString(), u"http://127.0.0.1:8080"_s);
        QCOMPARE(lab.value(u"default_minutes"_s).toInt(), 480);
        QCOMPARE(lab.value(u"ca_file"_s).toString(), u"/etc/ssl/lab.pem"_s);
    }

    void list_badFormat_exit2()
    {
        const CliRun r = run({u"profiles"_s, u"--format"_s, u"xml"_s});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.startsWith("faultshare: ") && r.err.count('\n') == 1, r.err.constData());
    }

    void export_all_or_named_profiles()
    {
        addProfiles();
        CliRun r = run({u"profiles"_s, u"export"_s});
        QCOMPARE(r.exitCode, 0);
        QJsonObject root = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(root.value(u"format"_s).toString(), u"faultshare-profiles"_s);
        QCOMPARE(root.value(u"version"_s).toInt(), 1);
        QCOMPARE(root.value(u"profiles"_s).toArray().size(), 3);

        r = run({u"profiles"_s, u"export"_s, u"NOC wall 2"_s, u"lab"_s});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray two = QJsonDocument::fromJson(r.out).object().value(u"profiles"_s).toArray();
        QCOMPARE(two.size(), 2);
        QCOMPARE(two.at(0).toObject().value(u"name"_s).toString(), u"NOC wall 2"_s);
        QCOMPARE(two.at(1).toObject().value(u"name"_s).toString(), u"lab"_s);

        const QString path = m_home->filePath(u"out.json"_s);
        r = run({u"profiles"_s, u"export"_s, u"lab"_s, u"--output"_s, path});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.isEmpty());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(file.readAll()).object().value(u"profiles"_s).toArray().size(), 1);
    }

    void export_unknownName_exit2()
    {
        addProfiles();
        const CliRun r = run({u"profiles"_s, u"export"_s, u"lab"_s, u"nope"_s});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QCOMPARE(r.err, QByteArray("faultshare: No profile named \"nope\"; faultshare profiles lists them.\n"));
    }

    void import_goodFile_printsNames_andCreatesProfiles()
    {
        addProfiles();
        const QByteArray json = run({u"profiles"_s, u"export"_s}).out;
        QVERIFY(!json.isEmpty());
        // Into a fresh settings directory.
        m_home = std::make_unique<QTemporaryDir>();
        const QString path = writeFile(u"profiles.json"_s, json);
        QVERIFY(!path.isEmpty());
        CliRun r = run({u"profiles"_s, u"import"_s, path});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.isEmpty(), r.err.constData());
        QCOMPARE(r.out, QByteArray("default\nlab\nNOC wall 2\n"));
        auto store = childSettings();
        QCOMPARE(Profiles(*store).names(), (QStringList{u"default"_s, u"lab"_s, u"NOC wall 2"_s}));
        const Settings lab(*store, u"lab"_s);
        QCOMPARE(lab.apiUrl(), QUrl(u"http://127.0.0.1:8080"_s));
        QCOMPARE(lab.defaultMinutes(), 480);
        QCOMPARE(lab.caFile(), u"/etc/ssl/lab.pem"_s);

        // Standard input works too.
        const QByteArray one = "{\"format\":\"faultshare-profiles\",\"version\":1,\"profiles\":[{\"name\":\"stdin\","
                               "\"api_url\":\"https://a.example\",\"default_minutes\":5,\"ca_file\":\"\"}]}";
        r = run({u"profiles"_s, u"import"_s, u"-"_s}, one);
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("stdin\n"));
    }

    // A shared file must not quietly point an existing profile (and its stored key)
    // somewhere else: without --replace nothing is written, and the changes are named.
    void import_retargetingExistingProfile_needsReplace()
    {
        addProfiles();
        const QByteArray retarget = "{\"format\":\"faultshare-profiles\",\"version\":1,\"profiles\":["
                                    "{\"name\":\"new one\",\"api_url\":\"https://new.example\",\"default_minutes\":5},"
                                    "{\"name\":\"lab\",\"api_url\":\"https://elsewhere.example\",\"default_minutes\":480,"
                                    "\"ca_file\":\"/etc/ssl/lab.pem\"}]}";
        const QByteArray before = childSettingsBytes();
        CliRun r = run({u"profiles"_s, u"import"_s, u"-"_s}, retarget);
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY2(r.err.contains("--replace") && r.err.contains("http://127.0.0.1:8080") && r.err.contains("https://elsewhere.example"),
                 r.err.constData());
        QVERIFY(r.out.isEmpty());
        QCOMPARE(childSettingsBytes(), before);

        // A change within the same origin is no retarget.
        const QByteArray sameOrigin = "{\"format\":\"faultshare-profiles\",\"version\":1,\"profiles\":["
                                      "{\"name\":\"lab\",\"api_url\":\"http://127.0.0.1:8080/v2\",\"default_minutes\":60}]}";
        r = run({u"profiles"_s, u"import"_s, u"-"_s}, sameOrigin);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(Settings(*childSettings(), u"lab"_s).defaultMinutes(), 60);

        r = run({u"profiles"_s, u"import"_s, u"--replace"_s, u"-"_s}, retarget);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(r.out, QByteArray("new one\nlab\n"));
        QCOMPARE(Settings(*childSettings(), u"lab"_s).apiUrl(), QUrl(u"https://elsewhere.example"_s));
    }

    void import_badFile_exit2_changesNothing_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QByteArray>("mentions");
        // (Not raw string literals: moc 6.4 loses the class after a multi-line one.)
        const QByteArray head = "{\"format\":\"faultshare-profiles\",\"version\":1,\"profiles\":["
                                "{\"name\":\"good\",\"api_url\":\"https://a.example\",\"default_minutes\":5,\"ca_file\":\"\"},";
        QTest::newRow("bad url in second profile")
            << head + "{\"name\":\"bad\",\"api_url\":\"http://a.example\",\"default_minutes\":5,\"ca_file\":\"\"}]}"
            << QByteArray("\"bad\"");
        QTest::newRow("api key in file")
            << head + "{\"name\":\"leak\",\"api_url\":\"https://a.example\",\"default_minutes\":5,"
                      "\"api_key\":\"tok:team:sekritValue42\"}]}"
            << QByteArray("\"api_key\"");
        QTest::newRow("not json") << QByteArray("hello") << QByteArray("not a FaultShare profiles export");
        QTest::newRow("wrong version")
            << QByteArray("{\"format\":\"faultshare-profiles\",\"version\":9,\"profiles\":[]}") << QByteArray("version");
    }

    void import_badFile_exit2_changesNothing()
    {
        QFETCH(QByteArray, json);
        QFETCH(QByteArray, mentions);
        addProfiles();
        const QByteArray before = childSettingsBytes();
        QVERIFY(!before.isEmpty());
        const QString path = writeFile(u"bad.json"_s, json);
        const CliRun r = run({u"profiles"_s, u"import"_s, path});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(isOneErrorLine(r.err), r.err.constData());
        QVERIFY2(r.err.contains(mentions), r.err.constData());
        QVERIFY(!r.err.contains("sekritValue42"));
        QCOMPARE(childSettingsBytes(), before);
    }

    void import_usageErrors_exit2_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("no file") << QStringList{u"profiles"_s, u"import"_s};
        QTest::newRow("missing file") << QStringList{u"profiles"_s, u"import"_s, u"/nonexistent/p.json"_s};
        QTest::newRow("two files") << QStringList{u"profiles"_s, u"import"_s, u"a"_s, u"b"_s};
        QTest::newRow("unknown option") << QStringList{u"profiles"_s, u"import"_s, u"--api-key"_s, u"x"_s};
    }

    void import_usageErrors_exit2()
    {
        QFETCH(QStringList, arguments);
        const CliRun r = run(arguments);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.startsWith("faultshare: ") && r.err.count('\n') == 1, r.err.constData());
    }

    void help_exit0_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("mentions");
        QTest::newRow("list") << QStringList{u"profiles"_s, u"--help"_s} << QByteArray("--format");
        QTest::newRow("export") << QStringList{u"profiles"_s, u"export"_s, u"--help"_s} << QByteArray("--output");
        QTest::newRow("import") << QStringList{u"profiles"_s, u"import"_s, u"--help"_s} << QByteArray("FILE");
    }

    void help_exit0()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, mentions);
        const CliRun r = run(arguments);
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("Usage:"));
        QVERIFY2(r.out.contains(mentions), r.out.constData());
        QVERIFY(r.out.contains("Keys are never"));
    }

    void generate_unknownProfile_exit2_withoutRequest()
    {
        DemoServer demo(DemoServer::generateApiKey());
        QVERIFY(demo.listen());
        const CliRun r = run({u"generate"_s, u"--profile"_s, u"nope"_s, u"--api-url"_s, demo.url().toString()});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QCOMPARE(r.err, QByteArray("faultshare: No profile named \"nope\"; faultshare profiles lists them.\n"));
        QCOMPARE(demo.tokenRequestCount(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_CliProfiles)
#include "tst_cli_profiles.moc"
