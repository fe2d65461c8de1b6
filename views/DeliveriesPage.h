#pragma once

#include "DeliveryDetailsDialog.h"
#include "services/AppContext.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableView;
class QTimer;

namespace signoff::logout {
class LogoutRun;
}

namespace signoff {

class DeliveryChart;
class DeliveryFilterModel;
class DeliveryModel;
class LiveRunsFeed;
class RpSummaryModel;

// The logout runs of this session, live: every delivery with its state (icon, colour and text),
// HTTP status, latency and error; per-RP counts and latency percentiles; a chart per RP; the run's
// progress with Cancel (Esc) and "Retry failed"; the details of one delivery (Enter).
class DeliveriesPage : public QWidget
{
    Q_OBJECT
public:
    explicit DeliveriesPage(const AppContext &app, QWidget *parent = nullptr);
    ~DeliveriesPage() override;

    DeliveryModel *model() const { return m_model; }
    DeliveryFilterModel *filterModel() const { return m_filter; }
    RpSummaryModel *summaryModel() const { return m_summary; }
    DeliveryChart *chart() const { return m_chart; }
    DeliveryDetailsDialog *detailsDialog() const { return m_details; }
    QString currentRunId() const;

    // Follows a run (the service's runStarted does this for every run) and shows it.
    void follow(logout::LogoutRun *run);

public slots:
    void cancelRun();
    void retryFailed();
    void showDetails();

protected:
    void showEvent(QShowEvent *event) override;

private:
    QWidget *buildHeader();
    QWidget *buildFilters();
    void buildTable();
    void selectRun(const QString &runId);
    void updateHeader();
    void updateCharts();
    void showNotice(const QString &text, bool error);

    AppContext m_app;
    DeliveryModel *m_model;
    LiveRunsFeed *m_feed;
    DeliveryFilterModel *m_filter;
    RpSummaryModel *m_summary;
    QHash<QString, QPointer<logout::LogoutRun>> m_runs;
    QComboBox *m_run;
    QLabel *m_runStatus;
    QProgressBar *m_progress;
    QPushButton *m_cancel;
    QPushButton *m_retry;
    QLabel *m_notice;
    QComboBox *m_stateFilter;
    QComboBox *m_rpFilter;
    QLineEdit *m_search;
    QTableView *m_table;
    QTableView *m_summaryTable;
    DeliveryChart *m_chart;
    QTimer *m_chartTimer;
    QPointer<DeliveryDetailsDialog> m_details;
};

} // namespace signoff
