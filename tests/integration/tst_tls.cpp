// DESIGN.md security rules 2 and 4 over real TLS: a loopback HTTPS peer with
// certificates made by the openssl command for this run, the real ApiClient and
// network stack, and the real `faultshare generate` in a child process.

#include "ApiClient.h"
#include "NetworkModule.h"
#include "CliRunner.h"
#include "HttpsServer.h"
#include "RequestOutcome.h"
#include "TestPki.h"

#include <QFile>
#include <QSettings>
#include <QSslConfiguration>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace faultshare;

using Kind = ApiError::Kind;
using TestSupport::CliRun;
using TestSupport::Outcome;
using TestSupport::waitFor;

namespace {

const QString Key = QStringLiteral("tls-test-token-id:tls-test-team:tls-test-secret-5f3a");

// What DESIGN.md asks of every error: one sentence, on one line.
bool isOneSentence(const QString& message)
{
    return message.endsWith(QLatin1Char('.')) && !message.contains(QLatin1Char('\n'))
        && !message.chopped(1).contains(QStringLiteral(". ")) && !message.contains(QChar(0x2026));
}

} // namespace

class tst_Tls final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    TestPki m_pki;

    std::unique_ptr<HttpsServer> serverWith(const QString& certificate, const QString& key, quint16 port = 0)
    {
        auto server = std::make_unique<HttpsServer>();
        if (!server->setIdentity(certificate, key) || !server->listen(port))
            return nullptr;
        return server;
    }

    // Ends client (its connections close) and waits until each server has seen all its
    // connections closed: by then everything the client sent has been read, so what the
    // servers recorded is final. A connection still waiting to be accepted is accepted first.
    static void drain(std::unique_ptr<ApiClient> client, const QList<HttpsServer*>& servers)
    {
        client.reset();
        QCoreApplication::processEvents();
        for (const HttpsServer* server : servers)
            QTRY_COMPARE_WITH_TIMEOUT(server->openConnections(), qsizetype(0), 10000);
    }

    static std::unique_ptr<ApiClient> clientFor(const QUrl& apiUrl)
    {
        auto client = std::make_unique<ApiClient>();
        client->setApiUrl(apiUrl);
        client->setApiKey(Key);
        return client;
    }

    // Refused with a TLS error whose one sentence names the problem and what to do, and
    // nothing of the request (the key) reached the server.
    static void checkRefused(const Outcome& outcome, const HttpsServer& server, const QString& problem,
                             const QString& advice)
    {
        QVERIFY2(outcome.error, outcome.token ? "the certificate was accepted" : "no answer");
        QCOMPARE(outcome.error->kind(), Kind::Tls);
        QCOMPARE(outcome.error->exitCode(), 5);
        const QString message = outcome.error->userMessage();
        QVERIFY2(isOneSentence(message), qPrintable(message));
        QVERIFY2(message.contains(problem) && message.contains(advice), qPrintable(message));
        // A CA file cannot help with an expired or wrong-host certificate: not suggested then.
        const QString caFile = QStringLiteral("CA file");
        QCOMPARE(message.contains(caFile), advice == caFile);
        QVERIFY(server.requests().isEmpty());
        QVERIFY(server.plainRequests().isEmpty());
    }

    // `faultshare generate` with a HOME and settings directory of its own.
    static CliRun runCli(const QString& home, const QStringList& arguments)
    {
        return TestSupport::runFaultshare(QStringList{QStringLiteral("generate")} + arguments,
                                          TestSupport::isolatedEnvironment(home, Key));
    }

    // In the settings file the CLI reads.
    static void setProfileCaFile(const QString& home, const QString& profile, const QString& caFile)
    {
        QSettings settings(TestSupport::childSettingsFile(home), QSettings::IniFormat);
        settings.setValue(QStringLiteral("profiles/%1/caFile").arg(profile), caFile);
        settings.sync();
        QCOMPARE(settings.status(), QSettings::NoError);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        QString error;
        if (!m_pki.create(m_dir.path(), &error))
            QFAIL(qPrintable(error));
    }

    void unknownIssuer_refusedWithTlsError()
    {
        const auto server = serverWith(m_pki.serverCertificate, m_pki.serverKey);
        QVERIFY(server);
        const auto client = clientFor(server->url());
        checkRefused(waitFor(client->requestToken(60)), *server, QStringLiteral("unknown issuer"), QStringLiteral("CA file"));
    }

    void selfSignedServer_refusedWithTlsError()
    {
        const auto server = serverWith(m_pki.selfSignedCertificate, m_pki.selfSignedKey);
        QVERIFY(server);
        const auto client = clientFor(server->url());
        checkRefused(waitFor(client->requestToken(60)), *server, QStringLiteral("self-signed"), QStringLiteral("CA file"));
    }

    void caFileOnProfile_makesItTrusted()
    {
        const auto server = serverWith(m_pki.serverCertificate, m_pki.serverKey);
        QVERIFY(server);
        const auto client = clientFor(server->url());
        // Refused first, then trusted by the same client: a refused connection is not
        // reused with the configuration it was opened with.
        const Outcome refused = waitFor(client->requestToken(60));
        QVERIFY(refused.error);
        QCOMPARE(refused.error->kind(), Kind::Tls);
        QVERIFY(client->setCaFile(m_pki.caCertificate));
        const Outcome outcome = waitFor(client->requestToken(90));
        QVERIFY2(outcome.token, outcome.error ? qPrintable(outcome.error->userMessage()) : "no answer");
        QCOMPARE(outcome.token->expiresInMinutes(), 90);
        QCOMPARE(server->requests().size(), 1);
        QVERIFY(server->requests().first().startsWith("POST /fault/token HTTP/1.1\r\n"));
        QCOMPARE(server->header(0, "Authorization"), "Bearer " + Key.toUtf8());
    }

    void caFileOnProfile_trustsLocalhostName()
    {
        const auto server = serverWith(m_pki.serverCertificate, m_pki.serverKey);
        QVERIFY(server);
        const auto client = clientFor(QUrl(QStringLiteral("https://localhost:%1").arg(server->serverPort())));
        QVERIFY(client->setCaFile(m_pki.caCertificate));
        const Outcome outcome = waitFor(client->requestToken(15));
        QVERIFY2(outcome.token, outcome.error ? qPrintable(outcome.error->userMessage()) : "no answer");
    }

    void systemStoreStillTrusted_whenCaFileAdded()
    {
        // The system store cannot be changed by a test; what the requests use can be read.
        // Where Qt loads the system store on demand (Linux), the default configuration
        // lists no CA at all, so the system's own list is the reference.
        const QList<QSslCertificate> system = QSslConfiguration::systemCaCertificates();
        QVERIFY2(!system.isEmpty(), "no system CA certificates (ca-certificates is in TEST_PACKAGES)");
        const QList<QSslCertificate> test = QSslCertificate::fromPath(m_pki.caCertificate);
        QCOMPARE(test.size(), 1);

        ApiClient client;
        QCOMPARE(client.transport()->tlsConfiguration().peerVerifyMode(), QSslSocket::VerifyPeer);
        QVERIFY(client.setCaFile(m_pki.caCertificate));
        const QSslConfiguration tls = client.transport()->tlsConfiguration();
        QCOMPARE(tls.peerVerifyMode(), QSslSocket::VerifyPeer);
        const QList<QSslCertificate> trusted = tls.caCertificates();
        QVERIFY(trusted.contains(test.first()));
        for (const QSslCertificate& certificate : system)
            QVERIFY2(trusted.contains(certificate), qPrintable(certificate.subjectDisplayName()));
        for (const QSslCertificate& certificate : QSslConfiguration::defaultConfiguration().caCertificates())
            QVERIFY2(trusted.contains(certificate), qPrintable(certificate.subjectDisplayName()));

        // Clearing the CA file goes back to the default (system) configuration.
        QVERIFY(client.setCaFile({}));
        QVERIFY(!client.transport()->tlsConfiguration().caCertificates().contains(test.first()));
    }

    void expiredCertificate_staysRefused_evenWithCaFile()
    {
        const auto server = serverWith(m_pki.expiredCertificate, m_pki.expiredKey);
        QVERIFY(server);
        const auto client = clientFor(server->url());
        QVERIFY(client->setCaFile(m_pki.caCertificate));
        checkRefused(waitFor(client->requestToken(60)), *server, QStringLiteral("expired"), QStringLiteral("date and time"));
    }

    void wrongHostCertificate_staysRefused_evenWithCaFile()
    {
        const auto server = serverWith(m_pki.wrongHostCertificate, m_pki.wrongHostKey);
        QVERIFY(server);
        const auto client = clientFor(server->url());
        QVERIFY(client->setCaFile(m_pki.caCertificate));
        checkRefused(waitFor(client->requestToken(60)), *server, QStringLiteral("another host name"), QStringLiteral("API URL"));
    }

    void caFileWithoutCertificates_isRejected_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("reason");
        QTest::newRow("private key only") << m_pki.noCertificateFile << QStringLiteral("holds no PEM certificate");
        QTest::newRow("empty") << m_dir.filePath(QStringLiteral("empty.pem")) << QStringLiteral("holds no PEM certificate");
        QTest::newRow("missing") << m_dir.filePath(QStringLiteral("missing.pem")) << QStringLiteral("cannot be read");
        QTest::newRow("directory") << m_dir.path() << QStringLiteral("cannot be read");
    }

    void caFileWithoutCertificates_isRejected()
    {
        QFETCH(QString, file);
        QFETCH(QString, reason);
        QFile empty(m_dir.filePath(QStringLiteral("empty.pem")));
        QVERIFY(empty.open(QIODevice::WriteOnly));
        empty.close();

        const auto server = serverWith(m_pki.serverCertificate, m_pki.serverKey);
        QVERIFY(server);
        const auto client = clientFor(server->url());
        QVERIFY(client->setCaFile(m_pki.caCertificate));
        const QSslConfiguration before = client->transport()->tlsConfiguration();
        QVERIFY(!client->setCaFile(file));
        QVERIFY2(ApiClient::checkCaFile(file).startsWith(reason), qPrintable(ApiClient::checkCaFile(file)));
        QVERIFY(ApiClient::checkCaFile(m_pki.caCertificate).isEmpty());
        // The previous CA file stays in use.
        QCOMPARE(client->transport()->tlsConfiguration().caCertificates(), before.caCertificates());
        const Outcome outcome = waitFor(client->requestToken(60));
        QVERIFY2(outcome.token, outcome.error ? qPrintable(outcome.error->userMessage()) : "no answer");
    }

    void redirectToHttpSameHostAndPort_isRefusedAndKeyNotSent()
    {
        // Same host and port, scheme http: another origin. The peer serves plain HTTP on
        // the same port and records whatever arrives in clear text.
        const auto server = serverWith(m_pki.serverCertificate, m_pki.serverKey);
        QVERIFY(server);
        QUrl target = server->url();
        target.setScheme(QStringLiteral("http"));
        server->setResponses({"HTTP/1.1 307 Temporary Redirect\r\nLocation: " + target.toEncoded()
                                  + "/fault/token\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
                              HttpsServer::tokenResponse(60)});
        auto client = clientFor(server->url());
        QVERIFY(client->setCaFile(m_pki.caCertificate));
        const Outcome outcome = waitFor(client->requestToken(60));
        drain(std::move(client), {server.get()});
        QVERIFY2(!server->plainRequests().value(0).contains(Key.toUtf8()), "the key was sent in clear text");
        QVERIFY2(server->plainRequests().isEmpty(), "the redirect to http was followed");
        QCOMPARE(server->requests().size(), 1);
        QVERIFY2(outcome.error, "no error");
        QCOMPARE(outcome.error->kind(), Kind::InvalidResponse);
        QVERIFY2(isOneSentence(outcome.error->userMessage()), qPrintable(outcome.error->userMessage()));
    }

    void redirectToOtherOrigin_neverCarriesAuthorization_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("other host (localhost, same port)") << QStringLiteral("host");
        QTest::newRow("other port") << QStringLiteral("port");
        QTest::newRow("other scheme and port (http)") << QStringLiteral("scheme");
    }

    void redirectToOtherOrigin_neverCarriesAuthorization()
    {
        QFETCH(QString, kind);
        const auto api = serverWith(m_pki.serverCertificate, m_pki.serverKey);
        QVERIFY(api);
        const auto other = serverWith(m_pki.serverCertificate, m_pki.serverKey);
        QVERIFY(other);
        // The listener that must receive nothing: the API itself for another host name on
        // its own port (the certificate covers localhost too), else a second peer.
        QUrl target = kind == QLatin1StringView("host") ? api->url() : other->url();
        if (kind == QLatin1StringView("host"))
            target.setHost(QStringLiteral("localhost"));
        if (kind == QLatin1StringView("scheme"))
            target.setScheme(QStringLiteral("http"));
        api->setResponses({"HTTP/1.1 308 Permanent Redirect\r\nLocation: " + target.toEncoded()
                               + "/fault/token\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
                           HttpsServer::tokenResponse(60)});
        auto client = clientFor(api->url());
        QVERIFY(client->setCaFile(m_pki.caCertificate));
        const Outcome outcome = waitFor(client->requestToken(60));
        drain(std::move(client), {api.get(), other.get()});
        // Whatever reached the other origin, it never held the key.
        const QList<QByteArray> elsewhere = api->requests().mid(1) + api->plainRequests() + other->requests()
            + other->plainRequests();
        for (const QByteArray& request : elsewhere)
            QVERIFY2(!request.contains(Key.toUtf8()), "the key was sent to another origin");
        // And nothing did: the redirect is refused, not followed without the key.
        QVERIFY2(elsewhere.isEmpty(), "the redirect to another origin was followed");
        QCOMPARE(api->requests().size(), 1);
        QVERIFY2(outcome.error, "no error");
        QCOMPARE(outcome.error->kind(), Kind::InvalidResponse);
        QVERIFY2(isOneSentence(outcome.error->userMessage()), qPrintable(outcome.error->userMessage()));
    }

    void redirectWithinHttpsOrigin_isFollowedWithKey()
    {
        const auto server = serverWith(m_pki.serverCertificate, m_pki.serverKey);
        QVERIFY(server);
        server->setResponses({"HTTP/1.1 308 Permanent Redirect\r\nLocation: " + server->url().toEncoded()
                                  + "/v2/fault/token\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
                              {}});
        const auto client = clientFor(server->url());
        QVERIFY(client->setCaFile(m_pki.caCertificate));
        const Outcome outcome = waitFor(client->requestToken(60));
        QVERIFY2(outcome.token, outcome.error ? qPrintable(outcome.error->userMessage()) : "no answer");
        QCOMPARE(server->requests().size(), 2);
        QVERIFY(server->requests().at(1).startsWith("POST /v2/fault/token "));
        QCOMPARE(server->header(1, "Authorization"), "Bearer " + Key.toUtf8());
    }

    void cli_untrustedServer_exits5_thenSucceedsWithProfileCaFile()
    {
        const auto server = serverWith(m_pki.serverCertificate, m_pki.serverKey);
        QVERIFY(server);
        QTemporaryDir home;
        QVERIFY(home.isValid());
        const QStringList arguments{QStringLiteral("--api-url"), server->url().toString(), QStringLiteral("--format"),
                                    QStringLiteral("link")};

        const CliRun refused = runCli(home.path(), arguments);
        QCOMPARE(refused.exitCode, 5);
        QVERIFY(refused.out.isEmpty());
        QCOMPARE(refused.err.count('\n'), 1);
        QVERIFY2(refused.err.contains("unknown issuer") && refused.err.contains("CA file"), refused.err.constData());
        QVERIFY(!refused.err.contains(Key.toUtf8()));
        QVERIFY(server->requests().isEmpty());

        // Another profile's CA file does not count.
        setProfileCaFile(home.path(), QStringLiteral("noc"), m_pki.caCertificate);
        QCOMPARE(runCli(home.path(), arguments).exitCode, 5);

        setProfileCaFile(home.path(), QStringLiteral("default"), m_pki.caCertificate);
        const CliRun trusted = runCli(home.path(), arguments);
        QVERIFY2(trusted.err.isEmpty(), trusted.err.constData());
        QCOMPARE(trusted.exitCode, 0);
        QVERIFY2(trusted.out.startsWith("https://altostr.at/"), trusted.out.constData());
        QCOMPARE(server->requests().size(), 1);

        const CliRun otherProfile = runCli(home.path(), arguments + QStringList{QStringLiteral("--profile"), QStringLiteral("noc")});
        QCOMPARE(otherProfile.exitCode, 0);
    }

    void cli_unusableCaFile_exits2WithoutSending_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("reason");
        QTest::newRow("missing") << m_dir.filePath(QStringLiteral("missing.pem")) << QByteArray("cannot be read");
        QTest::newRow("key, no certificate") << m_pki.noCertificateFile << QByteArray("holds no PEM certificate");
    }

    void cli_unusableCaFile_exits2WithoutSending()
    {
        QFETCH(QString, file);
        QFETCH(QByteArray, reason);
        const auto server = serverWith(m_pki.serverCertificate, m_pki.serverKey);
        QVERIFY(server);
        QTemporaryDir home;
        QVERIFY(home.isValid());
        setProfileCaFile(home.path(), QStringLiteral("default"), file);
        const CliRun r = runCli(home.path(), {QStringLiteral("--api-url"), server->url().toString()});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY2(r.err.contains("CA file") && r.err.contains(reason) && r.err.contains(file.toUtf8()),
                 r.err.constData());
        // The command has exited: whatever it sent is read once its connections are closed.
        drain(nullptr, {server.get()});
        QVERIFY(server->requests().isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_Tls)
#include "tst_tls.moc"
