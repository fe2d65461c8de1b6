#pragma once

// Test-time token minting with npm `jose` (tests/fixtures/node/mint.mjs): tokens come from an
// implementation independent of ours. Shared by the jose and mockrp suites.

#include <QByteArray>
#include <QDir>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QString>

#include <optional>

namespace signoff::test {

inline QString sourceDir()
{
    const QByteArray env = qgetenv("SIGNOFF_SOURCE_DIR");
    return env.isEmpty() ? QDir::currentPath() : QString::fromLocal8Bit(env);
}

inline QString nodeFixtureDir()
{
    return sourceDir() + QStringLiteral("/tests/fixtures/node");
}

inline QString nodeProgram()
{
    const QString found = QStandardPaths::findExecutable(QStringLiteral("node"));
    return found.isEmpty() ? QStringLiteral("/usr/bin/node") : found;
}

struct Minted
{
    QByteArray jwks; // {"keys":[...]} as published
    QJsonObject jwk; // id -> public JWK
    QJsonObject pem; // id -> SPKI PEM
    QHash<QString, QByteArray> tokens;
    QString error;
    bool ok() const { return error.isEmpty(); }
};

inline QJsonObject mintKey(const QString &id, const QString &alg, const QString &kid, const QString &crv = {})
{
    QJsonObject k{{QStringLiteral("id"), id}, {QStringLiteral("alg"), alg}};
    if (!kid.isEmpty())
        k.insert(QStringLiteral("kid"), kid);
    if (!crv.isEmpty())
        k.insert(QStringLiteral("crv"), crv);
    return k;
}

inline QJsonObject mintSecret(const QString &id, const QString &alg, const QString &secret)
{
    return {{QStringLiteral("id"), id}, {QStringLiteral("alg"), alg}, {QStringLiteral("secret"), secret}};
}

inline QJsonObject mintToken(const QString &id, const QString &key, const QJsonObject &header,
                             const QJsonObject &claims)
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("key"), key},
            {QStringLiteral("header"), header},
            {QStringLiteral("claims"), claims}};
}

// The payload as exact bytes (duplicate members, odd numbers, not-an-object, ...).
inline QJsonObject mintRawToken(const QString &id, const QString &key, const QJsonObject &header,
                                const QString &payload)
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("key"), key},
            {QStringLiteral("header"), header},
            {QStringLiteral("payload"), payload}};
}

inline Minted mint(const QJsonArray &keys, const QJsonArray &tokens)
{
    Minted m;
    const QString dir = nodeFixtureDir();
    if (!QDir(dir + QStringLiteral("/node_modules/jose")).exists()) {
        m.error = QStringLiteral("npm jose is not installed in %1: run scripts/install-deps").arg(dir);
        return m;
    }
    QProcess node;
    node.setWorkingDirectory(dir);
    node.start(nodeProgram(), {dir + QStringLiteral("/mint.mjs")});
    if (!node.waitForStarted(30000)) {
        m.error = QStringLiteral("cannot start node: ") + node.errorString();
        return m;
    }
    const QJsonObject input{{QStringLiteral("keys"), keys}, {QStringLiteral("tokens"), tokens}};
    node.write(QJsonDocument(input).toJson(QJsonDocument::Compact));
    node.closeWriteChannel();
    if (!node.waitForFinished(60000) || node.exitCode() != 0) {
        m.error = QStringLiteral("mint.mjs failed: ") + QString::fromUtf8(node.readAllStandardError());
        return m;
    }
    const QJsonObject out = QJsonDocument::fromJson(node.readAllStandardOutput()).object();
    m.jwks = QJsonDocument(out.value(QStringLiteral("jwks")).toObject()).toJson(QJsonDocument::Compact);
    m.jwk = out.value(QStringLiteral("jwk")).toObject();
    m.pem = out.value(QStringLiteral("pem")).toObject();
    const QJsonObject t = out.value(QStringLiteral("tokens")).toObject();
    for (auto it = t.begin(); it != t.end(); ++it)
        m.tokens.insert(it.key(), it.value().toString().toLatin1());
    return m;
}

} // namespace signoff::test
