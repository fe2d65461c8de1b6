#pragma once

#include "services/AppContext.h"
#include "services/MockRpService.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;
class QTableView;

namespace signoff {

class DemoRpPanel;
class MockRequestDetails;
class MockRequestModel;
class MockRpForm;

// The console's mock RPs (one MockRpWorkspace, the engine `signoffctl mock-rp` runs): add, remove,
// configure, start and stop them; every request they receive with its verdicts, live; and, on the
// sandbox, point a demo RP at one of them and back.
class MockRpsPage : public QWidget
{
    Q_OBJECT
public:
    explicit MockRpsPage(const AppContext &app, QWidget *parent = nullptr);
    ~MockRpsPage() override;

    MockRequestModel *requests() const { return m_requests; }
    int currentMockRp() const;
    void setCurrentMockRp(int index);

public slots:
    void addMockRp();
    void removeMockRp();
    // Applies the form and starts the selected mock RP, or stops it when it runs.
    void toggleRunning();
    // Saves the form into the selected mock RP; a running one restarts with it.
    bool applyForm();

private:
    QWidget *buildTop();
    QWidget *buildRequests();
    services::MockRpConfig defaultConfig() const;
    void showMockRps();
    void showCurrent();
    void showEndpoint();
    void showDetails();
    void updateCount();

    AppContext m_app;
    MockRequestModel *m_requests;
    QListWidget *m_list = nullptr;
    MockRpForm *m_form = nullptr;
    QPushButton *m_apply = nullptr;
    QPushButton *m_start = nullptr;
    QPushButton *m_remove = nullptr;
    DemoRpPanel *m_demo = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_count = nullptr;
    MockRequestDetails *m_details = nullptr;
};

} // namespace signoff
