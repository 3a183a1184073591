#pragma once

#include <QDialog>
#include <QPointer>
#include <QString>
#include <QUrl>
#include <memory>

class ApiClient;
class CredentialStore;
class Settings;
class QFileDialog;
class QMessageBox;

namespace Ui {
class SettingsDialog;
}

// The profile's settings: API URL and CA file (applied to the ApiClient on OK), the
// stored key (replaced or forgotten right away, through the keychain), the default
// validity, the clipboard clear delay and the expiry notifications. Nothing here
// blocks: the keychain answers with signals and the confirmation and file dialogs are
// opened, never exec()'d.
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    // Where the window's key comes from: the keychain, the environment (this session
    // only) or the demo server (nothing of the connection may be changed then).
    enum class KeyMode { Stored, Session, Demo };

    SettingsDialog(Settings& settings, CredentialStore& keys, ApiClient& api, QWidget* parent = nullptr);
    ~SettingsDialog() override;

    void setKeyMode(KeyMode mode);
    KeyMode keyMode() const { return m_keyMode; }

    // Writes the settings and applies the API URL and CA file, unless one is invalid
    // (then the dialog stays open with the reason beside the field).
    void accept() override;

Q_SIGNALS:
    // A new key is in the keychain (and, in Stored mode, in use by the ApiClient).
    void keyReplaced();
    // The stored key was removed from the keychain.
    void keyForgotten();

private:
    QUrl enteredApiUrl() const;
    void validate();
    void updateDefaultExpiryHint();
    void replaceKey();
    void confirmForgetKey();
    void browseCaFile();
    void setKeyBusy(bool busy);
    void showKeyStatus(const QString& text, bool isError);

    const std::unique_ptr<Ui::SettingsDialog> m_ui;
    Settings& m_settings;
    CredentialStore& m_keys;
    ApiClient& m_api;
    KeyMode m_keyMode = KeyMode::Stored;
    QUrl m_initialApiUrl;
    QString m_initialCaFile;
    QString m_pendingKey; // only until the keychain confirms the write
    bool m_writingKey = false;
    bool m_removingKey = false;
    QPointer<QMessageBox> m_forgetConfirm;
    QPointer<QFileDialog> m_caFileDialog;
};
