#include "TestEnv.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSet>
#include <QSettings>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>
#include <QTimer>

#include <csignal>
#include <memory>

namespace {
int freePort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

constexpr int kSeedUsers = 4;
constexpr int kSeedSessions = 600; // a user or an RP has well over 100 sessions
constexpr int kTimeoutMs = 300000; // a bound for a hung process on a loaded machine

QList<QJsonObject> jsonLines(const QByteArray &out)
{
    QList<QJsonObject> objects;
    for (const QByteArray &line : out.split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        const QJsonDocument doc = QJsonDocument::fromJson(line);
        objects.append(doc.isObject() ? doc.object()
                                      : QJsonObject{{QStringLiteral("unparsed"), QString::fromUtf8(line)}});
    }
    return objects;
}

QStringList clientsOf(const QJsonObject &session)
{
    QStringList out;
    for (const QJsonValue &rp : session.value(QStringLiteral("rps")).toArray())
        out << rp.toObject().value(QStringLiteral("client_id")).toString();
    return out;
}

// What the sandbox's demo RP does, as the state a delivery to it must end in.
QString stateFor(const QString &clientId)
{
    if (clientId == QLatin1String("demo-failing"))
        return QStringLiteral("failed");
    if (clientId == QLatin1String("demo-hanging"))
        return QStringLiteral("timed_out");
    if (clientId == QLatin1String("demo-no-bcl"))
        return QStringLiteral("skipped");
    return QStringLiteral("delivered");
}

const QSet<QString> kGoodRps{QStringLiteral("demo-healthy"), QStringLiteral("demo-sid-required"),
                             QStringLiteral("demo-sid-optional"), QStringLiteral("demo-no-bcl")};
} // namespace

// The contract of `signoffctl logout` against the real sandbox on loopback: refusal without a
// terminal, the prompt on one (through script(1)), every scope, the JSON shape and the exit codes.
class TestLogoutCli : public QObject
{
    Q_OBJECT

private:
    IsolatedHome m_home;
    QProcessEnvironment m_env;
    QString m_port;
    QString m_downPort;
    QString m_script;

    ProcResult ctl(const QStringList &args) { return runProcess(signoffctlPath(), args, m_env, {}, kTimeoutMs); }

    // signoffctl on a terminal: script(1) gives it a pty and forwards what we type.
    ProcResult ctlOnTerminal(const QStringList &args, const QByteArray &typed)
    {
        QStringList quoted{signoffctlPath()};
        for (const QString &a : args)
            quoted << QStringLiteral("'%1'").arg(a);
        return runProcess(m_script, {QStringLiteral("-qec"), quoted.join(u' '), QStringLiteral("/dev/null")}, m_env,
                          typed, kTimeoutMs);
    }

    QList<QJsonObject> sessions(const QStringList &filter)
    {
        const auto r = ctl(QStringList{QStringLiteral("sessions"), QStringLiteral("--profile"),
                                       QStringLiteral("sandbox"), QStringLiteral("--json")} +
                           filter);
        if (r.exitCode != 0)
            qWarning("sessions: exit %d: %s", r.exitCode, r.err.constData());
        return jsonLines(r.out);
    }

    bool sessionExists(const QString &id, const QString &user)
    {
        for (const QJsonObject &s : sessions({QStringLiteral("--user"), user})) {
            if (s.value(QStringLiteral("id")).toString() == id)
                return true;
        }
        return false;
    }

    // A session of this user whose RPs all satisfy want (and that has at least one RP).
    QJsonObject pickSession(const QString &user, const std::function<bool(const QStringList &)> &want)
    {
        for (const QJsonObject &s : sessions({QStringLiteral("--user"), user})) {
            const QStringList rps = clientsOf(s);
            if (!rps.isEmpty() && want(rps))
                return s;
        }
        return {};
    }

    static void verifyDeliveryShape(const QJsonObject &o)
    {
        const QByteArray text = QJsonDocument(o).toJson(QJsonDocument::Compact);
        for (const char *key :
             {"run", "session", "user", "client_id", "state", "http_status", "latency_ms", "error", "source"})
            QVERIFY2(o.contains(QLatin1String(key)), text.constData());
        QVERIFY2(o.value(QStringLiteral("run")).toString().startsWith(QStringLiteral("run-")), text.constData());
        static const QSet<QString> states{QStringLiteral("delivered"), QStringLiteral("failed"),
                                          QStringLiteral("timed_out"), QStringLiteral("skipped"),
                                          QStringLiteral("unconfirmed")};
        QVERIFY2(states.contains(o.value(QStringLiteral("state")).toString()), text.constData());
        const QJsonValue status = o.value(QStringLiteral("http_status"));
        QVERIFY(status.isNull() || status.isDouble());
        QVERIFY(o.value(QStringLiteral("latency_ms")).isNull() || o.value(QStringLiteral("latency_ms")).isDouble());
        QVERIFY(o.value(QStringLiteral("error")).isNull() || o.value(QStringLiteral("error")).isString());
        if (o.value(QStringLiteral("state")).toString() == QLatin1String("delivered"))
            QVERIFY2(status.toInt() >= 200 && status.toInt() < 300, text.constData());
    }

    struct Run
    {
        QList<QJsonObject> deliveries;
        QJsonObject summary;
        QHash<QString, QJsonObject> byKey; // session|client
    };

    // Splits --json output into deliveries and the summary, checking the shape on the way.
    static Run parse(const ProcResult &r)
    {
        Run run;
        const QList<QJsonObject> lines = jsonLines(r.out);
        for (int i = 0; i < lines.size(); ++i) {
            const QJsonObject &o = lines.at(i);
            if (o.value(QStringLiteral("type")).toString() == QLatin1String("summary")) {
                if (i != lines.size() - 1)
                    qWarning("the summary is not the last line");
                else
                    run.summary = o;
                continue;
            }
            run.deliveries << o;
            const QString key =
                o.value(QStringLiteral("session")).toString() + u'|' + o.value(QStringLiteral("client_id")).toString();
            if (run.byKey.contains(key))
                qWarning("delivery %s printed twice", qPrintable(key));
            run.byKey.insert(key, o);
        }
        return run;
    }

    static int expectedExit(const QJsonObject &summary)
    {
        const QJsonObject c = summary.value(QStringLiteral("counts")).toObject();
        const int notOk = c.value(QStringLiteral("failed")).toInt() + c.value(QStringLiteral("timed_out")).toInt() +
                          c.value(QStringLiteral("unconfirmed")).toInt() + c.value(QStringLiteral("pending")).toInt();
        return notOk > 0 ? 3 : 0;
    }

    static void writeProfile(QSettings &ini, int index, const QString &id, const QString &name, const QString &port)
    {
        ini.setArrayIndex(index);
        ini.setValue(QStringLiteral("id"), id);
        ini.setValue(QStringLiteral("name"), name);
        ini.setValue(QStringLiteral("kind"), QStringLiteral("sandbox"));
        ini.setValue(QStringLiteral("baseUrl"), QStringLiteral("http://127.0.0.1:%1").arg(port));
        ini.setValue(QStringLiteral("clientId"), QStringLiteral("signoff-admin"));
        ini.setValue(QStringLiteral("builtin"), id == QLatin1String("sandbox"));
    }

    // Seeds sessions that include only this RP, through the admin API with the sandbox's own
    // admin secret (from its data folder; it never appears on a command line).
    bool seedOnly(const QString &clientId, int count)
    {
        QFile secretFile(m_home.dataHome() + QStringLiteral("/Signoff/sandbox/admin-secret"));
        if (!secretFile.open(QIODevice::ReadOnly))
            return false;
        const QByteArray secret = secretFile.readAll().trimmed();
        const QString base = QStringLiteral("http://127.0.0.1:%1").arg(m_port);
        QNetworkAccessManager nam;
        auto call = [&nam](QNetworkRequest request, const QByteArray &body) {
            std::unique_ptr<QNetworkReply> reply(nam.post(request, body));
            QEventLoop loop;
            QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
            QTimer::singleShot(kTimeoutMs, &loop, &QEventLoop::quit);
            loop.exec();
            return std::pair{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll()};
        };
        QNetworkRequest tokenRequest(QUrl(base + QStringLiteral("/token")));
        tokenRequest.setHeader(QNetworkRequest::ContentTypeHeader,
                               QByteArrayLiteral("application/x-www-form-urlencoded"));
        tokenRequest.setRawHeader("Authorization", "Basic " + QByteArray("signoff-admin:" + secret).toBase64());
        const auto token = call(tokenRequest, "grant_type=client_credentials&scope=admin");
        const QByteArray accessToken =
            QJsonDocument::fromJson(token.second).object().value(QStringLiteral("access_token")).toString().toLatin1();
        if (token.first != 200 || accessToken.isEmpty())
            return false;
        QNetworkRequest seedRequest(QUrl(base + QStringLiteral("/admin/seed")));
        seedRequest.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        seedRequest.setRawHeader("Authorization", "Bearer " + accessToken);
        const QJsonObject body{{QStringLiteral("users"), kSeedUsers},
                               {QStringLiteral("sessions"), count},
                               {QStringLiteral("clients"), QJsonArray{clientId}},
                               {QStringLiteral("clients_per_session"), 1}};
        return call(seedRequest, QJsonDocument(body).toJson(QJsonDocument::Compact)).first == 201;
    }

    QStringList logoutArgs(const QStringList &scope, bool yes = true)
    {
        QStringList args{QStringLiteral("logout"), QStringLiteral("--profile"), QStringLiteral("sandbox")};
        args += scope;
        if (yes)
            args << QStringLiteral("--yes");
        return args;
    }

private slots:
    void initTestCase()
    {
        m_script = QStandardPaths::findExecutable(QStringLiteral("script"));
        m_env = m_home.environment();
        m_env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
        m_env.remove(QStringLiteral("DISPLAY"));
        m_port = QString::number(freePort());
        do
            m_downPort = QString::number(freePort());
        while (m_downPort == m_port);
        {
            QSettings ini(m_home.settingsFile(), QSettings::IniFormat);
            ini.beginWriteArray(QStringLiteral("profiles"), 2);
            writeProfile(ini, 0, QStringLiteral("sandbox"), QStringLiteral("Sandbox"), m_port);
            writeProfile(ini, 1, QStringLiteral("down"), QStringLiteral("Down"), m_downPort);
            ini.endArray();
        }
        const auto r =
            ctl({QStringLiteral("sandbox"), QStringLiteral("start"), QStringLiteral("--port"), m_port,
                 QStringLiteral("--seed-users"), QString::number(kSeedUsers), QStringLiteral("--seed-sessions"),
                 QString::number(kSeedSessions), QStringLiteral("--mock-rp-url"),
                 QStringLiteral("http://127.0.0.1:%1/backchannel-logout").arg(m_downPort), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }

    void cleanupTestCase()
    {
        const auto r = ctl({QStringLiteral("sandbox"), QStringLiteral("stop"), QStringLiteral("--port"), m_port});
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }

    void refusesWithoutTerminalOrYes()
    {
        const QJsonObject s = pickSession(QStringLiteral("user-000001"), [](const QStringList &) { return true; });
        const QString id = s.value(QStringLiteral("id")).toString();
        QVERIFY(!id.isEmpty());
        const auto r = ctl(logoutArgs({QStringLiteral("--session"), id, QStringLiteral("--json")}, false));
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY2(r.err.contains("--yes"), r.err.constData());
        QVERIFY(sessionExists(id, QStringLiteral("user-000001")));
    }

    void badInputIsExitTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("needle");
        const QString p = QStringLiteral("--profile");
        QTest::newRow("no scope") << QStringList{p, QStringLiteral("sandbox"), QStringLiteral("--yes")}
                                  << QByteArray("exactly one of");
        QTest::newRow("two scopes") << QStringList{p,
                                                   QStringLiteral("sandbox"),
                                                   QStringLiteral("--user"),
                                                   QStringLiteral("alice"),
                                                   QStringLiteral("--rp"),
                                                   QStringLiteral("demo-healthy"),
                                                   QStringLiteral("--yes")}
                                    << QByteArray("exactly one of");
        QTest::newRow("concurrency 0") << QStringList{p,
                                                      QStringLiteral("sandbox"),
                                                      QStringLiteral("--user"),
                                                      QStringLiteral("alice"),
                                                      QStringLiteral("--concurrency"),
                                                      QStringLiteral("0"),
                                                      QStringLiteral("--yes")}
                                       << QByteArray("--concurrency");
        QTest::newRow("no profile") << QStringList{p, QStringLiteral("nope"), QStringLiteral("--user"),
                                                   QStringLiteral("alice"), QStringLiteral("--yes")}
                                    << QByteArray("no profile named");
        QTest::newRow("unknown user") << QStringList{p, QStringLiteral("sandbox"), QStringLiteral("--user"),
                                                     QStringLiteral("nobody-here"), QStringLiteral("--yes")}
                                      << QByteArray("nobody-here");
        // Every seeded user's id contains it: none is exactly it, so the candidates are named.
        QTest::newRow("ambiguous user") << QStringList{p, QStringLiteral("sandbox"), QStringLiteral("--user"),
                                                       QStringLiteral("user-00000"), QStringLiteral("--yes")}
                                        << QByteArray("user-000001");
        QTest::newRow("unknown rp") << QStringList{p, QStringLiteral("sandbox"), QStringLiteral("--rp"),
                                                   QStringLiteral("no-such-rp"), QStringLiteral("--yes")}
                                    << QByteArray("no-such-rp");
        QTest::newRow("unknown session") << QStringList{p, QStringLiteral("sandbox"), QStringLiteral("--session"),
                                                        QStringLiteral("no-such-session"), QStringLiteral("--yes")}
                                         << QByteArray("no-such-session");
    }

    void badInputIsExitTwo()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, needle);
        const auto r = ctl(QStringList{QStringLiteral("logout")} + args + QStringList{QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 2,
                 qPrintable(QStringLiteral("exit %1: %2").arg(r.exitCode).arg(QString::fromUtf8(r.err))));
        QVERIFY(r.out.isEmpty());
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY2(r.err.contains(needle), r.err.constData());
    }

    void unreachableIdpIsExitOne()
    {
        const auto r = ctl({QStringLiteral("logout"), QStringLiteral("--profile"), QStringLiteral("down"),
                            QStringLiteral("--user"), QStringLiteral("alice"), QStringLiteral("--yes")});
        QVERIFY2(r.exitCode == 1, r.err.constData());
        QCOMPARE(r.err.count('\n'), 1);
    }

    void promptOnTerminal()
    {
        if (m_script.isEmpty())
            QSKIP("script(1) is needed to give signoffctl a terminal");
        const QJsonObject s = pickSession(QStringLiteral("user-000001"), [](const QStringList &rps) {
            return QSet<QString>(rps.cbegin(), rps.cend()).contains(QStringLiteral("demo-no-bcl"));
        });
        const QString id = s.value(QStringLiteral("id")).toString();
        QVERIFY(!id.isEmpty());
        auto no = ctlOnTerminal(logoutArgs({QStringLiteral("--session"), id}, false), "n\n");
        QVERIFY2(no.exitCode == 2, no.out.constData());
        // The prediction names the RP that will not be told, and why.
        QVERIFY2(no.out.contains("demo-no-bcl") && no.out.contains("NOT notified"), no.out.constData());
        QVERIFY2(no.out.contains("Proceed? [y/N]"), no.out.constData());
        QVERIFY(sessionExists(id, QStringLiteral("user-000001")));

        auto yes = ctlOnTerminal(logoutArgs({QStringLiteral("--session"), id}, false), "y\n");
        QVERIFY2(yes.exitCode == 0 || yes.exitCode == 3, yes.out.constData());
        QVERIFY2(yes.out.contains("skipped\tdemo-no-bcl"), yes.out.constData());
        QVERIFY(!sessionExists(id, QStringLiteral("user-000001")));
    }

    void overAHundredSessionsNeedTheCountTyped()
    {
        if (m_script.isEmpty())
            QSKIP("script(1) is needed to give signoffctl a terminal");
        const QString user = QStringLiteral("user-000004");
        const qsizetype count = sessions({QStringLiteral("--user"), user}).size();
        QVERIFY2(count > 100, qPrintable(QString::number(count)));
        auto wrong = ctlOnTerminal(logoutArgs({QStringLiteral("--user"), user}, false), "y\n");
        QCOMPARE(wrong.exitCode, 2);
        QVERIFY2(wrong.out.contains(QStringLiteral("Type the number of sessions (%1)").arg(count).toUtf8()),
                 wrong.out.constData());
        QCOMPARE(sessions({QStringLiteral("--user"), user}).size(), count);

        auto typed = ctlOnTerminal(logoutArgs({QStringLiteral("--user"), user, QStringLiteral("--json")}, false),
                                   QByteArray::number(count) + '\n');
        QVERIFY2(typed.exitCode == 3, typed.out.right(2000).constData()); // the user has failing RPs
        QVERIFY(sessions({QStringLiteral("--user"), user}).isEmpty());
    }

    void sessionScopeReportsEveryState()
    {
        const QString user = QStringLiteral("user-000001");
        QList<QJsonObject> chosen;
        QSet<QString> covered;
        for (const QString &rp : {QStringLiteral("demo-failing"), QStringLiteral("demo-hanging"),
                                  QStringLiteral("demo-no-bcl"), QStringLiteral("demo-healthy")}) {
            const QJsonObject s = pickSession(user, [&](const QStringList &rps) { return rps.contains(rp); });
            QVERIFY2(!s.isEmpty(), qPrintable(rp));
            if (!covered.contains(s.value(QStringLiteral("id")).toString()))
                chosen << s;
            covered.insert(s.value(QStringLiteral("id")).toString());
        }
        QStringList scope;
        QSet<QString> expected;
        for (const QJsonObject &s : std::as_const(chosen)) {
            scope << QStringLiteral("--session") << s.value(QStringLiteral("id")).toString();
            for (const QString &c : clientsOf(s))
                expected.insert(s.value(QStringLiteral("id")).toString() + u'|' + c);
        }
        const auto r = ctl(logoutArgs(scope + QStringList{QStringLiteral("--json")}));
        QVERIFY2(r.exitCode == 3, r.err.constData()); // demo-failing failed, demo-hanging timed out
        const Run run = parse(r);
        QCOMPARE(QSet<QString>(run.byKey.keyBegin(), run.byKey.keyEnd()), expected);
        QCOMPARE(run.deliveries.size(), expected.size());
        for (const QJsonObject &d : run.deliveries) {
            verifyDeliveryShape(d);
            QCOMPARE(d.value(QStringLiteral("user")).toString(), user);
            const QString client = d.value(QStringLiteral("client_id")).toString();
            const QString state = d.value(QStringLiteral("state")).toString();
            if (client == QLatin1String("demo-healthy") && state == QLatin1String("timed_out"))
                continue; // a starved machine can make even the healthy RP miss the sender's 2.5 s
            QCOMPARE(state, stateFor(client));
            if (client == QLatin1String("demo-failing"))
                QCOMPARE(d.value(QStringLiteral("http_status")).toInt(), 500);
            QCOMPARE(d.value(QStringLiteral("source")).toString(),
                     QStringLiteral("idp")); // the sandbox reports every one of them
        }
        QCOMPARE(run.summary.value(QStringLiteral("status")).toString(), QStringLiteral("finished"));
        QCOMPARE(run.summary.value(QStringLiteral("sessions")).toInt(), int(chosen.size()));
        QCOMPARE(run.summary.value(QStringLiteral("counts")).toObject().value(QStringLiteral("expected")).toInt(),
                 int(expected.size()));
        QCOMPARE(run.summary.value(QStringLiteral("counts")).toObject().value(QStringLiteral("delivered")).toInt(),
                 int(std::count_if(run.deliveries.cbegin(), run.deliveries.cend(), [](const QJsonObject &d) {
                     return d.value(QStringLiteral("state")).toString() == QLatin1String("delivered");
                 })));
        for (const QJsonObject &s : std::as_const(chosen))
            QVERIFY(!sessionExists(s.value(QStringLiteral("id")).toString(), user));

        // What was printed was committed to the history first.
        const QString runId = run.summary.value(QStringLiteral("run")).toString();
        const auto h = ctl({QStringLiteral("history"), QStringLiteral("--run"), runId, QStringLiteral("--json")});
        QVERIFY2(h.exitCode == 0, h.err.constData());
        const QList<QJsonObject> kept = jsonLines(h.out);
        QCOMPARE(kept.size(), run.deliveries.size());
        for (const QJsonObject &k : kept) {
            const QString key =
                k.value(QStringLiteral("session")).toString() + u'|' + k.value(QStringLiteral("client_id")).toString();
            QVERIFY2(run.byKey.contains(key), qPrintable(key));
            QCOMPARE(k.value(QStringLiteral("state")), run.byKey.value(key).value(QStringLiteral("state")));
        }
    }

    void interruptCancelsAndReportsWhatWasSent()
    {
        // Sessions with one RP only, more than one batch of the sandbox's (500): signoff-mock-rp,
        // which no other test's sessions include, posting to a port nothing listens on.
        const QString rp = QStringLiteral("signoff-mock-rp");
        QVERIFY(seedOnly(rp, 1500));
        const qsizetype before = sessions({QStringLiteral("--rp"), rp}).size();
        QVERIFY2(before >= 1500, qPrintable(QString::number(before)));
        QProcess p;
        p.setProcessEnvironment(m_env);
        p.start(signoffctlPath(), logoutArgs({QStringLiteral("--rp"), rp, QStringLiteral("--concurrency"),
                                              QStringLiteral("1"), QStringLiteral("--json")}));
        QVERIFY(p.waitForStarted(kTimeoutMs));
        // Interrupted once the first outcome is printed (or the run ended before that).
        QByteArray out;
        QDeadlineTimer deadline(kTimeoutMs);
        while (!out.contains('\n') && p.state() == QProcess::Running && !deadline.hasExpired()) {
            p.waitForReadyRead(1000);
            out += p.readAllStandardOutput();
        }
        const bool interrupted = p.state() == QProcess::Running;
        if (interrupted)
            ::kill(pid_t(p.processId()), SIGINT);
        QVERIFY(p.waitForFinished(kTimeoutMs));
        out += p.readAllStandardOutput();
        const Run run = parse({p.exitCode(), out, p.readAllStandardError()});
        QCOMPARE(run.summary.value(QStringLiteral("type")).toString(), QStringLiteral("summary"));
        if (!interrupted)
            QSKIP("the run ended before it could be interrupted");
        QCOMPARE(run.summary.value(QStringLiteral("status")).toString(), QStringLiteral("cancelled"));
        QCOMPARE(p.exitCode(), 3);
        // Every delivery is accounted for: what was not sent is skipped, the rest as the IdP saw it.
        QCOMPARE(run.deliveries.size(), before);
        qsizetype cancelled = 0;
        for (const QJsonObject &d : run.deliveries) {
            if (d.value(QStringLiteral("error")).toString() == QLatin1String("cancelled before sending")) {
                QCOMPARE(d.value(QStringLiteral("state")).toString(), QStringLiteral("skipped"));
                ++cancelled;
            } else {
                QCOMPARE(d.value(QStringLiteral("source")).toString(), QStringLiteral("idp"));
            }
        }
        QCOMPARE(sessions({QStringLiteral("--rp"), rp}).size(), cancelled); // still there at the IdP
    }

    void allDeliveredOrSkippedIsExitZero()
    {
        const QJsonObject s = pickSession(QStringLiteral("user-000003"), [](const QStringList &rps) {
            for (const QString &rp : rps) {
                if (!kGoodRps.contains(rp))
                    return false;
            }
            return true;
        });
        QVERIFY(!s.isEmpty());
        const auto r = ctl(logoutArgs(
            {QStringLiteral("--session"), s.value(QStringLiteral("id")).toString(), QStringLiteral("--json")}));
        const Run run = parse(r);
        QVERIFY2(r.exitCode == expectedExit(run.summary), r.out.constData());
        QVERIFY2(r.exitCode == 0, r.out.constData());
    }

    void userScopeEndsEverySessionOfTheUser()
    {
        const QString user = QStringLiteral("user-000002");
        const QList<QJsonObject> before = sessions({QStringLiteral("--user"), user});
        QVERIFY(!before.isEmpty());
        const auto r = ctl(logoutArgs({QStringLiteral("--user"), user, QStringLiteral("--concurrency"),
                                       QStringLiteral("16"), QStringLiteral("--json")}));
        const Run run = parse(r);
        QCOMPARE(r.exitCode, expectedExit(run.summary));
        QCOMPARE(run.summary.value(QStringLiteral("scope")).toString(), QStringLiteral("user"));
        QCOMPARE(run.summary.value(QStringLiteral("sessions")).toInt(), int(before.size()));
        QCOMPARE(run.summary.value(QStringLiteral("users")).toInt(), 1);
        QCOMPARE(run.summary.value(QStringLiteral("concurrency")).toInt(), 16);
        int pairs = 0;
        for (const QJsonObject &s : before)
            pairs += int(clientsOf(s).size());
        QCOMPARE(run.deliveries.size(), pairs);
        for (const QJsonObject &d : run.deliveries) {
            verifyDeliveryShape(d);
            QCOMPARE(d.value(QStringLiteral("user")).toString(), user);
        }
        QVERIFY(sessions({QStringLiteral("--user"), user}).isEmpty());
    }

    void rpScopeEndsEverySessionOfTheRp()
    {
        const QString rp = QStringLiteral("demo-no-bcl");
        const QList<QJsonObject> before = sessions({QStringLiteral("--rp"), rp});
        QVERIFY(!before.isEmpty());
        const auto r = ctl(logoutArgs({QStringLiteral("--rp"), rp, QStringLiteral("--json")}));
        const Run run = parse(r);
        QCOMPARE(r.exitCode, expectedExit(run.summary));
        QCOMPARE(run.summary.value(QStringLiteral("scope")).toString(), QStringLiteral("rp"));
        QCOMPARE(run.summary.value(QStringLiteral("sessions")).toInt(), int(before.size()));
        for (const QJsonObject &s : before) {
            const QString key = s.value(QStringLiteral("id")).toString() + u'|' + rp;
            QVERIFY2(run.byKey.contains(key), qPrintable(key));
            QCOMPARE(run.byKey.value(key).value(QStringLiteral("state")).toString(), QStringLiteral("skipped"));
        }
        QVERIFY(sessions({QStringLiteral("--rp"), rp}).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestLogoutCli)
#include "tst_logoutcli.moc"
