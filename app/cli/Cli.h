#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <chrono>
#include <optional>

class QCommandLineParser;

namespace faultshare {

// The headless commands: `faultshare generate|rotate|preview|history|profiles|key ...`. Each runs inside an
// existing QCoreApplication and returns the process exit code: 0 ok, 2 invalid input or
// usage (nothing sent), 3 key missing or rejected, 4 rate limited, 5 network/TLS/timeout,
// 6 server error or invalid response. Errors are one line on stderr, never a secret.
namespace Cli {

enum ExitCode { Ok = 0, Usage = 2, Key = 3 };

// How long a headless command waits for the keychain: a prompt nobody answers (a locked
// keyring on a wall-display box) must not hold a script forever.
constexpr std::chrono::seconds KeychainTimeout{10};

// Why the stored key of profile must not be sent to currentOrigin, as one sentence naming
// both hosts; empty when it may (bound to it, or stored before keys were bound).
QString keyBoundElsewhere(const QString& profile, const QString& boundOrigin, const QString& currentOrigin);
// The key given for this run: FAULTSHARE_API_KEY, else (fromStdin) the first line of
// standard input; nullopt when neither applies (the keychain's is used).
std::optional<QString> givenKey(bool fromStdin);

// The command words: generate, preview, history, profiles, key, rotate.
const QStringList& commands();
// True when the arguments ask for a headless command: argv[1] is a word, not an option
// (an unknown word is a usage error of run()).
bool isCommand(const QStringList& arguments);
// Runs the command named by arguments[1].
int run(const QStringList& arguments);

int runGenerate(const QStringList& arguments);
int runRotate(const QStringList& arguments);
int runPreview(const QStringList& arguments);
int runKey(const QStringList& arguments);
int runHistory(const QStringList& arguments);
int runProfiles(const QStringList& arguments);

// Shared by the commands.
QString tr(const char* text);
// "faultshare: <message>" as one line on stderr.
void printError(const QString& message);
// Writes bytes to standard output; false (after printing why) when it could not.
bool writeStdout(const QByteArray& bytes);
bool stdoutIsTerminal();

// Prints "message (see faultshare <command> --help)" and returns Usage.
int usageError(const QString& message, const QString& command);
// Adds -h/--help to parser and parses arguments for `faultshare <command>`. Returns the
// exit code when the command ends here (help printed: Ok; a parse error printed: Usage),
// nullopt to go on.
std::optional<int> parseCommandLine(QCommandLineParser& parser, const QStringList& arguments, const QString& command);
// Rows as left-aligned columns two spaces apart, one line each (the last column unpadded).
QString alignedTable(const QList<QStringList>& rows);

// Runs a command that waits for the keychain or the network: parse(arguments, &exitCode)
// checks everything that can be checked first (nullopt: exitCode says how it ended); then
// Command(request).start() runs in the event loop, which the command quits with its code.
template <typename Command, typename Parse>
int runInEventLoop(const QStringList& arguments, Parse parse)
{
    int exitCode = Ok;
    auto request = parse(arguments, &exitCode);
    if (!request)
        return exitCode;
    Command command(std::move(*request));
    QTimer::singleShot(0, &command, [&command] { command.start(); });
    return QCoreApplication::exec();
}

} // namespace Cli

} // namespace faultshare
