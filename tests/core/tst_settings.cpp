// Settings as an observable: a setter that changes the value in effect says so, once; one
// that writes what is already in effect says nothing.
#include "Settings.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace faultshare;

class SettingsTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_store = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    }

    void changedValue_emitsItsKeyOnce()
    {
        Settings settings(*m_store);
        QSignalSpy spy(&settings, &Settings::changed);
        settings.setApiUrl(QUrl(QStringLiteral("https://api.example.test")));
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.at(0).at(0).value<Settings::Key>(), Settings::Key::ApiUrl);
        settings.setApiUrl(QUrl(QStringLiteral("https://api.example.test")));
        QCOMPARE(spy.size(), 1);
    }

    void defaultWritten_emitsNothing()
    {
        Settings settings(*m_store);
        QSignalSpy spy(&settings, &Settings::changed);
        settings.setDefaultMinutes(settings.defaultMinutes());
        settings.setCaFile(settings.caFile());
        settings.setProxy(settings.proxy());
        settings.setHistoryPurgeDays(settings.historyPurgeDays());
        QCOMPARE(spy.size(), 0);
    }

    void proxyOfSeveralParts_emitsOnce()
    {
        Settings settings(*m_store);
        QSignalSpy spy(&settings, &Settings::changed);
        ProxySettings proxy;
        proxy.mode = ProxySettings::Mode::Http;
        proxy.host = QStringLiteral("proxy.example.test");
        proxy.port = 3128;
        proxy.user = QStringLiteral("noc");
        settings.setProxy(proxy);
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.at(0).at(0).value<Settings::Key>(), Settings::Key::Proxy);
        QCOMPARE(settings.proxy().host, proxy.host);
    }

    void otherProfile_emitsProfile_andScopesTheValues()
    {
        Settings settings(*m_store);
        settings.setDefaultMinutes(15);
        QSignalSpy spy(&settings, &Settings::changed);
        settings.setProfile(QStringLiteral("wall"));
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.at(0).at(0).value<Settings::Key>(), Settings::Key::Profile);
        QVERIFY(settings.defaultMinutes() != 15);
        settings.setProfile(QStringLiteral("wall"));
        QCOMPARE(spy.size(), 1);
    }

    void keyStored_emitsOnlyOnChange()
    {
        Settings settings(*m_store);
        QSignalSpy spy(&settings, &Settings::changed);
        settings.setKeyStored(true);
        settings.setKeyStored(true);
        settings.setKeyStored(std::nullopt);
        QCOMPARE(spy.size(), 2);
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_store;
};

QTEST_GUILESS_MAIN(SettingsTest)
#include "tst_settings.moc"
