// The fault matrix as an operator meets it: the real window, ApiClient and network stack,
// a good result from the demo API first, then a scripted loopback peer that misbehaves.
// The window must say one sentence, keep the form and the last good result, and keep
// running its event loop while the fault lasts.

#include "WindowTest.h"
#include "ApiClient.h"
#include "CredentialStore.h"
#include "DemoServer.h"
#include "FaultMatrix.h"
#include "MainWindow.h"
#include "QrDecode.h"
#include "QrView.h"
#include "ScriptedServer.h"
#include "Settings.h"

#include <QComboBox>
#include <QJsonObject>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUuid>

#include <memory>

using namespace faultshare;

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using FaultMatrix::Row;
using Kind = ApiError::Kind;

namespace {

constexpr int NetworkTimeoutMs = 10000;
// Long enough that a window waiting on the network would visibly stop ticking.
constexpr auto SlowFaultTimeout = 2000ms;
// Far above a 50 ms tick on a loaded machine, far below SlowFaultTimeout.
constexpr qint64 MaxTickGapMs = 1000;

} // namespace

class tst_FaultsGui final : public WindowTest
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void fault_keepsFormResultAndResponsiveness_data();
    void fault_keepsFormResultAndResponsiveness();
    void answerWithoutUsableLink_keepsAndShowsTheToken();
    void linkTooLongForTheQrCode_saysSoWhereTheCodeWouldBe();

private:

};

void tst_FaultsGui::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void tst_FaultsGui::init()
{
    QVERIFY(setUpWindow());
}

void tst_FaultsGui::cleanup()
{
    tearDownWindow();
}

void tst_FaultsGui::fault_keepsFormResultAndResponsiveness_data()
{
    QTest::addColumn<Row>("row");
    const QList<Row> rows = FaultMatrix::rows({
        "connection refused",
        "reset mid-body after 200",
        "closed mid-body, Content-Length larger",
        "headers slower than the timeout",
        "body drips forever",
        "5 MiB body, no Content-Length",
        "truncated JSON",
        "200 JSON array",
        "expires_at past",
        "token missing",
        "HTML 502 from a proxy",
        "401, JSON body",
        "403, empty body",
        "404, HTML body",
        "422 message with markup",
        "429, HTML body",
        "429 Retry-After seconds, JSON body",
        "429 Retry-After HTTP-date, empty body",
        "500, HTML body",
        "503 Retry-After seconds, HTML body",
    });
    QCOMPARE(rows.size(), 20);
    for (const Row& row : rows)
        QTest::newRow(row.name.constData()) << row;
}

void tst_FaultsGui::fault_keepsFormResultAndResponsiveness()
{
    QFETCH(Row, row);
    const bool slow = row.kind == Kind::Timeout;
    // Slow rows wait for the deadline: make it long enough to see the window keep ticking.
    m_api->setTimeout(slow ? std::chrono::milliseconds(SlowFaultTimeout) : row.timeout);

    // A last good result, from the demo API.
    m_window->useDemo(m_demo->url(), m_demo->apiKey());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    auto* generate = child<QPushButton>("generateButton");
    auto* busyBar = child<QProgressBar>("busyBar");
    auto* errorLabel = child<QLabel>("errorLabel");
    auto* shortLinkLabel = child<QLabel>("shortLinkLabel");
    auto* resultPanel = child<QWidget>("resultPanel");
    auto* labelEdit = child<QLineEdit>("labelEdit");
    auto* preset = child<QComboBox>("expiryPresetCombo");
    QVERIFY(generate && busyBar && errorLabel && shortLinkLabel && resultPanel && labelEdit && preset);
    generate->click();
    QTRY_VERIFY_WITH_TIMEOUT(resultPanel->isVisible() && !busyBar->isVisible(), NetworkTimeoutMs);
    QVERIFY2(!errorLabel->isVisible(), qPrintable(errorLabel->text()));
    const QString goodLink = shortLinkLabel->text();
    QVERIFY(!goodLink.isEmpty());
    QCOMPARE(decodedQr(), goodLink);

    // Then the fault.
    ScriptedServer server;
    QVERIFY(server.listen());
    server.setFault(row.fault);
    QUrl faultUrl = server.url();
    if (!row.listen) {
        ScriptedServer probe;
        QVERIFY(probe.listen());
        faultUrl = probe.url(); // closed again at the end of this scope
    }
    m_window->useDemo(faultUrl, u"faultTok:team42:s3cretValue"_s);
    labelEdit->setText(u"NOC wall 2"_s);
    preset->setCurrentIndex(preset->findData(8 * 60));
    QVERIFY(generate->isEnabled());

    // A test clock of its own: it keeps firing only while the window's event loop runs.
    int ticks = 0;
    qint64 maxGapMs = 0;
    QElapsedTimer sinceTick;
    QTimer ticker;
    ticker.setInterval(50);
    connect(&ticker, &QTimer::timeout, this, [&] {
        ++ticks;
        maxGapMs = std::max(maxGapMs, sinceTick.restart());
    });
    std::optional<ApiError> seen;
    sinceTick.start();
    ticker.start();
    generate->click();
    // generate() returned at once: the request runs on, nothing waited inside the click.
    QVERIFY(busyBar->isVisible());
    QVERIFY(!errorLabel->isVisible());
    QVERIFY(!generate->isEnabled());
    TokenRequest* request = nullptr;
    for (TokenRequest* candidate : m_api->findChildren<TokenRequest*>()) {
        if (!candidate->isFinished())
            request = candidate;
    }
    QVERIFY(request);
    connect(request, &TokenRequest::failed, this, [&seen](const ApiError& error) { seen = error; });

    QTRY_VERIFY_WITH_TIMEOUT(errorLabel->isVisible(), NetworkTimeoutMs);
    ticker.stop();
    maxGapMs = std::max(maxGapMs, sinceTick.elapsed());
    QVERIFY(!busyBar->isVisible());
    QVERIFY(seen);
    QCOMPARE(seen->kind(), row.kind);

    // The window stayed live throughout.
    QVERIFY2(maxGapMs < MaxTickGapMs, qPrintable(u"the event loop stalled for %1 ms"_s.arg(maxGapMs)));
    if (slow)
        QVERIFY2(ticks >= 10, qPrintable(u"only %1 ticks while waiting"_s.arg(ticks)));

    // One sentence, the same the command line prints (a long wait adds until when, inside it).
    const QString shown = errorLabel->text();
    const QString why = FaultMatrix::whyNotOneSentence(shown);
    QVERIFY2(why.isEmpty(), qPrintable(why + u": "_s + shown));
    const QString message = seen->userMessage();
    if (row.kind == Kind::RateLimited && seen->retryAfter() && *seen->retryAfter() >= 60s)
        QVERIFY2(shown.startsWith(message.chopped(1)) && shown.contains(u"(at "_s), qPrintable(shown));
    else
        QCOMPARE(shown, message);
    QVERIFY(!shown.contains(u"s3cretValue"_s));

    // The form and the last good result are as they were.
    QCOMPARE(labelEdit->text(), u"NOC wall 2"_s);
    QVERIFY(labelEdit->isEnabled());
    QCOMPARE(preset->currentData().toInt(), 8 * 60);
    QVERIFY(resultPanel->isVisible());
    QCOMPARE(shortLinkLabel->text(), goodLink);
    QCOMPARE(decodedQr(), goodLink);

    // Generate is back, except while a 429's Retry-After runs.
    const bool waitForRetryAfter = row.kind == Kind::RateLimited && seen->retryAfter();
    QCOMPARE(generate->isEnabled(), !waitForRetryAfter);
}

// The API made a token but sent no usable link: the token is kept and shown, and the
// place of the QR code says there is no link to share.
void tst_FaultsGui::answerWithoutUsableLink_keepsAndShowsTheToken()
{
    QJsonObject answer = FaultMatrix::validAnswer();
    answer.remove(u"short_link"_s);
    ScriptedServer server;
    QVERIFY(server.listen());
    server.setResponse(ScriptedServer::response(200, FaultMatrix::json(answer)));
    m_window->useDemo(server.url(), u"faultTok:team42:s3cretValue"_s);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    auto* resultPanel = child<QWidget>("resultPanel");
    auto* errorLabel = child<QLabel>("errorLabel");
    child<QPushButton>("generateButton")->click();
    QTRY_VERIFY_WITH_TIMEOUT(resultPanel->isVisible(), NetworkTimeoutMs);
    QVERIFY2(!errorLabel->isVisible(), qPrintable(errorLabel->text()));
    auto* qrView = child<QrView>("qrView");
    QVERIFY2(qrView->placeholderText().contains(u"no link to share (short_link is missing)"_s), qPrintable(qrView->placeholderText()));
    QVERIFY(decodedQr().isEmpty());
    QVERIFY(!child<QLabel>("shortLinkLabel")->isVisible());
    QVERIFY(!child<QPushButton>("copyLinkButton")->isEnabled());
    QVERIFY(!child<QPushButton>("openLinkButton")->isEnabled());
    QCOMPARE(child<QLineEdit>("tokenEdit")->text(), answer.value(u"token"_s).toString());
    QVERIFY(child<QPushButton>("copyTokenButton")->isEnabled());
    QVERIFY(!child<QLabel>("countdownLabel")->text().isEmpty());
}

// A link the API may send (up to 2048 bytes) can still be too long for a QR code at a high
// error-correction level: the window says so, and a lower level brings the code back.
void tst_FaultsGui::linkTooLongForTheQrCode_saysSoWhereTheCodeWouldBe()
{
    QJsonObject answer = FaultMatrix::validAnswer();
    const QString link = u"https://altostr.at/"_s + QString(1980, u'a');
    answer.insert(u"short_link"_s, link);
    ScriptedServer server;
    QVERIFY(server.listen());
    server.setResponse(ScriptedServer::response(200, FaultMatrix::json(answer)));
    m_window->useDemo(server.url(), u"faultTok:team42:s3cretValue"_s);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    auto* combo = child<QComboBox>("errorCorrectionCombo");
    combo->setCurrentIndex(combo->findData(int(QrCode::ErrorCorrection::High)));
    child<QPushButton>("generateButton")->click();
    QTRY_VERIFY_WITH_TIMEOUT(child<QWidget>("resultPanel")->isVisible(), NetworkTimeoutMs);
    auto* qrView = child<QrView>("qrView");
    QVERIFY2(qrView->placeholderText().contains(u"too long for a QR code (1999 bytes)"_s), qPrintable(qrView->placeholderText()));
    QVERIFY(decodedQr().isEmpty());
    // The link itself is there to copy.
    QCOMPARE(child<QLabel>("shortLinkLabel")->text(), link);
    QVERIFY(child<QPushButton>("copyLinkButton")->isEnabled());

    combo->setCurrentIndex(combo->findData(int(QrCode::ErrorCorrection::Low)));
    QCOMPARE(decodedQr(), link);
}

QTEST_MAIN(tst_FaultsGui)
#include "tst_faults_gui.moc"
