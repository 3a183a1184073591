#pragma once

#include "ApiClient.h"
#include "CredentialStore.h"
#include "DemoServer.h"
#include "HistoryFile.h"
#include "MainWindow.h"
#include "QrDecode.h"
#include "QrView.h"
#include "Settings.h"

#include <QDir>
#include <QFileInfo>
#include <QObject>
#include <QSettings>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QUuid>

#include <memory>

using namespace faultshare;

// The parts a window test drives, all real: settings in a temporary INI file, an
// ApiClient, a CredentialStore on a keychain service of its own, a demo API on
// 127.0.0.1 and the MainWindow over them. Test classes derive from it and call
// setUpWindow() from init() and tearDownWindow() from cleanup().
class WindowTest : public QObject
{
protected:
    // False when a part could not be made (the caller QVERIFYs it).
    bool setUpWindow()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        if (!m_dir->isValid())
            return false;
        // The window keeps its history in the user's data folder (a throwaway one in
        // tests): every test starts without one.
        if (!QDir(QFileInfo(HistoryFile::defaultPath()).absolutePath()).removeRecursively())
            return false;
        m_store = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        m_settings = std::make_unique<Settings>(*m_store);
        m_api = std::make_unique<ApiClient>();
        m_service = QStringLiteral("FaultShareTest-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        m_keys = std::make_unique<CredentialStore>(m_service);
        m_demo = std::make_unique<DemoServer>(DemoServer::generateApiKey());
        if (!m_demo->listen(QHostAddress::LocalHost, 0))
            return false;
        newWindow();
        return true;
    }

    void tearDownWindow()
    {
        m_window.reset();
        m_demo.reset();
        m_keys.reset();
        m_api.reset();
        m_settings.reset();
        m_store.reset();
        m_dir.reset();
    }

    // A fresh window over the same parts (settings carried over).
    void newWindow()
    {
        m_window.reset();
        m_window = std::make_unique<MainWindow>(*m_api, *m_keys, *m_settings);
    }

    // The object name of the page the window shows: "mainPage", or "keyPage" (the
    // first-run page, built when first shown).
    QString shownPage() const
    {
        const auto* pages = m_window->findChild<QStackedWidget*>(QStringLiteral("pages"));
        return pages && pages->currentWidget() ? pages->currentWidget()->objectName() : QString();
    }
    bool showsKeyPage() const { return shownPage() == QLatin1StringView("keyPage"); }
    bool showsMainPage() const { return shownPage() == QLatin1StringView("mainPage"); }

    template <typename T>
    T* child(const char* name) const
    {
        T* object = m_window->findChild<T*>(QLatin1StringView(name));
        if (!object)
            qWarning("no child %s", name);
        return object;
    }

    // What the QR code on screen decodes to (zxing-cpp on a grab), empty for none.
    QString decodedQr() const
    {
        auto* qrView = child<QrView>("qrView");
        return qrView ? TestSupport::decodeQr(qrView->grab().toImage()) : QString();
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_store;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<ApiClient> m_api;
    QString m_service;
    std::unique_ptr<CredentialStore> m_keys;
    std::unique_ptr<DemoServer> m_demo;
    std::unique_ptr<MainWindow> m_window;
};
