#pragma once

#include "store/Profile.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QDialogButtonBox;

namespace signoff {

class ProfileService;

// Adds or edits a profile through ProfileService (which writes the secret to the keychain before
// the profile); on any failure the dialog stays open with the message, so nothing typed is lost.
class ProfileDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Mode
    {
        Add,
        Edit
    };

    ProfileDialog(Mode mode, const Profile &profile, ProfileService *service, QWidget *parent = nullptr);

    Profile profile() const; // what the form holds now
    QString savedId() const { return m_savedId; }

private:
    void onKindChanged();
    void submit();
    void showIssues(const QStringList &messages, const QString &firstField = {});
    void setBusy(bool busy, const QString &text = {});

    Mode m_mode;
    Profile m_original;
    ProfileService *m_service;
    QString m_savedId;

    QLineEdit *m_name;
    QComboBox *m_kind;
    QLineEdit *m_url;
    QLineEdit *m_realm;
    QLabel *m_realmLabel;
    QComboBox *m_auth;
    QLineEdit *m_clientId;
    QLineEdit *m_username;
    QLineEdit *m_secret;
    QLineEdit *m_caFile;
    QLineEdit *m_pin;
    QLabel *m_errors;
    QDialogButtonBox *m_buttons;
};

} // namespace signoff
