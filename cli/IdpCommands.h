#pragma once

#include "CliCommand.h"

#include <memory>

namespace signoff {
class IdpConnector;
}

namespace signoff::cli {

// signoffctl rps --profile NAME: every relying party with its back-channel settings and lint.
class RpsCommand : public CliCommand
{
public:
    RpsCommand();
    ~RpsCommand() override;
    QString name() const override { return QStringLiteral("rps"); }
    QString summary() const override;
    void setup(QCommandLineParser &parser) override;
    std::optional<int> run(CliContext &ctx, const QCommandLineParser &parser) override;

private:
    std::unique_ptr<IdpConnector> m_connector;
};

// signoffctl sessions --profile NAME [--rp ID] [--user U] [--limit N]: active sessions, page by page.
class SessionsCommand : public CliCommand
{
public:
    SessionsCommand();
    ~SessionsCommand() override;
    QString name() const override { return QStringLiteral("sessions"); }
    QString summary() const override;
    void setup(QCommandLineParser &parser) override;
    std::optional<int> run(CliContext &ctx, const QCommandLineParser &parser) override;

private:
    std::unique_ptr<IdpConnector> m_connector;
};

} // namespace signoff::cli
