// The Network group of the settings dialog: the proxy mode, host, port and user name
// checked inline (one sentence, OK refused while invalid), saved to the settings file
// without the password, the password written to the profile's proxy entry in the real
// keychain (a service of this test) before the dialog closes, removed when mode None
// needs none or when the operator forgets it; disabled with a note in demo mode; every
// mnemonic of the dialog used once.

#include "ApiClient.h"
#include "KeychainOutcome.h"
#include "CredentialStore.h"
#include "Settings.h"
#include "SettingsDialog.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMap>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
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

using Outcome = TestSupport::KeychainOutcome;

// The letter after a single '&' in text, or a null QChar.
QChar mnemonicOf(const QString& text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != u'&')
            continue;
        if (text.at(i + 1) == u'&') {
            ++i;
            continue;
        }
        return text.at(i + 1).toLower();
    }
    return {};
}

} // namespace

class tst_SettingsProxy final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_store;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<CredentialStore> m_keys;
    std::unique_ptr<SettingsDialog> m_dialog;
    const QString m_password = u"proxy-pw-"_s + QUuid::createUuid().toString(QUuid::Id128);

    template <typename T>
    T* child(const char* name) const
    {
        T* object = m_dialog->findChild<T*>(QLatin1StringView(name));
        if (!object)
            qWarning("no child %s", name);
        return object;
    }

    void openDialog(SettingsDialog::KeyMode mode = SettingsDialog::KeyMode::Stored)
    {
        m_dialog.reset();
        m_dialog = std::make_unique<SettingsDialog>(*m_settings, *m_keys);
        m_dialog->setKeyMode(mode);
        m_dialog->show();
    }

    QString entry() const { return CredentialStore::proxyEntry(m_settings->profile()); }

    Outcome storedPassword() { return TestSupport::readSecret(*m_keys, entry(), KeychainTimeoutMs); }

    QString proxyError() const
    {
        auto* label = child<QLabel>("proxyErrorLabel");
        return label && label->isVisibleTo(m_dialog.get()) ? label->text() : QString();
    }

    QPushButton* okButton() const
    {
        auto* box = child<QDialogButtonBox>("buttonBox");
        return box ? box->button(QDialogButtonBox::Ok) : nullptr;
    }

    bool chooseMode(ProxySettings::Mode mode) const
    {
        auto* combo = child<QComboBox>("proxyModeCombo");
        const int index = combo ? combo->findData(ProxySettings::modeName(mode)) : -1;
        if (index < 0)
            return false;
        combo->setCurrentIndex(index);
        return true;
    }

    // Fills the group for an HTTP proxy on 127.0.0.1:3128 with user "noc".
    void enterHttpProxy(const QString& password)
    {
        QVERIFY(chooseMode(ProxySettings::Mode::Http));
        child<QLineEdit>("proxyHostEdit")->setText(u"127.0.0.1"_s);
        child<QSpinBox>("proxyPortSpin")->setValue(3128);
        child<QLineEdit>("proxyUserEdit")->setText(u"noc"_s);
        child<QLineEdit>("proxyPasswordEdit")->setText(password);
    }

    // Presses OK and waits until the dialog has closed (after the keychain's answer).
    bool pressOkAndWaitClosed()
    {
        QSignalSpy accepted(m_dialog.get(), &QDialog::accepted);
        QPushButton* ok = okButton();
        if (!ok || !ok->isEnabled())
            return false;
        ok->click();
        return QTest::qWaitFor([&accepted] { return !accepted.isEmpty(); }, KeychainTimeoutMs);
    }

    QByteArray settingsFileBytes() const
    {
        m_store->sync();
        QFile file(m_store->fileName());
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_store = std::make_unique<QSettings>(m_dir->filePath(u"settings.ini"_s), QSettings::IniFormat);
        m_settings = std::make_unique<Settings>(*m_store, u"proxy-"_s + QUuid::createUuid().toString(QUuid::Id128).left(8));
        m_api = std::make_unique<ApiClient>();
        m_keys = std::make_unique<CredentialStore>(u"FaultShareTest-"_s
                                                   + QUuid::createUuid().toString(QUuid::WithoutBraces));
    }

    void cleanup()
    {
        m_dialog.reset();
        if (m_keys)
            TestSupport::removeSecret(*m_keys, entry(), KeychainTimeoutMs);
        m_keys.reset();
        m_api.reset();
        m_settings.reset();
        m_store.reset();
        m_dir.reset();
    }

    void systemMode_fieldsDisabled_httpEnablesThem()
    {
        openDialog();
        auto* combo = child<QComboBox>("proxyModeCombo");
        QVERIFY(combo);
        QCOMPARE(combo->count(), 4);
        QCOMPARE(combo->currentData().toString(), u"system"_s);
        for (const char* name : {"proxyHostEdit", "proxyPortSpin", "proxyUserEdit", "proxyPasswordEdit"}) {
            QWidget* field = child<QWidget>(name);
            QVERIFY(field);
            QVERIFY2(!field->isEnabled(), name);
        }
        QVERIFY(chooseMode(ProxySettings::Mode::Socks5));
        for (const char* name : {"proxyHostEdit", "proxyPortSpin", "proxyUserEdit", "proxyPasswordEdit"})
            QVERIFY2(child<QWidget>(name)->isEnabled(), name);
        auto* port = child<QSpinBox>("proxyPortSpin");
        QCOMPARE(port->minimum(), 1);
        QCOMPARE(port->maximum(), 65535);
        QCOMPARE(child<QLineEdit>("proxyPasswordEdit")->echoMode(), QLineEdit::Password);
        // Labels lead to their fields.
        QCOMPARE(child<QLabel>("proxyHostLabel")->buddy(), child<QWidget>("proxyHostEdit"));
        QCOMPARE(child<QLabel>("proxyPasswordLabel")->buddy(), child<QWidget>("proxyPasswordEdit"));
    }

    void invalidHost_oneSentence_okRefused()
    {
        openDialog();
        QVERIFY(chooseMode(ProxySettings::Mode::Http));
        // No host yet.
        QVERIFY(isOneSentence(proxyError()));
        QVERIFY(!okButton()->isEnabled());

        child<QLineEdit>("proxyHostEdit")->setText(u"http://proxy.example.com/"_s);
        const QString why = proxyError();
        QVERIFY2(why.startsWith(u"The proxy host must be a host name or an address"_s), qPrintable(why));
        QVERIFY(isOneSentence(why));
        QVERIFY(!okButton()->isEnabled());
        // Refused by accept() too, the way a shortcut or a test would reach it.
        m_dialog->accept();
        QVERIFY(m_dialog->isVisible());
        QCOMPARE(m_settings->proxy().mode, ProxySettings::Mode::System);

        child<QLineEdit>("proxyHostEdit")->setText(u"proxy.example.com"_s);
        QVERIFY(proxyError().isEmpty());
        QVERIFY(okButton()->isEnabled());

        // A password with no user name to go with it.
        child<QLineEdit>("proxyPasswordEdit")->setText(m_password);
        QVERIFY(isOneSentence(proxyError()));
        QVERIFY(!proxyError().contains(m_password));
        QVERIFY(!okButton()->isEnabled());
    }

    void ok_savesSettingsWithoutPassword_passwordInKeychain()
    {
        openDialog();
        enterHttpProxy(m_password);
        QVERIFY(okButton()->isEnabled());
        QVERIFY(pressOkAndWaitClosed());

        const ProxySettings saved = m_settings->proxy();
        QCOMPARE(saved.mode, ProxySettings::Mode::Http);
        QCOMPARE(saved.host, u"127.0.0.1"_s);
        QCOMPARE(saved.port, 3128);
        QCOMPARE(saved.user, u"noc"_s);
        QVERIFY(saved.password.isEmpty());
        const QByteArray bytes = settingsFileBytes();
        QVERIFY(bytes.contains("proxyMode=http"));
        QVERIFY(bytes.contains("proxyHost=127.0.0.1"));
        QVERIFY(bytes.contains("proxyPort=3128"));
        QVERIFY(bytes.contains("proxyUser=noc"));
        QVERIFY2(!bytes.contains(m_password.toUtf8()), "the proxy password reached the settings file");

        const Outcome stored = storedPassword();
        QCOMPARE(stored.signal, u"read"_s);
        QCOMPARE(stored.secret, m_password);

        // Opened again: the placeholder says one is stored, the field stays empty, and OK
        // without typing leaves the stored password alone.
        openDialog();
        auto* password = child<QLineEdit>("proxyPasswordEdit");
        auto* forget = child<QPushButton>("forgetProxyPasswordButton");
        QTRY_VERIFY_WITH_TIMEOUT(forget->isEnabled(), KeychainTimeoutMs);
        QVERIFY(password->text().isEmpty());
        QVERIFY(password->placeholderText().startsWith(u"Stored in "_s));
        QVERIFY(pressOkAndWaitClosed());
        QCOMPARE(storedPassword().secret, m_password);
    }

    void modeNone_removesStoredPassword()
    {
        openDialog();
        enterHttpProxy(m_password);
        QVERIFY(pressOkAndWaitClosed());
        QCOMPARE(storedPassword().signal, u"read"_s);

        openDialog();
        QTRY_VERIFY_WITH_TIMEOUT(child<QPushButton>("forgetProxyPasswordButton")->isEnabled(), KeychainTimeoutMs);
        QVERIFY(chooseMode(ProxySettings::Mode::None));
        QVERIFY(!child<QWidget>("proxyPasswordEdit")->isEnabled());
        QVERIFY(pressOkAndWaitClosed());
        QCOMPARE(m_settings->proxy().mode, ProxySettings::Mode::None);
        QVERIFY(settingsFileBytes().contains("proxyMode=none"));
        QCOMPARE(storedPassword().signal, u"missing"_s);
    }

    void forgetPassword_removesItOnOk_keepsProxy()
    {
        openDialog();
        enterHttpProxy(m_password);
        QVERIFY(pressOkAndWaitClosed());

        openDialog();
        auto* forget = child<QPushButton>("forgetProxyPasswordButton");
        QTRY_VERIFY_WITH_TIMEOUT(forget->isEnabled(), KeychainTimeoutMs);
        forget->click();
        QVERIFY(!forget->isEnabled());
        // Nothing happens before OK: Cancel keeps the password.
        QCOMPARE(storedPassword().signal, u"read"_s);
        QVERIFY(pressOkAndWaitClosed());
        QCOMPARE(storedPassword().signal, u"missing"_s);
        QCOMPARE(m_settings->proxy().mode, ProxySettings::Mode::Http);
        QCOMPARE(m_settings->proxy().user, u"noc"_s);
    }

    void cancel_writesNothing()
    {
        openDialog();
        enterHttpProxy(m_password);
        m_dialog->reject();
        QCOMPARE(m_settings->proxy().mode, ProxySettings::Mode::System);
        QCOMPARE(storedPassword().signal, u"missing"_s);
    }

    void demoMode_groupDisabled_withNote_savesNoProxy()
    {
        openDialog(SettingsDialog::KeyMode::Demo);
        auto* group = child<QGroupBox>("networkGroup");
        QVERIFY(group);
        QVERIFY(!group->isEnabled());
        QVERIFY(!child<QWidget>("proxyModeCombo")->isEnabled());
        auto* note = child<QLabel>("proxyNoteLabel");
        QVERIFY(note && note->isVisibleTo(m_dialog.get()));
        QVERIFY(note->text().startsWith(u"Demo mode: "_s));
        QVERIFY(pressOkAndWaitClosed());
        QVERIFY(!settingsFileBytes().contains("proxyMode"));
    }

    void mnemonics_uniqueInDialog()
    {
        openDialog();
        QMap<QChar, QString> seen;
        QStringList texts;
        for (const QLabel* label : m_dialog->findChildren<QLabel*>())
            texts << label->text();
        for (const QAbstractButton* button : m_dialog->findChildren<QAbstractButton*>())
            texts << button->text();
        for (const QGroupBox* group : m_dialog->findChildren<QGroupBox*>())
            texts << group->title();
        for (const QString& text : std::as_const(texts)) {
            const QChar letter = mnemonicOf(text);
            if (letter.isNull())
                continue;
            QVERIFY2(!seen.contains(letter),
                     qPrintable(u"“%1” and “%2” share Alt+%3"_s.arg(seen.value(letter), text, letter)));
            seen.insert(letter, text);
        }
        QVERIFY(seen.contains(u'y')); // Prox&y
    }
};

QTEST_MAIN(tst_SettingsProxy)
#include "tst_settings_proxy.moc"
