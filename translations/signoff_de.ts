<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>ConnectorService</name>
    <message>
        <source>The connection was closed.</source>
        <translation>Die Verbindung wurde geschlossen.</translation>
    </message>
</context>
<context>
    <name>DeliveryLedger</name>
    <message>
        <source>reported delivered without a 2xx answer</source>
        <translation>als zugestellt gemeldet, aber ohne 2xx-Antwort</translation>
    </message>
</context>
<context>
    <name>DeliveryState</name>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Zugestellt</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Timed out</source>
        <translation>Zeitüberschreitung</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <source>Sent, unconfirmed</source>
        <translation>Gesendet, unbestätigt</translation>
    </message>
</context>
<context>
    <name>HydraConnector</name>
    <message>
        <source>Hydra lists sessions per subject only: enter a user (subject) to see sessions</source>
        <translation>Hydra listet Sitzungen nur pro Subject auf: Geben Sie einen Benutzer (Subject) ein, um Sitzungen zu sehen</translation>
    </message>
    <message>
        <source>Hydra has no user directory: users are named by their subject</source>
        <translation>Hydra hat kein Benutzerverzeichnis: Benutzer werden über ihr Subject benannt</translation>
    </message>
    <message>
        <source>Hydra&apos;s logout tokens carry sid but no sub, exp or typ: an RP that requires them refuses the token</source>
        <translation>Die Logout-Tokens von Hydra enthalten sid, aber weder sub noch exp oder typ: Eine RP, die diese verlangt, lehnt das Token ab</translation>
    </message>
    <message>
        <source>ending a subject&apos;s login sessions in Hydra (?subject=) sends no logout token; Signoff ends them by sid</source>
        <translation>das Beenden der Login-Sitzungen eines Subjects in Hydra (?subject=) sendet kein Logout-Token; Signoff beendet sie einzeln per sid</translation>
    </message>
    <message>
        <source>Hydra&apos;s admin API (or the gateway in front of it) asks for credentials for %1: enter a client id and the API key as secret in the profile.</source>
        <translation>Die Admin-API von Hydra (oder das vorgeschaltete Gateway) verlangt Zugangsdaten für %1: Geben Sie im Profil eine Client-ID und den API-Schlüssel als Secret ein.</translation>
    </message>
    <message>
        <source>Hydra&apos;s admin API (or the gateway in front of it) refused the API key for %1: check the secret in the profile.</source>
        <translation>Die Admin-API von Hydra (oder das vorgeschaltete Gateway) hat den API-Schlüssel für %1 abgelehnt: Prüfen Sie das Secret im Profil.</translation>
    </message>
    <message>
        <source>%1 has no Hydra v2 admin API (%2 answered 404): use the admin port&apos;s URL, e.g. http://hydra:4445.</source>
        <translation>%1 hat keine Admin-API von Hydra v2 (die Anfrage für %2 ergab 404): Verwenden Sie die URL des Admin-Ports, z. B. http://hydra:4445.</translation>
    </message>
    <message>
        <source>Hydra answered %1 with something that is not JSON (%2).</source>
        <translation>Die Antwort von Hydra auf die Anfrage für %1 ist kein JSON (%2).</translation>
    </message>
    <message>
        <source>the version</source>
        <translation>die Version</translation>
    </message>
    <message>
        <source>the clients list</source>
        <translation>die Client-Liste</translation>
    </message>
    <message>
        <source>Hydra has no user directory to search: enter the subject (the user id your login app gives Hydra).</source>
        <translation>Hydra hat kein Benutzerverzeichnis, das sich durchsuchen ließe: Geben Sie das Subject ein (die Benutzer-ID, die Ihre Login-App an Hydra übergibt).</translation>
    </message>
    <message>
        <source>Hydra lists sessions per subject only: choose a user (subject) to see its sessions.</source>
        <translation>Hydra listet Sitzungen nur pro Subject auf: Wählen Sie einen Benutzer (Subject), um seine Sitzungen zu sehen.</translation>
    </message>
    <message>
        <source>the consent sessions of %1</source>
        <translation>die Consent-Sitzungen von %1</translation>
    </message>
    <message>
        <source>Hydra cannot look sessions up by id: it lists sessions only for a subject, so list the user&apos;s (subject&apos;s) sessions instead.</source>
        <translation>Hydra kann Sitzungen nicht per ID nachschlagen: Es listet Sitzungen nur für ein Subject auf; listen Sie stattdessen die Sitzungen des Benutzers (Subjects) auf.</translation>
    </message>
    <message>
        <source>Hydra cannot send a logout token again once the login session is gone. Ask the RP&apos;s operator to end the user&apos;s session in the RP itself, or, once the RP is fixed, have the user sign in again and log them out once more.</source>
        <translation>Hydra kann kein Logout-Token erneut senden, sobald die Login-Sitzung nicht mehr existiert. Bitten Sie den Betreiber der RP, die Sitzung des Benutzers in der RP selbst zu beenden, oder lassen Sie den Benutzer sich nach der Korrektur der RP erneut anmelden, und melden Sie ihn dann noch einmal ab.</translation>
    </message>
    <message>
        <source>Hydra ends one login session per call, not %1.</source>
        <translation>Hydra beendet pro Aufruf eine Login-Sitzung, nicht %1.</translation>
    </message>
    <message>
        <source>Hydra has no login session %1: the session no longer exists (it ended, expired or was logged out elsewhere).</source>
        <translation>Hydra hat keine Login-Sitzung %1: Die Sitzung existiert nicht mehr (sie wurde beendet, ist abgelaufen oder wurde anderswo abgemeldet).</translation>
    </message>
    <message>
        <source>ending login session %1</source>
        <translation>das Beenden der Login-Sitzung %1</translation>
    </message>
</context>
<context>
    <name>IdpHttpClient</name>
    <message>
        <source>%1 did not answer within %2 s.</source>
        <translation>%1 hat nicht innerhalb von %2 s geantwortet.</translation>
    </message>
    <message>
        <source>The certificate of %1 does not match the pinned SHA-256 (it is %2): someone may be intercepting the connection, or the certificate was renewed — check, then update the pin.</source>
        <translation>Das Zertifikat von %1 stimmt nicht mit dem gepinnten SHA-256 überein (es ist %2): Möglicherweise wird die Verbindung abgefangen, oder das Zertifikat wurde erneuert — prüfen Sie das und aktualisieren Sie dann den Pin.</translation>
    </message>
    <message>
        <source>%1 refused the connection: is the IdP running on port %2?</source>
        <translation>%1 hat die Verbindung abgelehnt: Läuft der IdP auf Port %2?</translation>
    </message>
    <message>
        <source>The host %1 was not found: check the base URL.</source>
        <translation>Der Host %1 wurde nicht gefunden: Prüfen Sie die Basis-URL.</translation>
    </message>
    <message>
        <source>The TLS connection to %1 failed: %2. Trust its CA with the profile&apos;s extra CA file, or pin its certificate.</source>
        <translation>Die TLS-Verbindung zu %1 ist fehlgeschlagen: %2. Vertrauen Sie der CA des Hosts über die zusätzliche CA-Datei des Profils, oder pinnen Sie sein Zertifikat.</translation>
    </message>
    <message>
        <source>%1 could not be reached: %2</source>
        <translation>%1 ist nicht erreichbar: %2</translation>
    </message>
    <message>
        <source>The IdP answered %1 with something that is not JSON (%2).</source>
        <translation>Die Antwort des IdP auf %1 ist kein JSON (%2).</translation>
    </message>
    <message>
        <source> (the IdP says: %1)</source>
        <translation> (der IdP meldet: %1)</translation>
    </message>
    <message>
        <source>The IdP refused Signoff&apos;s credentials for %1: check the client id and secret (or password) in the profile.%2</source>
        <translation>Der IdP hat die Zugangsdaten von Signoff für %1 abgelehnt: Prüfen Sie Client-ID und Secret (bzw. Passwort) im Profil.%2</translation>
    </message>
    <message>
        <source>The admin account lacks a permission needed for %1.%2</source>
        <translation>Dem Admin-Konto fehlt eine Berechtigung, die für %1 erforderlich ist.%2</translation>
    </message>
    <message>
        <source>The IdP has no %1: check the base URL, the realm or tenant, and the IdP&apos;s version.%2</source>
        <translation>Beim IdP nicht gefunden: %1. Prüfen Sie die Basis-URL, den Realm bzw. Mandanten und die Version des IdP.%2</translation>
    </message>
    <message>
        <source>The IdP is rate-limiting Signoff (%1); it asks to wait %2 s.</source>
        <translation>Der IdP drosselt die Anfragen von Signoff (%1); er bittet, %2 s zu warten.</translation>
    </message>
    <message>
        <source>The IdP failed while answering %1 (HTTP %2).%3</source>
        <translation>Der IdP ist bei der Anfrage für %1 fehlgeschlagen (HTTP %2).%3</translation>
    </message>
    <message>
        <source>The IdP answered %1 with HTTP %2.%3</source>
        <translation>Der IdP hat die Anfrage für %1 mit HTTP %2 beantwortet.%3</translation>
    </message>
    <message>
        <source>%1&apos;s token endpoint answered without an access token.</source>
        <translation>Der Token-Endpunkt von %1 hat ohne Access-Token geantwortet.</translation>
    </message>
</context>
<context>
    <name>KeychainSecretStore</name>
    <message>
        <source>No secret is stored in the keychain for this profile.</source>
        <translation>Für dieses Profil ist kein Secret im Schlüsselbund gespeichert.</translation>
    </message>
    <message>
        <source>No keychain is available: Signoff keeps secrets only in the OS keychain. On Linux install and start a Secret Service (e.g. apt install gnome-keyring, or KWallet) and unlock it, then try again. (%1)</source>
        <translation>Kein Schlüsselbund verfügbar: Signoff speichert Secrets ausschließlich im Schlüsselbund des Betriebssystems. Installieren und starten Sie unter Linux einen Secret Service (z. B. apt install gnome-keyring, oder KWallet), entsperren Sie ihn und versuchen Sie es dann erneut. (%1)</translation>
    </message>
    <message>
        <source>The keychain refused access; unlock it (or allow Signoff) and try again. (%1)</source>
        <translation>Der Schlüsselbund hat den Zugriff verweigert; entsperren Sie ihn (oder erlauben Sie Signoff den Zugriff) und versuchen Sie es erneut. (%1)</translation>
    </message>
    <message>
        <source>The keychain failed (%1). Signoff keeps secrets only in the OS keychain: make sure a Secret Service (e.g. gnome-keyring or KWallet) is installed, running and unlocked.</source>
        <translation>Der Schlüsselbund ist fehlgeschlagen (%1). Signoff speichert Secrets ausschließlich im Schlüsselbund des Betriebssystems: Stellen Sie sicher, dass ein Secret Service (z. B. gnome-keyring oder KWallet) installiert ist, läuft und entsperrt ist.</translation>
    </message>
    <message>
        <source>The keychain did not answer in time. It is probably locked and waiting for an unlock prompt: unlock your login keyring (Seahorse, or `gnome-keyring-daemon --unlock`) and try again.</source>
        <translation>Der Schlüsselbund hat nicht rechtzeitig geantwortet. Vermutlich ist er gesperrt und wartet auf eine Entsperrabfrage: Entsperren Sie Ihren Anmelde-Schlüsselbund (Seahorse oder `gnome-keyring-daemon --unlock`) und versuchen Sie es erneut.</translation>
    </message>
</context>
<context>
    <name>KeycloakConnector</name>
    <message>
        <source>Keycloak does not report whether each RP accepted its logout token: deliveries stay unconfirmed unless they pass through Signoff&apos;s mock RP or relay</source>
        <translation>Keycloak meldet nicht, ob jede RP ihr Logout-Token angenommen hat: Zustellungen bleiben unbestätigt, sofern sie nicht über die Mock-RP oder die Weiterleitung von Signoff laufen</translation>
    </message>
    <message>
        <source>Keycloak&apos;s &quot;logout all&quot; sends no OIDC logout tokens: Signoff logs out session by session</source>
        <translation>„logout all“ von Keycloak sendet keine OIDC-Logout-Tokens: Signoff führt den Logout Sitzung für Sitzung durch</translation>
    </message>
    <message>
        <source>The realm &quot;%1&quot; does not exist on %2: check the realm name in the profile (it is case-sensitive).</source>
        <translation>Der Realm „%1“ existiert auf %2 nicht: Prüfen Sie den Realm-Namen im Profil (Groß-/Kleinschreibung wird unterschieden).</translation>
    </message>
    <message>
        <source>Keycloak does not accept the secret of client &quot;%1&quot; in realm &quot;%2&quot;: it is wrong, or it expired or was regenerated (copy the current one from the client&apos;s Credentials tab).</source>
        <translation>Keycloak akzeptiert das Secret des Clients „%1“ im Realm „%2“ nicht: Es ist falsch, abgelaufen oder wurde neu generiert (kopieren Sie das aktuelle aus dem Tab „Credentials“ des Clients).</translation>
    </message>
    <message>
        <source>Client &quot;%1&quot; may not sign in with %2 (%3): enable its service account, or use the password grant with admin-cli.</source>
        <translation>Der Client „%1“ darf sich nicht mit %2 anmelden (%3): Aktivieren Sie sein Dienstkonto, oder verwenden Sie den Passwort-Grant mit admin-cli.</translation>
    </message>
    <message>
        <source>Keycloak refused user &quot;%1&quot; in realm &quot;%2&quot;: %3.</source>
        <translation>Keycloak hat den Benutzer „%1“ im Realm „%2“ abgelehnt: %3.</translation>
    </message>
    <message>
        <source>wrong user name or password</source>
        <translation>falscher Benutzername oder falsches Passwort</translation>
    </message>
    <message>
        <source>an admin token</source>
        <translation>ein Admin-Token</translation>
    </message>
    <message>
        <source>user &quot;%1&quot;</source>
        <translation>Benutzer „%1“</translation>
    </message>
    <message>
        <source>the service account of client &quot;%1&quot;</source>
        <translation>das Dienstkonto des Clients „%1“</translation>
    </message>
    <message>
        <source>Keycloak refused %1: %2 lacks the realm-management role %3 (assign it in realm &quot;%4&quot;).</source>
        <translation>Keycloak hat die Anfrage für %1 abgelehnt: Für %2 fehlt die realm-management-Rolle %3 (weisen Sie sie im Realm „%4“ zu).</translation>
    </message>
    <message>
        <source>Keycloak answered %1 with something that is not JSON (%2).</source>
        <translation>Die Antwort von Keycloak auf die Anfrage für %1 ist kein JSON (%2).</translation>
    </message>
    <message>
        <source>the realm&apos;s discovery document</source>
        <translation>das Discovery-Dokument des Realms</translation>
    </message>
    <message>
        <source>the clients list</source>
        <translation>die Client-Liste</translation>
    </message>
    <message>
        <source>the session counts</source>
        <translation>die Sitzungszahlen</translation>
    </message>
    <message>
        <source>the users list</source>
        <translation>die Benutzerliste</translation>
    </message>
    <message>
        <source>%1 (or %2)</source>
        <translation>%1 (oder %2)</translation>
    </message>
    <message>
        <source>Realm &quot;%1&quot; has no client &quot;%2&quot;.</source>
        <translation>Der Realm „%1“ hat keinen Client „%2“.</translation>
    </message>
    <message>
        <source>user %1</source>
        <translation>Benutzer %1</translation>
    </message>
    <message>
        <source>Realm &quot;%1&quot; has no user &quot;%2&quot; (looked up by user name and by id).</source>
        <translation>Der Realm „%1“ hat keinen Benutzer „%2“ (gesucht nach Benutzername und nach ID).</translation>
    </message>
    <message>
        <source>the client&apos;s sessions</source>
        <translation>die Sitzungen des Clients</translation>
    </message>
    <message>
        <source>the user&apos;s sessions</source>
        <translation>die Sitzungen des Benutzers</translation>
    </message>
    <message>
        <source>Session counts need the realm-management role %1.</source>
        <translation>Für Sitzungszahlen ist die realm-management-Rolle %1 erforderlich.</translation>
    </message>
    <message>
        <source>Keycloak cannot send a logout token again once the session is gone. Ask the RP&apos;s operator to end the user&apos;s session in the RP itself, or, once the RP is fixed, have the user sign in again and log them out once more.</source>
        <translation>Keycloak kann kein Logout-Token erneut senden, sobald die Sitzung nicht mehr existiert. Bitten Sie den Betreiber der RP, die Sitzung des Benutzers in der RP selbst zu beenden, oder lassen Sie den Benutzer sich nach der Korrektur der RP erneut anmelden, und melden Sie ihn dann noch einmal ab.</translation>
    </message>
    <message>
        <source>Keycloak ends one session per call, not %1.</source>
        <translation>Keycloak beendet pro Aufruf eine Sitzung, nicht %1.</translation>
    </message>
    <message>
        <source>Keycloak did not answer the logout of session %1 within %2 s: it may still be sending logout tokens, and the session may or may not have ended — list the user&apos;s sessions to see.</source>
        <translation>Keycloak hat auf den Logout der Sitzung %1 nicht innerhalb von %2 s geantwortet: Möglicherweise sendet es noch Logout-Tokens, und die Sitzung ist vielleicht beendet, vielleicht auch nicht — listen Sie die Sitzungen des Benutzers auf, um das zu prüfen.</translation>
    </message>
    <message>
        <source>Keycloak has no session %1: the session no longer exists (it ended, expired or was logged out elsewhere).</source>
        <translation>Keycloak hat keine Sitzung %1: Die Sitzung existiert nicht mehr (sie wurde beendet, ist abgelaufen oder wurde anderswo abgemeldet).</translation>
    </message>
    <message>
        <source>ending session %1</source>
        <translation>das Beenden der Sitzung %1</translation>
    </message>
</context>
<context>
    <name>LogoutRun</name>
    <message>
        <source>The connection to the IdP was closed.</source>
        <translation>Die Verbindung zum IdP wurde geschlossen.</translation>
    </message>
    <message>
        <source>session no longer exists at the IdP</source>
        <translation>Sitzung existiert beim IdP nicht mehr</translation>
    </message>
    <message>
        <source>another logout was already ending this session at the IdP</source>
        <translation>ein anderer Logout war bereits dabei, diese Sitzung beim IdP zu beenden</translation>
    </message>
    <message>
        <source>the IdP did not list this RP</source>
        <translation>der IdP hat diese RP nicht aufgeführt</translation>
    </message>
    <message>
        <source>the IdP&apos;s report was lost</source>
        <translation>der Bericht des IdP ging verloren</translation>
    </message>
    <message>
        <source>%1 does not report back-channel results</source>
        <translation>%1 meldet keine Back-Channel-Ergebnisse</translation>
    </message>
    <message>
        <source>cancelled before sending</source>
        <translation>vor dem Senden abgebrochen</translation>
    </message>
    <message>
        <source>cancelled after %1 of %2 deliveries</source>
        <translation>nach %1 von %2 Zustellungen abgebrochen</translation>
    </message>
    <message>
        <source>cancelled after %1 of %2 sessions</source>
        <translation>nach %1 von %2 Sitzungen abgebrochen</translation>
    </message>
    <message>
        <source>sent; the run stopped waiting for the IdP&apos;s report</source>
        <translation>gesendet; der Durchlauf hat aufgehört, auf den Bericht des IdP zu warten</translation>
    </message>
    <message>
        <source>the IdP had not answered the logout call when the run was stopped</source>
        <translation>der IdP hatte auf den Logout-Aufruf noch nicht geantwortet, als der Durchlauf gestoppt wurde</translation>
    </message>
    <message>
        <source>The history could not be written: %1</source>
        <translation>Der Verlauf konnte nicht geschrieben werden: %1</translation>
    </message>
</context>
<context>
    <name>LogoutScope</name>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n Sitzung</numerusform>
            <numerusform>%n Sitzungen</numerusform>
        </translation>
    </message>
    <message>
        <source>every session of user %1</source>
        <translation>alle Sitzungen von Benutzer %1</translation>
    </message>
    <message>
        <source>every session of relying party %1</source>
        <translation>alle Sitzungen der Relying Party %1</translation>
    </message>
</context>
<context>
    <name>LogoutService</name>
    <message>
        <source>the client is disabled</source>
        <translation>der Client ist deaktiviert</translation>
    </message>
    <message>
        <source>&quot;%1&quot; names more than one user: %2.</source>
        <translation>„%1“ bezeichnet mehr als einen Benutzer: %2.</translation>
    </message>
    <message>
        <source>No such user: %1.</source>
        <translation>Benutzer nicht gefunden: %1.</translation>
    </message>
    <message>
        <source>No user is exactly &quot;%1&quot;; candidates: %2.</source>
        <translation>Kein Benutzer heißt genau „%1“; Kandidaten: %2.</translation>
    </message>
    <message>
        <source>No connector for profile %1.</source>
        <translation>Kein Connector für Profil %1.</translation>
    </message>
    <message>
        <source>No such session at the IdP: %1.</source>
        <translation>Diese Sitzung gibt es beim IdP nicht: %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) no longer exist at the IdP: %1</source>
        <translation>
            <numerusform>%n Sitzung existiert beim IdP nicht mehr: %1</numerusform>
            <numerusform>%n Sitzungen existieren beim IdP nicht mehr: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>No relying party with client id %1.</source>
        <translation>Keine Relying Party mit der Client-ID %1.</translation>
    </message>
    <message>
        <source>%1 does not report back-channel results: a delivery it attempts stays &quot;unconfirmed&quot; unless a mock RP or the relay sees it.</source>
        <translation>%1 meldet keine Back-Channel-Ergebnisse: Eine Zustellung, die es versucht, bleibt „unbestätigt“, sofern sie nicht von einer Mock-RP oder der Weiterleitung gesehen wird.</translation>
    </message>
    <message>
        <source>Nothing to retry: no delivery of this run failed or timed out.</source>
        <translation>Nichts zu wiederholen: Keine Zustellung dieses Durchlaufs ist fehlgeschlagen oder in eine Zeitüberschreitung gelaufen.</translation>
    </message>
    <message>
        <source>The profile of run %1 no longer exists.</source>
        <translation>Das Profil von Durchlauf %1 existiert nicht mehr.</translation>
    </message>
    <message numerus="yes">
        <source>Retry of run %1: %n delivery(ies) sent again.</source>
        <translation>
            <numerusform>Wiederholung von Durchlauf %1: %n Zustellung erneut gesendet.</numerusform>
            <numerusform>Wiederholung von Durchlauf %1: %n Zustellungen erneut gesendet.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LogoutTokenValidator</name>
    <message>
        <source>no algorithm is accepted</source>
        <translation>kein Algorithmus wird akzeptiert</translation>
    </message>
    <message>
        <source>%1 needs the client secret (--client-secret-file)</source>
        <translation>%1 benötigt das Client-Secret (--client-secret-file)</translation>
    </message>
    <message>
        <source>clock skew must be between 0 and 86400 seconds</source>
        <translation>die Uhrenabweichung muss zwischen 0 und 86400 Sekunden liegen</translation>
    </message>
    <message>
        <source>not checked: the header could not be read</source>
        <translation>nicht geprüft: der Header konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>not checked: the claims could not be read</source>
        <translation>nicht geprüft: die Claims konnten nicht gelesen werden</translation>
    </message>
    <message>
        <source>JWE compact serialization (5 parts)</source>
        <translation>JWE Compact Serialization (5 Teile)</translation>
    </message>
    <message>
        <source>compact JWS with a JSON header and JSON claims</source>
        <translation>kompaktes JWS mit JSON-Header und JSON-Claims</translation>
    </message>
    <message>
        <source>signed, not encrypted</source>
        <translation>signiert, nicht verschlüsselt</translation>
    </message>
    <message>
        <source>the header has no &quot;alg&quot;</source>
        <translation>der Header hat kein &quot;alg&quot;</translation>
    </message>
    <message>
        <source>&quot;alg&quot; is not a string</source>
        <translation>&quot;alg&quot; ist kein String</translation>
    </message>
    <message>
        <source>alg %1 (an unsigned token) is always refused</source>
        <translation>alg %1 (ein unsigniertes Token) wird immer abgelehnt</translation>
    </message>
    <message>
        <source>alg %1 is not a known JWS algorithm</source>
        <translation>alg %1 ist kein bekannter JWS-Algorithmus</translation>
    </message>
    <message>
        <source>alg %1 is not accepted for this client (accepted: %2)</source>
        <translation>alg %1 wird für diesen Client nicht akzeptiert (akzeptiert: %2)</translation>
    </message>
    <message>
        <source>alg %1 needs the client secret, and none is configured</source>
        <translation>alg %1 benötigt das Client-Secret, es ist aber keines konfiguriert</translation>
    </message>
    <message>
        <source>%1 is an accepted algorithm (accepted: %2)</source>
        <translation>%1 ist ein akzeptierter Algorithmus (akzeptiert: %2)</translation>
    </message>
    <message>
        <source>not checked: no keys given (use --jwks-uri or --discovery)</source>
        <translation>nicht geprüft: keine Schlüssel angegeben (--jwks-uri oder --discovery verwenden)</translation>
    </message>
    <message>
        <source>not checked: the token is not a signed JWS</source>
        <translation>nicht geprüft: das Token ist kein signiertes JWS</translation>
    </message>
    <message>
        <source>not checked: the algorithm is refused (see alg)</source>
        <translation>nicht geprüft: der Algorithmus wird abgelehnt (siehe alg)</translation>
    </message>
    <message>
        <source>%1 verified with the client secret</source>
        <translation>%1 mit dem Client-Secret verifiziert</translation>
    </message>
    <message>
        <source>&quot;kid&quot; is not a string</source>
        <translation>&quot;kid&quot; ist kein String</translation>
    </message>
    <message>
        <source>no signing keys are loaded from the OP&apos;s JWKS</source>
        <translation>aus dem JWKS des OP sind keine Signaturschlüssel geladen</translation>
    </message>
    <message>
        <source>no key with kid %1 in the JWKS</source>
        <translation>kein Schlüssel mit kid %1 im JWKS</translation>
    </message>
    <message>
        <source>the key with kid %1 is %2, which cannot verify %3</source>
        <translation>der Schlüssel mit kid %1 ist %2 und kann %3 nicht verifizieren</translation>
    </message>
    <message>
        <source>the token has no kid and the JWKS has no key for %1</source>
        <translation>das Token hat keine kid, und das JWKS hat keinen Schlüssel für %1</translation>
    </message>
    <message>
        <source>%1 verified with %2</source>
        <translation>%1 mit %2 verifiziert</translation>
    </message>
    <message>
        <source>signature does not verify with %1</source>
        <translation>Signatur lässt sich mit %1 nicht verifizieren</translation>
    </message>
    <message>
        <source>signature does not verify with any of %1 candidate keys</source>
        <translation>Signatur lässt sich mit keinem der %1 infrage kommenden Schlüssel verifizieren</translation>
    </message>
    <message>
        <source>no typ header; logout+jwt is required (--require-typ)</source>
        <translation>kein typ-Header; logout+jwt ist erforderlich (--require-typ)</translation>
    </message>
    <message>
        <source>no typ header (accepted; logout+jwt is recommended)</source>
        <translation>kein typ-Header (akzeptiert; logout+jwt wird empfohlen)</translation>
    </message>
    <message>
        <source>typ is not a string</source>
        <translation>typ ist kein String</translation>
    </message>
    <message>
        <source>typ is logout+jwt</source>
        <translation>typ ist logout+jwt</translation>
    </message>
    <message>
        <source>typ is JWT; logout+jwt is required (--require-typ)</source>
        <translation>typ ist JWT; logout+jwt ist erforderlich (--require-typ)</translation>
    </message>
    <message>
        <source>typ is JWT (accepted; logout+jwt is recommended)</source>
        <translation>typ ist JWT (akzeptiert; logout+jwt wird empfohlen)</translation>
    </message>
    <message>
        <source>typ %1 marks another kind of token; a logout token has logout+jwt</source>
        <translation>typ %1 kennzeichnet eine andere Art von Token; ein Logout-Token hat logout+jwt</translation>
    </message>
    <message>
        <source>the header marks extensions as critical (crit), none are supported</source>
        <translation>der Header kennzeichnet Erweiterungen als kritisch (crit), es wird keine unterstützt</translation>
    </message>
    <message>
        <source>no critical header extensions</source>
        <translation>keine kritischen Header-Erweiterungen</translation>
    </message>
    <message>
        <source>not checked: no issuer configured (--issuer)</source>
        <translation>nicht geprüft: kein Aussteller konfiguriert (--issuer)</translation>
    </message>
    <message>
        <source>iss is not a string</source>
        <translation>iss ist kein String</translation>
    </message>
    <message>
        <source>iss is missing</source>
        <translation>iss fehlt</translation>
    </message>
    <message>
        <source>iss is %1, expected %2</source>
        <translation>iss ist %1, erwartet wurde %2</translation>
    </message>
    <message>
        <source>iss matches %1</source>
        <translation>iss stimmt mit %1 überein</translation>
    </message>
    <message>
        <source>not checked: no client id configured (--client-id)</source>
        <translation>nicht geprüft: keine Client-ID konfiguriert (--client-id)</translation>
    </message>
    <message>
        <source>aud is missing</source>
        <translation>aud fehlt</translation>
    </message>
    <message>
        <source>aud must be a string or an array of strings</source>
        <translation>aud muss ein String oder ein Array von Strings sein</translation>
    </message>
    <message>
        <source>aud %1 does not contain the client id %2</source>
        <translation>aud %1 enthält die Client-ID %2 nicht</translation>
    </message>
    <message>
        <source>azp is not a string</source>
        <translation>azp ist kein String</translation>
    </message>
    <message>
        <source>several audiences and azp %1 is not the client id %2</source>
        <translation>mehrere Audiences, und azp %1 ist nicht die Client-ID %2</translation>
    </message>
    <message>
        <source>aud contains the client id among %1 audiences, without azp</source>
        <translation>aud enthält die Client-ID unter %1 Audiences, ohne azp</translation>
    </message>
    <message>
        <source>aud is the client id, but azp is %1</source>
        <translation>aud ist die Client-ID, aber azp ist %1</translation>
    </message>
    <message>
        <source>aud contains the client id %1</source>
        <translation>aud enthält die Client-ID %1</translation>
    </message>
    <message>
        <source>%1 is missing</source>
        <translation>%1 fehlt</translation>
    </message>
    <message>
        <source>%1 is not a number of seconds</source>
        <translation>%1 ist keine Anzahl von Sekunden</translation>
    </message>
    <message>
        <source>%1 is out of range</source>
        <translation>%1 liegt außerhalb des zulässigen Bereichs</translation>
    </message>
    <message>
        <source>iat is %1 s in the future (allowed skew %2 s)</source>
        <translation>iat liegt %1 s in der Zukunft (zulässige Abweichung %2 s)</translation>
    </message>
    <message>
        <source>issued %1 s ago; without exp, tokens older than %2 s are refused (replay protection)</source>
        <translation>vor %1 s ausgestellt; ohne exp werden Tokens abgelehnt, die älter als %2 s sind (Replay-Schutz)</translation>
    </message>
    <message>
        <source>issued %1 (%2 s ago)</source>
        <translation>ausgestellt %1 (vor %2 s)</translation>
    </message>
    <message>
        <source>exp is missing (accepted: --allow-missing-exp)</source>
        <translation>exp fehlt (akzeptiert: --allow-missing-exp)</translation>
    </message>
    <message>
        <source>exp is missing (required since errata 1; --allow-missing-exp accepts older providers)</source>
        <translation>exp fehlt (seit Errata 1 erforderlich; --allow-missing-exp akzeptiert ältere Provider)</translation>
    </message>
    <message>
        <source>expired %1 s ago at %2 (allowed skew %3 s)</source>
        <translation>vor %1 s abgelaufen, um %2 (zulässige Abweichung %3 s)</translation>
    </message>
    <message>
        <source>exp is before iat</source>
        <translation>exp liegt vor iat</translation>
    </message>
    <message>
        <source>expires %1 (in %2 s)</source>
        <translation>läuft ab %1 (in %2 s)</translation>
    </message>
    <message>
        <source>sub and sid must be strings</source>
        <translation>sub und sid müssen Strings sein</translation>
    </message>
    <message>
        <source>neither sub nor sid is present</source>
        <translation>weder sub noch sid ist vorhanden</translation>
    </message>
    <message>
        <source>events is missing</source>
        <translation>events fehlt</translation>
    </message>
    <message>
        <source>events is an array (the 2016 draft format); it must be an object</source>
        <translation>events ist ein Array (das Format des Entwurfs von 2016); es muss ein Objekt sein</translation>
    </message>
    <message>
        <source>events is not a JSON object</source>
        <translation>events ist kein JSON-Objekt</translation>
    </message>
    <message>
        <source>events has no member %1</source>
        <translation>events hat kein Element %1</translation>
    </message>
    <message>
        <source>the back-channel logout event&apos;s value must be a JSON object</source>
        <translation>der Wert des Back-Channel-Logout-Events muss ein JSON-Objekt sein</translation>
    </message>
    <message>
        <source>back-channel logout event present</source>
        <translation>Back-Channel-Logout-Event vorhanden</translation>
    </message>
    <message>
        <source>back-channel logout event present (also: %1)</source>
        <translation>Back-Channel-Logout-Event vorhanden (außerdem: %1)</translation>
    </message>
    <message>
        <source>nonce is present; it is prohibited in logout tokens</source>
        <translation>nonce ist vorhanden; in Logout-Tokens ist sie verboten</translation>
    </message>
    <message>
        <source>no nonce</source>
        <translation>keine nonce</translation>
    </message>
    <message>
        <source>jti is not a string</source>
        <translation>jti ist kein String</translation>
    </message>
    <message>
        <source>jti is missing or empty</source>
        <translation>jti fehlt oder ist leer</translation>
    </message>
    <message>
        <source>jti is longer than %1 characters</source>
        <translation>jti ist länger als %1 Zeichen</translation>
    </message>
    <message>
        <source>jti %1 was already accepted (replay)</source>
        <translation>jti %1 wurde bereits akzeptiert (Replay)</translation>
    </message>
    <message>
        <source>first use; remembered until %1</source>
        <translation>erste Verwendung; gemerkt bis %1</translation>
    </message>
    <message>
        <source>not seen before (not remembered: the token is invalid)</source>
        <translation>bisher nicht gesehen (nicht gemerkt: das Token ist ungültig)</translation>
    </message>
</context>
<context>
    <name>LogtoConnector</name>
    <message>
        <source>Logto has no per-application session list: Signoff walks every user</source>
        <translation>Logto hat keine Sitzungsliste pro Anwendung: Signoff geht alle Benutzer durch</translation>
    </message>
    <message>
        <source>deleting a session in Logto sends no logout token</source>
        <translation>das Löschen einer Sitzung in Logto sendet kein Logout-Token</translation>
    </message>
    <message>
        <source>Logto does not know the API resource %1: for a self-hosted Logto leave the tenant empty (or &quot;default&quot;); on Logto Cloud enter the tenant id.</source>
        <translation>Logto kennt die API-Ressource %1 nicht: Lassen Sie bei einem selbst gehosteten Logto den Mandanten leer (oder „default“); bei Logto Cloud geben Sie die Mandanten-ID ein.</translation>
    </message>
    <message>
        <source>Logto does not accept app &quot;%1&quot; with this secret: check the machine-to-machine app&apos;s id and secret (the usable secret is listed under the app&apos;s secrets, not the &quot;#internal&quot; one).</source>
        <translation>Logto akzeptiert die App „%1“ mit diesem Secret nicht: Prüfen Sie ID und Secret der Machine-to-Machine-App (das verwendbare Secret steht unter den Secrets der App, nicht das „#internal“).</translation>
    </message>
    <message>
        <source>%1 has no Logto token endpoint (/oidc/token): check the base URL (Logto&apos;s core, not its admin console).</source>
        <translation>%1 hat keinen Logto-Token-Endpunkt (/oidc/token): Prüfen Sie die Basis-URL (der Core von Logto, nicht seine Admin-Konsole).</translation>
    </message>
    <message>
        <source>a Management API token</source>
        <translation>ein Management-API-Token</translation>
    </message>
    <message>
        <source>Logto refused %1: the machine-to-machine app &quot;%2&quot; lacks the role &quot;Logto Management API access&quot; (scope all).</source>
        <translation>Logto hat die Anfrage für %1 abgelehnt: Der Machine-to-Machine-App „%2“ fehlt die Rolle „Logto Management API access“ (Scope all).</translation>
    </message>
    <message>
        <source>Logto refused Signoff&apos;s token for %1: the token is for another resource than this Logto&apos;s Management API (%2) — check the tenant in the profile.</source>
        <translation>Logto hat das Token von Signoff für %1 abgelehnt: Das Token gilt für eine andere Ressource als die Management API dieses Logto (%2) — prüfen Sie den Mandanten im Profil.</translation>
    </message>
    <message>
        <source>Logto answered %1 with something that is not JSON (%2).</source>
        <translation>Die Antwort von Logto auf die Anfrage für %1 ist kein JSON (%2).</translation>
    </message>
    <message>
        <source>Logto&apos;s discovery document (/oidc)</source>
        <translation>das Discovery-Dokument von Logto (/oidc)</translation>
    </message>
    <message>
        <source>the applications list</source>
        <translation>die Anwendungsliste</translation>
    </message>
    <message>
        <source>the users list</source>
        <translation>die Benutzerliste</translation>
    </message>
    <message>
        <source>user %1</source>
        <translation>Benutzer %1</translation>
    </message>
    <message>
        <source>Logto has no user &quot;%1&quot; (looked up by id, user name and email).</source>
        <translation>Logto hat keinen Benutzer „%1“ (gesucht nach ID, Benutzername und E-Mail).</translation>
    </message>
    <message>
        <source>This Logto cannot list sessions: GET /api/users/{id}/sessions needs Logto 1.38 or later (on 1.37, start it with DEV_FEATURES_ENABLED=1).</source>
        <translation>Dieses Logto kann keine Sitzungen auflisten: GET /api/users/{id}/sessions erfordert Logto 1.38 oder neuer (unter 1.37 starten Sie es mit DEV_FEATURES_ENABLED=1).</translation>
    </message>
    <message>
        <source>the sessions of user %1</source>
        <translation>die Sitzungen von Benutzer %1</translation>
    </message>
    <message>
        <source>Logto answered the sessions of user %1 with an unexpected document.</source>
        <translation>Logto hat auf die Anfrage nach den Sitzungen von Benutzer %1 mit einem unerwarteten Dokument geantwortet.</translation>
    </message>
    <message numerus="yes">
        <source>%n user(s) to walk for an application&apos;s sessions</source>
        <translation>
            <numerusform>%n Benutzer muss für die Sitzungen einer Anwendung durchlaufen werden</numerusform>
            <numerusform>%n Benutzer müssen für die Sitzungen einer Anwendung durchlaufen werden</numerusform>
        </translation>
    </message>
    <message>
        <source>Logto at %1 has no app &quot;%2&quot;: check the machine-to-machine app&apos;s id, and that the base URL is Logto&apos;s core endpoint (the one serving /api), not its admin console endpoint.</source>
        <translation>Logto unter %1 kennt keine App „%2“: Prüfen Sie die ID der Machine-to-Machine-App und dass die Basis-URL der Core-Endpunkt von Logto ist (der /api bedient), nicht der der Admin-Konsole.</translation>
    </message>
    <message>
        <source>Logto&apos;s Management API ends sessions without sending logout tokens: Logto sends back-channel logout only when the user logs out through an RP (RP-initiated logout).</source>
        <translation>Die Management API von Logto beendet Sitzungen, ohne Logout-Tokens zu senden: Logto sendet Back-Channel-Logout nur, wenn sich der Benutzer über eine RP abmeldet (RP-initiierter Logout).</translation>
    </message>
    <message>
        <source>Logto cannot send a logout token from its Management API. Ask the RP&apos;s operator to end the user&apos;s session in the RP itself, or have the user sign in again and log out through the RP.</source>
        <translation>Logto kann über seine Management API kein Logout-Token senden. Bitten Sie den Betreiber der RP, die Sitzung des Benutzers in der RP selbst zu beenden, oder lassen Sie den Benutzer sich erneut anmelden und über die RP abmelden.</translation>
    </message>
    <message>
        <source>Logto ends one session per call, not %1.</source>
        <translation>Logto beendet pro Aufruf eine Sitzung, nicht %1.</translation>
    </message>
    <message>
        <source>This Logto cannot end sessions: DELETE /api/users/{id}/sessions/{uid} needs Logto 1.38 or later (on 1.37, start it with DEV_FEATURES_ENABLED=1).</source>
        <translation>Diese Logto-Instanz kann keine Sitzungen beenden: DELETE /api/users/{id}/sessions/{uid} erfordert Logto 1.38 oder neuer (unter 1.37 starten Sie Logto mit DEV_FEATURES_ENABLED=1).</translation>
    </message>
    <message>
        <source>Logto has no session %1 of user %2: the session no longer exists (it ended, expired or was logged out elsewhere).</source>
        <translation>Logto hat keine Sitzung %1 von Benutzer %2: Die Sitzung existiert nicht mehr (sie wurde beendet, ist abgelaufen oder wurde anderswo abgemeldet).</translation>
    </message>
    <message>
        <source>ending session %1</source>
        <translation>das Beenden der Sitzung %1</translation>
    </message>
</context>
<context>
    <name>MockRpOutcome</name>
    <message>
        <source>dropped by the mock RP&apos;s behaviour</source>
        <translation>durch das Verhalten der Mock-RP verworfen</translation>
    </message>
    <message>
        <source>the mock RP answered %1</source>
        <translation>die Mock-RP antwortete mit %1</translation>
    </message>
    <message>
        <source>the mock RP answered %1: %2</source>
        <translation>die Mock-RP antwortete mit %1: %2</translation>
    </message>
    <message>
        <source>the RP answered %1</source>
        <translation>die RP antwortete mit %1</translation>
    </message>
    <message>
        <source>the RP answered %1: %2</source>
        <translation>die RP antwortete mit %1: %2</translation>
    </message>
    <message>
        <source>the relay got no answer from the RP</source>
        <translation>die Weiterleitung erhielt keine Antwort von der RP</translation>
    </message>
</context>
<context>
    <name>Profile</name>
    <message>
        <source>Sandbox (built-in)</source>
        <translation>Sandbox (integriert)</translation>
    </message>
    <message>
        <source>Keycloak</source>
        <translation>Keycloak</translation>
    </message>
    <message>
        <source>Logto</source>
        <translation>Logto</translation>
    </message>
    <message>
        <source>Ory Hydra</source>
        <translation>Ory Hydra</translation>
    </message>
    <message>
        <source>Password grant</source>
        <translation>Passwort-Grant</translation>
    </message>
    <message>
        <source>Client credentials</source>
        <translation>Client-Credentials</translation>
    </message>
    <message>
        <source>Give the profile a name.</source>
        <translation>Geben Sie dem Profil einen Namen.</translation>
    </message>
    <message>
        <source>A profile named &quot;%1&quot; already exists.</source>
        <translation>Ein Profil namens „%1“ existiert bereits.</translation>
    </message>
    <message>
        <source>Enter the IdP&apos;s base URL, e.g. https://idp.example.com.</source>
        <translation>Geben Sie die Basis-URL des IdP ein, z. B. https://idp.example.com.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid URL: it needs a scheme and a host.</source>
        <translation>„%1“ ist keine gültige URL: Sie benötigt ein Schema und einen Host.</translation>
    </message>
    <message>
        <source>The URL must start with https:// (or http:// for a local IdP).</source>
        <translation>Die URL muss mit https:// beginnen (oder mit http:// bei einem lokalen IdP).</translation>
    </message>
    <message>
        <source>Plain http:// is allowed only for an IdP on this machine (127.0.0.1, ::1, localhost); use https:// for %1.</source>
        <translation>Unverschlüsseltes http:// ist nur für einen IdP auf diesem Rechner erlaubt (127.0.0.1, ::1, localhost); verwenden Sie https:// für %1.</translation>
    </message>
    <message>
        <source>The base URL must not carry a query, a fragment or credentials.</source>
        <translation>Die Basis-URL darf keine Query, kein Fragment und keine Zugangsdaten enthalten.</translation>
    </message>
    <message>
        <source>Keycloak needs a realm (e.g. master).</source>
        <translation>Keycloak benötigt einen Realm (z. B. master).</translation>
    </message>
    <message>
        <source>Enter the client id for the password grant (usually admin-cli).</source>
        <translation>Geben Sie die Client-ID für den Passwort-Grant ein (meist admin-cli).</translation>
    </message>
    <message>
        <source>Enter the admin client id.</source>
        <translation>Geben Sie die Admin-Client-ID ein.</translation>
    </message>
    <message>
        <source>The password grant needs a username.</source>
        <translation>Der Passwort-Grant benötigt einen Benutzernamen.</translation>
    </message>
    <message>
        <source>Logto&apos;s Management API accepts client credentials only.</source>
        <translation>Die Management API von Logto akzeptiert nur Client-Credentials.</translation>
    </message>
    <message>
        <source>The CA file &quot;%1&quot; cannot be read.</source>
        <translation>Die CA-Datei „%1“ kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The pinned certificate fingerprint must be a SHA-256 in hex (64 digits, colons allowed).</source>
        <translation>Der gepinnte Zertifikat-Fingerabdruck muss ein SHA-256-Wert in Hexadezimal sein (64 Stellen, Doppelpunkte erlaubt).</translation>
    </message>
    <message>
        <source>A pinned certificate needs an https:// URL.</source>
        <translation>Ein gepinntes Zertifikat erfordert eine https://-URL.</translation>
    </message>
    <message>
        <source>The name is %1 characters long; keep it to %2.</source>
        <translation>Der Name ist %1 Zeichen lang; höchstens %2 sind erlaubt.</translation>
    </message>
    <message>
        <source>The name contains control or text-direction characters; use printable text only.</source>
        <translation>Der Name enthält Steuer- oder Schreibrichtungszeichen; verwenden Sie nur druckbaren Text.</translation>
    </message>
</context>
<context>
    <name>ProfileService</name>
    <message>
        <source>Enter the password; it is stored in the OS keychain.</source>
        <translation>Geben Sie das Passwort ein; es wird im Schlüsselbund des Betriebssystems gespeichert.</translation>
    </message>
    <message>
        <source>Enter the client secret; it is stored in the OS keychain.</source>
        <translation>Geben Sie das Client-Secret ein; es wird im Schlüsselbund des Betriebssystems gespeichert.</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; no longer exists.</source>
        <translation>Das Profil „%1“ existiert nicht mehr.</translation>
    </message>
    <message>
        <source>No profile named &quot;%1&quot;.</source>
        <translation>Kein Profil namens „%1“.</translation>
    </message>
    <message>
        <source>The built-in profile &quot;%1&quot; cannot be removed.</source>
        <translation>Das eingebaute Profil „%1“ kann nicht entfernt werden.</translation>
    </message>
    <message>
        <source>Could not delete the secret of &quot;%1&quot;: %2</source>
        <translation>Das Secret von „%1“ konnte nicht gelöscht werden: %2</translation>
    </message>
    <message>
        <source>The secret is empty.</source>
        <translation>Das Secret ist leer.</translation>
    </message>
</context>
<context>
    <name>RpLint</name>
    <message>
        <source>The back-channel URI holds a placeholder (%1) that the IdP fills in per session.</source>
        <translation>Die Back-Channel-URI enthält einen Platzhalter (%1), den der IdP pro Sitzung ausfüllt.</translation>
    </message>
    <message>
        <source>Nothing to change; the address depends on where each user signed in.</source>
        <translation>Keine Änderung nötig; die Adresse hängt davon ab, wo sich der jeweilige Benutzer angemeldet hat.</translation>
    </message>
    <message>
        <source>The back-channel URI &quot;%1&quot; is relative and the client has no root URL, so the IdP has nowhere to send the logout token.</source>
        <translation>Die Back-Channel-URI „%1“ ist relativ, und der Client hat keine Root-URL, daher kann der IdP das Logout-Token nirgendwohin senden.</translation>
    </message>
    <message>
        <source>Give the client a root URL, or make the back-channel URI absolute.</source>
        <translation>Geben Sie dem Client eine Root-URL, oder machen Sie die Back-Channel-URI absolut.</translation>
    </message>
    <message>
        <source>The back-channel URI &quot;%1&quot; is not an http(s) URL.</source>
        <translation>Die Back-Channel-URI „%1“ ist keine http(s)-URL.</translation>
    </message>
    <message>
        <source>Set an absolute https:// URL of the RP&apos;s back-channel logout endpoint.</source>
        <translation>Setzen Sie eine absolute https://-URL des Back-Channel-Logout-Endpunkts der RP.</translation>
    </message>
    <message>
        <source>The logout token goes to %1 over plain http://, readable and forgeable on the way.</source>
        <translation>Das Logout-Token geht über unverschlüsseltes http:// an %1 und kann unterwegs mitgelesen und gefälscht werden.</translation>
    </message>
    <message>
        <source>Use https:// for the back-channel URI.</source>
        <translation>Verwenden Sie https:// für die Back-Channel-URI.</translation>
    </message>
    <message>
        <source>%1 is a loopback or private address, which this IdP refuses to post to (its SSRF guard): the RP is silently never told.</source>
        <translation>%1 ist eine Loopback- oder private Adresse, an die dieser IdP nicht sendet (sein SSRF-Schutz): Die RP wird stillschweigend nie benachrichtigt.</translation>
    </message>
    <message>
        <source>Use a public address for the RP, or turn the IdP&apos;s protection off where that is safe (Logto: OIDC_PROVIDER_SSRF_PROTECTION_DISABLED=1).</source>
        <translation>Verwenden Sie eine öffentliche Adresse für die RP, oder schalten Sie den Schutz des IdP ab, wo das unbedenklich ist (Logto: OIDC_PROVIDER_SSRF_PROTECTION_DISABLED=1).</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>The client is disabled: the IdP sends it no logout tokens.</source>
        <translation>Der Client ist deaktiviert: Der IdP sendet ihm keine Logout-Tokens.</translation>
    </message>
    <message>
        <source>Enable the client if it still has users signed in.</source>
        <translation>Aktivieren Sie den Client, falls noch Benutzer bei ihm angemeldet sind.</translation>
    </message>
    <message>
        <source>No back-channel logout URI: this RP is never told when a user signs out.</source>
        <translation>Keine Back-Channel-Logout-URI: Diese RP wird nie benachrichtigt, wenn sich ein Benutzer abmeldet.</translation>
    </message>
    <message>
        <source>Register the RP&apos;s back-channel logout endpoint with the IdP.</source>
        <translation>Registrieren Sie den Back-Channel-Logout-Endpunkt der RP beim IdP.</translation>
    </message>
    <message>
        <source>Front-channel logout is on: Keycloak then skips the back-channel URI entirely.</source>
        <translation>Front-Channel-Logout ist aktiviert: Keycloak ignoriert die Back-Channel-URI dann vollständig.</translation>
    </message>
    <message>
        <source>Turn &quot;Front channel logout&quot; off for this client in Keycloak.</source>
        <translation>Schalten Sie „Front channel logout“ für diesen Client in Keycloak aus.</translation>
    </message>
    <message>
        <source>The RP requires a sid in the logout token, but the IdP does not send one: the RP will refuse every token.</source>
        <translation>Die RP verlangt eine sid im Logout-Token, aber der IdP sendet keine: Die RP wird jedes Token ablehnen.</translation>
    </message>
    <message>
        <source>Turn &quot;session required&quot; off for the RP, or use an IdP that sends sid.</source>
        <translation>Schalten Sie „session required“ für die RP aus, oder verwenden Sie einen IdP, der sid sendet.</translation>
    </message>
    <message>
        <source>Keycloak&apos;s &quot;logout all&quot; (realm sessions) sends this OIDC client no logout token.</source>
        <translation>„logout all“ von Keycloak (Realm-Sitzungen) sendet diesem OIDC-Client kein Logout-Token.</translation>
    </message>
    <message>
        <source>Log users out per session or per user instead (Signoff does).</source>
        <translation>Melden Sie Benutzer stattdessen pro Sitzung oder pro Benutzer ab (so macht es Signoff).</translation>
    </message>
    <message>
        <source>Deleting a session through Logto&apos;s Management API sends this RP no logout token.</source>
        <translation>Das Löschen einer Sitzung über die Management API von Logto sendet dieser RP kein Logout-Token.</translation>
    </message>
    <message>
        <source>Only a user&apos;s own sign-out (end-session) notifies RPs in Logto.</source>
        <translation>In Logto benachrichtigt nur die eigene Abmeldung eines Benutzers (End-Session) die RPs.</translation>
    </message>
    <message>
        <source>Hydra&apos;s DELETE …/sessions/login?subject= ends sessions without notifying this RP.</source>
        <translation>Hydras DELETE …/sessions/login?subject= beendet Sitzungen, ohne diese RP zu benachrichtigen.</translation>
    </message>
    <message>
        <source>Revoke per login session (?sid=), which does send logout tokens.</source>
        <translation>Widerrufen Sie pro Login-Sitzung (?sid=); das sendet Logout-Tokens.</translation>
    </message>
    <message>
        <source>The IdP&apos;s discovery document says it does not support back-channel logout.</source>
        <translation>Laut seinem Discovery-Dokument unterstützt der IdP kein Back-Channel-Logout.</translation>
    </message>
    <message>
        <source>Enable back-channel logout in the IdP (or upgrade it).</source>
        <translation>Aktivieren Sie Back-Channel-Logout im IdP (oder aktualisieren Sie ihn).</translation>
    </message>
    <message>
        <source>%1 is a loopback or private address: Logto 1.42 and later silently refuse to post to it unless its SSRF protection is turned off (1.37–1.41 post to it).</source>
        <translation>%1 ist eine Loopback- oder private Adresse: Logto ab 1.42 sendet stillschweigend nicht dorthin, solange sein SSRF-Schutz aktiv ist (1.37–1.41 senden dorthin).</translation>
    </message>
    <message>
        <source>Use a public address for the RP, or check that the IdP runs with OIDC_PROVIDER_SSRF_PROTECTION_DISABLED=1.</source>
        <translation>Verwenden Sie eine öffentliche Adresse für die RP, oder prüfen Sie, dass der IdP mit OIDC_PROVIDER_SSRF_PROTECTION_DISABLED=1 läuft.</translation>
    </message>
</context>
<context>
    <name>Sandbox</name>
    <message>
        <source>The sandbox&apos;s admin secret is kept in the keychain, which failed: %1</source>
        <translation>Das Admin-Secret der Sandbox liegt im Schlüsselbund, und der Zugriff darauf ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Could not create the sandbox&apos;s data folder %1.</source>
        <translation>Der Datenordner der Sandbox %1 konnte nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Could not make the sandbox&apos;s data folder %1 private (0700).</source>
        <translation>Der Datenordner der Sandbox %1 konnte nicht privat gemacht werden (0700).</translation>
    </message>
    <message>
        <source>Could not write the sandbox&apos;s admin secret to %1: %2</source>
        <translation>Das Admin-Secret der Sandbox konnte nicht nach %1 geschrieben werden: %2</translation>
    </message>
    <message>
        <source>the keychain (%1)</source>
        <translation>dem Schlüsselbund (%1)</translation>
    </message>
    <message>
        <source>port %1 is taken by something else (issuer %2)</source>
        <translation>Port %1 ist durch etwas anderes belegt (Aussteller %2)</translation>
    </message>
    <message>
        <source>the sandbox exited during start: %1</source>
        <translation>die Sandbox wurde während des Starts beendet: %1</translation>
    </message>
    <message>
        <source>the sandbox did not answer within %1 s (log: %2)</source>
        <translation>die Sandbox hat nicht innerhalb von %1 s geantwortet (Protokoll: %2)</translation>
    </message>
    <message>
        <source>a sandbox answers at %1 but has no pid file in %2; stop it where it was started</source>
        <translation>unter %1 antwortet eine Sandbox, aber in %2 gibt es keine PID-Datei; stoppen Sie sie dort, wo sie gestartet wurde</translation>
    </message>
    <message>
        <source>the sandbox (pid %1) ignored SIGTERM and was killed</source>
        <translation>die Sandbox (PID %1) hat SIGTERM ignoriert und wurde zwangsweise beendet</translation>
    </message>
</context>
<context>
    <name>SandboxConnector</name>
    <message>
        <source>The sandbox does not accept Signoff&apos;s admin secret: it was started with another one (stop it and let Signoff start it).</source>
        <translation>Die Sandbox akzeptiert das Admin-Secret von Signoff nicht: Sie wurde mit einem anderen gestartet (stoppen Sie sie und lassen Sie Signoff sie starten).</translation>
    </message>
    <message>
        <source>an admin token</source>
        <translation>ein Admin-Token</translation>
    </message>
    <message>
        <source>discovery document</source>
        <translation>das Discovery-Dokument</translation>
    </message>
    <message>
        <source>The IdP answered %1 with something that is not JSON (%2).</source>
        <translation>Die Antwort des IdP auf %1 ist kein JSON (%2).</translation>
    </message>
    <message>
        <source>The sandbox accepted %1 but named no run to follow.</source>
        <translation>Die Sandbox hat %1 angenommen, aber keinen Durchlauf zum Verfolgen genannt.</translation>
    </message>
    <message>
        <source>The IdP answered %1 with something that is not a JSON object (%2).</source>
        <translation>Die Antwort des IdP auf %1 ist kein JSON-Objekt (%2).</translation>
    </message>
    <message>
        <source>A sandbox logout call takes 1 to %1 sessions, not %2.</source>
        <translation>Ein Logout-Aufruf der Sandbox nimmt 1 bis %1 Sitzungen an, nicht %2.</translation>
    </message>
    <message>
        <source>A sandbox resend call takes 1 to %1 deliveries, not %2.</source>
        <translation>Ein Aufruf zum erneuten Senden nimmt bei der Sandbox 1 bis %1 Zustellungen an, nicht %2.</translation>
    </message>
    <message>
        <source>This sandbox cannot send logout tokens again (it has no %1): restart it from this version of Signoff.</source>
        <translation>Diese Sandbox kann Logout-Tokens nicht erneut senden (sie hat kein %1): Starten Sie sie aus dieser Signoff-Version neu.</translation>
    </message>
    <message>
        <source>The IdP answered /admin/sessions/{uid} without a session.</source>
        <translation>Der IdP hat auf /admin/sessions/{uid} ohne Sitzung geantwortet.</translation>
    </message>
    <message>
        <source>The sandbox connection was closed during the lookup.</source>
        <translation>Die Verbindung zur Sandbox wurde während der Abfrage geschlossen.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Back-channel logout console</source>
        <translation>Back-Channel-Logout-Konsole</translation>
    </message>
    <message>
        <source>Open on page N (1 = Profiles … 6 = History).</source>
        <translation>Auf Seite N öffnen (1 = Profile … 6 = Verlauf).</translation>
    </message>
    <message>
        <source>Seed N demo sessions when Signoff starts the sandbox.</source>
        <translation>N Demo-Sitzungen anlegen, wenn Signoff die Sandbox startet.</translation>
    </message>
</context>
<context>
    <name>signoff::AboutDialog</name>
    <message>
        <source>About Signoff</source>
        <translation>Über Signoff</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Signoff %1&lt;/h2&gt;&lt;p&gt;A console for OpenID Connect back-channel logout: who is signed in where, force sign-outs, and whether every relying party was told.&lt;/p&gt;&lt;table&gt;&lt;tr&gt;&lt;td&gt;Qt&lt;/td&gt;&lt;td&gt;%2 (built with %3)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;OpenSSL&lt;/td&gt;&lt;td&gt;%4&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;QtKeychain&lt;/td&gt;&lt;td&gt;%5&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;h2&gt;Signoff %1&lt;/h2&gt;&lt;p&gt;Eine Konsole für OpenID Connect Back-Channel-Logout: wer wo angemeldet ist, erzwungene Abmeldungen und ob jede Relying Party benachrichtigt wurde.&lt;/p&gt;&lt;table&gt;&lt;tr&gt;&lt;td&gt;Qt&lt;/td&gt;&lt;td&gt;%2 (kompiliert mit %3)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;OpenSSL&lt;/td&gt;&lt;td&gt;%4&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;QtKeychain&lt;/td&gt;&lt;td&gt;%5&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
</context>
<context>
    <name>signoff::DeliveriesPage</name>
    <message>
        <source>Select an RP to chart it; Enter on a count shows those deliveries</source>
        <translation>Wählen Sie eine RP aus, um sie im Diagramm darzustellen; Enter auf einer Anzahl zeigt diese Zustellungen</translation>
    </message>
    <message>
        <source>The run shown: the newest one starts selected</source>
        <translation>Der angezeigte Durchlauf: Anfangs ist der neueste ausgewählt</translation>
    </message>
    <message>
        <source>All runs of this session</source>
        <translation>Alle Durchläufe seit dem Start von Signoff</translation>
    </message>
    <message>
        <source>R&amp;un:</source>
        <translation>Durch&amp;lauf:</translation>
    </message>
    <message>
        <source>Cancel run</source>
        <translation>Durchlauf abbrechen</translation>
    </message>
    <message>
        <source>Stop sending (Esc); what was already sent keeps being reported</source>
        <translation>Senden beenden (Esc); für bereits Gesendetes werden weiterhin Ergebnisse gemeldet</translation>
    </message>
    <message>
        <source>Retry &amp;failed</source>
        <translation>&amp;Fehlgeschlagene wiederholen</translation>
    </message>
    <message>
        <source>Send the failed and timed-out deliveries of this run again, where the IdP can</source>
        <translation>Die fehlgeschlagenen Zustellungen und die mit Zeitüberschreitung dieses Durchlaufs erneut senden, sofern der IdP das kann</translation>
    </message>
    <message>
        <source>Every state</source>
        <translation>Alle Zustände</translation>
    </message>
    <message>
        <source>Every relying party</source>
        <translation>Alle Relying Parties</translation>
    </message>
    <message>
        <source>Filter by user, session, RP or error (Ctrl+F)</source>
        <translation>Nach Benutzer, Sitzung, RP oder Fehler filtern (Strg+F)</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>No logout in this session yet: start one from the Sessions or Relying parties page.</source>
        <translation>Seit dem Start von Signoff noch kein Logout: Starten Sie einen auf der Seite „Sitzungen“ oder „Relying Parties“.</translation>
    </message>
    <message>
        <source>%1 runs, %2 deliveries.</source>
        <translation>%1 Durchläufe, %2 Zustellungen.</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>Startet</translation>
    </message>
    <message>
        <source>%1 on %2: %3 of %4 deliveries settled — %5 delivered, %6 failed, %7 timed out, %8 unconfirmed, %9 skipped.</source>
        <translation>%1 auf %2: %3 von %4 Zustellungen abgeschlossen — %5 zugestellt, %6 fehlgeschlagen, %7 mit Zeitüberschreitung, %8 unbestätigt, %9 übersprungen.</translation>
    </message>
    <message>
        <source>Cancelling: sessions not yet handed to the IdP are skipped; what was sent is still reported.</source>
        <translation>Wird abgebrochen: Noch nicht an den IdP übergebene Sitzungen werden übersprungen; für bereits Gesendetes werden weiterhin Ergebnisse gemeldet.</translation>
    </message>
    <message numerus="yes">
        <source>Sending %n delivery(s) again…</source>
        <translation>
            <numerusform>%n Zustellung wird erneut gesendet…</numerusform>
            <numerusform>%n Zustellungen werden erneut gesendet…</numerusform>
        </translation>
    </message>
    <message>
        <source>Retry not started: %1</source>
        <translation>Wiederholung nicht gestartet: %1</translation>
    </message>
</context>
<context>
    <name>signoff::DeliveryChart</name>
    <message>
        <source>The relying party the charts show (or pick one in the summary)</source>
        <translation>Die Relying Party, die die Diagramme zeigen (oder wählen Sie eine in der Übersicht)</translation>
    </message>
    <message>
        <source>Latency over time</source>
        <translation>Latenz im Zeitverlauf</translation>
    </message>
    <message>
        <source>s since the start</source>
        <translation>s seit dem Start</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>Outcomes</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <source>C&amp;hart of:</source>
        <translation>Diagra&amp;mm für:</translation>
    </message>
    <message>
        <source>No deliveries yet.</source>
        <translation>Noch keine Zustellungen.</translation>
    </message>
    <message>
        <source>%1: %2 answered deliveries, %3 of them plotted.</source>
        <translation>%1: %2 beantwortete Zustellungen, davon %3 dargestellt.</translation>
    </message>
    <message>
        <source>%1: %2 answered deliveries.</source>
        <translation>%1: %2 beantwortete Zustellungen.</translation>
    </message>
</context>
<context>
    <name>signoff::DeliveryDetailsDialog</name>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Begründung</translation>
    </message>
    <message>
        <source>Delivery details</source>
        <translation>Zustellungsdetails</translation>
    </message>
    <message>
        <source>State: &lt;b&gt;%1&lt;/b&gt; (decided by %2)</source>
        <translation>Zustand: &lt;b&gt;%1&lt;/b&gt; (entschieden von %2)</translation>
    </message>
    <message>
        <source>HTTP status: %1, latency: %2</source>
        <translation>HTTP-Status: %1, Latenz: %2</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Session %1, user id %2, sid %3</source>
        <translation>Sitzung %1, Benutzer-ID %2, sid %3</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Run %1; reported by: %2</source>
        <translation>Durchlauf %1; gemeldet von: %2</translation>
    </message>
    <message>
        <source>nobody yet</source>
        <translation>noch niemand</translation>
    </message>
    <message>
        <source>Error or reason</source>
        <translation>Fehler oder Grund</translation>
    </message>
    <message>
        <source>Logout token</source>
        <translation>Logout-Token</translation>
    </message>
    <message>
        <source>No source saw the token: point the RP&apos;s back-channel URI at a mock RP or the relay to see it.</source>
        <translation>Keine Quelle hat das Token gesehen: Lassen Sie die Back-Channel-URI der RP auf eine Mock-RP oder die Weiterleitung zeigen, um es zu sehen.</translation>
    </message>
    <message>
        <source>Logout token header</source>
        <translation>Header des Logout-Tokens</translation>
    </message>
    <message>
        <source>Logout token claims</source>
        <translation>Claims des Logout-Tokens</translation>
    </message>
    <message>
        <source>jti: %1</source>
        <translation>jti: %1</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>Validierung</translation>
    </message>
    <message>
        <source>The token passed every rule.</source>
        <translation>Das Token hat alle Regeln erfüllt.</translation>
    </message>
    <message>
        <source>The token failed at least one rule.</source>
        <translation>Das Token hat mindestens eine Regel nicht erfüllt.</translation>
    </message>
</context>
<context>
    <name>signoff::DeliveryModel</name>
    <message>
        <source>%1 (id %2)</source>
        <translation>%1 (ID %2)</translation>
    </message>
    <message>
        <source>Decided by: %1</source>
        <translation>Entschieden von: %1</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Durchlauf</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sitzung</translation>
    </message>
    <message>
        <source>Relying party</source>
        <translation>Relying Party</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <source>Error or reason</source>
        <translation>Fehler oder Grund</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
</context>
<context>
    <name>signoff::DemoRpPanel</name>
    <message>
        <source>Sandbox RPs</source>
        <translation>Sandbox-RPs</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Sends to</source>
        <translation>Sendet an</translation>
    </message>
    <message>
        <source>Back-channel URI</source>
        <translation>Back-Channel-URI</translation>
    </message>
    <message>
        <source>Point at &amp;mock RP</source>
        <translation>Auf &amp;Mock-RP umleiten</translation>
    </message>
    <message>
        <source>The selected RP&apos;s logout tokens go to the selected mock RP (its client id is set to the RP&apos;s, so the aud rule checks what the RP would)</source>
        <translation>Die Logout-Tokens der ausgewählten RP gehen an die ausgewählte Mock-RP (deren Client-ID wird auf die der RP gesetzt, sodass die aud-Regel dasselbe prüft wie die RP)</translation>
    </message>
    <message>
        <source>Point at rela&amp;y</source>
        <translation>Auf We&amp;iterleitung umleiten</translation>
    </message>
    <message>
        <source>The selected mock RP checks each token and forwards it to the RP&apos;s own endpoint</source>
        <translation>Die ausgewählte Mock-RP prüft jedes Token und leitet es an den eigenen Endpunkt der RP weiter</translation>
    </message>
    <message>
        <source>Point &amp;back</source>
        <translation>&amp;Zurücksetzen</translation>
    </message>
    <message>
        <source>Restore the RP&apos;s own back-channel URI</source>
        <translation>Die eigene Back-Channel-URI der RP wiederherstellen</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <source>Pointing RPs at a mock RP needs the Sandbox profile; with another IdP, set the RP&apos;s back-channel URI to the mock RP&apos;s endpoint in the IdP&apos;s own console.</source>
        <translation>Das Umleiten von RPs auf eine Mock-RP erfordert das Sandbox-Profil; bei einem anderen IdP setzen Sie die Back-Channel-URI der RP in der Konsole des IdP auf den Endpunkt der Mock-RP.</translation>
    </message>
    <message>
        <source>Loading the sandbox&apos;s RPs…</source>
        <translation>RPs der Sandbox werden geladen…</translation>
    </message>
    <message>
        <source>nothing (no URI)</source>
        <translation>nichts (keine URI)</translation>
    </message>
    <message>
        <source>nothing (URI removed)</source>
        <translation>nichts (URI entfernt)</translation>
    </message>
    <message>
        <source>mock RP &quot;%1&quot;</source>
        <translation>Mock-RP „%1“</translation>
    </message>
    <message>
        <source>relay &quot;%1&quot;</source>
        <translation>Weiterleitung „%1“</translation>
    </message>
    <message>
        <source>%1 (stopped)</source>
        <translation>%1 (gestoppt)</translation>
    </message>
    <message>
        <source>its own endpoint</source>
        <translation>eigener Endpunkt</translation>
    </message>
    <message>
        <source>elsewhere (not a mock RP here)</source>
        <translation>anderswohin (keine hiesige Mock-RP)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>%1 sends to its own endpoint %2</source>
        <translation>%1 sendet an den eigenen Endpunkt %2</translation>
    </message>
    <message>
        <source>%1 sends to %2; its own: %3</source>
        <translation>%1 sendet an %2; eigener Endpunkt: %3</translation>
    </message>
    <message>
        <source>%1 has no endpoint of its own to relay to.</source>
        <translation>%1 hat keinen eigenen Endpunkt, an den weitergeleitet werden könnte.</translation>
    </message>
    <message>
        <source>The mock RP did not start: %1</source>
        <translation>Die Mock-RP ist nicht gestartet: %1</translation>
    </message>
    <message>
        <source>Pointing %1 at %2…</source>
        <translation>%1 wird auf %2 umgeleitet…</translation>
    </message>
    <message>
        <source>%1 now sends its logout tokens to relay &quot;%2&quot;, which forwards them to %3.</source>
        <translation>%1 sendet Logout-Tokens jetzt an die Weiterleitung „%2“, die sie an %3 weiterleitet.</translation>
    </message>
    <message>
        <source>%1 now sends its logout tokens to mock RP &quot;%2&quot;.</source>
        <translation>%1 sendet Logout-Tokens jetzt an die Mock-RP „%2“.</translation>
    </message>
    <message>
        <source>%1 sends its logout tokens to %2 again.</source>
        <translation>%1 sendet Logout-Tokens wieder an %2.</translation>
    </message>
    <message>
        <source>nowhere (it has no URI of its own)</source>
        <translation>nirgendwohin (keine eigene URI)</translation>
    </message>
</context>
<context>
    <name>signoff::ErrorBanner</name>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Wiederholen</translation>
    </message>
</context>
<context>
    <name>signoff::HistoryDeliveryModel</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sitzung</translation>
    </message>
    <message>
        <source>Relying party</source>
        <translation>Relying Party</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
</context>
<context>
    <name>signoff::HistoryPage</name>
    <message>
        <source>&lt;h2&gt;History&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Verlauf&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>The history is not available, so logout runs are not being kept: %1</source>
        <translation>Der Verlauf ist nicht verfügbar, daher werden Logout-Durchläufe nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Filter runs (profile, scope, status, run id)…</source>
        <translation>Durchläufe filtern (Profil, Umfang, Status, Durchlauf-ID)…</translation>
    </message>
    <message>
        <source>Any state</source>
        <translation>Beliebiger Zustand</translation>
    </message>
    <message>
        <source>Only runs with a delivery in this state, and only those deliveries</source>
        <translation>Nur Durchläufe mit einer Zustellung in diesem Zustand, und nur diese Zustellungen</translation>
    </message>
    <message>
        <source>Relying party (client id)</source>
        <translation>Relying Party (Client-ID)</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Read the history again (F5)</source>
        <translation>Verlauf neu einlesen (F5)</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Write the selected run (with nothing selected: all runs matching the state and relying-party filters) as CSV or JSON (Ctrl+E)</source>
        <translation>Den ausgewählten Durchlauf (ohne Auswahl: alle Durchläufe, die den Zustands- und Relying-Party-Filtern entsprechen) als CSV oder JSON schreiben (Strg+E)</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s). Select one to see its deliveries.</source>
        <translation>
            <numerusform>%n Durchlauf. Wählen Sie ihn aus, um seine Zustellungen zu sehen.</numerusform>
            <numerusform>%n Durchläufe. Wählen Sie einen aus, um seine Zustellungen zu sehen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Run %1: the first %n deliveries are shown; Export… writes all of them.</source>
        <translation>
            <numerusform>Durchlauf %1: Nur %n Zustellung wird angezeigt; „Exportieren…“ schreibt alle.</numerusform>
            <numerusform>Durchlauf %1: Die ersten %n Zustellungen werden angezeigt; „Exportieren…“ schreibt alle.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Run %1: %n delivery(ies) shown.</source>
        <translation>
            <numerusform>Durchlauf %1: %n Zustellung angezeigt.</numerusform>
            <numerusform>Durchlauf %1: %n Zustellungen angezeigt.</numerusform>
        </translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Export history</source>
        <translation>Verlauf exportieren</translation>
    </message>
    <message>
        <source>Exported all runs matching the state and relying-party filters to %1 (token signatures redacted).</source>
        <translation>Alle Durchläufe, die den Zustands- und Relying-Party-Filtern entsprechen, nach %1 exportiert (Token-Signaturen geschwärzt).</translation>
    </message>
    <message>
        <source>Exported run %1 to %2 (token signatures redacted).</source>
        <translation>Durchlauf %1 nach %2 exportiert (Token-Signaturen geschwärzt).</translation>
    </message>
</context>
<context>
    <name>signoff::HistoryRunModel</name>
    <message>
        <source>Planned</source>
        <translation>Geplant</translation>
    </message>
    <message>
        <source>Running (or interrupted)</source>
        <translation>Läuft (oder unterbrochen)</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Umfang</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Zugestellt</translation>
    </message>
    <message>
        <source>Timed out</source>
        <translation>Zeitüberschreitung</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <source>Unconfirmed</source>
        <translation>Unbestätigt</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Durchlauf</translation>
    </message>
</context>
<context>
    <name>signoff::HistoryStore</name>
    <message>
        <source>The history is closed</source>
        <translation>Der Verlauf ist geschlossen</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>its schema version cannot be read</source>
        <translation>ihre Schemaversion kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>it was written by a newer Signoff (schema %1; this one knows %2)</source>
        <translation>sie wurde von einer neueren Signoff-Version geschrieben (Schema %1; diese Version kennt %2)</translation>
    </message>
    <message>
        <source>History database: %1: %2</source>
        <translation>Verlaufsdatenbank: %1: %2</translation>
    </message>
    <message>
        <source>Cannot create the history database %1: %2</source>
        <translation>Die Verlaufsdatenbank %1 kann nicht angelegt werden: %2</translation>
    </message>
    <message>
        <source>Cannot make the history database %1 private: %2</source>
        <translation>Die Verlaufsdatenbank %1 kann nicht privat gemacht werden: %2</translation>
    </message>
    <message>
        <source>Cannot create the folder for the history database %1</source>
        <translation>Der Ordner für die Verlaufsdatenbank %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>The history database %1 is not a file</source>
        <translation>Die Verlaufsdatenbank %1 ist keine Datei</translation>
    </message>
    <message>
        <source>The SQLite driver for Qt (QSQLITE) is not installed</source>
        <translation>Der SQLite-Treiber für Qt (QSQLITE) ist nicht installiert</translation>
    </message>
    <message>
        <source>Cannot open the history database %1: %2</source>
        <translation>Die Verlaufsdatenbank %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Cannot use the history database %1: %2</source>
        <translation>Die Verlaufsdatenbank %1 kann nicht verwendet werden: %2</translation>
    </message>
    <message>
        <source>cannot start a transaction</source>
        <translation>Transaktion kann nicht gestartet werden</translation>
    </message>
    <message>
        <source>cannot commit</source>
        <translation>Commit nicht möglich</translation>
    </message>
    <message>
        <source>History database: a run without an id cannot be saved</source>
        <translation>Verlaufsdatenbank: Ein Durchlauf ohne ID kann nicht gespeichert werden</translation>
    </message>
    <message>
        <source>cannot save run %1</source>
        <translation>Durchlauf %1 kann nicht gespeichert werden</translation>
    </message>
    <message>
        <source>cannot save the delivery of session %1 to %2</source>
        <translation>die Zustellung von Sitzung %1 an %2 kann nicht gespeichert werden</translation>
    </message>
    <message>
        <source>cannot save a request of mock RP %1</source>
        <translation>eine Anfrage der Mock-RP %1 kann nicht gespeichert werden</translation>
    </message>
    <message>
        <source>cannot read runs</source>
        <translation>Durchläufe können nicht gelesen werden</translation>
    </message>
    <message>
        <source>cannot read deliveries</source>
        <translation>Zustellungen können nicht gelesen werden</translation>
    </message>
    <message>
        <source>cannot read mock RP requests</source>
        <translation>Mock-RP-Anfragen können nicht gelesen werden</translation>
    </message>
    <message>
        <source>cannot purge runs</source>
        <translation>Durchläufe können nicht bereinigt werden</translation>
    </message>
    <message>
        <source>cannot purge mock RP requests</source>
        <translation>Mock-RP-Anfragen können nicht bereinigt werden</translation>
    </message>
</context>
<context>
    <name>signoff::IdpConnector</name>
    <message>
        <source>This IdP&apos;s admin API cannot end sessions.</source>
        <translation>Die Admin-API dieses IdP kann keine Sitzungen beenden.</translation>
    </message>
    <message>
        <source>This IdP cannot send a logout token again.</source>
        <translation>Dieser IdP kann kein Logout-Token erneut senden.</translation>
    </message>
</context>
<context>
    <name>signoff::LogoutConfirmDialog</name>
    <message>
        <source>Log out — %1</source>
        <translation>Abmelden — %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Log out %1 session(s) of %2 user(s)&lt;/b&gt; — %3</source>
        <translation>&lt;b&gt;%1 Sitzung(en) von %2 Benutzer(n) abmelden&lt;/b&gt; — %3</translation>
    </message>
    <message>
        <source>%1 of %2 relying parties will be notified; the others will not, for the reasons below.</source>
        <translation>%1 von %2 Relying Parties werden benachrichtigt; die übrigen aus den unten genannten Gründen nicht.</translation>
    </message>
    <message>
        <source>How many sessions are ended at the same time</source>
        <translation>Wie viele Sitzungen gleichzeitig beendet werden</translation>
    </message>
    <message>
        <source>&amp;Concurrency:</source>
        <translation>&amp;Parallelität:</translation>
    </message>
    <message>
        <source>Type the number of sessions (%1) to confirm:</source>
        <translation>Geben Sie zur Bestätigung die Anzahl der Sitzungen (%1) ein:</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Log out %n session(s)</source>
        <translation>
            <numerusform>%n Sitzung ab&amp;melden</numerusform>
            <numerusform>%n Sitzungen ab&amp;melden</numerusform>
        </translation>
    </message>
    <message>
        <source>Relying party</source>
        <translation>Relying Party</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <source>Notified</source>
        <translation>Benachrichtigt</translation>
    </message>
    <message>
        <source>Why not</source>
        <translation>Warum nicht</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
</context>
<context>
    <name>signoff::LogoutFlow</name>
    <message>
        <source>Logout is not available in this build.</source>
        <translation>Logout ist in diesem Build nicht verfügbar.</translation>
    </message>
    <message>
        <source>No active profile: choose one on the Profiles page.</source>
        <translation>Kein aktives Profil: Wählen Sie eines auf der Seite „Profile“.</translation>
    </message>
    <message>
        <source>Select the sessions to log out first.</source>
        <translation>Wählen Sie zuerst die abzumeldenden Sitzungen aus.</translation>
    </message>
    <message>
        <source>Could not prepare the logout: %1</source>
        <translation>Der Logout konnte nicht vorbereitet werden: %1</translation>
    </message>
</context>
<context>
    <name>signoff::MainWindow</name>
    <message>
        <source>Signoff</source>
        <translation>Signoff</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>Relying parties</source>
        <translation>Relying Parties</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <source>Deliveries</source>
        <translation>Zustellungen</translation>
    </message>
    <message>
        <source>Mock RPs</source>
        <translation>Mock-RPs</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Strg+%2)</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Gehe zu</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Signoff</source>
        <translation>Ü&amp;ber Signoff</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Not connected (connector not available yet)</source>
        <translation>Nicht verbunden (Konnektor noch nicht verfügbar)</translation>
    </message>
    <message>
        <source>Active profile: %1</source>
        <translation>Aktives Profil: %1</translation>
    </message>
    <message>
        <source>Profile: %1</source>
        <translation>Profil: %1</translation>
    </message>
    <message>
        <source>No active profile</source>
        <translation>Kein aktives Profil</translation>
    </message>
    <message>
        <source>Sandbox not started</source>
        <translation>Sandbox nicht gestartet</translation>
    </message>
    <message>
        <source>Sandbox</source>
        <translation>Sandbox</translation>
    </message>
    <message>
        <source>Sandbox: reading its admin secret…</source>
        <translation>Sandbox: Admin-Secret wird gelesen …</translation>
    </message>
    <message>
        <source>No Secret Service is reachable: the sandbox&apos;s admin secret is kept in %1 (readable by you only).</source>
        <translation>Kein Secret Service erreichbar: Das Admin-Secret der Sandbox liegt in %1 (nur für Sie lesbar).</translation>
    </message>
    <message>
        <source>Stopping the sandbox…</source>
        <translation>Sandbox wird beendet …</translation>
    </message>
    <message>
        <source>History not kept</source>
        <translation>Verlauf wird nicht gespeichert</translation>
    </message>
</context>
<context>
    <name>signoff::MockRequestDetails</name>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Select a request to see its token, claims and every rule&apos;s verdict.</source>
        <translation>Wählen Sie eine Anfrage aus, um ihr Token, ihre Claims und das Ergebnis jeder Regel zu sehen.</translation>
    </message>
    <message>
        <source>Raw token:</source>
        <translation>Rohes Token:</translation>
    </message>
    <message>
        <source>Copy token</source>
        <translation>Token kopieren</translation>
    </message>
    <message>
        <source>answered %1 after %2 ms (rules alone: %3; behaviour %4)</source>
        <translation>hat nach %2 ms mit %1 geantwortet (nur nach Regeln: %3; Verhalten %4)</translation>
    </message>
    <message>
        <source>nothing (dropped)</source>
        <translation>nichts (verworfen)</translation>
    </message>
    <message>
        <source>Refused before any token was read: %1</source>
        <translation>Abgelehnt, bevor ein Token gelesen wurde: %1</translation>
    </message>
    <message>
        <source>The logout token is valid.</source>
        <translation>Das Logout-Token ist gültig.</translation>
    </message>
    <message>
        <source>The logout token is invalid: %1</source>
        <translation>Das Logout-Token ist ungültig: %1</translation>
    </message>
    <message>
        <source>Verdicts</source>
        <translation>Prüfergebnisse</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>Claims</source>
        <translation>Claims</translation>
    </message>
    <message>
        <source>Verified with key %1</source>
        <translation>Mit Schlüssel %1 verifiziert</translation>
    </message>
    <message>
        <source>no answer: %1</source>
        <translation>keine Antwort: %1</translation>
    </message>
    <message>
        <source>%1 after %2 ms</source>
        <translation>%1 nach %2 ms</translation>
    </message>
    <message>
        <source>Relay</source>
        <translation>Weiterleitung</translation>
    </message>
</context>
<context>
    <name>signoff::MockRequestModel</name>
    <message>
        <source>dropped</source>
        <translation>verworfen</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>gültig</translation>
    </message>
    <message>
        <source>invalid</source>
        <translation>ungültig</translation>
    </message>
    <message>
        <source>refused: %1</source>
        <translation>abgelehnt: %1</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>%1 (%2 ms)</source>
        <translation>%1 (%2 ms)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Mock RP</source>
        <translation>Mock-RP</translation>
    </message>
    <message>
        <source>Peer</source>
        <translation>Gegenstelle</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Failed rules</source>
        <translation>Nicht erfüllte Regeln</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <source>Relay</source>
        <translation>Weiterleitung</translation>
    </message>
</context>
<context>
    <name>signoff::MockRpForm</name>
    <message>
        <source>%1: &quot;%2&quot; is not an http or https URL</source>
        <translation>%1: „%2“ ist keine http- oder https-URL</translation>
    </message>
    <message>
        <source>any free port</source>
        <translation>beliebiger freier Port</translation>
    </message>
    <message>
        <source>Listen &amp;on:</source>
        <translation>Lauschen &amp;auf:</translation>
    </message>
    <message>
        <source>port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Pat&amp;h:</source>
        <translation>&amp;Pfad:</translation>
    </message>
    <message>
        <source>the IdP&apos;s issuer, exactly as in its tokens</source>
        <translation>der Aussteller des IdP, genau wie in seinen Tokens</translation>
    </message>
    <message>
        <source>the RP&apos;s client id: the token&apos;s aud</source>
        <translation>die Client-ID der RP: das aud des Tokens</translation>
    </message>
    <message>
        <source>&amp;Issuer:</source>
        <translation>Ausstelle&amp;r:</translation>
    </message>
    <message>
        <source>&amp;Client id:</source>
        <translation>&amp;Client-ID:</translation>
    </message>
    <message>
        <source>Discovery URL</source>
        <translation>Discovery-URL</translation>
    </message>
    <message>
        <source>JWKS URI</source>
        <translation>JWKS URI</translation>
    </message>
    <message>
        <source>None (HS* only)</source>
        <translation>Keine (nur HS*)</translation>
    </message>
    <message>
        <source>&amp;Keys from:</source>
        <translation>Schlüssel&amp;quelle:</translation>
    </message>
    <message>
        <source>Accepted algorithms, comma-separated: %1</source>
        <translation>Akzeptierte Algorithmen, kommagetrennt: %1</translation>
    </message>
    <message>
        <source>Al&amp;gorithms:</source>
        <translation>Alg&amp;orithmen:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Allow a missing e&amp;xp</source>
        <translation>Fehlendes e&amp;xp erlauben</translation>
    </message>
    <message>
        <source>Require typ logout+jwt</source>
        <translation>typ logout+jwt verlangen</translation>
    </message>
    <message>
        <source>Clock ske&amp;w:</source>
        <translation>&amp;Uhrenabweichung:</translation>
    </message>
    <message>
        <source>only for HS256/384/512; kept in memory, never saved</source>
        <translation>nur für HS256/384/512; wird nur im Arbeitsspeicher gehalten, nie gespeichert</translation>
    </message>
    <message>
        <source>Client s&amp;ecret:</source>
        <translation>Client-S&amp;ecret:</translation>
    </message>
    <message>
        <source>Answer as the rules say (ok)</source>
        <translation>Antworten, wie es die Regeln ergeben (ok)</translation>
    </message>
    <message>
        <source>Answer with status</source>
        <translation>Mit Status antworten</translation>
    </message>
    <message>
        <source>Delay the answer (ms)</source>
        <translation>Antwort verzögern (ms)</translation>
    </message>
    <message>
        <source>Drop the connection</source>
        <translation>Verbindung trennen</translation>
    </message>
    <message>
        <source>Flaky: fail this % of requests</source>
        <translation>Unzuverlässig: diesen Anteil (%) der Anfragen scheitern lassen</translation>
    </message>
    <message>
        <source>Beha&amp;viour:</source>
        <translation>&amp;Verhalten:</translation>
    </message>
    <message>
        <source>relay: forward every token to this URL (optional)</source>
        <translation>Weiterleitung: jedes Token an diese URL weiterleiten (optional)</translation>
    </message>
    <message>
        <source>&amp;Relay to:</source>
        <translation>&amp;Weiterleiten an:</translation>
    </message>
    <message>
        <source>HTTP (no TLS)</source>
        <translation>HTTP (ohne TLS)</translation>
    </message>
    <message>
        <source>HTTPS, self-signed certificate</source>
        <translation>HTTPS, selbstsigniertes Zertifikat</translation>
    </message>
    <message>
        <source>HTTPS, certificate and key files</source>
        <translation>HTTPS, Zertifikats- und Schlüsseldatei</translation>
    </message>
    <message>
        <source>&amp;TLS:</source>
        <translation>&amp;TLS:</translation>
    </message>
    <message>
        <source>certificate (PEM)</source>
        <translation>Zertifikat (PEM)</translation>
    </message>
    <message>
        <source>private key (PEM)</source>
        <translation>privater Schlüssel (PEM)</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Endpoint:</source>
        <translation>Endpunkt:</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the certificate&apos;s SHA-256 fingerprint</source>
        <translation>SHA-256-Fingerabdruck des Zertifikats kopieren</translation>
    </message>
    <message>
        <source>SHA-256:</source>
        <translation>SHA-256:</translation>
    </message>
    <message>
        <source>Certificate (PEM)</source>
        <translation>Zertifikat (PEM)</translation>
    </message>
    <message>
        <source>Private key (PEM)</source>
        <translation>Privater Schlüssel (PEM)</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.key);;All files (*)</source>
        <translation>PEM-Dateien (*.pem *.crt *.key);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>https://idp.example/jwks</source>
        <translation>https://idp.example/jwks</translation>
    </message>
    <message>
        <source>https://idp.example/.well-known/openid-configuration</source>
        <translation>https://idp.example/.well-known/openid-configuration</translation>
    </message>
    <message>
        <source>Behaviour: %1</source>
        <translation>Verhalten: %1</translation>
    </message>
    <message>
        <source>Listen on: &quot;%1&quot; is not an IP address</source>
        <translation>Lauschen auf: „%1“ ist keine IP-Adresse</translation>
    </message>
    <message>
        <source>Algorithms: &quot;%1&quot; is not a JWS algorithm (%2)</source>
        <translation>Algorithmen: „%1“ ist kein JWS-Algorithmus (%2)</translation>
    </message>
    <message>
        <source>Relay to</source>
        <translation>Weiterleiten an</translation>
    </message>
    <message>
        <source>not running</source>
        <translation>läuft nicht</translation>
    </message>
    <message>
        <source>(no TLS)</source>
        <translation>(ohne TLS)</translation>
    </message>
</context>
<context>
    <name>signoff::MockRpsPage</name>
    <message>
        <source>No mock RP workspace.</source>
        <translation>Kein Mock-RP-Arbeitsbereich.</translation>
    </message>
    <message>
        <source>The keys could not be loaded, so every signature fails: %1</source>
        <translation>Die Schlüssel konnten nicht geladen werden, daher schlägt jede Signaturprüfung fehl: %1</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>Hinzu&amp;fügen</translation>
    </message>
    <message>
        <source>Add a mock RP with the active profile&apos;s defaults (Ctrl+N)</source>
        <translation>Eine Mock-RP mit den Vorgaben des aktiven Profils hinzufügen (Strg+N)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Stop and remove the selected mock RP (Delete)</source>
        <translation>Die ausgewählte Mock-RP stoppen und entfernen (Entf)</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>Start or stop the selected mock RP (Ctrl+R)</source>
        <translation>Die ausgewählte Mock-RP starten oder stoppen (Strg+R)</translation>
    </message>
    <message>
        <source>A&amp;pply</source>
        <translation>Über&amp;nehmen</translation>
    </message>
    <message>
        <source>Keep these settings; a running mock RP restarts with them</source>
        <translation>Diese Einstellungen übernehmen; eine laufende Mock-RP startet damit neu</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>&amp;Leeren</translation>
    </message>
    <message>
        <source>Forget the requests listed here</source>
        <translation>Die hier aufgeführten Anfragen verwerfen</translation>
    </message>
    <message>
        <source>Mock RP</source>
        <translation>Mock-RP</translation>
    </message>
    <message>
        <source>The mock RP stopped: it could not restart with these settings: %1</source>
        <translation>Die Mock-RP wurde gestoppt: Sie konnte mit diesen Einstellungen nicht neu starten: %1</translation>
    </message>
    <message>
        <source>The mock RP did not start: %1</source>
        <translation>Die Mock-RP ist nicht gestartet: %1</translation>
    </message>
    <message>
        <source>%1 — running at %2</source>
        <translation>%1 — läuft unter %2</translation>
    </message>
    <message>
        <source>%1 — stopped</source>
        <translation>%1 — gestoppt</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Stoppen</translation>
    </message>
    <message>
        <source>The details of the last %1 requests are kept; this one is older.</source>
        <translation>Die Details der letzten %1 Anfragen werden aufbewahrt; diese Anfrage ist älter.</translation>
    </message>
    <message>
        <source>%1 requests</source>
        <translation>%1 Anfragen</translation>
    </message>
    <message>
        <source> (%1 older ones left the list)</source>
        <translation> (%1 ältere sind aus der Liste entfernt)</translation>
    </message>
</context>
<context>
    <name>signoff::ProfileDialog</name>
    <message>
        <source>Add profile</source>
        <translation>Profil hinzufügen</translation>
    </message>
    <message>
        <source>Edit profile &quot;%1&quot;</source>
        <translation>Profil „%1“ bearbeiten</translation>
    </message>
    <message>
        <source>Leave empty to keep the secret in the keychain</source>
        <translation>Leer lassen, um das Secret im Schlüsselbund beizubehalten</translation>
    </message>
    <message>
        <source>Stored only in the OS keychain</source>
        <translation>Wird nur im Schlüsselbund des Betriebssystems gespeichert</translation>
    </message>
    <message>
        <source>optional: SHA-256 of the server certificate</source>
        <translation>optional: SHA-256 des Serverzertifikats</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Extra CA certificates</source>
        <translation>Zusätzliche CA-Zertifikate</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation>PEM-Zertifikate (*.pem *.crt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>&amp;Realm:</source>
        <translation>&amp;Realm:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;IdP:</source>
        <translation>&amp;IdP:</translation>
    </message>
    <message>
        <source>Base &amp;URL:</source>
        <translation>Basis-&amp;URL:</translation>
    </message>
    <message>
        <source>Admin &amp;auth:</source>
        <translation>Admin-&amp;Anmeldung:</translation>
    </message>
    <message>
        <source>&amp;Client id:</source>
        <translation>&amp;Client-ID:</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>&amp;Secret:</source>
        <translation>&amp;Secret:</translation>
    </message>
    <message>
        <source>Extra &amp;CA file:</source>
        <translation>Zusätzliche CA-&amp;Datei:</translation>
    </message>
    <message>
        <source>&amp;Pinned SHA-256:</source>
        <translation>Ge&amp;pinnter SHA-256:</translation>
    </message>
    <message>
        <source>&amp;Tenant:</source>
        <translation>&amp;Mandant:</translation>
    </message>
    <message>
        <source>default (self-hosted)</source>
        <translation>default (selbst gehostet)</translation>
    </message>
    <message>
        <source>Saving the secret in the keychain…</source>
        <translation>Secret wird im Schlüsselbund gespeichert…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert …</translation>
    </message>
</context>
<context>
    <name>signoff::ProfileListModel</name>
    <message>
        <source>Built-in: Signoff starts the local sandbox IdP for this profile.</source>
        <translation>Integriert: Signoff startet für dieses Profil den lokalen Sandbox-IdP.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>IdP</source>
        <translation>IdP</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>Basis-URL</translation>
    </message>
    <message>
        <source>Admin auth</source>
        <translation>Admin-Anmeldung</translation>
    </message>
</context>
<context>
    <name>signoff::ProfileStore</name>
    <message>
        <source>Could not write the profiles to %1 (is the disk full or the file read-only?).</source>
        <translation>Die Profile konnten nicht nach %1 geschrieben werden (ist der Datenträger voll oder die Datei schreibgeschützt?).</translation>
    </message>
    <message>
        <source>No profile with id &quot;%1&quot;.</source>
        <translation>Kein Profil mit der ID „%1“.</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (Kopie)</translation>
    </message>
    <message>
        <source>%1 (copy %2)</source>
        <translation>%1 (Kopie %2)</translation>
    </message>
    <message>
        <source>Sandbox</source>
        <translation>Sandbox</translation>
    </message>
    <message>
        <source>Sandbox %1</source>
        <translation>Sandbox %1</translation>
    </message>
</context>
<context>
    <name>signoff::ProfilesPage</name>
    <message>
        <source>A profile says how Signoff reaches an IdP&apos;s admin API. Secrets are kept only in the OS keychain.</source>
        <translation>Ein Profil legt fest, wie Signoff die Admin-API eines IdP erreicht. Secrets werden ausschließlich im Schlüsselbund des Betriebssystems aufbewahrt.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>D&amp;uplicate…</source>
        <translation>&amp;Duplizieren…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>&amp;Use this profile</source>
        <translation>Dieses Profil &amp;verwenden</translation>
    </message>
    <message>
        <source>Saved profile &quot;%1&quot;.</source>
        <translation>Profil „%1“ gespeichert.</translation>
    </message>
    <message>
        <source>Remove profile</source>
        <translation>Profil entfernen</translation>
    </message>
    <message>
        <source>Remove the profile &quot;%1&quot; and delete its secret from the keychain?</source>
        <translation>Profil „%1“ entfernen und sein Secret aus dem Schlüsselbund löschen?</translation>
    </message>
    <message>
        <source>Removed profile &quot;%1&quot;.</source>
        <translation>Profil „%1“ entfernt.</translation>
    </message>
    <message>
        <source>Testing %1…</source>
        <translation>%1 wird getestet…</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: %2</source>
        <translation>„%1“: %2</translation>
    </message>
    <message>
        <source>Connected to %1 (%2).</source>
        <translation>Verbunden mit %1 (%2).</translation>
    </message>
    <message>
        <source>version not reported</source>
        <translation>Version nicht gemeldet</translation>
    </message>
    <message numerus="yes">
        <source>%n relying part(ies).</source>
        <translation>
            <numerusform>%n Relying Party.</numerusform>
            <numerusform>%n Relying Parties.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n active session(s).</source>
        <translation>
            <numerusform>%n aktive Sitzung.</numerusform>
            <numerusform>%n aktive Sitzungen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>signoff::RelyingPartiesPage</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Reload the relying parties (F5)</source>
        <translation>Relying Parties neu laden (F5)</translation>
    </message>
    <message>
        <source>Select a relying party to see what each finding means and how to fix it.</source>
        <translation>Wählen Sie eine Relying Party aus, um zu sehen, was jeder Befund bedeutet und wie er sich beheben lässt.</translation>
    </message>
    <message>
        <source>No active profile: choose one on the Profiles page.</source>
        <translation>Kein aktives Profil: Wählen Sie eines auf der Seite „Profile“.</translation>
    </message>
    <message>
        <source>Loading the relying parties of %1…</source>
        <translation>Relying Parties von %1 werden geladen…</translation>
    </message>
    <message>
        <source>Could not load the relying parties of %1.</source>
        <translation>Die Relying Parties von %1 konnten nicht geladen werden.</translation>
    </message>
    <message>
        <source>%1: relying parties: %2; with settings that break logout: %3</source>
        <translation>%1: Relying Parties: %2; mit Einstellungen, die den Logout verhindern: %3</translation>
    </message>
    <message>
        <source>Client id: %1</source>
        <translation>Client-ID: %1</translation>
    </message>
    <message>
        <source>Back-channel logout URI: %1</source>
        <translation>Back-Channel-Logout-URI: %1</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>No findings: nothing in its settings stops back-channel logout.</source>
        <translation>Keine Befunde: Nichts in ihren Einstellungen verhindert Back-Channel-Logout.</translation>
    </message>
    <message>
        <source>How to fix:</source>
        <translation>Behebung:</translation>
    </message>
    <message>
        <source>&amp;Log out every session of this RP…</source>
        <translation>Alle Sitzungen dieser RP ab&amp;melden…</translation>
    </message>
    <message>
        <source>End every session that includes the selected relying party</source>
        <translation>Alle Sitzungen beenden, an denen die ausgewählte Relying Party beteiligt ist</translation>
    </message>
    <message>
        <source>Select the relying party whose sessions to log out first.</source>
        <translation>Wählen Sie zuerst die Relying Party aus, deren Sitzungen abgemeldet werden sollen.</translation>
    </message>
</context>
<context>
    <name>signoff::RelyingPartyModel</name>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n Fehler</numerusform>
            <numerusform>%n Fehler</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n Warnung</numerusform>
            <numerusform>%n Warnungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n Hinweis</numerusform>
            <numerusform>%n Hinweise</numerusform>
        </translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Client id</source>
        <translation>Client-ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Back-channel logout URI</source>
        <translation>Back-Channel-Logout-URI</translation>
    </message>
    <message>
        <source>sid required</source>
        <translation>sid erforderlich</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Befunde</translation>
    </message>
</context>
<context>
    <name>signoff::RpSummaryModel</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Relying party</source>
        <translation>Relying Party</translation>
    </message>
    <message>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <source>p95</source>
        <translation>p95</translation>
    </message>
</context>
<context>
    <name>signoff::SandboxClientEditor</name>
    <message>
        <source>The sandbox does not report default back-channel URIs: it is too old to repoint its RPs.</source>
        <translation>Die Sandbox meldet keine Standard-Back-Channel-URIs: Sie ist zu alt, um ihre RPs umzuleiten.</translation>
    </message>
    <message>
        <source>the change of %1&apos;s back-channel URI</source>
        <translation>die Änderung der Back-Channel-URI von %1</translation>
    </message>
</context>
<context>
    <name>signoff::SandboxEventStream</name>
    <message>
        <source>The sandbox&apos;s event stream was closed.</source>
        <translation>Der Ereignisstrom der Sandbox wurde geschlossen.</translation>
    </message>
    <message>
        <source>it sent an event larger than %1 MiB</source>
        <translation>sie hat ein Ereignis gesendet, das größer als %1 MiB ist</translation>
    </message>
    <message>
        <source>The sandbox&apos;s event stream lost events %1 to %2 (%3): their outcomes will not arrive from the IdP.</source>
        <translation>Im Ereignisstrom der Sandbox fehlen die Ereignisse %1 bis %2 (%3): Ihre Ergebnisse werden nicht vom IdP eintreffen.</translation>
    </message>
    <message>
        <source>The sandbox&apos;s event stream started again (%1): outcomes of runs before that will not arrive from the IdP.</source>
        <translation>Der Ereignisstrom der Sandbox hat neu begonnen (%1): Ergebnisse früherer Durchläufe werden nicht vom IdP eintreffen.</translation>
    </message>
    <message>
        <source>nothing arrived for %1 s</source>
        <translation>seit %1 s ist nichts eingetroffen</translation>
    </message>
    <message>
        <source>the sandbox ended it</source>
        <translation>die Sandbox hat ihn beendet</translation>
    </message>
    <message>
        <source>The sandbox&apos;s event stream was interrupted (%1); reconnecting in %2 s.</source>
        <translation>Der Ereignisstrom der Sandbox wurde unterbrochen (%1); neuer Verbindungsversuch in %2 s.</translation>
    </message>
</context>
<context>
    <name>signoff::SandboxPanel</name>
    <message>
        <source>Sandbox IdP</source>
        <translation>Sandbox-IdP</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <source>The sandbox&apos;s log appears here once it starts.</source>
        <translation>Das Protokoll der Sandbox erscheint hier, sobald sie startet.</translation>
    </message>
    <message>
        <source>Detach</source>
        <translation>Trennen</translation>
    </message>
</context>
<context>
    <name>signoff::SandboxProcess</name>
    <message>
        <source>The sandbox did not report ready within %1 s; stopping it.</source>
        <translation>Die Sandbox hat sich nicht innerhalb von %1 s als bereit gemeldet; sie wird gestoppt.</translation>
    </message>
    <message>
        <source>The sandbox did not start within %1 s.</source>
        <translation>Die Sandbox ist nicht innerhalb von %1 s gestartet.</translation>
    </message>
    <message>
        <source>Sandbox stopped</source>
        <translation>Sandbox gestoppt</translation>
    </message>
    <message>
        <source>Sandbox starting…</source>
        <translation>Sandbox startet…</translation>
    </message>
    <message numerus="yes">
        <source>Sandbox running at %1 (%n session(s))</source>
        <translation>
            <numerusform>Sandbox läuft unter %1 (%n Sitzung)</numerusform>
            <numerusform>Sandbox läuft unter %1 (%n Sitzungen)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sandbox running at %1, started outside Signoff (%n session(s))</source>
        <translation>
            <numerusform>Sandbox läuft unter %1, außerhalb von Signoff gestartet (%n Sitzung)</numerusform>
            <numerusform>Sandbox läuft unter %1, außerhalb von Signoff gestartet (%n Sitzungen)</numerusform>
        </translation>
    </message>
    <message>
        <source>Sandbox stopping…</source>
        <translation>Sandbox wird gestoppt…</translation>
    </message>
    <message>
        <source>Sandbox failed: %1</source>
        <translation>Sandbox fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>unexpected answer (HTTP %1)</source>
        <translation>unerwartete Antwort (HTTP %1)</translation>
    </message>
    <message>
        <source>A sandbox already runs at %1; using it (Signoff will not stop it).</source>
        <translation>Unter %1 läuft bereits eine Sandbox; sie wird verwendet (Signoff stoppt sie nicht).</translation>
    </message>
    <message>
        <source>sandbox/server.js was not found (set SIGNOFF_SANDBOX_DIR to the sandbox folder).</source>
        <translation>sandbox/server.js wurde nicht gefunden (setzen Sie SIGNOFF_SANDBOX_DIR auf den Sandbox-Ordner).</translation>
    </message>
    <message>
        <source>The sandbox&apos;s packages are not installed: run `npm ci` in %1 (scripts/install-deps does it).</source>
        <translation>Die Pakete der Sandbox sind nicht installiert: Führen Sie `npm ci` in %1 aus (scripts/install-deps erledigt das).</translation>
    </message>
    <message>
        <source>Could not run %1 (is Node.js installed?)</source>
        <translation>%1 konnte nicht ausgeführt werden (ist Node.js installiert?)</translation>
    </message>
    <message>
        <source>it does not accept Signoff&apos;s admin secret (HTTP %1), so its admin API cannot be used; stop it (signoffctl sandbox stop) and let Signoff start its own</source>
        <translation>sie akzeptiert das Admin-Secret von Signoff nicht (HTTP %1), daher kann ihre Admin-API nicht verwendet werden; stoppen Sie sie (signoffctl sandbox stop) und lassen Sie Signoff eine eigene starten</translation>
    </message>
    <message>
        <source>Could not run %1: %2 (is Node.js installed?)</source>
        <translation>%1 konnte nicht ausgeführt werden: %2 (ist Node.js installiert?)</translation>
    </message>
    <message>
        <source>Starting %1 %2</source>
        <translation>Starte %1 %2</translation>
    </message>
    <message>
        <source>The sandbox said it was ready but its health check failed: %1</source>
        <translation>Die Sandbox hat sich als bereit gemeldet, aber ihr Health-Check ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Sandbox stopped.</source>
        <translation>Sandbox gestoppt.</translation>
    </message>
    <message>
        <source>the sandbox crashed</source>
        <translation>die Sandbox ist abgestürzt</translation>
    </message>
    <message>
        <source>the sandbox exited with code %1</source>
        <translation>die Sandbox wurde mit Code %1 beendet</translation>
    </message>
    <message>
        <source>The sandbox at %1 stopped answering.</source>
        <translation>Die Sandbox unter %1 antwortet nicht mehr.</translation>
    </message>
    <message>
        <source>The sandbox was started outside Signoff; leaving it running.</source>
        <translation>Die Sandbox wurde außerhalb von Signoff gestartet; sie läuft weiter.</translation>
    </message>
    <message>
        <source>Could not create the sandbox&apos;s log %1: %2</source>
        <translation>Das Protokoll der Sandbox %1 konnte nicht angelegt werden: %2</translation>
    </message>
</context>
<context>
    <name>signoff::SessionModel</name>
    <message>
        <source>not exposed by the IdP</source>
        <translation>vom IdP nicht bereitgestellt</translation>
    </message>
    <message>
        <source>%1 (id %2), session %3</source>
        <translation>%1 (ID %2), Sitzung %3</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>IP-Adresse</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Last access</source>
        <translation>Letzter Zugriff</translation>
    </message>
    <message>
        <source>Relying parties</source>
        <translation>Relying Parties</translation>
    </message>
</context>
<context>
    <name>signoff::SessionsPage</name>
    <message>
        <source>Whose sessions: every RP, one RP, or one user</source>
        <translation>Wessen Sitzungen: alle RPs, eine RP oder ein Benutzer</translation>
    </message>
    <message>
        <source>All relying parties</source>
        <translation>Alle Relying Parties</translation>
    </message>
    <message>
        <source>User id or name (Enter): that user&apos;s sessions</source>
        <translation>Benutzer-ID oder -Name (Eingabetaste): die Sitzungen dieses Benutzers</translation>
    </message>
    <message>
        <source>Filter by user, IP or RP (Ctrl+F)</source>
        <translation>Nach Benutzer, IP oder RP filtern (Strg+F)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Reload from the IdP (F5)</source>
        <translation>Vom IdP neu laden (F5)</translation>
    </message>
    <message>
        <source>&amp;RP:</source>
        <translation>&amp;RP:</translation>
    </message>
    <message>
        <source>Select a session to see its details; Ctrl+C copies the selected rows.</source>
        <translation>Wählen Sie eine Sitzung aus, um ihre Details zu sehen; Strg+C kopiert die ausgewählten Zeilen.</translation>
    </message>
    <message>
        <source>No active profile: choose one on the Profiles page.</source>
        <translation>Kein aktives Profil: Wählen Sie eines auf der Seite „Profile“.</translation>
    </message>
    <message numerus="yes">
        <source>Loading stopped after %n session(s): %1</source>
        <translation>
            <numerusform>Laden nach %n Sitzung abgebrochen: %1</numerusform>
            <numerusform>Laden nach %n Sitzungen abgebrochen: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading… %1 of %2 sessions</source>
        <translation>Wird geladen… %1 von %2 Sitzungen</translation>
    </message>
    <message>
        <source>Loading… %1 sessions</source>
        <translation>Wird geladen… %1 Sitzungen</translation>
    </message>
    <message>
        <source>%1 sessions</source>
        <translation>%1 Sitzungen</translation>
    </message>
    <message>
        <source> — %1 match the filter</source>
        <translation> — %1 passen zum Filter</translation>
    </message>
    <message numerus="yes">
        <source>%n sessions selected.</source>
        <translation>
            <numerusform>%n Sitzung ausgewählt.</numerusform>
            <numerusform>%n Sitzungen ausgewählt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Session %1</source>
        <translation>Sitzung %1</translation>
    </message>
    <message>
        <source>&amp;Log out…</source>
        <translation>Ab&amp;melden…</translation>
    </message>
    <message>
        <source>Log out the selected sessions (Delete or Ctrl+L); select in a filtered list to log out what the filter shows</source>
        <translation>Die ausgewählten Sitzungen abmelden (Entf oder Strg+L); in einer gefilterten Liste auswählen, um abzumelden, was der Filter zeigt</translation>
    </message>
    <message>
        <source>Log out &amp;user…</source>
        <translation>&amp;Benutzer abmelden…</translation>
    </message>
    <message>
        <source>Log out every session of the selected session&apos;s user</source>
        <translation>Alle Sitzungen des Benutzers der ausgewählten Sitzung abmelden</translation>
    </message>
    <message>
        <source>Working out who will be notified…</source>
        <translation>Es wird ermittelt, wer benachrichtigt wird…</translation>
    </message>
    <message>
        <source>Select a session of the user to log out first.</source>
        <translation>Wählen Sie zuerst eine Sitzung des abzumeldenden Benutzers aus.</translation>
    </message>
</context>
<context>
    <name>signoff::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>Desktop default</source>
        <translation>Wie die Arbeitsumgebung</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>&amp;Appearance:</source>
        <translation>&amp;Darstellung:</translation>
    </message>
    <message>
        <source>A new language or appearance applies the next time Signoff starts.</source>
        <translation>Eine neue Sprache oder Darstellung gilt ab dem nächsten Start von Signoff.</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>Forever</source>
        <translation>Unbegrenzt</translation>
    </message>
    <message>
        <source>&amp;Keep history for:</source>
        <translation>&amp;Verlauf aufbewahren für:</translation>
    </message>
</context>
<context>
    <name>signoff::jose::Jwk</name>
    <message>
        <source>member &quot;%1&quot; missing or not a string</source>
        <translation>Element &quot;%1&quot; fehlt oder ist kein String</translation>
    </message>
    <message>
        <source>member &quot;%1&quot; is not valid base64url</source>
        <translation>Element &quot;%1&quot; ist kein gültiges base64url</translation>
    </message>
    <message>
        <source>OpenSSL refused the key parameters</source>
        <translation>OpenSSL hat die Schlüsselparameter abgelehnt</translation>
    </message>
    <message>
        <source>public key fails OpenSSL&apos;s validity check</source>
        <translation>der öffentliche Schlüssel besteht die Gültigkeitsprüfung von OpenSSL nicht</translation>
    </message>
    <message>
        <source>RSA modulus of about %1 bits is outside 2048..16384</source>
        <translation>RSA-Modulus mit etwa %1 Bit liegt außerhalb von 2048..16384</translation>
    </message>
    <message>
        <source>RSA exponent is implausibly large</source>
        <translation>RSA-Exponent ist unplausibel groß</translation>
    </message>
    <message>
        <source>RSA exponent is not a valid public exponent</source>
        <translation>RSA-Exponent ist kein gültiger öffentlicher Exponent</translation>
    </message>
    <message>
        <source>unsupported EC curve &quot;%1&quot;</source>
        <translation>nicht unterstützte EC-Kurve &quot;%1&quot;</translation>
    </message>
    <message>
        <source>EC coordinates must be %1 bytes for %2</source>
        <translation>EC-Koordinaten müssen für %2 %1 Bytes lang sein</translation>
    </message>
    <message>
        <source>EC point is not on curve %1</source>
        <translation>EC-Punkt liegt nicht auf Kurve %1</translation>
    </message>
    <message>
        <source>OKP curve &quot;%1&quot; is not a signature curve</source>
        <translation>OKP-Kurve &quot;%1&quot; ist keine Signaturkurve</translation>
    </message>
    <message>
        <source>OKP key must be %1 bytes for %2</source>
        <translation>OKP-Schlüssel muss für %2 %1 Bytes lang sein</translation>
    </message>
    <message>
        <source>a JWK must be a JSON object</source>
        <translation>ein JWK muss ein JSON-Objekt sein</translation>
    </message>
    <message>
        <source>JWK has no &quot;kty&quot;</source>
        <translation>JWK hat kein &quot;kty&quot;</translation>
    </message>
    <message>
        <source>JWK &quot;kid&quot; is not a string</source>
        <translation>&quot;kid&quot; des JWK ist kein String</translation>
    </message>
    <message>
        <source>key is for &quot;%1&quot;, not signatures</source>
        <translation>Schlüssel ist für &quot;%1&quot; bestimmt, nicht für Signaturen</translation>
    </message>
    <message>
        <source>key_ops does not allow &quot;verify&quot;</source>
        <translation>key_ops erlaubt &quot;verify&quot; nicht</translation>
    </message>
    <message>
        <source>JWK contains private or secret key material (&quot;%1&quot;): refused</source>
        <translation>JWK enthält privates oder geheimes Schlüsselmaterial (&quot;%1&quot;): abgelehnt</translation>
    </message>
    <message>
        <source>unsupported key type &quot;%1&quot;</source>
        <translation>nicht unterstützter Schlüsseltyp &quot;%1&quot;</translation>
    </message>
    <message>
        <source>JWKS is not usable: %1</source>
        <translation>JWKS ist nicht verwendbar: %1</translation>
    </message>
    <message>
        <source>JWKS has no &quot;keys&quot; array</source>
        <translation>JWKS hat kein &quot;keys&quot;-Array</translation>
    </message>
    <message>
        <source>more than 100 keys: the rest are ignored</source>
        <translation>mehr als 100 Schlüssel: der Rest wird ignoriert</translation>
    </message>
    <message>
        <source>key #%1%2: %3</source>
        <translation>Schlüssel #%1%2: %3</translation>
    </message>
</context>
<context>
    <name>signoff::jose::JwksSource</name>
    <message>
        <source>no JWKS or discovery URL is configured</source>
        <translation>keine JWKS- oder Discovery-URL konfiguriert</translation>
    </message>
    <message>
        <source>discovery document %1: %2</source>
        <translation>Discovery-Dokument %1: %2</translation>
    </message>
    <message>
        <source>discovery document is not usable: %1</source>
        <translation>Discovery-Dokument ist nicht verwendbar: %1</translation>
    </message>
    <message>
        <source>the discovery document has no usable jwks_uri</source>
        <translation>das Discovery-Dokument hat keine verwendbare jwks_uri</translation>
    </message>
    <message>
        <source>JWKS %1: %2</source>
        <translation>JWKS %1: %2</translation>
    </message>
    <message>
        <source>HTTP status %1</source>
        <translation>HTTP-Status %1</translation>
    </message>
    <message>
        <source>larger than the limit of %1 bytes</source>
        <translation>größer als die Grenze von %1 Bytes</translation>
    </message>
    <message>
        <source>redirected from %1 to %2, a less safe scheme; refused</source>
        <translation>von %1 nach %2 umgeleitet, ein weniger sicheres Schema; abgelehnt</translation>
    </message>
    <message>
        <source>redirected from the loopback address %1 to %2, which is not loopback; refused</source>
        <translation>von der Loopback-Adresse %1 nach %2 umgeleitet, das nicht Loopback ist; abgelehnt</translation>
    </message>
    <message>
        <source>timed out or cancelled</source>
        <translation>Zeitüberschreitung oder abgebrochen</translation>
    </message>
</context>
<context>
    <name>signoff::jose::Jws</name>
    <message>
        <source>the token is empty</source>
        <translation>das Token ist leer</translation>
    </message>
    <message>
        <source>the token is encrypted (JWE, five parts); encrypted logout tokens are not supported</source>
        <translation>das Token ist verschlüsselt (JWE, fünf Teile); verschlüsselte Logout-Tokens werden nicht unterstützt</translation>
    </message>
    <message>
        <source>a signed token has 3 dot-separated parts, this one has %1</source>
        <translation>ein signiertes Token hat 3 durch Punkte getrennte Teile, dieses hat %1</translation>
    </message>
    <message>
        <source>the header part is empty</source>
        <translation>der Header-Teil ist leer</translation>
    </message>
    <message>
        <source>the header part is not valid base64url</source>
        <translation>der Header-Teil ist kein gültiges base64url</translation>
    </message>
    <message>
        <source>the header is not a JSON object: %1</source>
        <translation>der Header ist kein JSON-Objekt: %1</translation>
    </message>
    <message>
        <source>the payload part is empty</source>
        <translation>der Payload-Teil ist leer</translation>
    </message>
    <message>
        <source>the payload part is not valid base64url</source>
        <translation>der Payload-Teil ist kein gültiges base64url</translation>
    </message>
    <message>
        <source>the claims are not a JSON object: %1</source>
        <translation>die Claims sind kein JSON-Objekt: %1</translation>
    </message>
    <message>
        <source>the signature part is empty (unsigned token)</source>
        <translation>der Signaturteil ist leer (unsigniertes Token)</translation>
    </message>
    <message>
        <source>the signature part is not valid base64url</source>
        <translation>der Signaturteil ist kein gültiges base64url</translation>
    </message>
    <message>
        <source>no usable key for %1</source>
        <translation>kein verwendbarer Schlüssel für %1</translation>
    </message>
    <message>
        <source>%1 signature must be %2 bytes (raw r||s), got %3</source>
        <translation>%1-Signatur muss %2 Bytes lang sein (roh r||s), erhalten: %3</translation>
    </message>
    <message>
        <source>the key cannot verify %1</source>
        <translation>der Schlüssel kann %1 nicht verifizieren</translation>
    </message>
    <message>
        <source>signature does not verify</source>
        <translation>Signatur lässt sich nicht verifizieren</translation>
    </message>
    <message>
        <source>%1 is not an HMAC algorithm</source>
        <translation>%1 ist kein HMAC-Algorithmus</translation>
    </message>
    <message>
        <source>%1 needs the client secret, and none is configured</source>
        <translation>%1 benötigt das Client-Secret, es ist aber keines konfiguriert</translation>
    </message>
    <message>
        <source>HMAC computation failed</source>
        <translation>HMAC-Berechnung fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>signoff::jose::SafeJson</name>
    <message>
        <source>JSON document too large (%1 bytes)</source>
        <translation>JSON-Dokument zu groß (%1 Bytes)</translation>
    </message>
    <message>
        <source>JSON nested deeper than %1 levels</source>
        <translation>JSON ist tiefer als %1 Ebenen verschachtelt</translation>
    </message>
    <message>
        <source>not valid JSON</source>
        <translation>kein gültiges JSON</translation>
    </message>
    <message>
        <source>JSON member &quot;%1&quot; appears more than once</source>
        <translation>JSON-Element &quot;%1&quot; kommt mehrfach vor</translation>
    </message>
    <message>
        <source>JSON could not be parsed: %1</source>
        <translation>JSON konnte nicht geparst werden: %1</translation>
    </message>
    <message>
        <source>JSON value is not an object</source>
        <translation>JSON-Wert ist kein Objekt</translation>
    </message>
</context>
<context>
    <name>signoff::mockrp::FormBody</name>
    <message>
        <source>more than 1000 form fields</source>
        <translation>mehr als 1000 Formularfelder</translation>
    </message>
    <message>
        <source>malformed %-escape in the form body</source>
        <translation>fehlerhaftes %-Escape im Formular-Body</translation>
    </message>
</context>
<context>
    <name>signoff::mockrp::HttpRequestParser</name>
    <message>
        <source>both Content-Length and Transfer-Encoding are present</source>
        <translation>sowohl Content-Length als auch Transfer-Encoding sind vorhanden</translation>
    </message>
    <message>
        <source>an HTTP/1.1 request needs exactly one Host header</source>
        <translation>eine HTTP/1.1-Anfrage benötigt genau einen Host-Header</translation>
    </message>
    <message>
        <source>unsupported Transfer-Encoding</source>
        <translation>nicht unterstütztes Transfer-Encoding</translation>
    </message>
    <message>
        <source>several Content-Length headers</source>
        <translation>mehrere Content-Length-Header</translation>
    </message>
    <message>
        <source>Content-Length is not a number</source>
        <translation>Content-Length ist keine Zahl</translation>
    </message>
    <message>
        <source>the body is larger than %1 bytes</source>
        <translation>der Body ist größer als %1 Bytes</translation>
    </message>
    <message>
        <source>request headers larger than %1 bytes</source>
        <translation>Anfrage-Header größer als %1 Bytes</translation>
    </message>
    <message>
        <source>chunk size line too long</source>
        <translation>Chunk-Größen-Zeile zu lang</translation>
    </message>
    <message>
        <source>malformed request line</source>
        <translation>fehlerhafte Anfragezeile</translation>
    </message>
    <message>
        <source>obsolete header line folding</source>
        <translation>veraltete Faltung von Header-Zeilen</translation>
    </message>
    <message>
        <source>more than %1 header fields</source>
        <translation>mehr als %1 Header-Felder</translation>
    </message>
    <message>
        <source>malformed header line</source>
        <translation>fehlerhafte Header-Zeile</translation>
    </message>
    <message>
        <source>malformed chunk size</source>
        <translation>fehlerhafte Chunk-Größe</translation>
    </message>
    <message>
        <source>malformed chunk</source>
        <translation>fehlerhafter Chunk</translation>
    </message>
    <message>
        <source>request larger than %1 bytes</source>
        <translation>Anfrage größer als %1 Bytes</translation>
    </message>
</context>
<context>
    <name>signoff::mockrp::MockRpBehaviour</name>
    <message>
        <source>status:N needs a status code from 200 to 599</source>
        <translation>status:N benötigt einen Statuscode von 200 bis 599</translation>
    </message>
    <message>
        <source>delay:MS needs milliseconds from 0 to 600000</source>
        <translation>delay:MS benötigt Millisekunden von 0 bis 600000</translation>
    </message>
    <message>
        <source>flaky:P needs a percentage from 0 to 100</source>
        <translation>flaky:P benötigt einen Prozentwert von 0 bis 100</translation>
    </message>
    <message>
        <source>unknown behaviour &quot;%1&quot;; use ok, status:N, delay:MS, drop or flaky:P</source>
        <translation>unbekanntes Verhalten &quot;%1&quot;; verwenden Sie ok, status:N, delay:MS, drop oder flaky:P</translation>
    </message>
</context>
<context>
    <name>signoff::mockrp::MockRpEndpoint</name>
    <message>
        <source>method %1 not allowed; back-channel logout uses POST</source>
        <translation>Methode %1 nicht erlaubt; Back-Channel-Logout verwendet POST</translation>
    </message>
    <message>
        <source>Content-Type must be application/x-www-form-urlencoded, got &quot;%1&quot;</source>
        <translation>Content-Type muss application/x-www-form-urlencoded sein, erhalten: &quot;%1&quot;</translation>
    </message>
    <message>
        <source>the body is larger than %1 bytes</source>
        <translation>der Body ist größer als %1 Bytes</translation>
    </message>
    <message>
        <source>the logout_token field is missing</source>
        <translation>das Feld logout_token fehlt</translation>
    </message>
    <message>
        <source>logout_token is given %1 times; exactly once is allowed</source>
        <translation>logout_token ist %1-mal angegeben; erlaubt ist genau einmal</translation>
    </message>
    <message>
        <source>logout_token is empty</source>
        <translation>logout_token ist leer</translation>
    </message>
    <message>
        <source>relay to %1 failed: %2</source>
        <translation>Weiterleitung an %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>simulated answer (behaviour %1)</source>
        <translation>simulierte Antwort (Verhalten %1)</translation>
    </message>
    <message>
        <source>simulated failure (behaviour %1)</source>
        <translation>simulierter Fehler (Verhalten %1)</translation>
    </message>
</context>
<context>
    <name>signoff::mockrp::MockRpServer</name>
    <message>
        <source>no endpoint</source>
        <translation>kein Endpunkt</translation>
    </message>
    <message>
        <source>an endpoint path must start with &apos;/&apos;: %1</source>
        <translation>ein Endpunkt-Pfad muss mit &apos;/&apos; beginnen: %1</translation>
    </message>
    <message>
        <source>two endpoints share the path %1</source>
        <translation>zwei Endpunkte teilen sich den Pfad %1</translation>
    </message>
    <message>
        <source>TLS is not available (no OpenSSL backend for Qt)</source>
        <translation>TLS ist nicht verfügbar (kein OpenSSL-Backend für Qt)</translation>
    </message>
    <message>
        <source>cannot listen on %1:%2: %3</source>
        <translation>kann nicht auf %1:%2 lauschen: %3</translation>
    </message>
    <message>
        <source>the request was not complete within %1 ms</source>
        <translation>die Anfrage war nicht innerhalb von %1 ms vollständig</translation>
    </message>
</context>
<context>
    <name>signoff::mockrp::TlsIdentity</name>
    <message>
        <source>OpenSSL could not create a key</source>
        <translation>OpenSSL konnte keinen Schlüssel erzeugen</translation>
    </message>
    <message>
        <source>no randomness for the certificate serial</source>
        <translation>keine Zufallsdaten für die Seriennummer des Zertifikats</translation>
    </message>
    <message>
        <source>OpenSSL could not set the serial</source>
        <translation>OpenSSL konnte die Seriennummer nicht setzen</translation>
    </message>
    <message>
        <source>OpenSSL could not add certificate extensions</source>
        <translation>OpenSSL konnte keine Zertifikatserweiterungen hinzufügen</translation>
    </message>
    <message>
        <source>OpenSSL could not sign the certificate</source>
        <translation>OpenSSL konnte das Zertifikat nicht signieren</translation>
    </message>
    <message>
        <source>OpenSSL could not encode the certificate</source>
        <translation>OpenSSL konnte das Zertifikat nicht kodieren</translation>
    </message>
    <message>
        <source>Qt could not read the generated certificate</source>
        <translation>Qt konnte das erzeugte Zertifikat nicht lesen</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate</source>
        <translation>%1 enthält kein PEM-Zertifikat</translation>
    </message>
    <message>
        <source>%1 holds no unencrypted PEM private key</source>
        <translation>%1 enthält keinen unverschlüsselten privaten PEM-Schlüssel</translation>
    </message>
</context>
<context>
    <name>signoff::services::MockRpService</name>
    <message>
        <source>a mock RP needs an issuer and a client id</source>
        <translation>ein Mock-RP braucht einen Issuer und eine Client-ID</translation>
    </message>
    <message>
        <source>a mock RP needs a JWKS URL or a discovery URL to verify signatures</source>
        <translation>ein Mock-RP braucht eine JWKS- oder Discovery-URL, um Signaturen zu prüfen</translation>
    </message>
    <message>
        <source>the endpoint path must start with &apos;/&apos;</source>
        <translation>der Endpunktpfad muss mit &apos;/&apos; beginnen</translation>
    </message>
    <message>
        <source>the relay target needs an http or https URL</source>
        <translation>das Weiterleitungsziel braucht eine http- oder https-URL</translation>
    </message>
    <message>
        <source>HTTPS from files needs both a certificate and a key file</source>
        <translation>HTTPS aus Dateien braucht sowohl ein Zertifikat als auch eine Schlüsseldatei</translation>
    </message>
    <message>
        <source>connection threads must be from 1 to 64</source>
        <translation>Verbindungs-Threads müssen zwischen 1 und 64 liegen</translation>
    </message>
</context>
<context>
    <name>signoff::services::MockRpWorkspace</name>
    <message>
        <source>Mock RP</source>
        <translation>Mock-RP</translation>
    </message>
</context>
<context>
    <name>signoffctl</name>
    <message>
        <source>Usage: signoffctl [--version] [--help] COMMAND [OPTIONS]
Back-channel logout console, headless.

Commands:
</source>
        <translation>Aufruf: signoffctl [--version] [--help] COMMAND [OPTIONS]
Back-Channel-Logout-Konsole ohne grafische Oberfläche.

Befehle:
</translation>
    </message>
    <message>
        <source>
Run &apos;signoffctl COMMAND --help&apos; for a command&apos;s options.
</source>
        <translation>
&apos;signoffctl COMMAND --help&apos; zeigt die Optionen eines Befehls.
</translation>
    </message>
    <message>
        <source>no command given; try &apos;signoffctl --help&apos;</source>
        <translation>kein Befehl angegeben; siehe &apos;signoffctl --help&apos;</translation>
    </message>
    <message>
        <source>unknown option &apos;%1&apos;; try &apos;signoffctl --help&apos;</source>
        <translation>unbekannte Option &apos;%1&apos;; siehe &apos;signoffctl --help&apos;</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;; try &apos;signoffctl --help&apos;</source>
        <translation>unbekannter Befehl &apos;%1&apos;; siehe &apos;signoffctl --help&apos;</translation>
    </message>
    <message>
        <source>Show this command&apos;s options.</source>
        <translation>Optionen dieses Befehls anzeigen.</translation>
    </message>
    <message>
        <source>Output JSON Lines (one object per record).</source>
        <translation>JSON Lines ausgeben (ein Objekt pro Datensatz).</translation>
    </message>
    <message>
        <source>cannot read secret file %1: %2</source>
        <translation>Secret-Datei %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>secret file %1 is empty</source>
        <translation>Secret-Datei %1 ist leer</translation>
    </message>
    <message>
        <source>no secret entered</source>
        <translation>kein Secret eingegeben</translation>
    </message>
    <message>
        <source>no secret given: use --secret-file FILE or the SIGNOFF_SECRET environment variable (or run on a terminal to be prompted)</source>
        <translation>kein Secret angegeben: verwenden Sie --secret-file FILE oder die Umgebungsvariable SIGNOFF_SECRET (oder führen Sie den Befehl in einem Terminal aus, um danach gefragt zu werden)</translation>
    </message>
    <message>
        <source>List, show, add and remove IdP connection profiles (secrets go to the OS keychain).</source>
        <translation>IdP-Verbindungsprofile auflisten, anzeigen, hinzufügen und entfernen (Secrets kommen in den Schlüsselbund des Betriebssystems).</translation>
    </message>
    <message>
        <source>Profile name (add).</source>
        <translation>Profilname (add).</translation>
    </message>
    <message>
        <source>IdP kind: sandbox, keycloak, logto, hydra (add).</source>
        <translation>IdP-Art: sandbox, keycloak, logto, hydra (add).</translation>
    </message>
    <message>
        <source>IdP base URL (add).</source>
        <translation>Basis-URL des IdP (add).</translation>
    </message>
    <message>
        <source>Keycloak realm or Logto tenant (add).</source>
        <translation>Keycloak-Realm oder Logto-Mandant (add).</translation>
    </message>
    <message>
        <source>client_credentials (default) or password (add).</source>
        <translation>client_credentials (Standard) oder password (add).</translation>
    </message>
    <message>
        <source>Admin client id (add).</source>
        <translation>Admin-Client-ID (add).</translation>
    </message>
    <message>
        <source>Username for the password grant (add).</source>
        <translation>Benutzername für den Passwort-Grant (add).</translation>
    </message>
    <message>
        <source>Extra CA certificates (PEM) for this profile (add).</source>
        <translation>Zusätzliche CA-Zertifikate (PEM) für dieses Profil (add).</translation>
    </message>
    <message>
        <source>Pin the server certificate by its SHA-256 (add).</source>
        <translation>Serverzertifikat über seinen SHA-256-Wert pinnen (add).</translation>
    </message>
    <message>
        <source>Read the client secret or password from FILE.</source>
        <translation>Client-Secret oder Passwort aus FILE lesen.</translation>
    </message>
    <message>
        <source>Add without a secret (Hydra admin APIs without auth).</source>
        <translation>Ohne Secret hinzufügen (Hydra-Admin-APIs ohne Authentifizierung).</translation>
    </message>
    <message>
        <source>&apos;profiles %1&apos; needs a profile name or id</source>
        <translation>&apos;profiles %1&apos; benötigt einen Profilnamen oder eine ID</translation>
    </message>
    <message>
        <source>no profile named &apos;%1&apos;</source>
        <translation>kein Profil namens &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--kind must be one of: %1</source>
        <translation>--kind muss einer der folgenden Werte sein: %1</translation>
    </message>
    <message>
        <source>--auth must be client_credentials or password</source>
        <translation>--auth muss client_credentials oder password sein</translation>
    </message>
    <message>
        <source>Secret for %1: </source>
        <translation>Secret für %1: </translation>
    </message>
    <message>
        <source>added profile %1 (%2)</source>
        <translation>Profil %1 (%2) hinzugefügt</translation>
    </message>
    <message>
        <source>secret stored in the keychain for %1</source>
        <translation>Secret für %1 im Schlüsselbund gespeichert</translation>
    </message>
    <message>
        <source>removed profile %1</source>
        <translation>Profil %1 entfernt</translation>
    </message>
    <message>
        <source>Start, stop or query the embedded sandbox IdP (127.0.0.1).</source>
        <translation>Den eingebetteten Sandbox-IdP (127.0.0.1) starten, stoppen oder abfragen.</translation>
    </message>
    <message>
        <source>start | stop | status</source>
        <translation>start | stop | status</translation>
    </message>
    <message>
        <source>Port on 127.0.0.1 (default 9400).</source>
        <translation>Port auf 127.0.0.1 (Standard 9400).</translation>
    </message>
    <message>
        <source>Data folder (default: $XDG_DATA_HOME/Signoff/sandbox).</source>
        <translation>Datenordner (Standard: $XDG_DATA_HOME/Signoff/sandbox).</translation>
    </message>
    <message>
        <source>Back-channel URI of the demo RP that points at Signoff&apos;s mock RP (start).</source>
        <translation>Back-Channel-URI der Demo-RP, die auf die Mock-RP von Signoff zeigt (start).</translation>
    </message>
    <message>
        <source>Create N demo users at start.</source>
        <translation>Beim Start N Demo-Benutzer anlegen.</translation>
    </message>
    <message>
        <source>Create N sessions across the demo RPs at start.</source>
        <translation>Beim Start N Sitzungen verteilt auf die Demo-RPs anlegen.</translation>
    </message>
    <message>
        <source>Run attached, print the sandbox&apos;s log, stop on Ctrl+C (start).</source>
        <translation>Im Vordergrund ausführen, das Protokoll der Sandbox ausgeben, mit Strg+C stoppen (start).</translation>
    </message>
    <message>
        <source>Seconds to wait for start or stop (default 60).</source>
        <translation>Wartezeit in Sekunden für Start oder Stopp (Standard 60).</translation>
    </message>
    <message>
        <source>--port must be a number from 1 to 65535</source>
        <translation>--port muss eine Zahl von 1 bis 65535 sein</translation>
    </message>
    <message>
        <source>--timeout must be a positive number of seconds</source>
        <translation>--timeout muss eine positive Anzahl Sekunden sein</translation>
    </message>
    <message>
        <source>sandbox running at %1 (pid %2, %3 sessions)</source>
        <translation>Sandbox läuft unter %1 (PID %2, Sitzungen: %3)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>sandbox not running at %1</source>
        <translation>Sandbox läuft nicht unter %1</translation>
    </message>
    <message>
        <source>sandbox stopped (pid %1)</source>
        <translation>Sandbox gestoppt (PID %1)</translation>
    </message>
    <message>
        <source>unknown action &apos;%1&apos;; expected start, stop or status</source>
        <translation>unbekannte Aktion &apos;%1&apos;; erwartet: start, stop oder status</translation>
    </message>
    <message>
        <source>cannot read standard input</source>
        <translation>Standardeingabe kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>the token is empty</source>
        <translation>das Token ist leer</translation>
    </message>
    <message>
        <source>Decode a logout token and show the verdict of every validation rule.</source>
        <translation>Logout-Token dekodieren und das Ergebnis jeder Validierungsregel anzeigen.</translation>
    </message>
    <message>
        <source>The logout token, logout_token=... form text, or - for standard input.</source>
        <translation>Das Logout-Token, Formulartext logout_token=... oder - für die Standardeingabe.</translation>
    </message>
    <message>
        <source>inspect needs exactly one TOKEN (or - for standard input)</source>
        <translation>inspect benötigt genau ein TOKEN (oder - für die Standardeingabe)</translation>
    </message>
    <message>
        <source>not a logout token: %1</source>
        <translation>kein Logout-Token: %1</translation>
    </message>
    <message>
        <source>Header:</source>
        <translation>Header:</translation>
    </message>
    <message>
        <source>Claims:</source>
        <translation>Claims:</translation>
    </message>
    <message>
        <source>Keys: %1</source>
        <translation>Schlüssel: %1</translation>
    </message>
    <message>
        <source>Verdicts:</source>
        <translation>Prüfergebnisse:</translation>
    </message>
    <message>
        <source>Result: valid</source>
        <translation>Ergebnis: gültig</translation>
    </message>
    <message>
        <source>Result: INVALID (%1 rules failed)</source>
        <translation>Ergebnis: UNGÜLTIG (fehlgeschlagene Regeln: %1)</translation>
    </message>
    <message>
        <source>--listen needs HOST:PORT, e.g. 127.0.0.1:9401</source>
        <translation>--listen benötigt HOST:PORT, z. B. 127.0.0.1:9401</translation>
    </message>
    <message>
        <source>--listen has an invalid port in &apos;%1&apos;</source>
        <translation>--listen enthält einen ungültigen Port in &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--listen needs an IP address or localhost, not &apos;%1&apos;</source>
        <translation>--listen benötigt eine IP-Adresse oder localhost, nicht &apos;%1&apos;</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>gültig</translation>
    </message>
    <message>
        <source>invalid: %1</source>
        <translation>ungültig: %1</translation>
    </message>
    <message>
        <source>warning %1: %2</source>
        <translation>Warnung %1: %2</translation>
    </message>
    <message>
        <source>Run a mock RP back-channel logout endpoint that reports every validation rule.</source>
        <translation>Einen Back-Channel-Logout-Endpunkt als Mock-RP ausführen, der jede Validierungsregel meldet.</translation>
    </message>
    <message>
        <source>Address to listen on (default 127.0.0.1:%1).</source>
        <translation>Adresse, auf der gelauscht wird (Standard 127.0.0.1:%1).</translation>
    </message>
    <message>
        <source>Endpoint path (default %1).</source>
        <translation>Endpunkt-Pfad (Standard %1).</translation>
    </message>
    <message>
        <source>ok, status:N, delay:MS, drop or flaky:P (default ok).</source>
        <translation>ok, status:N, delay:MS, drop oder flaky:P (Standard ok).</translation>
    </message>
    <message>
        <source>Relay: forward each request to this real RP and answer with its status.</source>
        <translation>Weiterleitung: jede Anfrage an diese echte RP weiterleiten und mit deren Status antworten.</translation>
    </message>
    <message>
        <source>PEM certificate for HTTPS.</source>
        <translation>PEM-Zertifikat für HTTPS.</translation>
    </message>
    <message>
        <source>PEM private key for HTTPS.</source>
        <translation>Privater PEM-Schlüssel für HTTPS.</translation>
    </message>
    <message>
        <source>HTTPS with a certificate generated now (fingerprint printed).</source>
        <translation>HTTPS mit einem jetzt erzeugten Zertifikat (Fingerabdruck wird ausgegeben).</translation>
    </message>
    <message>
        <source>mock-rp takes no positional arguments</source>
        <translation>mock-rp akzeptiert keine Positionsargumente</translation>
    </message>
    <message>
        <source>mock-rp needs --issuer and --client-id</source>
        <translation>mock-rp benötigt --issuer und --client-id</translation>
    </message>
    <message>
        <source>mock-rp needs --jwks-uri or --discovery to verify signatures</source>
        <translation>mock-rp benötigt --jwks-uri oder --discovery, um Signaturen zu verifizieren</translation>
    </message>
    <message>
        <source>--path must start with &apos;/&apos;</source>
        <translation>--path muss mit &apos;/&apos; beginnen</translation>
    </message>
    <message>
        <source>--forward needs an http or https URL</source>
        <translation>--forward benötigt eine http- oder https-URL</translation>
    </message>
    <message>
        <source>give either --tls-cert/--tls-key or --tls-self-signed</source>
        <translation>geben Sie entweder --tls-cert/--tls-key oder --tls-self-signed an</translation>
    </message>
    <message>
        <source>--tls-cert and --tls-key go together</source>
        <translation>--tls-cert und --tls-key gehören zusammen</translation>
    </message>
    <message>
        <source>mock RP listening on %1</source>
        <translation>Mock-RP lauscht auf %1</translation>
    </message>
    <message>
        <source>TLS certificate SHA-256 fingerprint: %1</source>
        <translation>SHA-256-Fingerabdruck des TLS-Zertifikats: %1</translation>
    </message>
    <message>
        <source>relaying to %1</source>
        <translation>Weiterleitung an %1</translation>
    </message>
    <message>
        <source>warning: listening beyond loopback on %1</source>
        <translation>Warnung: lauscht nicht nur auf Loopback, sondern auf %1</translation>
    </message>
    <message>
        <source>dropped</source>
        <translation>verworfen</translation>
    </message>
    <message>
        <source> (relay %1 in %2 ms%3)</source>
        <translation> (Weiterleitung %1 in %2 ms%3)</translation>
    </message>
    <message>
        <source>keys: %1 usable from %2</source>
        <translation>Schlüssel: %1 verwendbar aus %2</translation>
    </message>
    <message>
        <source>keys: skipped %1</source>
        <translation>Schlüssel übersprungen: %1</translation>
    </message>
    <message>
        <source>keys not loaded (will retry on the next token): %1</source>
        <translation>Schlüssel nicht geladen (neuer Versuch beim nächsten Token): %1</translation>
    </message>
    <message>
        <source>mock RP stopped after %1 requests</source>
        <translation>Mock-RP nach %1 Anfragen gestoppt</translation>
    </message>
    <message>
        <source>Expected issuer (iss), compared exactly.</source>
        <translation>Erwarteter Aussteller (iss), exakt verglichen.</translation>
    </message>
    <message>
        <source>This RP&apos;s client id (must be in aud).</source>
        <translation>Client-ID dieser RP (muss in aud enthalten sein).</translation>
    </message>
    <message>
        <source>The OP&apos;s JWKS (URL or file).</source>
        <translation>Das JWKS des OP (URL oder Datei).</translation>
    </message>
    <message>
        <source>The OP&apos;s issuer URL or discovery document; its jwks_uri is used.</source>
        <translation>Aussteller-URL oder Discovery-Dokument des OP; dessen jwks_uri wird verwendet.</translation>
    </message>
    <message>
        <source>Accepted algorithms, comma-separated (default RS256).</source>
        <translation>Akzeptierte Algorithmen, kommagetrennt (Standard RS256).</translation>
    </message>
    <message>
        <source>File holding the client secret (HS256/384/512 only).</source>
        <translation>Datei mit dem Client-Secret (nur HS256/384/512).</translation>
    </message>
    <message>
        <source>Allowed clock skew in seconds (default 60).</source>
        <translation>Zulässige Uhrenabweichung in Sekunden (Standard 60).</translation>
    </message>
    <message>
        <source>Accept tokens without exp (Hydra, older providers).</source>
        <translation>Tokens ohne exp akzeptieren (Hydra, ältere Provider).</translation>
    </message>
    <message>
        <source>Refuse tokens whose typ header is not logout+jwt.</source>
        <translation>Tokens ablehnen, deren typ-Header nicht logout+jwt ist.</translation>
    </message>
    <message>
        <source>give either --jwks-uri or --discovery, not both</source>
        <translation>geben Sie entweder --jwks-uri oder --discovery an, nicht beides</translation>
    </message>
    <message>
        <source>--discovery needs a URL</source>
        <translation>--discovery benötigt eine URL</translation>
    </message>
    <message>
        <source>--alg none is never accepted</source>
        <translation>--alg none wird nie akzeptiert</translation>
    </message>
    <message>
        <source>unknown algorithm &apos;%1&apos; in --alg</source>
        <translation>unbekannter Algorithmus &apos;%1&apos; in --alg</translation>
    </message>
    <message>
        <source>--clock-skew needs a number of seconds</source>
        <translation>--clock-skew benötigt eine Anzahl von Sekunden</translation>
    </message>
    <message>
        <source>cannot read the client secret file: %1</source>
        <translation>die Client-Secret-Datei kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>the client secret file is empty</source>
        <translation>die Client-Secret-Datei ist leer</translation>
    </message>
    <message>
        <source>standard input is larger than %1 bytes; a logout token is far smaller</source>
        <translation>die Standardeingabe ist größer als %1 Bytes; ein Logout-Token ist weit kleiner</translation>
    </message>
    <message>
        <source>Threads serving plain-HTTP connections (default: one per core, at most 4; 1 = single thread).</source>
        <translation>Threads für unverschlüsselte HTTP-Verbindungen (Standard: einer pro Kern, höchstens 4; 1 = ein Thread).</translation>
    </message>
    <message>
        <source>--threads needs a number from 1 to 64</source>
        <translation>--threads braucht eine Zahl von 1 bis 64</translation>
    </message>
    <message>
        <source>secret file %1 is not a regular file (a pipe or device is not accepted)</source>
        <translation>die Secret-Datei %1 ist keine reguläre Datei (Pipes und Geräte werden nicht akzeptiert)</translation>
    </message>
    <message>
        <source>secret file %1 is too large (%2 bytes; a secret is at most %3)</source>
        <translation>die Secret-Datei %1 ist zu groß (%2 Bytes; ein Secret hat höchstens %3)</translation>
    </message>
    <message>
        <source>secret file %1 is too large (a secret is at most %2 bytes)</source>
        <translation>die Secret-Datei %1 ist zu groß (ein Secret hat höchstens %2 Bytes)</translation>
    </message>
    <message>
        <source>secret file %1 contains NUL bytes; it is not a text secret</source>
        <translation>die Secret-Datei %1 enthält NUL-Bytes; das ist kein Text-Secret</translation>
    </message>
    <message>
        <source>admin secret kept in %1</source>
        <translation>Admin-Secret liegt in %1</translation>
    </message>
    <message>
        <source>no Secret Service is reachable: the sandbox&apos;s admin secret is kept in %1 (mode 0600); secrets of other profiles still need the keychain</source>
        <translation>kein Secret Service erreichbar: Das Admin-Secret der Sandbox liegt in %1 (Modus 0600); Secrets anderer Profile brauchen weiterhin den Schlüsselbund</translation>
    </message>
    <message>
        <source>sandbox running at %1 (pid %2, %3 sessions); admin secret kept in %4</source>
        <translation>Sandbox läuft unter %1 (PID %2, %3 Sitzungen); Admin-Secret liegt in %4</translation>
    </message>
    <message>
        <source>--profile NAME is required (signoffctl profiles list)</source>
        <translation>--profile NAME ist erforderlich (signoffctl profiles list)</translation>
    </message>
    <message>
        <source>Profile id or name.</source>
        <translation>Profil-ID oder -Name.</translation>
    </message>
    <message>
        <source>List the relying parties with their back-channel settings and what silently breaks logout.</source>
        <translation>Relying Parties mit ihren Back-Channel-Einstellungen auflisten und zeigen, was den Logout stillschweigend verhindert.</translation>
    </message>
    <message>
        <source>(no back-channel URI)</source>
        <translation>(keine Back-Channel-URI)</translation>
    </message>
    <message>
        <source>List active sessions (every page unless --limit), per RP or per user.</source>
        <translation>Aktive Sitzungen auflisten (alle Seiten, sofern nicht --limit angegeben ist), pro RP oder pro Benutzer.</translation>
    </message>
    <message>
        <source>Only sessions that include this client id.</source>
        <translation>Nur Sitzungen, die diese Client-ID enthalten.</translation>
    </message>
    <message>
        <source>Only this user&apos;s sessions (id or username).</source>
        <translation>Nur die Sitzungen dieses Benutzers (ID oder Benutzername).</translation>
    </message>
    <message>
        <source>Stop after N sessions.</source>
        <translation>Nach N Sitzungen aufhören.</translation>
    </message>
    <message>
        <source>--limit must be a positive number</source>
        <translation>--limit muss eine positive Zahl sein</translation>
    </message>
    <message>
        <source>list | show NAME | add | remove NAME | set-secret NAME | test NAME</source>
        <translation>list | show NAME | add | remove NAME | set-secret NAME | test NAME</translation>
    </message>
    <message>
        <source>unknown action &apos;%1&apos;; expected list, show, add, remove, set-secret or test</source>
        <translation>unbekannte Aktion &apos;%1&apos;; erwartet: list, show, add, remove, set-secret oder test</translation>
    </message>
    <message>
        <source>connected to %1 (%2)</source>
        <translation>verbunden mit %1 (%2)</translation>
    </message>
    <message>
        <source>relying parties: %1</source>
        <translation>Relying Parties: %1</translation>
    </message>
    <message>
        <source>sessions: %1</source>
        <translation>Sitzungen: %1</translation>
    </message>
    <message>
        <source>capabilities: %1</source>
        <translation>Fähigkeiten: %1</translation>
    </message>
    <message>
        <source>note: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
    <message>
        <source>%1 delivered, %2 failed, %3 timed out, %4 skipped, %5 unconfirmed, %6 pending</source>
        <translation>%1 zugestellt, %2 fehlgeschlagen, %3 mit Zeitüberschreitung, %4 übersprungen, %5 unbestätigt, %6 ausstehend</translation>
    </message>
    <message>
        <source>Past logout runs and their deliveries; export them as CSV or JSON.</source>
        <translation>Frühere Logout-Durchläufe und ihre Zustellungen; Export als CSV oder JSON.</translation>
    </message>
    <message>
        <source>Write the history to FILE instead of listing it.</source>
        <translation>Den Verlauf in FILE schreiben, statt ihn aufzulisten.</translation>
    </message>
    <message>
        <source>Only this run (its deliveries).</source>
        <translation>Nur dieser Durchlauf (seine Zustellungen).</translation>
    </message>
    <message>
        <source>Export format: csv or json.</source>
        <translation>Exportformat: csv oder json.</translation>
    </message>
    <message>
        <source>List at most N runs (default 100).</source>
        <translation>Höchstens N Durchläufe auflisten (Standard 100).</translation>
    </message>
    <message>
        <source>unknown history action &apos;%1&apos; (history [--run ID] or history export --format csv|json FILE)</source>
        <translation>unbekannte history-Aktion &apos;%1&apos; (history [--run ID] oder history export --format csv|json FILE)</translation>
    </message>
    <message>
        <source>--format is for &apos;history export&apos;</source>
        <translation>--format gilt nur für &apos;history export&apos;</translation>
    </message>
    <message>
        <source>the history is not available: %1</source>
        <translation>der Verlauf ist nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>no run &apos;%1&apos; in the history (signoffctl history lists them)</source>
        <translation>kein Durchlauf &apos;%1&apos; im Verlauf (signoffctl history listet sie auf)</translation>
    </message>
    <message>
        <source>--limit takes a positive number</source>
        <translation>--limit erwartet eine positive Zahl</translation>
    </message>
    <message>
        <source>No runs in the history.</source>
        <translation>Keine Durchläufe im Verlauf.</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>history export needs one FILE (history export --format csv|json FILE)</source>
        <translation>history export benötigt genau ein FILE (history export --format csv|json FILE)</translation>
    </message>
    <message>
        <source>--format must be csv or json</source>
        <translation>--format muss csv oder json sein</translation>
    </message>
    <message>
        <source>Force logout of sessions, a user or every session of an RP, and report every RP&apos;s delivery.</source>
        <translation>Logout von Sitzungen, einem Benutzer oder allen Sitzungen einer RP erzwingen und die Zustellung an jede RP melden.</translation>
    </message>
    <message>
        <source>A session to end (repeat for several).</source>
        <translation>Eine zu beendende Sitzung (für mehrere wiederholen).</translation>
    </message>
    <message>
        <source>End every session of this user (id or username).</source>
        <translation>Alle Sitzungen dieses Benutzers beenden (ID oder Benutzername).</translation>
    </message>
    <message>
        <source>End every session that includes this client id.</source>
        <translation>Alle Sitzungen beenden, die diese Client-ID enthalten.</translation>
    </message>
    <message>
        <source>Do not ask for confirmation (required without a terminal).</source>
        <translation>Nicht nach Bestätigung fragen (ohne Terminal erforderlich).</translation>
    </message>
    <message>
        <source>Logout calls in flight, or the IdP&apos;s own parallelism (1..%1, default 8).</source>
        <translation>Gleichzeitig laufende Logout-Aufrufe oder die eigene Parallelität des IdP (1..%1, Standard 8).</translation>
    </message>
    <message>
        <source>give exactly one of --session ID..., --user USER or --rp CLIENT_ID</source>
        <translation>geben Sie genau eines von --session ID..., --user USER oder --rp CLIENT_ID an</translation>
    </message>
    <message>
        <source>--session needs a session id</source>
        <translation>--session benötigt eine Sitzungs-ID</translation>
    </message>
    <message>
        <source>--user and --rp need a value</source>
        <translation>--user und --rp benötigen einen Wert</translation>
    </message>
    <message>
        <source>--concurrency must be a number from 1 to %1</source>
        <translation>--concurrency muss eine Zahl von 1 bis %1 sein</translation>
    </message>
    <message>
        <source>refusing to log out without confirmation: no terminal to ask on; add --yes</source>
        <translation>ohne Bestätigung wird nicht abgemeldet: kein Terminal für die Rückfrage vorhanden; fügen Sie --yes hinzu</translation>
    </message>
    <message>
        <source>logout is not available in this build</source>
        <translation>Logout ist in diesem Build nicht verfügbar</translation>
    </message>
    <message>
        <source>not confirmed; nothing was sent</source>
        <translation>nicht bestätigt; es wurde nichts gesendet</translation>
    </message>
    <message numerus="yes">
        <source>Log out %n session(s)</source>
        <translation>
            <numerusform>Abmeldung von %n Sitzung</numerusform>
            <numerusform>Abmeldung von %n Sitzungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> of %n user(s)</source>
        <translation>
            <numerusform> (%n Benutzer)</numerusform>
            <numerusform> (%n Benutzer)</numerusform>
        </translation>
    </message>
    <message>
        <source> on %1 (%2): %3</source>
        <translation> in %1 (%2): %3</translation>
    </message>
    <message>
        <source>will be notified</source>
        <translation>wird benachrichtigt</translation>
    </message>
    <message>
        <source>NOT notified: %1</source>
        <translation>wird NICHT benachrichtigt: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n Sitzung</numerusform>
            <numerusform>%n Sitzungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Type the number of sessions (%1) to proceed: </source>
        <translation>Geben Sie zum Fortfahren die Anzahl der Sitzungen (%1) ein: </translation>
    </message>
    <message>
        <source>Proceed? [y/N] </source>
        <translation>Fortfahren? [y/N] </translation>
    </message>
    <message>
        <source>cancelled: waiting for what was sent to be reported (Ctrl+C again to stop waiting)</source>
        <translation>abgebrochen: warte auf die Ergebnisse des bereits Gesendeten (erneut Strg+C, um nicht länger zu warten)</translation>
    </message>
    <message>
        <source>Run %1 %2: %3 expected, %4 delivered, %5 failed, %6 timed out, %7 skipped, %8 unconfirmed</source>
        <translation>Durchlauf %1 %2: %3 erwartet, %4 zugestellt, %5 fehlgeschlagen, %6 mit Zeitüberschreitung, %7 übersprungen, %8 unbestätigt</translation>
    </message>
</context>
</TS>
