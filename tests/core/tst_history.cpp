#include "ApiClient.h"
#include "CredentialStore.h"
#include "DemoServer.h"
#include "History.h"
#include "HistoryFile.h"
#include "KeychainOutcome.h"
#include "TestSupport.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QRegularExpression>
#include <QTest>
#include <QUuid>

#include <memory>

using namespace faultshare;

using namespace Qt::StringLiterals;

namespace {

// Real D-Bus round trips: generous, because a loaded CI machine can be slow.
constexpr int TimeoutMs = 30000;

QByteArray base64Url(const QByteArray& bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

// A token as the API would send it, issued at issuedAt for minutes, received then.
EmbedToken makeToken(const QDateTime& issuedAt, int minutes, const QString& linkCode = {})
{
    const QDateTime expiresAt = issuedAt.addSecs(60LL * minutes);
    const QByteArray header = base64Url(R"({"alg":"HS256","typ":"JWT"})");
    const QByteArray claims = base64Url(
        QJsonDocument(QJsonObject{{u"iat"_s, issuedAt.toSecsSinceEpoch()}, {u"exp"_s, expiresAt.toSecsSinceEpoch()}})
            .toJson(QJsonDocument::Compact));
    const QByteArray signature = base64Url(QUuid::createUuid().toRfc4122() + QUuid::createUuid().toRfc4122());
    const QString code = linkCode.isEmpty() ? QUuid::createUuid().toString(QUuid::Id128).left(10) : linkCode;
    const QJsonObject body{
        {u"token"_s, QString::fromLatin1(QByteArray(header + '.' + claims + '.' + signature))},
        {u"type"_s, u"jwt"_s},
        {u"expires_in_minutes"_s, minutes},
        {u"expires_at"_s, expiresAt.toString(Qt::ISODateWithMs)},
        {u"short_link"_s, QString(u"https://altostr.at/"_s + code)},
    };
    QString why;
    const auto token = EmbedToken::parse(QJsonDocument(body).toJson(), issuedAt.addMSecs(123), {}, QUrl(QStringLiteral("https://v1.api.altostrat.io")), &why);
    if (!token)
        qFatal("test token rejected: %s", qPrintable(why));
    return *token;
}

// The one outcome of a direct keychain read of an entry.
QString readDirectly(const QString& service, const QString& entry, QString* secret = nullptr)
{
    const TestSupport::KeychainOutcome outcome = TestSupport::readSecret(CredentialStore(service), entry, TimeoutMs);
    if (secret)
        *secret = outcome.secret;
    return outcome.signal.isEmpty() ? u"timeout"_s : outcome.signal;
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeAll(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

} // namespace

class HistoryTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void toSecret_fromSecret_roundTrip();
    void fromSecret_rejectsAnythingElse();
    void add_keepsNewestFirst_andSignalsEachInsert();
    void forget_removesRowAndSignals();
    void memoryOnly_touchesNeitherDiskNorKeychain();
    void firstAdd_makesTheKeyAndTheFile();
    void restart_readsTheKeyOnce_andOpensEveryLink();
    void rowsUntilKey_keepsNoBoxes_andOpensEveryLinkOnceTheKeyIsRead();
    void rowsUntilKey_changedEntry_stillSetsTheFileAside();
    void add_toAnExistingFile_needsNoKeychain_andIsCompactedByTheNextReader();
    void file_holdsNoTokenOrLinkInTheClear();
    void forget_andPurge_removeEntriesFromTheFile();
    void watch_seesWhatAnotherHistoryWrote();
    void sameArrivalTime_keepsTheNewestAdditionFirst_afterAReload();
    void metadata_readsAsQJsonDocumentReadsIt_data();
    void metadata_readsAsQJsonDocumentReadsIt();
    void damagedFile_isSetAside_andTheHistoryStartsEmpty_data();
    void damagedFile_isSetAside_andTheHistoryStartsEmpty();
    void changedEntry_doesNotOpen_andTheFileIsSetAside();
    void keyThatNoLongerMatches_setsTheFileAside();
    void missingKey_setsTheFileAside_andANewKeyIsMade();
    void newerFile_isLeftAsItIs();
    void migration_movesOldLinksIn_andRemovesTheirKeychainEntries();
    void migration_interrupted_resumesWithoutDuplicates();
    void migration_rowWhoseLinkIsGone_opensAsNotKept();
    void rotationMark_isKeptInTheFile();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<CredentialStore> m_secrets;
    QString m_service;

    QString filePath() const { return m_dir->filePath(u"history.jsonl"_s); }
    std::unique_ptr<History> open(QSettings* legacy = nullptr) const
    {
        return std::make_unique<History>(filePath(), m_secrets.get(), legacy);
    }
    // The files next to the history file that hold a set-aside copy.
    QStringList asideFiles() const
    {
        return QDir(m_dir->path()).entryList({u"history.jsonl.*"_s}, QDir::Files).filter(QRegularExpression(u"-\\d{8}T\\d{6}Z"_s));
    }
    // Adds token and waits until the file holds it.
    static QString addAndKeep(History& history, const EmbedToken& token, const QString& label = {},
                              const QString& profile = u"default"_s);
    // Fetches id and waits for the answer: the token, or the error.
    static std::optional<EmbedToken> fetch(History& history, const QString& id, ApiError* error = nullptr);
};

void HistoryTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void HistoryTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings = std::make_unique<QSettings>(m_dir->filePath(u"settings.conf"_s), QSettings::IniFormat);
    // A service of its own for every test: its own history key, never the app's.
    m_service = u"FaultShare-tst_history-"_s + QUuid::createUuid().toString(QUuid::Id128).left(8);
    m_secrets = std::make_unique<CredentialStore>(m_service);
}

void HistoryTest::cleanup()
{
    TestSupport::removeSecret(CredentialStore(m_service), CredentialStore::historyKeyEntry(), TimeoutMs);
    m_secrets.reset();
    m_settings.reset();
    m_dir.reset();
}

QString HistoryTest::addAndKeep(History& history, const EmbedToken& token, const QString& label, const QString& profile)
{
    QSignalSpy kept(&history, &History::kept);
    QSignalSpy keepFailed(&history, &History::keepFailed);
    const QString id = history.add(token, label, profile);
    if (!QTest::qWaitFor([&] { return kept.size() + keepFailed.size() > 0; }, TimeoutMs))
        return {};
    if (keepFailed.size() != 0 || kept.first().at(0).toString() != id) {
        if (!keepFailed.isEmpty())
            qWarning() << keepFailed.first().at(1).value<ApiError>().userMessage();
        return {};
    }
    return id;
}

std::optional<EmbedToken> HistoryTest::fetch(History& history, const QString& id, ApiError* error)
{
    QSignalSpy ready(&history, &History::tokenReady);
    QSignalSpy failed(&history, &History::tokenFailed);
    history.fetch(id);
    if (!QTest::qWaitFor([&] { return ready.size() + failed.size() > 0; }, TimeoutMs))
        return std::nullopt;
    if (!failed.isEmpty()) {
        if (error)
            *error = failed.first().at(1).value<ApiError>();
        return std::nullopt;
    }
    return ready.first().at(1).value<EmbedToken>();
}

void HistoryTest::toSecret_fromSecret_roundTrip()
{
    const EmbedToken token = makeToken(QDateTime::currentDateTimeUtc(), 30);
    const auto back = History::fromSecret(History::toSecret(token));
    QVERIFY(back);
    QCOMPARE(back->token(), token.token());
    QCOMPARE(back->type(), token.type());
    QCOMPARE(back->expiresInMinutes(), token.expiresInMinutes());
    QCOMPARE(back->expiresAt(), token.expiresAt());
    QCOMPARE(back->shortLink(), token.shortLink());
    QCOMPARE(back->receivedAt(), token.receivedAt());
    QCOMPARE(back->serverDate(), token.serverDate());
    QCOMPARE(back->issuedAt(), token.issuedAt());
    QCOMPARE(back->apiUrl(), token.apiUrl());
}

void HistoryTest::fromSecret_rejectsAnythingElse()
{
    QVERIFY(!History::fromSecret(QString()));
    QVERIFY(!History::fromSecret(u"not json"_s));
    QVERIFY(!History::fromSecret(u"[]"_s));
    QJsonObject object = QJsonDocument::fromJson(History::toSecret(makeToken(QDateTime::currentDateTimeUtc(), 5)).toUtf8()).object();
    QJsonObject noReceived = object;
    noReceived.remove(u"received_at"_s);
    QVERIFY(!History::fromSecret(QString::fromUtf8(QJsonDocument(noReceived).toJson())));
    QJsonObject noToken = object;
    noToken.remove(u"token"_s);
    QVERIFY(!History::fromSecret(QString::fromUtf8(QJsonDocument(noToken).toJson())));
}

void HistoryTest::add_keepsNewestFirst_andSignalsEachInsert()
{
    History history;
    QSignalSpy aboutToInsert(&history, &History::aboutToInsert);
    QSignalSpy inserted(&history, &History::inserted);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString middle = history.add(makeToken(now.addSecs(-60), 30), u"middle"_s, u"p"_s);
    const QString newest = history.add(makeToken(now, 30), u"newest"_s, u"p"_s);
    const QString oldest = history.add(makeToken(now.addSecs(-120), 30), u"oldest"_s, u"q"_s);
    QCOMPARE(history.entries().size(), 3);
    QCOMPARE(history.entries().at(0).id, newest);
    QCOMPARE(history.entries().at(1).id, middle);
    QCOMPARE(history.entries().at(2).id, oldest);
    QCOMPARE(history.indexOf(oldest), 2);
    QCOMPARE(history.indexOf(u"nope"_s), -1);
    QCOMPARE(history.entries().at(2).label, u"oldest"_s);
    QCOMPARE(history.entries().at(2).profile, u"q"_s);
    QCOMPARE(aboutToInsert.size(), 3);
    QCOMPARE(inserted.size(), 3);
    QCOMPARE(aboutToInsert.at(0).at(0).value<qsizetype>(), 0);
    QCOMPARE(aboutToInsert.at(1).at(0).value<qsizetype>(), 0);
    QCOMPARE(aboutToInsert.at(2).at(0).value<qsizetype>(), 2);
    QCOMPARE(inserted.at(2).at(0).value<qsizetype>(), 2);
}

void HistoryTest::forget_removesRowAndSignals()
{
    History history;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString a = history.add(makeToken(now, 30), {}, u"p"_s);
    const QString b = history.add(makeToken(now.addSecs(-60), 30), {}, u"p"_s);
    QSignalSpy aboutToRemove(&history, &History::aboutToRemove);
    QSignalSpy removed(&history, &History::removed);
    history.forget(b);
    QCOMPARE(aboutToRemove.size(), 1);
    QCOMPARE(aboutToRemove.first().at(0).value<qsizetype>(), 1);
    QCOMPARE(removed.first().at(0).value<qsizetype>(), 1);
    QCOMPARE(history.entries().size(), 1);
    QCOMPARE(history.entries().first().id, a);
    history.forget(u"unknown"_s);
    QCOMPARE(removed.size(), 1);

    QSignalSpy ready(&history, &History::tokenReady);
    QSignalSpy failed(&history, &History::tokenFailed);
    history.fetch(b);
    QTRY_COMPARE(failed.size(), 1);
    QCOMPARE(ready.size(), 0);
}

void HistoryTest::memoryOnly_touchesNeitherDiskNorKeychain()
{
    History history;
    QVERIFY(!history.isPersistent());
    const TestSupport::KeychainJobLog jobs;
    const EmbedToken token = makeToken(QDateTime::currentDateTimeUtc(), 30);
    QSignalSpy kept(&history, &History::kept);
    const QString id = history.add(token, u"demo"_s, u"demo"_s);
    QCOMPARE(kept.size(), 0); // never inside add()
    QTRY_COMPARE(kept.size(), 1);
    const std::optional<EmbedToken> back = fetch(history, id);
    QVERIFY(back);
    QCOMPARE(back->shortLink(), token.shortLink());
    QSignalSpy reset(&history, &History::reset);
    history.load();
    QCOMPARE(reset.size(), 1);
    history.forget(id);
    QCOMPARE(history.entries().size(), 0);
    QCOMPARE(jobs.count(), 0);
    QCOMPARE(QDir(m_dir->path()).entryList({u"history*"_s}, QDir::Files), QStringList());
    QVERIFY(!QFile::exists(HistoryFile::defaultPath()));
}

void HistoryTest::firstAdd_makesTheKeyAndTheFile()
{
    QCOMPARE(readDirectly(m_service, CredentialStore::historyKeyEntry()), u"missing"_s);
    const auto history = open();
    history->load();
    QCOMPARE(history->entries().size(), 0);
    const QString id = addAndKeep(*history, makeToken(QDateTime::currentDateTimeUtc(), 30), u"first"_s);
    QVERIFY(!id.isEmpty());
    QString secret;
    QCOMPARE(readDirectly(m_service, CredentialStore::historyKeyEntry(), &secret), u"read"_s);
    QString why;
    const std::optional<HistoryKey> key = HistoryKey::fromSecret(secret, &why);
    QVERIFY2(key, qPrintable(why));
    const HistoryFile::Read read = HistoryFile(filePath()).read();
    QCOMPARE(read.status, HistoryFile::Read::Status::Ok);
    QCOMPARE(read.contents.publicKey, key->publicKey());
    QCOMPARE(read.contents.records.size(), 1);
    QCOMPARE(read.contents.records.first().entry.id, id);
    QCOMPARE(read.contents.records.first().entry.label, u"first"_s);
    QVERIFY(read.contents.records.first().secret != HistoryRecord::Secret::None);
    QCOMPARE(QFile::permissions(filePath()) & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());
}

void HistoryTest::restart_readsTheKeyOnce_andOpensEveryLink()
{
    // Tokens minted by the demo API through the real client.
    DemoServer demo(DemoServer::generateApiKey());
    QVERIFY(demo.listen());
    ApiClient client;
    client.setApiUrl(demo.url());
    client.setApiKey(demo.apiKey());
    QList<EmbedToken> tokens;
    for (int i = 0; i < 3; ++i) {
        TokenRequest* request = client.requestToken(45 + i);
        QSignalSpy finished(request, &TokenRequest::finished);
        QVERIFY(finished.wait(TimeoutMs));
        tokens << finished.first().at(0).value<EmbedToken>();
    }
    QStringList ids;
    {
        const auto first = open();
        first->load();
        for (int i = 0; i < tokens.size(); ++i)
            ids << addAndKeep(*first, tokens.at(i), u"NOC wall %1"_s.arg(i), u"ops"_s);
        QVERIFY(!ids.contains(QString()));
    }
    m_secrets = std::make_unique<CredentialStore>(m_service);

    // As after a restart: nothing cached.
    const auto second = open();
    QSignalSpy reset(second.get(), &History::reset);
    const TestSupport::KeychainJobLog jobs;
    second->load();
    QCOMPARE(reset.size(), 1);
    QCOMPARE(jobs.count(), 0); // the rows need no key
    QCOMPARE(second->entries().size(), 3);
    const HistoryEntry& entry = second->entries().at(second->indexOf(ids.at(1)));
    QCOMPARE(entry.label, u"NOC wall 1"_s);
    QCOMPARE(entry.profile, u"ops"_s);
    QCOMPARE(entry.expiresAt, tokens.at(1).expiresAt());
    QCOMPARE(entry.issuedAt, tokens.at(1).issuedAt());
    QCOMPARE(entry.apiUrl, demo.url());

    for (int i = 0; i < tokens.size(); ++i) {
        ApiError error;
        const std::optional<EmbedToken> back = fetch(*second, ids.at(i), &error);
        QVERIFY2(back, qPrintable(error.userMessage()));
        QCOMPARE(back->token(), tokens.at(i).token());
        QCOMPARE(back->shortLink(), tokens.at(i).shortLink());
        QCOMPARE(back->expiresAt(), tokens.at(i).expiresAt());
        QCOMPARE(back->serverDate(), tokens.at(i).serverDate());
        QCOMPARE(back->apiUrl(), demo.url());
    }
    // One keychain read for all of them.
    QCOMPARE(jobs.count(CredentialStore::historyKeyEntry()), 1);
    QCOMPARE(jobs.count(), 1);
}

void HistoryTest::rowsUntilKey_keepsNoBoxes_andOpensEveryLinkOnceTheKeyIsRead()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QList<EmbedToken> tokens{makeToken(now, 30), makeToken(now.addSecs(1), 60)};
    QStringList ids;
    {
        const auto first = open();
        for (const EmbedToken& token : tokens)
            ids << addAndKeep(*first, token, u"wall"_s);
        QVERIFY(!ids.contains(QString()));
    }
    // What such a read keeps: the rows and what each holds, no box and no metadata bytes.
    const HistoryFile::Read rows = HistoryFile(filePath()).read(HistoryFile::Parts::Rows);
    QCOMPARE(rows.status, HistoryFile::Read::Status::Ok);
    QCOMPARE(rows.contents.records.size(), 2);
    for (const HistoryRecord& record : rows.contents.records) {
        QVERIFY(record.box.isEmpty());
        QVERIFY(record.metadata.isEmpty());
        QVERIFY(record.secret != HistoryRecord::Secret::None);
        QVERIFY(ids.contains(record.entry.id));
    }
    QCOMPARE(rows.fingerprint, HistoryFile(filePath()).fingerprint());

    const auto window = open();
    const TestSupport::KeychainJobLog jobs;
    window->load(History::Keep::RowsUntilKey);
    QCOMPARE(jobs.count(), 0);
    QCOMPARE(window->entries().size(), 2);
    // Added by another process before the key is read: opened with the rest.
    const EmbedToken third = makeToken(now.addSecs(2), 90);
    QString thirdId;
    {
        const auto cli = open();
        thirdId = addAndKeep(*cli, third, u"from the CLI"_s);
        QVERIFY(!thirdId.isEmpty());
    }
    for (int i = 0; i < tokens.size(); ++i) {
        ApiError error;
        const std::optional<EmbedToken> back = fetch(*window, ids.at(i), &error);
        QVERIFY2(back, qPrintable(error.userMessage()));
        QCOMPARE(back->token(), tokens.at(i).token());
        QCOMPARE(back->shortLink(), tokens.at(i).shortLink());
    }
    const std::optional<EmbedToken> back = fetch(*window, thirdId);
    QVERIFY(back);
    QCOMPARE(back->token(), third.token());
    QCOMPARE(window->entries().size(), 3);
    QCOMPARE(jobs.count(CredentialStore::historyKeyEntry()), 1);
}

void HistoryTest::rowsUntilKey_changedEntry_stillSetsTheFileAside()
{
    QString id;
    {
        const auto history = open();
        id = addAndKeep(*history, makeToken(QDateTime::currentDateTimeUtc(), 30), u"lobby"_s);
        QVERIFY(!id.isEmpty());
    }
    const auto history = open();
    QSignalSpy problem(history.get(), &History::problem);
    history->load(History::Keep::RowsUntilKey);
    QCOMPARE(history->entries().size(), 1);
    // Changed outside FaultShare after the rows were read: the key's read checks the file
    // as it is then, every entry against its seal.
    QByteArray bytes = readAll(filePath());
    QVERIFY(bytes.contains("\"lobby\""));
    bytes.replace("\"lobby\"", "\"board\"");
    QVERIFY(writeAll(filePath(), bytes));
    QVERIFY(!fetch(*history, id));
    QCOMPARE(problem.size(), 1);
    const QString sentence = problem.first().at(0).toString();
    QVERIFY2(sentence.contains(u"does not match its seal"_s), qPrintable(sentence));
    QCOMPARE(history->entries().size(), 0);
    QCOMPARE(asideFiles().size(), 1);
}

void HistoryTest::add_toAnExistingFile_needsNoKeychain_andIsCompactedByTheNextReader()
{
    {
        const auto window = open();
        QVERIFY(!addAndKeep(*window, makeToken(QDateTime::currentDateTimeUtc(), 30)).isEmpty());
    }
    // `faultshare generate`: a history it never loaded, the file's public key only.
    const EmbedToken token = makeToken(QDateTime::currentDateTimeUtc(), 30);
    QString id;
    {
        const TestSupport::KeychainJobLog jobs;
        const auto cli = open();
        id = addAndKeep(*cli, token, u"from the CLI"_s);
        QVERIFY(!id.isEmpty());
        QCOMPARE(jobs.count(), 0);
    }
    HistoryFile::Read read = HistoryFile(filePath()).read();
    QCOMPARE(read.contents.records.size(), 2);
    QCOMPARE(read.contents.records.last().secret, HistoryRecord::Secret::Sealed);

    // A reader with the key opens it and keeps it as a box under the data key.
    const auto reader = open();
    reader->load();
    const std::optional<EmbedToken> back = fetch(*reader, id);
    QVERIFY(back);
    QCOMPARE(back->token(), token.token());
    read = HistoryFile(filePath()).read();
    QCOMPARE(read.contents.records.size(), 2);
    QCOMPARE(read.contents.records.last().entry.id, id);
    QCOMPARE(read.contents.records.last().secret, HistoryRecord::Secret::Boxed);
    const auto again = open();
    again->load();
    QCOMPARE(fetch(*again, id)->token(), token.token());
}

void HistoryTest::file_holdsNoTokenOrLinkInTheClear()
{
    const auto history = open();
    const EmbedToken token = makeToken(QDateTime::currentDateTimeUtc(), 60);
    const QString id = addAndKeep(*history, token, u"wall"_s, u"ops"_s);
    QVERIFY(!id.isEmpty());
    const EmbedToken sealed = makeToken(QDateTime::currentDateTimeUtc(), 60);
    QVERIFY(!addAndKeep(*open(), sealed, u"cli"_s).isEmpty());

    const QByteArray bytes = readAll(filePath());
    // The scan can find things: the metadata is there.
    QVERIFY(bytes.contains(id.toUtf8()));
    QVERIFY(bytes.contains("wall"));
    QVERIFY(bytes.contains(token.expiresAt().toString(Qt::ISODateWithMs).toUtf8()));
    for (const EmbedToken& each : {token, sealed}) {
        QVERIFY2(!bytes.contains(each.token().toUtf8()), "a token is in the file");
        QVERIFY2(!bytes.contains(each.token().section(u'.', 2).toUtf8()), "a token's signature is in the file");
        QVERIFY2(!bytes.contains(each.shortLink().path().toUtf8()), "a link's code is in the file");
        QCOMPARE(TestSupport::filesContaining(m_dir->path(), each.token().toUtf8()), QStringList());
        QCOMPARE(TestSupport::filesContaining(m_dir->path(), each.shortLink().path().toUtf8()), QStringList());
    }
}

void HistoryTest::forget_andPurge_removeEntriesFromTheFile()
{
    const auto history = open();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const EmbedToken forgotten = makeToken(now, 30);
    const EmbedToken old = makeToken(now.addDays(-10), 60);
    const EmbedToken recent = makeToken(now.addDays(-1), 60);
    const QString forgottenId = addAndKeep(*history, forgotten);
    const QString oldId = addAndKeep(*history, old);
    const QString recentId = addAndKeep(*history, recent);
    QVERIFY(!forgottenId.isEmpty() && !oldId.isEmpty() && !recentId.isEmpty());
    const QByteArray before = readAll(filePath());

    const TestSupport::KeychainJobLog jobs;
    QSignalSpy gone(history.get(), &History::forgotten);
    history->forget(forgottenId);
    QCOMPARE(gone.size(), 1);
    QCOMPARE(history->indexOf(forgottenId), -1);
    QCOMPARE(history->purge(now, 7), 1);
    QCOMPARE(history->indexOf(oldId), -1);
    QCOMPARE(history->indexOf(recentId), 0);
    QCOMPARE(history->purge(now, 0), 1);
    QCOMPARE(history->entries().size(), 0);
    QCOMPARE(jobs.count(), 0);

    const QByteArray after = readAll(filePath());
    for (const QString& id : {forgottenId, oldId, recentId}) {
        QVERIFY(before.contains(id.toUtf8()));
        QVERIFY(!after.contains(id.toUtf8()));
    }
    // The boxes went with them: no sealed copy of a live token is left in the folder.
    const QStringList lines = QString::fromUtf8(after).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 1); // the first line alone
    QCOMPARE(QDir(m_dir->path()).entryList({u"history.jsonl*"_s}, QDir::Files), QStringList{u"history.jsonl"_s});
}

void HistoryTest::watch_seesWhatAnotherHistoryWrote()
{
    const auto window = open();
    window->load();
    window->watch();
    QVERIFY(!addAndKeep(*window, makeToken(QDateTime::currentDateTimeUtc(), 30), u"first"_s).isEmpty()); // makes the key
    QSignalSpy reset(window.get(), &History::reset);
    // Its own add is an insert, never a reset (a view keeps its selection).
    QVERIFY(!addAndKeep(*window, makeToken(QDateTime::currentDateTimeUtc(), 30), u"from the window"_s).isEmpty());
    QCOMPARE(reset.size(), 0);

    const auto cli = open();
    const QString id = addAndKeep(*cli, makeToken(QDateTime::currentDateTimeUtc(), 30), u"from the CLI"_s);
    QVERIFY(!id.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(reset.size(), 1, TimeoutMs);
    QCOMPARE(window->indexOf(id), 0);
    QCOMPARE(window->entries().size(), 3);
    QCOMPARE(window->entries().first().label, u"from the CLI"_s);

    cli->load();
    cli->forget(id);
    QTRY_COMPARE_WITH_TIMEOUT(reset.size(), 2, TimeoutMs);
    QCOMPARE(window->indexOf(id), -1);
}

void HistoryTest::sameArrivalTime_keepsTheNewestAdditionFirst_afterAReload()
{
    // Links minted in the same millisecond (a script, a rotation catching up) tie on
    // arrival: the order of their addition decides, in this process and in the next.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto writer = open();
    QStringList added;
    for (int i = 0; i < 6; ++i)
        added.prepend(addAndKeep(*writer, makeToken(now, 30), QString::number(i)));
    QVERIFY(!added.contains(QString()));
    QStringList shown;
    for (const HistoryEntry& entry : writer->entries())
        shown << entry.id;
    QCOMPARE(shown, added);

    const auto reader = open();
    reader->load();
    shown.clear();
    for (const HistoryEntry& entry : reader->entries())
        shown << entry.id;
    QCOMPARE(shown, added);
}

void HistoryTest::metadata_readsAsQJsonDocumentReadsIt_data()
{
    // A line's metadata is read without QJsonDocument when it has the form FaultShare
    // writes; everything else goes to QJsonDocument. Either way the entry must be what
    // QJsonDocument makes of the line, and a line it rejects must be rejected.
    QTest::addColumn<QByteArray>("metadata");
    const QByteArray times = R"("expires_at":"2026-12-04T12:47:48.000Z","issued_at":"2026-12-03T12:47:48.000Z")";
    const QByteArray id = R"("id":"06dcf20e-5971-4a70-8cc2-abaed37967fa")";
    QTest::newRow("as written") << QByteArray(R"({"api_url":"https://v1.api.altostrat.io",)" + times + ',' + id
                                              + R"(,"label":"NOC wall 2","profile":"default","received_at":"2026-12-03T12:47:48.502Z","rotation":"r1","rotation_number":12})");
    QTest::newRow("no api_url, no label") << QByteArray('{' + times + ',' + id + R"(,"profile":"default"})");
    QTest::newRow("unknown members") << QByteArray('{' + times + ',' + id + R"(,"zz":"x","n":-3,"z0":0})");
    QTest::newRow("escaped quote") << QByteArray('{' + times + ',' + id + R"(,"label":"wall \"B\""})");
    QTest::newRow("escaped unicode") << QByteArray('{' + times + ',' + id + R"(,"label":"caf\u00e9 \ud83d\ude00"})");
    QTest::newRow("raw UTF-8") << QByteArray('{' + times + ',' + id + ",\"label\":\"caf\xc3\xa9\"}");
    QTest::newRow("invalid UTF-8") << QByteArray('{' + times + ',' + id + ",\"label\":\"caf\xff\"}");
    QTest::newRow("raw control character") << QByteArray('{' + times + ',' + id + ",\"label\":\"a\x01z\"}");
    QTest::newRow("white space") << QByteArray("{ " + times + " , " + id + " }");
    QTest::newRow("rotation_number negative") << QByteArray('{' + times + ',' + id + R"(,"rotation_number":-7})");
    QTest::newRow("rotation_number zero") << QByteArray('{' + times + ',' + id + R"(,"rotation_number":0})");
    QTest::newRow("rotation_number leading zero") << QByteArray('{' + times + ',' + id + R"(,"rotation_number":07})");
    QTest::newRow("rotation_number fraction") << QByteArray('{' + times + ',' + id + R"(,"rotation_number":1.5})");
    QTest::newRow("rotation_number exponent") << QByteArray('{' + times + ',' + id + R"(,"rotation_number":1e3})");
    QTest::newRow("rotation_number huge") << QByteArray('{' + times + ',' + id + R"(,"rotation_number":99999999999})");
    QTest::newRow("rotation_number string") << QByteArray('{' + times + ',' + id + R"(,"rotation_number":"7"})");
    QTest::newRow("label a number") << QByteArray('{' + times + ',' + id + R"(,"label":5})");
    QTest::newRow("api_url a number") << QByteArray('{' + times + ',' + id + R"(,"api_url":5})");
    QTest::newRow("label null") << QByteArray('{' + times + ',' + id + R"(,"label":null})");
    QTest::newRow("label true") << QByteArray('{' + times + ',' + id + R"(,"label":true})");
    QTest::newRow("nested object") << QByteArray('{' + times + ',' + id + R"(,"x":{"label":"inner"}})");
    QTest::newRow("array") << QByteArray('{' + times + ',' + id + R"(,"x":[1,2]})");
    QTest::newRow("id twice") << QByteArray('{' + times + ',' + id + R"(,"id":"other"})");
    QTest::newRow("empty object") << QByteArray("{}");
    QTest::newRow("trailing comma") << QByteArray('{' + times + ',' + id + ",}");
    QTest::newRow("missing colon") << QByteArray('{' + times + ",\"id\" \"x\"}");
    QTest::newRow("unterminated string") << QByteArray('{' + times + ",\"id\":\"x}");
    QTest::newRow("garbage after") << QByteArray('{' + times + ',' + id + "}x");
    QTest::newRow("number then garbage") << QByteArray('{' + times + ',' + id + ",\"n\":1x}");
    QTest::newRow("lone minus") << QByteArray('{' + times + ',' + id + ",\"n\":-}");
    QTest::newRow("an array, not an object") << QByteArray("[" + times + "]");
    QTest::newRow("escaped key") << QByteArray('{' + times + R"(,"i\u0064":"escaped-id"})");
}

void HistoryTest::metadata_readsAsQJsonDocumentReadsIt()
{
    QFETCH(QByteArray, metadata);
    const QByteArray bytes = HistoryFile::headerLine(QByteArray(32, 'k')) + '\n' + metadata + '\n';
    const HistoryFile::Read read = HistoryFile::parse(bytes, HistoryFile::Parts::Rows);

    const QJsonDocument document = QJsonDocument::fromJson(metadata);
    const QJsonObject fields = document.object();
    const QString id = fields.value(u"id"_s).toString();
    const QDateTime expiresAt = HistoryFile::timeFrom(fields.value(u"expires_at"_s).toString());
    if (!document.isObject() || id.isEmpty() || !expiresAt.isValid()) {
        QCOMPARE(read.status, HistoryFile::Read::Status::Damaged);
        return;
    }
    QCOMPARE(read.status, HistoryFile::Read::Status::Ok);
    QCOMPARE(read.contents.records.size(), 1);
    const HistoryEntry& entry = read.contents.records.first().entry;
    QCOMPARE(entry.id, id);
    QCOMPARE(entry.label, fields.value(u"label"_s).toString());
    QCOMPARE(entry.profile, fields.value(u"profile"_s).toString());
    QCOMPARE(entry.expiresAt, expiresAt);
    QCOMPARE(entry.issuedAt, HistoryFile::timeFrom(fields.value(u"issued_at"_s).toString()));
    QCOMPARE(entry.receivedAt, HistoryFile::timeFrom(fields.value(u"received_at"_s).toString()));
    const QJsonValue apiUrl = fields.value(u"api_url"_s);
    QCOMPARE(entry.apiUrl, apiUrl.isString() ? QUrl(apiUrl.toString(), QUrl::StrictMode) : QUrl());
    QCOMPARE(entry.rotation.id, fields.value(u"rotation"_s).toString());
    QCOMPARE(entry.rotation.number, fields.value(u"rotation_number"_s).toInt());
}

void HistoryTest::damagedFile_isSetAside_andTheHistoryStartsEmpty_data()
{
    QTest::addColumn<int>("damage");
    QTest::newRow("truncated") << 0;
    QTest::newRow("garbage") << 1;
    QTest::newRow("a line that is no entry") << 2;
}

void HistoryTest::damagedFile_isSetAside_andTheHistoryStartsEmpty()
{
    QFETCH(int, damage);
    {
        const auto history = open();
        QVERIFY(!addAndKeep(*history, makeToken(QDateTime::currentDateTimeUtc(), 30)).isEmpty());
        QVERIFY(!addAndKeep(*history, makeToken(QDateTime::currentDateTimeUtc(), 30)).isEmpty());
    }
    QByteArray bytes = readAll(filePath());
    if (damage == 0)
        bytes.chop(bytes.size() / 3);
    else if (damage == 1)
        bytes = "\x89PNG\r\n\x1a\n not a history at all";
    else
        bytes += "{\"label\":\"no id, no expiry\"}\n";
    QVERIFY(writeAll(filePath(), bytes));

    const auto history = open();
    QSignalSpy problem(history.get(), &History::problem);
    history->load();
    QCOMPARE(history->entries().size(), 0);
    QCOMPARE(problem.size(), 1);
    const QString sentence = problem.first().at(0).toString();
    QVERIFY2(sentence.contains(u"damaged"_s) && sentence.contains(u"set aside"_s), qPrintable(sentence));
    // Never deleted: moved aside whole, and named in the sentence.
    const QStringList aside = asideFiles();
    QCOMPARE(aside.size(), 1);
    QVERIFY2(sentence.contains(QDir::toNativeSeparators(m_dir->filePath(aside.first()))), qPrintable(sentence));
    QCOMPARE(readAll(m_dir->filePath(aside.first())), bytes);

    // The app goes on: a new link is kept and read back.
    const EmbedToken token = makeToken(QDateTime::currentDateTimeUtc(), 30);
    const QString id = addAndKeep(*history, token);
    QVERIFY(!id.isEmpty());
    const auto next = open();
    next->load();
    QCOMPARE(next->entries().size(), 1);
    QCOMPARE(fetch(*next, id)->token(), token.token());
}

void HistoryTest::changedEntry_doesNotOpen_andTheFileIsSetAside()
{
    QString id;
    {
        const auto history = open();
        id = addAndKeep(*history, makeToken(QDateTime::currentDateTimeUtc(), 30), u"lobby"_s);
        QVERIFY(!id.isEmpty());
    }
    // A label changed outside FaultShare: still a well-formed line.
    QByteArray bytes = readAll(filePath());
    QVERIFY(bytes.contains("\"lobby\""));
    bytes.replace("\"lobby\"", "\"board\"");
    QVERIFY(writeAll(filePath(), bytes));

    const auto history = open();
    QSignalSpy problem(history.get(), &History::problem);
    history->load();
    QCOMPARE(history->entries().size(), 1); // shown until the key can check it
    ApiError error;
    QVERIFY(!fetch(*history, id, &error));
    QCOMPARE(problem.size(), 1);
    const QString sentence = problem.first().at(0).toString();
    QVERIFY2(sentence.contains(u"does not match its seal"_s), qPrintable(sentence));
    QCOMPARE(history->entries().size(), 0);
    QCOMPARE(asideFiles().size(), 1);
    QCOMPARE(readAll(m_dir->filePath(asideFiles().first())), bytes);
}

void HistoryTest::keyThatNoLongerMatches_setsTheFileAside()
{
    QString id;
    {
        const auto history = open();
        id = addAndKeep(*history, makeToken(QDateTime::currentDateTimeUtc(), 30));
        QVERIFY(!id.isEmpty());
    }
    QString why;
    const std::optional<HistoryKey> other = HistoryKey::generate(&why);
    QVERIFY2(other, qPrintable(why));
    QCOMPARE(TestSupport::writeSecret(*m_secrets, CredentialStore::historyKeyEntry(), other->toSecret()).signal, u"written"_s);

    const auto history = open();
    QSignalSpy problem(history.get(), &History::problem);
    history->load();
    QVERIFY(!fetch(*history, id));
    QCOMPARE(problem.size(), 1);
    QVERIFY2(problem.first().at(0).toString().contains(u"key the keychain no longer holds"_s),
             qPrintable(problem.first().at(0).toString()));
    QCOMPARE(history->entries().size(), 0);
    QCOMPARE(asideFiles().size(), 1);
    // The file starts again with the key there is.
    QCOMPARE(HistoryFile(filePath()).read().contents.publicKey, other->publicKey());
    const EmbedToken token = makeToken(QDateTime::currentDateTimeUtc(), 30);
    const QString next = addAndKeep(*history, token);
    QCOMPARE(fetch(*history, next)->token(), token.token());
}

void HistoryTest::missingKey_setsTheFileAside_andANewKeyIsMade()
{
    QString id;
    {
        const auto history = open();
        id = addAndKeep(*history, makeToken(QDateTime::currentDateTimeUtc(), 30));
        QVERIFY(!id.isEmpty());
    }
    QString before;
    QCOMPARE(readDirectly(m_service, CredentialStore::historyKeyEntry(), &before), u"read"_s);
    QCOMPARE(TestSupport::removeSecret(*m_secrets, CredentialStore::historyKeyEntry()).signal, u"removed"_s);

    const auto history = open();
    QSignalSpy problem(history.get(), &History::problem);
    history->load();
    ApiError error;
    QVERIFY(!fetch(*history, id, &error));
    QCOMPARE(problem.size(), 1);
    QVERIFY2(problem.first().at(0).toString().contains(u"no longer holds the history's key"_s),
             qPrintable(problem.first().at(0).toString()));
    QCOMPARE(history->entries().size(), 0);
    QCOMPARE(asideFiles().size(), 1);
    QString after;
    QCOMPARE(readDirectly(m_service, CredentialStore::historyKeyEntry(), &after), u"read"_s);
    QVERIFY(after != before);
    const EmbedToken token = makeToken(QDateTime::currentDateTimeUtc(), 30);
    const QString next = addAndKeep(*history, token);
    const auto reader = open();
    reader->load();
    QCOMPARE(fetch(*reader, next)->token(), token.token());
}

void HistoryTest::newerFile_isLeftAsItIs()
{
    const QByteArray bytes = "{\"format\":\"faultshare-history\",\"version\":7,\"public_key\":\"\"}\n{\"anything\":1}\n";
    QVERIFY(writeAll(filePath(), bytes));
    const auto history = open();
    QSignalSpy problem(history.get(), &History::problem);
    QSignalSpy keepFailed(history.get(), &History::keepFailed);
    history->load();
    QCOMPARE(problem.size(), 1);
    QVERIFY2(problem.first().at(0).toString().contains(u"newer FaultShare"_s), qPrintable(problem.first().at(0).toString()));
    history->add(makeToken(QDateTime::currentDateTimeUtc(), 30), {}, u"default"_s);
    QTRY_COMPARE(keepFailed.size(), 1);
    QCOMPARE(readAll(filePath()), bytes);
    QCOMPARE(asideFiles(), QStringList());
}

namespace {

// What an earlier version kept: metadata in the settings, the token in its own entry.
QString keepTheOldWay(QSettings& settings, const CredentialStore& keychain, const EmbedToken& token, const QString& label)
{
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    settings.beginGroup(u"history/links/"_s + id);
    settings.setValue(u"label"_s, label);
    settings.setValue(u"profile"_s, u"ops"_s);
    settings.setValue(u"issuedAt"_s, token.issuedAt().toString(Qt::ISODateWithMs));
    settings.setValue(u"expiresAt"_s, token.expiresAt().toString(Qt::ISODateWithMs));
    settings.setValue(u"receivedAt"_s, token.receivedAt().toString(Qt::ISODateWithMs));
    settings.endGroup();
    settings.sync();
    if (TestSupport::writeSecret(keychain, CredentialStore::historyEntry(id), History::toSecret(token)).signal != u"written"_s)
        return {};
    return id;
}

} // namespace

void HistoryTest::migration_movesOldLinksIn_andRemovesTheirKeychainEntries()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<EmbedToken> tokens;
    QStringList ids;
    for (int i = 0; i < 3; ++i) {
        tokens << makeToken(now.addSecs(-60 * i), 60);
        ids << keepTheOldWay(*m_settings, *m_secrets, tokens.last(), u"old %1"_s.arg(i));
        QVERIFY(!ids.last().isEmpty());
    }
    // A removal the keychain had refused earlier: its entry is still there.
    const QString refused = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QCOMPARE(TestSupport::writeSecret(*m_secrets, CredentialStore::historyEntry(refused), u"x"_s).signal, u"written"_s);
    m_settings->setValue(u"history/pendingRemovals"_s, QStringList{refused});
    m_settings->sync();

    const auto history = open(m_settings.get());
    QSignalSpy problem(history.get(), &History::problem);
    history->load();
    QTRY_VERIFY_WITH_TIMEOUT(!m_settings->contains(u"history/pendingRemovals"_s)
                                 && !m_settings->childGroups().contains(u"history"_s),
                             TimeoutMs);
    QCOMPARE(problem.size(), 0);
    QCOMPARE(history->entries().size(), 3);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(history->entries().at(i).id, ids.at(i));
        QCOMPARE(history->entries().at(i).label, u"old %1"_s.arg(i));
        QCOMPARE(fetch(*history, ids.at(i))->token(), tokens.at(i).token());
        QCOMPARE(readDirectly(m_service, CredentialStore::historyEntry(ids.at(i))), u"missing"_s);
    }
    QCOMPARE(readDirectly(m_service, CredentialStore::historyEntry(refused)), u"missing"_s);
    // In the file, sealed: a new reader finds them there.
    const auto next = open(m_settings.get());
    next->load();
    QCOMPARE(next->entries().size(), 3);
    QCOMPARE(fetch(*next, ids.at(2))->shortLink(), tokens.at(2).shortLink());
    QCOMPARE(TestSupport::filesContaining(m_dir->path(), tokens.at(0).token().toUtf8()), QStringList());
}

void HistoryTest::migration_interrupted_resumesWithoutDuplicates()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const EmbedToken movedToken = makeToken(now, 60);
    const EmbedToken waitingToken = makeToken(now.addSecs(-60), 60);
    const QString moved = keepTheOldWay(*m_settings, *m_secrets, movedToken, u"moved"_s);
    QVERIFY(!moved.isEmpty());
    {
        // The first run moved one link and stopped before removing its old entries.
        const auto first = open(m_settings.get());
        first->load();
        QTRY_VERIFY_WITH_TIMEOUT(!m_settings->childGroups().contains(u"history"_s), TimeoutMs);
        QCOMPARE(readDirectly(m_service, CredentialStore::historyEntry(moved)), u"missing"_s);
    }
    QVERIFY(HistoryFile(filePath()).read().contents.records.size() == 1);
    // Put the old entries back, as if that run had been stopped before removing them,
    // and add one that was never moved.
    QVERIFY(TestSupport::writeSecret(*m_secrets, CredentialStore::historyEntry(moved), History::toSecret(movedToken)).signal
            == u"written"_s);
    m_settings->setValue(u"history/links/%1/label"_s.arg(moved), u"moved"_s);
    m_settings->setValue(u"history/links/%1/expiresAt"_s.arg(moved), movedToken.expiresAt().toString(Qt::ISODateWithMs));
    const QString waiting = keepTheOldWay(*m_settings, *m_secrets, waitingToken, u"waiting"_s);
    QVERIFY(!waiting.isEmpty());

    const auto history = open(m_settings.get());
    history->load();
    QTRY_VERIFY_WITH_TIMEOUT(!m_settings->childGroups().contains(u"history"_s), TimeoutMs);
    QCOMPARE(history->entries().size(), 2);
    const HistoryFile::Read read = HistoryFile(filePath()).read();
    QCOMPARE(read.contents.records.size(), 2);
    QCOMPARE(fetch(*history, moved)->token(), movedToken.token());
    QCOMPARE(fetch(*history, waiting)->token(), waitingToken.token());
    QCOMPARE(readDirectly(m_service, CredentialStore::historyEntry(moved)), u"missing"_s);
    QCOMPARE(readDirectly(m_service, CredentialStore::historyEntry(waiting)), u"missing"_s);
}

void HistoryTest::migration_rowWhoseLinkIsGone_opensAsNotKept()
{
    const EmbedToken token = makeToken(QDateTime::currentDateTimeUtc(), 60);
    const QString id = keepTheOldWay(*m_settings, *m_secrets, token, u"lobby"_s);
    QVERIFY(!id.isEmpty());
    // The old keychain item went missing (a keyring reset); its metadata is still there.
    TestSupport::removeSecret(*m_secrets, CredentialStore::historyEntry(id), TimeoutMs);

    const auto history = open(m_settings.get());
    history->load();
    QTRY_VERIFY_WITH_TIMEOUT(!m_settings->childGroups().contains(u"history"_s), TimeoutMs);
    QCOMPARE(history->entries().size(), 1);
    QCOMPARE(history->entries().first().label, u"lobby"_s);
    ApiError error;
    QVERIFY(!fetch(*history, id, &error));
    QCOMPARE(error.kind(), ApiError::Kind::NotKept);
    QVERIFY2(error.userMessage().startsWith(u"This link was not kept when it was made"_s), qPrintable(error.userMessage()));
}

void HistoryTest::rotationMark_isKeptInTheFile()
{
    const auto history = open();
    history->load();
    const EmbedToken token = makeToken(QDateTime::currentDateTimeUtc(), 60);
    QSignalSpy kept(history.get(), &History::kept);
    const RotationMark mark{QUuid::createUuid().toString(QUuid::WithoutBraces), 7};
    history->add(token, u"wall"_s, u"default"_s, mark);
    history->add(makeToken(QDateTime::currentDateTimeUtc(), 60), u"by hand"_s, u"default"_s);
    QTRY_COMPARE_WITH_TIMEOUT(kept.size(), 2, TimeoutMs);

    const auto next = open();
    next->load();
    QCOMPARE(next->entries().size(), 2);
    const auto marked = std::find_if(next->entries().cbegin(), next->entries().cend(),
                                     [](const HistoryEntry& entry) { return entry.label == u"wall"_s; });
    QVERIFY(marked != next->entries().cend());
    QCOMPARE(marked->rotation.id, mark.id);
    QCOMPARE(marked->rotation.number, 7);
    const auto plain = std::find_if(next->entries().cbegin(), next->entries().cend(),
                                    [](const HistoryEntry& entry) { return entry.label == u"by hand"_s; });
    QVERIFY(plain != next->entries().cend());
    QVERIFY(plain->rotation.isNull());
}

QTEST_GUILESS_MAIN(HistoryTest)
#include "tst_history.moc"
