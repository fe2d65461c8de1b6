#pragma once

#include <QDialog>

class QComboBox;
class QSpinBox;
class QSettings;

namespace signoff {

// Application preferences. The language applies at the next start: every page builds its
// text once, and a restart is the honest way to switch all of it.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    SettingsDialog(QSettings *settings, QWidget *parent = nullptr);

    static QString languageKey() { return QStringLiteral("ui/language"); }

private:
    void save();

    QSettings *m_settings;
    QComboBox *m_language;
    QComboBox *m_appearance;
    QSpinBox *m_retentionDays;
};

} // namespace signoff
