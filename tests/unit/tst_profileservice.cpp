#include "services/ProfileService.h"
#include "store/MemorySecretStore.h"
#include "store/ProfileStore.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace signoff;

// The profile + secret sequence the dialog, the page and signoffctl all go through.
class TestProfileService : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<ProfileStore> m_store;
    std::unique_ptr<MemorySecretStore> m_secrets;
    std::unique_ptr<ProfileService> m_service;

    static Profile keycloak(const QString &name)
    {
        Profile p;
        p.name = name;
        p.kind = IdpKind::Keycloak;
        p.baseUrl = QUrl(QStringLiteral("https://sso.example.com"));
        p.realm = QStringLiteral("corp");
        p.clientId = QStringLiteral("signoff");
        return p;
    }

    ProfileService::SaveOutcome save(const ProfileService::SaveRequest &r)
    {
        std::optional<ProfileService::SaveOutcome> out;
        m_service->save(r, this, [&](ProfileService::SaveOutcome o) { out = std::move(o); });
        [&] { QTRY_VERIFY(out.has_value()); }();
        return out.value_or(ProfileService::SaveOutcome{});
    }

    Status removeProfile(const QString &id)
    {
        std::optional<Status> out;
        m_service->remove(id, this, [&](Status s) { out = s; });
        [&] { QTRY_VERIFY(out.has_value()); }();
        return out.value_or(Status::failure(QStringLiteral("no answer")));
    }

private slots:
    void init()
    {
        QFile::remove(m_dir.filePath(QStringLiteral("s.ini")));
        m_store = std::make_unique<ProfileStore>(
            new QSettings(m_dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat));
        m_secrets = std::make_unique<MemorySecretStore>();
        m_service = std::make_unique<ProfileService>(m_store.get(), m_secrets.get());
    }

    void addWritesSecretThenProfile()
    {
        const auto out = save({keycloak(QStringLiteral("Corp")), QStringLiteral("s3cret"), true, false});
        QVERIFY2(out.saved, qPrintable(out.errorString()));
        QCOMPARE(out.saved->id, QStringLiteral("corp"));
        QCOMPARE(m_secrets->entries().value(QStringLiteral("profile/corp")), QStringLiteral("s3cret"));
        QVERIFY(m_store->find(QStringLiteral("corp")));
    }

    void answersQueuedEvenWhenInvalid()
    {
        bool called = false;
        m_service->save({keycloak(QString()), QString(), true, false}, this,
                        [&](ProfileService::SaveOutcome) { called = true; });
        QVERIFY(!called); // never inside the call, like the keychain
        QTRY_VERIFY(called);
    }

    void newProfileNeedsASecretUnlessLater()
    {
        auto out = save({keycloak(QStringLiteral("Corp")), QString(), true, false});
        QVERIFY(!out.saved);
        QCOMPARE(out.code, int(ProfileService::Invalid));
        QCOMPARE(out.issues.value(0).field, QStringLiteral("secret"));
        out = save({keycloak(QStringLiteral("Corp")), QString(), true, true});
        QVERIFY(out.saved);
        QVERIFY(m_secrets->entries().isEmpty());
    }

    void keychainFailureSavesNothing()
    {
        m_secrets->setUnavailable(true);
        const auto out = save({keycloak(QStringLiteral("Corp")), QStringLiteral("s3cret"), true, false});
        QVERIFY(!out.saved);
        QCOMPARE(out.code, int(ProfileService::KeychainFailed));
        QCOMPARE(out.issues.value(0).field, QStringLiteral("secret"));
        QVERIFY(!m_store->find(QStringLiteral("Corp")));
    }

    void failedProfileSaveRollsBackOnlyItsOwnSecret()
    {
        // Two adds of one name in flight at once (two windows, a script): both pass validation, the
        // second loses at the store. Its secret is removed, and the first one's secret is untouched.
        std::optional<ProfileService::SaveOutcome> first, second;
        m_service->save({keycloak(QStringLiteral("Corp")), QStringLiteral("one"), true, false}, this,
                        [&](ProfileService::SaveOutcome o) { first = o; });
        m_service->save({keycloak(QStringLiteral("Corp")), QStringLiteral("two"), true, false}, this,
                        [&](ProfileService::SaveOutcome o) { second = o; });
        QTRY_VERIFY(first && second);
        QVERIFY(first->saved);
        QVERIFY(!second->saved);
        QCOMPARE(second->code, int(ProfileService::StoreFailed));
        QTRY_COMPARE(m_secrets->entries().size(), 1);
        QCOMPARE(m_secrets->entries().value(first->saved->secretKey()), QStringLiteral("one"));
    }

    void editWithoutSecretKeepsTheStoredOne()
    {
        auto out = save({keycloak(QStringLiteral("Corp")), QStringLiteral("s3cret"), true, false});
        QVERIFY(out.saved);
        Profile edited = *out.saved;
        edited.realm = QStringLiteral("other");
        out = save({edited, QString(), false, false});
        QVERIFY2(out.saved, qPrintable(out.errorString()));
        QCOMPARE(m_store->find(QStringLiteral("corp"))->realm, QStringLiteral("other"));
        QCOMPARE(m_secrets->entries().value(QStringLiteral("profile/corp")), QStringLiteral("s3cret"));
    }

    void removeDeletesSecretFirst()
    {
        QVERIFY(save({keycloak(QStringLiteral("Corp")), QStringLiteral("s3cret"), true, false}).saved);
        m_secrets->setUnavailable(true);
        Status s = removeProfile(QStringLiteral("corp"));
        QVERIFY(!s);
        QCOMPARE(s.error().code, int(ProfileService::KeychainFailed));
        QVERIFY(m_store->find(QStringLiteral("corp"))); // kept, so the user can retry
        m_secrets->setUnavailable(false);
        QVERIFY(removeProfile(QStringLiteral("corp")));
        QVERIFY(!m_store->find(QStringLiteral("corp")));
        QVERIFY(m_secrets->entries().isEmpty());
    }

    void builtinCannotBeRemoved()
    {
        m_store->ensureSandboxProfile();
        const Status s = removeProfile(QStringLiteral("sandbox"));
        QCOMPARE(s.error().code, int(ProfileService::Builtin));
        QVERIFY(m_store->find(QStringLiteral("sandbox")));
    }

    void namesAreShortAndPrintable_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("rtl override") << QStringLiteral("evil\u202Egnp.exe");
        QTest::newRow("isolate") << QStringLiteral("a\u2066b");
        QTest::newRow("newline inside") << QStringLiteral("a\nb");
        QTest::newRow("trailing newline") << QStringLiteral("corp\n");
        QTest::newRow("escape") << QStringLiteral("a\x1b[31mred");
        QTest::newRow("too long") << QString(kProfileNameMaxLength + 1, QLatin1Char('a'));
    }

    void namesAreShortAndPrintable()
    {
        QFETCH(QString, name);
        const auto issues = m_service->validate({keycloak(name), QStringLiteral("s"), true, false});
        QCOMPARE(issues.size(), 1);
        QCOMPARE(issues.first().field, QStringLiteral("name"));
        QVERIFY(!save({keycloak(name), QStringLiteral("s"), true, false}).saved);
        QVERIFY(m_secrets->entries().isEmpty());
    }

    void unsafeCharactersAreEscapedForPrinting()
    {
        QCOMPARE(escapeUnsafeCharacters(QStringLiteral("ab\u202Ec")), QStringLiteral("ab\\u202ec"));
        QCOMPARE(escapeUnsafeCharacters(QStringLiteral("Köln ✓")), QStringLiteral("Köln ✓"));
        QVERIFY(!validateProfile(keycloak(QString(kProfileNameMaxLength, QLatin1Char('a')))).size());
    }
};

QTEST_GUILESS_MAIN(TestProfileService)
#include "tst_profileservice.moc"
