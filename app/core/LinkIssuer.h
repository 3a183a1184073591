#pragma once

#include "ApiError.h"
#include "EmbedToken.h"
#include "HistoryFile.h"

#include <QObject>
#include <QPointer>
#include <QString>

namespace faultshare {

class ApiClient;
class History;
class TokenRequest;

// Issues links: asks the API for a token (POST /fault/token) and keeps what it answers in
// the history, so that a link is never shown or printed without being kept. The window
// (through LinkSession) and `faultshare generate` issue every link here.
class LinkIssuer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LinkIssuer)

public:
    // history may be null (--no-history); client and history outlive this object.
    LinkIssuer(ApiClient& client, History* history, QObject* parent = nullptr);
    ~LinkIssuer() override;

    void setHistory(History* history) { m_history = history; }
    History* history() const { return m_history; }

    // Asks for a link valid for minutes; label, profile and the rotation that asks (if
    // one does) are kept with it. Ends in issued() or failed(), always after this call
    // has returned. Not while busy.
    void issue(int minutes, const QString& label, const QString& profile, const RotationMark& rotation = {});
    bool isBusy() const { return m_request != nullptr; }
    // Stops the request in flight: failed(Cancelled) at once, and nothing of it after.
    void cancel();

Q_SIGNALS:
    // historyId: the new history row (its secret is being written: History::kept or
    // keepFailed follows), empty without a history.
    void issued(const EmbedToken& token, const QString& label, const QString& historyId);
    void failed(const ApiError& error);

private:
    ApiClient& m_client;
    History* m_history;
    QPointer<TokenRequest> m_request;
};

} // namespace faultshare
