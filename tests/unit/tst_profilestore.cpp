#include "store/Profile.h"
#include "store/ProfileStore.h"

#include <QDir>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace signoff;

namespace {
Profile keycloak(const QString &name = QStringLiteral("Prod Keycloak"))
{
    Profile p;
    p.name = name;
    p.kind = IdpKind::Keycloak;
    p.baseUrl = QUrl(QStringLiteral("https://sso.example.com"));
    p.realm = QStringLiteral("master");
    p.clientId = QStringLiteral("signoff");
    return p;
}

QStringList fields(const QList<ValidationIssue> &issues)
{
    QStringList out;
    for (const auto &i : issues)
        out << i.field;
    return out;
}
} // namespace

class TestProfileStore : public QObject
{
    Q_OBJECT

private slots:
    void validProfileHasNoIssues() { QVERIFY(validateProfile(keycloak()).isEmpty()); }

    void validationReportsEveryProblem_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("field");
        QTest::newRow("empty") << QString() << "baseUrl";
        QTest::newRow("no scheme") << "sso.example.com"
                                   << "baseUrl";
        QTest::newRow("ftp") << "ftp://sso.example.com"
                             << "baseUrl";
        QTest::newRow("http remote") << "http://sso.example.com"
                                     << "baseUrl";
        QTest::newRow("query") << "https://sso.example.com/?a=b"
                               << "baseUrl";
        QTest::newRow("userinfo") << "https://u:p@sso.example.com"
                                  << "baseUrl";
    }
    void validationReportsEveryProblem()
    {
        QFETCH(QString, url);
        QFETCH(QString, field);
        Profile p = keycloak();
        p.baseUrl = QUrl(url, QUrl::StrictMode);
        p.realm.clear();
        p.name = QStringLiteral("  ");
        const auto issues = validateProfile(p);
        QVERIFY2(fields(issues).contains(field), qPrintable(fields(issues).join(u',')));
        QVERIFY(fields(issues).contains(QStringLiteral("realm")));
        QVERIFY(fields(issues).contains(QStringLiteral("name")));
        for (const auto &i : issues)
            QVERIFY(!i.message.isEmpty());
    }

    void httpIsFineOnLoopbackOnly()
    {
        Profile p = keycloak();
        for (const char *u : {"http://127.0.0.1:8080", "http://localhost:8080", "http://[::1]:8080"}) {
            p.baseUrl = QUrl(QString::fromLatin1(u));
            QVERIFY2(validateProfile(p).isEmpty(), u);
        }
        p.baseUrl = QUrl(QStringLiteral("http://10.0.0.5:8080"));
        QCOMPARE(fields(validateProfile(p)), QStringList{QStringLiteral("baseUrl")});
    }

    void kindSpecificRules()
    {
        Profile p = keycloak();
        p.authMethod = AuthMethod::Password;
        QCOMPARE(fields(validateProfile(p)), QStringList{QStringLiteral("username")});
        p.username = QStringLiteral("admin");
        QVERIFY(validateProfile(p).isEmpty());

        Profile logto = keycloak();
        logto.kind = IdpKind::Logto;
        logto.realm.clear();
        QVERIFY(validateProfile(logto).isEmpty());
        logto.authMethod = AuthMethod::Password;
        logto.username = QStringLiteral("x");
        QVERIFY(fields(validateProfile(logto)).contains(QStringLiteral("authMethod")));

        Profile hydra = keycloak();
        hydra.kind = IdpKind::Hydra;
        hydra.clientId.clear();
        QVERIFY(validateProfile(hydra).isEmpty()); // admin port without auth
        QVERIFY(!hydra.needsSecret());
    }

    void tlsOptions()
    {
        Profile p = keycloak();
        p.pinnedSha256 = QStringLiteral("zz");
        QCOMPARE(fields(validateProfile(p)), QStringList{QStringLiteral("pinnedSha256")});
        const QString colon = QStringLiteral(
            "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89");
        p.pinnedSha256 = colon;
        QVERIFY(validateProfile(p).isEmpty());
        QCOMPARE(normaliseSha256(colon),
                 QStringLiteral("abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789"));
        p.caFile = QStringLiteral("/nonexistent/ca.pem");
        QCOMPARE(fields(validateProfile(p)), QStringList{QStringLiteral("caFile")});
        p.caFile.clear();
        p.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:8080"));
        QCOMPARE(fields(validateProfile(p)), QStringList{QStringLiteral("pinnedSha256")});
    }

    void namesAreUniqueCaseInsensitively()
    {
        QCOMPARE(fields(validateProfile(keycloak(QStringLiteral("prod")), {QStringLiteral("PROD")})),
                 QStringList{QStringLiteral("name")});
    }

    void idsAreSlugsWithoutCollisions()
    {
        QCOMPARE(makeProfileId(QStringLiteral("Prod Keycloak (EU)"), {}), QStringLiteral("prod-keycloak-eu"));
        QCOMPARE(makeProfileId(QStringLiteral("Prod Keycloak (EU)"), {QStringLiteral("prod-keycloak-eu")}),
                 QStringLiteral("prod-keycloak-eu-2"));
        QCOMPARE(makeProfileId(QStringLiteral("日本"), {}), QStringLiteral("profile"));
    }

    void addUpdateRemovePersist()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("s.ini"));
        {
            ProfileStore store(new QSettings(file, QSettings::IniFormat));
            QSignalSpy added(&store, &ProfileStore::profileAdded);
            QSignalSpy changed(&store, &ProfileStore::profileChanged);
            const auto r = store.add(keycloak());
            QVERIFY2(r.ok(), qPrintable(r.errorString()));
            QCOMPARE(r->id, QStringLiteral("prod-keycloak"));
            QCOMPARE(added.count(), 1);
            QVERIFY(!store.add(keycloak()).ok()); // same name again

            Profile edited = *r;
            edited.realm = QStringLiteral("corp");
            QVERIFY(store.update(edited).ok());
            QCOMPARE(changed.count(), 1);
            Profile bad = edited;
            bad.baseUrl = QUrl(QStringLiteral("ftp://x"));
            QVERIFY(!store.update(bad).ok());
            QCOMPARE(store.find(edited.id)->baseUrl, edited.baseUrl); // failed update changed nothing

            const auto copy = store.duplicate(edited.id);
            QVERIFY(copy.ok());
            QCOMPARE(copy->name, QStringLiteral("Prod Keycloak (copy)"));
            QVERIFY(copy->id != edited.id);
            QCOMPARE(store.duplicate(edited.id)->name, QStringLiteral("Prod Keycloak (copy 2)"));
            // The unsaved copy the dialog starts from gets the next free name and is not stored.
            const qsizetype before = store.profiles().size();
            QCOMPARE(store.prepareCopy(edited.id)->name, QStringLiteral("Prod Keycloak (copy 3)"));
            QVERIFY(store.prepareCopy(edited.id)->id.isEmpty());
            QCOMPARE(store.profiles().size(), before);
            QVERIFY(!store.prepareCopy(QStringLiteral("nope")));
            store.setActiveProfileId(copy->id);
            QVERIFY(store.remove(copy->id).ok());
            QVERIFY(store.activeProfileId().isEmpty());
            QVERIFY(!store.remove(QStringLiteral("nope")).ok());
        }
        ProfileStore reopened(new QSettings(file, QSettings::IniFormat));
        QCOMPARE(reopened.profiles().size(), 2);
        const auto p = reopened.find(QStringLiteral("prod keycloak")); // by name, case-insensitive
        QVERIFY(p.has_value());
        QCOMPARE(p->realm, QStringLiteral("corp"));
        QCOMPARE(p->kind, IdpKind::Keycloak);
    }

    void sandboxProfileIsBuiltinAndStable()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("s.ini"));
        ProfileStore store(new QSettings(file, QSettings::IniFormat));
        QVERIFY(store.add(keycloak(QStringLiteral("Sandbox"))).ok()); // a user profile took the name
        const Profile sb = store.ensureSandboxProfile();
        QVERIFY(sb.builtin);
        QCOMPARE(sb.kind, IdpKind::Sandbox);
        QCOMPARE(sb.name, QStringLiteral("Sandbox 2"));
        QCOMPARE(store.ensureSandboxProfile().id, sb.id); // idempotent
        QCOMPARE(store.profiles().size(), 2);
    }

    void writeFailureIsReportedAndNothingChanges()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("s.ini"));
        ProfileStore store(new QSettings(file, QSettings::IniFormat));
        QVERIFY(store.add(keycloak()).ok());
        // A directory where the file should be: unwritable even for root, unlike permission bits.
        QVERIFY(QFile::remove(file));
        QVERIFY(QDir().mkpath(file));
        const auto r = store.add(keycloak(QStringLiteral("Second")));
        QVERIFY(!r.ok());
        QVERIFY(r.errorString().contains(file));
        QCOMPARE(store.profiles().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestProfileStore)
#include "tst_profilestore.moc"
