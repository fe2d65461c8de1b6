#include "core/Translations.h"

#include <QCoreApplication>
#include <QFile>
#include <QTest>
#include <QTranslator>

using namespace signoff;

// The compiled translations are embedded and actually translate the UI.
class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void qmFilesAreEmbedded()
    {
        for (const QString &code : {QStringLiteral("de"), QStringLiteral("zh_CN")})
            QVERIFY2(QFile::exists(QStringLiteral(":/i18n/signoff_%1.qm").arg(code)), qPrintable(code));
    }

    void translatesKnownStrings_data()
    {
        QTest::addColumn<QString>("code");
        QTest::newRow("de") << QStringLiteral("de");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
    }
    void translatesKnownStrings()
    {
        QFETCH(QString, code);
        QTranslator t;
        QVERIFY(t.load(QStringLiteral(":/i18n/signoff_%1.qm").arg(code)));
        // A navigation entry, a dialog title and a validation message from core.
        const struct
        {
            const char *context;
            const char *source;
        } samples[] = {{"signoff::MainWindow", "Relying parties"},
                       {"signoff::ProfileDialog", "Add profile"},
                       {"Profile", "Keycloak needs a realm (e.g. master)."}};
        for (const auto &s : samples) {
            const QString translated = t.translate(s.context, s.source);
            QVERIFY2(!translated.isEmpty() && translated != QString::fromLatin1(s.source),
                     qPrintable(QStringLiteral("%1/%2 untranslated in %3")
                                    .arg(QString::fromLatin1(s.context), QString::fromLatin1(s.source), code)));
        }
    }

    void installFollowsTheRequestedLanguage()
    {
        QCOMPARE(installTranslators(*QCoreApplication::instance(), QStringLiteral("en")), QStringLiteral("en"));
        QCOMPARE(QCoreApplication::translate("signoff::MainWindow", "Sessions"), QStringLiteral("Sessions"));
        QCOMPARE(installTranslators(*QCoreApplication::instance(), QStringLiteral("de")), QStringLiteral("de"));
        QVERIFY(QCoreApplication::translate("signoff::MainWindow", "Sessions") != QStringLiteral("Sessions"));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
