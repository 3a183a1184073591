// The window's operator workflow across links: every generated link lands in the history
// panel (and survives a restart through the real keychain), its rows count down from the
// window's one ticker, row actions work, the profile switcher keeps profiles' keys and
// APIs apart, and Preview shows what a link exposes.

#include "WindowTest.h"
#include "KeychainOutcome.h"
#include "TestSupport.h"
#include "TestTokens.h"

#include "History.h"
#include "HistoryModel.h"
#include "HistoryPanel.h"
#include "PresentWindow.h"
#include "PreviewDialog.h"
#include "RequestOutcome.h"
#include "Profiles.h"
#include "Ticker.h"

#include <QAbstractItemModel>
#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QDockWidget>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QSettings>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTest>
#include <QTimer>

using namespace faultshare;

using namespace Qt::StringLiterals;

namespace {
constexpr int TimeoutMs = 15000;
} // namespace

class TestHistoryGui : public WindowTest
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void generatedLinks_appearInHistory_andSurviveRestart();
    void rowActions_copyShowAndForget();
    void forgetLiveLink_asksWithLabelAsText();
    void oneTicker_drivesCountdownAndEveryRow();
    void demoMode_keepsHistoryInMemoryOnly();
    void linksMadeByTheCommandLine_showAtOnce();
    void profileSwitcher_usesEachProfilesApiAndKey();
    void preview_showsTheFaultsTheLinkExposes();
    void preview_ofAnotherProfile_sendsThatProfilesKeyOnly();
    void damagedFile_isSaidAboveTheRows_untilDismissed();

private:
    bool writeKey(const QString& profile, const QString& key);
    // Starts the window on the stored key and waits for the main page.
    void startWithStoredKey();
    // Types the label, generates, waits for the result; returns the link shown.
    QString generate(const QString& label);
    HistoryPanel* panel() const { return m_window->historyPanel(); }
    QAbstractItemModel* rows() const { return panel()->view()->model(); }
    QString cell(int row, int column) const { return rows()->index(row, column).data().toString(); }
    // Selects the row whose label is label; false when there is none.
    bool selectRow(const QString& label);
};

void TestHistoryGui::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestHistoryGui::init()
{
    QVERIFY(setUpWindow());
}

void TestHistoryGui::cleanup()
{
    QGuiApplication::clipboard()->clear();
    tearDownWindow();
}

bool TestHistoryGui::writeKey(const QString& profile, const QString& key)
{
    const CredentialStore store(m_service);
    return TestSupport::writeSecret(store, CredentialStore::apiKeyEntry(profile), key, {}, TimeoutMs).signal == u"written"_s;
}

void TestHistoryGui::startWithStoredKey()
{
    m_window->show();
    m_window->start();
    auto* generateButton = child<QPushButton>("generateButton");
    QVERIFY(generateButton);
    QTRY_VERIFY_WITH_TIMEOUT(showsMainPage() && generateButton->isEnabled(), TimeoutMs);
}

QString TestHistoryGui::generate(const QString& label)
{
    auto* labelEdit = child<QLineEdit>("labelEdit");
    auto* generateButton = child<QPushButton>("generateButton");
    auto* busyBar = child<QProgressBar>("busyBar");
    auto* shortLink = child<QLabel>("shortLinkLabel");
    auto* errorLabel = child<QLabel>("errorLabel");
    if (!labelEdit || !generateButton || !busyBar || !shortLink || !errorLabel)
        return {};
    labelEdit->setText(label);
    const QString before = shortLink->text();
    generateButton->click();
    if (!QTest::qWaitFor([&] { return !busyBar->isVisible() && shortLink->text() != before; }, TimeoutMs)) {
        qWarning("no new link: %s", qPrintable(errorLabel->text()));
        return {};
    }
    return shortLink->text();
}

bool TestHistoryGui::selectRow(const QString& label)
{
    for (int row = 0; row < rows()->rowCount(); ++row) {
        if (cell(row, HistoryModel::LabelColumn) == label) {
            panel()->view()->setCurrentIndex(rows()->index(row, 0));
            return true;
        }
    }
    return false;
}

void TestHistoryGui::generatedLinks_appearInHistory_andSurviveRestart()
{
    m_settings->setApiUrl(m_demo->url());
    QVERIFY(writeKey(m_settings->profile(), m_demo->apiKey()));
    startWithStoredKey();
    auto* dock = m_window->findChild<QDockWidget*>(u"historyDock"_s);
    QVERIFY(dock && dock->isVisible());
    QCOMPARE(rows()->rowCount(), 0);

    const QString first = generate(u"NOC wall 1"_s);
    const QString second = generate(u"NOC wall 2"_s);
    QVERIFY(!first.isEmpty() && !second.isEmpty() && first != second);
    QCOMPARE(rows()->rowCount(), 2);
    // Newest first, with the profile that issued it and a live remaining time.
    QCOMPARE(cell(0, HistoryModel::LabelColumn), u"NOC wall 2"_s);
    QCOMPARE(cell(1, HistoryModel::LabelColumn), u"NOC wall 1"_s);
    QCOMPARE(cell(0, HistoryModel::ProfileColumn), Settings::defaultProfile());
    QVERIFY(!cell(0, HistoryModel::RemainingColumn).isEmpty());
    // The newest row is the current one.
    QCOMPARE(panel()->view()->currentIndex().row(), 0);

    // The links themselves are not in the settings file (only sealed in the history file).
    m_store->sync();
    QVERIFY(TestSupport::filesContaining(m_dir->path(), first.toUtf8()).isEmpty());
    QVERIFY(TestSupport::filesContaining(m_dir->path(), second.toUtf8()).isEmpty());

    // Restart, once both are in the history file: a new window over the same settings,
    // history file and keychain.
    QTRY_COMPARE_WITH_TIMEOUT(HistoryFile(HistoryFile::defaultPath()).read().contents.records.size(), 2, TimeoutMs);
    newWindow();
    startWithStoredKey();
    QTRY_COMPARE_WITH_TIMEOUT(rows()->rowCount(), 2, TimeoutMs);
    QVERIFY(selectRow(u"NOC wall 1"_s));
    QGuiApplication::clipboard()->clear();
    panel()->trigger(HistoryPanel::Action::CopyLink);
    QTRY_COMPARE_WITH_TIMEOUT(QGuiApplication::clipboard()->text(), first, TimeoutMs);
    panel()->trigger(HistoryPanel::Action::ShowQr);
    auto* shortLink = child<QLabel>("shortLinkLabel");
    QTRY_COMPARE_WITH_TIMEOUT(shortLink->text(), first, TimeoutMs);
    QCOMPARE(decodedQr(), first);
    QCOMPARE(child<QLabel>("resultTitleLabel")->text(), u"NOC wall 1"_s);
}

void TestHistoryGui::rowActions_copyShowAndForget()
{
    m_window->useDemo(m_demo->url(), m_demo->apiKey());
    m_window->show();
    const QString first = generate(u"alpha"_s);
    const QString second = generate(u"beta"_s);
    QVERIFY(!first.isEmpty() && !second.isEmpty());

    // Search narrows by label.
    auto* search = panel()->findChild<QLineEdit*>(u"historySearchEdit"_s);
    QVERIFY(search);
    search->setText(u"alp"_s);
    QCOMPARE(rows()->rowCount(), 1);
    QCOMPARE(cell(0, HistoryModel::LabelColumn), u"alpha"_s);
    search->clear();
    QCOMPARE(rows()->rowCount(), 2);

    // Double-click (activate) shows that row's link in the window.
    QVERIFY(selectRow(u"alpha"_s));
    panel()->trigger(HistoryPanel::Action::ShowQr);
    QTRY_COMPARE_WITH_TIMEOUT(decodedQr(), first, TimeoutMs);

    // Present opens the wall display on that link.
    panel()->trigger(HistoryPanel::Action::Present);
    PresentWindow* present = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((present = m_window->findChild<PresentWindow*>()) != nullptr, TimeoutMs);
    QCOMPARE(present->shownLink(), first);
    present->close();

    // Forgetting a live row asks first (a message box); through the history the row
    // leaves the panel at once.
    const QString id = panel()->currentId();
    QVERIFY(!id.isEmpty());
    m_window->history().forget(id);
    QCOMPARE(rows()->rowCount(), 1);
    QCOMPARE(cell(0, HistoryModel::LabelColumn), u"beta"_s);
}

// A label is whatever was typed (or made by the command line): the confirmation shows it
// as it is, never as markup. The confirmation does not block: Cancel keeps the row, Yes
// forgets it.
void TestHistoryGui::forgetLiveLink_asksWithLabelAsText()
{
    const QString label = u"<b>bold</b><img src=x>"_s;
    QVERIFY(Qt::mightBeRichText(label)); // what a message box would render as markup
    m_window->useDemo(m_demo->url(), m_demo->apiKey());
    m_window->show();
    QVERIFY(!generate(label).isEmpty());
    QVERIFY(!generate(u"other"_s).isEmpty());
    QCOMPARE(rows()->rowCount(), 2);

    for (const QMessageBox::StandardButton answer : {QMessageBox::Cancel, QMessageBox::Yes}) {
        QVERIFY(selectRow(label));
        panel()->forgetCurrent();
        QMessageBox* confirm = nullptr;
        QTRY_VERIFY((confirm = panel()->findChild<QMessageBox*>(u"forgetLinkConfirm"_s)) != nullptr);
        QCOMPARE(confirm->textFormat(), Qt::PlainText);
        QVERIFY2(confirm->text().contains(u"\""_s + label + u"\""_s), qPrintable(confirm->text()));
        auto* shown = confirm->findChild<QLabel*>(u"qt_msgbox_label"_s);
        QVERIFY(shown);
        QCOMPARE(shown->textFormat(), Qt::PlainText);
        QCOMPARE(shown->text(), confirm->text());
        QCOMPARE(rows()->rowCount(), 2); // nothing forgotten while it asks
        confirm->button(answer)->click();
        QTRY_VERIFY(!panel()->findChild<QMessageBox*>(u"forgetLinkConfirm"_s));
    }
    QTRY_COMPARE_WITH_TIMEOUT(rows()->rowCount(), 1, TimeoutMs);
    QCOMPARE(cell(0, HistoryModel::LabelColumn), u"other"_s);
}

void TestHistoryGui::oneTicker_drivesCountdownAndEveryRow()
{
    m_window->useDemo(m_demo->url(), m_demo->apiKey());
    m_window->show();
    for (int i = 0; i < 5; ++i)
        QVERIFY(!generate(u"row %1"_s.arg(i)).isEmpty());
    child<QAction>("presentAction")->trigger();
    PresentWindow* present = m_window->findChild<PresentWindow*>();
    QVERIFY(present);

    // Countdown, present window and five rows: one timer between them.
    QList<QTimer*> tickTimers = m_window->findChildren<QTimer*>(u"tickTimer"_s);
    QCOMPARE(tickTimers.size(), 1);
    QVERIFY(tickTimers.first()->isActive());

    // One tick moves every clock shown: 10 minutes later on the window's clock.
    const QDateTime later = QDateTime::currentDateTimeUtc().addSecs(600);
    QSignalSpy ticks(&m_window->ticker(), &Ticker::tick);
    m_window->setClock([later] { return later; });
    m_window->ticker().tickNow();
    QCOMPARE(ticks.size(), 1);
    auto* countdown = child<QLabel>("countdownLabel");
    // The default validity is one hour: 50 minutes left everywhere.
    QVERIFY2(countdown->text().startsWith(u"49:"_s) || countdown->text().startsWith(u"50:"_s),
             qPrintable(countdown->text()));
    for (int row = 0; row < rows()->rowCount(); ++row) {
        const QString remaining = cell(row, HistoryModel::RemainingColumn);
        QVERIFY2(remaining.startsWith(u"49:"_s) || remaining.startsWith(u"50:"_s), qPrintable(remaining));
    }

    // Past expiry: rows leave the Active filter, the countdown takes the QR down, and
    // nothing holds the ticker any more.
    const QDateTime expired = QDateTime::currentDateTimeUtc().addSecs(2 * 3600);
    m_window->setClock([expired] { return expired; });
    m_window->ticker().tickNow();
    QCOMPARE(rows()->rowCount(), 0);
    QVERIFY(!m_window->ticker().isRunning());
    auto* show = panel()->findChild<QComboBox*>(u"historyShowCombo"_s);
    QVERIFY(show);
    show->setCurrentIndex(show->findData(int(HistoryFilterModel::Show::Expired)));
    QCOMPARE(rows()->rowCount(), 5);
}

void TestHistoryGui::linksMadeByTheCommandLine_showAtOnce()
{
    m_settings->setApiUrl(m_demo->url());
    QVERIFY(writeKey(m_settings->profile(), m_demo->apiKey()));
    startWithStoredKey();
    QCOMPARE(rows()->rowCount(), 0);

    // `faultshare generate` adds to the same file from another process: the window
    // watches the file, so the row shows without the operator doing anything.
    History commandLine(HistoryFile::defaultPath(), m_keys.get(), nullptr);
    QSignalSpy kept(&commandLine, &History::kept);
    commandLine.add(TestSupport::makeToken(QDateTime::currentDateTimeUtc(), 60), u"from a script"_s,
                    Settings::defaultProfile());
    QTRY_COMPARE_WITH_TIMEOUT(kept.count(), 1, TimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(rows()->rowCount(), 1, TimeoutMs);
    QCOMPARE(cell(0, HistoryModel::LabelColumn), u"from a script"_s);
}

void TestHistoryGui::demoMode_keepsHistoryInMemoryOnly()
{
    m_window->useDemo(m_demo->url(), m_demo->apiKey());
    m_window->show();
    const QString link = generate(u"demo link"_s);
    QVERIFY(!link.isEmpty());
    QCOMPARE(rows()->rowCount(), 1);
    QVERIFY(!m_window->history().isPersistent());
    m_window->close();
    m_store->sync();
    QVERIFY(TestSupport::filesContaining(m_dir->path(), "demo link").isEmpty());
    QVERIFY(TestSupport::filesContaining(m_dir->path(), link.toUtf8()).isEmpty());
}

void TestHistoryGui::profileSwitcher_usesEachProfilesApiAndKey()
{
    // Two profiles, each with an API of its own and a key that only that API accepts.
    DemoServer night(DemoServer::generateApiKey());
    QVERIFY(night.listen(QHostAddress::LocalHost, 0));
    Profiles profiles(*m_store);
    QVERIFY(profiles.add(u"night"_s));
    QVERIFY(profiles.add(u"empty"_s));
    m_settings->setApiUrl(m_demo->url());
    Settings(*m_store, u"night"_s).setApiUrl(night.url());
    QVERIFY(writeKey(Settings::defaultProfile(), m_demo->apiKey()));
    QVERIFY(writeKey(u"night"_s, night.apiKey()));
    newWindow();
    startWithStoredKey();

    auto* combo = child<QComboBox>("profileCombo");
    QVERIFY(combo && combo->isEnabled());
    QCOMPARE(combo->count(), 3);
    QCOMPARE(combo->currentText(), Settings::defaultProfile());
    QVERIFY(!generate(u"day"_s).isEmpty());
    QCOMPARE(m_demo->tokenRequestCount(), 1);

    m_window->switchProfile(u"night"_s);
    QCOMPARE(combo->currentText(), u"night"_s);
    QVERIFY(m_window->windowTitle().contains(u"night"_s));
    auto* generateButton = child<QPushButton>("generateButton");
    QTRY_VERIFY_WITH_TIMEOUT(generateButton->isEnabled(), TimeoutMs);
    QVERIFY(!generate(u"night link"_s).isEmpty());
    QCOMPARE(night.tokenRequestCount(), 1);
    QCOMPARE(m_demo->tokenRequestCount(), 1);
    QCOMPARE(cell(0, HistoryModel::ProfileColumn), u"night"_s);
    QCOMPARE(cell(1, HistoryModel::ProfileColumn), Settings::defaultProfile());
    QCOMPARE(Settings(*m_store).lastProfile(), u"night"_s);

    // A profile without a key asks for one, and uses neither of the others' keys.
    m_window->switchProfile(u"empty"_s);
    QTRY_VERIFY_WITH_TIMEOUT(showsKeyPage(), TimeoutMs);
    QVERIFY(!m_api->hasApiKey());
}

void TestHistoryGui::preview_showsTheFaultsTheLinkExposes()
{
    m_window->useDemo(m_demo->url(), m_demo->apiKey());
    m_window->show();
    QVERIFY(!generate(u"wall"_s).isEmpty());
    auto* previewButton = child<QPushButton>("previewButton");
    QVERIFY(previewButton && previewButton->isEnabled());
    previewButton->click();
    auto* dialog = m_window->findChild<PreviewDialog*>(u"previewDialog"_s);
    QVERIFY(dialog);
    QSignalSpy loaded(dialog, &PreviewDialog::loaded);
    QVERIFY(loaded.wait(TimeoutMs) || loaded.size() == 1);
    QVERIFY(loaded.first().at(0).toInt() > 0);
    QVERIFY(dialog->windowTitle().contains(u"wall"_s));
    QPointer<PreviewDialog> closed(dialog);
    dialog->close();
    QTRY_VERIFY_WITH_TIMEOUT(closed.isNull(), TimeoutMs);

    // From the history too.
    QVERIFY(selectRow(u"wall"_s));
    panel()->trigger(HistoryPanel::Action::Preview);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->findChild<PreviewDialog*>(u"previewDialog"_s) != nullptr, TimeoutMs);
}

// A link goes back to the API of the profile that issued it, with that profile's stored
// key as Bearer; a profile without a key is asked without one, and the API's 401 says so.
void TestHistoryGui::preview_ofAnotherProfile_sendsThatProfilesKeyOnly()
{
    DemoServer night(DemoServer::generateApiKey());
    QVERIFY(night.listen(QHostAddress::LocalHost, 0));
    Profiles profiles(*m_store);
    QVERIFY(profiles.add(u"night"_s));
    QVERIFY(profiles.add(u"keyless"_s));
    m_settings->setApiUrl(m_demo->url());
    Settings(*m_store, u"night"_s).setApiUrl(night.url());
    Settings(*m_store, u"keyless"_s).setApiUrl(night.url());
    QVERIFY(writeKey(Settings::defaultProfile(), m_demo->apiKey()));
    QVERIFY(writeKey(u"night"_s, night.apiKey()));
    newWindow();
    startWithStoredKey();

    ApiClient issuer;
    issuer.setApiUrl(night.url());
    issuer.setApiKey(night.apiKey());
    const TestSupport::Outcome issued = TestSupport::waitFor(issuer.requestToken(30), TimeoutMs);
    QVERIFY(issued.token);

    const auto previewAs = [this, &issued](const QString& profile) -> PreviewDialog* {
        for (PreviewDialog* open : m_window->findChildren<PreviewDialog*>())
            delete open;
        Q_EMIT panel()->actionReady(HistoryPanel::Action::Preview, *issued.token, u"wall"_s, profile);
        PreviewDialog* dialog = nullptr;
        if (!QTest::qWaitFor([&] { return (dialog = m_window->findChild<PreviewDialog*>()) != nullptr; }, TimeoutMs))
            return nullptr;
        return QTest::qWaitFor([dialog] { return !dialog->isLoading(); }, TimeoutMs) ? dialog : nullptr;
    };

    PreviewDialog* dialog = previewAs(u"night"_s);
    QVERIFY(dialog);
    QVERIFY2(!dialog->findChild<QWidget*>(u"errorRow"_s)->isVisible(),
             qPrintable(dialog->findChild<QLabel*>(u"errorLabel"_s)->text()));
    QCOMPARE(dialog->findChild<QTableView*>(u"faultTable"_s)->model()->rowCount(), 7);

    dialog = previewAs(u"keyless"_s);
    QVERIFY(dialog);
    auto* error = dialog->findChild<QLabel*>(u"errorLabel"_s);
    QVERIFY(error && error->isVisible());
    QVERIFY2(error->text().contains(u"wants an API key or token"_s), qPrintable(error->text()));
    delete dialog;

    // A link whose API no profile uses any more goes nowhere: the window says so.
    DemoServer gone(DemoServer::generateApiKey());
    QVERIFY(gone.listen(QHostAddress::LocalHost, 0));
    ApiClient goneIssuer;
    goneIssuer.setApiUrl(gone.url());
    goneIssuer.setApiKey(gone.apiKey());
    const TestSupport::Outcome orphan = TestSupport::waitFor(goneIssuer.requestToken(30), TimeoutMs);
    QVERIFY(orphan.token);
    Q_EMIT panel()->actionReady(HistoryPanel::Action::Preview, *orphan.token, u"old"_s, u"night"_s);
    QVERIFY(m_window->findChild<PreviewDialog*>() == nullptr);
    const QString said = m_window->statusBar()->currentMessage();
    QVERIFY2(said.contains(u"No profile uses 127.0.0.1:"_s + QString::number(gone.url().port())), qPrintable(said));
}

// A history file set aside is said in the status bar, where it times out, and above the
// rows, where it stays until the operator has read it.
void TestHistoryGui::damagedFile_isSaidAboveTheRows_untilDismissed()
{
    const QString path = HistoryFile::defaultPath();
    QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
    QFile damaged(path);
    QVERIFY(damaged.open(QIODevice::WriteOnly));
    damaged.write("{\"format\":\"faultshare-history\",\"public_key\":\"AAAA\",\"version\":1}\n{\"id\":\"cut sh");
    damaged.close();

    m_settings->setApiUrl(m_demo->url());
    QVERIFY(writeKey(m_settings->profile(), m_demo->apiKey()));
    startWithStoredKey();
    auto* notice = m_window->findChild<QLabel*>(u"historyNotice"_s);
    QVERIFY(notice);
    QTRY_VERIFY_WITH_TIMEOUT(notice->isVisible(), TimeoutMs);
    QVERIFY2(notice->text().startsWith(u"The history file was damaged ("_s), qPrintable(notice->text()));
    QCOMPARE(rows()->rowCount(), 0);
    // The status bar's message goes; the notice stays.
    m_window->statusBar()->clearMessage();
    QVERIFY(notice->isVisible());

    // The history works on: a new link is a row.
    QVERIFY(!generate(u"after"_s).isEmpty());
    QCOMPARE(rows()->rowCount(), 1);
    auto* dismiss = m_window->findChild<QPushButton*>(u"historyNoticeDismiss"_s);
    QVERIFY(dismiss);
    dismiss->click();
    QVERIFY(!notice->isVisible());
    QVERIFY(panel()->notice().isEmpty());
}

QTEST_MAIN(TestHistoryGui)
#include "tst_history_gui.moc"
