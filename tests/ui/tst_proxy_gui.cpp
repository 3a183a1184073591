// The window behind a company proxy: a profile set to an HTTP proxy with Basic auth (a
// real proxy on loopback, tests/common/HttpProxy) in front of an HTTPS API that the
// profile names api.faultshare.test, a name only the test proxies know
// (TestSupport::ProxyOnlyHost), with the test CA as its CA file. On start the window reads
// the proxy password from the keychain (a service of this test) and generates through the
// proxy with the right Proxy-Authorization; with a wrong stored password it says so
// inline in one sentence and the password appears in none of its texts. A link of another
// profile is previewed through that profile's proxy.

#include "WindowTest.h"
#include "HistoryPanel.h"
#include "HttpProxy.h"
#include "KeychainOutcome.h"
#include "HttpsServer.h"
#include "PreviewDialog.h"
#include "Profiles.h"
#include "RequestOutcome.h"
#include "TestPki.h"
#include "TestSupport.h"

#include <QAbstractButton>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTest>

using namespace faultshare;

using namespace Qt::StringLiterals;

namespace {

constexpr int TimeoutMs = 30000;
constexpr auto ProxyUser = "noc";

bool isOneSentence(const QString& message)
{
    return message.endsWith(u'.') && !message.contains(u'\n') && !message.chopped(1).contains(u". "_s);
}

QByteArray basic(const QByteArray& user, const QByteArray& password)
{
    return "Basic " + QByteArray(user + ':' + password).toBase64();
}

} // namespace

class tst_ProxyGui final : public WindowTest
{
    Q_OBJECT

private:
    const QString m_password = u"proxy-pw-"_s + QUuid::createUuid().toString(QUuid::Id128);
    QTemporaryDir m_pkiDir;
    TestPki m_pki;
    std::unique_ptr<HttpsServer> m_server; // reached only through the proxy
    std::unique_ptr<HttpProxy> m_proxy;
    QStringList m_entries; // keychain entries this test wrote

    bool writeSecret(const QString& entry, const QString& secret)
    {
        const CredentialStore store(m_service);
        m_entries << entry;
        return TestSupport::writeSecret(store, entry, secret, {}, TimeoutMs).signal == u"written"_s;
    }

    QUrl proxiedApiUrl() const { return TestSupport::viaProxyOnlyHost(m_server->url()); }

    // The profile reaches the HTTPS API through the proxy, as user "noc".
    void configureProfile(const QString& profile)
    {
        Settings settings(*m_store, profile);
        settings.setApiUrl(proxiedApiUrl());
        settings.setCaFile(m_pki.caCertificate);
        ProxySettings proxy;
        proxy.mode = ProxySettings::Mode::Http;
        proxy.host = u"127.0.0.1"_s;
        proxy.port = m_proxy->port();
        proxy.user = QString::fromLatin1(ProxyUser);
        settings.setProxy(proxy);
    }

    // The window of the stored key and the profile's proxy, started and ready to generate.
    void startWindow(const QString& storedProxyPassword)
    {
        configureProfile(m_settings->profile());
        QVERIFY(writeSecret(CredentialStore::apiKeyEntry(m_settings->profile()), m_demo->apiKey()));
        QVERIFY(writeSecret(CredentialStore::proxyEntry(m_settings->profile()), storedProxyPassword));
        m_settings->setApiUrl(proxiedApiUrl());
        newWindow();
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        auto* generate = child<QPushButton>("generateButton");
        QVERIFY(generate);
        m_window->start();
        QTRY_VERIFY_WITH_TIMEOUT(generate->isEnabled(), TimeoutMs);
    }

    void clickGenerate()
    {
        auto* generate = child<QPushButton>("generateButton");
        auto* busyBar = child<QProgressBar>("busyBar");
        QVERIFY(generate && busyBar);
        QTest::mouseClick(generate, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!busyBar->isVisible() && generate->isEnabled(), TimeoutMs);
    }

    // Every text the window and its children show or tell a screen reader.
    QStringList windowTexts() const
    {
        QStringList texts{m_window->windowTitle(), m_window->statusBar()->currentMessage()};
        for (const QWidget* widget : m_window->findChildren<QWidget*>()) {
            texts << widget->toolTip() << widget->accessibleName() << widget->accessibleDescription()
                  << widget->windowTitle();
            if (const auto* label = qobject_cast<const QLabel*>(widget))
                texts << label->text();
            else if (const auto* edit = qobject_cast<const QLineEdit*>(widget))
                texts << edit->text() << edit->placeholderText();
            else if (const auto* button = qobject_cast<const QAbstractButton*>(widget))
                texts << button->text();
        }
        return texts;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_pkiDir.isValid());
        QString why;
        QVERIFY2(m_pki.create(m_pkiDir.path(), &why), qPrintable(why));
    }

    void init()
    {
        QVERIFY(setUpWindow());
        m_server = std::make_unique<HttpsServer>();
        QVERIFY(m_server->setIdentity(m_pki.serverCertificate, m_pki.serverKey));
        QVERIFY(m_server->listen());
        m_proxy = std::make_unique<HttpProxy>();
        QVERIFY(m_proxy->listen());
        m_proxy->requireBasicAuth(ProxyUser, m_password.toUtf8());
    }

    void cleanup()
    {
        m_window.reset();
        CredentialStore store(m_service);
        for (const QString& entry : std::as_const(m_entries))
            (void)TestSupport::removeSecret(store, entry, TimeoutMs);
        m_entries.clear();
        m_proxy.reset();
        m_server.reset();
        tearDownWindow();
    }

    void storedProxyPassword_generatesThroughProxy()
    {
        startWindow(m_password);
        if (QTest::currentTestFailed())
            return;
        clickGenerate();
        auto* errorLabel = child<QLabel>("errorLabel");
        QVERIFY2(!errorLabel->isVisible(), qPrintable(errorLabel->text()));
        QTRY_VERIFY_WITH_TIMEOUT(child<QWidget>("resultPanel")->isVisible(), TimeoutMs);
        QCOMPARE(m_server->requests().size(), 1);
        QVERIFY(m_server->requests().first().startsWith("POST /fault/token "));
        QCOMPARE(m_proxy->forwardedCount("CONNECT"), 1);
        const QList<HttpProxy::Request> requests = m_proxy->requests();
        const auto forwarded = std::find_if(requests.cbegin(), requests.cend(),
                                            [](const HttpProxy::Request& r) { return r.forwarded; });
        QVERIFY(forwarded != requests.cend());
        QCOMPARE(forwarded->method, QByteArray("CONNECT"));
        QCOMPARE(forwarded->target, TestSupport::ProxyOnlyHost + ':' + QByteArray::number(m_server->serverPort()));
        QCOMPARE(forwarded->proxyAuthorization, basic(ProxyUser, m_password.toUtf8()));
    }

    void wrongStoredPassword_oneSentenceInline_noPasswordShown()
    {
        const QString wrong = u"wrong-"_s + m_password;
        startWindow(wrong);
        if (QTest::currentTestFailed())
            return;
        clickGenerate();
        auto* errorLabel = child<QLabel>("errorLabel");
        QTRY_VERIFY_WITH_TIMEOUT(errorLabel->isVisible(), TimeoutMs);
        const QString message = errorLabel->text();
        QCOMPARE(message, u"The proxy refused the user name or password; check them in Settings."_s);
        QVERIFY(isOneSentence(message));
        QVERIFY(m_server->requests().isEmpty());
        QCOMPARE(m_proxy->forwardedCount("CONNECT"), 0);
        // The wrong password did reach the proxy (so it was read from the keychain)...
        const QList<HttpProxy::Request> requests = m_proxy->requests();
        QVERIFY(std::any_of(requests.cbegin(), requests.cend(), [&wrong](const HttpProxy::Request& r) {
            return r.proxyAuthorization == basic(ProxyUser, wrong.toUtf8());
        }));
        // ...and nothing of it shows.
        for (const QString& text : windowTexts()) {
            QVERIFY2(!text.contains(wrong), "the proxy password is shown in the window");
            QVERIFY2(!text.contains(m_password), "a proxy password is shown in the window");
        }
    }

    void previewOfOtherProfile_goesThroughItsProxy()
    {
        // The profile in use goes direct; the link's profile through the proxy.
        const QString other = u"proxied-"_s + QUuid::createUuid().toString(QUuid::Id128).left(8);
        QVERIFY(Profiles(*m_store).add(other));
        configureProfile(other);
        QVERIFY(writeSecret(CredentialStore::proxyEntry(other), m_password));
        m_settings->setApiUrl(m_demo->url());
        QVERIFY(writeSecret(CredentialStore::apiKeyEntry(m_settings->profile()), m_demo->apiKey()));
        m_settings->setApiUrl(m_demo->url());
        newWindow();
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_window->start();
        QTRY_VERIFY_WITH_TIMEOUT(child<QPushButton>("generateButton")->isEnabled(), TimeoutMs);

        // A link the other profile's API issued, previewed from the history's menu.
        const QByteArray answer = HttpsServer::tokenResponse(30);
        QString why;
        const std::optional<EmbedToken> issued = EmbedToken::parse(answer.mid(answer.indexOf("\r\n\r\n") + 4),
                                                                   QDateTime::currentDateTimeUtc(), {},
                                                                   proxiedApiUrl(), &why);
        QVERIFY2(issued, qPrintable(why));
        m_server->setResponses({"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n"
                                "Connection: close\r\n\r\n[]"});
        QVERIFY(m_proxy->requests().isEmpty());
        auto* panel = m_window->findChild<HistoryPanel*>();
        QVERIFY(panel);
        Q_EMIT panel->actionReady(HistoryPanel::Action::Preview, *issued, u"wall"_s, other);
        PreviewDialog* dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = m_window->findChild<PreviewDialog*>()) != nullptr, TimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isLoading(), TimeoutMs);
        QCOMPARE(m_proxy->forwardedCount("CONNECT"), 1);
        QCOMPARE(m_server->requests().size(), 1);
        QVERIFY(m_server->requests().first().startsWith("GET /fault/token/"));
        const QList<HttpProxy::Request> requests = m_proxy->requests();
        QCOMPARE(requests.last().proxyAuthorization, basic(ProxyUser, m_password.toUtf8()));
        dialog->close();
    }
};

QTEST_MAIN(tst_ProxyGui)
#include "tst_proxy_gui.moc"
