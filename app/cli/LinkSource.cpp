#include "LinkSource.h"

#include "Cli.h"

#include "ApiClient.h"
#include "ApiError.h"
#include "CredentialStore.h"
#include "Origin.h"
#include "ProfileConnection.h"
#include "Profiles.h"
#include "Settings.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSaveFile>
#include <QSettings>

namespace faultshare {

namespace Cli {

using namespace Qt::StringLiterals;

LinkSourceOptions::LinkSourceOptions(const QString& minutesHelp, const QString& labelHelp, const QString& noHistoryHelp)
    : minutes(u"minutes"_s, minutesHelp, QCoreApplication::translate("Cli", "N"))
    , profile(u"profile"_s, QCoreApplication::translate("Cli", "Settings and keychain profile (default: default)."),
              QCoreApplication::translate("Cli", "NAME"), Settings::defaultProfile())
    , apiUrl(u"api-url"_s, QCoreApplication::translate("Cli", "API base URL (default: the profile's)."),
             QCoreApplication::translate("Cli", "URL"))
    , label(u"label"_s, labelHelp, QCoreApplication::translate("Cli", "TEXT"))
    , keyFromStdin(u"api-key-stdin"_s,
                   QCoreApplication::translate("Cli", "Read the API key or token from the first line of standard input."))
    , noHistory(u"no-history"_s, noHistoryHelp)
{
}

void LinkSourceOptions::addTo(QCommandLineParser& parser) const
{
    parser.addOptions({minutes, profile, apiUrl, label, keyFromStdin, noHistory});
}

std::optional<LinkSource> LinkSourceOptions::read(const QCommandLineParser& parser, const QString& command,
                                                  int* exitCode) const
{
    const auto usage = [exitCode, &command](const QString& message) -> std::optional<LinkSource> {
        *exitCode = usageError(message, command);
        return std::nullopt;
    };
    const auto refuse = [exitCode](const QString& message) -> std::optional<LinkSource> {
        printError(message);
        *exitCode = Usage;
        return std::nullopt;
    };

    LinkSource source;
    source.profile = parser.value(profile);
    if (source.profile.isEmpty())
        return usage(QCoreApplication::translate("Cli", "The profile name must not be empty."));
    QSettings store;
    if (!Profiles(store).contains(source.profile))
        return refuse(QCoreApplication::translate("Cli", "No profile named \"%1\"; faultshare profiles lists them.").arg(source.profile));
    const Settings settings(store, source.profile);

    source.minutes = settings.defaultMinutes();
    if (parser.isSet(minutes)) {
        bool ok = false;
        source.minutes = parser.value(minutes).toInt(&ok);
        if (!ok || source.minutes < ApiClient::MinMinutes || source.minutes > ApiClient::MaxMinutes)
            return usage(QCoreApplication::translate("Cli", "--minutes must be a whole number from 1 to 43200 (30 days)."));
    }
    source.apiUrl = parser.isSet(apiUrl) ? QUrl(parser.value(apiUrl), QUrl::StrictMode) : settings.apiUrl();
    if (const QString why = ApiClient::checkApiUrl(source.apiUrl); !why.isEmpty())
        return usage(why);
    source.label = parser.value(label).simplified();
    source.caFile = settings.caFile();
    source.proxy = settings.proxy();
    if (const QString why = source.proxy.check(); !why.isEmpty()) {
        return refuse(QCoreApplication::translate("Cli", "The proxy of profile \"%1\" cannot be used: %2 Fix it in Settings.")
                          .arg(source.profile, why));
    }
    source.keyFromStdin = parser.isSet(keyFromStdin);
    source.keepHistory = !parser.isSet(noHistory);
    source.purgeDays = settings.historyPurgeDays();
    return source;
}

KeyedClient::KeyedClient(ApiClient& client, const CredentialStore& keychain, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_connection(new ProfileConnection(keychain, client, this))
{
    connect(m_connection, &ProfileConnection::configured, this, [this](const QList<ApiError>& problems) {
        // A CA file that cannot be used is a configuration error (exit 2, nothing sent):
        // going on with the system store alone would report a TLS failure, which scripts
        // treat as a network problem worth retrying.
        if (!problems.isEmpty()) {
            Q_EMIT failed(problems.first().exitCode(), problems.first().userMessage());
            return;
        }
        const std::optional<QString> key = givenKey(m_source.keyFromStdin);
        // Read once: nothing this process starts (a hook, a browser) inherits it.
        qunsetenv("FAULTSHARE_API_KEY");
        if (key)
            useKey(*key);
        else
            m_connection->readKey();
    });
    connect(m_connection, &ProfileConnection::keyFound, this, &KeyedClient::useKey);
    connect(m_connection, &ProfileConnection::keyBoundElsewhere, this, [this](const QString&, const QString& storedFor) {
        Q_EMIT failed(Key, keyBoundElsewhere(m_source.profile, storedFor, Origin::of(m_source.apiUrl)));
    });
    connect(m_connection, &ProfileConnection::keyMissing, this, [this] {
        Q_EMIT failed(Key, QCoreApplication::translate("Cli", "No API key or token for profile \"%1\": set FAULTSHARE_API_KEY, use --api-key-stdin, or save one in the FaultShare window.")
                               .arg(m_source.profile));
    });
    connect(m_connection, &ProfileConnection::keyFailed, this,
            [this](const ApiError& error) { Q_EMIT failed(error.exitCode(), error.userMessage()); });
}

KeyedClient::~KeyedClient() = default;

void KeyedClient::start(const LinkSource& source)
{
    m_source = source;
    m_connection->configure({source.profile, source.apiUrl, source.caFile, source.proxy});
}

void KeyedClient::abandon()
{
    m_connection->abandon();
}

void KeyedClient::useKey(const QString& key)
{
    if (key.isEmpty()) {
        const ApiError error(ApiError::Kind::NoApiKey);
        Q_EMIT failed(error.exitCode(), error.userMessage());
        return;
    }
    if (const QString why = ApiClient::checkApiKey(key); !why.isEmpty()) {
        Q_EMIT failed(Key, why);
        return;
    }
    m_client.setApiKey(key);
    Q_EMIT ready();
}

bool writePrivateFile(const QString& path, const QByteArray& bytes, QString* error)
{
    // Written beside the old one and renamed over it: a reader sees the old file or the
    // new one, never part of one.
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly)) {
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        file.write(bytes);
        if (file.commit())
            return true;
    }
    *error = QCoreApplication::translate("Cli", "Cannot write %1: %2.").arg(path, file.errorString());
    return false;
}

} // namespace Cli

} // namespace faultshare
