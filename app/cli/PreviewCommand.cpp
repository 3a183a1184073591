#include "Cli.h"

#include "ApiClient.h"
#include "CredentialStore.h"
#include "History.h"
#include "HistoryMigration.h"
#include "Origin.h"
#include "ProfileConnection.h"
#include "Profiles.h"
#include "Settings.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QSettings>

#include <algorithm>
#include <optional>

namespace faultshare {

using namespace Qt::StringLiterals;

namespace {

using namespace Cli;

struct Request
{
    QString target; // a token, or a short link to look up in the history
    QString profile;
    bool profileGiven = false;
    QUrl apiUrl; // --api-url; empty: the profile's
    bool json = false;
    bool keyFromStdin = false;
};

bool isLink(const QString& target)
{
    return target.contains("://"_L1);
}

std::optional<Request> parseArguments(const QStringList& arguments, int* exitCode)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("Cli", "Show the faults a link exposes right now (GET /fault/token/{token}).\n\n"
           "LINK_OR_TOKEN is a token, or a short link kept in the history of this computer.\n"
           "The API key or token of the profile goes along as Bearer credential: from\n"
           "FAULTSHARE_API_KEY, standard input with --api-key-stdin, or the keychain; without one\n"
           "the API is asked without.\n\n"
           "Exit codes: 0 ok, 2 invalid input, 3 link unknown, expired or rejected, or key\n"
           "rejected, 4 rate limited, 5 network, TLS or timeout, 6 server error or invalid response."));
    parser.addPositionalArgument(u"preview"_s, QCoreApplication::translate("Cli", "Show what a link shows."));
    parser.addPositionalArgument(u"LINK_OR_TOKEN"_s, QCoreApplication::translate("Cli", "The link or token to preview."));
    const QCommandLineOption profile(u"profile"_s, QCoreApplication::translate("Cli", "Settings and keychain profile (default: default, or the one that made the link)."), QCoreApplication::translate("Cli", "NAME"));
    const QCommandLineOption apiUrl(u"api-url"_s, QCoreApplication::translate("Cli", "API base URL (default: the profile's)."), QCoreApplication::translate("Cli", "URL"));
    const QCommandLineOption format(u"format"_s, QCoreApplication::translate("Cli", "Output: text or json (default: text)."), QCoreApplication::translate("Cli", "FORMAT"), u"text"_s);
    const QCommandLineOption keyFromStdin(u"api-key-stdin"_s, QCoreApplication::translate("Cli", "Read the API key or token from the first line of standard input."));
    parser.addOptions({profile, apiUrl, format, keyFromStdin});

    const auto usage = [exitCode](const QString& message) -> std::optional<Request> {
        *exitCode = usageError(message, u"preview"_s);
        return std::nullopt;
    };
    if (const std::optional<int> code = parseCommandLine(parser, arguments, u"preview"_s)) {
        *exitCode = *code;
        return std::nullopt;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() < 2)
        return usage(QCoreApplication::translate("Cli", "Give the link or token to preview."));
    if (positional.size() > 2)
        return usage(QCoreApplication::translate("Cli", "Unexpected argument: %1.").arg(positional.mid(2).join(u' ')));

    Request request;
    request.target = positional.at(1).trimmed();
    if (request.target.isEmpty() || request.target.size() > ApiClient::MaxPreviewTokenLength)
        return usage(QCoreApplication::translate("Cli", "Give the link or token to preview."));
    request.profileGiven = parser.isSet(profile);
    request.profile = request.profileGiven ? parser.value(profile) : Settings::defaultProfile();
    QSettings store;
    if (!Profiles(store).contains(request.profile)) {
        *exitCode = usageError(QCoreApplication::translate("Cli", "No profile named \"%1\"; faultshare profiles lists them.").arg(request.profile), u"preview"_s);
        return std::nullopt;
    }
    if (parser.isSet(apiUrl)) {
        request.apiUrl = QUrl(parser.value(apiUrl), QUrl::StrictMode);
        if (const QString why = ApiClient::checkApiUrl(request.apiUrl); !why.isEmpty())
            return usage(why);
    }
    const QString formatName = parser.value(format);
    if (formatName != "text"_L1 && formatName != "json"_L1)
        return usage(QCoreApplication::translate("Cli", "Unknown format \"%1\"; use text or json.").arg(formatName));
    request.json = formatName == "json"_L1;
    request.keyFromStdin = parser.isSet(keyFromStdin);
    return request;
}

// One run: find the token (in the history for a link), set up the client of the profile
// that goes with it, ask for the faults, print them.
class PreviewCommand final : public QObject
{
public:
    explicit PreviewCommand(Request request)
        : m_request(std::move(request))
        , m_secrets(u"FaultShare"_s)
        , m_history(HistoryFile::defaultPath(), &m_secrets, &m_store)
    {
        m_secrets.setTimeout(KeychainTimeout);
        // Once the history is open (old history moved in too), the row whose link it is.
        connect(&m_history, &History::unlocked, this, [this] {
            const QUrl target(m_request.target, QUrl::TolerantMode);
            for (const HistoryEntry& entry : m_history.entries()) {
                if (m_history.link(entry.id) == target) {
                    m_found = entry;
                    m_history.fetch(entry.id);
                    return;
                }
            }
            quit(Usage, QCoreApplication::translate("Cli", "The link is not in the history of this computer; pass its token instead."));
        });
        connect(&m_history, &History::tokenReady, this, [this](const QString&, const EmbedToken& token) {
            if (!m_request.profileGiven)
                m_request.profile = m_found.profile;
            useToken(token.token(), token.apiUrl());
        });
        // Without the history's key no link of it can be found: say why, once.
        const auto failed = [this](const ApiError& error) { quit(error.exitCode(), error.userMessage()); };
        connect(&m_history, &History::unlockFailed, this, failed);
        connect(&m_history, &History::tokenFailed, this, [failed](const QString&, const ApiError& error) { failed(error); });
        connect(&m_history, &History::problem, this, [](const QString& sentence) { printError(sentence); });
    }

    void start()
    {
        if (!isLink(m_request.target)) {
            useToken(m_request.target, {});
            return;
        }
        m_history.load();
        // Nothing to look in: the keychain is not asked (nor a key made).
        if (m_history.entries().isEmpty() && !HistoryMigration::isNeeded(m_store)) {
            quit(Usage, QCoreApplication::translate("Cli", "The link is not in the history of this computer; pass its token instead."));
            return;
        }
        m_history.unlock();
    }

private:
    // issuer: the API that issued the token, when known; the profile's key goes only there.
    void useToken(const QString& token, const QUrl& issuer)
    {
        m_token = token;
        if (!Profiles(m_store).contains(m_request.profile))
            m_request.profile = Settings::defaultProfile();
        ProfileConnection::Profile profile = ProfileConnection::profileOf(Settings(m_store, m_request.profile));
        const QUrl profileUrl = profile.apiUrl;
        if (!m_request.apiUrl.isEmpty())
            profile.apiUrl = m_request.apiUrl;
        else if (issuer.isValid())
            profile.apiUrl = issuer;
        connect(&m_connection, &ProfileConnection::configured, this, [this, profileUrl](const QList<ApiError>& problems) {
            if (!problems.isEmpty())
                quit(problems.first().exitCode(), problems.first().userMessage());
            else if (const std::optional<QString> key = givenKey(m_request.keyFromStdin))
                useKey(*key);
            else if (Origin::of(m_client.apiUrl()) == Origin::of(profileUrl))
                m_connection.readKey();
            else
                send(); // the stored key belongs to the profile's API: it goes nowhere else
        });
        // No key stored, one stored for another API, or a keychain that cannot be read:
        // ask without one.
        connect(&m_connection, &ProfileConnection::keyFound, this, &PreviewCommand::useKey);
        connect(&m_connection, &ProfileConnection::keyBoundElsewhere, this, &PreviewCommand::send);
        connect(&m_connection, &ProfileConnection::keyMissing, this, &PreviewCommand::send);
        connect(&m_connection, &ProfileConnection::keyFailed, this, &PreviewCommand::send);
        m_connection.configure(profile);
    }

    void useKey(const QString& key)
    {
        if (const QString why = ApiClient::checkApiKey(key); !why.isEmpty()) {
            quit(Key, why);
            return;
        }
        m_client.setApiKey(key);
        send();
    }

    void send()
    {
        FaultsRequest* request = m_client.requestFaults(m_token);
        connect(request, &FaultsRequest::finished, this, &PreviewCommand::print);
        connect(request, &FaultsRequest::failed, this,
                [this](const ApiError& error) { quit(error.exitCode(), error.userMessage()); });
    }

    void print(QList<Fault> faults, int unreadable)
    {
        std::stable_sort(faults.begin(), faults.end(), &Fault::showsBefore);
        QByteArray bytes;
        if (m_request.json) {
            QJsonArray array;
            for (const Fault& fault : std::as_const(faults))
                array.append(fault.raw);
            bytes = QJsonDocument(array).toJson(QJsonDocument::Indented);
        } else {
            QList<QStringList> rows;
            for (const Fault& fault : std::as_const(faults)) {
                const QString where = fault.where();
                rows << QStringList{fault.severityLabel().isEmpty() ? u"-"_s : fault.severityLabel(),
                                    fault.status.isEmpty() ? u"-"_s : fault.status,
                                    where.isEmpty() ? u"-"_s : where, fault.message};
            }
            bytes = alignedTable(rows).toUtf8();
        }
        if (!writeStdout(bytes)) {
            quit(Usage, {});
            return;
        }
        quit(Ok, unreadable > 0 ? Fault::unreadableText(unreadable) : QString());
    }

    void quit(int code, const QString& message)
    {
        if (!message.isEmpty())
            printError(message);
        QCoreApplication::exit(code);
    }

    Request m_request;
    QSettings m_store;
    CredentialStore m_secrets;
    History m_history;
    ApiClient m_client;
    ProfileConnection m_connection{m_secrets, m_client};
    HistoryEntry m_found; // the history's row of the link
    QString m_token;
};

} // namespace

int Cli::runPreview(const QStringList& arguments)
{
    return runInEventLoop<PreviewCommand>(arguments, parseArguments);
}

} // namespace faultshare
