#include "core/IsoTime.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QTest>

using namespace signoff;

// The hand-written formatter must agree with QDateTime everywhere a NumericDate can land.
class TestIsoTime : public QObject
{
    Q_OBJECT

private slots:
    void knownInstants_data()
    {
        QTest::addColumn<qint64>("secs");
        QTest::addColumn<QString>("text");
        QTest::newRow("epoch") << qint64(0) << QStringLiteral("1970-01-01T00:00:00Z");
        QTest::newRow("before epoch") << qint64(-1) << QStringLiteral("1969-12-31T23:59:59Z");
        QTest::newRow("leap day") << qint64(951782400) << QStringLiteral("2000-02-29T00:00:00Z");
        QTest::newRow("year 0") << qint64(-62167219200) << QStringLiteral("0000-01-01T00:00:00Z");
        QTest::newRow("year 9999 end") << qint64(253402300799) << QStringLiteral("9999-12-31T23:59:59Z");
    }
    void knownInstants()
    {
        QFETCH(qint64, secs);
        QFETCH(QString, text);
        QCOMPARE(isoUtcSeconds(secs), text);
    }

    void agreesWithQDateTime()
    {
        QRandomGenerator rng(20261123);
        for (int i = 0; i < 200000; ++i) {
            // Year 1..9999 (QDateTime writes year 0 differently) and a dense band around now.
            const qint64 secs = i % 2 ? rng.bounded(qint64(-62135596800), qint64(253402300799))
                                      : 1790000000 + rng.bounded(qint64(0), qint64(100000000));
            const QString expected = QDateTime::fromSecsSinceEpoch(secs, Qt::UTC).toString(Qt::ISODate);
            if (isoUtcSeconds(secs) != expected)
                QFAIL(qPrintable(QStringLiteral("%1: %2 != %3").arg(secs).arg(isoUtcSeconds(secs), expected)));
        }
    }
};

QTEST_GUILESS_MAIN(TestIsoTime)
#include "tst_isotime.moc"
