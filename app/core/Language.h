#pragma once

#include <QString>
#include <QStringList>

class QCoreApplication;
class QSettings;

namespace faultshare {

// The language of the user interface, one choice for the whole application (GUI and
// headless commands): empty follows the system locale, else "en" or "de". English is
// the source language; other languages come from :/i18n/faultshare_<lang>.qm, with Qt's
// own qtbase_<lang>.qm for its standard dialogs and buttons.
namespace Language {

// The settings key of the choice ("app/language"), shared by every profile.
QString settingsKey();
QString setting(const QSettings& store);
void setSetting(QSettings& store, const QString& language);

// The languages FaultShare ships, source language first: {"en", "de"}.
QStringList available();
// A language's name in that language itself ("English", "Deutsch").
QString nativeName(const QString& language);

// The language choice resolves to: choice itself when it is shipped, else the first
// shipped language of preferred (QLocale::uiLanguages() order, e.g. "de-DE"), else "en".
QString resolve(const QString& choice, const QStringList& preferred);

// Installs the translators of language (one of available()) into app, replacing any
// installed by an earlier call. False when a shipped translation could not be loaded.
bool install(QCoreApplication& app, const QString& language);

} // namespace Language

} // namespace faultshare
