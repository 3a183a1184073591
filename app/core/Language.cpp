#include "Language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QPointer>
#include <QSettings>
#include <QTranslator>

namespace faultshare {

using namespace Qt::StringLiterals;

namespace {

Q_LOGGING_CATEGORY(lcI18n, "faultshare.i18n", QtWarningMsg)

// The translators of the last install(), owned by the application.
QList<QPointer<QTranslator>>& installed()
{
    static QList<QPointer<QTranslator>> translators;
    return translators;
}

} // namespace

namespace Language {

QString settingsKey()
{
    return u"app/language"_s;
}

QString setting(const QSettings& store)
{
    const QString language = store.value(settingsKey()).toString();
    return available().contains(language) ? language : QString();
}

void setSetting(QSettings& store, const QString& language)
{
    if (language.isEmpty() || !available().contains(language))
        store.remove(settingsKey());
    else
        store.setValue(settingsKey(), language);
}

QStringList available()
{
    return {u"en"_s, u"de"_s};
}

QString nativeName(const QString& language)
{
    if (language == "de"_L1)
        return u"Deutsch"_s;
    return u"English"_s;
}

QString resolve(const QString& choice, const QStringList& preferred)
{
    const QStringList shipped = available();
    if (shipped.contains(choice))
        return choice;
    for (const QString& name : preferred) {
        // "de-DE", "de_AT" and "de" all mean German; "C" and "POSIX" mean nothing.
        const QString language = name.section(QLatin1Char('-'), 0, 0).section(QLatin1Char('_'), 0, 0).toLower();
        if (shipped.contains(language))
            return language;
    }
    return u"en"_s;
}

bool install(QCoreApplication& app, const QString& language)
{
    for (const QPointer<QTranslator>& translator : std::as_const(installed())) {
        if (translator) {
            QCoreApplication::removeTranslator(translator);
            delete translator;
        }
    }
    installed().clear();

    bool ok = true;
    // English has a file too: the plural forms of the %n messages.
    auto* own = new QTranslator(&app);
    if (own->load(u":/i18n/faultshare_"_s + language + u".qm"_s) && QCoreApplication::installTranslator(own)) {
        installed() << own;
    } else {
        qCWarning(lcI18n) << "no translation of FaultShare for" << language;
        delete own;
        ok = false;
    }
    if (language != "en"_L1) {
        // Qt's own words (Cancel, OK, context menus); missing when the distribution's
        // Qt translations are not installed, and then English.
        auto* qt = new QTranslator(&app);
        if (qt->load(u"qtbase_"_s + language, QLibraryInfo::path(QLibraryInfo::TranslationsPath))
            && QCoreApplication::installTranslator(qt)) {
            installed() << qt;
        } else {
            qCInfo(lcI18n) << "Qt's own translation for" << language << "is not installed";
            delete qt;
        }
    }
    return ok;
}

} // namespace Language

} // namespace faultshare
