#include "Keychain.h"
#include "TestEnv.h"
#include "store/ProfileStore.h"
#include "store/SecretStore.h"

#include <QSettings>
#include <QTest>
#include <QUuid>

using namespace signoff;

// Against the real Secret Service (gnome-keyring in a private D-Bus session).
class TestKeychain : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { SIGNOFF_REQUIRE_SECRET_SERVICE(); }

    void writeReadRemove()
    {
        KeychainSecretStore store(nullptr, QStringLiteral("SignoffTest"));
        const QString key = QStringLiteral("profile/") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QString secret = QStringLiteral("pässwörd ✓ 密码 ") + QUuid::createUuid().toString();
        QVERIFY2(store.writeSync(key, secret).ok(), qPrintable(store.writeSync(key, secret).errorString()));
        const auto read = store.readSync(key);
        QVERIFY2(read.ok(), qPrintable(read.errorString()));
        QCOMPARE(read.value(), secret);
        QVERIFY(store.writeSync(key, QStringLiteral("replaced")).ok());
        QCOMPARE(store.readSync(key).value(), QStringLiteral("replaced"));
        QVERIFY(store.removeSync(key).ok());
        const auto missing = store.readSync(key);
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code, int(SecretStore::NotFound));
        QVERIFY(store.removeSync(key).ok()); // removing what is gone is fine
    }

    void asyncCallbackDroppedWhenContextDies()
    {
        KeychainSecretStore store(nullptr, QStringLiteral("SignoffTest"));
        bool called = false;
        auto *ctx = new QObject;
        store.read(QStringLiteral("profile/none"), ctx, [&](Result<QString>) { called = true; });
        delete ctx;
        QVERIFY(store.writeSync(QStringLiteral("profile/flush"), QStringLiteral("x")).ok()); // lets the first job end
        QVERIFY(store.removeSync(QStringLiteral("profile/flush")).ok());
        QVERIFY(!called);
    }

    void secretNeverLandsOnDisk()
    {
        // The GUI path: the store and the keychain used together, as ProfileDialog does.
        IsolatedHome home;
        const QString secret = QStringLiteral("disk-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        {
            ProfileStore profiles(new QSettings(home.settingsFile(), QSettings::IniFormat));
            KeychainSecretStore keychain;
            Profile p;
            p.name = QStringLiteral("Leak check");
            p.kind = IdpKind::Logto;
            p.baseUrl = QUrl(QStringLiteral("https://auth.example.com"));
            p.clientId = QStringLiteral("m2m");
            p.id = QStringLiteral("leak-check-") + QString::number(QDateTime::currentMSecsSinceEpoch());
            QVERIFY(keychain.writeSync(p.secretKey(), secret).ok());
            const auto added = profiles.add(p);
            QVERIFY(added.ok());
            QCOMPARE(keychain.readSync(added->secretKey()).value(), secret);
            QVERIFY(filesContaining(home.path(), secret.toUtf8()).isEmpty());
            QVERIFY(QFile::exists(home.settingsFile()));
            QVERIFY(keychain.removeSync(added->secretKey()).ok());
        }
        QVERIFY(filesContaining(home.path(), secret.toUtf8()).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestKeychain)
#include "tst_keychain.moc"
