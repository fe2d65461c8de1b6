#include "idp/RpLint.h"

#include <QTest>

using namespace signoff;

namespace {
// A client that lints clean against a permissive IdP, so each test changes one thing.
RelyingParty healthyRp()
{
    RelyingParty rp;
    rp.clientId = QStringLiteral("shop");
    rp.name = QStringLiteral("Shop");
    rp.backchannelLogoutUri = QStringLiteral("https://shop.example.com/backchannel-logout");
    rp.sessionRequired = true;
    return rp;
}

IdpFacts plainIdp()
{
    IdpFacts f;
    f.kind = QStringLiteral("sandbox");
    f.backchannelLogoutSupported = true;
    f.backchannelLogoutSessionSupported = true;
    return f;
}

QStringList codes(const QList<LintFinding> &findings)
{
    QStringList out;
    for (const LintFinding &f : findings)
        out << f.code;
    return out;
}

const LintFinding *find(const QList<LintFinding> &findings, const QString &code)
{
    for (const LintFinding &f : findings)
        if (f.code == code)
            return &f;
    return nullptr;
}
} // namespace

// Every finding code on its own: it fires for the setting it is about, and only for that.
class TestRpLint : public QObject
{
    Q_OBJECT

private:
    // The finding is there exactly once, with the severity given, a message and a fix.
    void expectOnly(const QList<LintFinding> &findings, const QString &code, LintFinding::Severity severity)
    {
        QCOMPARE(codes(findings), QStringList{code});
        QCOMPARE(findings.first().severity, severity);
        QVERIFY(!findings.first().message.isEmpty());
        QVERIFY(!findings.first().fix.isEmpty());
    }

private slots:
    void healthyRpIsClean()
    {
        QCOMPARE(codes(lintRelyingParty(healthyRp(), plainIdp())), QStringList{});
        // Unknown discovery facts are not findings: nothing is invented.
        QCOMPARE(codes(lintRelyingParty(healthyRp(), IdpFacts{})), QStringList{});
    }

    void noBackchannelUri_data()
    {
        QTest::addColumn<QString>("uri");
        QTest::newRow("empty") << QString();
        QTest::newRow("blank") << QStringLiteral("   ");
    }
    void noBackchannelUri()
    {
        QFETCH(QString, uri);
        RelyingParty rp = healthyRp();
        rp.backchannelLogoutUri = uri;
        expectOnly(lintRelyingParty(rp, plainIdp()), QStringLiteral("no_backchannel_uri"),
                   LintFinding::Severity::Error);
        // The settings that only matter for a URI are not judged without one.
        rp.frontchannelLogout = true;
        IdpFacts noSid = plainIdp();
        noSid.backchannelLogoutSessionSupported = false;
        QCOMPARE(codes(lintRelyingParty(rp, noSid)), QStringList{QStringLiteral("no_backchannel_uri")});
    }

    void httpUri_data()
    {
        QTest::addColumn<QString>("uri");
        QTest::addColumn<bool>("fires");
        QTest::newRow("public host") << QStringLiteral("http://shop.example.com/bcl") << true;
        QTest::newRow("public ip") << QStringLiteral("http://203.0.113.7:8080/bcl") << true;
        QTest::newRow("upper-case scheme") << QStringLiteral("HTTP://shop.example.com/bcl") << true;
        // A private address is not loopback: the token still crosses a network in clear text.
        QTest::newRow("private ip") << QStringLiteral("http://10.1.2.3/bcl") << true;
        QTest::newRow("localhost-like name") << QStringLiteral("http://localhost.example.com/bcl") << true;
        QTest::newRow("loopback v4") << QStringLiteral("http://127.0.0.1:9401/bcl") << false;
        QTest::newRow("loopback 127/8") << QStringLiteral("http://127.10.20.30/bcl") << false;
        QTest::newRow("loopback v6") << QStringLiteral("http://[::1]:9401/bcl") << false;
        QTest::newRow("localhost") << QStringLiteral("http://localhost:9401/bcl") << false;
        QTest::newRow("LOCALHOST") << QStringLiteral("http://LOCALHOST/bcl") << false;
        QTest::newRow("sub.localhost") << QStringLiteral("http://rp.localhost/bcl") << false;
        QTest::newRow("https") << QStringLiteral("https://shop.example.com/bcl") << false;
    }
    void httpUri()
    {
        QFETCH(QString, uri);
        QFETCH(bool, fires);
        RelyingParty rp = healthyRp();
        rp.backchannelLogoutUri = uri;
        const auto findings = lintRelyingParty(rp, plainIdp());
        if (fires) {
            expectOnly(findings, QStringLiteral("http_uri"), LintFinding::Severity::Warning);
            QVERIFY2(findings.first().message.contains(QUrl(uri).host()), qPrintable(findings.first().message));
        } else {
            QCOMPARE(codes(findings), QStringList{});
        }
    }

    void privateAddressRefused_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<bool>("privateHost");
        QTest::newRow("10/8") << QStringLiteral("10.0.0.5") << true;
        QTest::newRow("10/8 top") << QStringLiteral("10.255.255.254") << true;
        QTest::newRow("192.168/16") << QStringLiteral("192.168.1.20") << true;
        QTest::newRow("172.16/12 low") << QStringLiteral("172.16.0.1") << true;
        QTest::newRow("172.16/12 high") << QStringLiteral("172.31.255.254") << true;
        QTest::newRow("127/8") << QStringLiteral("127.0.0.1") << true;
        QTest::newRow("127/8 other") << QStringLiteral("127.1.2.3") << true;
        QTest::newRow("::1") << QStringLiteral("[::1]") << true;
        QTest::newRow("localhost") << QStringLiteral("localhost") << true;
        QTest::newRow("link-local v4") << QStringLiteral("169.254.10.1") << true;
        QTest::newRow("link-local v6") << QStringLiteral("[fe80::1]") << true;
        QTest::newRow("fc00::/7 fc") << QStringLiteral("[fc00::1]") << true;
        QTest::newRow("fc00::/7 fd") << QStringLiteral("[fd12:3456::1]") << true;
        QTest::newRow("v4-mapped private") << QStringLiteral("[::ffff:192.168.1.20]") << true;
        QTest::newRow("v4-mapped loopback") << QStringLiteral("[::ffff:127.0.0.1]") << true;
        QTest::newRow("172.15 (below /12)") << QStringLiteral("172.15.255.255") << false;
        QTest::newRow("172.32 (above /12)") << QStringLiteral("172.32.0.1") << false;
        QTest::newRow("192.169") << QStringLiteral("192.169.0.1") << false;
        QTest::newRow("11/8") << QStringLiteral("11.0.0.1") << false;
        QTest::newRow("public v6") << QStringLiteral("[2001:db8::1]") << false;
        QTest::newRow("fe00:: (not fc00::/7)") << QStringLiteral("[fe00::1]") << false;
        QTest::newRow("name") << QStringLiteral("rp.example.com") << false;
        QTest::newRow("name with private-looking prefix") << QStringLiteral("10.0.0.1.example.com") << false;
    }
    void privateAddressRefused()
    {
        QFETCH(QString, host);
        QFETCH(bool, privateHost);
        RelyingParty rp = healthyRp();
        rp.backchannelLogoutUri = QStringLiteral("https://%1:8443/bcl").arg(host);
        IdpFacts guarded = plainIdp();
        guarded.refusesPrivateAddresses = true;
        if (privateHost)
            expectOnly(lintRelyingParty(rp, guarded), QStringLiteral("private_address_refused"),
                       LintFinding::Severity::Error);
        else
            QCOMPARE(codes(lintRelyingParty(rp, guarded)), QStringList{});
        // An IdP without that guard posts to private addresses: no finding either way.
        QCOMPARE(codes(lintRelyingParty(rp, plainIdp())), QStringList{});
        // A guard that depends on what the API does not reveal (Logto's version): a warning, not an error.
        IdpFacts maybe = plainIdp();
        maybe.mayRefusePrivateAddresses = true;
        if (privateHost)
            expectOnly(lintRelyingParty(rp, maybe), QStringLiteral("private_address_maybe_refused"),
                       LintFinding::Severity::Warning);
        else
            QCOMPARE(codes(lintRelyingParty(rp, maybe)), QStringList{});
    }

    void frontchannelOverridesBackchannel()
    {
        RelyingParty rp = healthyRp();
        rp.frontchannelLogout = true;
        expectOnly(lintRelyingParty(rp, plainIdp()), QStringLiteral("frontchannel_overrides_backchannel"),
                   LintFinding::Severity::Error);
        // A front-channel URI alone (the flag off) does not suppress anything.
        rp.frontchannelLogout = false;
        rp.frontchannelLogoutUri = QStringLiteral("https://shop.example.com/fcl");
        QCOMPARE(codes(lintRelyingParty(rp, plainIdp())), QStringList{});
    }

    void relativeUriWithoutRoot_data()
    {
        QTest::addColumn<QString>("uri");
        QTest::newRow("absolute path") << QStringLiteral("/backchannel-logout");
        QTest::newRow("relative path") << QStringLiteral("backchannel-logout");
    }
    void relativeUriWithoutRoot()
    {
        QFETCH(QString, uri);
        RelyingParty rp = healthyRp();
        rp.backchannelLogoutUri = uri;
        const auto findings = lintRelyingParty(rp, plainIdp());
        expectOnly(findings, QStringLiteral("relative_uri_without_root"), LintFinding::Severity::Error);
        QVERIFY(findings.first().message.contains(uri));
        rp.rootUrl = QStringLiteral("  ");
        QCOMPARE(codes(lintRelyingParty(rp, plainIdp())), QStringList{QStringLiteral("relative_uri_without_root")});
    }

    // With a root URL the relative URI is judged where it really points.
    void relativeUriResolvedAgainstRoot_data()
    {
        QTest::addColumn<QString>("root");
        QTest::addColumn<QString>("uri");
        QTest::addColumn<bool>("guarded");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("https root") << QStringLiteral("https://shop.example.com") << QStringLiteral("/bcl") << false
                                    << QStringList{};
        QTest::newRow("root with path") << QStringLiteral("https://shop.example.com/app/") << QStringLiteral("bcl")
                                        << false << QStringList{};
        QTest::newRow("http root") << QStringLiteral("http://shop.example.com") << QStringLiteral("/bcl") << false
                                   << QStringList{QStringLiteral("http_uri")};
        QTest::newRow("loopback http root")
            << QStringLiteral("http://127.0.0.1:8080") << QStringLiteral("/bcl") << false << QStringList{};
        QTest::newRow("private root, guarded IdP") << QStringLiteral("https://192.168.0.10") << QStringLiteral("/bcl")
                                                   << true << QStringList{QStringLiteral("private_address_refused")};
        QTest::newRow("public root, guarded IdP")
            << QStringLiteral("https://shop.example.com") << QStringLiteral("/bcl") << true << QStringList{};
        QTest::newRow("root not http(s)") << QStringLiteral("ftp://shop.example.com") << QStringLiteral("/bcl") << false
                                          << QStringList{QStringLiteral("invalid_uri")};
        // Keycloak's ${authBaseUrl}-style root: where it points is the IdP's own business.
        QTest::newRow("placeholder root") << QStringLiteral("${authBaseUrl}") << QStringLiteral("/realms/x/bcl")
                                          << false << QStringList{QStringLiteral("uri_placeholder")};
    }
    void relativeUriResolvedAgainstRoot()
    {
        QFETCH(QString, root);
        QFETCH(QString, uri);
        QFETCH(bool, guarded);
        QFETCH(QStringList, expected);
        RelyingParty rp = healthyRp();
        rp.rootUrl = root;
        rp.backchannelLogoutUri = uri;
        IdpFacts idp = plainIdp();
        idp.refusesPrivateAddresses = guarded;
        const auto findings = lintRelyingParty(rp, idp);
        QCOMPARE(codes(findings), expected);
        if (expected.contains(QStringLiteral("http_uri")))
            QVERIFY(find(findings, QStringLiteral("http_uri"))->message.contains(QStringLiteral("shop.example.com")));
    }

    void invalidUri_data()
    {
        QTest::addColumn<QString>("uri");
        QTest::newRow("other scheme") << QStringLiteral("ftp://shop.example.com/bcl");
        QTest::newRow("mailto") << QStringLiteral("mailto:ops@example.com");
        QTest::newRow("javascript") << QStringLiteral("javascript:alert(1)");
        QTest::newRow("space in host") << QStringLiteral("https://shop example.com/bcl");
        QTest::newRow("bad port") << QStringLiteral("https://shop.example.com:99999/bcl");
        QTest::newRow("no host") << QStringLiteral("https:///bcl");
    }
    void invalidUri()
    {
        QFETCH(QString, uri);
        RelyingParty rp = healthyRp();
        rp.backchannelLogoutUri = uri;
        const auto findings = lintRelyingParty(rp, plainIdp());
        expectOnly(findings, QStringLiteral("invalid_uri"), LintFinding::Severity::Error);
        QVERIFY(findings.first().message.contains(uri));
        // A root URL does not make a URI with its own scheme relative.
        rp.rootUrl = QStringLiteral("https://shop.example.com");
        QCOMPARE(codes(lintRelyingParty(rp, plainIdp())), QStringList{QStringLiteral("invalid_uri")});
    }

    void uriPlaceholder_data()
    {
        QTest::addColumn<QString>("uri");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("https host placeholder") << QStringLiteral("https://${application.session.host}/bcl")
                                                << QStringList{QStringLiteral("uri_placeholder")};
        // The host is only known per session, so plain http is not judged on it...
        QTest::newRow("http host placeholder") << QStringLiteral("http://${application.session.host}/bcl")
                                               << QStringList{QStringLiteral("uri_placeholder")};
        // ...but a placeholder in the path does not hide a public host reached over http.
        QTest::newRow("http path placeholder")
            << QStringLiteral("http://shop.example.com/${application.session.host}/bcl")
            << QStringList{QStringLiteral("uri_placeholder"), QStringLiteral("http_uri")};
        QTest::newRow("relative with placeholder, no root")
            << QStringLiteral("/${tenant}/bcl")
            << QStringList{QStringLiteral("uri_placeholder"), QStringLiteral("relative_uri_without_root")};
        QTest::newRow("dollar without brace") << QStringLiteral("https://shop.example.com/$x/bcl") << QStringList{};
    }
    void uriPlaceholder()
    {
        QFETCH(QString, uri);
        QFETCH(QStringList, expected);
        RelyingParty rp = healthyRp();
        rp.backchannelLogoutUri = uri;
        const auto findings = lintRelyingParty(rp, plainIdp());
        QCOMPARE(codes(findings), expected);
        if (const LintFinding *f = find(findings, QStringLiteral("uri_placeholder"))) {
            QCOMPARE(f->severity, LintFinding::Severity::Info);
            QVERIFY2(f->message.contains(QStringLiteral("${")), qPrintable(f->message));
        }
    }

    void sessionRequiredWithoutSid()
    {
        RelyingParty rp = healthyRp();
        IdpFacts noSid = plainIdp();
        noSid.backchannelLogoutSessionSupported = false;
        expectOnly(lintRelyingParty(rp, noSid), QStringLiteral("session_required_without_sid"),
                   LintFinding::Severity::Error);
        // Not required: the RP accepts a token without sid.
        rp.sessionRequired = false;
        QCOMPARE(codes(lintRelyingParty(rp, noSid)), QStringList{});
        // Unknown (no discovery) is not "does not send".
        rp.sessionRequired = true;
        noSid.backchannelLogoutSessionSupported.reset();
        QCOMPARE(codes(lintRelyingParty(rp, noSid)), QStringList{});
    }

    void clientDisabled()
    {
        RelyingParty rp = healthyRp();
        rp.enabled = false;
        expectOnly(lintRelyingParty(rp, plainIdp()), QStringLiteral("client_disabled"), LintFinding::Severity::Warning);
        rp.backchannelLogoutUri.clear();
        QCOMPARE(codes(lintRelyingParty(rp, plainIdp())),
                 (QStringList{QStringLiteral("client_disabled"), QStringLiteral("no_backchannel_uri")}));
    }

    void discoveryNoBackchannel()
    {
        IdpFacts idp = plainIdp();
        idp.backchannelLogoutSupported = false;
        expectOnly(lintIdp(idp), QStringLiteral("discovery_no_backchannel"), LintFinding::Severity::Error);
        // Every RP carries it, as none of them will be told.
        expectOnly(lintRelyingParty(healthyRp(), idp), QStringLiteral("discovery_no_backchannel"),
                   LintFinding::Severity::Error);
        idp.backchannelLogoutSupported.reset(); // discovery not read: say nothing
        QCOMPARE(codes(lintIdp(idp)), QStringList{});
        idp.backchannelLogoutSupported = true;
        QCOMPARE(codes(lintIdp(idp)), QStringList{});
    }

    void idpOperationNotes_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("code");
        QTest::newRow("keycloak") << QStringLiteral("keycloak") << QStringLiteral("keycloak_logout_all_silent");
        QTest::newRow("logto") << QStringLiteral("logto") << QStringLiteral("logto_session_delete_silent");
        QTest::newRow("hydra") << QStringLiteral("hydra") << QStringLiteral("hydra_subject_delete_silent");
        QTest::newRow("sandbox") << QStringLiteral("sandbox") << QString();
        QTest::newRow("unknown") << QString() << QString();
    }
    void idpOperationNotes()
    {
        QFETCH(QString, kind);
        QFETCH(QString, code);
        IdpFacts idp = plainIdp();
        idp.kind = kind;
        if (code.isEmpty()) {
            QCOMPARE(codes(lintRelyingParty(healthyRp(), idp)), QStringList{});
            return;
        }
        expectOnly(lintRelyingParty(healthyRp(), idp), code, LintFinding::Severity::Info);
        // The note is about the IdP's operations: it holds for an RP without a URI too, next to that error.
        RelyingParty noUri = healthyRp();
        noUri.backchannelLogoutUri.clear();
        QCOMPARE(codes(lintRelyingParty(noUri, idp)), (QStringList{QStringLiteral("no_backchannel_uri"), code}));
        // Only the IdP's own note.
        const QStringList all{QStringLiteral("keycloak_logout_all_silent"),
                              QStringLiteral("logto_session_delete_silent"),
                              QStringLiteral("hydra_subject_delete_silent")};
        for (const QString &other : all)
            if (other != code)
                QVERIFY(!find(lintRelyingParty(healthyRp(), idp), other));
    }

    void severityIdsAreStable()
    {
        QCOMPARE(severityId(LintFinding::Severity::Error), QStringLiteral("error"));
        QCOMPARE(severityId(LintFinding::Severity::Warning), QStringLiteral("warning"));
        QCOMPARE(severityId(LintFinding::Severity::Info), QStringLiteral("info"));
    }
};

QTEST_GUILESS_MAIN(TestRpLint)
#include "tst_rplint.moc"
