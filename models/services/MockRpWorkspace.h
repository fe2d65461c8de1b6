#pragma once

#include "MockRpService.h"

#include <QObject>

namespace signoff::services {

// The console's set of mock RPs (the Mock RPs page): several MockRpService instances, each with a
// name, started, stopped and reconfigured independently. Every request any of them answers is
// announced once, for the page, the history and the live logout runs.
class MockRpWorkspace : public QObject
{
    Q_OBJECT
public:
    explicit MockRpWorkspace(QNetworkAccessManager *nam, const Clock *clock = Clock::system(),
                             QObject *parent = nullptr);
    ~MockRpWorkspace() override;

    int count() const;
    MockRpService *at(int index) const;
    QString name(int index) const;
    // Adds a stopped mock RP with config; returns its index.
    int add(const QString &name, const MockRpConfig &config);
    void remove(int index);

signals:
    void changed(); // added, removed, started, stopped
    // index: the mock RP that answered it.
    void requestRecorded(int index, const signoff::mockrp::RequestRecord &record);
};

} // namespace signoff::services
