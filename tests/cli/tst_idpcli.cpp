#include "TestEnv.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QSettings>
#include <QTcpServer>
#include <QTest>

namespace {
int freePort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

constexpr int kSeedUsers = 12;
constexpr int kSeedSessions = 2500; // more than one of signoffctl's pages
constexpr int kTimeoutMs = 120000;  // a bound for a hung process on a loaded machine

QList<QJsonObject> jsonLines(const QByteArray &out)
{
    QList<QJsonObject> objects;
    for (const QByteArray &line : out.split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        QJsonParseError err;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &err);
        objects.append(doc.isObject() ? doc.object()
                                      : QJsonObject{{QStringLiteral("unparsed"), QString::fromUtf8(line)}});
    }
    return objects;
}

bool isIsoUtc(const QJsonValue &v)
{
    static const QRegularExpression re(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$"));
    return v.isString() && re.match(v.toString()).hasMatch();
}
} // namespace

// The CLI contract of `signoffctl rps`, `signoffctl sessions` and `signoffctl profiles test` against
// the real sandbox on loopback. No Secret Service: the sandbox's admin secret lives in its data
// folder, so this runs on any machine.
class TestIdpCli : public QObject
{
    Q_OBJECT

private:
    IsolatedHome m_home;
    QProcessEnvironment m_env;
    QString m_port;
    QString m_downPort;

    ProcResult ctl(const QStringList &args) { return runProcess(signoffctlPath(), args, m_env, {}, kTimeoutMs); }

    static void verifyOneLineError(const ProcResult &r, int exitCode, const char *needle)
    {
        QVERIFY2(r.exitCode == exitCode,
                 qPrintable(QStringLiteral("exit %1: %2").arg(r.exitCode).arg(QString::fromUtf8(r.err))));
        QVERIFY2(r.out.isEmpty(), r.out.constData());
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY(r.err.endsWith('\n'));
        QVERIFY2(r.err.contains(needle), r.err.constData());
    }

    static void writeProfile(QSettings &ini, int index, const QString &id, const QString &name, const QString &port,
                             bool builtin)
    {
        ini.setArrayIndex(index);
        ini.setValue(QStringLiteral("id"), id);
        ini.setValue(QStringLiteral("name"), name);
        ini.setValue(QStringLiteral("kind"), QStringLiteral("sandbox"));
        ini.setValue(QStringLiteral("baseUrl"), QStringLiteral("http://127.0.0.1:%1").arg(port));
        ini.setValue(QStringLiteral("clientId"), QStringLiteral("signoff-admin"));
        ini.setValue(QStringLiteral("builtin"), builtin);
    }

    QList<QJsonObject> sessions(const QStringList &extra)
    {
        const auto r = ctl(QStringList{QStringLiteral("sessions"), QStringLiteral("--profile"),
                                       QStringLiteral("sandbox"), QStringLiteral("--json")} +
                           extra);
        if (r.exitCode != 0) {
            qWarning("sessions %s: exit %d: %s", qPrintable(extra.join(u' ')), r.exitCode, r.err.constData());
            return {};
        }
        return jsonLines(r.out);
    }

private slots:
    void initTestCase()
    {
        m_env = m_home.environment();
        m_env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
        m_env.remove(QStringLiteral("DISPLAY"));
        m_port = QString::number(freePort());
        do // nothing listens there; two probes in a row may be handed the same free port
            m_downPort = QString::number(freePort());
        while (m_downPort == m_port);
        {
            // The built-in sandbox profile pointed at this test's port, and one at a dead port.
            QSettings ini(m_home.settingsFile(), QSettings::IniFormat);
            ini.beginWriteArray(QStringLiteral("profiles"), 2);
            writeProfile(ini, 0, QStringLiteral("sandbox"), QStringLiteral("Sandbox"), m_port, true);
            writeProfile(ini, 1, QStringLiteral("down"), QStringLiteral("Down"), m_downPort, false);
            ini.endArray();
        }
        const auto r =
            ctl({QStringLiteral("sandbox"), QStringLiteral("start"), QStringLiteral("--port"), m_port,
                 QStringLiteral("--seed-users"), QString::number(kSeedUsers), QStringLiteral("--seed-sessions"),
                 QString::number(kSeedSessions), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(QJsonDocument::fromJson(r.out).object().value(QStringLiteral("sessions")).toInt(), kSeedSessions);
    }

    void cleanupTestCase()
    {
        const auto r = ctl({QStringLiteral("sandbox"), QStringLiteral("stop"), QStringLiteral("--port"), m_port});
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }

    void rpsJsonHasTheContractFields()
    {
        for (const QString &profile : {QStringLiteral("sandbox"), QStringLiteral("Sandbox")}) { // id or name
            const auto r = ctl({QStringLiteral("rps"), QStringLiteral("--profile"), profile, QStringLiteral("--json")});
            QVERIFY2(r.exitCode == 0, r.err.constData());
            const auto rps = jsonLines(r.out);
            QCOMPARE(rps.size(), 8);
            qint64 sessionRefs = 0;
            for (const QJsonObject &o : rps) {
                const QString id = o.value(QStringLiteral("client_id")).toString();
                QVERIFY2(!id.isEmpty(), QJsonDocument(o).toJson().constData());
                QVERIFY(o.value(QStringLiteral("name")).isString());
                QVERIFY(o.contains(QStringLiteral("backchannel_logout_uri")));
                QVERIFY(o.value(QStringLiteral("session_required")).isBool());
                QVERIFY2(o.value(QStringLiteral("sessions")).isDouble(), qPrintable(id));
                sessionRefs += o.value(QStringLiteral("sessions")).toInteger();
                const QJsonArray findings = o.value(QStringLiteral("findings")).toArray();
                QVERIFY(o.value(QStringLiteral("findings")).isArray());
                for (const QJsonValue &f : findings) {
                    const QJsonObject fo = f.toObject();
                    QVERIFY(!fo.value(QStringLiteral("code")).toString().isEmpty());
                    QVERIFY(QStringList({QStringLiteral("error"), QStringLiteral("warning"), QStringLiteral("info")})
                                .contains(fo.value(QStringLiteral("severity")).toString()));
                    QVERIFY(!fo.value(QStringLiteral("message")).toString().isEmpty());
                }
                if (id == QLatin1String("demo-no-bcl")) {
                    QVERIFY(o.value(QStringLiteral("backchannel_logout_uri")).isNull());
                    QCOMPARE(findings.size(), 1);
                    QCOMPARE(findings.first()[QStringLiteral("code")].toString(), QStringLiteral("no_backchannel_uri"));
                    QCOMPARE(findings.first()[QStringLiteral("severity")].toString(), QStringLiteral("error"));
                } else {
                    QVERIFY2(findings.isEmpty(), qPrintable(id));
                    QVERIFY(
                        o.value(QStringLiteral("backchannel_logout_uri")).toString().startsWith(u"http://127.0.0.1:"));
                }
                if (id == QLatin1String("demo-sid-optional"))
                    QCOMPARE(o.value(QStringLiteral("session_required")).toBool(), false);
                if (id == QLatin1String("demo-sid-required"))
                    QCOMPARE(o.value(QStringLiteral("session_required")).toBool(), true);
            }
            QVERIFY(sessionRefs >= kSeedSessions && sessionRefs <= 3 * kSeedSessions);
        }
    }

    void sessionsJsonHasTheContractFields()
    {
        const auto all = sessions({});
        QCOMPARE(all.size(), kSeedSessions); // every page
        QSet<QString> ids;
        QSet<QString> ips;
        for (const QJsonObject &o : all) {
            const QString id = o.value(QStringLiteral("id")).toString();
            QVERIFY2(!id.isEmpty(), QJsonDocument(o).toJson().constData());
            ids.insert(id);
            QVERIFY(o.value(QStringLiteral("user")).toString().startsWith(u"user-"));
            QVERIFY(o.value(QStringLiteral("user_name")).toString().startsWith(u"Seeded User"));
            QVERIFY2(!o.value(QStringLiteral("ip")).toString().isEmpty(), qPrintable(id));
            ips.insert(o.value(QStringLiteral("ip")).toString());
            QVERIFY2(isIsoUtc(o.value(QStringLiteral("started"))), qPrintable(id));
            QVERIFY2(isIsoUtc(o.value(QStringLiteral("last_access"))), qPrintable(id));
            const auto started = QDateTime::fromString(o.value(QStringLiteral("started")).toString(), Qt::ISODate);
            const auto last = QDateTime::fromString(o.value(QStringLiteral("last_access")).toString(), Qt::ISODate);
            QVERIFY(started.isValid() && last.isValid());
            QVERIFY2(started <= last, qPrintable(id));
            QVERIFY(last <= QDateTime::currentDateTimeUtc().addSecs(1));
            const QJsonArray rps = o.value(QStringLiteral("rps")).toArray();
            QVERIFY(!rps.isEmpty());
            for (const QJsonValue &rp : rps) {
                QVERIFY(rp[QStringLiteral("client_id")].toString().startsWith(u"demo-"));
                QVERIFY(!rp[QStringLiteral("sid")].toString().isEmpty());
            }
        }
        QCOMPARE(ids.size(), kSeedSessions);
        QVERIFY(ips.size() > 50);
    }

    void sessionsPerRpPerUserAndLimit()
    {
        const auto all = sessions({});
        QCOMPARE(all.size(), kSeedSessions);

        const auto rpsOut = ctl(
            {QStringLiteral("rps"), QStringLiteral("--profile"), QStringLiteral("sandbox"), QStringLiteral("--json")});
        QCOMPARE(rpsOut.exitCode, 0);
        qint64 healthyCount = -1;
        for (const QJsonObject &o : jsonLines(rpsOut.out))
            if (o.value(QStringLiteral("client_id")).toString() == QLatin1String("demo-healthy"))
                healthyCount = o.value(QStringLiteral("sessions")).toInteger();
        QVERIFY(healthyCount > 0);
        const auto healthy = sessions({QStringLiteral("--rp"), QStringLiteral("demo-healthy")});
        QCOMPARE(qint64(healthy.size()), healthyCount);
        for (const QJsonObject &o : healthy) {
            const QJsonArray rps = o.value(QStringLiteral("rps")).toArray();
            QVERIFY(std::any_of(rps.begin(), rps.end(), [](const QJsonValue &rp) {
                return rp[QStringLiteral("client_id")].toString() == QLatin1String("demo-healthy");
            }));
        }

        const QString user = QStringLiteral("user-000003");
        QStringList expected;
        for (const QJsonObject &o : all)
            if (o.value(QStringLiteral("user")).toString() == user)
                expected << o.value(QStringLiteral("id")).toString();
        QVERIFY(!expected.isEmpty());
        QStringList got;
        for (const QJsonObject &o : sessions({QStringLiteral("--user"), user}))
            got << o.value(QStringLiteral("id")).toString();
        QCOMPARE(got, expected);

        const auto limited = sessions({QStringLiteral("--limit"), QStringLiteral("7")});
        QCOMPARE(limited.size(), 7);
        for (int i = 0; i < 7; ++i)
            QCOMPARE(limited.at(i).value(QStringLiteral("id")), all.at(i).value(QStringLiteral("id")));

        for (const QString &bad : {QStringLiteral("0"), QStringLiteral("-3"), QStringLiteral("many")})
            verifyOneLineError(ctl({QStringLiteral("sessions"), QStringLiteral("--profile"), QStringLiteral("sandbox"),
                                    QStringLiteral("--limit"), bad}),
                               2, "--limit");
    }

    void unknownProfileIsAUsageError()
    {
        for (const QString &cmd : {QStringLiteral("rps"), QStringLiteral("sessions")}) {
            verifyOneLineError(
                ctl({cmd, QStringLiteral("--profile"), QStringLiteral("nope"), QStringLiteral("--json")}), 2,
                "no profile named 'nope'");
            verifyOneLineError(ctl({cmd, QStringLiteral("--json")}), 2, "--profile");
        }
        verifyOneLineError(ctl({QStringLiteral("profiles"), QStringLiteral("test"), QStringLiteral("nope")}), 2,
                           "nope");
    }

    void idpDownIsAFailureWithTheSentence()
    {
        const QByteArray sentence = "refused the connection: is the IdP running on port " + m_downPort.toUtf8() + "?";
        for (const QStringList &args :
             {QStringList{QStringLiteral("rps"), QStringLiteral("--profile"), QStringLiteral("down")},
              QStringList{QStringLiteral("rps"), QStringLiteral("--profile"), QStringLiteral("down"),
                          QStringLiteral("--json")},
              QStringList{QStringLiteral("sessions"), QStringLiteral("--profile"), QStringLiteral("down"),
                          QStringLiteral("--json")},
              QStringList{QStringLiteral("profiles"), QStringLiteral("test"), QStringLiteral("down")}}) {
            const auto r = ctl(args);
            QVERIFY2(r.exitCode == 1, qPrintable(args.join(u' ') + u": " + QString::fromUtf8(r.err)));
            QVERIFY2(r.out.isEmpty(), r.out.constData()); // never a false empty list
            QCOMPARE(r.err.count('\n'), 1);
            QVERIFY2(r.err.contains(sentence), r.err.constData());
        }
    }

    void profilesTestConnects()
    {
        auto r = ctl({QStringLiteral("profiles"), QStringLiteral("test"), QStringLiteral("sandbox")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains(QByteArray("connected to http://127.0.0.1:" + m_port.toUtf8())), r.out.constData());
        QVERIFY2(r.out.contains("relying parties: 8"), r.out.constData());
        QVERIFY2(r.out.contains(QByteArray("sessions: " + QByteArray::number(kSeedSessions))), r.out.constData());

        r = ctl(
            {QStringLiteral("profiles"), QStringLiteral("test"), QStringLiteral("sandbox"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value(QStringLiteral("ok")).toBool(), true);
        QCOMPARE(o.value(QStringLiteral("issuer")).toString(), QStringLiteral("http://127.0.0.1:") + m_port);
        QCOMPARE(o.value(QStringLiteral("relying_parties")).toInt(), 8);
        QCOMPARE(o.value(QStringLiteral("sessions")).toInt(), kSeedSessions);
        const QJsonArray caps = o.value(QStringLiteral("capabilities")).toArray();
        QVERIFY(caps.contains(QStringLiteral("sessions_per_rp")));
        QVERIFY(caps.contains(QStringLiteral("sessions_per_user")));
    }
};

QTEST_GUILESS_MAIN(TestIdpCli)
#include "tst_idpcli.moc"
