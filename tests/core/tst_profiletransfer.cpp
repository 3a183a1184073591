// ProfileTransfer over real files in a temporary directory: the export written whole,
// the one size cap (a file of exactly the cap is read, one byte more is refused), and the
// import's check, apply and refusal to retarget, each leaving the store as it was when
// nothing is to change.

#include "ProfileTransfer.h"
#include "Profiles.h"
#include "Settings.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace faultshare;

using namespace Qt::StringLiterals;

namespace {

QByteArray profilesFile(const QJsonArray& profiles)
{
    return QJsonDocument(QJsonObject{{u"format"_s, u"faultshare-profiles"_s}, {u"version"_s, 1}, {u"profiles"_s, profiles}})
        .toJson();
}

QJsonObject profile(const QString& name, const QString& url)
{
    return {{u"name"_s, name}, {u"api_url"_s, url}, {u"default_minutes"_s, 60}, {u"ca_file"_s, QString()}};
}

QMap<QString, QVariant> snapshot(const QSettings& store)
{
    QMap<QString, QVariant> values;
    for (const QString& key : store.allKeys())
        values.insert(key, store.value(key));
    return values;
}

} // namespace

class tst_ProfileTransfer final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_store;

    QString writeFile(const QString& name, const QByteArray& bytes) const
    {
        const QString path = m_dir->filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            return {};
        return path;
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_store = std::make_unique<QSettings>(m_dir->filePath(u"settings.ini"_s), QSettings::IniFormat);
    }

    void cleanup()
    {
        m_store.reset();
        m_dir.reset();
    }

    void export_thenImportElsewhere_givesSameProfiles()
    {
        QVERIFY(Profiles(*m_store).add(u"lab"_s));
        Settings(*m_store, u"lab"_s).setApiUrl(QUrl(u"https://lab.example.com"_s));
        const QString path = m_dir->filePath(u"out.json"_s);
        const ProfileTransfer::FileResult written = ProfileTransfer(*m_store).exportTo(path, {u"lab"_s});
        QVERIFY2(written.ok(), qPrintable(written.reason));
        QVERIFY(QFile::exists(path));

        QSettings other(m_dir->filePath(u"other.ini"_s), QSettings::IniFormat);
        const ProfileTransfer::Import import = ProfileTransfer(other).importFrom(path, Profiles::ImportMode::Apply);
        QVERIFY2(import.ok(), qPrintable(import.profiles.error));
        QCOMPARE(import.profiles.imported, QStringList{u"lab"_s});
        QCOMPARE(Settings(other, u"lab"_s).apiUrl(), QUrl(u"https://lab.example.com"_s));
    }

    void export_toMissingDirectory_isUnwritable_andWritesNothing()
    {
        const QString path = m_dir->filePath(u"missing-dir/out.json"_s);
        const ProfileTransfer::FileResult written = ProfileTransfer(*m_store).exportTo(path, {u"default"_s});
        QCOMPARE(written.error, ProfileTransfer::FileError::Unwritable);
        QVERIFY(!written.ok());
        QVERIFY(!written.reason.isEmpty());
        QVERIFY(!QFile::exists(path));
    }

    void import_missingFile_isUnreadable_andChangesNothing()
    {
        const auto before = snapshot(*m_store);
        const ProfileTransfer::Import import
            = ProfileTransfer(*m_store).importFrom(m_dir->filePath(u"nonexistent.json"_s), Profiles::ImportMode::Apply);
        QCOMPARE(import.file.error, ProfileTransfer::FileError::Unreadable);
        QVERIFY(!import.file.reason.isEmpty());
        QVERIFY(!import.ok());
        QVERIFY(import.profiles.imported.isEmpty());
        QCOMPARE(snapshot(*m_store), before);
    }

    void import_sizeCap_exactlyTheCapIsRead_oneByteMoreIsRefused()
    {
        QByteArray json = profilesFile({profile(u"big"_s, u"https://big.example.com"_s)});
        // Trailing white space keeps the JSON valid at any size.
        json.append(QByteArray(ProfileTransfer::MaxFileBytes - json.size(), ' '));
        QCOMPARE(json.size(), ProfileTransfer::MaxFileBytes);
        const QString atCap = writeFile(u"at-cap.json"_s, json);
        const QString overCap = writeFile(u"over-cap.json"_s, json + ' ');
        QVERIFY(!atCap.isEmpty() && !overCap.isEmpty());

        const auto before = snapshot(*m_store);
        const ProfileTransfer::Import refused = ProfileTransfer(*m_store).importFrom(overCap, Profiles::ImportMode::Apply);
        QCOMPARE(refused.file.error, ProfileTransfer::FileError::TooLarge);
        QVERIFY(refused.json.isEmpty());
        QCOMPARE(snapshot(*m_store), before);

        const ProfileTransfer::Import read = ProfileTransfer(*m_store).importFrom(atCap, Profiles::ImportMode::Apply);
        QVERIFY2(read.ok(), qPrintable(read.profiles.error));
        QVERIFY(Profiles(*m_store).contains(u"big"_s));
    }

    void import_notAProfilesFile_saysWhy_inOneSentence()
    {
        const QString path = writeFile(u"bad.json"_s, "{\"format\": \"something-else\"}");
        const auto before = snapshot(*m_store);
        const ProfileTransfer::Import import = ProfileTransfer(*m_store).importFrom(path, Profiles::ImportMode::Apply);
        QVERIFY(import.file.ok());
        QVERIFY(!import.ok());
        QVERIFY(!import.profiles.error.isEmpty());
        QVERIFY(import.profiles.error.endsWith(u'.'));
        QCOMPARE(snapshot(*m_store), before);
    }

    void import_checkListsChangesAndWritesNothing_applyWritesThem()
    {
        QVERIFY(Profiles(*m_store).add(u"noc"_s));
        Settings(*m_store, u"noc"_s).setApiUrl(QUrl(u"https://old.example.com"_s));
        const QString path = writeFile(u"noc.json"_s, profilesFile({profile(u"noc"_s, u"https://new.example.com"_s)}));
        ProfileTransfer transfer(*m_store);

        const auto before = snapshot(*m_store);
        const ProfileTransfer::Import check = transfer.importFrom(path, Profiles::ImportMode::Check);
        QVERIFY2(check.ok(), qPrintable(check.profiles.error));
        QVERIFY(!check.profiles.changes.isEmpty());
        QVERIFY(check.profiles.retargets);
        QVERIFY(!check.json.isEmpty());
        QCOMPARE(snapshot(*m_store), before);

        const Profiles::ImportResult applied = transfer.apply(check.json);
        QVERIFY2(applied.error.isEmpty(), qPrintable(applied.error));
        QCOMPARE(applied.imported, QStringList{u"noc"_s});
        QCOMPARE(Settings(*m_store, u"noc"_s).apiUrl(), QUrl(u"https://new.example.com"_s));
    }

    void import_unlessRetarget_refusesToPointAProfileElsewhere()
    {
        QVERIFY(Profiles(*m_store).add(u"noc"_s));
        Settings(*m_store, u"noc"_s).setApiUrl(QUrl(u"https://old.example.com"_s));
        const QString path = writeFile(u"noc.json"_s, profilesFile({profile(u"noc"_s, u"https://new.example.com"_s)}));
        const auto before = snapshot(*m_store);
        const ProfileTransfer::Import import
            = ProfileTransfer(*m_store).importFrom(path, Profiles::ImportMode::ApplyUnlessRetarget);
        QVERIFY(import.file.ok());
        QVERIFY(!import.profiles.error.isEmpty());
        QCOMPARE(snapshot(*m_store), before);
    }
};

QTEST_GUILESS_MAIN(tst_ProfileTransfer)
#include "tst_profiletransfer.moc"
