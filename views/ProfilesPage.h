#pragma once

#include "services/AppContext.h"

#include <QWidget>

#include <functional>
#include <memory>

class QTableView;
class QPushButton;
class QLabel;

namespace signoff {

struct AppContext;
class ProfileStore;
class ProfileService;
class ProfileListModel;
class ProfileDialog;
class IdpConnector;
class SandboxPanel;

class ProfilesPage : public QWidget
{
    Q_OBJECT
public:
    explicit ProfilesPage(const AppContext &app, QWidget *parent = nullptr);
    ~ProfilesPage() override;
    SandboxPanel *sandboxPanel() const { return m_sandboxPanel; }

    QString currentId() const;
    // The dialog that is open now, if any (tests answer it through this hook).
    ProfileDialog *openDialog() const { return m_dialog; }
    // Asks yes/no before destructive actions; tests replace it instead of clicking a modal box.
    using Confirmer = std::function<bool(const QString &title, const QString &text)>;
    void setConfirmer(Confirmer confirmer) { m_confirm = std::move(confirmer); }

public slots:
    void addProfile();
    void editProfile();
    void duplicateProfile();
    void removeProfile();
    void testConnection();
    void activateProfile();

signals:
    void activateRequested(const QString &id);
    void message(const QString &text);

private:
    void updateButtons();
    void select(const QString &id);
    void showDialog(ProfileDialog *dialog);

    AppContext m_app;
    ProfileStore *m_store;
    ProfileService *m_service;
    std::unique_ptr<IdpConnector> m_testConnector;
    ProfileListModel *m_model;
    QTableView *m_table;
    QPushButton *m_add, *m_edit, *m_duplicate, *m_remove, *m_test, *m_use;
    QLabel *m_result;
    SandboxPanel *m_sandboxPanel;
    ProfileDialog *m_dialog = nullptr;
    Confirmer m_confirm;
};

} // namespace signoff
