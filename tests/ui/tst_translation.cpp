// The German user interface as the app ships it: the .qm compiled into the resources,
// loaded by the same Language::install() as main.cpp, over the real MainWindow. The
// test runs with a German system locale (LANGUAGE, LC_ALL in CMake), so "en" has to win
// over the system when it is chosen.

#include "WindowTest.h"
#include "ApiError.h"
#include "Language.h"
#include "SettingsDialog.h"

#include <QApplication>
#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFile>
#include <QLibraryInfo>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QStandardPaths>
#include <QTest>
#include <QTranslator>

using namespace faultshare;

using namespace Qt::StringLiterals;

class TestTranslation final : public WindowTest
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void shippedQm_isInTheResources();
    void german_translatesWindowMenusAndCoreErrors();
    void german_usesQtsOwnTranslationForStandardButtons();
    void systemDefault_followsGermanSystemLocale();
    void english_winsOverGermanSystemLocale();
    void english_pluralsReadWell();
    void settingsDialog_savesLanguageChoice();
};

void TestTranslation::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    // The test environment (CMake) gives the process a German system locale.
    QVERIFY2(QLocale::system().uiLanguages().constFirst().startsWith("de"_L1),
             qPrintable(QLocale::system().uiLanguages().join(u", "_s)));
}

void TestTranslation::init()
{
    QVERIFY(setUpWindow());
}

void TestTranslation::cleanup()
{
    tearDownWindow();
    Language::install(*QCoreApplication::instance(), u"en"_s);
}

void TestTranslation::shippedQm_isInTheResources()
{
    QTranslator translator;
    QVERIFY(translator.load(u":/i18n/faultshare_de.qm"_s));
    QCOMPARE(translator.language(), u"de_DE"_s);
    QCOMPARE(translator.translate("MainWindow", "&Generate link"), u"Link &erzeugen"_s);
    QVERIFY(QFile::exists(u":/i18n/faultshare_en.qm"_s));
}

void TestTranslation::german_translatesWindowMenusAndCoreErrors()
{
    QVERIFY(Language::install(*QCoreApplication::instance(), u"de"_s));
    newWindow();

    auto* generateButton = child<QPushButton>("generateButton");
    auto* fileMenu = child<QMenu>("fileMenu");
    QVERIFY(generateButton && fileMenu);
    QCOMPARE(generateButton->text(), u"Link &erzeugen"_s);
    QCOMPARE(fileMenu->title(), u"&Datei"_s);
    QCOMPARE(child<QAction>("settingsAction")->text(), u"&Einstellungen…"_s);
    // Built in code, not in the form.
    auto* presets = child<QComboBox>("expiryPresetCombo");
    QVERIFY(presets);
    QCOMPARE(presets->itemText(presets->findData(60)), u"1 Stunde"_s);

    // One sentence from core, made after the translator is in.
    const QString unauthorized = ApiError(ApiError::Kind::Unauthorized).userMessage();
    QVERIFY2(unauthorized.startsWith(u"Die API hat den API-Schlüssel oder das Token abgelehnt (401)"_s), qPrintable(unauthorized));
    const QString rateLimited = ApiError::fromHttpStatus(429, QByteArray(), "30", QDateTime::currentDateTimeUtc()).userMessage();
    QVERIFY2(rateLimited.contains(u"30 Sekunden"_s), qPrintable(rateLimited));
}

void TestTranslation::german_usesQtsOwnTranslationForStandardButtons()
{
    const QString qtTranslations = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    if (!QFile::exists(qtTranslations + u"/qtbase_de.qm"_s))
        QSKIP("Qt's own German translation (qt6-translations-l10n) is not installed");
    QVERIFY(Language::install(*QCoreApplication::instance(), u"de"_s));
    QDialogButtonBox box(QDialogButtonBox::Cancel);
    QCOMPARE(box.button(QDialogButtonBox::Cancel)->text().remove(QLatin1Char('&')), u"Abbrechen"_s);
}

void TestTranslation::systemDefault_followsGermanSystemLocale()
{
    const QString language = Language::resolve(QString(), QLocale::system().uiLanguages());
    QCOMPARE(language, u"de"_s);
    QVERIFY(Language::install(*QCoreApplication::instance(), language));
    newWindow();
    QCOMPARE(child<QPushButton>("generateButton")->text(), u"Link &erzeugen"_s);
    // A language FaultShare does not ship falls back to English.
    QCOMPARE(Language::resolve(QString(), {u"fr-FR"_s, u"C"_s}), u"en"_s);
    QCOMPARE(Language::resolve(QString(), {u"fr-FR"_s, u"de-AT"_s}), u"de"_s);
}

void TestTranslation::english_winsOverGermanSystemLocale()
{
    // What main.cpp does with app/language = "en".
    m_store->setValue(Language::settingsKey(), u"en"_s);
    const QString language = Language::resolve(Language::setting(*m_store), QLocale::system().uiLanguages());
    QCOMPARE(language, u"en"_s);
    QVERIFY(Language::install(*QCoreApplication::instance(), u"de"_s));
    QVERIFY(Language::install(*QCoreApplication::instance(), language)); // replaces the German one
    newWindow();
    QCOMPARE(child<QPushButton>("generateButton")->text(), u"&Generate link"_s);
    QCOMPARE(child<QMenu>("fileMenu")->title(), u"&File"_s);
    QVERIFY(ApiError(ApiError::Kind::Unauthorized).userMessage().startsWith(u"The API rejected the API key or token (401)"_s));
}

void TestTranslation::english_pluralsReadWell()
{
    QVERIFY(Language::install(*QCoreApplication::instance(), u"en"_s));
    QCOMPARE(QCoreApplication::translate("faultshare::PreviewDialog", "%n fault(s): %1 active, %2 resolved", nullptr, 1),
             u"1 fault: %1 active, %2 resolved"_s);
    QCOMPARE(QCoreApplication::translate("faultshare::PreviewDialog", "%n fault(s): %1 active, %2 resolved", nullptr, 3),
             u"3 faults: %1 active, %2 resolved"_s);
    QVERIFY(Language::install(*QCoreApplication::instance(), u"de"_s));
    QCOMPARE(QCoreApplication::translate("faultshare::PreviewDialog", "%n fault(s): %1 active, %2 resolved", nullptr, 1),
             u"1 Störung: %1 aktiv, %2 behoben"_s);
    QCOMPARE(QCoreApplication::translate("faultshare::PreviewDialog", "%n fault(s): %1 active, %2 resolved", nullptr, 2),
             u"2 Störungen: %1 aktiv, %2 behoben"_s);
}

void TestTranslation::settingsDialog_savesLanguageChoice()
{
    QVERIFY(Language::install(*QCoreApplication::instance(), u"de"_s));
    SettingsDialog dialog(*m_settings, *m_keys);
    auto* combo = dialog.findChild<QComboBox*>(u"languageCombo"_s);
    QVERIFY(combo);
    // System default first, then each language in its own name, whatever the UI language.
    QCOMPARE(combo->count(), 3);
    QCOMPARE(combo->currentIndex(), 0);
    QCOMPARE(combo->itemText(0), u"Systemstandard"_s);
    QCOMPARE(combo->itemText(combo->findData(u"en"_s)), u"English"_s);
    QCOMPARE(combo->itemText(combo->findData(u"de"_s)), u"Deutsch"_s);

    combo->setCurrentIndex(combo->findData(u"en"_s));
    dialog.accept();
    QCOMPARE(m_store->value(u"app/language"_s).toString(), u"en"_s);
    QCOMPARE(Language::setting(*m_store), u"en"_s);

    SettingsDialog again(*m_settings, *m_keys);
    auto* comboAgain = again.findChild<QComboBox*>(u"languageCombo"_s);
    QCOMPARE(comboAgain->currentData().toString(), u"en"_s);
    comboAgain->setCurrentIndex(0);
    again.accept();
    QVERIFY(!m_store->contains(u"app/language"_s));
}

QTEST_MAIN(TestTranslation)
#include "tst_translation.moc"
