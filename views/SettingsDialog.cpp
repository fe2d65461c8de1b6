#include "SettingsDialog.h"

#include "Theme.h"
#include "core/Translations.h"
#include "services/HistoryRetention.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QSettings>
#include <QSpinBox>

namespace signoff {

SettingsDialog::SettingsDialog(QSettings *settings, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
{
    setWindowTitle(tr("Settings"));
    setObjectName(QStringLiteral("settingsDialog"));
    auto *form = new QFormLayout(this);
    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("languageCombo"));
    m_language->addItem(tr("System default"), QString());
    for (const QString &code : availableLanguages())
        m_language->addItem(languageName(code), code);
    const int current = m_language->findData(m_settings->value(languageKey()).toString());
    m_language->setCurrentIndex(current < 0 ? 0 : current);
    form->addRow(tr("&Language:"), m_language);
    m_appearance = new QComboBox(this);
    m_appearance->setObjectName(QStringLiteral("appearanceCombo"));
    m_appearance->addItem(tr("Desktop default"), QString());
    m_appearance->addItem(tr("Light"), QStringLiteral("light"));
    m_appearance->addItem(tr("Dark"), QStringLiteral("dark"));
    const int look = m_appearance->findData(m_settings->value(appearanceKey()).toString());
    m_appearance->setCurrentIndex(look < 0 ? 0 : look);
    form->addRow(tr("&Appearance:"), m_appearance);
    m_retentionDays = new QSpinBox(this);
    m_retentionDays->setObjectName(QStringLiteral("retentionDaysSpin"));
    m_retentionDays->setRange(0, 36500);
    m_retentionDays->setSuffix(tr(" days"));
    m_retentionDays->setSpecialValueText(tr("Forever"));
    m_retentionDays->setValue(HistoryRetention::days(m_settings));
    form->addRow(tr("&Keep history for:"), m_retentionDays);
    auto *note = new QLabel(tr("A new language or appearance applies the next time Signoff starts."), this);
    note->setWordWrap(true);
    form->addRow(note);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        save();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
}

void SettingsDialog::save()
{
    m_settings->setValue(languageKey(), m_language->currentData().toString());
    m_settings->setValue(appearanceKey(), m_appearance->currentData().toString());
    m_settings->setValue(HistoryRetention::daysKey(), m_retentionDays->value());
    m_settings->sync();
}

} // namespace signoff
