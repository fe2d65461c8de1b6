#pragma once

#include "CliCommand.h"
#include "core/Result.h"
#include "jose/LogoutTokenValidator.h"

#include <QUrl>

namespace signoff::cli {

// Validation options shared by `mock-rp` and `inspect`, declared and read in one place so the
// two commands cannot drift apart.
struct TokenCliOptions
{
    jose::ValidatorConfig validator;
    QUrl jwksUri;
    QUrl discoveryUrl;

    static void declare(QCommandLineParser &parser);
    static Result<TokenCliOptions> read(const QCommandLineParser &parser);
};

// "https://..." stays a URL; a plain path becomes a file: URL.
QUrl urlOrFile(const QString &text);

} // namespace signoff::cli
