#include "ApiClient.h"
#include "CliRunner.h"
#include "CredentialStore.h"
#include "DemoServer.h"
#include "EmbedToken.h"
#include "History.h"
#include "HistoryFile.h"
#include "HistoryKey.h"
#include "KeychainOutcome.h"
#include "TestSupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>
#include <optional>
#include <utility>

using namespace faultshare;

using namespace Qt::StringLiterals;

using TestSupport::CliRun;

namespace {

constexpr int TimeoutMs = 30000;

QStringList linesOf(const QByteArray& bytes)
{
    return QString::fromUtf8(bytes).split(u'\n', Qt::SkipEmptyParts);
}

} // namespace

// `faultshare generate` keeps what it minted; `faultshare history` lists it. The real
// binary in a child process with a HOME of its own, against the demo API on loopback and
// the real Secret Service of the test session (the app's service name). The history is
// the one file of that HOME (HistoryFile), read and seeded here as the product writes it.
//
// The history's key (CredentialStore::historyKeyEntry()) of the app's service is shared
// by every test that runs the binary at the same time: nothing here replaces or removes
// it. A key that is missing or another is tst_history's (its own service).
class tst_CliHistory final : public QObject
{
    Q_OBJECT

private:
    QString m_key = DemoServer::generateApiKey();
    DemoServer* m_demo = nullptr;
    std::unique_ptr<QTemporaryDir> m_home;
    QStringList m_oldKeychainIds; // per-link keychain entries of an earlier version, made here

    QString configFile() const { return TestSupport::childSettingsFile(m_home->path()); }
    // Where the child keeps its history: HistoryFile::defaultPath() under its XDG_DATA_HOME.
    QString historyFile() const { return m_home->path() + u"/.local/share/FaultShare/FaultShare/history.jsonl"_s; }
    HistoryFile::Read readHistory() const { return HistoryFile(historyFile()).read(); }

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

    // A token of the demo API, minted in this process (as the window would).
    std::optional<EmbedToken> mint(int minutes)
    {
        ApiClient client;
        client.setApiUrl(m_demo->url());
        client.setApiKey(m_key);
        TokenRequest* request = client.requestToken(minutes);
        std::optional<EmbedToken> token;
        bool failed = false;
        connect(request, &TokenRequest::finished, this, [&token](const EmbedToken& minted) { token = minted; });
        connect(request, &ApiRequest::failed, this, [&failed](const ApiError&) { failed = true; });
        (void)QTest::qWaitFor([&] { return token.has_value() || failed; }, TimeoutMs);
        return token;
    }

    // Adds a row to the history file as `faultshare generate` does: its metadata, and plain
    // (a token in History::toSecret form) sealed with the file's public key; without plain
    // the row is kept without a link. The file must exist (a generate made it, with the
    // history's key of the keychain).
    bool addRow(const QString& id, const QString& label, const QString& profile, const QDateTime& expiresAt,
                const QByteArray& plain)
    {
        HistoryEntry entry;
        entry.id = id;
        entry.label = label;
        entry.profile = profile;
        entry.issuedAt = expiresAt.addSecs(-900);
        entry.expiresAt = expiresAt;
        entry.receivedAt = entry.issuedAt;
        entry.apiUrl = m_demo->url();
        HistoryRecord record = HistoryRecord::of(entry);
        QString error;
        const bool ok = HistoryFile(historyFile()).update([&](const QByteArray& current) -> std::optional<QByteArray> {
            HistoryFile::Read now = HistoryFile::parse(current);
            if (now.status != HistoryFile::Read::Status::Ok) {
                error = u"no history file to add to"_s;
                return std::nullopt;
            }
            if (!plain.isEmpty()) {
                const std::optional<QByteArray> box
                    = HistoryKey::seal(now.contents.publicKey, plain, record.associatedData(), &error);
                if (!box)
                    return std::nullopt;
                record.secret = HistoryRecord::Secret::Sealed;
                record.box = box->toBase64();
            }
            now.contents.records.append(record);
            return HistoryFile::serialize(now.contents);
        }, &error);
        if (!ok || !error.isEmpty())
            qWarning("cannot add a row to the history file: %s", qPrintable(error));
        return ok && error.isEmpty();
    }

    QStringList rowIds() const
    {
        QStringList ids;
        for (const HistoryRecord& record : readHistory().contents.records)
            ids << record.entry.id;
        return ids;
    }

    // The files FaultShare set aside next to the history file.
    QStringList setAside() const
    {
        const QFileInfo file(historyFile());
        return file.dir().entryList({file.fileName() + u".*"_s}, QDir::Files).filter(QRegularExpression(u"\\.[a-z-]+-\\d{8}T\\d{6}Z"_s));
    }

    QJsonArray historyJson(const QStringList& more = {}, CliRun* result = nullptr)
    {
        const CliRun r = run(QStringList{u"history"_s, u"--format"_s, u"json"_s} + more);
        if (result)
            *result = r;
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

    // Neither the token nor its link in any file of the HOME (the history file seals both).
    void checkNothingInFiles(const QString& token, const QString& link)
    {
        QVERIFY(token.count(u'.') == 2 && !link.isEmpty());
        QCOMPARE(TestSupport::filesContaining(m_home->path(), token.toUtf8()), QStringList());
        QCOMPARE(TestSupport::filesContaining(m_home->path(), token.section(u'.', 2).toUtf8()), QStringList());
        QCOMPARE(TestSupport::filesContaining(m_home->path(), link.toUtf8()), QStringList());
    }

    // A profile besides the default one, as the window saves it.
    void addProfile(const QString& name)
    {
        QSettings file(configFile(), QSettings::IniFormat);
        file.setValue(u"profiles/"_s + name + u"/apiUrl"_s, m_demo->url().toString());
        file.sync();
        QCOMPARE(file.status(), QSettings::NoError);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_demo = new DemoServer(m_key, this);
        QVERIFY(m_demo->listen());
        m_demo->setRateLimit(1000000);
    }

    void init()
    {
        m_home = std::make_unique<QTemporaryDir>();
        QVERIFY(m_home->isValid());
    }

    // The old per-link keychain entries a case made go with it, moved or not.
    void cleanup()
    {
        const CredentialStore store(u"FaultShare"_s);
        // Each removal answers (removed, or failed: nothing to fix here).
        for (const QString& id : std::exchange(m_oldKeychainIds, {}))
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
        const QStringList lines = linesOf(text.out);
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
        QVERIFY2(json.err.isEmpty(), json.err.constData());
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
        QVERIFY(!row.contains(u"token"_s));

        // The row is the history file's one entry, its token and link sealed in it.
        const HistoryFile::Read file = readHistory();
        QCOMPARE(file.status, HistoryFile::Read::Status::Ok);
        QCOMPARE(rowIds(), QStringList{row.value(u"id"_s).toString()});
        QVERIFY(file.contents.records.first().secret != HistoryRecord::Secret::None);
        QCOMPARE(file.contents.records.first().entry.label, u"NOC wall 9"_s);

        // Security rule 8: no file holds the token or the link in the clear; the label is
        // the history file's (metadata), and the settings do not hold it.
        checkNothingInFiles(token, link);
        QCOMPARE(TestSupport::filesContaining(m_home->path(), u"NOC wall 9"_s.toUtf8()), QStringList{historyFile()});
        // Only the owner may read the history.
        QCOMPARE(QFile::permissions(historyFile()) & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                 QFileDevice::Permissions());
    }

    // Once the history file exists, generate adds its link with the file's public key
    // alone: the keychain is not asked (a locked keyring shows no prompt). The first link
    // of all, which makes the file, is the one that asks: proof that the log would say so.
    void generate_withHistoryFile_neverAsksKeychain()
    {
        QProcessEnvironment env = TestSupport::isolatedEnvironment(m_home->path(), m_key);
        env.insert(u"QT_LOGGING_RULES"_s, u"faultshare.keychain.info=true"_s);
        const QStringList arguments{u"generate"_s, u"--api-url"_s, m_demo->url().toString(), u"--format"_s, u"link"_s};
        const CliRun first = TestSupport::runFaultshare(arguments + QStringList{u"--label"_s, u"first"_s}, env);
        QVERIFY2(first.exitCode == 0, first.err.constData());
        QVERIFY2(first.err.contains("started for \"history-key\""), first.err.constData());
        QVERIFY(QFile::exists(historyFile()));

        const CliRun second = TestSupport::runFaultshare(arguments + QStringList{u"--label"_s, u"second"_s}, env);
        QVERIFY2(second.exitCode == 0, second.err.constData());
        QVERIFY2(!second.err.contains("started for"), second.err.constData());
        QVERIFY(second.out.startsWith(m_demo->url().toString().toUtf8()));
        const QList<HistoryRecord> rows = readHistory().contents.records;
        QCOMPARE(rows.size(), 2);
        for (const HistoryRecord& row : rows) {
            if (row.entry.label == u"second"_s)
                QCOMPARE(row.secret, HistoryRecord::Secret::Sealed); // with the public key alone
        }
        CliRun r;
        const QJsonArray listed = historyJson({}, &r);
        QVERIFY2(r.err.isEmpty(), r.err.constData());
        QCOMPARE(listed.size(), 2);
        QCOMPARE(listed.first().toObject().value(u"short_link"_s).toString(), QString::fromUtf8(second.out.trimmed()));
    }

    // A history file of a newer FaultShare is never changed nor set aside: generate prints
    // its link and says it was not kept, history lists nothing and says why.
    void newerFile_leftAsItIs()
    {
        QVERIFY(QDir().mkpath(QFileInfo(historyFile()).absolutePath()));
        const QByteArray newer = "{\"format\":\"faultshare-history\",\"public_key\":\"" + QByteArray(32, 'k').toBase64()
            + "\",\"version\":2}\n{\"id\":\"from-the-future\",\"expires_at\":\"2099-01-01T00:00:00.000Z\",\"cipher\":\"x\"}\n";
        QFile file(historyFile());
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(newer), newer.size());
        file.close();

        const CliRun generated = run({u"generate"_s, u"--api-url"_s, m_demo->url().toString(), u"--format"_s, u"link"_s});
        QCOMPARE(generated.exitCode, 0);
        QVERIFY(generated.out.startsWith(m_demo->url().toString().toUtf8()));
        const QStringList err = linesOf(generated.err);
        QCOMPARE(err.size(), 2);
        QVERIFY2(err.at(0).contains(u"written by a newer FaultShare"_s) && err.at(0).contains(u"leaves the file as it is"_s),
                 generated.err.constData());
        QVERIFY2(err.at(1).startsWith(u"faultshare: the link was not kept in the history: "_s), generated.err.constData());

        const CliRun listed = run({u"history"_s});
        QCOMPARE(listed.exitCode, 0);
        QCOMPARE(listed.out, QByteArray("No links.\n"));
        QCOMPARE(linesOf(listed.err).size(), 1);
        QVERIFY2(listed.err.contains("written by a newer FaultShare"), listed.err.constData());

        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), newer);
        QCOMPARE(setAside(), QStringList());
    }

    void severalLinks_newestFirst()
    {
        // As fast as they come (no wait): links that arrive in the same millisecond keep
        // the order they were made in.
        const QString first = generate({u"--label"_s, u"first"_s}).value(u"short_link"_s).toString();
        const QString second = generate({u"--label"_s, u"second"_s}).value(u"short_link"_s).toString();
        QVERIFY(!first.isEmpty() && !second.isEmpty());
        CliRun r;
        const QJsonArray rows = historyJson({}, &r);
        QVERIFY2(r.err.isEmpty(), r.err.constData());
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(0).toObject().value(u"label"_s).toString(), u"second"_s);
        QCOMPARE(rows.at(0).toObject().value(u"short_link"_s).toString(), second);
        QCOMPARE(rows.at(1).toObject().value(u"short_link"_s).toString(), first);
        QCOMPARE(readHistory().contents.records.size(), 2);
    }

    // The JSON is written directly, not through QJsonDocument: it must be the very bytes
    // QJsonDocument's indented form gives, escapes and all.
    void json_isQJsonDocumentsIndentedForm()
    {
        const QString label = u"wall \"B\" \\ back\x01slash\x1f \x7f é → 😀"_s;
        const QString link = generate({u"--label"_s, label}).value(u"short_link"_s).toString();
        QVERIFY(!link.isEmpty());
        QVERIFY(!generate({u"--label"_s, u"plain"_s}).value(u"short_link"_s).toString().isEmpty());
        const CliRun r = run({u"history"_s, u"--format"_s, u"json"_s});
        QCOMPARE(r.exitCode, 0);
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(r.out, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QCOMPARE(r.out, document.toJson(QJsonDocument::Indented));
        const QJsonArray rows = document.array();
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(1).toObject().value(u"label"_s).toString(), label);
        QCOMPARE(rows.at(1).toObject().value(u"short_link"_s).toString(), link);
        QVERIFY(r.out.contains(R"(\"B\" \\ back\u0001slash\u001f)"));
    }

    void all_listsExpiredRows_andOldOnesArePurged()
    {
        const QJsonObject live = generate({u"--label"_s, u"live"_s});
        const QString liveLink = live.value(u"short_link"_s).toString();
        QVERIFY(!liveLink.isEmpty());
        // Expired rows as generate keeps them, sealed (the token of another link will do:
        // an expired row's link is never opened).
        const std::optional<EmbedToken> sealed = mint(15);
        QVERIFY(sealed);
        const QByteArray plain = History::toSecret(*sealed).toUtf8();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QVERIFY(addRow(u"expired-row"_s, u"yesterday"_s, u"default"_s, now.addDays(-1), plain));
        QVERIFY(addRow(u"old-row"_s, u"last month"_s, u"default"_s, now.addDays(-30), plain)); // past the 7-day purge
        QCOMPARE(rowIds().size(), 3);

        const CliRun active = run({u"history"_s});
        QCOMPARE(active.exitCode, 0);
        QVERIFY2(active.err.isEmpty(), active.err.constData());
        QVERIFY(active.out.contains(liveLink.toUtf8()));
        QVERIFY(!active.out.contains("yesterday"));
        QVERIFY(!active.out.contains("last month"));
        // Purged from the file, sealed link and all; the rest stays as it was.
        QVERIFY(!rowIds().contains(u"old-row"_s));
        QVERIFY(rowIds().contains(u"expired-row"_s));
        QCOMPARE(rowIds().size(), 2);
        QCOMPARE(TestSupport::filesContaining(m_home->path(), "last month"), QStringList());

        const CliRun all = run({u"history"_s, u"--all"_s});
        QCOMPARE(all.exitCode, 0);
        QVERIFY2(all.err.isEmpty(), all.err.constData()); // an expired row's link is not read
        const QStringList lines = linesOf(all.out);
        QCOMPARE(lines.size(), 3);
        QVERIFY(lines.at(1).startsWith(u"live"_s));
        QVERIFY(lines.at(2).startsWith(u"yesterday"_s));
        QVERIFY(lines.at(2).contains(u"Expired"_s));
        QVERIFY(lines.at(2).endsWith(u"—"_s));
        QVERIFY(!all.out.contains("last month"));
        QVERIFY(!all.out.contains(sealed->shortLink().toString().toUtf8()));

        const QJsonArray rows = historyJson({u"--all"_s});
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(0).toObject().value(u"short_link"_s).toString(), liveLink);
        const QJsonObject expired = rows.at(1).toObject();
        QCOMPARE(expired.value(u"id"_s).toString(), u"expired-row"_s);
        QCOMPARE(expired.value(u"expired"_s).toBool(), true);
        QCOMPARE(expired.value(u"remaining_seconds"_s).toInt(-1), 0);
        QVERIFY(!expired.contains(u"short_link"_s));
        checkNothingInFiles(sealed->token(), sealed->shortLink().toString());
    }

    void profile_listsOnlyThatProfile()
    {
        addProfile(u"ops"_s);
        addProfile(u"lab"_s);
        if (QTest::currentTestFailed())
            return;
        const QString ops = generate({u"--profile"_s, u"ops"_s, u"--label"_s, u"ops row"_s}).value(u"short_link"_s).toString();
        const QString lab = generate({u"--profile"_s, u"lab"_s, u"--label"_s, u"lab row"_s}).value(u"short_link"_s).toString();
        QVERIFY(!ops.isEmpty() && !lab.isEmpty());

        const CliRun r = run({u"history"_s, u"--profile"_s, u"lab"_s});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.isEmpty(), r.err.constData());
        const QStringList lines = linesOf(r.out);
        QCOMPARE(lines.size(), 2);
        QVERIFY(lines.at(1).startsWith(u"lab row"_s));
        QVERIFY(lines.at(1).endsWith(lab));
        QVERIFY(!r.out.contains("ops row"));
        QVERIFY(!r.out.contains(ops.toUtf8()));

        const QJsonArray rows = historyJson({u"--profile"_s, u"ops"_s});
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().toObject().value(u"profile"_s).toString(), u"ops"_s);
        QCOMPARE(rows.first().toObject().value(u"short_link"_s).toString(), ops);
        QCOMPARE(historyJson({u"--profile"_s, u"nobody"_s}).size(), 0);
        QCOMPARE(historyJson().size(), 2);
    }

    // The new world's row without its link: an entry kept without one (what the move of
    // an earlier version's history makes of a link the keychain no longer had). It is
    // listed, without a link, and one line says whose link is not shown; the others show.
    void entryKeptWithoutLink_rowListedWithoutLink_oneLineOnStderr()
    {
        const QString link = generate({u"--label"_s, u"kept"_s}).value(u"short_link"_s).toString();
        QVERIFY(!link.isEmpty());
        QVERIFY(addRow(u"no-secret"_s, u"lost"_s, u"default"_s, QDateTime::currentDateTimeUtc().addSecs(3600), {}));

        const CliRun r = run({u"history"_s});
        QCOMPARE(r.exitCode, 0);
        const QStringList lines = linesOf(r.out);
        QCOMPARE(lines.size(), 3);
        const QString lost = lines.at(1).startsWith(u"lost"_s) ? lines.at(1) : lines.at(2);
        const QString kept = lines.at(1).startsWith(u"lost"_s) ? lines.at(2) : lines.at(1);
        QVERIFY2(lost.startsWith(u"lost"_s) && lost.endsWith(u"—"_s), qPrintable(lost));
        QVERIFY2(kept.startsWith(u"kept"_s) && kept.endsWith(link), qPrintable(kept));
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY2(r.err.startsWith("faultshare: The link of \"lost\" is not shown: ") && r.err.contains("not kept"),
                 r.err.constData());

        const QJsonArray rows = historyJson();
        QCOMPARE(rows.size(), 2);
        for (const QJsonValue& value : rows) {
            const QJsonObject row = value.toObject();
            if (row.value(u"id"_s).toString() == u"no-secret"_s)
                QVERIFY(!row.contains(u"short_link"_s));
            else
                QCOMPARE(row.value(u"short_link"_s).toString(), link);
        }
        // Listing it changes nothing: the row stays, the file is not set aside.
        QCOMPARE(rowIds().size(), 2);
        QCOMPARE(setAside(), QStringList());
    }

    // An entry changed outside FaultShare (here: its label) no longer opens: the whole
    // file is set aside, never deleted, with one sentence; the history starts empty.
    void changedEntry_fileSetAside_historyStartsEmpty()
    {
        const QJsonObject minted = generate({u"--label"_s, u"original"_s});
        const QString token = minted.value(u"token"_s).toString();
        const QString link = minted.value(u"short_link"_s).toString();
        QVERIFY(!link.isEmpty());
        QFile file(historyFile());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QByteArray bytes = file.readAll();
        file.close();
        QVERIFY(bytes.contains("\"label\":\"original\""));
        bytes.replace("\"label\":\"original\"", "\"label\":\"changed!\"");
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QCOMPARE(file.write(bytes), bytes.size());
        file.close();

        const CliRun r = run({u"history"_s});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("No links.\n"));
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY2(r.err.startsWith("faultshare: An entry of the history file does not match its seal"), r.err.constData());
        const QStringList aside = setAside();
        QCOMPARE(aside.size(), 1);
        QVERIFY2(aside.first().startsWith(u"history.jsonl.damaged-"_s), qPrintable(aside.first()));
        QVERIFY2(r.err.contains(QFileInfo(historyFile()).dir().filePath(aside.first()).toUtf8()), r.err.constData());
        checkNoToken(r, token);
        // Kept as it was; the history file starts again with its key only.
        QFile copy(QFileInfo(historyFile()).dir().filePath(aside.first()));
        QVERIFY(copy.open(QIODevice::ReadOnly));
        QCOMPARE(copy.readAll(), bytes);
        const HistoryFile::Read now = readHistory();
        QCOMPARE(now.status, HistoryFile::Read::Status::Ok);
        QCOMPARE(now.contents.records.size(), 0);
        checkNothingInFiles(token, link);

        // Said once: the next run finds an empty history and nothing to say.
        const CliRun again = run({u"history"_s});
        QCOMPARE(again.exitCode, 0);
        QCOMPARE(again.out, QByteArray("No links.\n"));
        QVERIFY2(again.err.isEmpty(), again.err.constData());
        QCOMPARE(setAside().size(), 1);
    }

    // A file cut short (a full disk, a crash of another tool) is set aside as soon as it is
    // read, before the keychain is asked.
    void damagedFile_setAside_historyStartsEmpty()
    {
        QVERIFY(!generate({u"--label"_s, u"before"_s}).isEmpty());
        QFile file(historyFile());
        QVERIFY(file.open(QIODevice::Append));
        QVERIFY(file.write("{\"id\":\"cut") > 0);
        file.close();

        const CliRun r = run({u"history"_s});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("No links.\n"));
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY2(r.err.startsWith("faultshare: The history file was damaged (it ends in the middle of a line); it was set aside as "),
                 r.err.constData());
        QCOMPARE(setAside().size(), 1);
        QVERIFY(setAside().first().startsWith(u"history.jsonl.damaged-"_s));

        // The next link starts the history again, and is listed.
        const QString link = generate({u"--label"_s, u"after"_s}).value(u"short_link"_s).toString();
        QVERIFY(!link.isEmpty());
        CliRun after;
        const QJsonArray rows = historyJson({}, &after);
        QVERIFY2(after.err.isEmpty(), after.err.constData());
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().toObject().value(u"short_link"_s).toString(), link);
    }

    // History of an earlier version: metadata in the settings (history/links/<id>), token
    // and link in the keychain entry history/<id>. `faultshare history` moves it into the
    // history file, lists it with its link, and the old entries go.
    void oldHistory_movedIntoFile_listedWithLink_oldEntriesGone()
    {
        const std::optional<EmbedToken> token = mint(30);
        QVERIFY(token);
        const QString link = token->shortLink().toString(QUrl::FullyEncoded);
        QVERIFY(link.startsWith(m_demo->url().toString()));
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        {
            QSettings file(configFile(), QSettings::IniFormat);
            file.beginGroup(u"history/links/"_s + id);
            file.setValue(u"label"_s, u"from before"_s);
            file.setValue(u"profile"_s, u"default"_s);
            file.setValue(u"issuedAt"_s, token->issuedAt().toUTC().toString(Qt::ISODateWithMs));
            file.setValue(u"expiresAt"_s, token->expiresAt().toUTC().toString(Qt::ISODateWithMs));
            file.setValue(u"receivedAt"_s, token->receivedAt().toUTC().toString(Qt::ISODateWithMs));
            file.endGroup();
            file.sync();
            QCOMPARE(file.status(), QSettings::NoError);
        }
        const CredentialStore store(u"FaultShare"_s);
        m_oldKeychainIds << id;
        QCOMPARE(TestSupport::writeSecret(store, CredentialStore::historyEntry(id), History::toSecret(*token)).signal,
                 u"written"_s);
        QVERIFY(!QFile::exists(historyFile()));

        CliRun r;
        const QJsonArray rows = historyJson({}, &r);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.isEmpty(), r.err.constData());
        checkNoToken(r, token->token());
        QCOMPARE(rows.size(), 1);
        const QJsonObject row = rows.first().toObject();
        QCOMPARE(row.value(u"id"_s).toString(), id);
        QCOMPARE(row.value(u"label"_s).toString(), u"from before"_s);
        QCOMPARE(row.value(u"short_link"_s).toString(), link);

        // In the file now, sealed; the old keychain entry and settings group are gone.
        const HistoryFile::Read file = readHistory();
        QCOMPARE(file.status, HistoryFile::Read::Status::Ok);
        QCOMPARE(rowIds(), QStringList{id});
        QVERIFY(file.contents.records.first().secret != HistoryRecord::Secret::None);
        QCOMPARE(file.contents.records.first().entry.apiUrl, m_demo->url());
        QCOMPARE(TestSupport::readSecret(store, CredentialStore::historyEntry(id), TimeoutMs).signal, u"missing"_s);
        QSettings settings(configFile(), QSettings::IniFormat);
        settings.beginGroup(u"history"_s);
        QCOMPARE(settings.allKeys(), QStringList());
        settings.endGroup();
        checkNothingInFiles(token->token(), link);

        // The next run has it from the file alone.
        CliRun again;
        const QJsonArray next = historyJson({}, &again);
        QVERIFY2(again.err.isEmpty(), again.err.constData());
        QCOMPARE(next.size(), 1);
        QCOMPARE(next.first().toObject().value(u"short_link"_s).toString(), link);
    }

    void noHistory_keepsNothing()
    {
        const QJsonObject minted = generate({u"--no-history"_s});
        QVERIFY(!minted.value(u"short_link"_s).toString().isEmpty());
        QVERIFY(!QFile::exists(historyFile()));
        QCOMPARE(rowIds(), QStringList());
        const CliRun r = run({u"history"_s});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("No links.\n"));
        QVERIFY2(r.err.isEmpty(), r.err.constData());
        const CliRun json = run({u"history"_s, u"--format"_s, u"json"_s});
        QCOMPARE(json.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(json.out).array().size(), 0);
        QVERIFY(QJsonDocument::fromJson(json.out).isArray());
        checkNothingInFiles(minted.value(u"token"_s).toString(), minted.value(u"short_link"_s).toString());
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
