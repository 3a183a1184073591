#pragma once

#include "ISettingsPage.h"

#include <QPointer>
#include <QUrl>
#include <QWidget>

#include <functional>
#include <memory>

class QMessageBox;
namespace Ui {
class ApiKeyPage;
}

namespace faultshare {

class CredentialStore;
class Settings;


// The stored key of the profile in use: replaced or forgotten at once, through the
// keychain (never on OK). In Demo mode the key belongs to the demo server: nothing here
// may be changed.
class ApiKeyPage final : public QWidget, public ISettingsPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiKeyPage)

public:
    // enteredApiUrl: the API URL as the connection page has it, which a new key is bound to.
    ApiKeyPage(Settings& settings, const CredentialStore& keys, std::function<QUrl()> enteredApiUrl,
               QWidget* parent = nullptr);
    ~ApiKeyPage() override;

    QWidget* widget() override { return this; }
    void setKeyMode(SettingsKeyMode mode) override;
    void load() override {}
    bool check() override { return true; }
    void save() override {}

Q_SIGNALS:
    // key is in the keychain now (the dialog hands it to the client in Stored mode).
    void keyStored(const QString& key);
    // The stored key was removed from the keychain.
    void keyForgotten();

private:
    void replaceKey();
    void confirmForgetKey();
    void forgetKey();
    void setBusy(bool busy);
    void showStatus(const QString& text, bool isError);

    const std::unique_ptr<Ui::ApiKeyPage> m_ui;
    Settings& m_settings;
    const CredentialStore& m_keys;
    const std::function<QUrl()> m_enteredApiUrl;
    SettingsKeyMode m_keyMode = SettingsKeyMode::Stored;
    bool m_busy = false; // a write or removal is with the keychain
    QPointer<QMessageBox> m_forgetConfirm;
};

} // namespace faultshare
