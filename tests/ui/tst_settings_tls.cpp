// The profile's CA file as an operator meets it in the window: a loopback HTTPS peer
// whose certificate comes from a private test CA (made by the openssl command for this
// run), the real ApiClient, MainWindow and SettingsDialog. The key is a session key, so
// nothing here touches the keychain.

#include "ApiClient.h"
#include "NetworkModule.h"
#include "CredentialStore.h"
#include "HttpsServer.h"
#include "MainWindow.h"
#include "QrDecode.h"
#include "QrView.h"
#include "Settings.h"
#include "SettingsDialog.h"
#include "TestPki.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>

using namespace faultshare;

using namespace Qt::StringLiterals;

namespace {

constexpr int NetworkTimeoutMs = 10000;
const QString Key = u"tls-ui-token-id:tls-ui-team:tls-ui-secret-8c1d"_s;

bool isOneSentence(const QString& message)
{
    return message.endsWith(u'.') && !message.contains(u'\n') && !message.chopped(1).contains(u". "_s);
}

} // namespace

class TestSettingsTls final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void startup_unusableCaFile_isShownInline_untilSettingsFixIt();
    void settingsDialog_caFileWithoutCertificate_isRejectedInline();
    void settingsDialog_validCaFile_letsWindowGenerateOverHttps();
    void settingsDialog_caFileFixedInPlace_isReadAgainOnOk();

private:
    template <typename T>
    T* child(QObject* parent, const char* name) const
    {
        T* widget = parent->findChild<T*>(QLatin1StringView(name));
        if (!widget)
            qWarning("no child %s", name);
        return widget;
    }
    void showWindow();
    SettingsDialog* openSettings();
    // Sets the CA file field and presses OK.
    void acceptCaFile(SettingsDialog* dialog, const QString& path);
    // Presses Ctrl+Return and waits until the window is no longer busy.
    void generate();

    QTemporaryDir m_pkiDir;
    TestPki m_pki;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_store;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<CredentialStore> m_keys;
    std::unique_ptr<HttpsServer> m_server;
    std::unique_ptr<MainWindow> m_window;
};

void TestSettingsTls::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_pkiDir.isValid());
    QString error;
    if (!m_pki.create(m_pkiDir.path(), &error))
        QFAIL(qPrintable(error));
}

void TestSettingsTls::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_store = std::make_unique<QSettings>(m_dir->filePath(u"settings.ini"_s), QSettings::IniFormat);
    m_settings = std::make_unique<Settings>(*m_store);
    m_server = std::make_unique<HttpsServer>();
    QVERIFY(m_server->setIdentity(m_pki.serverCertificate, m_pki.serverKey));
    QVERIFY(m_server->listen());
    m_settings->setApiUrl(m_server->url());
    m_api = std::make_unique<ApiClient>();
    m_api->setApiUrl(m_settings->apiUrl());
    m_keys = std::make_unique<CredentialStore>(u"FaultShareTest-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces));
    m_window = std::make_unique<MainWindow>(*m_api, *m_keys, *m_settings);
    m_window->useSessionKey(Key);
}

void TestSettingsTls::cleanup()
{
    m_window.reset();
    m_keys.reset();
    m_api.reset();
    m_server.reset();
    m_settings.reset();
    m_store.reset();
    m_dir.reset();
}

void TestSettingsTls::showWindow()
{
    m_window->show();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

SettingsDialog* TestSettingsTls::openSettings()
{
    QTest::keyClick(m_window.get(), Qt::Key_Comma, Qt::ControlModifier);
    SettingsDialog* dialog = nullptr;
    [[maybe_unused]] const bool opened =
        QTest::qWaitFor([&] { return (dialog = m_window->findChild<SettingsDialog*>()) != nullptr; });
    return dialog;
}

void TestSettingsTls::acceptCaFile(SettingsDialog* dialog, const QString& path)
{
    auto* caFileEdit = child<QLineEdit>(dialog, "caFileEdit");
    auto* buttons = child<QDialogButtonBox>(dialog, "buttonBox");
    QVERIFY(caFileEdit && buttons);
    QVERIFY(caFileEdit->isEnabled());
    caFileEdit->setText(path);
    QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
}

void TestSettingsTls::generate()
{
    auto* busyBar = child<QProgressBar>(m_window.get(), "busyBar");
    auto* generateButton = child<QPushButton>(m_window.get(), "generateButton");
    QVERIFY(busyBar && generateButton);
    QTRY_VERIFY(generateButton->isEnabled());
    // The shortcut goes to the active window; a closed dialog hands activation back later.
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTest::keyClick(m_window.get(), Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(busyBar->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(!busyBar->isVisible(), NetworkTimeoutMs);
}

void TestSettingsTls::startup_unusableCaFile_isShownInline_untilSettingsFixIt()
{
    const QString missing = m_pkiDir.filePath(u"gone.pem"_s);
    m_settings->setCaFile(missing);
    showWindow();
    auto* errorLabel = child<QLabel>(m_window.get(), "errorLabel");
    QVERIFY(errorLabel);
    QVERIFY(!errorLabel->isVisible());

    m_window->start();
    QTRY_VERIFY(errorLabel->isVisible());
    const QString message = errorLabel->text();
    QVERIFY2(message.contains(u"CA file"_s) && message.contains(missing) && message.contains(u"cannot be read"_s),
             qPrintable(message));
    QVERIFY2(isOneSentence(message), qPrintable(message));

    // The dialog says it beside the field too, and a usable file clears it.
    SettingsDialog* dialog = openSettings();
    QVERIFY(dialog);
    auto* caFileError = child<QLabel>(dialog, "caFileErrorLabel");
    QVERIFY(caFileError);
    QVERIFY(caFileError->isVisible());
    QVERIFY2(caFileError->text().contains(u"cannot be read"_s), qPrintable(caFileError->text()));
    acceptCaFile(dialog, m_pki.caCertificate);
    QTRY_VERIFY(!dialog->isVisible());
    QTRY_VERIFY(!errorLabel->isVisible());
    QCOMPARE(m_settings->caFile(), m_pki.caCertificate);
}

void TestSettingsTls::settingsDialog_caFileWithoutCertificate_isRejectedInline()
{
    showWindow();
    m_window->start();
    const QSslConfiguration before = m_api->transport()->tlsConfiguration();
    SettingsDialog* dialog = openSettings();
    QVERIFY(dialog);
    auto* caFileError = child<QLabel>(dialog, "caFileErrorLabel");
    QVERIFY(caFileError);
    QVERIFY(!caFileError->isVisible());

    acceptCaFile(dialog, m_pki.noCertificateFile);
    QVERIFY(dialog->isVisible());
    QVERIFY(caFileError->isVisible());
    QVERIFY2(caFileError->text().contains(u"no PEM certificate"_s), qPrintable(caFileError->text()));
    QVERIFY2(isOneSentence(caFileError->text()), qPrintable(caFileError->text()));
    // Nothing was applied or saved.
    QVERIFY(m_settings->caFile().isEmpty());
    QCOMPARE(m_api->transport()->tlsConfiguration().caCertificates(), before.caCertificates());

    // Typing again hides the reason.
    child<QLineEdit>(dialog, "caFileEdit")->setText({});
    QVERIFY(!caFileError->isVisible());
}

void TestSettingsTls::settingsDialog_validCaFile_letsWindowGenerateOverHttps()
{
    showWindow();
    m_window->start();
    auto* errorLabel = child<QLabel>(m_window.get(), "errorLabel");
    auto* resultPanel = child<QWidget>(m_window.get(), "resultPanel");
    auto* shortLinkLabel = child<QLabel>(m_window.get(), "shortLinkLabel");
    QVERIFY(errorLabel && resultPanel && shortLinkLabel);

    // The test CA is not trusted yet: refused inline, pointing at the CA file.
    generate();
    if (QTest::currentTestFailed())
        return;
    QVERIFY(errorLabel->isVisible());
    QVERIFY2(errorLabel->text().contains(u"CA file"_s) && errorLabel->text().contains(u"unknown issuer"_s),
             qPrintable(errorLabel->text()));
    QVERIFY(!resultPanel->isVisible());
    QVERIFY(m_server->requests().isEmpty());

    SettingsDialog* dialog = openSettings();
    QVERIFY(dialog);
    acceptCaFile(dialog, m_pki.caCertificate);
    QTRY_VERIFY(!dialog->isVisible());
    QCOMPARE(m_settings->caFile(), m_pki.caCertificate);

    generate();
    if (QTest::currentTestFailed())
        return;
    QVERIFY2(!errorLabel->isVisible(), qPrintable(errorLabel->text()));
    QTRY_VERIFY(resultPanel->isVisible());
    QCOMPARE(m_server->requests().size(), 1);
    QCOMPARE(m_server->header(0, "Authorization"), "Bearer " + Key.toUtf8());
    QVERIFY(shortLinkLabel->text().startsWith(u"https://altostr.at/"_s));
    auto* qrView = child<QrView>(m_window.get(), "qrView");
    QVERIFY(qrView);
    QCOMPARE(TestSupport::decodeQr(qrView->grab().toImage()), shortLinkLabel->text());
}

void TestSettingsTls::settingsDialog_caFileFixedInPlace_isReadAgainOnOk()
{
    // IT replaces a broken bundle under the same name: OK applies it without a restart.
    const QString bundle = m_dir->filePath(u"company-ca.pem"_s);
    QVERIFY(QFile::copy(m_pki.noCertificateFile, bundle));
    m_settings->setCaFile(bundle);
    showWindow();
    m_window->start();
    auto* errorLabel = child<QLabel>(m_window.get(), "errorLabel");
    QVERIFY(errorLabel);
    QTRY_VERIFY2(errorLabel->text().contains(u"no PEM certificate"_s), qPrintable(errorLabel->text()));

    QVERIFY(QFile::remove(bundle));
    QVERIFY(QFile::copy(m_pki.caCertificate, bundle));
    SettingsDialog* dialog = openSettings();
    QVERIFY(dialog);
    acceptCaFile(dialog, bundle);
    QTRY_VERIFY(!dialog->isVisible());
    QTRY_VERIFY(!errorLabel->isVisible());
    generate();
    if (QTest::currentTestFailed())
        return;
    QVERIFY2(!errorLabel->isVisible(), qPrintable(errorLabel->text()));
    QCOMPARE(m_server->requests().size(), 1);
}

QTEST_MAIN(TestSettingsTls)
#include "tst_settings_tls.moc"
