#pragma once

#include <QWidget>

class QPlainTextEdit;
class QPushButton;
class QTextBrowser;

namespace signoff {

namespace mockrp {
struct RequestRecord;
}

// One received request in full: the decoded header and claims, every rule's verdict with its
// reason code, the relay's outcome, and the raw token to copy.
class MockRequestDetails : public QWidget
{
    Q_OBJECT
public:
    explicit MockRequestDetails(QWidget *parent = nullptr);

    void showRecord(const QString &mockRp, const mockrp::RequestRecord &record);
    void clear();
    void showUnavailable(const QString &why);
    QString text() const; // what the details say, as plain text (tests, accessibility)
    QString token() const;

private:
    QTextBrowser *m_details;
    QPlainTextEdit *m_token;
    QPushButton *m_copy;
};

} // namespace signoff
