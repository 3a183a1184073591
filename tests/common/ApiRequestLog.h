#pragma once

// Counts the API requests ApiClient starts in this process while it lives, from their
// faultshare.api log lines ("requesting a token ...", "requesting a link preview ...").
// A request is counted when it is made, before anything reaches a socket: so a count
// taken right after an action proves that the action sent nothing, where a server's count
// only shows that nothing has arrived yet.

#include <QLoggingCategory>
#include <QString>
#include <QtGlobal>

namespace TestSupport {

class ApiRequestLog final
{
public:
    ApiRequestLog()
    {
        s_current = this;
        QLoggingCategory::setFilterRules(QStringLiteral("faultshare.api.info=true"));
        m_previous = qInstallMessageHandler(&ApiRequestLog::handle);
    }
    ~ApiRequestLog()
    {
        qInstallMessageHandler(m_previous);
        QLoggingCategory::setFilterRules(QString());
        s_current = nullptr;
    }
    Q_DISABLE_COPY_MOVE(ApiRequestLog)

    qsizetype count() const { return m_started; }

private:
    static void handle(QtMsgType type, const QMessageLogContext& context, const QString& message)
    {
        if (s_current && qstrcmp(context.category, "faultshare.api") == 0 && message.startsWith(QStringLiteral("requesting ")))
            ++s_current->m_started;
        if (s_current && s_current->m_previous && type != QtInfoMsg)
            s_current->m_previous(type, context, message);
    }

    static inline ApiRequestLog* s_current = nullptr;
    QtMessageHandler m_previous = nullptr;
    qsizetype m_started = 0;
};

} // namespace TestSupport
