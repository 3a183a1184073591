// Profiles over a real QSettings file: names, creation and removal, and the JSON
// export/import (never a key, all or nothing). One case writes keys to the real Secret
// Service of the test session to prove the export does not carry them.

#include "CredentialStore.h"
#include "KeychainOutcome.h"
#include "Profiles.h"
#include "Settings.h"
#include "TestSupport.h"

#include <QFile>
#include <QFileInfo>
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

namespace {

constexpr int KeychainTimeoutMs = 30000;

bool isOneSentence(const QString& message)
{
    return message.endsWith(u'.') && !message.contains(u'\n') && !message.chopped(1).contains(u". "_s);
}

QByteArray file(const QJsonArray& profiles)
{
    return QJsonDocument(QJsonObject{{u"format"_s, u"faultshare-profiles"_s}, {u"version"_s, 1}, {u"profiles"_s, profiles}})
        .toJson();
}

QJsonObject profile(const QString& name, const QString& url = u"https://api.example.com"_s, int minutes = 60)
{
    return {{u"name"_s, name}, {u"api_url"_s, url}, {u"default_minutes"_s, minutes}, {u"ca_file"_s, QString()}};
}

QJsonObject with(QJsonObject object, const QString& member, const QJsonValue& value)
{
    object.insert(member, value);
    return object;
}

QJsonObject without(QJsonObject object, const QString& member)
{
    object.remove(member);
    return object;
}

// Every key and value of a store, to prove an import left it as it was.
QMap<QString, QVariant> snapshot(QSettings& store)
{
    QMap<QString, QVariant> values;
    const QStringList keys = store.allKeys();
    for (const QString& key : keys)
        values.insert(key, store.value(key));
    return values;
}

// A key nobody else would write, so finding it anywhere means it leaked from here.
QString distinctiveKey()
{
    const QString id = QUuid::createUuid().toString(QUuid::Id128);
    return u"tok"_s + id.left(8) + u":team"_s + id.mid(8, 8) + u":secret"_s + id.mid(16);
}

} // namespace

class tst_Profiles final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_store;

    std::unique_ptr<QSettings> newStore(const QString& fileName)
    {
        return std::make_unique<QSettings>(m_dir->filePath(fileName), QSettings::IniFormat);
    }

    // A managed desktop: format's system scope in system (holding values) and its user
    // scope in user, both temporary; then the app's store in that user scope.
    static std::unique_ptr<QSettings> managedStore(QSettings::Format format, const QTemporaryDir& system,
                                                   const QTemporaryDir& user, const QVariantMap& values)
    {
        QSettings::setPath(format, QSettings::SystemScope, system.path());
        QSettings::setPath(format, QSettings::UserScope, user.path());
        {
            QSettings managed(format, QSettings::SystemScope, u"FaultShare"_s, u"FaultShare"_s);
            for (auto it = values.cbegin(); it != values.cend(); ++it)
                managed.setValue(it.key(), it.value());
            managed.sync();
            if (managed.status() != QSettings::NoError)
                return {};
        }
        return std::make_unique<QSettings>(format, QSettings::UserScope, u"FaultShare"_s, u"FaultShare"_s);
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_store = newStore(u"settings.ini"_s);
    }

    void cleanup()
    {
        m_store.reset();
        m_dir.reset();
    }

    void names_defaultFirst_restSortedCaseInsensitively()
    {
        Profiles profiles(*m_store);
        QCOMPARE(profiles.names(), QStringList{u"default"_s});
        QVERIFY(profiles.contains(u"default"_s));
        QVERIFY(profiles.add(u"noc"_s));
        QVERIFY(profiles.add(u"Lab"_s));
        QVERIFY(profiles.add(u"azure"_s));
        QCOMPARE(profiles.names(), (QStringList{u"default"_s, u"azure"_s, u"Lab"_s, u"noc"_s}));
    }

    void checkName_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("valid");
        QTest::newRow("plain") << u"lab"_s << true;
        QTest::newRow("inner spaces") << u"NOC wall 2"_s << true;
        QTest::newRow("non-ASCII") << u"Zürich Leitstelle"_s << true;
        QTest::newRow("64 characters") << QString(64, u'x') << true;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("65 characters") << QString(65, u'x') << false;
        QTest::newRow("slash") << u"a/b"_s << false;
        QTest::newRow("backslash") << u"a\\b"_s << false;
        QTest::newRow("tab") << u"a\tb"_s << false;
        QTest::newRow("newline") << u"a\nb"_s << false;
        QTest::newRow("NUL") << QStringView(u"a\0b", 3).toString() << false;
        QTest::newRow("DEL") << u"a\x7f"_s << false;
        QTest::newRow("leading space") << u" lab"_s << false;
        QTest::newRow("trailing space") << u"lab "_s << false;
        QTest::newRow("only spaces") << u"   "_s << false;
    }

    void checkName()
    {
        QFETCH(QString, name);
        QFETCH(bool, valid);
        const QString why = Profiles::checkName(name);
        QCOMPARE(why.isEmpty(), valid);
        Profiles profiles(*m_store);
        QCOMPARE(profiles.add(name), valid);
        QCOMPARE(profiles.contains(name), valid);
    }

    void add_writesDefaults_andRefusesTakenNames()
    {
        Profiles profiles(*m_store);
        QVERIFY(!profiles.contains(u"lab"_s));
        QVERIFY(profiles.add(u"lab"_s));
        QVERIFY(profiles.contains(u"lab"_s));
        QVERIFY(!profiles.add(u"lab"_s));
        QVERIFY(!profiles.add(u"default"_s));
        m_store->sync();
        // Survives a reopen: the profile is in the file, not only in memory.
        auto reopened = newStore(u"settings.ini"_s);
        QVERIFY(Profiles(*reopened).contains(u"lab"_s));
        const Settings settings(*reopened, u"lab"_s);
        QCOMPARE(settings.apiUrl(), QUrl(u"https://v1.api.altostrat.io"_s));
        QCOMPARE(settings.defaultMinutes(), 60);
    }

    void remove_removesOnlyThatProfile_neverDefault()
    {
        Profiles profiles(*m_store);
        QVERIFY(profiles.add(u"lab"_s));
        QVERIFY(profiles.add(u"noc"_s));
        Settings(*m_store, u"noc"_s).setDefaultMinutes(15);
        Settings app(*m_store);
        app.setLastProfile(u"lab"_s);
        QVERIFY(!profiles.remove(u"default"_s));
        QVERIFY(!profiles.remove(u"missing"_s));
        QVERIFY(profiles.remove(u"lab"_s));
        QVERIFY(!profiles.contains(u"lab"_s));
        QVERIFY(!profiles.remove(u"lab"_s));
        QCOMPARE(profiles.names(), (QStringList{u"default"_s, u"noc"_s}));
        QCOMPARE(Settings(*m_store, u"noc"_s).defaultMinutes(), 15);
        QCOMPARE(app.lastProfile(), u"default"_s);
        QVERIFY(!m_store->allKeys().join(u' ').contains(u"lab"_s));
    }

    void export_hasDocumentedShape()
    {
        Profiles profiles(*m_store);
        QVERIFY(profiles.add(u"lab"_s));
        Settings lab(*m_store, u"lab"_s);
        lab.setApiUrl(QUrl(u"http://127.0.0.1:8080"_s));
        lab.setDefaultMinutes(480);
        lab.setCaFile(u"/etc/ssl/lab.pem"_s);
        const QJsonObject root = QJsonDocument::fromJson(profiles.exportJson({u"lab"_s, u"missing"_s})).object();
        QCOMPARE(root.value(u"format"_s).toString(), u"faultshare-profiles"_s);
        QCOMPARE(root.value(u"version"_s).toInt(), 1);
        const QJsonArray list = root.value(u"profiles"_s).toArray();
        QCOMPARE(list.size(), 1);
        const QJsonObject entry = list.first().toObject();
        QCOMPARE(entry.keys(), (QStringList{u"api_url"_s, u"ca_file"_s, u"default_minutes"_s, u"name"_s, u"proxy_host"_s,
                                            u"proxy_mode"_s, u"proxy_port"_s, u"proxy_user"_s}));
        QCOMPARE(entry.value(u"proxy_mode"_s).toString(), u"system"_s);
        QCOMPARE(entry.value(u"name"_s).toString(), u"lab"_s);
        QCOMPARE(entry.value(u"api_url"_s).toString(), u"http://127.0.0.1:8080"_s);
        QCOMPARE(entry.value(u"default_minutes"_s).toInt(), 480);
        QCOMPARE(entry.value(u"ca_file"_s).toString(), u"/etc/ssl/lab.pem"_s);
    }

    void proxy_exportImport_carriesAllButPassword()
    {
        Profiles profiles(*m_store);
        QVERIFY(profiles.add(u"lab"_s));
        ProxySettings proxy;
        proxy.mode = ProxySettings::Mode::Socks5;
        proxy.host = u"proxy.example"_s;
        proxy.port = 1080;
        proxy.user = u"noc"_s;
        proxy.password = u"never-in-settings"_s;
        Settings(*m_store, u"lab"_s).setProxy(proxy);
        m_store->sync();
        QVERIFY(TestSupport::filesContaining(m_dir->path(), "never-in-settings").isEmpty());
        const QByteArray json = profiles.exportJson({u"lab"_s});
        QVERIFY(!json.contains("never-in-settings"));
        QVERIFY(!json.contains("password"));
        const QJsonObject entry = QJsonDocument::fromJson(json).object().value(u"profiles"_s).toArray().first().toObject();
        QCOMPARE(entry.value(u"proxy_mode"_s).toString(), u"socks5"_s);
        QCOMPARE(entry.value(u"proxy_host"_s).toString(), u"proxy.example"_s);
        QCOMPARE(entry.value(u"proxy_port"_s).toInt(), 1080);
        QCOMPARE(entry.value(u"proxy_user"_s).toString(), u"noc"_s);

        auto other = newStore(u"other.ini"_s);
        const Profiles::ImportResult result = Profiles(*other).importJson(json);
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        const ProxySettings imported = Settings(*other, u"lab"_s).proxy();
        QCOMPARE(imported.mode, ProxySettings::Mode::Socks5);
        QCOMPARE(imported.host, u"proxy.example"_s);
        QCOMPARE(imported.port, 1080);
        QCOMPARE(imported.user, u"noc"_s);
        QVERIFY(imported.password.isEmpty());
    }

    void proxy_import_refusesPasswordAndBadProxy_data()
    {
        QTest::addColumn<QJsonObject>("entry");
        QTest::addColumn<QString>("mentioned");
        const QJsonObject http = with(with(with(profile(u"lab"_s), u"proxy_mode"_s, u"http"_s), u"proxy_host"_s,
                                           u"proxy.example"_s),
                                      u"proxy_port"_s, 3128);
        QTest::newRow("password") << with(http, u"password"_s, u"x"_s) << u"\"password\""_s;
        QTest::newRow("proxy_password") << with(http, u"proxy_password"_s, u"x"_s) << u"\"proxy_password\""_s;
        QTest::newRow("no host") << with(http, u"proxy_host"_s, QString()) << u"host"_s;
        QTest::newRow("port 0") << with(http, u"proxy_port"_s, 0) << u"port"_s;
        QTest::newRow("port 65536") << with(http, u"proxy_port"_s, 65536) << u"proxy_port"_s;
        QTest::newRow("unknown mode") << with(http, u"proxy_mode"_s, u"pac"_s) << u"proxy_mode"_s;
    }

    void proxy_import_refusesPasswordAndBadProxy()
    {
        QFETCH(QJsonObject, entry);
        QFETCH(QString, mentioned);
        const Profiles::ImportResult result = Profiles(*m_store).importJson(file({entry}));
        QVERIFY(result.imported.isEmpty());
        QVERIFY2(result.error.contains(mentioned), qPrintable(result.error));
        QVERIFY(!Profiles(*m_store).contains(u"lab"_s));
    }

    void managedDefaults_systemScopeIsReadAndUserWins_data()
    {
        QTest::addColumn<int>("format");
        QTest::newRow("native") << int(QSettings::NativeFormat);
        QTest::newRow("ini") << int(QSettings::IniFormat);
    }

    void managedDefaults_systemScopeIsReadAndUserWins()
    {
        QFETCH(int, format);
        const auto settingsFormat = QSettings::Format(format);
        QTemporaryDir system;
        QTemporaryDir user;
        const auto userStore = managedStore(settingsFormat, system, user,
                                            {{u"profiles/default/apiUrl"_s, u"https://api.corp.example"_s},
                                             {u"profiles/default/proxyMode"_s, u"http"_s},
                                             {u"profiles/default/proxyHost"_s, u"proxy.corp.example"_s},
                                             {u"profiles/default/proxyPort"_s, 3128},
                                             {u"profiles/noc/apiUrl"_s, u"https://noc.corp.example"_s},
                                             {u"history/purgeDays"_s, 30}});
        QVERIFY(userStore);
        QSettings& store = *userStore;
        QCOMPARE(Profiles(store).names(), (QStringList{u"default"_s, u"noc"_s}));
        QVERIFY(Profiles(store).contains(u"noc"_s));
        Settings settings(store);
        QCOMPARE(settings.apiUrl(), QUrl(u"https://api.corp.example"_s));
        QCOMPARE(settings.proxy().mode, ProxySettings::Mode::Http);
        QCOMPARE(settings.proxy().displayName(), u"proxy.corp.example:3128"_s);
        QCOMPARE(settings.historyPurgeDays(), 30);
        QCOMPARE(Settings(store, u"noc"_s).apiUrl(), QUrl(u"https://noc.corp.example"_s));

        // Setting what is in effect writes nothing: the managed default keeps applying.
        settings.setApiUrl(settings.apiUrl());
        settings.setProxy(settings.proxy());
        settings.setHistoryPurgeDays(30);
        settings.setDefaultMinutes(settings.defaultMinutes());
        store.sync();
        QVERIFY2(store.allKeys().isEmpty() || !QFileInfo::exists(store.fileName())
                     || QSettings(store.fileName(), QSettings::IniFormat).allKeys().isEmpty(),
                 qPrintable(QSettings(store.fileName(), QSettings::IniFormat).allKeys().join(u", "_s)));

        // A user value wins over the managed one.
        settings.setHistoryPurgeDays(3);
        ProxySettings direct;
        direct.mode = ProxySettings::Mode::None;
        settings.setProxy(direct);
        store.sync();
        QCOMPARE(settings.historyPurgeDays(), 3);
        QCOMPARE(settings.proxy().mode, ProxySettings::Mode::None);
        QSettings userFile(store.fileName(), QSettings::IniFormat);
        QCOMPARE(userFile.value(u"history/purgeDays"_s).toInt(), 3);
        QVERIFY(!userFile.contains(u"profiles/default/apiUrl"_s));
    }

    void managedProfile_isManaged_andIsNotRemoved_data() { managedDefaults_systemScopeIsReadAndUserWins_data(); }

    void managedProfile_isManaged_andIsNotRemoved()
    {
        QFETCH(int, format);
        const auto settingsFormat = QSettings::Format(format);
        QTemporaryDir system;
        QTemporaryDir user;
        const auto userStore
            = managedStore(settingsFormat, system, user, {{u"profiles/corp/apiUrl"_s, u"https://api.corp.example"_s}});
        QVERIFY(userStore);
        QSettings& store = *userStore;
        Profiles profiles(store);
        QVERIFY(profiles.add(u"mine"_s));
        // The user's own change to the managed profile stays the user's.
        Settings(store, u"corp"_s).setDefaultMinutes(90);
        QVERIFY(profiles.isManaged(u"corp"_s));
        QVERIFY(!profiles.isManaged(u"mine"_s));
        QVERIFY(!profiles.isManaged(u"default"_s));

        QVERIFY(!profiles.remove(u"corp"_s));
        QCOMPARE(Settings(store, u"corp"_s).defaultMinutes(), 90);
        QVERIFY(profiles.remove(u"mine"_s));
        QCOMPARE(profiles.names(), (QStringList{u"default"_s, u"corp"_s}));

        // A store of a file of its own has no system scope.
        QVERIFY(!Profiles(*m_store).isManaged(u"corp"_s));
    }

    void export_holdsNoSecret_whileKeysAreInKeychain()
    {
        // Real keychain entries for two profiles, on a service of this test's own.
        CredentialStore keys(u"FaultShareTest-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces));
        Profiles profiles(*m_store);
        QVERIFY(profiles.add(u"lab"_s));
        const QStringList names{u"default"_s, u"lab"_s};
        QStringList secrets;
        for (const QString& name : names) {
            secrets << distinctiveKey();
            QCOMPARE(TestSupport::writeSecret(keys, CredentialStore::apiKeyEntry(name), secrets.last(), {}, KeychainTimeoutMs).signal,
                     u"written"_s);
        }
        const TestSupport::KeychainOutcome read = TestSupport::readSecret(keys, CredentialStore::apiKeyEntry(u"lab"_s), KeychainTimeoutMs);
        QCOMPARE(read.signal, u"read"_s);
        QCOMPARE(read.secret, secrets.last());

        const QByteArray json = profiles.exportJson(profiles.names());
        QCOMPARE(QJsonDocument::fromJson(json).object().value(u"profiles"_s).toArray().size(), 2);
        for (const QString& secret : std::as_const(secrets)) {
            QVERIFY(!json.contains(secret.toUtf8()));
            QVERIFY(!json.contains(secret.section(u':', 2).toUtf8()));
        }
        for (const char* word : {"key", "token", "secret", "password"})
            QVERIFY2(!json.contains(word), word);
        m_store->sync();
        QCOMPARE(TestSupport::filesContaining(m_dir->path(), secrets.first().toUtf8()), QStringList());

        for (const QString& name : names)
            QCOMPARE(TestSupport::removeSecret(keys, CredentialStore::apiKeyEntry(name), KeychainTimeoutMs).signal, u"removed"_s);
    }

    void roundTrip_exportImport_givesEqualSettings()
    {
        Profiles profiles(*m_store);
        QVERIFY(profiles.add(u"lab"_s));
        QVERIFY(profiles.add(u"NOC wall 2"_s));
        Settings lab(*m_store, u"lab"_s);
        lab.setApiUrl(QUrl(u"http://127.0.0.1:8080"_s));
        lab.setDefaultMinutes(480);
        lab.setCaFile(u"/etc/ssl/lab.pem"_s);
        Settings noc(*m_store, u"NOC wall 2"_s);
        noc.setApiUrl(QUrl(u"https://api.example.com/v1"_s));
        noc.setDefaultMinutes(43200);
        Settings(*m_store).setDefaultMinutes(15);

        const QByteArray json = profiles.exportJson(profiles.names());
        auto fresh = newStore(u"fresh.ini"_s);
        Profiles imported(*fresh);
        const Profiles::ImportResult result = imported.importJson(json);
        QCOMPARE(result.error, QString());
        QCOMPARE(result.imported, profiles.names());
        QCOMPARE(imported.names(), profiles.names());
        for (const QString& name : profiles.names()) {
            const Settings a(*m_store, name);
            const Settings b(*fresh, name);
            QCOMPARE(b.apiUrl(), a.apiUrl());
            QCOMPARE(b.defaultMinutes(), a.defaultMinutes());
            QCOMPARE(b.caFile(), a.caFile());
        }
        // And again: importing what is there changes nothing.
        QCOMPARE(imported.exportJson(imported.names()), json);
    }

    void import_sameName_getsFileSettings()
    {
        Profiles profiles(*m_store);
        QVERIFY(profiles.add(u"lab"_s));
        Settings(*m_store, u"lab"_s).setCaFile(u"/old.pem"_s);
        const auto result = profiles.importJson(file({profile(u"lab"_s, u"https://new.example.com"_s, 90)}));
        QCOMPARE(result.error, QString());
        QCOMPARE(result.imported, QStringList{u"lab"_s});
        const Settings lab(*m_store, u"lab"_s);
        QCOMPARE(lab.apiUrl(), QUrl(u"https://new.example.com"_s));
        QCOMPARE(lab.defaultMinutes(), 90);
        QCOMPARE(lab.caFile(), QString());
    }

    void import_refused_leavesStoreUnchanged_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("mentions"); // a word the error must contain

        const QJsonObject good = profile(u"good"_s);
        const auto second = [&good](const QJsonObject& bad) { return file({good, bad}); };

        QTest::newRow("not JSON") << QByteArray("{ nope") << u"not a FaultShare profiles export"_s;
        QTest::newRow("array root") << QByteArray("[]") << u"not a FaultShare profiles export"_s;
        QTest::newRow("other format")
            << QJsonDocument(QJsonObject{{u"format"_s, u"other"_s}, {u"version"_s, 1}, {u"profiles"_s, QJsonArray{good}}}).toJson()
            << u"format"_s;
        QTest::newRow("version 2")
            << QJsonDocument(QJsonObject{{u"format"_s, u"faultshare-profiles"_s}, {u"version"_s, 2}, {u"profiles"_s, QJsonArray{good}}}).toJson()
            << u"version"_s;
        QTest::newRow("version as text")
            << QJsonDocument(QJsonObject{{u"format"_s, u"faultshare-profiles"_s}, {u"version"_s, u"1"_s}, {u"profiles"_s, QJsonArray{good}}}).toJson()
            << u"version"_s;
        QTest::newRow("profiles not a list")
            << QJsonDocument(QJsonObject{{u"format"_s, u"faultshare-profiles"_s}, {u"version"_s, 1}, {u"profiles"_s, good}}).toJson()
            << u"list of profiles"_s;
        QTest::newRow("profile not an object") << file({good, 5}) << u"Profile 2"_s;
        QTest::newRow("no name") << second(without(profile(u"x"_s), u"name"_s)) << u"Profile 2"_s;
        QTest::newRow("name not text") << second(with(profile(u"x"_s), u"name"_s, 7)) << u"Profile 2"_s;
        QTest::newRow("name with slash") << second(profile(u"a/b"_s)) << u"\"a/b\""_s;
        QTest::newRow("name empty") << second(profile(QString())) << u"empty"_s;
        QTest::newRow("name too long") << second(profile(QString(65, u'x'))) << u"longer than 64"_s;
        QTest::newRow("duplicate") << file({good, profile(u"lab"_s), profile(u"lab"_s)}) << u"\"lab\" appears twice"_s;
        QTest::newRow("http remote") << second(profile(u"lab"_s, u"http://api.example.com"_s)) << u"\"lab\""_s;
        QTest::newRow("url with password") << second(profile(u"lab"_s, u"https://u:p@api.example.com"_s)) << u"\"lab\""_s;
        QTest::newRow("url empty") << second(profile(u"lab"_s, QString())) << u"\"lab\""_s;
        QTest::newRow("url not text") << second(with(profile(u"lab"_s), u"api_url"_s, 1)) << u"\"lab\""_s;
        QTest::newRow("no url") << second(without(profile(u"lab"_s), u"api_url"_s)) << u"\"lab\""_s;
        QTest::newRow("minutes 0") << second(profile(u"lab"_s, u"https://a.example"_s, 0)) << u"default_minutes"_s;
        QTest::newRow("minutes 43201") << second(profile(u"lab"_s, u"https://a.example"_s, 43201)) << u"default_minutes"_s;
        QTest::newRow("minutes fraction") << second(with(profile(u"lab"_s), u"default_minutes"_s, 1.5)) << u"default_minutes"_s;
        QTest::newRow("minutes as text") << second(with(profile(u"lab"_s), u"default_minutes"_s, u"60"_s)) << u"default_minutes"_s;
        QTest::newRow("no minutes") << second(without(profile(u"lab"_s), u"default_minutes"_s)) << u"default_minutes"_s;
        QTest::newRow("ca_file not text") << second(with(profile(u"lab"_s), u"ca_file"_s, true)) << u"ca_file"_s;
        QTest::newRow("unknown member") << second(with(profile(u"lab"_s), u"proxy"_s, u"x"_s)) << u"\"proxy\""_s;
        // Anything that looks like a secret, anywhere.
        QTest::newRow("api_key") << second(with(profile(u"lab"_s), u"api_key"_s, u"t:t:s"_s)) << u"\"api_key\""_s;
        QTest::newRow("key") << second(with(profile(u"lab"_s), u"key"_s, u"t:t:s"_s)) << u"\"key\""_s;
        QTest::newRow("apiKey") << second(with(profile(u"lab"_s), u"apiKey"_s, u"t:t:s"_s)) << u"\"apiKey\""_s;
        QTest::newRow("token") << second(with(profile(u"lab"_s), u"token"_s, u"ey.x.y"_s)) << u"\"token\""_s;
        QTest::newRow("Password") << second(with(profile(u"lab"_s), u"Password"_s, u"x"_s)) << u"\"Password\""_s;
        QTest::newRow("nested secret")
            << second(with(profile(u"lab"_s), u"extra"_s, QJsonObject{{u"deep"_s, QJsonArray{QJsonObject{{u"secret"_s, u"x"_s}}}}}))
            << u"\"secret\""_s;
        QTest::newRow("top-level token")
            << QJsonDocument(QJsonObject{{u"format"_s, u"faultshare-profiles"_s}, {u"version"_s, 1},
                                         {u"profiles"_s, QJsonArray{good}}, {u"token"_s, u"x"_s}}).toJson()
            << u"\"token\""_s;
        QTest::newRow("secret empty") << second(with(profile(u"lab"_s), u"secret"_s, QString())) << u"\"secret\""_s;
    }

    void import_refused_leavesStoreUnchanged()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, mentions);
        Profiles profiles(*m_store);
        QVERIFY(profiles.add(u"lab"_s));
        Settings(*m_store, u"lab"_s).setDefaultMinutes(33);
        const auto before = snapshot(*m_store);

        const Profiles::ImportResult result = profiles.importJson(json);
        QVERIFY(!result.error.isEmpty());
        QVERIFY2(result.error.contains(mentions), qPrintable(result.error));
        QVERIFY2(isOneSentence(result.error), qPrintable(result.error));
        QVERIFY(result.imported.isEmpty());
        QVERIFY(!profiles.contains(u"good"_s));
        QCOMPARE(snapshot(*m_store), before);
        // Values from the file are not quoted back (a key pasted by mistake stays unseen).
        QVERIFY(!result.error.contains(u"t:t:s"_s));
    }
};

QTEST_GUILESS_MAIN(tst_Profiles)
#include "tst_profiles.moc"
