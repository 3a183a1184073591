#include "Settings.h"

#include "ApiClient.h"
#include "ShareFormats.h"

namespace faultshare {

using namespace std::chrono;

namespace {
constexpr int DefaultMinutes = 60;
constexpr seconds DefaultClipboardClearDelay = 30s;
constexpr int DefaultQrExportPixels = 1000;
constexpr int MaxQrExportPixels = 20000;
constexpr int DefaultNotifyLeadMinutes = 10;
// Stored as the letters operators know from QR tools.
constexpr char16_t ErrorCorrectionLetters[] = u"LMQH";
} // namespace

Settings::Settings(QSettings& store, QString profile, QObject* parent)
    : QObject(parent)
    , m_store(store)
    , m_profile(std::move(profile))
{
}

QString Settings::key(const QString& name) const
{
    return QStringLiteral("profiles/") + m_profile + QLatin1Char('/') + name;
}

void Settings::setProfile(const QString& profile)
{
    if (profile == m_profile)
        return;
    m_profile = profile;
    Q_EMIT changed(Key::Profile);
}

void Settings::update(const QString& key, const QVariant& value, const QVariant& inEffect, Key which)
{
    if (write(key, value, inEffect))
        Q_EMIT changed(which);
}

bool Settings::write(const QString& key, const QVariant& value, const QVariant& inEffect)
{
    // Compared as text: an INI file gives every value back as a string.
    if (value == inEffect && (!m_store.contains(key) || m_store.value(key).toString() == value.toString()))
        return false;
    m_store.setValue(key, value);
    return value.toString() != inEffect.toString();
}

void Settings::put(const QString& key, const QVariant& value, Key which)
{
    if (write(key, value, m_store.value(key)))
        Q_EMIT changed(which);
}

QUrl Settings::apiUrl() const
{
    const QUrl url(m_store.value(key(QStringLiteral("apiUrl"))).toString());
    return url.isValid() && !url.isEmpty() ? url : ApiClient::defaultApiUrl();
}

void Settings::setApiUrl(const QUrl& url)
{
    update(key(QStringLiteral("apiUrl")), url.toString(), apiUrl().toString(), Key::ApiUrl);
}

int Settings::defaultMinutes() const
{
    const int minutes = m_store.value(key(QStringLiteral("defaultMinutes")), DefaultMinutes).toInt();
    return minutes >= ApiClient::MinMinutes && minutes <= ApiClient::MaxMinutes ? minutes : DefaultMinutes;
}

void Settings::setDefaultMinutes(int minutes)
{
    update(key(QStringLiteral("defaultMinutes")), minutes, defaultMinutes(), Key::DefaultMinutes);
}

std::optional<bool> Settings::keyStored() const
{
    const QVariant stored = m_store.value(key(QStringLiteral("keyStored")));
    if (!stored.isValid())
        return std::nullopt;
    return stored.toBool();
}

void Settings::setKeyStored(std::optional<bool> stored)
{
    // The user's own file only: a managed default cannot know what this keychain holds.
    if (stored == keyStored())
        return;
    if (stored)
        m_store.setValue(key(QStringLiteral("keyStored")), *stored);
    else
        m_store.remove(key(QStringLiteral("keyStored")));
    Q_EMIT changed(Key::KeyStored);
}

QString Settings::caFile() const
{
    return m_store.value(key(QStringLiteral("caFile"))).toString();
}

void Settings::setCaFile(const QString& path)
{
    update(key(QStringLiteral("caFile")), path, caFile(), Key::CaFile);
}

std::optional<seconds> Settings::renewBefore() const
{
    const QVariant value = m_store.value(key(QStringLiteral("renewBeforeSeconds")));
    bool ok = false;
    const qint64 stored = value.toLongLong(&ok);
    // At most the longest lifetime the API gives.
    if (!ok || stored < 1 || stored >= qint64(ApiClient::MaxMinutes) * 60)
        return std::nullopt;
    return seconds(stored);
}

void Settings::setRenewBefore(seconds renewBefore)
{
    put(key(QStringLiteral("renewBeforeSeconds")), qint64(renewBefore.count()), Key::RenewBefore);
}

ProxySettings Settings::proxy() const
{
    ProxySettings proxy;
    proxy.mode = ProxySettings::modeFromName(m_store.value(key(QStringLiteral("proxyMode"))).toString())
                     .value_or(ProxySettings::Mode::System);
    proxy.host = m_store.value(key(QStringLiteral("proxyHost"))).toString();
    proxy.port = m_store.value(key(QStringLiteral("proxyPort")), 0).toInt();
    proxy.user = m_store.value(key(QStringLiteral("proxyUser"))).toString();
    return proxy;
}

void Settings::setProxy(const ProxySettings& proxy)
{
    const ProxySettings current = this->proxy();
    // Each part is written (or not) on its own; one signal for the whole proxy.
    const bool changedMode = write(key(QStringLiteral("proxyMode")), ProxySettings::modeName(proxy.mode),
                                   ProxySettings::modeName(current.mode));
    const bool changedHost = write(key(QStringLiteral("proxyHost")), proxy.host, current.host);
    const bool changedPort = write(key(QStringLiteral("proxyPort")), proxy.port, current.port);
    const bool changedUser = write(key(QStringLiteral("proxyUser")), proxy.user, current.user);
    if (changedMode || changedHost || changedPort || changedUser)
        Q_EMIT changed(Key::Proxy);
}

seconds Settings::clipboardClearDelay() const
{
    const qint64 value = m_store.value(QStringLiteral("clipboard/clearDelaySeconds"),
                                       qint64(DefaultClipboardClearDelay.count())).toLongLong();
    return value >= 1 && value <= 3600 ? seconds(value) : DefaultClipboardClearDelay;
}

void Settings::setClipboardClearDelay(seconds delay)
{
    update(QStringLiteral("clipboard/clearDelaySeconds"), qint64(delay.count()), qint64(clipboardClearDelay().count()), Key::ClipboardClearDelay);
}

QByteArray Settings::windowGeometry() const
{
    return m_store.value(QStringLiteral("window/geometry")).toByteArray();
}

void Settings::setWindowGeometry(const QByteArray& geometry)
{
    put(QStringLiteral("window/geometry"), geometry, Key::WindowGeometry);
}

QString Settings::presentScreen() const
{
    return m_store.value(QStringLiteral("present/screen")).toString();
}

void Settings::setPresentScreen(const QString& screenName)
{
    put(QStringLiteral("present/screen"), screenName, Key::PresentScreen);
}

bool Settings::presentInWindow() const
{
    return m_store.value(QStringLiteral("present/inWindow"), false).toBool();
}

void Settings::setPresentInWindow(bool inWindow)
{
    put(QStringLiteral("present/inWindow"), inWindow, Key::PresentScreen);
}

bool Settings::notifyEnabled() const
{
    return m_store.value(QStringLiteral("notify/enabled"), true).toBool();
}

void Settings::setNotifyEnabled(bool enabled)
{
    update(QStringLiteral("notify/enabled"), enabled, notifyEnabled(), Key::Notify);
}

int Settings::notifyLeadMinutes() const
{
    const int minutes = m_store.value(QStringLiteral("notify/leadMinutes"), DefaultNotifyLeadMinutes).toInt();
    return minutes >= 0 && minutes <= MaxNotifyLeadMinutes ? minutes : DefaultNotifyLeadMinutes;
}

void Settings::setNotifyLeadMinutes(int minutes)
{
    update(QStringLiteral("notify/leadMinutes"), minutes, notifyLeadMinutes(), Key::Notify);
}

QrCode::ErrorCorrection Settings::qrErrorCorrection() const
{
    const QString letter = m_store.value(QStringLiteral("qr/errorCorrection")).toString();
    const qsizetype index = letter.size() == 1 ? QStringView(ErrorCorrectionLetters).indexOf(letter.at(0)) : -1;
    return index >= 0 ? QrCode::ErrorCorrection(int(index)) : QrCode::ErrorCorrection::Medium;
}

void Settings::setQrErrorCorrection(QrCode::ErrorCorrection level)
{
    put(QStringLiteral("qr/errorCorrection"), QString(QChar(ErrorCorrectionLetters[int(level)])), Key::QrErrorCorrection);
}

int Settings::qrExportPixels() const
{
    const int pixels = m_store.value(QStringLiteral("qr/exportPixels"), DefaultQrExportPixels).toInt();
    return pixels >= 1 && pixels <= MaxQrExportPixels ? pixels : DefaultQrExportPixels;
}

void Settings::setQrExportPixels(int pixels)
{
    put(QStringLiteral("qr/exportPixels"), pixels, Key::QrExportPixels);
}

QSize Settings::iframeSize() const
{
    const auto side = [this](const QString& name, int fallback) {
        const int value = m_store.value(name, fallback).toInt();
        return value >= ShareFormats::MinIframeSide && value <= ShareFormats::MaxIframeSide ? value : fallback;
    };
    return {side(QStringLiteral("share/iframeWidth"), ShareFormats::DefaultIframeWidth),
            side(QStringLiteral("share/iframeHeight"), ShareFormats::DefaultIframeHeight)};
}

void Settings::setIframeSize(const QSize& size)
{
    const bool changedWidth = write(QStringLiteral("share/iframeWidth"), size.width(), m_store.value(QStringLiteral("share/iframeWidth")));
    const bool changedHeight = write(QStringLiteral("share/iframeHeight"), size.height(), m_store.value(QStringLiteral("share/iframeHeight")));
    if (changedWidth || changedHeight)
        Q_EMIT changed(Key::IframeSize);
}

QString Settings::lastProfile() const
{
    const QString profile = m_store.value(QStringLiteral("app/lastProfile")).toString();
    return profile.isEmpty() ? defaultProfile() : profile;
}

void Settings::setLastProfile(const QString& profile)
{
    put(QStringLiteral("app/lastProfile"), profile, Key::LastProfile);
}

int Settings::historyPurgeDays() const
{
    const int days = m_store.value(QStringLiteral("history/purgeDays"), DefaultHistoryPurgeDays).toInt();
    return days >= 0 && days <= MaxHistoryPurgeDays ? days : DefaultHistoryPurgeDays;
}

void Settings::setHistoryPurgeDays(int days)
{
    update(QStringLiteral("history/purgeDays"), days, historyPurgeDays(), Key::HistoryPurgeDays);
}

} // namespace faultshare
