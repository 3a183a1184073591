#include "Cli.h"

#include "ProfileTransfer.h"
#include "Profiles.h"
#include "Settings.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>

#include <algorithm>
#include <cstdio>

namespace faultshare {

// faultshare profiles [--format text|json]
// faultshare profiles export [NAME...] [--output FILE]
// faultshare profiles import FILE
//
// Only the non-secret settings of profiles: keys stay in the keychain, untouched.

namespace {

using namespace Cli;

const QString ExitCodesText = QStringLiteral("\n\nExit codes: 0 ok, 2 invalid input or usage.");

// Writes the store out and says so when it could not.
bool save(QSettings& store)
{
    store.sync();
    if (store.status() != QSettings::NoError) {
        printError(QCoreApplication::translate("Cli", "The settings file %1 could not be written; check its permissions and try again.")
                       .arg(store.fileName()));
        return false;
    }
    return true;
}

int list(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("Cli", "List the profiles: name, API URL, default validity in minutes and "
                                        "CA file. Keys are never shown.")
                                     + ExitCodesText);
    parser.addPositionalArgument(QStringLiteral("profiles"), QCoreApplication::translate("Cli", "List the profiles."));
    const QCommandLineOption format(QStringLiteral("format"), QCoreApplication::translate("Cli", "Output: text or json (default: text)."), QCoreApplication::translate("Cli", "FORMAT"),
                                    QStringLiteral("text"));
    parser.addOption(format);
    if (const std::optional<int> code = parseCommandLine(parser, arguments, QStringLiteral("profiles")))
        return *code;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return usageError(QCoreApplication::translate("Cli", "Unexpected argument: %1.").arg(positional.mid(1).join(QLatin1Char(' '))),
                     QStringLiteral("profiles"));
    const QString chosen = parser.value(format);
    if (chosen != QLatin1StringView("text") && chosen != QLatin1StringView("json"))
        return usageError(QCoreApplication::translate("Cli", "Unknown format \"%1\"; use text or json.").arg(chosen), QStringLiteral("profiles"));

    QSettings store;
    const Profiles profiles(store);
    const QStringList names = profiles.names();
    if (chosen == QLatin1StringView("json")) {
        QJsonArray array;
        for (const QString& name : names) {
            const Settings settings(store, name);
            array.append(QJsonObject{
                {QStringLiteral("name"), name},
                {QStringLiteral("api_url"), settings.apiUrl().toString(QUrl::FullyEncoded)},
                {QStringLiteral("default_minutes"), settings.defaultMinutes()},
                {QStringLiteral("ca_file"), settings.caFile()},
            });
        }
        return writeStdout(QJsonDocument(array).toJson(QJsonDocument::Indented)) ? Ok : Usage;
    }

    QList<QStringList> rows{{QCoreApplication::translate("Cli", "NAME"), QCoreApplication::translate("Cli", "API URL"), QCoreApplication::translate("Cli", "MINUTES"), QCoreApplication::translate("Cli", "CA FILE")}};
    for (const QString& name : names) {
        const Settings settings(store, name);
        rows.append({name, settings.apiUrl().toString(QUrl::FullyEncoded), QString::number(settings.defaultMinutes()),
                     settings.caFile().isEmpty() ? QCoreApplication::translate("Cli", "-") : settings.caFile()});
    }
    const QString text = alignedTable(rows);
    return writeStdout(text.toUtf8()) ? Ok : Usage;
}

int exportProfiles(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("Cli", "Write profiles as JSON, to import on another computer with faultshare "
                                        "profiles import. Keys are never exported.")
                                     + ExitCodesText);
    parser.addPositionalArgument(QStringLiteral("profiles"), QCoreApplication::translate("Cli", "Manage profiles."));
    parser.addPositionalArgument(QStringLiteral("export"), QCoreApplication::translate("Cli", "Export profiles."));
    parser.addPositionalArgument(QStringLiteral("NAME"), QCoreApplication::translate("Cli", "Profiles to export (default: all)."),
                                 QStringLiteral("[NAME...]"));
    const QCommandLineOption output(QStringLiteral("output"), QCoreApplication::translate("Cli", "Write to FILE instead of standard output."),
                                    QCoreApplication::translate("Cli", "FILE"));
    parser.addOption(output);
    const QString command = QStringLiteral("profiles export");
    if (const std::optional<int> code = parseCommandLine(parser, arguments, command))
        return *code;

    QSettings store;
    const Profiles profiles(store);
    QStringList names = parser.positionalArguments().mid(2);
    for (const QString& name : std::as_const(names)) {
        if (!profiles.contains(name)) {
            printError(QCoreApplication::translate("Cli", "No profile named \"%1\"; faultshare profiles lists them.").arg(name));
            return Usage;
        }
    }
    if (names.isEmpty())
        names = profiles.names();
    names.removeDuplicates();
    const QByteArray json = profiles.exportJson(names);

    if (!parser.isSet(output))
        return writeStdout(json) ? Ok : Usage;
    const QString path = parser.value(output);
    if (const ProfileTransfer::FileResult written = ProfileTransfer(store).exportTo(path, names); !written.ok()) {
        printError(QCoreApplication::translate("Cli", "Cannot write %1: %2.").arg(path, written.reason));
        return Usage;
    }
    return Ok;
}

int importProfiles(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("Cli", "Create or update profiles from a file written by faultshare profiles export (\"-\" reads standard "
           "input). Nothing is imported when any profile in the file is invalid. Keys are never imported: store "
           "each profile's key in the FaultShare window.")
        + ExitCodesText);
    parser.addPositionalArgument(QStringLiteral("profiles"), QCoreApplication::translate("Cli", "Manage profiles."));
    parser.addPositionalArgument(QStringLiteral("import"), QCoreApplication::translate("Cli", "Import profiles."));
    parser.addPositionalArgument(QStringLiteral("FILE"), QCoreApplication::translate("Cli", "The JSON file to import."));
    const QCommandLineOption replace(QStringLiteral("replace"),
                                     QCoreApplication::translate("Cli", "Also apply changes that point an existing profile at another API or proxy "
                                                                        "(its stored key or password then waits to be confirmed)."));
    parser.addOption(replace);
    const QString command = QStringLiteral("profiles import");
    if (const std::optional<int> code = parseCommandLine(parser, arguments, command))
        return *code;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 3)
        return usageError(positional.size() < 3 ? QCoreApplication::translate("Cli", "Name the file to import.")
                                           : QCoreApplication::translate("Cli", "Unexpected argument: %1.").arg(positional.mid(3).join(QLatin1Char(' '))),
                     command);

    const QString path = positional.at(2);
    QSettings store;
    ProfileTransfer transfer(store);
    const Profiles::ImportMode mode =
        parser.isSet(replace) ? Profiles::ImportMode::Apply : Profiles::ImportMode::ApplyUnlessRetarget;
    const ProfileTransfer::Import import = path == QLatin1StringView("-") ? transfer.importFromStandardInput(mode)
                                                                          : transfer.importFrom(path, mode);
    if (import.file.error == ProfileTransfer::FileError::TooLarge) {
        printError(QCoreApplication::translate("Cli", "%1 is too large to be a profiles export; choose a file made by faultshare profiles export.")
                       .arg(path));
        return Usage;
    }
    if (!import.file.ok()) {
        printError(QCoreApplication::translate("Cli", "Cannot read %1: %2.").arg(path, import.file.reason));
        return Usage;
    }
    if (!import.profiles.error.isEmpty()) {
        printError(import.profiles.error);
        return Usage;
    }
    if (!save(store))
        return Usage;
    QString names;
    for (const QString& name : import.profiles.imported)
        names += name + QLatin1Char('\n');
    return writeStdout(names.toUtf8()) ? Ok : Usage;
}

} // namespace

int Cli::runProfiles(const QStringList& arguments)
{
    const QString sub = arguments.value(2);
    if (sub == QLatin1StringView("export"))
        return exportProfiles(arguments);
    if (sub == QLatin1StringView("import"))
        return importProfiles(arguments);
    return list(arguments);
}

} // namespace faultshare
