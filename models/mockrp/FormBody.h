#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QList>
#include <QPair>

#include <optional>

namespace signoff::mockrp {

using FormFields = QList<QPair<QByteArray, QByteArray>>;

// application/x-www-form-urlencoded (WHATWG URL §5.1): fields split on '&', name and value on
// the first '=', '+' is a space, %XX decoded. A broken %-escape is an error rather than kept
// literally: a logout token never contains one, so it signals a mangled request.
Result<FormFields> parseFormBody(QByteArrayView body);
// Percent-decodes one component ('+' as space); nullopt on a malformed escape.
std::optional<QByteArray> formDecode(QByteArrayView text);

// application/x-www-form-urlencoded with optional parameters ("; charset=UTF-8").
bool isFormContentType(QByteArrayView contentType);

} // namespace signoff::mockrp
