#include "SandboxClientEditor.h"

#include "idp/IdpHttpClient.h"

#include <QJsonArray>
#include <QJsonObject>

namespace signoff {

namespace {
QUrl urlOrEmpty(const QJsonValue &v)
{
    return v.isString() ? QUrl(v.toString()) : QUrl();
}
} // namespace

SandboxClientEditor::SandboxClientEditor(IdpHttpClient *http, QObject *parent)
    : QObject(parent)
    , m_http(http)
{}

Result<SandboxClientBcl> SandboxClientEditor::parseClient(const QJsonObject &o)
{
    SandboxClientBcl c;
    c.clientId = o.value(QStringLiteral("client_id")).toString();
    // A sandbox without the PATCH support has no defaults to point back to: say so instead of
    // taking "none" for the default.
    if (c.clientId.isEmpty() || !o.contains(QStringLiteral("default_backchannel_logout_uri")))
        return Result<SandboxClientBcl>::failure(
            tr("The sandbox does not report default back-channel URIs: it is too old to repoint its RPs."),
            IdpBadAnswer);
    c.name = o.value(QStringLiteral("client_name")).toString();
    c.uri = urlOrEmpty(o.value(QStringLiteral("backchannel_logout_uri")));
    c.sessionRequired = o.value(QStringLiteral("backchannel_logout_session_required")).toBool();
    c.defaultUri = urlOrEmpty(o.value(QStringLiteral("default_backchannel_logout_uri")));
    c.defaultSessionRequired =
        o.value(QStringLiteral("default_backchannel_logout_session_required")).toBool(c.sessionRequired);
    c.demo = o.value(QStringLiteral("demo")).toBool();
    return c;
}

void SandboxClientEditor::clients(QObject *context, ClientsCallback done)
{
    m_http->getJson(m_http->url(QStringLiteral("/admin/clients")), context, [done](Result<HttpAnswer> a) {
        if (!a) {
            done(a.error());
            return;
        }
        QList<SandboxClientBcl> list;
        for (const QJsonValue &v : a->json().object().value(QStringLiteral("items")).toArray()) {
            auto c = parseClient(v.toObject());
            if (!c) {
                done(c.error());
                return;
            }
            list.append(*c);
        }
        done(list);
    });
}

void SandboxClientEditor::setBackchannel(const QString &clientId, const QUrl &uri, std::optional<bool> sessionRequired,
                                         QObject *context, ClientCallback done)
{
    QJsonObject body{{QStringLiteral("backchannel_logout_uri"),
                      uri.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(uri.toString())}};
    if (sessionRequired)
        body.insert(QStringLiteral("backchannel_logout_session_required"), *sessionRequired);
    HttpCall call;
    call.method = "PATCH";
    call.url = m_http->url(QStringLiteral("/admin/clients/") + QString::fromLatin1(QUrl::toPercentEncoding(clientId)));
    call.contentType = "application/json";
    call.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    const QString what = tr("the change of %1's back-channel URI").arg(clientId);
    m_http->send(call, context, [done, what](Result<HttpAnswer> a) {
        if (!a) {
            done(a.error());
            return;
        }
        if (a->status != 200) {
            done(Error{IdpHttpClient::describeStatus(*a, what), a->status});
            return;
        }
        done(parseClient(a->json().object()));
    });
}

void SandboxClientEditor::pointBack(const SandboxClientBcl &client, QObject *context, ClientCallback done)
{
    setBackchannel(client.clientId, client.defaultUri, client.defaultSessionRequired, context, std::move(done));
}

} // namespace signoff
