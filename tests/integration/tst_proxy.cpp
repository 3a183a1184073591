// Requests through a real HTTP proxy on loopback (tests/common/HttpProxy) to the demo API
// on another loopback port: forwarded once, with Basic credentials answered once, a wrong
// password or a proxy that is gone told in one sentence that never holds the password,
// and mode None going direct. The same through a real SOCKS5 proxy (tests/common/
// Socks5Proxy), without and with a user name and password. The `generate` command uses the profile's proxy, with the
// password from the keychain (the Secret Service of the test session).

#include "ApiClient.h"
#include "CredentialStore.h"
#include "DemoServer.h"
#include "HttpProxy.h"
#include "HttpsServer.h"
#include "Profiles.h"
#include "RequestOutcome.h"
#include "Settings.h"
#include "Socks5Proxy.h"
#include "TestPki.h"

#include <QLoggingCategory>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>

using namespace Qt::StringLiterals;
using Kind = ApiError::Kind;
using TestSupport::Outcome;
using TestSupport::waitFor;

namespace {

constexpr int KeychainTimeoutMs = 30000;

bool isOneSentence(const QString& message)
{
    return message.endsWith(u'.') && !message.contains(u'\n') && !message.chopped(1).contains(u". "_s);
}

// Every message Qt logs meanwhile, to prove a secret never reaches a log line.
QStringList* g_logged = nullptr;
QtMessageHandler g_previous = nullptr;

void recordMessage(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    if (g_logged)
        g_logged->append(message);
    g_previous(type, context, message);
}

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

} // namespace

class tst_Proxy final : public QObject
{
    Q_OBJECT

private:
    const QString m_key = DemoServer::generateApiKey();
    const QString m_password = u"pw-"_s + QUuid::createUuid().toString(QUuid::Id128);
    QStringList m_logged;

    static ProxySettings httpProxy(quint16 port, const QString& user = {}, const QString& password = {})
    {
        ProxySettings proxy;
        proxy.mode = ProxySettings::Mode::Http;
        proxy.host = u"127.0.0.1"_s;
        proxy.port = port;
        proxy.user = user;
        proxy.password = password;
        return proxy;
    }

    static ProxySettings socks5Proxy(quint16 port, const QString& user = {}, const QString& password = {})
    {
        ProxySettings proxy = httpProxy(port, user, password);
        proxy.mode = ProxySettings::Mode::Socks5;
        return proxy;
    }

    std::unique_ptr<ApiClient> clientFor(const QUrl& apiUrl, const ProxySettings& proxy) const
    {
        auto client = std::make_unique<ApiClient>();
        client->setApiUrl(apiUrl);
        client->setApiKey(m_key);
        client->setProxy(proxy);
        return client;
    }

    void checkNoPassword(const QString& text) const
    {
        QVERIFY2(!text.contains(m_password), "the proxy password was shown");
        for (const QString& line : m_logged)
            QVERIFY2(!line.contains(m_password), "the proxy password reached a log line");
    }

private Q_SLOTS:
    void initTestCase()
    {
        QLoggingCategory::setFilterRules(u"faultshare.*=true"_s);
        g_logged = &m_logged;
        g_previous = qInstallMessageHandler(recordMessage);
    }

    void cleanupTestCase()
    {
        qInstallMessageHandler(g_previous);
        g_logged = nullptr;
    }

    void httpProxy_generate_goesThroughProxyOnce()
    {
        DemoServer demo(m_key);
        QVERIFY(demo.listen());
        HttpProxy proxy;
        QVERIFY(proxy.listen());
        const auto client = clientFor(demo.url(), httpProxy(proxy.port()));
        const Outcome outcome = waitFor(client->requestToken(30));
        QVERIFY2(outcome.token, outcome.error ? qPrintable(outcome.error->userMessage()) : "no answer");
        QCOMPARE(outcome.token->expiresInMinutes(), 30);
        QCOMPARE(demo.tokenRequestCount(), 1);
        QCOMPARE(proxy.requests().size(), 1);
        QCOMPARE(proxy.forwardedCount("POST"), 1);
        QCOMPARE(proxy.requests().first().target, demo.url().toEncoded() + "/fault/token");
        QVERIFY(proxy.requests().first().proxyAuthorization.isEmpty());
    }

    void httpProxy_preview_goesThroughProxy()
    {
        DemoServer demo(m_key);
        QVERIFY(demo.listen());
        HttpProxy proxy;
        QVERIFY(proxy.listen());
        const auto client = clientFor(demo.url(), httpProxy(proxy.port()));
        const Outcome issued = waitFor(client->requestToken(30));
        QVERIFY(issued.token);
        const TestSupport::FaultsOutcome preview = waitFor(client->requestFaults(issued.token->token()));
        QVERIFY2(preview.faults, preview.error ? qPrintable(preview.error->userMessage()) : "no answer");
        QCOMPARE(proxy.forwardedCount("GET"), 1);
    }

    void httpProxy_rightPassword_isAnsweredOnce()
    {
        DemoServer demo(m_key);
        QVERIFY(demo.listen());
        HttpProxy proxy;
        QVERIFY(proxy.listen());
        proxy.requireBasicAuth("noc", m_password.toUtf8());
        const auto client = clientFor(demo.url(), httpProxy(proxy.port(), u"noc"_s, m_password));
        const Outcome outcome = waitFor(client->requestToken(30));
        QVERIFY2(outcome.token, outcome.error ? qPrintable(outcome.error->userMessage()) : "no answer");
        QCOMPARE(demo.tokenRequestCount(), 1);
        QCOMPARE(proxy.forwardedCount("POST"), 1);
        const QList<HttpProxy::Request> requests = proxy.requests();
        QCOMPARE(requests.size(), 2); // the challenge, then the answer
        QVERIFY(!requests.first().forwarded);
        QCOMPARE(requests.last().proxyAuthorization, "Basic " + QByteArray("noc:" + m_password.toUtf8()).toBase64());

        // Remembered for the next request: no second challenge, still one token each.
        const Outcome second = waitFor(client->requestToken(30));
        QVERIFY(second.token);
        QCOMPARE(demo.tokenRequestCount(), 2);
        QCOMPARE(proxy.forwardedCount("POST"), 2);
        checkNoPassword({});
    }

    void httpProxy_wrongPassword_isOneSentenceWithoutPassword()
    {
        DemoServer demo(m_key);
        QVERIFY(demo.listen());
        HttpProxy proxy;
        QVERIFY(proxy.listen());
        proxy.requireBasicAuth("noc", "the-right-one");
        const auto client = clientFor(demo.url(), httpProxy(proxy.port(), u"noc"_s, m_password));
        const Outcome outcome = waitFor(client->requestToken(30));
        QVERIFY2(outcome.error, outcome.token ? "a token despite a wrong proxy password" : "no answer");
        QCOMPARE(outcome.error->kind(), Kind::ProxyAuth);
        QCOMPARE(outcome.error->exitCode(), 5);
        const QString message = outcome.error->userMessage();
        QCOMPARE(message, u"The proxy refused the user name or password; check them in Settings."_s);
        QVERIFY(isOneSentence(message));
        checkNoPassword(message);
        QCOMPARE(demo.tokenRequestCount(), 0);
        QCOMPARE(proxy.forwardedCount("POST"), 0);
        // Answered once: the first challenge got the password, the second one nothing.
        QCOMPARE(proxy.requests().size(), 2);
    }

    void httpProxy_credentialsNeededButNoneSet_isProxyAuth()
    {
        DemoServer demo(m_key);
        QVERIFY(demo.listen());
        HttpProxy proxy;
        QVERIFY(proxy.listen());
        proxy.requireBasicAuth("noc", "secret");
        const auto client = clientFor(demo.url(), httpProxy(proxy.port()));
        const Outcome outcome = waitFor(client->requestToken(30));
        QVERIFY(outcome.error);
        QCOMPARE(outcome.error->kind(), Kind::ProxyAuth);
        QCOMPARE(demo.tokenRequestCount(), 0);
    }

    void proxyDown_messageNamesProxy_notPassword()
    {
        DemoServer demo(m_key);
        QVERIFY(demo.listen());
        quint16 port = 0;
        {
            QTcpServer closed;
            QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
            port = closed.serverPort();
        }
        const auto client = clientFor(demo.url(), httpProxy(port, u"noc"_s, m_password));
        const Outcome outcome = waitFor(client->requestToken(30));
        QVERIFY(outcome.error);
        QCOMPARE(outcome.error->kind(), Kind::Proxy);
        QCOMPARE(outcome.error->exitCode(), 5);
        const QString message = outcome.error->userMessage();
        QVERIFY2(message.startsWith(u"Could not reach the proxy 127.0.0.1:%1: "_s.arg(port)), qPrintable(message));
        QVERIFY2(message.endsWith(u"; check the proxy in Settings."_s), qPrintable(message));
        QVERIFY(isOneSentence(message));
        QVERIFY(!message.contains(u"noc"_s));
        checkNoPassword(message);
        QCOMPARE(demo.tokenRequestCount(), 0);
    }

    void socks5_generate_goesThroughProxy()
    {
        DemoServer demo(m_key);
        QVERIFY(demo.listen());
        Socks5Proxy proxy;
        QVERIFY(proxy.listen());
        const auto client = clientFor(demo.url(), socks5Proxy(proxy.port()));
        const Outcome outcome = waitFor(client->requestToken(30));
        QVERIFY2(outcome.token, outcome.error ? qPrintable(outcome.error->userMessage()) : "no answer");
        QCOMPARE(outcome.token->expiresInMinutes(), 30);
        QCOMPARE(demo.tokenRequestCount(), 1);
        QCOMPARE(proxy.forwardedCount(), 1);
        QCOMPARE(proxy.connections().first().target, "127.0.0.1:" + QByteArray::number(demo.url().port()));
        QVERIFY(proxy.connections().first().user.isEmpty());
    }

    void socks5_rightPassword_connects()
    {
        DemoServer demo(m_key);
        QVERIFY(demo.listen());
        Socks5Proxy proxy;
        QVERIFY(proxy.listen());
        proxy.requireAuth("noc", m_password.toUtf8());
        const auto client = clientFor(demo.url(), socks5Proxy(proxy.port(), u"noc"_s, m_password));
        const Outcome outcome = waitFor(client->requestToken(30));
        QVERIFY2(outcome.token, outcome.error ? qPrintable(outcome.error->userMessage()) : "no answer");
        QCOMPARE(demo.tokenRequestCount(), 1);
        QCOMPARE(proxy.forwardedCount(), 1);
        QCOMPARE(proxy.connections().first().user, "noc");
        QVERIFY(proxy.connections().first().passwordMatched);
        checkNoPassword({});
    }

    void socks5_wrongPassword_isOneSentenceWithoutPassword()
    {
        DemoServer demo(m_key);
        QVERIFY(demo.listen());
        Socks5Proxy proxy;
        QVERIFY(proxy.listen());
        proxy.requireAuth("noc", "the-right-one");
        const auto client = clientFor(demo.url(), socks5Proxy(proxy.port(), u"noc"_s, m_password));
        const Outcome outcome = waitFor(client->requestToken(30));
        QVERIFY2(outcome.error, outcome.token ? "a token despite a wrong proxy password" : "no answer");
        const QString message = outcome.error->userMessage();
        QCOMPARE(outcome.error->kind(), Kind::ProxyAuth);
        QCOMPARE(message, u"The proxy refused the user name or password; check them in Settings."_s);
        checkNoPassword(message);
        QCOMPARE(demo.tokenRequestCount(), 0);
        QCOMPARE(proxy.forwardedCount(), 0);
    }

    void modeNone_bypassesProxy()
    {
        DemoServer demo(m_key);
        QVERIFY(demo.listen());
        HttpProxy proxy;
        QVERIFY(proxy.listen());
        const auto client = clientFor(demo.url(), httpProxy(proxy.port()));
        ProxySettings direct;
        direct.mode = ProxySettings::Mode::None;
        client->setProxy(direct);
        const Outcome outcome = waitFor(client->requestToken(30));
        QVERIFY(outcome.token);
        QCOMPARE(demo.tokenRequestCount(), 1);
        QVERIFY(proxy.requests().isEmpty());
    }

    void httpsThroughProxy_usesConnectTunnel_withCredentials()
    {
        QTemporaryDir dir;
        TestPki pki;
        QString why;
        QVERIFY2(pki.create(dir.path(), &why), qPrintable(why));
        HttpsServer server;
        QVERIFY(server.setIdentity(pki.serverCertificate, pki.serverKey));
        QVERIFY(server.listen());
        server.setResponses({HttpsServer::tokenResponse(30)});
        HttpProxy proxy;
        QVERIFY(proxy.listen());
        proxy.requireBasicAuth("noc", m_password.toUtf8());
        const auto client = clientFor(server.url(), httpProxy(proxy.port(), u"noc"_s, m_password));
        QVERIFY(client->setCaFile(pki.caCertificate));
        const Outcome outcome = waitFor(client->requestToken(30));
        QVERIFY2(outcome.token, outcome.error ? qPrintable(outcome.error->userMessage()) : "no answer");
        QCOMPARE(proxy.forwardedCount("CONNECT"), 1);
        QCOMPARE(proxy.requests().last().target, u"127.0.0.1:%1"_s.arg(server.url().port()).toLatin1());
        QCOMPARE(server.requests().size(), 1);
        // The tunnel carries the request; the proxy never sees the bearer key.
        QVERIFY(!server.header(0, "Authorization").isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_Proxy)
#include "tst_proxy.moc"
