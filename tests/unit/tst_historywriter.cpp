// The history's writer thread: saves in the order asked for, answers on the caller's thread,
// writes everything still queued when it is destroyed, and shares the file with the GUI thread's
// connection (reads and mock RP requests) without "database is locked".
#include "store/HistoryStore.h"
#include "store/HistoryWriter.h"

#include <QDeadlineTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <numeric>

using namespace signoff;
using namespace signoff::logout;

namespace {
constexpr int kTimeoutMs = 60000; // a bound for a hang on a loaded machine, never a speed claim

RunInfo makeRun(const QString &id)
{
    RunInfo r;
    r.id = id;
    r.profileId = r.profileName = QStringLiteral("sandbox");
    r.idpKind = QStringLiteral("sandbox");
    r.scope.kind = LogoutScope::Kind::Sessions;
    r.status = RunStatus::Running;
    r.startedAt = QDateTime::currentDateTimeUtc();
    return r;
}

Delivery makeDelivery(int session, const QString &client, const QString &error = {})
{
    Delivery d;
    d.sessionId = QStringLiteral("s%1").arg(session);
    d.clientId = client;
    d.userId = QStringLiteral("u-1");
    d.sid = QStringLiteral("sid-%1").arg(session);
    d.state = DeliveryState::Failed;
    d.source = OutcomeSource::Idp;
    d.error = error;
    d.updatedAt = QDateTime::currentDateTimeUtc();
    return d;
}

QList<Delivery> manyDeliveries(int first, int count)
{
    QList<Delivery> rows;
    for (int i = first; i < first + count; ++i)
        rows.append(makeDelivery(i, QStringLiteral("shop")));
    return rows;
}

std::unique_ptr<HistoryWriter> openWriter(const QString &path)
{
    auto writer = HistoryWriter::open(path);
    if (!writer)
        qWarning() << writer.errorString();
    return writer ? std::move(writer).value() : nullptr;
}

std::unique_ptr<HistoryStore> openStore(const QString &path)
{
    auto store = HistoryStore::open(path);
    if (!store)
        qWarning() << store.errorString();
    return store ? std::move(store).value() : nullptr;
}

template <typename Condition> bool waitFor(Condition done)
{
    QDeadlineTimer deadline(kTimeoutMs);
    while (!done() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    return done();
}
} // namespace

class TestHistoryWriter : public QObject
{
    Q_OBJECT

private slots:
    void savesInOrderAndAnswersOnTheCallersThread();
    void answersOnTheContextsThread();
    void noAnswerWhenTheContextIsGone();
    void destroyingWritesWhatIsQueued();
    void guiConnectionWritesWhileTheWriterDoes();
    void unopenableFileIsAnError();
};

// Every save rewrites the same delivery: the history ends with the last one only if they were
// written in the order asked for.
void TestHistoryWriter::savesInOrderAndAnswersOnTheCallersThread()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("history.sqlite"));
    auto writer = openWriter(path);
    QVERIFY(writer);
    constexpr int kSaves = 200;
    QList<int> answered;
    bool onCallersThread = true;
    QObject context;
    for (int i = 0; i < kSaves; ++i) {
        RunInfo run = makeRun(QStringLiteral("run-1"));
        run.counts.failed = i;
        writer->save(run, {makeDelivery(1, QStringLiteral("shop"), QString::number(i))}, &context,
                     [&, i](const Status &s) {
                         QVERIFY2(s.ok(), qPrintable(s.errorString()));
                         onCallersThread = onCallersThread && QThread::currentThread() == context.thread();
                         answered << i;
                     });
    }
    QVERIFY(waitFor([&] { return answered.size() == kSaves; }));
    QList<int> expected(kSaves);
    std::iota(expected.begin(), expected.end(), 0);
    QCOMPARE(answered, expected);
    QVERIFY(onCallersThread);

    auto reader = openStore(path);
    QVERIFY(reader);
    const auto rows = reader->deliveries({});
    QVERIFY2(rows.ok(), qPrintable(rows.errorString()));
    QCOMPARE(rows->size(), 1);
    QCOMPARE(rows->first().error, QString::number(kSaves - 1));
    QCOMPARE(reader->runs({})->first().counts.failed, kSaves - 1);
}

void TestHistoryWriter::answersOnTheContextsThread()
{
    QTemporaryDir dir;
    auto writer = openWriter(dir.filePath(QStringLiteral("history.sqlite")));
    QVERIFY(writer);
    QThread other;
    other.start();
    auto *context = new QObject;
    context->moveToThread(&other);
    QAtomicPointer<QThread> answeredOn;
    writer->save(makeRun(QStringLiteral("run-1")), manyDeliveries(0, 3), context,
                 [&](const Status &) { answeredOn.storeRelease(QThread::currentThread()); });
    QVERIFY(waitFor([&] { return answeredOn.loadAcquire() != nullptr; }));
    QCOMPARE(answeredOn.loadAcquire(), &other);
    QMetaObject::invokeMethod(
        context, [context] { delete context; }, Qt::BlockingQueuedConnection);
    other.quit();
    other.wait();
}

// The run that asked may be deleted before the answer comes (the service prunes old runs).
void TestHistoryWriter::noAnswerWhenTheContextIsGone()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("history.sqlite"));
    auto writer = openWriter(path);
    QVERIFY(writer);
    bool goneAnswered = false;
    bool laterAnswered = false;
    auto gone = std::make_unique<QObject>();
    QObject stays;
    writer->save(makeRun(QStringLiteral("run-1")), manyDeliveries(0, 500), gone.get(),
                 [&](const Status &) { goneAnswered = true; });
    gone.reset();
    writer->save(makeRun(QStringLiteral("run-2")), manyDeliveries(0, 1), &stays,
                 [&](const Status &) { laterAnswered = true; });
    QVERIFY(waitFor([&] { return laterAnswered; }));
    QVERIFY(!goneAnswered);
    auto reader = openStore(path);
    QVERIFY(reader);
    HistoryStore::DeliveryFilter f;
    f.runId = QStringLiteral("run-1");
    QCOMPARE(reader->deliveries(f)->size(), 500); // written all the same
}

// A normal exit (the composition root destroys the writer) loses no batch that was asked for.
void TestHistoryWriter::destroyingWritesWhatIsQueued()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("history.sqlite"));
    constexpr int kSaves = 40;
    constexpr int kRows = 250;
    {
        auto writer = openWriter(path);
        QVERIFY(writer);
        QObject context;
        for (int i = 0; i < kSaves; ++i)
            writer->save(makeRun(QStringLiteral("run-1")), manyDeliveries(i * kRows, kRows), &context, {});
    }
    auto reader = openStore(path);
    QVERIFY(reader);
    HistoryStore::DeliveryFilter f;
    f.runId = QStringLiteral("run-1");
    f.limit = 0;
    QCOMPARE(reader->deliveries(f)->size(), kSaves * kRows);
}

// While the writer holds the write lock for a big batch, the GUI thread's connection still reads
// and writes (it waits for the lock instead of failing with "database is locked").
void TestHistoryWriter::guiConnectionWritesWhileTheWriterDoes()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("history.sqlite"));
    auto writer = openWriter(path);
    auto gui = openStore(path);
    QVERIFY(writer && gui);
    constexpr int kSaves = 10;
    int answered = 0;
    QObject context;
    for (int i = 0; i < kSaves; ++i) {
        writer->save(makeRun(QStringLiteral("run-1")), manyDeliveries(i * 2000, 2000), &context, [&](const Status &s) {
            QVERIFY2(s.ok(), qPrintable(s.errorString()));
            ++answered;
        });
    }
    quint64 requests = 0;
    QDeadlineTimer deadline(kTimeoutMs);
    while (answered < kSaves && !deadline.hasExpired()) {
        mockrp::RequestRecord r;
        r.id = ++requests;
        r.receivedAt = QDateTime::currentDateTimeUtc();
        r.endpoint = QStringLiteral("/backchannel-logout");
        r.status = 200;
        const Status saved = gui->saveMockRequests(QStringLiteral("mock-1"), {r});
        QVERIFY2(saved.ok(), qPrintable(saved.errorString()));
        const auto read = gui->deliveries({});
        QVERIFY2(read.ok(), qPrintable(read.errorString()));
        QCoreApplication::processEvents(); // lets the writer's answers in
    }
    QCOMPARE(answered, kSaves);
    QCOMPARE(gui->mockRequests(QStringLiteral("mock-1"), int(requests) + 1)->size(), qsizetype(requests));
}

void TestHistoryWriter::unopenableFileIsAnError()
{
    QTemporaryDir dir;
    const auto writer = HistoryWriter::open(dir.path()); // a folder
    QVERIFY(!writer.ok());
    QVERIFY(!writer.errorString().isEmpty());
}

QTEST_GUILESS_MAIN(TestHistoryWriter)
#include "tst_historywriter.moc"
