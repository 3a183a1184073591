#pragma once

#include "Profiles.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

class QFile;
class QSettings;

namespace faultshare {

// Profiles to and from files, for the Settings dialog and `faultshare profiles` alike:
// one size cap, one atomic write, one import. What went wrong comes back as a value, so
// each caller words it for where it is shown (a status line, one line on stderr).
class ProfileTransfer final
{
public:
    // An exported profiles file is a few hundred bytes per profile: anything much larger
    // is not one, and is not read whole.
    static constexpr qint64 MaxFileBytes = 4 * 1024 * 1024;

    enum class FileError {
        None,
        Unreadable, // reason: why the system could not open it
        TooLarge,   // more than MaxFileBytes
        Unwritable, // reason: why the system could not write it
    };
    struct FileResult
    {
        FileError error = FileError::None;
        QString reason; // the system's words (QFile::errorString()), for Unreadable and Unwritable
        bool ok() const { return error == FileError::None; }
    };

    struct Import
    {
        FileResult file;          // reading the file; when it failed, nothing else was done
        Profiles::ImportResult profiles; // Profiles::importJson's answer (its error: one sentence)
        QByteArray json;          // what was read, to apply after a Check the operator confirmed
        bool ok() const { return file.ok() && profiles.error.isEmpty(); }
    };

    explicit ProfileTransfer(QSettings& store);

    // Writes the named profiles (never a key) as JSON to path, whole or not at all.
    FileResult exportTo(const QString& path, const QStringList& names) const;

    // Reads the file at path, or standard input, and imports it in mode (all or nothing).
    Import importFrom(const QString& path, Profiles::ImportMode mode);
    Import importFromStandardInput(Profiles::ImportMode mode);
    // Applies what a Check listed, once the operator has confirmed it.
    Profiles::ImportResult apply(const QByteArray& json);

private:
    // file is opened here unless the caller already did (standard input).
    Import importFile(QFile& file, Profiles::ImportMode mode);

    QSettings& m_store;
};

} // namespace faultshare
