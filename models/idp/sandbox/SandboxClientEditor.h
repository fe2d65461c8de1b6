#pragma once

#include "core/Result.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>
#include <optional>

namespace signoff {

class IdpHttpClient;

// One sandbox RP's back-channel settings, now and as the sandbox started with them.
struct SandboxClientBcl
{
    QString clientId;
    QString name;
    QUrl uri; // empty: none
    bool sessionRequired = false;
    QUrl defaultUri;
    bool defaultSessionRequired = false;
    bool demo = false;

    bool isDefault() const { return uri == defaultUri && sessionRequired == defaultSessionRequired; }
};

// Points a sandbox RP's back-channel URI somewhere else at run time and back again
// (PATCH /admin/clients/{id}, sandbox/README.md), through the sandbox connector's HTTP client so
// the admin token and the profile's TLS rules are the connector's.
class SandboxClientEditor : public QObject
{
    Q_OBJECT
public:
    using ClientsCallback = std::function<void(Result<QList<SandboxClientBcl>>)>;
    using ClientCallback = std::function<void(Result<SandboxClientBcl>)>;

    // http must outlive this editor.
    explicit SandboxClientEditor(IdpHttpClient *http, QObject *parent = nullptr);

    void clients(QObject *context, ClientsCallback done);
    // uri empty: the RP registers none (its deliveries are then skipped).
    void setBackchannel(const QString &clientId, const QUrl &uri, std::optional<bool> sessionRequired, QObject *context,
                        ClientCallback done);
    // Back to what the sandbox started with.
    void pointBack(const SandboxClientBcl &client, QObject *context, ClientCallback done);

    static Result<SandboxClientBcl> parseClient(const QJsonObject &object);

private:
    IdpHttpClient *m_http;
};

} // namespace signoff
