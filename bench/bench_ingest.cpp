// Outcome ingest at a sustained rate, as the console takes it: a live LogoutRun whose IdP outcome
// feed delivers --rate events per second for --seconds (in batches every --tick ms, the way a
// stream is read), each event merged into the ledger, committed to the history (the run's commit
// hook hands each batch to the HistoryWriter thread, the run announces it once written) and shown
// on the real Deliveries page (table, per-RP summary, chart; offscreen, visible). A 5 ms timer on
// the GUI thread measures how late the event loop serves it (its stalls). At the end every
// delivery is compared in the ledger, the model and the history: nothing may be missing or stale.
//   bench_ingest [--rate 20000] [--seconds 10] [--rps 10] [--tick 5] [--no-history]
// Events arrive in random row order. Prints one JSON line (milliseconds unless named otherwise).
#include "DeliveriesPage.h"
#include "DeliveryChart.h"
#include "idp/IdpConnector.h"
#include "items/DeliveryModel.h"
#include "logout/IdpOutcomeFeed.h"
#include "logout/LogoutRun.h"
#include "store/HistoryStore.h"
#include "store/HistoryWriter.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <numeric>
#include <random>

using namespace signoff;
using namespace signoff::logout;

namespace {
const QString kIdpRun = QStringLiteral("bench-idp-run");

double cpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

// This thread's CPU time: a late tick with as much CPU spent since the previous one was late
// because of work; one without was late because the machine ran something else.
double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

double pct(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const auto rank = size_t(std::ceil(p / 100.0 * double(v.size())));
    return v[std::clamp<size_t>(rank, 1, v.size()) - 1];
}

// The IdP's stream: the benchmark emits its batches.
class BenchFeed : public IdpOutcomeFeed
{
public:
    using IdpOutcomeFeed::IdpOutcomeFeed;
    void start(qint64 cursor) override
    {
        m_started = true;
        m_cursor = cursor;
    }
    void stop() override { m_started = false; }
    qint64 cursor() const override { return m_cursor; }
    bool isStarted() const { return m_started; }

private:
    bool m_started = false;
    qint64 m_cursor = 0;
};

// An IdP that ends every session in one call, says it will report, and answers at once: the
// benchmark is about what Signoff does with the reports, not about an IdP.
class BenchConnector : public IdpConnector
{
public:
    explicit BenchConnector(int maxBatch)
        : m_maxBatch(maxBatch)
        , m_feed(this)
    {}
    IdpCapabilities capabilities() const override { return {}; }
    QStringList limitations() const override { return {}; }
    void testConnection(QObject *context, Done<ConnectionReport> done) override { refuse(context, done); }
    void facts(QObject *context, Done<IdpFacts> done) override { refuse(context, done); }
    void relyingParties(QObject *context, Done<QList<RelyingParty>> done) override { refuse(context, done); }
    void users(const QString &, int, QObject *context, Done<QList<IdpUser>> done) override { refuse(context, done); }
    void sessions(const SessionQuery &, QObject *context, PageCallback, StatusCallback done) override
    {
        QMetaObject::invokeMethod(
            context, [done] { done(Status::failure(QStringLiteral("bench"))); }, Qt::QueuedConnection);
    }
    LogoutSupport logoutSupport() const override
    {
        LogoutSupport s;
        s.endsSessions = s.sendsTokens = s.reportsOutcomes = true;
        s.maxBatch = m_maxBatch;
        return s;
    }
    void logoutSessions(const QList<IdpSession> &, int, QObject *context, Done<LogoutDispatch> done) override
    {
        LogoutDispatch dispatch;
        dispatch.idpRunId = kIdpRun;
        dispatch.eventsCursor = 0;
        QMetaObject::invokeMethod(
            context, [done, dispatch] { done(dispatch); }, Qt::QueuedConnection);
    }
    IdpOutcomeFeed *outcomeFeed() override { return &m_feed; }
    BenchFeed &feed() { return m_feed; }

private:
    template <typename T> static void refuse(QObject *context, Done<T> done)
    {
        QMetaObject::invokeMethod(
            context, [done] { done(Error{QStringLiteral("not part of the benchmark")}); }, Qt::QueuedConnection);
    }
    int m_maxBatch;
    BenchFeed m_feed;
};

LogoutPlan makePlan(int sessions, int rps)
{
    LogoutPlan plan;
    plan.profile.id = plan.profile.name = QStringLiteral("bench");
    plan.profile.kind = IdpKind::Sandbox;
    plan.scope.kind = LogoutScope::Kind::Sessions;
    plan.support.endsSessions = plan.support.sendsTokens = plan.support.reportsOutcomes = true;
    plan.support.maxBatch = sessions;
    plan.users = sessions / 4;
    for (int s = 0; s < sessions; ++s) {
        IdpSession session;
        session.id = QStringLiteral("sess-%1").arg(s, 6, 10, QLatin1Char('0'));
        session.userId = QStringLiteral("user-%1").arg(s % plan.users, 6, 10, QLatin1Char('0'));
        session.userName = QStringLiteral("Bench User %1").arg(s % plan.users);
        for (int r = 0; r < rps; ++r) {
            const QString client = QStringLiteral("bench-rp-%1").arg(r, 2, 10, QLatin1Char('0'));
            const QString sid = QStringLiteral("sid-%1-%2").arg(s).arg(r);
            session.rps.append({client, sid});
            Delivery d;
            d.sessionId = session.id;
            d.userId = session.userId;
            d.userName = session.userName;
            d.clientId = client;
            d.sid = sid;
            plan.deliveries.append(d);
        }
        plan.sessions.append(session);
    }
    return plan;
}

// The n-th event: one delivery settled by the IdP; most delivered, some failed or timed out.
OutcomeReport event(const Delivery &d, int n)
{
    OutcomeReport r;
    r.source = OutcomeSource::Idp;
    r.idpRunId = kIdpRun;
    r.sessionId = d.sessionId;
    r.clientId = d.clientId;
    r.sid = d.sid;
    const int k = n % 100;
    r.state = k < 90 ? DeliveryState::Delivered : k < 97 ? DeliveryState::Failed : DeliveryState::TimedOut;
    if (r.state != DeliveryState::TimedOut)
        r.httpStatus = r.state == DeliveryState::Delivered ? 200 : 500;
    r.latencyMs = 5.0 + QRandomGenerator::global()->bounded(400.0);
    if (r.state == DeliveryState::Failed)
        r.error = QStringLiteral("HTTP 500 from the RP");
    else if (r.state == DeliveryState::TimedOut)
        r.error = QStringLiteral("no answer within 10 s");
    r.time = QDateTime::currentDateTimeUtc();
    return r;
}
} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser cli;
    cli.addOptions(
        {{QStringLiteral("rate"), QStringLiteral("events per second"), QStringLiteral("n"), QStringLiteral("20000")},
         {QStringLiteral("seconds"), QStringLiteral("how long"), QStringLiteral("s"), QStringLiteral("10")},
         {QStringLiteral("rps"), QStringLiteral("RPs per session"), QStringLiteral("n"), QStringLiteral("10")},
         {QStringLiteral("tick"), QStringLiteral("ms between feed batches"), QStringLiteral("ms"), QStringLiteral("5")},
         {QStringLiteral("no-history"), QStringLiteral("no commit hook")},
         {QStringLiteral("no-chart"), QStringLiteral("the chart hidden (what drawing it costs)")}});
    cli.process(app);
    const int rate = cli.value(QStringLiteral("rate")).toInt();
    const double seconds = cli.value(QStringLiteral("seconds")).toDouble();
    const int rps = std::max(1, cli.value(QStringLiteral("rps")).toInt());
    const int tick = std::max(1, cli.value(QStringLiteral("tick")).toInt());
    const int total = int(rate * seconds);
    const int sessions = (total + rps - 1) / rps;

    QTemporaryDir dir;
    // As the composition root wires it: the run commits through the history's writer thread, and
    // announces a batch once the writer says it is written. The store here only reads at the end.
    std::unique_ptr<HistoryWriter> writer;
    std::unique_ptr<HistoryStore> history;
    if (!cli.isSet(QStringLiteral("no-history"))) {
        const QString path = dir.filePath(QStringLiteral("history.sqlite"));
        auto opened = HistoryWriter::open(path);
        auto reader = HistoryStore::open(path);
        if (!opened || !reader) {
            std::fprintf(stderr, "history: %s%s\n", qPrintable(opened.errorString()), qPrintable(reader.errorString()));
            return 1;
        }
        writer = std::move(opened).value();
        history = std::move(reader).value();
    }
    std::vector<double> saveMs; // from the hook's call to committed: the writer's save plus both hops
    qint64 rowsSaved = 0;
    int saveErrors = 0;
    LogoutRun::CommitHook hook;
    QObject hookContext;
    if (writer) {
        hook = [&](const RunInfo &run, const QList<Delivery> &changed, LogoutRun::Committed committed) {
            auto t = std::make_shared<QElapsedTimer>();
            t->start();
            const auto rows = changed.size();
            writer->save(run, changed, &hookContext, [&, t, rows, committed](const Status &s) {
                saveMs.push_back(double(t->nsecsElapsed()) / 1e6);
                rowsSaved += rows;
                saveErrors += s ? 0 : 1;
                committed(s);
            });
        };
    }

    AppContext context; // the page needs no service: the run is handed to it directly
    DeliveriesPage page(context);
    page.resize(1400, 900);
    page.show();
    if (cli.isSet(QStringLiteral("no-chart")))
        page.chart()->hide();

    BenchConnector connector(sessions);
    QElapsedTimer setup;
    setup.start();
    auto *run = new LogoutRun(&connector, makePlan(sessions, rps), LogoutRun::Options{}, hook, &app);
    page.follow(run);
    run->start();
    bool finished = false;
    QObject::connect(run, &LogoutRun::finished, &app, [&] { finished = true; });
    while (!connector.feed().isStarted() && setup.elapsed() < 60000)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    // The rows enter the page once (one insert) before the flood starts.
    while (page.model()->rowCount() < run->ledger().size() && setup.elapsed() < 60000)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    const double setupMs = double(setup.elapsed());
    // Let the first layout and paint of the inserted rows happen before the flood: the run's start
    // is reported as setup_ms, the flood is what is measured.
    const qint64 settle = setup.elapsed() + 500;
    while (setup.elapsed() < settle)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 20);

    // The probe: a 5 ms timer's lateness is how long the event loop could not serve it.
    std::vector<double> lateness;
    std::vector<double> onCpu; // per tick: the part of its lateness this thread spent working
    QElapsedTimer clock;
    clock.start();
    qint64 lastNs = clock.nsecsElapsed();
    double lastCpu = threadCpuMs();
    double worstLate = 0, worstAtMs = 0; // when the longest stall ended, from the start of the flood
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(5);
    QObject::connect(&probe, &QTimer::timeout, &app, [&] {
        const qint64 now = clock.nsecsElapsed();
        const double cpu = threadCpuMs();
        const double late = std::max(0.0, double(now - lastNs) / 1e6 - 5.0);
        lateness.push_back(late);
        if (late > worstLate) {
            worstLate = late;
            worstAtMs = double(now) / 1e6;
        }
        onCpu.push_back(std::min(late, cpu - lastCpu));
        lastNs = now;
        lastCpu = cpu;
    });

    // Outcomes arrive in no particular order (many RPs answer at their own pace): each batch
    // touches rows all over the table, the model's worst case.
    std::vector<int> order(static_cast<size_t>(total));
    std::iota(order.begin(), order.end(), 0);
    std::shuffle(order.begin(), order.end(), std::mt19937(11));
    int sent = 0;
    int batches = 0;
    const double cpu0 = cpuMs();
    const double threadCpu0 = threadCpuMs();
    QTimer producer;
    producer.setTimerType(Qt::PreciseTimer);
    producer.setInterval(tick);
    QObject::connect(&producer, &QTimer::timeout, &app, [&] {
        const int due = std::min(total, int(double(clock.nsecsElapsed()) / 1e9 * rate));
        if (due <= sent)
            return;
        QList<OutcomeReport> batch;
        batch.reserve(due - sent);
        for (; sent < due; ++sent)
            batch.append(event(run->ledger().at(order[size_t(sent)]), sent));
        ++batches;
        emit connector.feed().outcomes(batch);
        if (sent == total) {
            producer.stop();
            emit connector.feed().idpRunFinished(kIdpRun);
        }
    });
    int modelFlushes = 0;
    QObject::connect(page.model(), &DeliveryModel::flushed, &app, [&] { ++modelFlushes; });
    lastNs = clock.nsecsElapsed();
    lastCpu = threadCpuMs();
    probe.start();
    producer.start();
    const qint64 deadline = qint64((seconds + 120) * 1000);
    while ((!finished || page.model()->stagedCount() > 0) && clock.elapsed() < deadline)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    page.model()->flush();
    const double ingestMs = double(clock.nsecsElapsed()) / 1e6;
    const double ingestCpuMs = cpuMs() - cpu0;
    const double ingestGuiCpuMs = threadCpuMs() - threadCpu0;
    // A few more probe ticks after the end, so a stall at the very end is counted too.
    const qint64 tail = clock.elapsed() + 300;
    while (clock.elapsed() < tail)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 20);
    probe.stop();

    // Nothing dropped: every delivery settled in the ledger, in the model and in the history.
    const DeliveryLedger &ledger = run->ledger();
    int pendingInLedger = 0, modelMismatch = 0, historyMismatch = 0, historyRows = -1;
    QHash<QString, DeliveryState> stored;
    if (history) {
        HistoryStore::DeliveryFilter f;
        f.runId = run->info().id;
        f.limit = ledger.size() + 1;
        if (const auto rows = history->deliveries(f)) {
            historyRows = int(rows->size());
            for (const Delivery &d : *rows)
                stored.insert(d.sessionId + QLatin1Char('/') + d.clientId, d.state);
        }
    }
    for (int row = 0; row < ledger.size(); ++row) {
        const Delivery &d = ledger.at(row);
        pendingInLedger += d.state == DeliveryState::Pending ? 1 : 0;
        const int m = page.model()->rowOf(d.runId, row);
        if (m < 0 || page.model()->at(m).state != d.state)
            ++modelMismatch;
        if (history && stored.value(d.sessionId + QLatin1Char('/') + d.clientId, DeliveryState::Pending) != d.state)
            ++historyMismatch;
    }
    const StateCounts counts = ledger.counts();
    const int over50 = int(std::count_if(lateness.cbegin(), lateness.cend(), [](double v) { return v > 50; }));
    QJsonObject out{
        {QStringLiteral("rate"), rate},
        {QStringLiteral("seconds"), seconds},
        {QStringLiteral("events"), sent},
        {QStringLiteral("deliveries"), ledger.size()},
        {QStringLiteral("feed_batches"), batches},
        {QStringLiteral("setup_ms"), setupMs},
        {QStringLiteral("ingest_ms"), ingestMs},
        {QStringLiteral("ingest_cpu_ms"), ingestCpuMs},
        {QStringLiteral("ingest_gui_thread_cpu_ms"), ingestGuiCpuMs},
        {QStringLiteral("probe_ticks"), int(lateness.size())},
        {QStringLiteral("stall_max_ms"), lateness.empty() ? 0 : *std::max_element(lateness.cbegin(), lateness.cend())},
        {QStringLiteral("stall_p99_ms"), pct(lateness, 99)},
        {QStringLiteral("stall_p50_ms"), pct(lateness, 50)},
        {QStringLiteral("stalls_over_50ms"), over50},
        {QStringLiteral("stall_max_at_ms"), worstAtMs},
        {QStringLiteral("stall_on_cpu_max_ms"), onCpu.empty() ? 0 : *std::max_element(onCpu.cbegin(), onCpu.cend())},
        {QStringLiteral("stall_on_cpu_p99_ms"), pct(onCpu, 99)},
        {QStringLiteral("model_flushes"), modelFlushes},
        {QStringLiteral("history"), bool(history)},
        {QStringLiteral("chart"), page.chart()->isVisible()},
        {QStringLiteral("history_saves"), int(saveMs.size())},
        {QStringLiteral("history_save_max_ms"), saveMs.empty() ? 0 : *std::max_element(saveMs.cbegin(), saveMs.cend())},
        {QStringLiteral("history_save_p50_ms"), pct(saveMs, 50)},
        {QStringLiteral("history_errors"), saveErrors},
        {QStringLiteral("history_rows_saved"), rowsSaved},
        {QStringLiteral("history_save_total_ms"), std::accumulate(saveMs.cbegin(), saveMs.cend(), 0.0)},
        {QStringLiteral("history_rows"), historyRows},
        {QStringLiteral("ledger"), counts.toJson()},
        {QStringLiteral("ledger_pending"), pendingInLedger},
        {QStringLiteral("model_rows"), page.model()->rowCount()},
        {QStringLiteral("model_mismatch"), modelMismatch},
        {QStringLiteral("history_mismatch"), historyMismatch},
        {QStringLiteral("finished"), finished},
    };
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
    const bool ok = finished && sent == total && pendingInLedger == 0 && modelMismatch == 0 &&
                    (!history || (historyMismatch == 0 && historyRows == ledger.size() && saveErrors == 0));
    delete run; // before the connector it points to goes out of scope
    return ok ? 0 : 3;
}
