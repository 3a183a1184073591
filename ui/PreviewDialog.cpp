#include "PreviewDialog.h"
#include "ui_PreviewDialog.h"

#include "ApiClient.h"
#include "FaultModel.h"
#include "Logging.h"
#include "Presentation.h"

#include <QEvent>
#include <QDateTime>
#include <QFontMetrics>
#include <QHeaderView>
#include <QLocale>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>

namespace faultshare {

namespace {

constexpr Fault::Severity ShownSeverities[] = {Fault::Severity::Critical, Fault::Severity::High,
                                               Fault::Severity::Medium, Fault::Severity::Warning,
                                               Fault::Severity::Low, Fault::Severity::Unknown};

// A label typed by the operator, as one short line for a title bar.
QString titleLabel(const QString& label, const QString& token)
{
    // Controls and bidi overrides out; other format characters (emoji joiners) stay.
    const auto isBidi = [](char16_t c) {
        return (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0x200e || c == 0x200f
            || c == 0x061c;
    };
    QString text;
    for (const QChar c : label)
        text += (c.category() == QChar::Other_Control || isBidi(c.unicode())) ? QLatin1Char(' ') : c;
    text = text.simplified();
    // A label pasted from the token itself must not put it in the title.
    if (!token.isEmpty() && (text.contains(token) || (text.size() >= 16 && token.contains(text))))
        return {};
    constexpr int MaxLength = 80;
    if (text.size() > MaxLength) {
        const qsizetype cut = text.at(MaxLength - 2).isHighSurrogate() ? MaxLength - 2 : MaxLength - 1;
        text = text.left(cut) + QChar(0x2026);
    }
    return text;
}

} // namespace

PreviewDialog::PreviewDialog(ApiClient& api, const QString& token, const QString& label, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::PreviewDialog>()) // value-initialized: no widget until setupUi
    , m_api(api)
    , m_token(token)
    , m_model(new FaultModel(this))
{
    m_ui->setupUi(this);
    setModal(false);
    const QString name = titleLabel(label, token);
    setWindowTitle(name.isEmpty() ? tr("Preview — unnamed link") : tr("Preview — %1").arg(name));

    QTableView* table = m_ui->faultTable;
    table->setModel(m_model);
    // Fixed row heights and no content-sized columns: a view over tens of thousands of
    // rows then measures only what it paints.
    table->verticalHeader()->hide();
    table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    QHeaderView* header = table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(true);
    // Columns as wide as their longest usual text (measured once, not per row: a view
    // over tens of thousands of rows measures only what it paints); the message takes the rest.
    const QFontMetrics metrics = fontMetrics();
    const int padding = 2 * metrics.horizontalAdvance(QLatin1Char('M'));
    const auto widthOf = [&metrics, padding, this](int column, const QStringList& samples) {
        int width = metrics.horizontalAdvance(m_model->headerData(column, Qt::Horizontal).toString()) + padding;
        for (const QString& sample : samples)
            width = std::max(width, metrics.horizontalAdvance(sample) + padding);
        return width;
    };
    const QString sampleTime = QLocale().toString(QDateTime(QDate(2025, 12, 28), QTime(23, 59)), QLocale::ShortFormat);
    const int em = metrics.horizontalAdvance(QLatin1Char('M'));
    header->resizeSection(FaultModel::SeverityColumn,
                          widthOf(FaultModel::SeverityColumn, {Fault::severityName(Fault::Severity::Critical),
                                                               Fault::severityName(Fault::Severity::Warning)})
                              + metrics.height());
    header->resizeSection(FaultModel::StatusColumn, widthOf(FaultModel::StatusColumn, {FaultModel::tr("Unresolved")}));
    header->resizeSection(FaultModel::MessageColumn, 28 * em);
    header->resizeSection(FaultModel::WhereColumn, 18 * em);
    header->resizeSection(FaultModel::CauseColumn, 20 * em);
    header->resizeSection(FaultModel::TypeColumn, 10 * em);
    header->resizeSection(FaultModel::CreatedColumn, widthOf(FaultModel::CreatedColumn, {sampleTime}));
    header->resizeSection(FaultModel::ResolvedColumn, widthOf(FaultModel::ResolvedColumn, {sampleTime}));
    header->resizeSection(FaultModel::CommentsColumn, widthOf(FaultModel::CommentsColumn, {}));
    header->setMinimumSectionSize(3 * em);
    header->setSortIndicator(FaultModel::SeverityColumn, Qt::DescendingOrder);
    table->setSortingEnabled(true);
    m_ui->splitter->setStretchFactor(0, 3);
    m_ui->splitter->setStretchFactor(1, 1);
    connect(table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &PreviewDialog::showDetails);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] { showDetails({}); });

    m_ui->buttonBox->button(QDialogButtonBox::Close)->setObjectName(QStringLiteral("closeButton"));
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ui->cancelButton, &QPushButton::clicked, this, &PreviewDialog::cancelLoading);
    connect(m_ui->retryButton, &QPushButton::clicked, this, &PreviewDialog::retry);

    applyColours();
    m_ui->errorRow->hide();
    m_ui->summaryRow->hide();
    m_ui->unreadableLabel->hide();
    retry();
}

PreviewDialog::~PreviewDialog()
{
    // Aborting answers at once: no slot of a dialog being destroyed may run.
    if (m_request) {
        m_request->disconnect(this);
        m_request->cancel();
    }
}

void PreviewDialog::retry()
{
    if (m_request)
        return;
    m_request = m_api.requestFaults(m_token);
    connect(m_request, &FaultsRequest::finished, this, &PreviewDialog::onFaults);
    connect(m_request, &FaultsRequest::failed, this, &PreviewDialog::onFailed);
    setBusy(true);
}

void PreviewDialog::cancelLoading()
{
    if (m_request)
        m_request->cancel();
}

void PreviewDialog::showDetails(const QModelIndex& index)
{
    m_ui->detailsView->setPlainText(index.isValid() ? FaultModel::details(m_model->faultAt(index.row())) : QString());
}

void PreviewDialog::onFaults(const QList<Fault>& faults, int unreadable)
{
    m_request.clear();
    m_hasResult = true;
    m_model->setFaults(faults);
    // Faults the API sent in a form that cannot be read are left out, never hidden.
    m_ui->unreadableLabel->setText(unreadable > 0 ? Fault::unreadableText(unreadable) + QLatin1Char('.') : QString());
    m_ui->unreadableLabel->setVisible(unreadable > 0);
    m_ui->errorRow->hide();
    setBusy(false);
    updateSummary();
    qCInfo(lcUi) << "preview shows" << faults.size() << "faults";
    Q_EMIT loaded(int(faults.size()));
}

void PreviewDialog::onFailed(const ApiError& error)
{
    m_request.clear();
    setBusy(false);
    qCInfo(lcUi) << "preview failed, kind" << int(error.kind()) << "status" << error.httpStatus();
    showError(error.kind() == ApiError::Kind::Cancelled
                  ? tr("Loading was cancelled; press Retry to try again.")
                  : error.userMessage());
    Q_EMIT loadFailed(error);
}

void PreviewDialog::setBusy(bool busy)
{
    m_ui->busyRow->setVisible(busy);
    m_ui->cancelButton->setEnabled(busy);
    m_ui->retryButton->setEnabled(!busy);
    if (busy)
        m_ui->errorRow->hide();
    m_ui->faultTable->setEnabled(m_hasResult);
}

void PreviewDialog::showError(const QString& text)
{
    m_ui->errorLabel->setText(text);
    m_ui->errorRow->show();
}

void PreviewDialog::updateSummary()
{
    const QMap<Fault::Severity, int> counts = m_model->countBySeverity();
    for (const Fault::Severity severity : ShownSeverities) {
        const int count = counts.value(severity);
        QLabel* countLabel = countOf(severity);
        countLabel->setText(tr("%1: %2")
                                .arg(severity == Fault::Severity::Unknown ? tr("Other") : Fault::severityName(severity))
                                .arg(count));
        // An unknown severity is worth a chip only when the API sent one.
        const bool shown = severity != Fault::Severity::Unknown || count > 0;
        countLabel->setVisible(shown);
        chipOf(severity)->setVisible(shown);
    }
    const int total = m_model->rowCount();
    m_ui->totalLabel->setText(total == 0 ? tr("This link shows no faults right now.")
                                         : tr("%n fault(s): %1 active, %2 resolved", nullptr, total)
                                               .arg(m_model->activeCount())
                                               .arg(m_model->resolvedCount()));
    m_ui->summaryRow->show();
}

void PreviewDialog::changeEvent(QEvent* event)
{
    QDialog::changeEvent(event);
    if (m_ui->faultTable && (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange))
        applyColours();
}

void PreviewDialog::applyColours()
{
    const bool dark = Presentation::isDark(palette());
    // Only called from changeEvent and the constructor: re-setting the palette of a child
    // does not send this dialog a PaletteChange.
    Presentation::setTextColour(m_ui->errorLabel, Presentation::errorColour(palette()));
    const int side = std::max(10, fontMetrics().height() - 4);
    for (const Fault::Severity severity : ShownSeverities) {
        QPixmap chip(side, side);
        chip.fill(Qt::transparent);
        QPainter painter(&chip);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        painter.setBrush(Presentation::severityColour(severity, dark));
        painter.drawRoundedRect(QRectF(0, 0, side, side), 2, 2);
        painter.end();
        chipOf(severity)->setPixmap(chip);
    }
    m_model->setSeverityColour([dark](Fault::Severity severity) -> QVariant {
        return Presentation::severityColour(severity, dark);
    });
}

QLabel* PreviewDialog::chipOf(Fault::Severity severity) const
{
    switch (severity) {
    case Fault::Severity::Critical:
        return m_ui->criticalChip;
    case Fault::Severity::High:
        return m_ui->highChip;
    case Fault::Severity::Medium:
        return m_ui->mediumChip;
    case Fault::Severity::Warning:
        return m_ui->warningChip;
    case Fault::Severity::Low:
        return m_ui->lowChip;
    case Fault::Severity::Unknown:
        break;
    }
    return m_ui->unknownChip;
}

QLabel* PreviewDialog::countOf(Fault::Severity severity) const
{
    switch (severity) {
    case Fault::Severity::Critical:
        return m_ui->criticalCount;
    case Fault::Severity::High:
        return m_ui->highCount;
    case Fault::Severity::Medium:
        return m_ui->mediumCount;
    case Fault::Severity::Warning:
        return m_ui->warningCount;
    case Fault::Severity::Low:
        return m_ui->lowCount;
    case Fault::Severity::Unknown:
        break;
    }
    return m_ui->unknownCount;
}

} // namespace faultshare
