// `faultshare generate --profile P` behind a company proxy: P's settings name an HTTP proxy
// on loopback (tests/common/HttpProxy, with Basic auth) in front of an HTTPS API that P
// names api.faultshare.test, a name only the test proxies know (TestSupport::ProxyOnlyHost),
// with the test CA as P's CA file; its key and proxy password are in the keychain of the
// test session under the app's service name ("FaultShare", with a profile name of this run
// only). The request goes through the proxy with the right Proxy-Authorization; a wrong
// password or a proxy that is gone ends with exit code 5 and one line naming the proxy,
// never the password. An API on 127.0.0.1 (the demo API) is reached directly, whether the
// proxy comes from http_proxy in the environment or from the profile (security rule 10).

#include "CliRunner.h"
#include "CredentialStore.h"
#include "DemoServer.h"
#include "HttpProxy.h"
#include "HttpsServer.h"
#include "Profiles.h"
#include "Settings.h"
#include "Socks5Proxy.h"
#include "KeychainOutcome.h"
#include "TestPki.h"
#include "TestSupport.h"

#include <QSettings>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>

using namespace faultshare;

using namespace Qt::StringLiterals;
using TestSupport::CliRun;

namespace {

constexpr int KeychainTimeoutMs = 30000;
constexpr auto ProxyUser = "noc";

QByteArray basic(const QByteArray& user, const QByteArray& password)
{
    return "Basic " + QByteArray(user + ':' + password).toBase64();
}

} // namespace

class tst_CliProxy final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    CredentialStore m_keys{u"FaultShare"_s};
    const QString m_profile = u"proxy-cli-"_s + QUuid::createUuid().toString(QUuid::Id128).left(12);
    const QString m_password = u"proxy-pw-"_s + QUuid::createUuid().toString(QUuid::Id128);
    std::unique_ptr<DemoServer> m_demo;
    QTemporaryDir m_pkiDir;
    TestPki m_pki;
    HttpsServer m_server; // the profile's API, reached only through a proxy

    bool keychain(const QString& entry, const QString& secret)
    {
        if (secret.isEmpty())
            return TestSupport::removeSecret(m_keys, entry, KeychainTimeoutMs).signal == u"removed"_s;
        return TestSupport::writeSecret(m_keys, entry, secret, {}, KeychainTimeoutMs).signal == u"written"_s;
    }

    // The profile reaches its API through an HTTP proxy on port, as user "noc".
    void setProxyPort(quint16 port)
    {
        QSettings store(TestSupport::childSettingsFile(m_home.path()), QSettings::IniFormat);
        Settings settings(store, m_profile);
        ProxySettings proxy;
        proxy.mode = ProxySettings::Mode::Http;
        proxy.host = u"127.0.0.1"_s;
        proxy.port = port;
        proxy.user = QString::fromLatin1(ProxyUser);
        settings.setProxy(proxy);
    }

    CliRun generate()
    {
        return TestSupport::runFaultshare({u"generate"_s, u"--profile"_s, m_profile, u"--format"_s, u"link"_s},
                                          TestSupport::isolatedEnvironment(m_home.path()));
    }

    void checkNoPassword(const CliRun& run, const QString& password) const
    {
        QVERIFY2(!run.out.contains(password.toUtf8()), "the proxy password reached stdout");
        QVERIFY2(!run.err.contains(password.toUtf8()), "the proxy password reached stderr");
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        m_demo = std::make_unique<DemoServer>(DemoServer::generateApiKey());
        QVERIFY(m_demo->listen());
        QVERIFY(m_pkiDir.isValid());
        QString why;
        QVERIFY2(m_pki.create(m_pkiDir.path(), &why), qPrintable(why));
        QVERIFY(m_server.setIdentity(m_pki.serverCertificate, m_pki.serverKey));
        QVERIFY(m_server.listen());
        {
            QSettings store(TestSupport::childSettingsFile(m_home.path()), QSettings::IniFormat);
            QVERIFY(Profiles(store).add(m_profile));
            Settings settings(store, m_profile);
            settings.setApiUrl(TestSupport::viaProxyOnlyHost(m_server.url()));
            settings.setCaFile(m_pki.caCertificate);
        }
        QVERIFY(keychain(CredentialStore::apiKeyEntry(m_profile), m_demo->apiKey()));
        QVERIFY(keychain(CredentialStore::proxyEntry(m_profile), m_password));
    }

    void cleanupTestCase()
    {
        keychain(CredentialStore::apiKeyEntry(m_profile), {});
        keychain(CredentialStore::proxyEntry(m_profile), {});
    }

    void generate_goesThroughProxy_withStoredPassword()
    {
        HttpProxy proxy;
        QVERIFY(proxy.listen());
        proxy.requireBasicAuth(ProxyUser, m_password.toUtf8());
        setProxyPort(proxy.port());
        const qsizetype before = m_server.requests().size();

        const CliRun run = generate();
        QVERIFY2(run.finished, run.err.constData());
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.out.trimmed().startsWith("https://altostr.at/"), run.out.constData());
        QCOMPARE(m_server.requests().size(), before + 1);
        QVERIFY(m_server.requests().last().startsWith("POST /fault/token "));
        QCOMPARE(proxy.forwardedCount("CONNECT"), 1);
        bool authorized = false;
        for (const HttpProxy::Request& request : proxy.requests()) {
            if (request.forwarded && request.method == "CONNECT")
                authorized = request.proxyAuthorization == basic(ProxyUser, m_password.toUtf8())
                    && request.target == TestSupport::ProxyOnlyHost + ':' + QByteArray::number(m_server.serverPort());
        }
        QVERIFY(authorized);
        checkNoPassword(run, m_password);
    }

    void wrongPassword_exit5_oneLine()
    {
        HttpProxy proxy;
        QVERIFY(proxy.listen());
        proxy.requireBasicAuth(ProxyUser, "another-password");
        setProxyPort(proxy.port());
        const qsizetype before = m_server.requests().size();

        const CliRun run = generate();
        QVERIFY(run.finished);
        QCOMPARE(run.exitCode, 5);
        QVERIFY(run.out.isEmpty());
        QCOMPARE(run.err, "faultshare: The proxy refused the user name or password; check them in Settings.\n"_ba);
        QCOMPARE(m_server.requests().size(), before);
        QCOMPARE(proxy.forwardedCount("CONNECT"), 0);
        checkNoPassword(run, m_password);
    }

    void proxyDown_exit5_messageNamesProxy()
    {
        quint16 port = 0;
        {
            QTcpServer closed;
            QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
            port = closed.serverPort();
        }
        setProxyPort(port);
        const qsizetype before = m_server.requests().size();

        const CliRun run = generate();
        QVERIFY(run.finished);
        QCOMPARE(run.exitCode, 5);
        QVERIFY(run.out.isEmpty());
        const QString err = QString::fromUtf8(run.err);
        QVERIFY2(err.startsWith(u"faultshare: Could not reach the proxy 127.0.0.1:%1"_s.arg(port)), qPrintable(err));
        QVERIFY2(err.endsWith(u"; check the proxy in Settings.\n"_s), qPrintable(err));
        QCOMPARE(err.count(u'\n'), 1);
        QVERIFY(!err.contains(QLatin1StringView(ProxyUser)));
        QCOMPARE(m_server.requests().size(), before);
        checkNoPassword(run, m_password);
    }

    void loopbackApi_neverUsesTheProxy_data()
    {
        QTest::addColumn<bool>("profileProxy");
        // The default profile's system configuration: http_proxy and friends.
        QTest::newRow("system proxy from the environment") << false;
        // P's own HTTP proxy (with the environment's still set).
        QTest::newRow("profile's http proxy") << true;
    }

    // Security rule 10: `generate --api-url http://127.0.0.1:…` never hands the key to a
    // proxy, whatever the environment or the profile says.
    void loopbackApi_neverUsesTheProxy()
    {
        QFETCH(bool, profileProxy);
        HttpProxy proxy;
        QVERIFY(proxy.listen());
        if (profileProxy)
            proxy.requireBasicAuth(ProxyUser, m_password.toUtf8());
        Socks5Proxy socks;
        QVERIFY(socks.listen());
        setProxyPort(proxy.port());
        const QString proxyUrl = u"http://127.0.0.1:%1"_s.arg(proxy.port());
        QProcessEnvironment env = TestSupport::isolatedEnvironment(m_home.path(), m_demo->apiKey());
        for (const QString& name : {u"http_proxy"_s, u"https_proxy"_s, u"HTTP_PROXY"_s, u"HTTPS_PROXY"_s})
            env.insert(name, proxyUrl);
        env.insert(u"all_proxy"_s, u"socks5://127.0.0.1:%1"_s.arg(socks.port()));
        env.remove(u"no_proxy"_s);
        env.remove(u"NO_PROXY"_s);
        QStringList arguments{u"generate"_s, u"--api-url"_s, m_demo->url().toString(), u"--format"_s, u"link"_s,
                              u"--no-history"_s};
        if (profileProxy)
            arguments << u"--profile"_s << m_profile;
        const int before = m_demo->tokenRequestCount();

        const CliRun run = TestSupport::runFaultshare(arguments, env);
        QVERIFY2(run.finished, run.err.constData());
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.out.trimmed().startsWith(m_demo->url().toEncoded()), run.out.constData());
        QCOMPARE(m_demo->tokenRequestCount(), before + 1);
        QCOMPARE(proxy.requests().size(), 0);
        QCOMPARE(socks.connections().size(), 0);
        checkNoPassword(run, m_password);
    }
};

QTEST_GUILESS_MAIN(tst_CliProxy)
#include "tst_cli_proxy.moc"
