#include "Settings.h"

#include "ApiClient.h"

using namespace std::chrono;

namespace {
constexpr int DefaultMinutes = 60;
constexpr seconds DefaultClipboardClearDelay = 30s;
} // namespace

Settings::Settings(QSettings& store, QString profile)
    : m_store(store)
    , m_profile(std::move(profile))
{
}

QString Settings::key(const QString& name) const
{
    return QStringLiteral("profiles/") + m_profile + QLatin1Char('/') + name;
}

QUrl Settings::apiUrl() const
{
    const QUrl url(m_store.value(key(QStringLiteral("apiUrl"))).toString());
    return url.isValid() && !url.isEmpty() ? url : ApiClient::defaultApiUrl();
}

void Settings::setApiUrl(const QUrl& url)
{
    m_store.setValue(key(QStringLiteral("apiUrl")), url.toString());
}

int Settings::defaultMinutes() const
{
    const int minutes = m_store.value(key(QStringLiteral("defaultMinutes")), DefaultMinutes).toInt();
    return minutes >= ApiClient::MinMinutes && minutes <= ApiClient::MaxMinutes ? minutes : DefaultMinutes;
}

void Settings::setDefaultMinutes(int minutes)
{
    m_store.setValue(key(QStringLiteral("defaultMinutes")), minutes);
}

QString Settings::caFile() const
{
    return m_store.value(key(QStringLiteral("caFile"))).toString();
}

void Settings::setCaFile(const QString& path)
{
    m_store.setValue(key(QStringLiteral("caFile")), path);
}

seconds Settings::clipboardClearDelay() const
{
    const qint64 value = m_store.value(QStringLiteral("clipboard/clearDelaySeconds"),
                                       qint64(DefaultClipboardClearDelay.count())).toLongLong();
    return value >= 1 && value <= 3600 ? seconds(value) : DefaultClipboardClearDelay;
}

void Settings::setClipboardClearDelay(seconds delay)
{
    m_store.setValue(QStringLiteral("clipboard/clearDelaySeconds"), qint64(delay.count()));
}

QByteArray Settings::windowGeometry() const
{
    return m_store.value(QStringLiteral("window/geometry")).toByteArray();
}

void Settings::setWindowGeometry(const QByteArray& geometry)
{
    m_store.setValue(QStringLiteral("window/geometry"), geometry);
}
