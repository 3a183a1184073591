// The preview dialog as an operator meets it: the real dialog, ApiClient and network
// stack against the demo API on loopback (and a raw loopback peer for what the demo
// cannot do: never answer, or answer with a very long list).

#include "ApiClient.h"
#include "DemoServer.h"
#include "FaultModel.h"
#include "PreviewDialog.h"
#include "RequestOutcome.h"
#include "ScriptedServer.h"

#include <QAbstractButton>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace faultshare;

using Kind = ApiError::Kind;

namespace {

constexpr int NetworkTimeoutMs = 10000;

template<typename T>
T* child(const QWidget& parent, const char* name)
{
    return parent.findChild<T*>(QLatin1StringView(name));
}

} // namespace

class tst_PreviewDialog final : public QObject
{
    Q_OBJECT

private:
    const QString m_key = DemoServer::generateApiKey();
    std::unique_ptr<DemoServer> m_demo;
    std::unique_ptr<ApiClient> m_api;
    QString m_token;

    QString mint()
    {
        ApiClient client;
        client.setApiUrl(m_demo->url());
        client.setApiKey(m_key);
        const auto outcome = TestSupport::waitFor(client.requestToken(60));
        return outcome.token ? outcome.token->token() : QString();
    }

private Q_SLOTS:
    void init()
    {
        m_demo = std::make_unique<DemoServer>(m_key);
        QVERIFY(m_demo->listen());
        m_token = mint();
        QVERIFY(!m_token.isEmpty());
        m_api = std::make_unique<ApiClient>();
        m_api->setApiUrl(m_demo->url());
        m_api->setApiKey(m_key);
    }

    void cleanup()
    {
        m_api.reset();
        m_demo.reset();
    }

    void demo_showsRowsAndSummary()
    {
        PreviewDialog dialog(*m_api, m_token, QStringLiteral("NOC wall 2"));
        QSignalSpy loaded(&dialog, &PreviewDialog::loaded);
        dialog.show();
        QVERIFY(!dialog.isModal());
        QVERIFY(dialog.isLoading());
        QVERIFY(child<QWidget>(dialog, "busyRow")->isVisible());
        QVERIFY(child<QPushButton>(dialog, "cancelButton")->isEnabled());
        QVERIFY(loaded.wait(NetworkTimeoutMs));
        QCOMPARE(loaded.first().first().toInt(), 7);

        QVERIFY(!child<QWidget>(dialog, "busyRow")->isVisible());
        QVERIFY(!child<QWidget>(dialog, "errorRow")->isVisible());
        QVERIFY(!child<QLabel>(dialog, "unreadableLabel")->isVisible());
        auto* table = child<QTableView>(dialog, "faultTable");
        QVERIFY(table && table->isVisible() && table->isEnabled());
        QAbstractItemModel* model = table->model();
        QCOMPARE(model->rowCount(), 7);
        QCOMPARE(model->columnCount(), int(FaultModel::ColumnCount));
        // Unresolved first, then Critical, High, Medium, Warning, Low; then the resolved ones.
        const auto cell = [model](int row, int column) { return model->index(row, column).data().toString(); };
        QStringList severities;
        for (int row = 0; row < model->rowCount(); ++row)
            severities << cell(row, FaultModel::SeverityColumn) + u'/' + cell(row, FaultModel::StatusColumn);
        QCOMPARE(severities, QStringList({QStringLiteral("Critical/Unresolved"), QStringLiteral("High/Unresolved"),
                                          QStringLiteral("Medium/Unresolved"), QStringLiteral("Warning/Unresolved"),
                                          QStringLiteral("High/Resolved"), QStringLiteral("Medium/Resolved"),
                                          QStringLiteral("Low/Resolved")}));
        QCOMPARE(cell(1, FaultModel::MessageColumn), QStringLiteral("WAN tunnel down; traffic failed over to the LTE backup"));
        QCOMPARE(cell(0, FaultModel::ResolvedColumn), QStringLiteral("Active"));
        // Where: the site and the device of the ancestry path.
        QVERIFY2(cell(0, FaultModel::WhereColumn).startsWith(QStringLiteral("site_"))
                     && cell(0, FaultModel::WhereColumn).endsWith(QStringLiteral("dev_5m8n1p4q7r2s9t3u6")),
                 qPrintable(cell(0, FaultModel::WhereColumn)));
        QCOMPARE(cell(0, FaultModel::CauseColumn), QStringLiteral("Upstream carrier outage on the primary and backup circuits"));
        QCOMPARE(cell(0, FaultModel::CommentsColumn), QStringLiteral("2"));
        QVERIFY(model->index(0, FaultModel::MessageColumn).data(Qt::ToolTipRole).toString().contains(QStringLiteral("Upstream carrier outage")));
        QVERIFY(model->index(0, FaultModel::SeverityColumn).data(Qt::DecorationRole).value<QColor>().isValid());

        // The details of the selected fault, comments included, oldest first.
        auto* details = child<QPlainTextEdit>(dialog, "detailsView");
        QVERIFY(details->isVisible());
        QVERIFY(details->toPlainText().isEmpty());
        table->selectRow(0);
        const QString text = details->toPlainText();
        QVERIFY2(text.contains(QStringLiteral("Both carriers confirm an outage")) && text.contains(QStringLiteral("Carrier ETA 2 hours")),
                 qPrintable(text));
        QVERIFY(text.indexOf(QStringLiteral("Both carriers")) < text.indexOf(QStringLiteral("Carrier ETA")));
        QVERIFY(text.contains(QStringLiteral("Cause: Upstream carrier outage")));

        QCOMPARE(child<QLabel>(dialog, "criticalCount")->text(), QStringLiteral("Critical: 1"));
        QCOMPARE(child<QLabel>(dialog, "highCount")->text(), QStringLiteral("High: 2"));
        QCOMPARE(child<QLabel>(dialog, "mediumCount")->text(), QStringLiteral("Medium: 2"));
        QCOMPARE(child<QLabel>(dialog, "warningCount")->text(), QStringLiteral("Warning: 1"));
        QCOMPARE(child<QLabel>(dialog, "lowCount")->text(), QStringLiteral("Low: 1"));
        QVERIFY(!child<QLabel>(dialog, "unknownCount")->isVisible());
        QVERIFY(!child<QLabel>(dialog, "criticalChip")->pixmap().isNull());
        QVERIFY(!child<QLabel>(dialog, "warningChip")->pixmap().isNull());
        const QString total = child<QLabel>(dialog, "totalLabel")->text();
        QVERIFY2(total.contains(QStringLiteral("7")) && total.contains(QStringLiteral("4 active"))
                     && total.contains(QStringLiteral("3 resolved")),
                 qPrintable(total));

        QCOMPARE(dialog.windowTitle(), QStringLiteral("Preview — NOC wall 2"));
    }

    void nothingSecretInTitle_data()
    {
        QTest::addColumn<QString>("label");
        QTest::addColumn<bool>("isToken");
        QTest::newRow("no label") << QString() << false;
        QTest::newRow("label is the token") << QString() << true;
        QTest::newRow("label with controls") << QStringLiteral("wall\n2\u202e") << false;
    }

    void nothingSecretInTitle()
    {
        QFETCH(QString, label);
        QFETCH(bool, isToken);
        if (isToken)
            label = QStringLiteral("copy of ") + m_token;
        PreviewDialog dialog(*m_api, m_token, label);
        const QString title = dialog.windowTitle();
        QVERIFY2(title.startsWith(QStringLiteral("Preview — ")), qPrintable(title));
        QVERIFY(!title.contains(m_token));
        QVERIFY(!title.contains(QStringLiteral("eyJ")));
        QVERIFY(!title.contains(m_demo->url().toString()));
        for (const QChar c : title)
            QVERIFY(c.category() != QChar::Other_Control && c.category() != QChar::Other_Format);
    }

    void deadLink_showsInlineError_thenRetry()
    {
        PreviewDialog dialog(*m_api, m_token + QStringLiteral("x"), QStringLiteral("wall"));
        QSignalSpy failed(&dialog, &PreviewDialog::loadFailed);
        dialog.show();
        QVERIFY(failed.wait(NetworkTimeoutMs));
        QCOMPARE(failed.first().first().value<ApiError>().kind(), Kind::LinkInvalid);
        auto* error = child<QLabel>(dialog, "errorLabel");
        QVERIFY(error->isVisible());
        QVERIFY2(error->text().contains(QStringLiteral("does not know this link")), qPrintable(error->text()));
        QVERIFY(!error->text().contains(m_token));
        auto* retry = child<QPushButton>(dialog, "retryButton");
        QVERIFY(retry->isVisible() && retry->isEnabled());
        QVERIFY(dialog.isVisible());
        QVERIFY(!child<QTableView>(dialog, "faultTable")->isEnabled());
        // Retry asks again, and fails again the same way.
        QTest::mouseClick(retry, Qt::LeftButton);
        QVERIFY(dialog.isLoading());
        QVERIFY(!child<QWidget>(dialog, "errorRow")->isVisible());
        QVERIFY(failed.wait(NetworkTimeoutMs));
        QCOMPARE(failed.size(), 2);
        QVERIFY(error->isVisible());
    }

    void serverGone_keepsLastRows_andRetrySucceedsWhenBack()
    {
        PreviewDialog dialog(*m_api, m_token, QStringLiteral("wall"));
        QSignalSpy loaded(&dialog, &PreviewDialog::loaded);
        QSignalSpy failed(&dialog, &PreviewDialog::loadFailed);
        dialog.show();
        QVERIFY(loaded.wait(NetworkTimeoutMs));

        // The API goes away: connection refused.
        m_demo.reset();
        dialog.retry();
        QVERIFY(failed.wait(NetworkTimeoutMs));
        QCOMPARE(failed.first().first().value<ApiError>().kind(), Kind::Network);
        QVERIFY(child<QLabel>(dialog, "errorLabel")->isVisible());
        auto* table = child<QTableView>(dialog, "faultTable");
        QCOMPARE(table->model()->rowCount(), 7);
        QVERIFY(table->isEnabled());

        // Another API answers the retry.
        ScriptedServer server;
        QVERIFY(server.listen());
        m_api->setApiUrl(server.url());
        server.setResponse(ScriptedServer::response(
            200, R"([{"id":"a","severity":"LOW","message":"only one","created_at":"2025-10-21T12:00:00Z","resolved_at":null}])"));
        QTest::mouseClick(child<QPushButton>(dialog, "retryButton"), Qt::LeftButton);
        QVERIFY(loaded.wait(NetworkTimeoutMs));
        QCOMPARE(table->model()->rowCount(), 1);
        QVERIFY(!child<QWidget>(dialog, "errorRow")->isVisible());
        QCOMPARE(child<QLabel>(dialog, "criticalCount")->text(), QStringLiteral("Critical: 0"));
    }

    void cancel_showsCancelled_andRetryIsOffered()
    {
        ScriptedServer server;
        server.setSilent(true);
        QVERIFY(server.listen());
        m_api->setApiUrl(server.url());
        PreviewDialog dialog(*m_api, m_token, QStringLiteral("wall"));
        QSignalSpy failed(&dialog, &PreviewDialog::loadFailed);
        QSignalSpy received(&server, &ScriptedServer::requestReceived);
        dialog.show();
        QVERIFY(received.wait(NetworkTimeoutMs));
        QTest::mouseClick(child<QPushButton>(dialog, "cancelButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, NetworkTimeoutMs);
        QCOMPARE(failed.first().first().value<ApiError>().kind(), Kind::Cancelled);
        QVERIFY(child<QLabel>(dialog, "errorLabel")->text().contains(QStringLiteral("cancelled")));
        QVERIFY(child<QPushButton>(dialog, "retryButton")->isEnabled());
        QVERIFY(!dialog.isLoading());
    }

    void destroyedWhileLoading_noCrash()
    {
        ScriptedServer server;
        server.setSilent(true);
        QVERIFY(server.listen());
        m_api->setApiUrl(server.url());
        QSignalSpy received(&server, &ScriptedServer::requestReceived);
        auto dialog = std::make_unique<PreviewDialog>(*m_api, m_token, QStringLiteral("wall"));
        dialog->show();
        QVERIFY(received.wait(NetworkTimeoutMs));
        const QPointer<FaultsRequest> pending = m_api->findChild<FaultsRequest*>();
        QVERIFY(pending);
        dialog.reset();
        // The cancelled request answers once, to nobody, then deletes itself: gone, it
        // has said all it will, and nothing crashed.
        QTRY_VERIFY_WITH_TIMEOUT(pending.isNull(), NetworkTimeoutMs);
        QVERIFY(m_api->findChildren<FaultsRequest*>().isEmpty());
    }

    void escape_closes()
    {
        PreviewDialog dialog(*m_api, m_token, QStringLiteral("wall"));
        QSignalSpy loaded(&dialog, &PreviewDialog::loaded);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(loaded.wait(NetworkTimeoutMs));
        child<QTableView>(dialog, "faultTable")->setFocus();
        QTest::keyClick(child<QTableView>(dialog, "faultTable"), Qt::Key_Escape);
        QVERIFY(!dialog.isVisible());
    }

    void controls_haveNamesAndAreKeyboardReachable()
    {
        PreviewDialog dialog(*m_api, m_token, QStringLiteral("wall"));
        for (const char* name : {"faultTable", "retryButton", "cancelButton", "closeButton"}) {
            auto* widget = child<QWidget>(dialog, name);
            QVERIFY2(widget, name);
            QVERIFY2(widget->focusPolicy() & Qt::TabFocus, name);
            QVERIFY2(!widget->accessibleName().isEmpty() || !qobject_cast<QAbstractButton*>(widget)->text().isEmpty(), name);
        }
        for (const char* name : {"criticalCount", "highCount", "mediumCount", "lowCount", "totalLabel", "errorLabel"})
            QVERIFY2(!child<QWidget>(dialog, name)->accessibleName().isEmpty(), name);
    }

    void longList_isShownWhole()
    {
        QByteArray body = "[";
        for (int i = 0; i < 12000; ++i) {
            if (i)
                body += ',';
            body += "{\"id\":\"f" + QByteArray::number(i) + "\",\"severity\":\"" + (i % 3 ? "LOW" : "CRITICAL")
                + "\",\"message\":\"m\",\"created_at\":\"2025-10-21T12:00:00Z\",\"resolved_at\":null}";
        }
        body += ']';
        ScriptedServer server;
        QVERIFY(server.listen());
        server.setResponse(ScriptedServer::response(200, body));
        m_api->setApiUrl(server.url());
        PreviewDialog dialog(*m_api, m_token, QStringLiteral("wall"));
        QSignalSpy loaded(&dialog, &PreviewDialog::loaded);
        dialog.show();
        QVERIFY(loaded.wait(30000));
        QCOMPARE(child<QTableView>(dialog, "faultTable")->model()->rowCount(), 12000);
        QCOMPARE(child<QLabel>(dialog, "criticalCount")->text(), QStringLiteral("Critical: 4000"));
        QCOMPARE(child<QLabel>(dialog, "lowCount")->text(), QStringLiteral("Low: 8000"));
    }
};

QTEST_MAIN(tst_PreviewDialog)
#include "tst_previewdialog.moc"
