#pragma once

#include "core/Result.h"

#include <QByteArrayView>
#include <QJsonObject>
#include <QJsonValue>

#include <nlohmann/json.hpp>

#include <optional>

namespace signoff::jose {

// Untrusted JSON (token parts, JWKS, discovery documents) goes through here: exceptions off,
// nesting depth and size bounded, duplicate member names refused (RFC 7515 §5.2 lets us, and
// it closes the door on two parsers reading different claims from one token).
struct JsonLimits
{
    int maxDepth = 20;
    qsizetype maxBytes = 1024 * 1024;
};

Result<nlohmann::json> parseJson(QByteArrayView text, JsonLimits limits = {});
// Same, but the top level must be an object.
Result<nlohmann::json> parseJsonObject(QByteArrayView text, JsonLimits limits = {});

// Accessors that never throw: wrong type or absence give nullopt.
std::optional<QString> stringMember(const nlohmann::json &obj, const char *name);
// The member's UTF-8 text in place (no copy); null when absent or not a string.
const std::string *stringRef(const nlohmann::json &obj, const char *name);
QString toQString(const std::string &s);

// A JWT NumericDate (RFC 7519 §2): integer or finite fractional seconds, within year 0..9999.
enum class NumericDateError
{
    None,
    Missing,
    NotANumber,
    OutOfRange
};
struct NumericDate
{
    qint64 secs = 0;
    NumericDateError error = NumericDateError::None;
};
NumericDate numericDateMember(const nlohmann::json &obj, const char *name);

// For display and --json output; numbers keep their JSON spelling as far as QJson allows.
QJsonValue toQJson(const nlohmann::json &value);
QJsonObject toQJsonObject(const nlohmann::json &value);

} // namespace signoff::jose
