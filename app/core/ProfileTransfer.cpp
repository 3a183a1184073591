#include "ProfileTransfer.h"

#include <QFile>
#include <QSaveFile>
#include <QSettings>

#include <cstdio>

namespace faultshare {

ProfileTransfer::ProfileTransfer(QSettings& store)
    : m_store(store)
{
}

ProfileTransfer::FileResult ProfileTransfer::exportTo(const QString& path, const QStringList& names) const
{
    const QByteArray json = Profiles(m_store).exportJson(names);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size() || !file.commit())
        return {FileError::Unwritable, file.errorString()};
    return {};
}

ProfileTransfer::Import ProfileTransfer::importFrom(const QString& path, Profiles::ImportMode mode)
{
    QFile file(path);
    return importFile(file, mode);
}

ProfileTransfer::Import ProfileTransfer::importFromStandardInput(Profiles::ImportMode mode)
{
    QFile file;
    if (!file.open(stdin, QIODevice::ReadOnly))
        return {{FileError::Unreadable, file.errorString()}, {}, {}};
    return importFile(file, mode);
}

Profiles::ImportResult ProfileTransfer::apply(const QByteArray& json)
{
    return Profiles(m_store).importJson(json, Profiles::ImportMode::Apply);
}

ProfileTransfer::Import ProfileTransfer::importFile(QFile& file, Profiles::ImportMode mode)
{
    Import import;
    if (!file.isOpen() && !file.open(QIODevice::ReadOnly)) {
        import.file = {FileError::Unreadable, file.errorString()};
        return import;
    }
    // One byte past the cap tells a file of exactly the cap from a larger one.
    import.json = file.read(MaxFileBytes + 1);
    if (import.json.size() > MaxFileBytes) {
        import.json.clear();
        import.file = {FileError::TooLarge, {}};
        return import;
    }
    import.profiles = Profiles(m_store).importJson(import.json, mode);
    return import;
}

} // namespace faultshare
