#pragma once

#include "ApiError.h"
#include "Fault.h"

#include <QDialog>
#include <QList>
#include <QPointer>
#include <QString>
#include <memory>

class QLabel;
class QModelIndex;
namespace Ui {
class PreviewDialog;
}

namespace faultshare {

class ApiClient;
class FaultModel;
class FaultsRequest;


// What a shared link shows right now: GET /fault/token/{token}, as a count per severity
// and a table of the faults. Non-modal; loads on construction, with Cancel while busy and
// Retry after an error (the last good rows stay). The title names the link by its label,
// never by its token or address. The caller usually sets Qt::WA_DeleteOnClose.
class PreviewDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PreviewDialog)

public:
    PreviewDialog(ApiClient& api, const QString& token, const QString& label, QWidget* parent = nullptr);
    ~PreviewDialog() override;

    bool isLoading() const { return !m_request.isNull(); }

public Q_SLOTS:
    // Loads the faults again; no-op while a load is under way.
    void retry();

Q_SIGNALS:
    // The table shows a fresh list (for tests and the caller's status bar).
    void loaded(int count);
    // Loading failed; the error text is shown in the dialog.
    void loadFailed(const ApiError& error);

protected:
    void changeEvent(QEvent* event) override;

private:
    void cancelLoading();
    void onFaults(const QList<Fault>& faults, int unreadable);
    void showDetails(const QModelIndex& index);
    void onFailed(const ApiError& error);
    void setBusy(bool busy);
    void showError(const QString& text);
    void updateSummary();
    void applyColours();
    QLabel* chipOf(Fault::Severity severity) const;
    QLabel* countOf(Fault::Severity severity) const;

    const std::unique_ptr<Ui::PreviewDialog> m_ui;
    ApiClient& m_api;
    const QString m_token;
    FaultModel* m_model;
    QPointer<FaultsRequest> m_request;
    bool m_hasResult = false;
};

} // namespace faultshare
