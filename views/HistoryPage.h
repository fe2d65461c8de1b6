#pragma once

#include "store/HistoryStore.h"

#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;
class QTimer;

namespace signoff {

struct AppContext;
class ErrorBanner;
class HistoryDeliveryModel;
class HistoryRunModel;

namespace logout {
class LogoutRun;
}

// Past logout runs from the local history: filter as you type (any column), by delivery state and
// by relying party; a selected run shows its deliveries; Export… (Ctrl+E) writes CSV or JSON with
// token signatures redacted; Refresh (F5). Runs appear when they start and are reread when they
// finish.
class HistoryPage : public QWidget
{
    Q_OBJECT
public:
    explicit HistoryPage(const AppContext &app, QWidget *parent = nullptr);

    // Asked for the export file: returns the path (empty: cancelled) and sets *format. Tests
    // answer it directly; the default is a save dialog.
    using FileChooser = std::function<QString(HistoryStore::ExportFormat *format)>;
    void setFileChooser(FileChooser chooser) { m_chooseFile = std::move(chooser); }

    void refresh();
    void exportDeliveries();
    QString selectedRunId() const;

private:
    void buildFilters(QWidget *bar);
    void watchRuns();
    void loadDeliveries();
    HistoryStore::DeliveryFilter deliveryFilter() const;
    QString chooseFile(HistoryStore::ExportFormat *format);

    HistoryStore *m_history;
    ErrorBanner *m_banner;
    QLabel *m_status;
    QLineEdit *m_filter;
    QComboBox *m_state;
    QLineEdit *m_rp;
    HistoryRunModel *m_runs;
    QSortFilterProxyModel *m_runProxy;
    QTableView *m_runView;
    HistoryDeliveryModel *m_deliveries;
    QSortFilterProxyModel *m_deliveryProxy;
    QTableView *m_deliveryView;
    QTimer *m_reload; // debounces filter edits and run announcements into one read
    FileChooser m_chooseFile;
};

} // namespace signoff
