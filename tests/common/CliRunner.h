#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <chrono>

namespace TestSupport {

// What one run of the faultshare binary left behind. exitCode is -1 unless the child
// started and exited by itself (not killed, not crashed): a crash never passes for an
// exit code a test expects.
struct CliRun
{
    int exitCode = -1;
    bool finished = false;
    QByteArray out;
    QByteArray err;
};

// A child environment of its own: HOME under home, XDG_CONFIG_HOME, XDG_CACHE_HOME and
// XDG_DATA_HOME below it, LC_ALL=C.UTF-8, TZ=UTC, no FAULTSHARE_API_KEY and no
// QT_LOGGING_RULES (tests assert on the child's stderr line by line). The rest, the
// keyring session's D-Bus address included, is this process's environment.
QProcessEnvironment isolatedEnvironment(const QString& home);

// The same environment with FAULTSHARE_API_KEY set to key.
QProcessEnvironment isolatedEnvironment(const QString& home, const QString& apiKey);

// Where the child of isolatedEnvironment(home) keeps its settings:
// $XDG_CONFIG_HOME/FaultShare/FaultShare.conf, QSettings' user scope on Linux.
QString childSettingsFile(const QString& home);

// Runs $FAULTSHARE_BIN_DIR/faultshare with arguments in env, input on its standard input
// (then closed). This process's event loop keeps turning meanwhile, so loopback servers
// living here go on serving; the child is killed after timeout.
CliRun runFaultshare(const QStringList& arguments, const QProcessEnvironment& env, const QByteArray& input = {},
                     std::chrono::milliseconds timeout = std::chrono::seconds(30));

} // namespace TestSupport
