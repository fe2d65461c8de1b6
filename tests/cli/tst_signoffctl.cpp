#include "Keychain.h"
#include "TestEnv.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QTest>
#include <QUuid>

#include <sys/stat.h>

class TestSignoffctl : public QObject
{
    Q_OBJECT

private:
    static QList<QJsonObject> jsonLines(const QByteArray &out)
    {
        QList<QJsonObject> objs;
        for (const QByteArray &line : out.split('\n')) {
            if (line.trimmed().isEmpty())
                continue;
            QJsonParseError err{};
            const auto doc = QJsonDocument::fromJson(line, &err);
            if (err.error != QJsonParseError::NoError || !doc.isObject())
                qWarning("not a JSON object line: %s", line.constData());
            objs << doc.object();
        }
        return objs;
    }
    static void verifyOneLineError(const ProcResult &r, const char *needle)
    {
        QCOMPARE(r.exitCode, 2);
        const QByteArray err = r.err.trimmed();
        QVERIFY2(!err.contains('\n'), err.constData());
        QVERIFY2(err.startsWith("signoffctl: "), err.constData());
        QVERIFY2(err.contains(needle), err.constData());
    }

private slots:
    void version()
    {
        IsolatedHome home;
        auto r = runProcess(signoffctlPath(), {QStringLiteral("--version")}, home.environment());
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith("signoffctl 0."));
        QVERIFY(r.out.contains("OpenSSL 3"));
        r = runProcess(signoffctlPath(), {QStringLiteral("--version"), QStringLiteral("--json")}, home.environment());
        const auto objs = jsonLines(r.out);
        QCOMPARE(objs.size(), 1);
        QCOMPARE(objs[0].value(QStringLiteral("qt")).toString(), QString::fromLatin1(qVersion()));
    }

    void usageErrorsExitTwoWithOneLine()
    {
        IsolatedHome home;
        const auto env = home.environment();
        verifyOneLineError(runProcess(signoffctlPath(), {}, env), "no command");
        verifyOneLineError(runProcess(signoffctlPath(), {QStringLiteral("frobnicate")}, env), "unknown command");
        verifyOneLineError(runProcess(signoffctlPath(), {QStringLiteral("--frob")}, env), "unknown option");
        verifyOneLineError(runProcess(signoffctlPath(), {QStringLiteral("profiles"), QStringLiteral("--frob")}, env),
                           "frob");
        verifyOneLineError(runProcess(signoffctlPath(), {QStringLiteral("profiles"), QStringLiteral("explode")}, env),
                           "unknown action");
        verifyOneLineError(runProcess(signoffctlPath(), {QStringLiteral("profiles"), QStringLiteral("show")}, env),
                           "needs a profile");
        verifyOneLineError(runProcess(signoffctlPath(),
                                      {QStringLiteral("profiles"), QStringLiteral("show"), QStringLiteral("nope")},
                                      env),
                           "no profile named");
    }

    void everyCommandHasHelp()
    {
        IsolatedHome home;
        const auto top = runProcess(signoffctlPath(), {QStringLiteral("--help")}, home.environment());
        QCOMPARE(top.exitCode, 0);
        QStringList commands;
        bool inCommands = false;
        for (const QByteArray &line : top.out.split('\n')) {
            if (line.startsWith("Commands:")) {
                inCommands = true;
                continue;
            }
            if (inCommands && line.startsWith("  "))
                commands << QString::fromUtf8(line.trimmed().split(' ').first());
            else if (inCommands && line.trimmed().isEmpty() && !commands.isEmpty())
                break;
        }
        QVERIFY(commands.contains(QStringLiteral("profiles")));
        for (const QString &c : commands) {
            const auto r = runProcess(signoffctlPath(), {c, QStringLiteral("--help")}, home.environment());
            QCOMPARE(r.exitCode, 0);
            const QByteArray usage = QByteArray("Usage: signoffctl ") + c.toUtf8();
            QVERIFY2(r.out.startsWith(usage), r.out.constData());
        }
    }

    void addRejectsBadInputBeforeTouchingAnything()
    {
        IsolatedHome home;
        auto env = home.environment();
        env.insert(QStringLiteral("SIGNOFF_SECRET"), QStringLiteral("never-stored"));
        verifyOneLineError(runProcess(signoffctlPath(),
                                      {QStringLiteral("profiles"), QStringLiteral("add"), QStringLiteral("--name"),
                                       QStringLiteral("X"), QStringLiteral("--kind"), QStringLiteral("keycloak"),
                                       QStringLiteral("--base-url"), QStringLiteral("http://sso.example.com"),
                                       QStringLiteral("--client-id"), QStringLiteral("c")},
                                      env),
                           "https://");
        verifyOneLineError(runProcess(signoffctlPath(),
                                      {QStringLiteral("profiles"), QStringLiteral("add"), QStringLiteral("--kind"),
                                       QStringLiteral("okta")},
                                      env),
                           "--kind");
        // No secret source and no terminal: refuse rather than store a profile without its secret.
        env.remove(QStringLiteral("SIGNOFF_SECRET"));
        verifyOneLineError(runProcess(signoffctlPath(),
                                      {QStringLiteral("profiles"), QStringLiteral("add"), QStringLiteral("--name"),
                                       QStringLiteral("X"), QStringLiteral("--kind"), QStringLiteral("logto"),
                                       QStringLiteral("--base-url"), QStringLiteral("https://auth.example.com"),
                                       QStringLiteral("--client-id"), QStringLiteral("c")},
                                      env),
                           "no secret given");
        const auto list = runProcess(
            signoffctlPath(), {QStringLiteral("profiles"), QStringLiteral("list"), QStringLiteral("--json")}, env);
        QCOMPARE(list.exitCode, 0);
        const auto objs = jsonLines(list.out);
        QCOMPARE(objs.size(), 1); // only the built-in sandbox profile
        QCOMPARE(objs[0].value(QStringLiteral("id")).toString(), QStringLiteral("sandbox"));
    }

    void secretFileMustBeASmallRegularFile()
    {
        IsolatedHome home;
        const auto env = home.environment();
        const QString fifo = home.path() + QStringLiteral("/fifo");
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        QFile big(home.path() + QStringLiteral("/big"));
        QVERIFY(big.open(QIODevice::WriteOnly));
        big.write(QByteArray(70 * 1024, 'x'));
        big.close();
        const QList<std::pair<QString, const char *>> cases{{fifo, "not a regular file"},
                                                            {QStringLiteral("/dev/zero"), "not a regular file"},
                                                            {big.fileName(), "too large"}};
        for (const auto &[file, needle] : cases) {
            // A FIFO with no writer used to block forever; the 20 s bound only turns a hang into a failure.
            const auto r =
                runProcess(signoffctlPath(),
                           {QStringLiteral("profiles"), QStringLiteral("add"), QStringLiteral("--name"),
                            QStringLiteral("X"), QStringLiteral("--kind"), QStringLiteral("logto"),
                            QStringLiteral("--base-url"), QStringLiteral("https://auth.example.com"),
                            QStringLiteral("--client-id"), QStringLiteral("c"), QStringLiteral("--secret-file"), file},
                           env, {}, 20000);
            verifyOneLineError(r, needle);
        }
        const auto list = runProcess(signoffctlPath(), {QStringLiteral("profiles"), QStringLiteral("list")}, env);
        QVERIFY(!list.out.contains("\tX\t"));
    }

    void profileNamesAreShortPrintableAndPrintedSafely()
    {
        IsolatedHome home;
        auto env = home.environment();
        env.insert(QStringLiteral("SIGNOFF_SECRET"), QStringLiteral("never-stored"));
        auto add = [&](const QString &name) {
            return runProcess(signoffctlPath(),
                              {QStringLiteral("profiles"), QStringLiteral("add"), QStringLiteral("--name"), name,
                               QStringLiteral("--kind"), QStringLiteral("logto"), QStringLiteral("--base-url"),
                               QStringLiteral("https://auth.example.com"), QStringLiteral("--client-id"),
                               QStringLiteral("c")},
                              env);
        };
        verifyOneLineError(add(QStringLiteral("evil\u202Egnp.exe")), "control or text-direction");
        verifyOneLineError(add(QStringLiteral("tab\tname")), "control or text-direction");
        verifyOneLineError(add(QString(101, QLatin1Char('n'))), "keep it to 100");

        // A hand-edited settings file can still hold such a name: it is printed escaped, not raw.
        {
            QSettings ini(home.settingsFile(), QSettings::IniFormat);
            ini.beginWriteArray(QStringLiteral("profiles"), 1);
            ini.setArrayIndex(0);
            ini.setValue(QStringLiteral("id"), QStringLiteral("evil"));
            ini.setValue(QStringLiteral("name"), QStringLiteral("evil\u202Egnp.exe"));
            ini.setValue(QStringLiteral("kind"), QStringLiteral("hydra"));
            ini.setValue(QStringLiteral("baseUrl"), QStringLiteral("https://hydra.example.com"));
            ini.endArray();
        }
        const auto list = runProcess(signoffctlPath(), {QStringLiteral("profiles"), QStringLiteral("list")}, env);
        QCOMPARE(list.exitCode, 0);
        QVERIFY2(list.out.contains("evil\\u202egnp.exe"), list.out.constData());
        QVERIFY(!list.out.contains("\xe2\x80\xae"));
    }

    void withoutSecretServiceNothingIsStored()
    {
        IsolatedHome home;
        auto env = home.environment();
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                   QStringLiteral("unix:path=") + home.path() + QStringLiteral("/no-such-bus"));
        const QString secret = QStringLiteral("no-keychain-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        env.insert(QStringLiteral("SIGNOFF_SECRET"), secret);
        const auto r = runProcess(signoffctlPath(),
                                  {QStringLiteral("profiles"), QStringLiteral("add"), QStringLiteral("--name"),
                                   QStringLiteral("Prod"), QStringLiteral("--kind"), QStringLiteral("keycloak"),
                                   QStringLiteral("--base-url"), QStringLiteral("https://sso.example.com"),
                                   QStringLiteral("--realm"), QStringLiteral("master"), QStringLiteral("--client-id"),
                                   QStringLiteral("c")},
                                  env);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("keychain"), r.err.constData());
        QVERIFY2(r.err.contains("Secret Service"), r.err.constData());
        QVERIFY(!r.err.contains(secret.toUtf8()) && !r.out.contains(secret.toUtf8()));
        QVERIFY(filesContaining(home.path(), secret.toUtf8()).isEmpty());
        const auto list = runProcess(signoffctlPath(), {QStringLiteral("profiles"), QStringLiteral("list")}, env);
        QVERIFY(!list.out.contains("Prod"));
    }

    void addListShowRemoveRoundTrip()
    {
        SIGNOFF_REQUIRE_SECRET_SERVICE();
        IsolatedHome home;
        auto env = home.environment();
        const QString secret = QStringLiteral("cli-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        QFile secretFile(home.path() + QStringLiteral("/secret.txt"));
        QVERIFY(secretFile.open(QIODevice::WriteOnly));
        secretFile.write(secret.toUtf8() + "\n");
        secretFile.close();

        const QStringList add{
            QStringLiteral("profiles"),   QStringLiteral("add"),           QStringLiteral("--json"),
            QStringLiteral("--name"),     QStringLiteral("Corp Keycloak"), QStringLiteral("--kind"),
            QStringLiteral("keycloak"),   QStringLiteral("--base-url"),    QStringLiteral("https://sso.corp.test"),
            QStringLiteral("--realm"),    QStringLiteral("corp"),          QStringLiteral("--auth"),
            QStringLiteral("password"),   QStringLiteral("--client-id"),   QStringLiteral("admin-cli"),
            QStringLiteral("--username"), QStringLiteral("admin"),         QStringLiteral("--secret-file"),
            secretFile.fileName()};
        auto r = runProcess(signoffctlPath(), add, env);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        auto added = jsonLines(r.out);
        QCOMPARE(added.size(), 1);
        const QString id = added[0].value(QStringLiteral("id")).toString();
        QCOMPARE(id, QStringLiteral("corp-keycloak"));

        r = runProcess(signoffctlPath(), {QStringLiteral("profiles"), QStringLiteral("list"), QStringLiteral("--json")},
                       env);
        QCOMPARE(r.exitCode, 0);
        const auto listed = jsonLines(r.out);
        QCOMPARE(listed.size(), 2);
        QCOMPARE(listed[1], added[0]);
        QCOMPARE(listed[1].value(QStringLiteral("realm")).toString(), QStringLiteral("corp"));
        QCOMPARE(listed[1].value(QStringLiteral("auth")).toString(), QStringLiteral("password"));
        QCOMPARE(listed[1].value(QStringLiteral("username")).toString(), QStringLiteral("admin"));

        r = runProcess(signoffctlPath(),
                       {QStringLiteral("profiles"), QStringLiteral("show"), id, QStringLiteral("--json")}, env);
        QCOMPARE(jsonLines(r.out).value(0).value(QStringLiteral("secret")).toString(), QStringLiteral("stored"));

        // The same name again is refused.
        r = runProcess(signoffctlPath(), add, env);
        QCOMPARE(r.exitCode, 2);

        // The secret is in the keychain, and nowhere in any output or file of ours.
        const auto st = runProcess(QStringLiteral("secret-tool"),
                                   {QStringLiteral("lookup"), QStringLiteral("server"), QStringLiteral("Signoff"),
                                    QStringLiteral("user"), QStringLiteral("profile/") + id},
                                   env);
        QCOMPARE(st.out, secret.toUtf8());
        QVERIFY(filesContaining(home.path(), secret.toUtf8()) == QStringList{secretFile.fileName()});

        r = runProcess(signoffctlPath(), {QStringLiteral("profiles"), QStringLiteral("remove"), id}, env);
        QCOMPARE(r.exitCode, 0);
        r = runProcess(signoffctlPath(), {QStringLiteral("profiles"), QStringLiteral("list"), QStringLiteral("--json")},
                       env);
        QCOMPARE(jsonLines(r.out).size(), 1);
        const auto gone = runProcess(QStringLiteral("secret-tool"),
                                     {QStringLiteral("lookup"), QStringLiteral("server"), QStringLiteral("Signoff"),
                                      QStringLiteral("user"), QStringLiteral("profile/") + id},
                                     env);
        QVERIFY(gone.out.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSignoffctl)
#include "tst_signoffctl.moc"
