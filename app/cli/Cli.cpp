#include "Cli.h"

#include <QCoreApplication>
#include <QFile>
#include <QLoggingCategory>

#include <cstdio>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace Cli {

bool isCommand(const QStringList& arguments)
{
    if (arguments.size() < 2)
        return false;
    const QString& command = arguments.at(1);
    return command == QLatin1StringView("generate") || command == QLatin1StringView("history")
        || command == QLatin1StringView("profiles");
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
    return runGenerate(arguments);
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

} // namespace Cli
