#include "Cli.h"

#include "ApiClient.h"

#include "Origin.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QLoggingCategory>

#include <algorithm>
#include <cstdio>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace faultshare {

namespace Cli {

const QStringList& commands()
{
    static const QStringList names{QStringLiteral("generate"), QStringLiteral("preview"), QStringLiteral("history"),
                                   QStringLiteral("profiles"), QStringLiteral("key"), QStringLiteral("rotate")};
    return names;
}

bool isCommand(const QStringList& arguments)
{
    // Any first word that is not an option is a command: an unknown one is a usage error
    // here, never an attempt to open a window.
    return arguments.size() >= 2 && !arguments.at(1).isEmpty() && !arguments.at(1).startsWith(QLatin1Char('-'));
}

int run(const QStringList& arguments)
{
    // The contract is one line on stderr per error: our event log stays quiet unless
    // QT_LOGGING_RULES (which takes precedence) asks for it, and so do Qt's uncategorised
    // warnings (QtNetwork's auth cache complains when a proxy refuses a password).
    QLoggingCategory::setFilterRules(QStringLiteral("faultshare.*.warning=false\ndefault.warning=false"));
    const QString& command = arguments.at(1);
    if (command == QLatin1StringView("history"))
        return runHistory(arguments);
    if (command == QLatin1StringView("profiles"))
        return runProfiles(arguments);
    if (command == QLatin1StringView("preview"))
        return runPreview(arguments);
    if (command == QLatin1StringView("generate"))
        return runGenerate(arguments);
    if (command == QLatin1StringView("key"))
        return runKey(arguments);
    if (command == QLatin1StringView("rotate"))
        return runRotate(arguments);
    printError(QCoreApplication::translate("Cli", "Unknown command \"%1\"; the commands are %2, and faultshare --help lists the window's options.")
                   .arg(command, commands().join(QStringLiteral(", "))));
    return Usage;
}

QString keyBoundElsewhere(const QString& profile, const QString& boundOrigin, const QString& currentOrigin)
{
    if (boundOrigin.isEmpty() || boundOrigin == currentOrigin)
        return {};
    return QCoreApplication::translate("Cli", "The API key or token of profile \"%1\" was stored for %2, and the profile now points to %3: "
                                              "confirm it in the FaultShare window, or store it again with faultshare key set.")
        .arg(profile, Origin::hostText(boundOrigin), Origin::hostText(currentOrigin));
}

std::optional<QString> givenKey(bool fromStdin)
{
    if (const QString key = qEnvironmentVariable("FAULTSHARE_API_KEY").trimmed(); !key.isEmpty())
        return key;
    if (!fromStdin)
        return std::nullopt;
    QFile in;
    in.open(stdin, QIODevice::ReadOnly);
    // Room for one byte more than a key may have, so that a longer one is refused.
    return QString::fromUtf8(in.readLine(ApiClient::MaxApiKeyBytes + 3)).trimmed();
}

QString tr(const char* text)
{
    return QCoreApplication::translate("Cli", text);
}

void printError(const QString& message)
{
    // One line on stderr, prefixed like other command-line tools.
    const QString line = message.simplified();
    std::fprintf(stderr, "faultshare: %s\n", line.toLocal8Bit().constData());
    std::fflush(stderr);
}

bool writeStdout(const QByteArray& bytes)
{
    QFile out;
    if (!out.open(stdout, QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.flush()) {
        printError(QCoreApplication::translate("Cli", "Could not write to standard output."));
        return false;
    }
    return true;
}

bool stdoutIsTerminal()
{
#ifdef Q_OS_UNIX
    return ::isatty(STDOUT_FILENO) == 1;
#else
    return false;
#endif
}

int usageError(const QString& message, const QString& command)
{
    printError(message + QLatin1Char(' ')
               + QCoreApplication::translate("Cli", "(see faultshare %1 --help)").arg(command));
    return Usage;
}

std::optional<int> parseCommandLine(QCommandLineParser& parser, const QStringList& arguments, const QString& command)
{
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QCoreApplication::translate("Cli", "Show this help."));
    parser.addOption(help);
    if (!parser.parse(arguments))
        return usageError(parser.errorText(), command);
    if (parser.isSet(help)) {
        std::fputs(parser.helpText().toLocal8Bit().constData(), stdout);
        std::fflush(stdout);
        return Ok;
    }
    return std::nullopt;
}

QString alignedTable(const QList<QStringList>& rows)
{
    QList<qsizetype> widths;
    for (const QStringList& row : rows) {
        widths.resize(std::max(widths.size(), row.size()), 0);
        for (qsizetype column = 0; column < row.size(); ++column)
            widths[column] = std::max(widths.at(column), row.at(column).size());
    }
    QString text;
    for (const QStringList& row : rows) {
        for (qsizetype column = 0; column < row.size(); ++column) {
            const bool last = column == row.size() - 1;
            text += last ? row.at(column) : row.at(column).leftJustified(widths.at(column) + 2);
        }
        text += QLatin1Char('\n');
    }
    return text;
}

} // namespace Cli

} // namespace faultshare
