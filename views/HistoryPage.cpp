#include "HistoryPage.h"

#include "ErrorBanner.h"
#include "Theme.h"
#include "items/HistoryDeliveryModel.h"
#include "items/HistoryRunModel.h"
#include "services/AppContext.h"
#include "services/LogoutService.h"

#include <QAction>
#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>

#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>

namespace signoff {

namespace {
constexpr int kReloadDelayMs = 250;

QTableView *makeTable(QAbstractItemModel *model, const QString &name, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setObjectName(name);
    view->setModel(model);
    view->setSortingEnabled(true);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false); // one line a row; the full text is in the tooltip and the export
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    return view;
}

// Columns as wide as their contents, but no error text may push the others out of sight.
void fitColumns(QTableView *view)
{
    constexpr int kMaxWidth = 240;
    view->resizeColumnsToContents();
    for (int c = 0; c < view->model()->columnCount(); ++c)
        view->setColumnWidth(c, std::min(view->columnWidth(c), kMaxWidth));
}

QSortFilterProxyModel *makeProxy(QAbstractItemModel *source, int sortRole, QObject *parent)
{
    auto *proxy = new QSortFilterProxyModel(parent);
    proxy->setSourceModel(source);
    proxy->setSortRole(sortRole);
    proxy->setFilterKeyColumn(-1);
    proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    return proxy;
}
} // namespace

HistoryPage::HistoryPage(const AppContext &app, QWidget *parent)
    : QWidget(parent)
    , m_history(app.history)
    , m_runs(new HistoryRunModel(this))
    , m_deliveries(new HistoryDeliveryModel(this))
    , m_reload(new QTimer(this))
{
    setObjectName(QStringLiteral("historyPage"));
    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(tr("<h2>History</h2>"), this);
    layout->addWidget(title);
    if (!m_history) {
        // Runs still work without it; say plainly that they are not being kept.
        auto *warning = new QLabel(
            tr("The history is not available, so logout runs are not being kept: %1").arg(app.historyError), this);
        warning->setObjectName(QStringLiteral("historyUnavailable"));
        warning->setWordWrap(true);
        warning->setTextInteractionFlags(Qt::TextSelectableByMouse);
        setErrorStyle(warning, true);
        layout->addWidget(warning);
    }
    m_banner = new ErrorBanner(this);
    connect(m_banner, &ErrorBanner::retryRequested, this, &HistoryPage::refresh);
    layout->addWidget(m_banner);

    auto *bar = new QWidget(this);
    buildFilters(bar);
    layout->addWidget(bar);

    m_runProxy = makeProxy(m_runs, HistoryRunModel::SortRole, this);
    m_deliveryProxy = makeProxy(m_deliveries, HistoryDeliveryModel::SortRole, this);
    auto *split = new QSplitter(Qt::Vertical, this);
    m_runView = makeTable(m_runProxy, QStringLiteral("historyRuns"), split);
    m_runView->sortByColumn(HistoryRunModel::StartedColumn, Qt::DescendingOrder);
    m_deliveryView = makeTable(m_deliveryProxy, QStringLiteral("historyDeliveries"), split);
    split->addWidget(m_runView);
    split->addWidget(m_deliveryView);
    layout->addWidget(split, 1);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("historyStatus"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);

    connect(m_runView->selectionModel(), &QItemSelectionModel::selectionChanged, this, &HistoryPage::loadDeliveries);
    m_reload->setSingleShot(true);
    m_reload->setInterval(kReloadDelayMs);
    connect(m_reload, &QTimer::timeout, this, &HistoryPage::refresh);
    if (app.logout)
        connect(app.logout, &services::LogoutService::runStarted, this, [this](logout::LogoutRun *run) {
            m_reload->start();
            connect(run, &logout::LogoutRun::finished, this, [this] { m_reload->start(); });
        });
    setEnabled(m_history != nullptr);
    refresh();
}

void HistoryPage::buildFilters(QWidget *bar)
{
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    m_filter = new QLineEdit(bar);
    m_filter->setObjectName(QStringLiteral("historyFilter"));
    m_filter->setPlaceholderText(tr("Filter runs (profile, scope, status, run id)…"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, this,
            [this](const QString &text) { m_runProxy->setFilterFixedString(text); });
    row->addWidget(m_filter, 2);
    m_state = new QComboBox(bar);
    m_state->setObjectName(QStringLiteral("historyStateFilter"));
    m_state->addItem(tr("Any state"), QString());
    for (auto s : {logout::DeliveryState::Delivered, logout::DeliveryState::Failed, logout::DeliveryState::TimedOut,
                   logout::DeliveryState::Skipped, logout::DeliveryState::Unconfirmed, logout::DeliveryState::Pending})
        m_state->addItem(logout::deliveryStateLabel(s), QString(logout::deliveryStateId(s)));
    m_state->setToolTip(tr("Only runs with a delivery in this state, and only those deliveries"));
    connect(m_state, &QComboBox::currentIndexChanged, this, &HistoryPage::refresh);
    row->addWidget(m_state);
    m_rp = new QLineEdit(bar);
    m_rp->setObjectName(QStringLiteral("historyRpFilter"));
    m_rp->setPlaceholderText(tr("Relying party (client id)"));
    m_rp->setClearButtonEnabled(true);
    connect(m_rp, &QLineEdit::textChanged, this, [this] { m_reload->start(); });
    row->addWidget(m_rp, 1);

    auto *refreshButton = new QPushButton(tr("Refresh"), bar);
    refreshButton->setObjectName(QStringLiteral("historyRefresh"));
    refreshButton->setToolTip(tr("Read the history again (F5)"));
    connect(refreshButton, &QPushButton::clicked, this, &HistoryPage::refresh);
    row->addWidget(refreshButton);
    auto *exportButton = new QPushButton(tr("Export…"), bar);
    exportButton->setObjectName(QStringLiteral("historyExport"));
    exportButton->setToolTip(
        tr("Write the selected run (with nothing selected: all runs matching the state and relying-party "
           "filters) as CSV or JSON (Ctrl+E)"));
    connect(exportButton, &QPushButton::clicked, this, &HistoryPage::exportDeliveries);
    row->addWidget(exportButton);

    // Page-wide shortcuts: they work wherever the focus is on this page, and only here.
    auto *refreshAction = new QAction(tr("Refresh"), this);
    refreshAction->setShortcut(QKeySequence::Refresh);
    refreshAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(refreshAction, &QAction::triggered, this, &HistoryPage::refresh);
    addAction(refreshAction);
    auto *exportAction = new QAction(tr("Export…"), this);
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    exportAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(exportAction, &QAction::triggered, this, &HistoryPage::exportDeliveries);
    addAction(exportAction);
}

HistoryStore::DeliveryFilter HistoryPage::deliveryFilter() const
{
    HistoryStore::DeliveryFilter f;
    f.runId = selectedRunId();
    f.clientId = m_rp->text().trimmed();
    f.state = logout::deliveryStateFromId(m_state->currentData().toString());
    return f;
}

QString HistoryPage::selectedRunId() const
{
    const QModelIndexList rows = m_runView->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data(HistoryRunModel::RunIdRole).toString();
}

void HistoryPage::refresh()
{
    m_reload->stop();
    if (!m_history)
        return;
    const QString selected = selectedRunId();
    HistoryStore::RunFilter filter;
    filter.clientId = m_rp->text().trimmed();
    filter.state = logout::deliveryStateFromId(m_state->currentData().toString());
    auto runs = m_history->runs(filter);
    if (!runs) {
        m_banner->showError(runs.errorString());
        return;
    }
    m_banner->hide();
    m_runs->setRuns(std::move(runs).value());
    fitColumns(m_runView);
    // Keep the run the administrator was looking at; otherwise show the newest one's deliveries.
    const int row = m_runs->rowOf(selected);
    const QModelIndex index = row >= 0 ? m_runProxy->mapFromSource(m_runs->index(row, 0)) : m_runProxy->index(0, 0);
    if (index.isValid()) {
        m_runView->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        m_runView->setCurrentIndex(index);
    }
    loadDeliveries();
}

void HistoryPage::loadDeliveries()
{
    if (!m_history)
        return;
    const HistoryStore::DeliveryFilter filter = deliveryFilter();
    if (filter.runId.isEmpty()) {
        m_deliveries->setDeliveries({});
        m_status->setText(tr("%n run(s). Select one to see its deliveries.", nullptr, m_runs->rowCount()));
        return;
    }
    auto rows = m_history->deliveries(filter);
    if (!rows) {
        m_banner->showError(rows.errorString());
        return;
    }
    m_deliveries->setDeliveries(std::move(rows).value());
    fitColumns(m_deliveryView);
    if (m_deliveries->rowCount() >= filter.limit)
        m_status->setText(tr("Run %1: the first %n deliveries are shown; Export… writes all of them.", nullptr,
                             m_deliveries->rowCount())
                              .arg(filter.runId));
    else
        m_status->setText(tr("Run %1: %n delivery(ies) shown.", nullptr, m_deliveries->rowCount()).arg(filter.runId));
}

QString HistoryPage::chooseFile(HistoryStore::ExportFormat *format)
{
    if (m_chooseFile)
        return m_chooseFile(format);
    const QString csv = tr("CSV (*.csv)");
    const QString json = tr("JSON (*.json)");
    QString selectedFilter = csv;
    const QString file = QFileDialog::getSaveFileName(this, tr("Export history"), QStringLiteral("signoff-history.csv"),
                                                      csv + QStringLiteral(";;") + json, &selectedFilter);
    const bool isJson = selectedFilter == json || file.endsWith(QLatin1String(".json"), Qt::CaseInsensitive);
    *format = isJson ? HistoryStore::ExportFormat::Json : HistoryStore::ExportFormat::Csv;
    return file;
}

void HistoryPage::exportDeliveries()
{
    if (!m_history)
        return;
    HistoryStore::ExportFormat format = HistoryStore::ExportFormat::Csv;
    const QString file = chooseFile(&format);
    if (file.isEmpty())
        return;
    const HistoryStore::DeliveryFilter filter = deliveryFilter();
    if (Status s = m_history->exportTo(file, format, filter); !s) {
        m_banner->showError(s.errorString());
        return;
    }
    m_status->setText(filter.runId.isEmpty()
                          ? tr("Exported all runs matching the state and relying-party filters to %1 (token signatures "
                               "redacted).")
                                .arg(file)
                          : tr("Exported run %1 to %2 (token signatures redacted).").arg(filter.runId, file));
}

} // namespace signoff
