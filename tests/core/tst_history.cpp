#include "ApiClient.h"
#include "CredentialStore.h"
#include "DemoServer.h"
#include "History.h"
#include "KeychainOutcome.h"
#include "TestSupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
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

// The one outcome of a direct keychain read of a history entry.
QString readDirectly(const QString& service, const QString& id, QString* secret = nullptr)
{
    const TestSupport::KeychainOutcome outcome = TestSupport::readSecret(CredentialStore(service), CredentialStore::historyEntry(id), TimeoutMs);
    if (secret)
        *secret = outcome.secret;
    return outcome.signal.isEmpty() ? u"timeout"_s : outcome.signal;
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
    void purge_forgetsOnlyLongExpired();
    void fetch_fromCache_isAsynchronous();
    void memoryOnly_touchesNeitherSettingsNorKeychain();
    void restart_withRealKeychain_restoresRowAndToken();
    void forget_removesKeychainEntry();
    void fetch_missingEntry_failsWithKeychainError();
    void load_seesWhatAnotherHistoryWrote();
    void reloadIfChanged_onlyAfterAnotherWriter();
    void load_skipsUnreadableRows();
    void settingsFile_neverHoldsTokenOrLink();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<CredentialStore> m_secrets;
    QString m_service;
    QStringList m_written; // history ids written to the keychain, removed in cleanup()

    QString settingsPath() const { return m_dir->filePath(u"history.conf"_s); }
    std::unique_ptr<QSettings> openSettings() const
    {
        return std::make_unique<QSettings>(settingsPath(), QSettings::IniFormat);
    }
    // Adds token and waits until the keychain holds it.
    QString addAndKeep(History& history, const EmbedToken& token, const QString& label = {},
                       const QString& profile = u"default"_s);
};

void HistoryTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    // A service of its own: never the app's entries, never another run's.
    m_service = u"FaultShare-tst_history-"_s + QUuid::createUuid().toString(QUuid::Id128).left(8);
}

void HistoryTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings = openSettings();
    m_secrets = std::make_unique<CredentialStore>(m_service);
}

void HistoryTest::cleanup()
{
    const CredentialStore store(m_service);
    for (const QString& id : std::as_const(m_written))
        QVERIFY(!TestSupport::removeSecret(store, CredentialStore::historyEntry(id), TimeoutMs).signal.isEmpty());
    m_written.clear();
    m_secrets.reset();
    m_settings.reset();
    m_dir.reset();
}

QString HistoryTest::addAndKeep(History& history, const EmbedToken& token, const QString& label, const QString& profile)
{
    QSignalSpy kept(&history, &History::kept);
    QSignalSpy keepFailed(&history, &History::keepFailed);
    const QString id = history.add(token, label, profile);
    m_written << id;
    if (!QTest::qWaitFor([&] { return kept.size() + keepFailed.size() > 0; }, TimeoutMs))
        return {};
    if (keepFailed.size() != 0 || kept.first().at(0).toString() != id)
        return {};
    return id;
}

void HistoryTest::toSecret_fromSecret_roundTrip()
{
    const EmbedToken token = makeToken(QDateTime::currentDateTimeUtc(), 90);
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

    // The documented body members are there, so another tool could read it too.
    const QJsonObject object = QJsonDocument::fromJson(History::toSecret(token).toUtf8()).object();
    for (const char* member : {"token", "type", "expires_in_minutes", "expires_at", "short_link", "received_at", "server_date"})
        QVERIFY2(object.contains(QLatin1StringView(member)), member);

    // An expired token still comes back (the history lists expired links).
    const EmbedToken old = makeToken(QDateTime::currentDateTimeUtc().addDays(-3), 15);
    const auto oldBack = History::fromSecret(History::toSecret(old));
    QVERIFY(oldBack);
    QCOMPARE(oldBack->expiresAt(), old.expiresAt());
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
    History history(nullptr, nullptr);
    QSignalSpy aboutToInsert(&history, &History::aboutToInsert);
    QSignalSpy inserted(&history, &History::inserted);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString middle = history.add(makeToken(now.addSecs(-600), 60), u"middle"_s, u"p"_s);
    const QString newest = history.add(makeToken(now, 60), u"newest"_s, u"p"_s);
    const QString oldest = history.add(makeToken(now.addSecs(-1200), 60), u"oldest"_s, u"q"_s);

    QCOMPARE(history.entries().size(), 3);
    QCOMPARE(history.entries().at(0).id, newest);
    QCOMPARE(history.entries().at(1).id, middle);
    QCOMPARE(history.entries().at(2).id, oldest);
    QCOMPARE(history.indexOf(oldest), 2);
    QCOMPARE(history.indexOf(u"nope"_s), -1);
    QCOMPARE(history.entries().at(2).label, u"oldest"_s);
    QCOMPARE(history.entries().at(2).profile, u"q"_s);

    // Where each row went: 0 (first), 0 (newer than the first), 2 (older than both).
    QCOMPARE(aboutToInsert.size(), 3);
    QCOMPARE(inserted.size(), 3);
    QCOMPARE(aboutToInsert.at(0).at(0).value<qsizetype>(), 0);
    QCOMPARE(aboutToInsert.at(1).at(0).value<qsizetype>(), 0);
    QCOMPARE(aboutToInsert.at(2).at(0).value<qsizetype>(), 2);
    QCOMPARE(inserted.at(2).at(0).value<qsizetype>(), 2);
    QVERIFY(history.entries().at(0).id != history.entries().at(1).id);
}

void HistoryTest::forget_removesRowAndSignals()
{
    History history(nullptr, nullptr);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString a = history.add(makeToken(now, 60), u"a"_s, u"p"_s);
    const QString b = history.add(makeToken(now.addSecs(-60), 60), u"b"_s, u"p"_s);
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

    // Forgotten means gone from memory too.
    QSignalSpy ready(&history, &History::tokenReady);
    QSignalSpy failed(&history, &History::tokenFailed);
    history.fetch(b);
    QTRY_COMPARE(failed.size(), 1);
    QCOMPARE(ready.size(), 0);
}

void HistoryTest::purge_forgetsOnlyLongExpired()
{
    History history(m_settings.get(), nullptr);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString live = history.add(makeToken(now.addSecs(-60), 60), u"live"_s, u"p"_s);
    // Expired 2 days ago and 9 days ago (lifetimes of 15 minutes).
    const QString recent = history.add(makeToken(now.addDays(-2).addSecs(-900), 15), u"recent"_s, u"p"_s);
    const QString old = history.add(makeToken(now.addDays(-9).addSecs(-900), 15), u"old"_s, u"p"_s);
    QSignalSpy removed(&history, &History::removed);

    QCOMPARE(history.purge(now, 7), 1);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(history.indexOf(old), -1);
    QVERIFY(history.indexOf(live) >= 0);
    QVERIFY(history.indexOf(recent) >= 0);
    m_settings->sync();
    QVERIFY(!m_settings->childGroups().isEmpty());
    QSettings file(settingsPath(), QSettings::IniFormat);
    QVERIFY(file.contains(u"history/links/%1/expiresAt"_s.arg(recent)));
    QVERIFY(!file.contains(u"history/links/%1/expiresAt"_s.arg(old)));

    QCOMPARE(history.purge(now, 1), 1);
    QCOMPARE(history.indexOf(recent), -1);
    QCOMPARE(history.purge(now, 0), 0);
    QCOMPARE(history.entries().size(), 1);
}

void HistoryTest::fetch_fromCache_isAsynchronous()
{
    History history(m_settings.get(), m_secrets.get());
    const EmbedToken token = makeToken(QDateTime::currentDateTimeUtc(), 30);
    const QString id = addAndKeep(history, token);
    QVERIFY(!id.isEmpty());
    QSignalSpy ready(&history, &History::tokenReady);
    history.fetch(id);
    history.fetch(id);
    QCOMPARE(ready.size(), 0); // never inside fetch()
    QTRY_COMPARE(ready.size(), 2);
    QCOMPARE(ready.first().at(0).toString(), id);
    QCOMPARE(ready.first().at(1).value<EmbedToken>().token(), token.token());
}

void HistoryTest::memoryOnly_touchesNeitherSettingsNorKeychain()
{
    // A fresh settings object on the file, to see whether anything was written.
    History history(nullptr, m_secrets.get());
    QVERIFY(!history.isPersistent());
    const TestSupport::KeychainJobLog jobs;
    const EmbedToken token = makeToken(QDateTime::currentDateTimeUtc(), 30);
    QSignalSpy kept(&history, &History::kept);
    const QString id = history.add(token, u"demo"_s, u"demo"_s);
    QTRY_COMPARE(kept.size(), 1);

    QSignalSpy ready(&history, &History::tokenReady);
    history.fetch(id);
    QTRY_COMPARE(ready.size(), 1);
    QCOMPARE(ready.first().at(1).value<EmbedToken>().shortLink(), token.shortLink());

    QCOMPARE(jobs.count(), 0);
    QCOMPARE(readDirectly(m_service, id), u"missing"_s);
    QVERIFY(!QFile::exists(settingsPath()));
    QCOMPARE(openSettings()->allKeys(), QStringList());

    // Reloading keeps nothing from before (there is nothing to read it from).
    QSignalSpy reset(&history, &History::reset);
    history.load();
    QCOMPARE(reset.size(), 1);

    const TestSupport::KeychainJobLog forgetJobs;
    history.forget(id);
    QCOMPARE(history.entries().size(), 0);
    QCOMPARE(forgetJobs.count(), 0);
    QVERIFY(!QFile::exists(settingsPath()));
}

void HistoryTest::restart_withRealKeychain_restoresRowAndToken()
{
    // A token minted by the demo API through the real client.
    DemoServer demo(DemoServer::generateApiKey());
    QVERIFY(demo.listen());
    ApiClient client;
    client.setApiUrl(demo.url());
    client.setApiKey(demo.apiKey());
    TokenRequest* request = client.requestToken(45);
    QSignalSpy finished(request, &TokenRequest::finished);
    QVERIFY(finished.wait(TimeoutMs));
    const EmbedToken token = finished.first().at(0).value<EmbedToken>();

    QString id;
    {
        History first(m_settings.get(), m_secrets.get());
        first.load();
        id = addAndKeep(first, token, u"NOC wall 2"_s, u"ops"_s);
        QVERIFY(!id.isEmpty());
    }
    m_settings.reset();
    m_secrets.reset();

    // As after a restart: new settings object, new keychain store, nothing cached.
    const auto settings = openSettings();
    CredentialStore secrets(m_service);
    History second(settings.get(), &secrets);
    QSignalSpy reset(&second, &History::reset);
    second.load();
    QCOMPARE(reset.size(), 1);
    QCOMPARE(second.entries().size(), 1);
    const HistoryEntry& entry = second.entries().first();
    QCOMPARE(entry.id, id);
    QCOMPARE(entry.label, u"NOC wall 2"_s);
    QCOMPARE(entry.profile, u"ops"_s);
    QCOMPARE(entry.expiresAt, token.expiresAt());
    QCOMPARE(entry.issuedAt, token.issuedAt());

    QSignalSpy ready(&second, &History::tokenReady);
    QSignalSpy failed(&second, &History::tokenFailed);
    second.fetch(id);
    QCOMPARE(ready.size(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(ready.size() + failed.size() > 0, TimeoutMs);
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().at(1).value<ApiError>().userMessage()));
    const EmbedToken back = ready.first().at(1).value<EmbedToken>();
    QCOMPARE(ready.first().at(0).toString(), id);
    QCOMPARE(back.token(), token.token());
    QCOMPARE(back.shortLink(), token.shortLink());
    QCOMPARE(back.expiresAt(), token.expiresAt());
    QCOMPARE(back.issuedAt(), token.issuedAt());
    QCOMPARE(back.serverDate(), token.serverDate());
    QVERIFY(token.serverDate().isValid()); // the demo API sends a Date header

    // The next fetch is answered from memory: no second keychain read.
    const TestSupport::KeychainJobLog jobs;
    second.fetch(id);
    QTRY_COMPARE(ready.size(), 2);
    QCOMPARE(jobs.count(), 0);
}

void HistoryTest::forget_removesKeychainEntry()
{
    History history(m_settings.get(), m_secrets.get());
    const QString id = addAndKeep(history, makeToken(QDateTime::currentDateTimeUtc(), 30));
    QVERIFY(!id.isEmpty());
    QString secret;
    QCOMPARE(readDirectly(m_service, id, &secret), u"read"_s);
    QVERIFY(History::fromSecret(secret));

    const TestSupport::KeychainJobLog jobs;
    QSignalSpy forgotten(&history, &History::forgotten);
    history.forget(id);
    // The row and its metadata go only once the keychain confirms the removal.
    QVERIFY(history.isRemoving(id));
    QCOMPARE(history.indexOf(id), 0);
    QTRY_COMPARE_WITH_TIMEOUT(forgotten.size(), 1, TimeoutMs);
    QCOMPARE(history.indexOf(id), -1);
    QVERIFY(!QSettings(settingsPath(), QSettings::IniFormat).contains(u"history/links/%1/expiresAt"_s.arg(id)));
    QCOMPARE(jobs.count(CredentialStore::historyEntry(id)), 1);
    QCOMPARE(readDirectly(m_service, id), u"missing"_s);
}

void HistoryTest::fetch_missingEntry_failsWithKeychainError()
{
    History writer(m_settings.get(), m_secrets.get());
    const QString id = addAndKeep(writer, makeToken(QDateTime::currentDateTimeUtc(), 30), u"gone"_s);
    QVERIFY(!id.isEmpty());
    // Someone removed the keychain entry behind the history's back.
    QCOMPARE(TestSupport::removeSecret(CredentialStore(m_service), CredentialStore::historyEntry(id), TimeoutMs).signal,
             u"removed"_s);

    const auto settings = openSettings();
    History reader(settings.get(), m_secrets.get());
    reader.load();
    QCOMPARE(reader.indexOf(id), 0);
    QSignalSpy ready(&reader, &History::tokenReady);
    QSignalSpy failed(&reader, &History::tokenFailed);
    reader.fetch(id);
    QTRY_VERIFY_WITH_TIMEOUT(ready.size() + failed.size() > 0, TimeoutMs);
    QCOMPARE(ready.size(), 0);
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.first().at(0).toString(), id);
    const ApiError error = failed.first().at(1).value<ApiError>();
    QCOMPARE(error.kind(), ApiError::Kind::Keychain);
    QVERIFY2(error.userMessage().contains(u"no longer in the keychain"_s), qPrintable(error.userMessage()));
    // Only the history that asked answers, once: its job is gone after its one answer,
    // and the other history has no job that could answer.
    QTRY_VERIFY_WITH_TIMEOUT(reader.findChildren<KeychainJob*>().isEmpty(), TimeoutMs);
    QVERIFY(writer.findChildren<KeychainJob*>().isEmpty());
    QCOMPARE(failed.size(), 1);
}

void HistoryTest::load_seesWhatAnotherHistoryWrote()
{
    // The window and the command line share the settings file.
    History window(m_settings.get(), nullptr);
    window.load();
    const auto cliSettings = openSettings();
    History cli(cliSettings.get(), nullptr);
    const QString id = cli.add(makeToken(QDateTime::currentDateTimeUtc(), 30), u"from the CLI"_s, u"default"_s);
    QCOMPARE(window.indexOf(id), -1);
    window.load();
    QCOMPARE(window.indexOf(id), 0);
    QCOMPARE(window.entries().first().label, u"from the CLI"_s);

    cli.forget(id);
    window.load();
    QCOMPARE(window.entries().size(), 0);
}

void HistoryTest::reloadIfChanged_onlyAfterAnotherWriter()
{
    History window(m_settings.get(), nullptr);
    window.load();
    QVERIFY(!window.reloadIfChanged());
    // Its own writes are no news to it.
    window.add(makeToken(QDateTime::currentDateTimeUtc(), 30), u"from the window"_s, u"default"_s);
    QVERIFY(!window.reloadIfChanged());

    const auto cliSettings = openSettings();
    History cli(cliSettings.get(), nullptr);
    const QString id = cli.add(makeToken(QDateTime::currentDateTimeUtc(), 30), u"from the CLI"_s, u"default"_s);
    QSignalSpy reset(&window, &History::reset);
    QVERIFY(window.reloadIfChanged());
    QCOMPARE(reset.size(), 1);
    QVERIFY(window.indexOf(id) >= 0);
    QCOMPARE(window.entries().size(), 2);
    QVERIFY(!window.reloadIfChanged());

    History memory(nullptr, nullptr);
    QVERIFY(!memory.reloadIfChanged());
}

void HistoryTest::load_skipsUnreadableRows()
{
    m_settings->setValue(u"history/links/broken/label"_s, u"no expiry"_s);
    m_settings->setValue(u"history/links/bad/expiresAt"_s, u"tomorrow"_s);
    m_settings->setValue(u"history/links/good/expiresAt"_s, u"2030-01-01T10:00:00.000Z"_s);
    m_settings->setValue(u"history/links/good/issuedAt"_s, u"2030-01-01T09:00:00.000Z"_s);
    m_settings->sync();
    History history(m_settings.get(), nullptr);
    history.load();
    QCOMPARE(history.entries().size(), 1);
    QCOMPARE(history.entries().first().id, u"good"_s);
    QCOMPARE(history.entries().first().expiresAt, QDateTime(QDate(2030, 1, 1), QTime(10, 0), Qt::UTC));
    QCOMPARE(history.entries().first().label, QString());
}

void HistoryTest::settingsFile_neverHoldsTokenOrLink()
{
    History history(m_settings.get(), m_secrets.get());
    const EmbedToken token = makeToken(QDateTime::currentDateTimeUtc(), 60);
    const QString id = addAndKeep(history, token, u"wall"_s, u"ops"_s);
    QVERIFY(!id.isEmpty());
    m_settings->sync();

    QFile file(settingsPath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    // The scan can find things: the metadata is there.
    QVERIFY(bytes.contains(id.toUtf8()));
    QVERIFY(bytes.contains("wall"));
    QVERIFY(bytes.contains(token.expiresAt().toString(Qt::ISODateWithMs).toUtf8()));
    QVERIFY2(!bytes.contains(token.token().toUtf8()), "the token is in the settings");
    QVERIFY2(!bytes.contains(token.token().section(u'.', 2).toUtf8()), "the token's signature is in the settings");
    QVERIFY2(!bytes.contains(token.shortLink().toString().toUtf8()), "the link is in the settings");
    QVERIFY2(!bytes.contains(token.shortLink().path().toUtf8()), "the link's code is in the settings");
    QCOMPARE(TestSupport::filesContaining(m_dir->path(), token.token().toUtf8()), QStringList());
}

QTEST_GUILESS_MAIN(HistoryTest)
#include "tst_history.moc"
