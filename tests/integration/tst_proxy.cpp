// Requests through a real HTTP proxy on loopback (tests/common/HttpProxy) to an HTTPS API
// on another loopback port that the client names api.faultshare.test, a name only the
// test proxies know (TestSupport::ProxyOnlyHost): tunnelled once, with Basic credentials
// answered once, a wrong password or a proxy that is gone told in one sentence that never
// holds the password, and mode None going direct. The same through a real SOCKS5 proxy
// (tests/common/Socks5Proxy), without and with a user name and password, and through the
// system configuration (https_proxy in the environment). An API on a loopback address
// (127.0.0.0/8, ::1, localhost) is reached directly whatever the proxy settings, and the
// proxies see nothing of it (security rule 10).

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
#include "TestSupport.h"

#include <QLoggingCategory>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>
#include <optional>
#include <utility>

using namespace faultshare;

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

// Sets the variables the system proxy configuration reads (libproxy on Linux) for its
// lifetime, no_proxy removed, and restores them after.
class ProxyEnvironment final
{
    Q_DISABLE_COPY_MOVE(ProxyEnvironment)

public:
    explicit ProxyEnvironment(const QList<std::pair<QByteArray, QByteArray>>& set)
    {
        for (const char* name : {"no_proxy", "NO_PROXY"})
            change(name, std::nullopt);
        for (const auto& [name, value] : set)
            change(name, value);
    }
    ~ProxyEnvironment()
    {
        for (auto it = m_saved.crbegin(); it != m_saved.crend(); ++it) {
            if (it->second)
                qputenv(it->first.constData(), *it->second);
            else
                qunsetenv(it->first.constData());
        }
    }

private:
    void change(const QByteArray& name, const std::optional<QByteArray>& value)
    {
        m_saved.append({name, qEnvironmentVariableIsSet(name.constData()) ? std::optional(qgetenv(name.constData()))
                                                                           : std::nullopt});
        if (value)
            qputenv(name.constData(), *value);
        else
            qunsetenv(name.constData());
    }

    QList<std::pair<QByteArray, std::optional<QByteArray>>> m_saved;
};

const QByteArray EmptyFaultList = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n"
                                  "Connection: close\r\n\r\n[]";

} // namespace

class tst_Proxy final : public QObject
{
    Q_OBJECT

private:
    const QString m_key = DemoServer::generateApiKey();
    const QString m_password = u"pw-"_s + QUuid::createUuid().toString(QUuid::Id128);
    QStringList m_logged;
    QTemporaryDir m_pkiDir;
    TestPki m_pki;

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

    // The HTTPS API on 127.0.0.1, answering with token bodies unless told otherwise.
    bool listen(HttpsServer& server) const
    {
        return server.setIdentity(m_pki.serverCertificate, m_pki.serverKey) && server.listen();
    }

    // A client of server named by TestSupport::ProxyOnlyHost: only a test proxy reaches it.
    std::unique_ptr<ApiClient> proxiedClientFor(const HttpsServer& server, const ProxySettings& proxy) const
    {
        auto client = clientFor(TestSupport::viaProxyOnlyHost(server.url()), proxy);
        if (!client->setCaFile(m_pki.caCertificate))
            qWarning("the test CA file was refused");
        return client;
    }

    // What a proxy is asked for to reach server: "api.faultshare.test:PORT".
    static QByteArray proxiedTarget(const HttpsServer& server)
    {
        return TestSupport::ProxyOnlyHost + ':' + QByteArray::number(server.serverPort());
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
        QVERIFY(m_pkiDir.isValid());
        QString why;
        QVERIFY2(m_pki.create(m_pkiDir.path(), &why), qPrintable(why));
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
        HttpsServer server;
        QVERIFY(listen(server));
        HttpProxy proxy;
        QVERIFY(proxy.listen());
        const auto client = proxiedClientFor(server, httpProxy(proxy.port()));
        QCOMPARE(client->proxyNameFor(client->apiUrl()), u"127.0.0.1:%1"_s.arg(proxy.port()));
        const Outcome outcome = waitFor(client->requestToken(30));
        QVERIFY2(outcome.token, outcome.error ? qPrintable(outcome.error->userMessage()) : "no answer");
        QCOMPARE(outcome.token->expiresInMinutes(), 30);
        QCOMPARE(server.requests().size(), 1);
        QVERIFY(server.requests().first().startsWith("POST /fault/token "));
        QCOMPARE(proxy.requests().size(), 1);
        QCOMPARE(proxy.forwardedCount("CONNECT"), 1);
        // The name went to the proxy as it is: nothing resolved it on this side.
        QCOMPARE(proxy.requests().first().target, proxiedTarget(server));
        QVERIFY(proxy.requests().first().proxyAuthorization.isEmpty());
    }

    void httpProxy_preview_goesThroughProxy()
    {
        HttpsServer server;
        QVERIFY(listen(server));
        server.setResponses({HttpsServer::tokenResponse(30), EmptyFaultList});
        HttpProxy proxy;
        QVERIFY(proxy.listen());
        const auto client = proxiedClientFor(server, httpProxy(proxy.port()));
        const Outcome issued = waitFor(client->requestToken(30));
        QVERIFY(issued.token);
        const TestSupport::FaultsOutcome preview = waitFor(client->requestFaults(issued.token->token()));
        QVERIFY2(preview.faults, preview.error ? qPrintable(preview.error->userMessage()) : "no answer");
        QCOMPARE(proxy.forwardedCount("CONNECT"), 2);
        QCOMPARE(server.requests().size(), 2);
        QVERIFY(server.requests().last().startsWith("GET /fault/token/"));
    }

    void httpProxy_rightPassword_isAnsweredOnce()
    {
        HttpsServer server;
        QVERIFY(listen(server));
        HttpProxy proxy;
        QVERIFY(proxy.listen());
        proxy.requireBasicAuth("noc", m_password.toUtf8());
        const auto client = proxiedClientFor(server, httpProxy(proxy.port(), u"noc"_s, m_password));
        const Outcome outcome = waitFor(client->requestToken(30));
        QVERIFY2(outcome.token, outcome.error ? qPrintable(outcome.error->userMessage()) : "no answer");
        QCOMPARE(server.requests().size(), 1);
        QCOMPARE(proxy.forwardedCount("CONNECT"), 1);
        const QList<HttpProxy::Request> requests = proxy.requests();
        QCOMPARE(requests.size(), 2); // the challenge, then the answer
        QVERIFY(!requests.first().forwarded);
        QCOMPARE(requests.last().proxyAuthorization, "Basic " + QByteArray("noc:" + m_password.toUtf8()).toBase64());

        // The next request's tunnel is challenged again and answered: still one token each.
        const Outcome second = waitFor(client->requestToken(30));
        QVERIFY(second.token);
        QCOMPARE(server.requests().size(), 2);
        QCOMPARE(proxy.forwardedCount("CONNECT"), 2);
        QCOMPARE(proxy.requests().last().proxyAuthorization, requests.last().proxyAuthorization);
        checkNoPassword({});
    }

    void httpProxy_wrongPassword_isOneSentenceWithoutPassword()
    {
        HttpsServer server;
        QVERIFY(listen(server));
        HttpProxy proxy;
        QVERIFY(proxy.listen());
        proxy.requireBasicAuth("noc", "the-right-one");
        const auto client = proxiedClientFor(server, httpProxy(proxy.port(), u"noc"_s, m_password));
        const Outcome outcome = waitFor(client->requestToken(30));
        QVERIFY2(outcome.error, outcome.token ? "a token despite a wrong proxy password" : "no answer");
        QCOMPARE(outcome.error->kind(), Kind::ProxyAuth);
        QCOMPARE(outcome.error->exitCode(), 5);
        const QString message = outcome.error->userMessage();
        QCOMPARE(message, u"The proxy refused the user name or password; check them in Settings."_s);
        QVERIFY(isOneSentence(message));
        checkNoPassword(message);
        QVERIFY(server.requests().isEmpty());
        QCOMPARE(proxy.forwardedCount("CONNECT"), 0);
        // Answered once: the first challenge got the password, the second one nothing.
        QCOMPARE(proxy.requests().size(), 2);
    }

    void httpProxy_credentialsNeededButNoneSet_isProxyAuth()
    {
        HttpsServer server;
        QVERIFY(listen(server));
        HttpProxy proxy;
        QVERIFY(proxy.listen());
        proxy.requireBasicAuth("noc", "secret");
        const auto client = proxiedClientFor(server, httpProxy(proxy.port()));
        const Outcome outcome = waitFor(client->requestToken(30));
        QVERIFY(outcome.error);
        QCOMPARE(outcome.error->kind(), Kind::ProxyAuth);
        QVERIFY(server.requests().isEmpty());
        QCOMPARE(proxy.requests().size(), 1);
    }

    void proxyDown_messageNamesProxy_notPassword_data()
    {
        QTest::addColumn<bool>("socks5");
        QTest::newRow("http") << false;
        QTest::newRow("socks5") << true;
    }

    void proxyDown_messageNamesProxy_notPassword()
    {
        QFETCH(bool, socks5);
        HttpsServer server;
        QVERIFY(listen(server));
        quint16 port = 0;
        {
            QTcpServer closed;
            QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
            port = closed.serverPort();
        }
        const auto client = proxiedClientFor(server, socks5 ? socks5Proxy(port, u"noc"_s, m_password)
                                                            : httpProxy(port, u"noc"_s, m_password));
        const Outcome outcome = waitFor(client->requestToken(30));
        QVERIFY(outcome.error);
        QVERIFY2(outcome.error->kind() == Kind::Proxy, qPrintable(outcome.error->userMessage()));
        QCOMPARE(outcome.error->exitCode(), 5);
        const QString message = outcome.error->userMessage();
        QVERIFY2(message.startsWith(u"Could not reach the proxy 127.0.0.1:%1: "_s.arg(port)), qPrintable(message));
        QVERIFY2(message.endsWith(u"; check the proxy in Settings."_s), qPrintable(message));
        QVERIFY(isOneSentence(message));
        QVERIFY(!message.contains(u"noc"_s));
        checkNoPassword(message);
        QVERIFY(server.requests().isEmpty());
    }

    void socks5_generate_goesThroughProxy()
    {
        HttpsServer server;
        QVERIFY(listen(server));
        Socks5Proxy proxy;
        QVERIFY(proxy.listen());
        const auto client = proxiedClientFor(server, socks5Proxy(proxy.port()));
        const Outcome outcome = waitFor(client->requestToken(30));
        QVERIFY2(outcome.token, outcome.error ? qPrintable(outcome.error->userMessage()) : "no answer");
        QCOMPARE(outcome.token->expiresInMinutes(), 30);
        QCOMPARE(server.requests().size(), 1);
        QCOMPARE(proxy.forwardedCount(), 1);
        // The name went to the proxy as it is: nothing resolved it on this side.
        QCOMPARE(proxy.connections().first().target, proxiedTarget(server));
        QVERIFY(proxy.connections().first().user.isEmpty());
    }

    void socks5_rightPassword_connects()
    {
        HttpsServer server;
        QVERIFY(listen(server));
        Socks5Proxy proxy;
        QVERIFY(proxy.listen());
        proxy.requireAuth("noc", m_password.toUtf8());
        const auto client = proxiedClientFor(server, socks5Proxy(proxy.port(), u"noc"_s, m_password));
        const Outcome outcome = waitFor(client->requestToken(30));
        QVERIFY2(outcome.token, outcome.error ? qPrintable(outcome.error->userMessage()) : "no answer");
        QCOMPARE(server.requests().size(), 1);
        QCOMPARE(proxy.forwardedCount(), 1);
        QCOMPARE(proxy.connections().first().user, "noc");
        QVERIFY(proxy.connections().first().passwordMatched);
        checkNoPassword({});
    }

    void socks5_wrongPassword_isOneSentenceWithoutPassword()
    {
        HttpsServer server;
        QVERIFY(listen(server));
        Socks5Proxy proxy;
        QVERIFY(proxy.listen());
        proxy.requireAuth("noc", "the-right-one");
        const auto client = proxiedClientFor(server, socks5Proxy(proxy.port(), u"noc"_s, m_password));
        const Outcome outcome = waitFor(client->requestToken(30));
        QVERIFY2(outcome.error, outcome.token ? "a token despite a wrong proxy password" : "no answer");
        const QString message = outcome.error->userMessage();
        QCOMPARE(outcome.error->kind(), Kind::ProxyAuth);
        QCOMPARE(message, u"The proxy refused the user name or password; check them in Settings."_s);
        checkNoPassword(message);
        QVERIFY(server.requests().isEmpty());
        QCOMPARE(proxy.forwardedCount(), 0);
    }

    void modeNone_bypassesProxy()
    {
        HttpsServer server;
        QVERIFY(listen(server));
        HttpProxy proxy;
        QVERIFY(proxy.listen());
        const auto client = proxiedClientFor(server, httpProxy(proxy.port()));
        ProxySettings direct;
        direct.mode = ProxySettings::Mode::None;
        client->setProxy(direct);
        QVERIFY(client->proxyNameFor(client->apiUrl()).isEmpty());
        // Direct, the name only the proxy knows is not found here.
        const Outcome outcome = waitFor(client->requestToken(30));
        QVERIFY(outcome.error);
        QCOMPARE(outcome.error->kind(), Kind::Network);
        QVERIFY(proxy.requests().isEmpty());
        QVERIFY(server.requests().isEmpty());
    }

    void systemProxy_fromEnvironment_carriesOtherHosts()
    {
        HttpsServer server;
        QVERIFY(listen(server));
        HttpProxy proxy;
        QVERIFY(proxy.listen());
        const QByteArray proxyUrl = "http://127.0.0.1:" + QByteArray::number(proxy.port());
        const ProxyEnvironment environment({{"https_proxy", proxyUrl}, {"http_proxy", proxyUrl}});
        const auto client = proxiedClientFor(server, ProxySettings{});
        QCOMPARE(client->proxyMode(), ProxySettings::Mode::System);
        QCOMPARE(client->proxyNameFor(client->apiUrl()), u"127.0.0.1:%1"_s.arg(proxy.port()));
        const Outcome outcome = waitFor(client->requestToken(30));
        QVERIFY2(outcome.token, outcome.error ? qPrintable(outcome.error->userMessage()) : "no answer");
        QCOMPARE(server.requests().size(), 1);
        QCOMPARE(proxy.forwardedCount("CONNECT"), 1);
        QCOMPARE(proxy.requests().first().target, proxiedTarget(server));
    }

    void loopbackApi_neverUsesTheProxy_data()
    {
        QTest::addColumn<QString>("mode"); // ProxySettings::modeName()
        QTest::addColumn<QString>("listenAddress");
        QTest::addColumn<QString>("host");
        for (const char* mode : {"system", "http", "socks5"}) {
            const QString name = QString::fromLatin1(mode);
            QTest::addRow("%s, 127.0.0.1", mode) << name << u"127.0.0.1"_s << u"127.0.0.1"_s;
            QTest::addRow("%s, 127.0.0.2", mode) << name << u"127.0.0.2"_s << u"127.0.0.2"_s;
            QTest::addRow("%s, localhost", mode) << name << u"127.0.0.1"_s << u"localhost"_s;
            QTest::addRow("%s, ::1", mode) << name << u"::1"_s << u"::1"_s;
        }
    }

    // Security rule 10: whatever the proxy settings, the key for an API on this computer
    // never goes to a proxy (which may be elsewhere). Every proxy here would relay to
    // loopback, so only their records tell whether they were used.
    void loopbackApi_neverUsesTheProxy()
    {
        QFETCH(QString, mode);
        QFETCH(QString, listenAddress);
        QFETCH(QString, host);
        DemoServer demo(m_key);
        if (!demo.listen(QHostAddress(listenAddress)))
            QSKIP("this loopback address is not available here");
        HttpProxy http;
        QVERIFY(http.listen());
        Socks5Proxy socks;
        QVERIFY(socks.listen());
        const QByteArray httpUrl = "http://127.0.0.1:" + QByteArray::number(http.port());
        const ProxyEnvironment environment({{"http_proxy", httpUrl},
                                            {"https_proxy", httpUrl},
                                            {"HTTP_PROXY", httpUrl},
                                            {"HTTPS_PROXY", httpUrl},
                                            {"all_proxy", "socks5://127.0.0.1:" + QByteArray::number(socks.port())}});
        ProxySettings proxy; // system
        if (mode == u"http"_s)
            proxy = httpProxy(http.port(), u"noc"_s, m_password);
        else if (mode == u"socks5"_s)
            proxy = socks5Proxy(socks.port(), u"noc"_s, m_password);
        QUrl url = demo.url();
        url.setHost(host);
        const auto client = clientFor(url, proxy);

        const Outcome outcome = waitFor(client->requestToken(30));
        QVERIFY2(outcome.token, outcome.error ? qPrintable(outcome.error->userMessage()) : "no answer");
        const TestSupport::FaultsOutcome preview = waitFor(client->requestFaults(outcome.token->token()));
        QVERIFY2(preview.faults, preview.error ? qPrintable(preview.error->userMessage()) : "no answer");
        QCOMPARE(demo.tokenRequestCount(), 1);
        QCOMPARE(http.requests().size(), 0);
        QCOMPARE(socks.connections().size(), 0);
        // Errors name no proxy either.
        QCOMPARE(client->proxyNameFor(url), QString());
        checkNoPassword({});
    }

    void httpsThroughProxy_usesConnectTunnel_withCredentials()
    {
        HttpsServer server;
        QVERIFY(listen(server));
        server.setResponses({HttpsServer::tokenResponse(30)});
        HttpProxy proxy;
        QVERIFY(proxy.listen());
        proxy.requireBasicAuth("noc", m_password.toUtf8());
        const auto client = proxiedClientFor(server, httpProxy(proxy.port(), u"noc"_s, m_password));
        const Outcome outcome = waitFor(client->requestToken(30));
        QVERIFY2(outcome.token, outcome.error ? qPrintable(outcome.error->userMessage()) : "no answer");
        QCOMPARE(proxy.forwardedCount("CONNECT"), 1);
        QCOMPARE(proxy.requests().last().target, proxiedTarget(server));
        QCOMPARE(server.requests().size(), 1);
        // The tunnel carries the request; the proxy never sees the bearer key.
        QVERIFY(!server.header(0, "Authorization").isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_Proxy)
#include "tst_proxy.moc"
