// The Profiles group of the settings dialog: the list (the profile in use marked), New…
// through its input dialog, Remove… through its confirmation (the profile's settings and
// its key in the real keychain, no other key), Export… and Import… through their file
// dialogs and through the public methods the buttons call.

#include "ApiClient.h"
#include "KeychainOutcome.h"
#include "CredentialStore.h"
#include "Profiles.h"
#include "Settings.h"
#include "SettingsDialog.h"

#include <QFile>
#include <QFileDialog>
#include <QInputDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPointer>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextDocument>
#include <QTest>
#include <QUuid>

#include <memory>

using namespace faultshare;

using namespace Qt::StringLiterals;

namespace {

constexpr int KeychainTimeoutMs = 30000;

// Set in the child process that removeProfile_keychainFails_keepsProfile_saysWhyInline
// starts with a session bus address where nothing listens (libsecret keeps its bus
// connection for the life of a process, so the failing keychain needs a process of its own).
constexpr auto ChildEnv = "FAULTSHARE_TST_SETTINGS_PROFILES_CHILD";

bool isOneSentence(const QString& message)
{
    return message.endsWith(u'.') && !message.contains(u'\n') && !message.chopped(1).contains(u". "_s);
}

using Outcome = TestSupport::KeychainOutcome;

} // namespace

class tst_SettingsProfiles final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_store;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<CredentialStore> m_keys;
    std::unique_ptr<SettingsDialog> m_dialog;

    template <typename T>
    T* child(const char* name) const
    {
        T* object = m_dialog->findChild<T*>(QLatin1StringView(name));
        if (!object)
            qWarning("no child %s", name);
        return object;
    }

    // A dialog over the current store, editing profile active.
    void openDialog(const QString& active = Settings::defaultProfile())
    {
        m_dialog.reset();
        m_settings->setProfile(active);
        m_dialog = std::make_unique<SettingsDialog>(*m_settings, *m_keys);
        m_dialog->show();
    }

    QStringList listedNames() const
    {
        QStringList names;
        auto* list = child<QListWidget>("profileList");
        for (int row = 0; list && row < list->count(); ++row)
            names << list->item(row)->data(Qt::UserRole).toString();
        return names;
    }

    bool select(const QString& name) const
    {
        auto* list = child<QListWidget>("profileList");
        for (int row = 0; list && row < list->count(); ++row) {
            if (list->item(row)->data(Qt::UserRole).toString() == name) {
                list->setCurrentRow(row);
                return true;
            }
        }
        return false;
    }

    QString status() const
    {
        auto* label = child<QLabel>("profileStatusLabel");
        return label && label->isVisibleTo(m_dialog.get()) ? label->text() : QString();
    }

    Outcome write(const QString& entry, const QString& secret)
    {
        return TestSupport::writeSecret(*m_keys, entry, secret, {}, KeychainTimeoutMs);
    }
    Outcome read(const QString& entry) { return TestSupport::readSecret(*m_keys, entry, KeychainTimeoutMs); }
    Outcome remove(const QString& entry) { return TestSupport::removeSecret(*m_keys, entry, KeychainTimeoutMs); }

    QString writeFile(const QString& name, const QByteArray& bytes) const
    {
        const QString path = m_dir->filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            return {};
        return path;
    }

    QMap<QString, QVariant> snapshot() const
    {
        QMap<QString, QVariant> values;
        for (const QString& key : m_store->allKeys())
            values.insert(key, m_store->value(key));
        return values;
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_store = std::make_unique<QSettings>(m_dir->filePath(u"settings.ini"_s), QSettings::IniFormat);
        m_settings = std::make_unique<Settings>(*m_store);
        m_api = std::make_unique<ApiClient>();
        m_keys = std::make_unique<CredentialStore>(u"FaultShareTest-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces));
        Profiles profiles(*m_store);
        QVERIFY(profiles.add(u"lab"_s));
        QVERIFY(profiles.add(u"noc"_s));
    }

    void cleanup()
    {
        m_dialog.reset();
        m_keys.reset();
        m_api.reset();
        m_settings.reset();
        m_store.reset();
        m_dir.reset();
    }

    void list_showsEveryProfile_activeMarked()
    {
        openDialog(u"noc"_s);
        QCOMPARE(listedNames(), (QStringList{u"default"_s, u"lab"_s, u"noc"_s}));
        auto* list = child<QListWidget>("profileList");
        QVERIFY(list);
        QCOMPARE(list->currentItem()->data(Qt::UserRole).toString(), u"noc"_s);
        QVERIFY(list->item(2)->text().contains(u"in use"_s));
        QVERIFY(list->item(2)->font().bold());
        QVERIFY(!list->item(1)->text().contains(u"in use"_s));
        // Every control named for assistive technology and reachable with Tab.
        for (const char* name : {"profileList", "newProfileButton", "removeProfileButton", "exportProfilesButton",
                                 "importProfilesButton"}) {
            auto* widget = child<QWidget>(name);
            QVERIFY2(widget, name);
            QVERIFY2(!widget->accessibleName().isEmpty(), name);
            QVERIFY2(widget->focusPolicy() & Qt::TabFocus, name);
        }
    }

    void removeButton_onlyForOtherProfilesThanDefault()
    {
        openDialog(u"noc"_s);
        auto* remove = child<QPushButton>("removeProfileButton");
        QVERIFY(remove);
        QVERIFY(select(u"noc"_s));
        QVERIFY(!remove->isEnabled());
        QVERIFY(select(u"default"_s));
        QVERIFY(!remove->isEnabled());
        QVERIFY(select(u"lab"_s));
        QVERIFY(remove->isEnabled());

        // The method refuses too, with the reason inline.
        QSignalSpy changed(m_dialog.get(), &SettingsDialog::profilesChanged);
        m_dialog->removeProfile(u"default"_s);
        QVERIFY(isOneSentence(status()));
        m_dialog->removeProfile(u"noc"_s);
        QVERIFY2(status().contains(u"in use"_s), qPrintable(status()));
        QVERIFY(isOneSentence(status()));
        QCOMPARE(changed.size(), 0);
        QCOMPARE(Profiles(*m_store).names(), (QStringList{u"default"_s, u"lab"_s, u"noc"_s}));
    }

    // A profile of the system-wide settings (managed desktops) is there for every user:
    // removing it would remove only this user's key and changes, and leave it listed.
    void managedProfile_removeUnavailable_saysWhy()
    {
        QTemporaryDir system;
        QTemporaryDir user;
        QVERIFY(system.isValid() && user.isValid());
        QSettings::setPath(QSettings::IniFormat, QSettings::SystemScope, system.path());
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, user.path());
        {
            QSettings managed(QSettings::IniFormat, QSettings::SystemScope, u"FaultShare"_s, u"FaultShare"_s);
            managed.setValue(u"profiles/corp/apiUrl"_s, u"https://api.corp.example"_s);
            managed.sync();
            QCOMPARE(managed.status(), QSettings::NoError);
        }
        m_dialog.reset();
        m_settings.reset();
        m_store = std::make_unique<QSettings>(QSettings::IniFormat, QSettings::UserScope, u"FaultShare"_s,
                                              u"FaultShare"_s);
        m_settings = std::make_unique<Settings>(*m_store);
        QVERIFY(Profiles(*m_store).add(u"mine"_s));
        openDialog();
        QCOMPARE(listedNames(), (QStringList{u"default"_s, u"corp"_s, u"mine"_s}));

        auto* remove = child<QPushButton>("removeProfileButton");
        QVERIFY(remove);
        QVERIFY(select(u"mine"_s));
        QVERIFY(remove->isEnabled());
        QVERIFY(remove->toolTip().isEmpty());
        QVERIFY(select(u"corp"_s));
        QVERIFY(!remove->isEnabled());
        QVERIFY2(remove->toolTip().contains(u"administrator"_s), qPrintable(remove->toolTip()));

        QSignalSpy changed(m_dialog.get(), &SettingsDialog::profilesChanged);
        m_dialog->removeProfile(u"corp"_s);
        QVERIFY2(status().contains(u"administrator"_s), qPrintable(status()));
        QVERIFY(isOneSentence(status()));
        QCOMPARE(changed.size(), 0);
        QCOMPARE(listedNames(), (QStringList{u"default"_s, u"corp"_s, u"mine"_s}));
    }

    void newButton_asksName_createsProfile()
    {
        openDialog();
        QSignalSpy changed(m_dialog.get(), &SettingsDialog::profilesChanged);
        QTest::mouseClick(child<QPushButton>("newProfileButton"), Qt::LeftButton);
        auto* ask = child<QInputDialog>("newProfileDialog");
        QVERIFY(ask);
        QTRY_VERIFY(ask->isVisible());
        ask->setTextValue(u"staging"_s);
        ask->accept();
        QCOMPARE(changed.size(), 1);
        QVERIFY(Profiles(*m_store).contains(u"staging"_s));
        QCOMPARE(listedNames(), (QStringList{u"default"_s, u"lab"_s, u"noc"_s, u"staging"_s}));
        QCOMPARE(child<QListWidget>("profileList")->currentItem()->data(Qt::UserRole).toString(), u"staging"_s);
        QVERIFY(status().contains(u"staging"_s));
        // The dialog still edits the profile in use.
        QCOMPARE(m_settings->profile(), u"default"_s);
    }

    void createProfile_invalidOrTaken_isRefusedInline_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("empty") << QString();
        QTest::newRow("slash") << u"a/b"_s;
        QTest::newRow("leading space") << u" lab"_s;
        QTest::newRow("too long") << QString(65, u'x');
        QTest::newRow("taken") << u"lab"_s;
        QTest::newRow("default") << u"default"_s;
    }

    void createProfile_invalidOrTaken_isRefusedInline()
    {
        QFETCH(QString, name);
        openDialog();
        const auto before = snapshot();
        QSignalSpy changed(m_dialog.get(), &SettingsDialog::profilesChanged);
        QVERIFY(!m_dialog->createProfile(name));
        QVERIFY(!status().isEmpty());
        QVERIFY2(isOneSentence(status()), qPrintable(status()));
        QCOMPARE(changed.size(), 0);
        QCOMPARE(snapshot(), before);
    }

    void removeButton_removesProfileAndOnlyItsSecrets()
    {
        const QString labKey = u"lab-token:lab-team:lab-secret-"_s + QUuid::createUuid().toString(QUuid::Id128);
        const QString nocKey = u"noc-token:noc-team:noc-secret-"_s + QUuid::createUuid().toString(QUuid::Id128);
        QCOMPARE(write(CredentialStore::apiKeyEntry(u"lab"_s), labKey).signal, u"written"_s);
        QCOMPARE(write(CredentialStore::apiKeyEntry(u"noc"_s), nocKey).signal, u"written"_s);
        QCOMPARE(write(CredentialStore::proxyEntry(u"lab"_s), u"lab-proxy-password"_s).signal,
                 u"written"_s);

        openDialog();
        QSignalSpy changed(m_dialog.get(), &SettingsDialog::profilesChanged);
        QVERIFY(select(u"lab"_s));
        QTest::mouseClick(child<QPushButton>("removeProfileButton"), Qt::LeftButton);
        auto* confirm = child<QMessageBox>("removeProfileConfirm");
        QVERIFY(confirm);
        QVERIFY(confirm->text().contains(u"lab"_s));
        confirm->button(QMessageBox::Yes)->click();
        QVERIFY(changed.wait(KeychainTimeoutMs));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(Profiles(*m_store).names(), (QStringList{u"default"_s, u"noc"_s}));
        QCOMPARE(listedNames(), (QStringList{u"default"_s, u"noc"_s}));
        QVERIFY2(isOneSentence(status()), qPrintable(status()));

        QCOMPARE(read(CredentialStore::apiKeyEntry(u"lab"_s)).signal, u"missing"_s);
        // Its proxy password went too: a profile of that name made later starts clean.
        QCOMPARE(read(CredentialStore::proxyEntry(u"lab"_s)).signal, u"missing"_s);
        const Outcome noc = read(CredentialStore::apiKeyEntry(u"noc"_s));
        QCOMPARE(noc.signal, u"read"_s);
        QCOMPARE(noc.secret, nocKey);
        QCOMPARE(remove(CredentialStore::apiKeyEntry(u"noc"_s)).signal, u"removed"_s);
    }

    void removeProfile_keychainFails_keepsProfile_saysWhyInline()
    {
        if (!qEnvironmentVariableIsSet(ChildEnv)) {
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QLatin1StringView(ChildEnv), u"1"_s);
            env.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, u"unix:path="_s + m_dir->filePath(u"no-bus"_s));
            QProcess process;
            process.setProcessEnvironment(env);
            process.start(QCoreApplication::applicationFilePath(),
                          {u"-maxwarnings"_s, u"0"_s, QString::fromLatin1(QTest::currentTestFunction())});
            QVERIFY(process.waitForStarted());
            const bool finished = process.waitForFinished(90000);
            if (!finished)
                process.kill();
            const QByteArray out = process.readAllStandardOutput();
            QVERIFY2(finished, "the child did not finish: the dialog waits for the keychain forever?");
            QVERIFY2(process.exitCode() == 0, out.right(3000).constData());
            QVERIFY(out.contains("PASS   : tst_SettingsProfiles::removeProfile_keychainFails_keepsProfile_saysWhyInline()"));
            return;
        }
        openDialog();
        QSignalSpy changed(m_dialog.get(), &SettingsDialog::profilesChanged);
        m_dialog->removeProfile(u"lab"_s);
        QVERIFY(!child<QPushButton>("removeProfileButton")->isEnabled());
        // The keychain's answer ends the removal: the button comes back, the profile stays.
        QTRY_VERIFY_WITH_TIMEOUT(status().contains(u"was kept"_s), KeychainTimeoutMs);
        QCOMPARE(changed.size(), 0);
        QVERIFY(Profiles(*m_store).contains(u"lab"_s));
        QVERIFY(listedNames().contains(u"lab"_s));
        QVERIFY2(status().contains(u"“lab” was kept"_s), qPrintable(status()));
        QVERIFY2(isOneSentence(status()), qPrintable(status()));
        // It can be tried again.
        QVERIFY(select(u"lab"_s));
        QVERIFY(child<QPushButton>("removeProfileButton")->isEnabled());
    }

    void removeConfirm_cancel_keepsProfile()
    {
        openDialog();
        QSignalSpy changed(m_dialog.get(), &SettingsDialog::profilesChanged);
        QVERIFY(select(u"lab"_s));
        QTest::mouseClick(child<QPushButton>("removeProfileButton"), Qt::LeftButton);
        const QPointer<QMessageBox> confirm = child<QMessageBox>("removeProfileConfirm");
        QVERIFY(confirm);
        confirm->button(QMessageBox::Cancel)->click();
        // Answered and closed: the box deletes itself after its answer was handled.
        QTRY_VERIFY(confirm.isNull());
        QCOMPARE(changed.size(), 0);
        QVERIFY(Profiles(*m_store).contains(u"lab"_s));
    }

    // A profile name may come from an imported file: the confirmations that name it show
    // it as it is, never as markup (a picture fetched, a word in bold). ("/" is not
    // allowed in a profile name.)
    void confirmations_showMarkupInProfileNameAsText()
    {
        const QString name = u"<b>bold<img src=x>"_s;
        QVERIFY(Profiles(*m_store).add(name));
        QVERIFY(Qt::mightBeRichText(name)); // what a message box would render as markup
        const auto checkPlain = [&name](QMessageBox* box) {
            QVERIFY(box);
            QCOMPARE(box->textFormat(), Qt::PlainText);
            QVERIFY2(box->text().contains(name), qPrintable(box->text()));
            auto* label = box->findChild<QLabel*>(u"qt_msgbox_label"_s);
            QVERIFY(label);
            QCOMPARE(label->textFormat(), Qt::PlainText);
            QCOMPARE(label->text(), box->text());
        };

        openDialog(name);
        QTest::mouseClick(child<QPushButton>("forgetKeyButton"), Qt::LeftButton);
        auto* forget = child<QMessageBox>("forgetKeyConfirm");
        checkPlain(forget);
        if (QTest::currentTestFailed())
            return;
        forget->button(QMessageBox::Cancel)->click();

        openDialog();
        QVERIFY(select(name));
        QTest::mouseClick(child<QPushButton>("removeProfileButton"), Qt::LeftButton);
        const QPointer<QMessageBox> remove = child<QMessageBox>("removeProfileConfirm");
        checkPlain(remove);
        if (QTest::currentTestFailed())
            return;
        remove->button(QMessageBox::Cancel)->click();
        QTRY_VERIFY(remove.isNull());
        QVERIFY(Profiles(*m_store).contains(name));
    }

    // A tooltip takes markup when it looks like some: the one naming a managed profile
    // shows the name as it is.
    void managedProfile_tooltipShowsMarkupInNameAsText()
    {
        const QString name = u"<i>corp<img src=x>"_s;
        QTemporaryDir system;
        QTemporaryDir user;
        QVERIFY(system.isValid() && user.isValid());
        QSettings::setPath(QSettings::IniFormat, QSettings::SystemScope, system.path());
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, user.path());
        {
            QSettings managed(QSettings::IniFormat, QSettings::SystemScope, u"FaultShare"_s, u"FaultShare"_s);
            managed.setValue(u"profiles/"_s + name + u"/apiUrl"_s, u"https://api.corp.example"_s);
            managed.sync();
            QCOMPARE(managed.status(), QSettings::NoError);
        }
        m_dialog.reset();
        m_settings.reset();
        m_store = std::make_unique<QSettings>(QSettings::IniFormat, QSettings::UserScope, u"FaultShare"_s,
                                              u"FaultShare"_s);
        m_settings = std::make_unique<Settings>(*m_store);
        openDialog();
        QVERIFY(select(name));
        auto* remove = child<QPushButton>("removeProfileButton");
        QVERIFY(remove && !remove->isEnabled());
        // What QToolTip shows: rich text when Qt thinks it is, then rendered.
        const QString tip = remove->toolTip();
        QTextDocument shown;
        if (Qt::mightBeRichText(tip))
            shown.setHtml(tip);
        else
            shown.setPlainText(tip);
        QVERIFY2(shown.toPlainText().contains(u"“"_s + name + u"”"_s), qPrintable(shown.toPlainText()));
        QVERIFY2(shown.toPlainText().contains(u"administrator"_s), qPrintable(shown.toPlainText()));
    }

    void exportProfilesTo_writesAllProfilesWithoutKeys()
    {
        const QString key = u"exp-token:exp-team:exp-secret-"_s + QUuid::createUuid().toString(QUuid::Id128);
        QCOMPARE(write(CredentialStore::apiKeyEntry(u"lab"_s), key).signal, u"written"_s);
        Settings(*m_store, u"lab"_s).setDefaultMinutes(480);
        openDialog();
        const QString path = m_dir->filePath(u"profiles.json"_s);
        QVERIFY(m_dialog->exportProfilesTo(path));
        QVERIFY(status().contains(QDir::toNativeSeparators(path)));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray json = file.readAll();
        QVERIFY(!json.contains(key.toUtf8()));
        QVERIFY(!json.contains("exp-secret"));
        const QJsonArray list = QJsonDocument::fromJson(json).object().value(u"profiles"_s).toArray();
        QCOMPARE(list.size(), 3);
        QCOMPARE(list.at(1).toObject().value(u"default_minutes"_s).toInt(), 480);

        QVERIFY(!m_dialog->exportProfilesTo(m_dir->filePath(u"missing-dir/profiles.json"_s)));
        QVERIFY2(isOneSentence(status()), qPrintable(status()));
        QCOMPARE(remove(CredentialStore::apiKeyEntry(u"lab"_s)).signal, u"removed"_s);
    }

    void importProfilesFrom_goodFile_addsProfiles_andSaysWhich()
    {
        QSettings other(m_dir->filePath(u"other.ini"_s), QSettings::IniFormat);
        Profiles exported(other);
        QVERIFY(exported.add(u"field"_s));
        Settings(other, u"field"_s).setApiUrl(QUrl(u"https://field.example.com"_s));
        const QString path = writeFile(u"in.json"_s, exported.exportJson({u"field"_s}));

        openDialog();
        QSignalSpy changed(m_dialog.get(), &SettingsDialog::profilesChanged);
        QVERIFY(m_dialog->importProfilesFrom(path));
        QCOMPARE(changed.size(), 1);
        QVERIFY(status().contains(u"field"_s));
        QCOMPARE(listedNames(), (QStringList{u"default"_s, u"field"_s, u"lab"_s, u"noc"_s}));
        QCOMPARE(Settings(*m_store, u"field"_s).apiUrl(), QUrl(u"https://field.example.com"_s));
    }

    void importProfilesFrom_badFile_changesNothing_showsOneSentence()
    {
        const QByteArray bad = "{\"format\":\"faultshare-profiles\",\"version\":1,\"profiles\":["
                               "{\"name\":\"ok\",\"api_url\":\"https://a.example\",\"default_minutes\":5},"
                               "{\"name\":\"bad\",\"api_url\":\"https://a.example\",\"default_minutes\":0}]}";
        const QString path = writeFile(u"bad.json"_s, bad);
        openDialog();
        const auto before = snapshot();
        QSignalSpy changed(m_dialog.get(), &SettingsDialog::profilesChanged);
        QVERIFY(!m_dialog->importProfilesFrom(path));
        QVERIFY2(status().contains(u"\"bad\""_s), qPrintable(status()));
        QVERIFY2(isOneSentence(status()), qPrintable(status()));
        QCOMPARE(changed.size(), 0);
        QCOMPARE(snapshot(), before);
        QCOMPARE(listedNames(), (QStringList{u"default"_s, u"lab"_s, u"noc"_s}));

        QVERIFY(!m_dialog->importProfilesFrom(m_dir->filePath(u"nonexistent.json"_s)));
        QVERIFY2(isOneSentence(status()), qPrintable(status()));
    }

    void importProfile_inUse_showsItsNewValues()
    {
        QSettings other(m_dir->filePath(u"other.ini"_s), QSettings::IniFormat);
        Settings(other, u"noc"_s).setApiUrl(QUrl(u"https://noc.example.com"_s));
        Settings(other, u"noc"_s).setDefaultMinutes(720);
        const QString path = writeFile(u"noc.json"_s, Profiles(other).exportJson({u"noc"_s}));
        openDialog(u"noc"_s);
        const QUrl before = Settings(*m_store, u"noc"_s).apiUrl();
        // Changes to a profile that exists are listed first, and made only on OK.
        for (const bool apply : {false, true}) {
            QVERIFY(m_dialog->importProfilesFrom(path));
            auto* confirm = m_dialog->findChild<QMessageBox*>(u"importChangesConfirm"_s);
            QVERIFY(confirm && confirm->isVisible());
            QCOMPARE(confirm->textFormat(), Qt::PlainText);
            QVERIFY2(confirm->text().contains(u"“noc”: API URL "_s + before.toString() + u" → https://noc.example.com"_s),
                     qPrintable(confirm->text()));
            QVERIFY(confirm->text().contains(u"“noc”: default minutes"_s));
            QVERIFY(confirm->text().contains(u"stored key"_s)); // another origin: the key waits
            QCOMPARE(Settings(*m_store, u"noc"_s).apiUrl(), before);
            QTest::mouseClick(confirm->button(apply ? QMessageBox::Ok : QMessageBox::Cancel), Qt::LeftButton);
            QTRY_VERIFY(m_dialog->findChild<QMessageBox*>(u"importChangesConfirm"_s) == nullptr);
            if (!apply) {
                QCOMPARE(Settings(*m_store, u"noc"_s).apiUrl(), before);
                QCOMPARE(child<QLineEdit>("apiUrlEdit")->text(), before.toString());
            }
        }
        QCOMPARE(child<QLineEdit>("apiUrlEdit")->text(), u"https://noc.example.com"_s);
        QCOMPARE(child<QSpinBox>("defaultExpirySpin")->value(), 720);
    }

    void exportAndImportButtons_goThroughFileDialogs()
    {
        openDialog();
        const QString path = m_dir->filePath(u"via-dialog.json"_s);
        QTest::mouseClick(child<QPushButton>("exportProfilesButton"), Qt::LeftButton);
        auto* save = child<QFileDialog>("exportProfilesDialog");
        QVERIFY(save);
        QCOMPARE(save->acceptMode(), QFileDialog::AcceptSave);
        Q_EMIT save->fileSelected(path);
        save->close();
        QVERIFY(QFile::exists(path));

        // Imported back over a store without "lab": it comes back.
        QVERIFY(Profiles(*m_store).remove(u"lab"_s));
        QTRY_VERIFY(!m_dialog->findChild<QFileDialog*>(u"exportProfilesDialog"_s));
        QSignalSpy changed(m_dialog.get(), &SettingsDialog::profilesChanged);
        QTest::mouseClick(child<QPushButton>("importProfilesButton"), Qt::LeftButton);
        auto* open = child<QFileDialog>("importProfilesDialog");
        QVERIFY(open);
        QCOMPARE(open->fileMode(), QFileDialog::ExistingFile);
        Q_EMIT open->fileSelected(path);
        open->close();
        QCOMPARE(changed.size(), 1);
        QVERIFY(Profiles(*m_store).contains(u"lab"_s));
        QVERIFY(listedNames().contains(u"lab"_s));
    }
};

QTEST_MAIN(tst_SettingsProfiles)
#include "tst_settings_profiles.moc"
