// Session browsing at scale, as the console does it: the real SandboxConnector pages through
// /admin/sessions into a SessionModel behind a SessionFilterModel shown in a QTableView
// (offscreen), then a filter is typed one character at a time.
//   SIGNOFF_BENCH_ADMIN_SECRET=... bench_sessions --url http://127.0.0.1:PORT [--page-size 1000]
//       [--type user-0001] [--urls-out FILE]
// The admin secret comes from the environment so that it is never on a command line. Prints one
// JSON line (milliseconds unless named otherwise). Every request goes through a network manager
// that timestamps it, so the IdP's time (request created → reply finished) is told apart from the
// console's own: parse (reply finished → page handed over) and insert (SessionModel::append).
// --urls-out writes the session pages' URLs, one per line, so curl can fetch exactly the same.
#include "idp/sandbox/SandboxConnector.h"
#include "items/SessionModel.h"
#include "store/ProfileStore.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSet>
#include <QTableView>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <numeric>

using namespace signoff;

namespace {
QElapsedTimer g_clock;

double nowMs()
{
    return double(g_clock.nsecsElapsed()) / 1e6;
}

double cpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

qint64 procStatusKb(const char *field)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray prefix = QByteArray(field) + ':';
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').value(0).toLongLong();
    return -1;
}

double median(std::vector<double> v)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// Timestamps every request from its creation to its finished signal (connected before the
// connector's own handler, so "finished" is before any of the console's parsing).
class TimedNetworkManager : public QNetworkAccessManager
{
public:
    struct Request
    {
        QUrl url;
        double createdMs = 0;
        double finishedMs = -1;
        qint64 bytes = 0;
    };
    std::vector<Request> requests;
    double lastFinishedMs = -1; // the reply whose answer the connector is handling now

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request, QIODevice *data) override
    {
        const size_t i = requests.size();
        requests.push_back({request.url(), nowMs()});
        QNetworkReply *reply = QNetworkAccessManager::createRequest(op, request, data);
        connect(reply, &QNetworkReply::finished, this, [this, i, reply] {
            requests[i].finishedMs = nowMs();
            requests[i].bytes = reply->bytesAvailable();
            lastFinishedMs = requests[i].finishedMs;
        });
        return reply;
    }
};

// Counts completed paints that showed at least one row.
class ProbedTableView : public QTableView
{
public:
    using QTableView::QTableView;
    int rowPaints = 0;
    double firstRowPaintMs = -1;

protected:
    void paintEvent(QPaintEvent *event) override
    {
        QTableView::paintEvent(event);
        if (model() && model()->rowCount() > 0) {
            ++rowPaints;
            if (firstRowPaintMs < 0)
                firstRowPaintMs = nowMs();
        }
    }
};

// Runs the event loop until the view has painted again (or the deadline passes).
bool waitForPaint(ProbedTableView *view, int paintsBefore, int deadlineMs)
{
    QElapsedTimer t;
    t.start();
    view->viewport()->update();
    while (view->rowPaints == paintsBefore && t.elapsed() < deadlineMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    return view->rowPaints > paintsBefore;
}

bool isSessionPage(const QUrl &url)
{
    return url.path().endsWith(QLatin1String("/admin/sessions"));
}
} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser p;
    p.addOption({QStringLiteral("url"), QStringLiteral("The sandbox's base URL."), QStringLiteral("URL")});
    p.addOption({QStringLiteral("page-size"), QStringLiteral("Sessions per page (default 1000, as the Sessions page)."),
                 QStringLiteral("N"), QStringLiteral("1000")});
    p.addOption({QStringLiteral("type"), QStringLiteral("Filter text typed one character at a time."),
                 QStringLiteral("TEXT"), QStringLiteral("user-0001")});
    p.addOption(
        {QStringLiteral("urls-out"), QStringLiteral("Write the session pages' URLs here."), QStringLiteral("FILE")});
    p.addHelpOption();
    p.process(app);
    const QString secret = qEnvironmentVariable("SIGNOFF_BENCH_ADMIN_SECRET");
    if (!p.isSet(QStringLiteral("url")) || secret.isEmpty()) {
        std::fprintf(stderr, "bench_sessions: --url and SIGNOFF_BENCH_ADMIN_SECRET are required\n");
        return 2;
    }
    g_clock.start();

    Profile profile;
    profile.id = QStringLiteral("bench");
    profile.name = QStringLiteral("bench");
    profile.kind = IdpKind::Sandbox;
    profile.baseUrl = QUrl(p.value(QStringLiteral("url")));
    profile.clientId = QString::fromLatin1(kSandboxAdminClientId);
    TimedNetworkManager nam;
    SandboxConnector connector(&nam, profile, [secret](QObject *context, std::function<void(Result<QString>)> done) {
        QMetaObject::invokeMethod(
            context, [done, secret] { done(secret); }, Qt::QueuedConnection);
    });

    SessionModel model;
    SessionFilterModel filter(&model);
    ProbedTableView view;
    // Configured as SessionsPage configures its table.
    view.setModel(&filter);
    view.setSelectionBehavior(QAbstractItemView::SelectRows);
    view.setSelectionMode(QAbstractItemView::ExtendedSelection);
    view.setWordWrap(false);
    view.verticalHeader()->hide();
    view.verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view.verticalHeader()->setDefaultSectionSize(view.fontMetrics().height() + 8);
    view.horizontalHeader()->setStretchLastSection(true);
    for (auto [col, width] : {std::pair{SessionModel::UserColumn, 200},
                              {SessionModel::IpColumn, 150},
                              {SessionModel::StartedColumn, 160},
                              {SessionModel::LastAccessColumn, 160}})
        view.setColumnWidth(col, width);
    view.resize(1280, 800);
    view.show();
    QCoreApplication::processEvents();

    SessionQuery query;
    query.pageSize = p.value(QStringLiteral("page-size")).toInt();
    std::vector<double> parseMs, insertMs;
    double firstPageInsertedMs = -1;
    bool finished = false;
    Status outcome;
    const double cpu0 = cpuMs();
    const double t0 = nowMs();
    connector.sessions(
        query, &view,
        [&](const QList<IdpSession> &page, ListProgress) {
            const double handed = nowMs();
            parseMs.push_back(handed - nam.lastFinishedMs);
            model.append(page);
            insertMs.push_back(nowMs() - handed);
            if (firstPageInsertedMs < 0)
                firstPageInsertedMs = nowMs();
        },
        [&](Status s) {
            outcome = s;
            finished = true;
        });
    QElapsedTimer deadline;
    deadline.start();
    while (!finished && deadline.elapsed() < 600000)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 100);
    const double allLoaded = nowMs();
    const double loadCpu = cpuMs() - cpu0;
    if (!finished || !outcome) {
        std::fprintf(stderr, "bench_sessions: listing failed: %s\n",
                     finished ? qPrintable(outcome.errorString()) : "no end within 600 s");
        return 1;
    }
    // The first paint with rows happened in the event loop above, before later pages arrived.
    const double firstScreenMs = view.firstRowPaintMs;
    waitForPaint(&view, view.rowPaints, 10000);
    const qint64 hwmAfterLoad = procStatusKb("VmHWM");
    const qint64 rssAfterLoad = procStatusKb("VmRSS");

    double idpMs = 0, tokenMs = 0;
    qint64 bytes = 0;
    int pages = 0;
    QByteArray urls;
    for (const auto &r : nam.requests) {
        if (isSessionPage(r.url)) {
            idpMs += r.finishedMs - r.createdMs;
            bytes += r.bytes;
            ++pages;
            urls += r.url.toEncoded() + '\n';
        } else if (r.url.path().endsWith(QLatin1String("/token"))) {
            tokenMs += r.finishedMs - r.createdMs;
        }
    }
    if (p.isSet(QStringLiteral("urls-out"))) {
        QFile f(p.value(QStringLiteral("urls-out")));
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(urls) != urls.size()) {
            std::fprintf(stderr, "bench_sessions: cannot write %s\n", qPrintable(f.fileName()));
            return 1;
        }
    }

    // Typing: each keystroke until the view has painted the filtered rows.
    const QString typed = p.value(QStringLiteral("type"));
    std::vector<double> keyMs, keyFilterMs;
    QJsonArray keys;
    for (int i = 1; i <= typed.size(); ++i) {
        const int paints = view.rowPaints;
        const double k0 = nowMs();
        filter.setText(typed.left(i));
        const double filtered = nowMs();
        waitForPaint(&view, paints, 10000);
        keyMs.push_back(nowMs() - k0);
        keyFilterMs.push_back(filtered - k0);
        keys.append(QJsonObject{{QStringLiteral("text"), typed.left(i)},
                                {QStringLiteral("ms"), keyMs.back()},
                                {QStringLiteral("filter_ms"), keyFilterMs.back()},
                                {QStringLiteral("rows"), filter.rowCount()}});
    }
    const int matched = filter.rowCount();
    const int paints = view.rowPaints;
    const double c0 = nowMs();
    filter.setText(QString());
    waitForPaint(&view, paints, 10000);
    const double clearMs = nowMs() - c0;

    // Every session exactly once: paging must neither repeat nor skip.
    QSet<QString> ids;
    for (const IdpSession &s : model.sessions())
        ids.insert(s.id);

    auto sum = [](const std::vector<double> &v) { return std::accumulate(v.begin(), v.end(), 0.0); };
    const QJsonObject out{
        {QStringLiteral("rows"), qint64(model.rowCount())},
        {QStringLiteral("unique_ids"), qint64(ids.size())},
        {QStringLiteral("pages"), pages},
        {QStringLiteral("bytes"), bytes},
        {QStringLiteral("first_screen_ms"), firstScreenMs - t0},
        {QStringLiteral("first_page_inserted_ms"), firstPageInsertedMs - t0},
        {QStringLiteral("all_loaded_ms"), allLoaded - t0},
        {QStringLiteral("token_ms"), tokenMs},
        {QStringLiteral("idp_ms"), idpMs},
        {QStringLiteral("parse_ms"), sum(parseMs)},
        {QStringLiteral("insert_ms"), sum(insertMs)},
        {QStringLiteral("parse_max_page_ms"), parseMs.empty() ? 0 : *std::max_element(parseMs.begin(), parseMs.end())},
        {QStringLiteral("insert_max_page_ms"),
         insertMs.empty() ? 0 : *std::max_element(insertMs.begin(), insertMs.end())},
        {QStringLiteral("load_cpu_ms"), loadCpu},
        {QStringLiteral("key_median_ms"), median(keyMs)},
        {QStringLiteral("key_max_ms"), keyMs.empty() ? 0 : *std::max_element(keyMs.begin(), keyMs.end())},
        {QStringLiteral("key_filter_median_ms"), median(keyFilterMs)},
        {QStringLiteral("keys"), keys},
        {QStringLiteral("matched_rows"), matched},
        {QStringLiteral("clear_ms"), clearMs},
        {QStringLiteral("vmhwm_kb"), hwmAfterLoad},
        {QStringLiteral("vmrss_kb"), rssAfterLoad},
        {QStringLiteral("vmhwm_end_kb"), procStatusKb("VmHWM")},
    };
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
    return 0;
}
