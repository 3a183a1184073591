#include "Module.h"

#include "Logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QHash>
#include <QLibrary>
#include <QMutex>
#include <QMutexLocker>

namespace faultshare::Module {

namespace {

struct Loaded
{
    void* interface = nullptr;
    QString whyNot;
};

Loaded loadNow(const char* name)
{
    const QString moduleName = QLatin1StringView("faultshare-") + QLatin1StringView(name);
    const QString directory = QDir::cleanPath(QCoreApplication::applicationDirPath() + QLatin1Char('/')
                                              + QLatin1StringView(FAULTSHARE_MODULE_DIR));
    // The whole file name: given less, QLibrary tries other names too and reports the last.
#ifdef Q_OS_WIN
    const QLatin1StringView suffix(".dll");
#else
    const QLatin1StringView suffix(".so"); // CMake's suffix of a module on macOS too
#endif
    QLibrary library(directory + QLatin1Char('/') + moduleName + suffix);
    if (!library.load()) {
        // The caller says it, in a sentence; this is for the log.
        qCInfo(lcModule) << name << "cannot be loaded:" << library.errorString();
        return {nullptr, QCoreApplication::translate("Module", "%1 cannot be loaded (%2)")
                             .arg(QDir::toNativeSeparators(library.fileName()), library.errorString())};
    }
    // It stays loaded for the life of the process (QLibrary does not unload it).
    using Entry = void* (*)(const char*);
    const QByteArray symbol = QByteArrayLiteral("faultshare_module_") + name;
    const auto entry = reinterpret_cast<Entry>(library.resolve(symbol.constData()));
    if (!entry)
        return {nullptr, QCoreApplication::translate("Module", "%1 is not a FaultShare module")
                             .arg(QDir::toNativeSeparators(library.fileName()))};
    void* interface = entry(FAULTSHARE_VERSION);
    if (!interface)
        return {nullptr, QCoreApplication::translate("Module", "%1 is from another version of FaultShare")
                             .arg(QDir::toNativeSeparators(library.fileName()))};
    qCInfo(lcModule) << "loaded" << name;
    return {interface, {}};
}

} // namespace

void* load(const char* name, QString* whyNot)
{
    static QMutex mutex;
    static QHash<QByteArray, Loaded> loaded;
    const QMutexLocker lock(&mutex);
    auto it = loaded.find(name);
    if (it == loaded.end())
        it = loaded.insert(name, loadNow(name));
    if (!it->interface && whyNot)
        *whyNot = it->whyNot;
    return it->interface;
}

QString missingSentence(const QString& whyNot)
{
    return QCoreApplication::translate("Module", "FaultShare is not installed completely: %1. Install FaultShare again.")
        .arg(whyNot);
}

} // namespace faultshare::Module
