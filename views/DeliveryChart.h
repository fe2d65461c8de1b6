#pragma once

#include "logout/LogoutTypes.h"

#include <QHash>
#include <QWidget>

class QBarSet;
class QChart;
class QChartView;
class QComboBox;
class QLabel;
class QScatterSeries;
class QValueAxis;

namespace signoff {

class DeliveryModel;

// One relying party's deliveries of a run (or of all runs): latency over time as a scatter per
// outcome state, and how many deliveries ended in each state. Colours are the states' colours
// (Theme), and every series is named, so the legend says in words what the colour means.
class DeliveryChart : public QWidget
{
    Q_OBJECT
public:
    // More points than this per state are thinned evenly (the title says how many are shown):
    // the chart is an overview, the table has every row.
    static constexpr int kMaxPointsPerState = 500;

    explicit DeliveryChart(QWidget *parent = nullptr);

    // The RPs to choose from; the current choice survives when it is still there.
    void setClients(const QStringList &clientIds);
    QString clientId() const;
    void setClientId(const QString &clientId);
    // Redraws from the model's rows of runId (every run when empty) for the chosen RP.
    void refresh(const DeliveryModel &model, const QString &runId);

    int pointCount(logout::DeliveryState state) const;
    int barValue(logout::DeliveryState state) const;

signals:
    void clientChanged(const QString &clientId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyColours();

    QComboBox *m_client;
    QLabel *m_caption;
    QChart *m_latency;
    QChart *m_outcomes;
    QValueAxis *m_timeAxis;
    QValueAxis *m_msAxis;
    QValueAxis *m_countAxis;
    QHash<int, QScatterSeries *> m_points; // by DeliveryState
    QHash<int, QBarSet *> m_bars;          // by DeliveryState
    QHash<int, int> m_pointTotals;         // before thinning
};

} // namespace signoff
