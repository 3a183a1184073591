#include "LinkIssuer.h"

#include "ApiClient.h"
#include "History.h"
#include "Logging.h"

namespace faultshare {

LinkIssuer::LinkIssuer(ApiClient& client, History* history, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_history(history)
{
}

LinkIssuer::~LinkIssuer() = default;

void LinkIssuer::issue(int minutes, const QString& label, const QString& profile, const RotationMark& rotation)
{
    Q_ASSERT(!isBusy());
    m_request = m_client.requestToken(minutes);
    if (m_history)
        m_history->prepare();
    connect(m_request, &TokenRequest::finished, this, [this, label, profile, rotation](const EmbedToken& token) {
        m_request = nullptr;
        const QString id = m_history ? m_history->add(token, label, profile, rotation) : QString();
        qCInfo(lcApi) << "link issued, valid for" << token.expiresInMinutes() << "minutes";
        Q_EMIT issued(token, label, id);
    });
    connect(m_request, &TokenRequest::failed, this, [this](const ApiError& error) {
        m_request = nullptr;
        Q_EMIT failed(error);
    });
}

void LinkIssuer::cancel()
{
    if (!m_request)
        return;
    // Whatever the request still reports is no longer anyone's.
    TokenRequest* request = m_request;
    m_request = nullptr;
    request->disconnect(this);
    request->cancel();
    Q_EMIT failed(ApiError(ApiError::Kind::Cancelled));
}

} // namespace faultshare
