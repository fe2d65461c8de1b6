#pragma once

#include <QString>
#include <QStringList>

class QCoreApplication;

namespace signoff {

// Languages with a translation shipped in the binary (":/i18n/signoff_<code>.qm").
QStringList availableLanguages();          // "en", "de", "zh_CN"
QString languageName(const QString &code); // native name, e.g. "Deutsch"

// Loads Signoff's and Qt's translators for `code`, or for the system locale when empty.
// Returns the language actually in use ("en" when nothing matched).
QString installTranslators(QCoreApplication &app, const QString &code);

} // namespace signoff
