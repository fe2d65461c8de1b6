#include "DeliveryChart.h"

#include "Theme.h"
#include "items/DeliveryModel.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHorizontalStackedBarSeries>
#include <QLabel>
#include <QLocale>
#include <QScatterSeries>
#include <QVBoxLayout>

#include <QValueAxis>
#include <algorithm>
#include <iterator>

namespace signoff {

using logout::DeliveryState;

namespace {
constexpr DeliveryState kAllStates[] = {DeliveryState::Delivered,   DeliveryState::Failed,  DeliveryState::TimedOut,
                                        DeliveryState::Unconfirmed, DeliveryState::Skipped, DeliveryState::Pending};

QChartView *viewOf(QChart *chart, QWidget *parent)
{
    // No antialiasing: with hundreds of markers it costs more than it shows.
    auto *view = new QChartView(chart, parent);
    view->setMinimumHeight(180);
    return view;
}
} // namespace

DeliveryChart::DeliveryChart(QWidget *parent)
    : QWidget(parent)
    , m_client(new QComboBox(this))
    , m_caption(new QLabel(this))
    , m_latency(new QChart)
    , m_outcomes(new QChart)
    , m_timeAxis(new QValueAxis(this))
    , m_msAxis(new QValueAxis(this))
    , m_countAxis(new QValueAxis(this))
{
    setObjectName(QStringLiteral("deliveryChart"));
    m_client->setObjectName(QStringLiteral("chartRp"));
    m_client->setToolTip(tr("The relying party the charts show (or pick one in the summary)"));
    m_caption->setObjectName(QStringLiteral("chartCaption"));
    m_caption->setWordWrap(true);

    m_latency->setTitle(tr("Latency over time"));
    m_latency->legend()->setAlignment(Qt::AlignBottom); // room for the states' names
    QFont small = m_latency->legend()->font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    m_latency->legend()->setFont(small);
    m_timeAxis->setTitleText(tr("s since the start"));
    m_timeAxis->setLabelFormat(QStringLiteral("%.0f"));
    m_msAxis->setTitleText(tr("ms"));
    m_msAxis->setLabelFormat(QStringLiteral("%.0f"));
    m_latency->addAxis(m_timeAxis, Qt::AlignBottom);
    m_latency->addAxis(m_msAxis, Qt::AlignLeft);
    for (const DeliveryState s : kAllStates) {
        if (s == DeliveryState::Skipped || s == DeliveryState::Pending)
            continue; // nothing was sent: no latency to plot
        auto *series = new QScatterSeries;
        series->setName(logout::deliveryStateLabel(s));
        series->setMarkerSize(6);
        series->setMarkerShape(QScatterSeries::MarkerShapeRectangle); // cheaper to draw than circles
        series->setUseOpenGL(false);
        m_latency->addSeries(series);
        series->attachAxis(m_timeAxis);
        series->attachAxis(m_msAxis);
        m_points.insert(int(s), series);
    }

    // One category per state, each state's set non-zero only in its own category: a coloured bar
    // per state with the state's name under it, no legend to squeeze.
    m_outcomes->setTitle(tr("Outcomes"));
    m_outcomes->legend()->hide();
    auto *bars = new QHorizontalStackedBarSeries;
    auto *category = new QBarCategoryAxis(this);
    for (int i = 0; i < int(std::size(kAllStates)); ++i) {
        const DeliveryState s = kAllStates[i];
        auto *set = new QBarSet(logout::deliveryStateLabel(s));
        for (int j = 0; j < int(std::size(kAllStates)); ++j)
            set->append(0);
        bars->append(set);
        m_bars.insert(int(s), set);
        category->append(logout::deliveryStateLabel(s));
    }
    m_outcomes->addSeries(bars);
    m_outcomes->addAxis(category, Qt::AlignLeft); // horizontal bars: the states' names fit
    m_countAxis->setLabelFormat(QStringLiteral("%.0f"));
    m_outcomes->addAxis(m_countAxis, Qt::AlignBottom);
    bars->attachAxis(category);
    bars->attachAxis(m_countAxis);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *top = new QHBoxLayout;
    auto *label = new QLabel(tr("C&hart of:"), this);
    label->setBuddy(m_client);
    top->addWidget(label);
    top->addWidget(m_client, 1);
    layout->addLayout(top);
    layout->addWidget(m_caption);
    auto *charts = new QHBoxLayout;
    charts->addWidget(viewOf(m_latency, this), 3);
    charts->addWidget(viewOf(m_outcomes, this), 3);
    layout->addLayout(charts, 1);
    applyColours();
    connect(m_client, &QComboBox::currentIndexChanged, this, [this] { emit clientChanged(clientId()); });
}

void DeliveryChart::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyColours();
}

void DeliveryChart::applyColours()
{
    const QPalette p = palette();
    for (auto it = m_points.cbegin(); it != m_points.cend(); ++it) {
        const QColor c = deliveryStateColor(DeliveryState(it.key()), p);
        it.value()->setColor(c);
        it.value()->setBorderColor(c);
    }
    for (auto it = m_bars.cbegin(); it != m_bars.cend(); ++it)
        it.value()->setColor(deliveryStateColor(DeliveryState(it.key()), p));
    for (QChart *chart : {m_latency, m_outcomes}) {
        chart->setBackgroundBrush(p.brush(QPalette::Base));
        chart->setTitleBrush(p.brush(QPalette::Text));
        chart->legend()->setLabelColor(p.color(QPalette::Text));
        for (QAbstractAxis *axis : chart->axes()) {
            axis->setLabelsColor(p.color(QPalette::Text));
            axis->setTitleBrush(p.brush(QPalette::Text));
        }
    }
}

void DeliveryChart::setClients(const QStringList &clientIds)
{
    const QString keep = clientId();
    QStringList current;
    for (int i = 0; i < m_client->count(); ++i)
        current << m_client->itemText(i);
    if (current == clientIds)
        return;
    const QSignalBlocker block(m_client);
    m_client->clear();
    m_client->addItems(clientIds);
    m_client->setCurrentIndex(qMax(0, m_client->findText(keep)));
    if (clientId() != keep)
        emit clientChanged(clientId());
}

QString DeliveryChart::clientId() const
{
    return m_client->currentText();
}

void DeliveryChart::setClientId(const QString &clientId)
{
    const int i = m_client->findText(clientId);
    if (i >= 0)
        m_client->setCurrentIndex(i);
}

void DeliveryChart::refresh(const DeliveryModel &model, const QString &runId)
{
    const QString client = clientId();
    QHash<int, QList<QPointF>> points;
    QHash<int, int> counts;
    // Time runs from the run's start when known, else from its first outcome.
    QHash<QString, QDateTime> origin;
    double maxX = 1, maxMs = 1;
    const int clientIndex = model.clientIndex(client);
    const int run = model.runIndex(runId);
    for (int row = 0, n = clientIndex >= 0 ? model.rowCount() : 0; row < n; ++row) {
        if (model.clientIndexOf(row) != clientIndex || (!runId.isEmpty() && model.runIndexOf(row) != run))
            continue;
        const logout::Delivery &d = model.at(row);
        ++counts[int(d.state)];
        if (!d.latencyMs || !m_points.contains(int(d.state)) || !d.updatedAt.isValid())
            continue;
        QDateTime &start = origin[d.runId];
        if (!start.isValid()) {
            start = model.runInfo(d.runId).startedAt;
            if (!start.isValid())
                start = d.updatedAt;
        }
        const double x = qMax(0.0, start.msecsTo(d.updatedAt) / 1000.0);
        points[int(d.state)].append({x, *d.latencyMs});
        maxX = qMax(maxX, x);
        maxMs = qMax(maxMs, *d.latencyMs);
    }
    int shown = 0, total = 0;
    m_pointTotals.clear();
    for (auto it = m_points.cbegin(); it != m_points.cend(); ++it) {
        QList<QPointF> all = points.value(it.key());
        m_pointTotals.insert(it.key(), int(all.size()));
        total += int(all.size());
        if (all.size() > kMaxPointsPerState) {
            QList<QPointF> thin;
            thin.reserve(kMaxPointsPerState);
            const double step = double(all.size()) / kMaxPointsPerState;
            for (int i = 0; i < kMaxPointsPerState; ++i)
                thin.append(all.at(qMin(int(all.size()) - 1, int(i * step))));
            all = std::move(thin);
        }
        shown += int(all.size());
        it.value()->replace(all);
    }
    m_timeAxis->setRange(0, maxX * 1.05);
    m_msAxis->setRange(0, maxMs * 1.1);
    int maxCount = 1;
    for (int i = 0; i < int(std::size(kAllStates)); ++i) {
        const int n = counts.value(int(kAllStates[i]));
        m_bars.value(int(kAllStates[i]))->replace(i, n);
        maxCount = qMax(maxCount, n);
    }
    m_countAxis->setRange(0, maxCount);
    const QLocale l;
    m_caption->setText(
        client.isEmpty() ? tr("No deliveries yet.")
        : shown < total
            ? tr("%1: %2 answered deliveries, %3 of them plotted.").arg(client, l.toString(total), l.toString(shown))
            : tr("%1: %2 answered deliveries.").arg(client, l.toString(total)));
}

int DeliveryChart::pointCount(DeliveryState state) const
{
    return m_pointTotals.value(int(state));
}

int DeliveryChart::barValue(DeliveryState state) const
{
    const QBarSet *set = m_bars.value(int(state));
    const auto *at = std::find(std::begin(kAllStates), std::end(kAllStates), state);
    return set && at != std::end(kAllStates) ? int(set->at(int(at - std::begin(kAllStates)))) : 0;
}

} // namespace signoff
