#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace signoff {

// A failure said in one sentence with a Retry button, above whatever it failed to load.
class ErrorBanner : public QFrame
{
    Q_OBJECT
public:
    explicit ErrorBanner(QWidget *parent = nullptr);
    void showError(const QString &text);
    QString text() const;

signals:
    void retryRequested();

private:
    QLabel *m_text;
    QPushButton *m_retry;
};

} // namespace signoff
