#pragma once

#include "ProxySettings.h"

#include <QCommandLineOption>
#include <QObject>
#include <QString>
#include <QUrl>

#include <optional>

class QCommandLineParser;

namespace faultshare {

class ApiClient;
class CredentialStore;
class ProfileConnection;

namespace Cli {

// Where the links of `generate` and `rotate` come from: the profile, its API, CA file and
// proxy, the key's source, the lifetime, the label and whether the history keeps them.
struct LinkSource
{
    QString profile;
    QUrl apiUrl;
    QString caFile;
    ProxySettings proxy; // without its password, which comes from the keychain
    int minutes = 0;
    QString label;
    bool keyFromStdin = false;
    bool keepHistory = true;
    int purgeDays = 0; // the profile's: expired links older than this leave the history
};

// The options behind a LinkSource: --minutes, --profile, --api-url, --label,
// --api-key-stdin and --no-history, with the command's own help texts where they differ.
class LinkSourceOptions final
{
public:
    LinkSourceOptions(const QString& minutesHelp, const QString& labelHelp, const QString& noHistoryHelp);

    void addTo(QCommandLineParser& parser) const;
    // Checks what was given against the profile; on a problem prints one line, sets
    // exitCode (Usage) and returns nullopt. command: for "(see faultshare <command> --help)".
    std::optional<LinkSource> read(const QCommandLineParser& parser, const QString& command, int* exitCode) const;

    const QCommandLineOption minutes;
    const QCommandLineOption profile;
    const QCommandLineOption apiUrl;
    const QCommandLineOption label;
    const QCommandLineOption keyFromStdin;
    const QCommandLineOption noHistory;
};

// Configures client for a LinkSource and gives it the key: FAULTSHARE_API_KEY, else
// standard input (--api-key-stdin), else the profile's keychain entry. The variable is
// read once and removed, so nothing the command starts inherits it. Ends in ready()
// (the client has its key) or failed(exitCode, sentence).
class KeyedClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeyedClient)

public:
    // client and keychain outlive this object.
    KeyedClient(ApiClient& client, const CredentialStore& keychain, QObject* parent = nullptr);
    ~KeyedClient() override;

    void start(const LinkSource& source);
    // Nothing more is heard from a keychain read or a configuration under way.
    void abandon();

Q_SIGNALS:
    void ready();
    void failed(int exitCode, const QString& message);

private:
    void useKey(const QString& key);

    ApiClient& m_client;
    ProfileConnection* m_connection;
    LinkSource m_source;
};

// Replaces path with bytes atomically (QSaveFile), readable by the owner only: a link
// alone grants read access to fault data. False, and why, when it cannot.
bool writePrivateFile(const QString& path, const QByteArray& bytes, QString* error);

} // namespace Cli

} // namespace faultshare
