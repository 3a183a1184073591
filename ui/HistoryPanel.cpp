#include "HistoryPanel.h"

#include "ApiError.h"
#include "Countdown.h"
#include "History.h"
#include "HistoryModel.h"
#include "Presentation.h"
#include "Ticker.h"

#include <QAction>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace faultshare {

using namespace Qt::StringLiterals;

namespace {

QPushButton* makeButton(const QString& text, const QString& objectName, const QString& description, QWidget* parent)
{
    auto* button = new QPushButton(text, parent);
    button->setObjectName(objectName);
    button->setAccessibleDescription(description);
    button->setToolTip(description);
    return button;
}

} // namespace

HistoryPanel::HistoryPanel(Ticker& ticker, QWidget* parent)
    : QWidget(parent)
    , m_ticker(ticker)
    , m_filter(new HistoryFilterModel(this))
    , m_searchEdit(new QLineEdit(this))
    , m_showCombo(new QComboBox(this))
    , m_view(new QTableView(this))
    , m_noticeBar(new QWidget(this))
    , m_notice(new QLabel(m_noticeBar))
    , m_copyButton(makeButton(tr("Cop&y link"), u"historyCopyButton"_s, tr("Copies the short link of the selected row"), this))
    , m_showButton(makeButton(tr("Sho&w QR"), u"historyShowButton"_s, tr("Shows the selected link in the main window"), this))
    , m_presentButton(makeButton(tr("Present"), u"historyPresentButton"_s, tr("Shows the selected link's QR code on a wall display"), this))
    , m_previewButton(makeButton(tr("Preview…"), u"historyPreviewButton"_s, tr("Shows the faults the selected link exposes"), this))
    , m_forgetButton(makeButton(tr("Forget"), u"historyForgetButton"_s, tr("Removes the selected link, its token with it, from the history"), this))
{
    setObjectName(u"historyPanel"_s);

    m_searchEdit->setObjectName(u"historySearchEdit"_s);
    m_searchEdit->setPlaceholderText(tr("Search labels"));
    m_searchEdit->setClearButtonEnabled(true);
    m_searchEdit->setAccessibleName(tr("Search labels"));
    connect(m_searchEdit, &QLineEdit::textChanged, m_filter, &HistoryFilterModel::setSearch);

    m_showCombo->setObjectName(u"historyShowCombo"_s);
    m_showCombo->addItem(tr("Active"), int(HistoryFilterModel::Show::Active));
    m_showCombo->addItem(tr("Expired"), int(HistoryFilterModel::Show::Expired));
    m_showCombo->addItem(tr("All"), int(HistoryFilterModel::Show::All));
    m_showCombo->setAccessibleName(tr("Show links"));
    m_filter->setShow(HistoryFilterModel::Show::Active);
    connect(m_showCombo, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setShow(HistoryFilterModel::Show(m_showCombo->currentData().toInt()));
        updateActions();
    });
    auto* showLabel = new QLabel(tr("&Show:"), this);
    showLabel->setBuddy(m_showCombo);

    m_view->setObjectName(u"historyView"_s);
    m_view->setAccessibleName(tr("Issued links"));
    m_view->setModel(m_filter);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // Arrows move between rows; Tab leaves the table for the buttons (keyboard-only use).
    m_view->setTabKeyNavigation(false);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(HistoryModel::IssuedColumn, Qt::DescendingOrder);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    // Uniform rows: the view never measures 1000 rows to lay them out.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(m_view, &QAbstractItemView::activated, this, [this] { trigger(Action::ShowQr); });

    const auto addRowAction = [this](const QString& text, const QKeySequence& shortcut, auto slot) {
        auto* action = new QAction(text, m_view);
        action->setShortcut(shortcut);
        action->setShortcutContext(Qt::WidgetShortcut);
        connect(action, &QAction::triggered, this, slot);
        m_view->addAction(action);
        m_rowActions << action;
    };
    addRowAction(tr("Copy Link"), QKeySequence::Copy, [this] { trigger(Action::CopyLink); });
    addRowAction(tr("Show QR Code"), {}, [this] { trigger(Action::ShowQr); });
    addRowAction(tr("Present"), {}, [this] { trigger(Action::Present); });
    addRowAction(tr("Preview Faults…"), {}, [this] { trigger(Action::Preview); });
    addRowAction(tr("Forget"), QKeySequence::Delete, [this] { forgetCurrent(); });

    connect(m_copyButton, &QPushButton::clicked, this, [this] { trigger(Action::CopyLink); });
    connect(m_showButton, &QPushButton::clicked, this, [this] { trigger(Action::ShowQr); });
    connect(m_presentButton, &QPushButton::clicked, this, [this] { trigger(Action::Present); });
    connect(m_previewButton, &QPushButton::clicked, this, [this] { trigger(Action::Preview); });
    connect(m_forgetButton, &QPushButton::clicked, this, &HistoryPanel::forgetCurrent);

    m_noticeBar->setObjectName(u"historyNoticeBar"_s);
    m_notice->setObjectName(u"historyNotice"_s);
    m_notice->setWordWrap(true);
    m_notice->setTextFormat(Qt::PlainText);
    m_notice->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_notice->setAccessibleName(tr("History notice"));
    auto* dismiss = makeButton(tr("&Dismiss"), u"historyNoticeDismiss"_s, tr("Hides this notice"), m_noticeBar);
    connect(dismiss, &QPushButton::clicked, this, [this] { showNotice({}); });
    auto* noticeLayout = new QHBoxLayout(m_noticeBar);
    noticeLayout->setContentsMargins(0, 0, 0, 0);
    noticeLayout->addWidget(m_notice, 1);
    noticeLayout->addWidget(dismiss, 0, Qt::AlignTop);
    m_noticeBar->hide();

    auto* top = new QHBoxLayout;
    top->addWidget(m_searchEdit, 1);
    top->addWidget(showLabel);
    top->addWidget(m_showCombo);
    auto* buttons = new QHBoxLayout;
    for (QPushButton* button : {m_copyButton, m_showButton, m_presentButton, m_previewButton})
        buttons->addWidget(button);
    buttons->addStretch(1);
    buttons->addWidget(m_forgetButton);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_noticeBar);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);
    setTabOrder(m_searchEdit, m_showCombo);
    setTabOrder(m_showCombo, m_view);
    setTabOrder(m_view, m_copyButton);

    connect(&m_ticker, &Ticker::tick, this, &HistoryPanel::onTick);
    updateActions();
}

HistoryPanel::~HistoryPanel() = default;

void HistoryPanel::showNotice(const QString& sentence)
{
    Presentation::setTextColour(m_notice, Presentation::errorColour(palette()));
    m_notice->setText(sentence);
    m_noticeBar->setVisible(!sentence.isEmpty());
}

QString HistoryPanel::notice() const
{
    return m_notice->text();
}

void HistoryPanel::setHistory(History* history)
{
    if (m_history)
        disconnect(m_history, nullptr, this, nullptr);
    m_pendingId.clear();
    m_history = history;
    HistoryModel* old = m_model;
    m_model = nullptr;
    if (history) {
        m_model = new HistoryModel(*history, this);
        m_model->setPhaseColour([this](Countdown::Phase phase) -> QVariant {
            return Presentation::phaseColour(phase, Presentation::isDark(palette()));
        });
        m_model->setNow(m_ticker.now());
        connect(history, &History::tokenReady, this, &HistoryPanel::onTokenReady);
        connect(history, &History::tokenFailed, this, &HistoryPanel::onTokenFailed);
        connect(history, &History::inserted, this, &HistoryPanel::updateTicking);
        connect(history, &History::reset, this, &HistoryPanel::updateTicking);
    }
    m_filter->setSourceModel(m_model);
    delete old;
    if (m_model) {
        // Widths from the longest texts these columns can hold, never by measuring rows
        // (a thousand of them would be measured on every change).
        QHeaderView* header = m_view->horizontalHeader();
        header->setSectionResizeMode(HistoryModel::LabelColumn, QHeaderView::Stretch);
        const QFontMetrics metrics = m_view->fontMetrics();
        const int padding = 3 * metrics.averageCharWidth();
        const QDateTime sample(QDate(2026, 12, 28), QTime(23, 58));
        const int dateWidth = metrics.horizontalAdvance(QLocale().toString(sample, QLocale::ShortFormat)) + padding;
        header->resizeSection(HistoryModel::IssuedColumn, dateWidth);
        header->resizeSection(HistoryModel::ExpiresColumn, dateWidth);
        header->resizeSection(HistoryModel::RemainingColumn,
                              metrics.horizontalAdvance(Countdown::text(std::chrono::hours(29 * 24 + 23))) + padding);
        header->resizeSection(HistoryModel::ProfileColumn, 12 * metrics.averageCharWidth() + padding);
    }
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &HistoryPanel::updateActions,
            Qt::UniqueConnection);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &HistoryPanel::updateActions, Qt::UniqueConnection);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &HistoryPanel::updateActions, Qt::UniqueConnection);
    updateTicking();
    updateActions();
}

void HistoryPanel::select(const QString& id)
{
    // Only among the rows shown: the operator's filter and search stay as they are.
    for (int row = 0; row < m_filter->rowCount(); ++row) {
        const QModelIndex index = m_filter->index(row, 0);
        if (index.data(HistoryModel::IdRole).toString() == id) {
            m_view->setCurrentIndex(index);
            m_view->scrollTo(index);
            return;
        }
    }
}

QString HistoryPanel::currentId() const
{
    const QModelIndex index = m_view->currentIndex();
    return index.isValid() ? index.siblingAtColumn(0).data(HistoryModel::IdRole).toString() : QString();
}

void HistoryPanel::trigger(Action action)
{
    const QString id = currentId();
    if (id.isEmpty() || !m_history)
        return;
    if (m_view->currentIndex().data(HistoryModel::ExpiredRole).toBool()) {
        Q_EMIT actionFailed(tr("That link has expired; generate a new one."));
        return;
    }
    m_pendingId = id;
    m_pendingAction = action;
    m_history->fetch(id);
}

void HistoryPanel::forgetCurrent()
{
    const QString id = currentId();
    if (id.isEmpty() || !m_history)
        return;
    const QModelIndex current = m_view->currentIndex();
    if (current.data(HistoryModel::ExpiredRole).toBool()) {
        m_history->forget(id);
        return;
    }
    if (m_forgetConfirm) {
        m_forgetConfirm->raise();
        return;
    }
    const QString label = current.siblingAtColumn(HistoryModel::LabelColumn).data().toString();
    auto* box = new QMessageBox(QMessageBox::Question, tr("Forget Link"),
                                tr("The link \"%1\" still works. Forget it anyway? It keeps working until it "
                                   "expires, but FaultShare can no longer copy or show it.")
                                    .arg(label),
                                QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(u"forgetLinkConfirm"_s);
    // The label is whatever was typed or imported: shown as it is, never as markup.
    box->setTextFormat(Qt::PlainText);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, id](int result) {
        if (result == QMessageBox::Yes && m_history)
            m_history->forget(id);
    });
    m_forgetConfirm = box;
    box->open();
}

void HistoryPanel::onTokenReady(const QString& id, const EmbedToken& token)
{
    if (id != m_pendingId || !m_history)
        return;
    m_pendingId.clear();
    const qsizetype index = m_history->indexOf(id);
    if (index < 0)
        return;
    const HistoryEntry& entry = m_history->entries().at(index);
    Q_EMIT actionReady(m_pendingAction, token, entry.label, entry.profile);
}

void HistoryPanel::onTokenFailed(const QString& id, const ApiError& error)
{
    if (id != m_pendingId)
        return;
    m_pendingId.clear();
    Q_EMIT actionFailed(error.userMessage());
}

void HistoryPanel::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_model)
        m_model->setNow(m_ticker.now());
    updateTicking();
}

void HistoryPanel::hideEvent(QHideEvent* event)
{
    QWidget::hideEvent(event);
    updateTicking();
}

void HistoryPanel::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    // The phase colours and the notice's red follow the palette (dark or light).
    if (event->type() != QEvent::PaletteChange)
        return;
    Presentation::setTextColour(m_notice, Presentation::errorColour(palette()));
    if (m_model)
        m_model->setNow(m_ticker.now());
}

void HistoryPanel::onTick()
{
    if (!m_model || !isVisible())
        return;
    m_model->setNow(m_ticker.now());
    updateTicking();
}

void HistoryPanel::updateTicking()
{
    if (m_model && isVisible() && m_model->activeCount() > 0)
        m_ticker.hold(this);
    else
        m_ticker.release(this);
}

void HistoryPanel::updateActions()
{
    const QModelIndex current = m_view->currentIndex();
    const bool selected = current.isValid();
    const bool live = selected && !current.data(HistoryModel::ExpiredRole).toBool();
    m_copyButton->setEnabled(live);
    m_showButton->setEnabled(live);
    m_presentButton->setEnabled(live);
    m_previewButton->setEnabled(live);
    m_forgetButton->setEnabled(selected);
    for (QAction* action : std::as_const(m_rowActions))
        action->setEnabled(action == m_rowActions.last() ? selected : live);
}

} // namespace faultshare
