#include "Cli.h"

#include "ApiClient.h"
#include "CredentialStore.h"
#include "KeychainJob.h"
#include "Origin.h"
#include "Profiles.h"
#include "Settings.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QSettings>

#include <optional>

namespace faultshare {

using namespace Qt::StringLiterals;

namespace {

using namespace Cli;

enum class Action { Set, Forget, Status };

struct Request
{
    Action action = Action::Status;
    QString profile;
};

std::optional<Request> parseArguments(const QStringList& arguments, int* exitCode)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("Cli", "Store, forget or check the API key or token of a profile in the keychain, for\n"
           "provisioning a machine by script.\n\n"
           "  set     reads the key from the first line of standard input (never from an argument)\n"
           "          and binds it to the profile's API URL: it is sent nowhere else\n"
           "  forget  removes it from the keychain\n"
           "  status  says whether a key is stored and for which API, never the key\n\n"
           "Exit codes: 0 ok, 2 invalid input, 3 no usable key (status) or the keychain failed."));
    parser.addPositionalArgument(u"key"_s, QCoreApplication::translate("Cli", "Manage the stored key."));
    parser.addPositionalArgument(u"ACTION"_s, QCoreApplication::translate("Cli", "set, forget or status."));
    const QCommandLineOption profile(u"profile"_s, QCoreApplication::translate("Cli", "Settings and keychain profile (default: default)."),
                                     QCoreApplication::translate("Cli", "NAME"), Settings::defaultProfile());
    parser.addOption(profile);
    if (const std::optional<int> code = parseCommandLine(parser, arguments, u"key"_s)) {
        *exitCode = *code;
        return std::nullopt;
    }
    const QStringList positional = parser.positionalArguments();
    const QStringList actions{u"set"_s, u"forget"_s, u"status"_s};
    if (positional.size() != 2 || !actions.contains(positional.at(1))) {
        *exitCode = usageError(QCoreApplication::translate("Cli", "Say what to do: set, forget or status."), u"key"_s);
        return std::nullopt;
    }
    Request request;
    request.action = Action(actions.indexOf(positional.at(1)));
    request.profile = parser.value(profile);
    QSettings store;
    if (!Profiles(store).contains(request.profile)) {
        *exitCode = usageError(QCoreApplication::translate("Cli", "No profile named \"%1\"; faultshare profiles lists them.").arg(request.profile),
                               u"key"_s);
        return std::nullopt;
    }
    return request;
}

class KeyCommand final : public QObject
{
public:
    explicit KeyCommand(Request request)
        : m_request(std::move(request))
        , m_settings(m_store, m_request.profile)
        , m_keys(u"FaultShare"_s)
        , m_entry(CredentialStore::apiKeyEntry(m_request.profile))
        , m_origin(Origin::of(m_settings.apiUrl()))
    {
        m_keys.setTimeout(KeychainTimeout);
    }

    void start()
    {
        switch (m_request.action) {
        case Action::Set:
            set();
            return;
        case Action::Forget:
            connect(watch(m_keys.remove(m_entry, this)), &KeychainJob::succeeded, this, [this] {
                m_settings.setKeyStored(false);
                say(QCoreApplication::translate("Cli", "The API key or token of profile \"%1\" is no longer stored.").arg(m_request.profile));
            });
            return;
        case Action::Status:
            status();
            return;
        }
    }

private:
    void set()
    {
        QFile in;
        in.open(stdin, QIODevice::ReadOnly);
        // Room for one byte more than a key may have, so that a longer one is refused.
        const QString key = QString::fromUtf8(in.readLine(ApiClient::MaxApiKeyBytes + 3)).trimmed();
        if (const QString why = ApiClient::checkApiKey(key); !why.isEmpty()) {
            quit(Usage, why);
            return;
        }
        connect(watch(m_keys.write(m_entry, key, m_origin, this)), &KeychainJob::succeeded, this, [this] {
            m_settings.setKeyStored(true);
            say(QCoreApplication::translate("Cli", "The API key or token of profile \"%1\" is stored in %2, for %3 only.")
                    .arg(m_request.profile, CredentialStore::backendName(), Origin::hostText(m_origin)));
        });
    }

    // A failing job ends the command with its sentence.
    KeychainJob* watch(KeychainJob* job)
    {
        connect(job, &KeychainJob::failed, this, [this](const ApiError& error) { quit(Key, error.userMessage()); });
        return job;
    }

    void status()
    {
        KeychainJob* job = watch(m_keys.read(m_entry, this));
        connect(job, &KeychainJob::missing, this, [this] {
            quit(Key, QCoreApplication::translate("Cli", "No API key or token is stored for profile \"%1\".").arg(m_request.profile),
                 stdout);
        });
        connect(job, &KeychainJob::succeeded, this, [this](const QString&, const QString& origin) {
            if (origin.isEmpty()) {
                say(QCoreApplication::translate("Cli", "An API key or token is stored for profile \"%1\" (from before keys were bound to an API; "
                                                       "it is used for %2).")
                        .arg(m_request.profile, Origin::hostText(m_origin)));
            } else if (origin == m_origin) {
                say(QCoreApplication::translate("Cli", "An API key or token is stored for profile \"%1\", for %2.")
                        .arg(m_request.profile, Origin::hostText(origin)));
            } else {
                quit(Key, keyBoundElsewhere(m_request.profile, origin, m_origin),
                     stdout);
            }
        });
    }

    void say(const QString& line) { quit(Ok, line, stdout); }

    // The outcome as one line: on standard output for what was asked, else an error.
    void quit(int code, const QString& message, FILE* stream = stderr)
    {
        if (stream == stdout)
            writeStdout(message.toUtf8() + '\n');
        else
            printError(message);
        QCoreApplication::exit(code);
    }

    Request m_request;
    QSettings m_store;
    Settings m_settings;
    CredentialStore m_keys;
    const QString m_entry;
    const QString m_origin;
};

} // namespace

int Cli::runKey(const QStringList& arguments)
{
    return runInEventLoop<KeyCommand>(arguments, parseArguments);
}

} // namespace faultshare
