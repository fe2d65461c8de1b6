#include "DeliveriesPage.h"

#include "DeliveryChart.h"
#include "DeliveryDetailsDialog.h"
#include "Theme.h"
#include "core/Result.h" // LogoutRun.h uses Status without including it
#include "items/DeliveryFilterModel.h"
#include "items/DeliveryModel.h"
#include "items/LiveRunsFeed.h"
#include "items/RpSummaryModel.h"
#include "logout/LogoutRun.h"
#include "services/LogoutService.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace signoff {

using logout::DeliveryState;

namespace {
constexpr int kChartIntervalMs = 1000;
constexpr DeliveryState kStates[] = {DeliveryState::Pending,  DeliveryState::Delivered,   DeliveryState::Failed,
                                     DeliveryState::TimedOut, DeliveryState::Unconfirmed, DeliveryState::Skipped};

// A state cell shows its icon and text in the state's colour (never colour alone); the colours
// come from the view's palette, so dark themes stay readable.
class StateDelegate : public QStyledItemDelegate
{
public:
    StateDelegate(int stateRole, bool withIcon, QWidget *view)
        : QStyledItemDelegate(view)
        , m_role(stateRole)
        , m_withIcon(withIcon)
        , m_view(view)
    {}

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        const QVariant v = index.data(m_role);
        if (!v.isValid())
            return;
        const auto state = DeliveryState(v.toInt());
        option->palette.setColor(QPalette::Text, deliveryStateColor(state, m_view->palette()));
        if (m_withIcon) {
            option->icon = deliveryStateIcon(state, m_view->style());
            option->features |= QStyleOptionViewItem::HasDecoration;
        }
    }

private:
    int m_role;
    bool m_withIcon;
    QWidget *m_view;
};

void setUpTable(QTableView *table)
{
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setWordWrap(false);
    table->verticalHeader()->hide();
    // Fixed row heights: a ResizeToContents header would measure every row on each batch.
    table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 8);
}
} // namespace

DeliveriesPage::DeliveriesPage(const AppContext &app, QWidget *parent)
    : QWidget(parent)
    , m_app(app)
    , m_model(new DeliveryModel(this))
    , m_feed(new LiveRunsFeed(m_model, this))
    , m_filter(new DeliveryFilterModel(m_model, this))
    , m_summary(new RpSummaryModel(m_model, this))
{
    setObjectName(QStringLiteral("deliveriesPage"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(buildHeader());
    layout->addWidget(buildFilters());
    buildTable();
    m_summaryTable = new QTableView(this);
    m_summaryTable->setObjectName(QStringLiteral("rpSummaryTable"));
    m_summaryTable->setModel(m_summary);
    m_summaryTable->setItemDelegate(new StateDelegate(RpSummaryModel::StateRole, false, m_summaryTable));
    setUpTable(m_summaryTable);
    m_summaryTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_summaryTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_summaryTable->horizontalHeader()->setStretchLastSection(true);
    m_summaryTable->setToolTip(tr("Select an RP to chart it; Enter on a count shows those deliveries"));
    m_chart = new DeliveryChart(this);

    auto *bottom = new QSplitter(Qt::Horizontal, this);
    bottom->addWidget(m_summaryTable);
    bottom->addWidget(m_chart);
    bottom->setStretchFactor(0, 2);
    bottom->setStretchFactor(1, 3);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_table);
    split->addWidget(bottom);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    layout->addWidget(split, 1);

    connect(m_model, &DeliveryModel::runInfoChanged, this, [this](const QString &id) {
        if (id == currentRunId())
            updateHeader();
    });
    // The chart is redrawn at most once per kChartIntervalMs while outcomes flow: drawing thousands
    // of markers is the most expensive thing on this page.
    m_chartTimer = new QTimer(this);
    m_chartTimer->setSingleShot(true);
    m_chartTimer->setInterval(kChartIntervalMs);
    connect(m_chartTimer, &QTimer::timeout, this, &DeliveriesPage::updateCharts);
    connect(m_summary, &RpSummaryModel::recomputed, this, [this] {
        updateHeader();
        if (!m_chartTimer->isActive())
            m_chartTimer->start();
    });
    connect(m_summaryTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    m_chart->setClientId(m_summary->at(current.row()).clientId);
            });
    connect(m_summaryTable, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        // A count cell lists those deliveries in the table.
        const auto state = RpSummaryModel::stateOfColumn(index.column());
        m_rpFilter->setCurrentIndex(qMax(0, m_rpFilter->findData(m_summary->at(index.row()).clientId)));
        m_stateFilter->setCurrentIndex(state ? qMax(0, m_stateFilter->findData(int(*state))) : 0);
    });
    connect(m_chart, &DeliveryChart::clientChanged, this, &DeliveriesPage::updateCharts);
    if (m_app.logout)
        connect(m_app.logout, &services::LogoutService::runStarted, this, &DeliveriesPage::follow);
    updateHeader();
}

DeliveriesPage::~DeliveriesPage() = default;

QWidget *DeliveriesPage::buildHeader()
{
    auto *box = new QWidget(this);
    auto *v = new QVBoxLayout(box);
    v->setContentsMargins(0, 0, 0, 0);
    auto *row = new QHBoxLayout;
    m_run = new QComboBox(box);
    m_run->setObjectName(QStringLiteral("deliveryRun"));
    m_run->setToolTip(tr("The run shown: the newest one starts selected"));
    m_run->addItem(tr("All runs of this session"), QString());
    m_run->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto *runLabel = new QLabel(tr("R&un:"), box);
    runLabel->setBuddy(m_run);
    m_runStatus = new QLabel(box);
    m_runStatus->setObjectName(QStringLiteral("deliveryRunStatus"));
    m_runStatus->setWordWrap(true);
    m_progress = new QProgressBar(box);
    m_progress->setObjectName(QStringLiteral("deliveryProgress"));
    m_progress->setMaximumWidth(220);
    m_cancel = new QPushButton(tr("Cancel run"), box);
    m_cancel->setObjectName(QStringLiteral("deliveryCancel"));
    m_cancel->setToolTip(tr("Stop sending (Esc); what was already sent keeps being reported"));
    m_retry = new QPushButton(tr("Retry &failed"), box);
    m_retry->setObjectName(QStringLiteral("deliveryRetry"));
    m_retry->setToolTip(tr("Send the failed and timed-out deliveries of this run again, where the IdP can"));
    row->addWidget(runLabel);
    row->addWidget(m_run);
    row->addWidget(m_progress);
    row->addWidget(m_cancel);
    row->addWidget(m_retry);
    row->addStretch(1);
    v->addLayout(row);
    v->addWidget(m_runStatus);
    m_notice = new QLabel(box);
    m_notice->setObjectName(QStringLiteral("deliveryNotice"));
    m_notice->setWordWrap(true);
    m_notice->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_notice->hide();
    v->addWidget(m_notice);

    connect(m_run, &QComboBox::currentIndexChanged, this, [this] { selectRun(currentRunId()); });
    connect(m_cancel, &QPushButton::clicked, this, &DeliveriesPage::cancelRun);
    connect(m_retry, &QPushButton::clicked, this, &DeliveriesPage::retryFailed);
    connect(new QShortcut(QKeySequence(Qt::Key_Escape), this), &QShortcut::activated, this, &DeliveriesPage::cancelRun);
    return box;
}

QWidget *DeliveriesPage::buildFilters()
{
    auto *box = new QWidget(this);
    auto *row = new QHBoxLayout(box);
    row->setContentsMargins(0, 0, 0, 0);
    m_stateFilter = new QComboBox(box);
    m_stateFilter->setObjectName(QStringLiteral("deliveryStateFilter"));
    m_stateFilter->addItem(tr("Every state"), -1);
    for (const DeliveryState s : kStates)
        m_stateFilter->addItem(deliveryStateIcon(s, style()), logout::deliveryStateLabel(s), int(s));
    m_rpFilter = new QComboBox(box);
    m_rpFilter->setObjectName(QStringLiteral("deliveryRpFilter"));
    m_rpFilter->addItem(tr("Every relying party"), QString());
    m_search = new QLineEdit(box);
    m_search->setObjectName(QStringLiteral("deliveryFilter"));
    m_search->setPlaceholderText(tr("Filter by user, session, RP or error (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    row->addWidget(m_stateFilter);
    row->addWidget(m_rpFilter);
    row->addWidget(m_search, 1);

    connect(m_stateFilter, &QComboBox::currentIndexChanged, this, [this] {
        const int s = m_stateFilter->currentData().toInt();
        m_filter->setState(s < 0 ? std::nullopt : std::optional(DeliveryState(s)));
    });
    connect(m_rpFilter, &QComboBox::currentIndexChanged, this,
            [this] { m_filter->setClientId(m_rpFilter->currentData().toString()); });
    connect(m_search, &QLineEdit::textChanged, m_filter, &DeliveryFilterModel::setText);
    connect(new QShortcut(QKeySequence::Find, this), &QShortcut::activated, m_search,
            [this] { m_search->setFocus(Qt::ShortcutFocusReason); });
    return box;
}

void DeliveriesPage::buildTable()
{
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("deliveriesTable"));
    m_table->setModel(m_filter);
    m_table->setItemDelegateForColumn(DeliveryModel::StateColumn,
                                      new StateDelegate(DeliveryModel::StateRole, true, m_table));
    setUpTable(m_table);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(-1, Qt::AscendingOrder); // arrival order until a header is clicked
    m_table->horizontalHeader()->setStretchLastSection(true);
    for (auto [col, width] : {std::pair{DeliveryModel::RunColumn, 150},
                              {DeliveryModel::UserColumn, 130},
                              {DeliveryModel::SessionColumn, 130},
                              {DeliveryModel::RpColumn, 130},
                              {DeliveryModel::StateColumn, 120},
                              {DeliveryModel::HttpStatusColumn, 50},
                              {DeliveryModel::LatencyColumn, 80},
                              {DeliveryModel::ErrorColumn, 260}})
        m_table->setColumnWidth(col, width);
    connect(m_table, &QAbstractItemView::activated, this, &DeliveriesPage::showDetails);
}

QString DeliveriesPage::currentRunId() const
{
    return m_run->currentData().toString();
}

void DeliveriesPage::follow(logout::LogoutRun *run)
{
    const QString id = run->info().id;
    m_feed->follow(run);
    m_runs.insert(id, run);
    // While it runs: the feed's "stream closed" when a finishing run stops it is no news.
    connect(run, &logout::LogoutRun::notice, this, [this, run](const QString &text) {
        if (run->isActive())
            showNotice(text, false);
    });
    // The last outcomes are in the model (LiveRunsFeed flushed it): the summary and the header
    // show the end at once, not one summary interval later.
    connect(run, &logout::LogoutRun::finished, this, [this] { m_summary->recompute(); });
    if (m_run->findData(id) < 0)
        m_run->addItem(tr("%1 — %2").arg(id, run->info().scope.describe()), id);
    m_run->setCurrentIndex(m_run->findData(id));
    m_notice->hide();
}

void DeliveriesPage::selectRun(const QString &runId)
{
    m_filter->setRunId(runId);
    m_summary->setRunId(runId);
    m_notice->hide();
    updateHeader();
}

void DeliveriesPage::updateHeader()
{
    const QString id = currentRunId();
    logout::StateCounts counts;
    for (int i = 0; i < m_summary->rowCount(); ++i) {
        const auto &c = m_summary->at(i).counts;
        for (const DeliveryState s : kStates)
            counts.of(s) += c.of(s);
    }
    const QLocale l;
    const int total = counts.total();
    QString text;
    if (id.isEmpty()) {
        text = m_model->runIds().isEmpty()
                   ? tr("No logout in this session yet: start one from the Sessions or Relying parties page.")
                   : tr("%1 runs, %2 deliveries.").arg(m_model->runIds().size()).arg(l.toString(total));
    } else {
        const logout::RunInfo info = m_model->runInfo(id);
        const QString status = info.status == logout::RunStatus::Running     ? tr("Running")
                               : info.status == logout::RunStatus::Finished  ? tr("Finished")
                               : info.status == logout::RunStatus::Cancelled ? tr("Cancelled")
                               : info.status == logout::RunStatus::Failed    ? tr("Failed")
                                                                             : tr("Starting");
        text = tr("%1 on %2: %3 of %4 deliveries settled — %5 delivered, %6 failed, %7 timed out, %8 unconfirmed, "
                  "%9 skipped.")
                   .arg(status, info.profileName, l.toString(total - counts.pending), l.toString(total),
                        l.toString(counts.delivered), l.toString(counts.failed), l.toString(counts.timedOut),
                        l.toString(counts.unconfirmed), l.toString(counts.skipped));
        if (!info.error.isEmpty())
            text += QLatin1Char(' ') + info.error;
        setErrorStyle(m_runStatus, info.status == logout::RunStatus::Failed);
    }
    m_runStatus->setText(text);
    m_progress->setVisible(!id.isEmpty());
    m_progress->setRange(0, qMax(1, total));
    m_progress->setValue(total - counts.pending);
    const logout::LogoutRun *run = m_runs.value(id);
    m_cancel->setEnabled(run && run->isActive());
    m_retry->setEnabled(!id.isEmpty() && counts.failed + counts.timedOut > 0);

    QStringList clients;
    for (int i = 0; i < m_summary->rowCount(); ++i)
        clients << m_summary->at(i).clientId;
    const QString keepRp = m_rpFilter->currentData().toString();
    if (m_rpFilter->count() - 1 != clients.size()) {
        const QSignalBlocker block(m_rpFilter);
        while (m_rpFilter->count() > 1)
            m_rpFilter->removeItem(1);
        for (const QString &c : std::as_const(clients))
            m_rpFilter->addItem(c, c);
        m_rpFilter->setCurrentIndex(qMax(0, m_rpFilter->findData(keepRp)));
    }
    m_chart->setClients(clients);
}

void DeliveriesPage::updateCharts()
{
    // A hidden chart is drawn when it is shown again (showEvent), not on every batch.
    if (m_chart->isVisible())
        m_chart->refresh(*m_model, currentRunId());
}

void DeliveriesPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    updateCharts();
}

void DeliveriesPage::showNotice(const QString &text, bool error)
{
    m_notice->setText(text);
    setErrorStyle(m_notice, error);
    m_notice->show();
}

void DeliveriesPage::cancelRun()
{
    logout::LogoutRun *run = m_runs.value(currentRunId());
    if (!run || !run->isActive())
        return;
    run->cancel();
    showNotice(tr("Cancelling: sessions not yet handed to the IdP are skipped; what was sent is still reported."),
               false);
}

void DeliveriesPage::retryFailed()
{
    const QString id = currentRunId();
    if (id.isEmpty())
        return;
    QList<logout::Delivery> failed;
    for (const int row : m_model->rowsOfRun(id)) {
        const logout::Delivery &d = m_model->at(row);
        if (d.state == DeliveryState::Failed || d.state == DeliveryState::TimedOut)
            failed.append(d);
    }
    if (failed.isEmpty())
        return;
    // What the IdP cannot do is said before asking it: its advice is what the administrator can do.
    if (const logout::LogoutRun *run = m_runs.value(id); run && !run->plan().support.canResend) {
        showNotice(run->plan().support.resendAdvice, true);
        return;
    }
    if (!m_app.logout)
        return;
    m_retry->setEnabled(false);
    showNotice(tr("Sending %n delivery(s) again…", nullptr, int(failed.size())), false);
    m_app.logout->retry(m_model->runInfo(id), failed, this, [this](Result<logout::LogoutRun *> r) {
        if (!r) {
            showNotice(tr("Retry not started: %1").arg(r.errorString()), true);
            updateHeader();
        }
        // A started retry is a new run: runStarted brings it here.
    });
}

void DeliveriesPage::showDetails()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return;
    const logout::Delivery &d = m_model->at(m_filter->mapToSource(current).row());
    if (!m_details) {
        m_details = new DeliveryDetailsDialog(this);
        m_details->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_details->setDelivery(d);
    m_details->show();
    m_details->raise();
}

} // namespace signoff
