#include "Profiles.h"

#include "Origin.h"

#include "ApiClient.h"
#include "Settings.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QSet>
#include <QSettings>

#include <algorithm>
#include <cmath>
#include <optional>
#include <vector>

namespace faultshare {

namespace {

const QString Group = QStringLiteral("profiles");
const QString Format = QStringLiteral("faultshare-profiles");
constexpr int Version = 1;

const QString NameMember = QStringLiteral("name");
const QString ApiUrlMember = QStringLiteral("api_url");
const QString MinutesMember = QStringLiteral("default_minutes");
const QString CaFileMember = QStringLiteral("ca_file");
// The proxy without its password, which stays in the keychain (CredentialStore::proxyEntry).
const QString ProxyModeMember = QStringLiteral("proxy_mode");
const QString ProxyHostMember = QStringLiteral("proxy_host");
const QString ProxyPortMember = QStringLiteral("proxy_port");
const QString ProxyUserMember = QStringLiteral("proxy_user");

QString tr(const char* text)
{
    return QCoreApplication::translate("Profiles", text);
}

// "api_key", "apiKey", "access-token", "Password", ...: anything whose name says it holds
// a secret. Such a member is refused wherever it is, so an export edited by hand (or a
// file from elsewhere) cannot smuggle a key into settings.
bool looksSecret(const QString& member)
{
    QString normalized = member.toLower();
    normalized.remove(QLatin1Char('_'));
    normalized.remove(QLatin1Char('-'));
    normalized.remove(QLatin1Char(' '));
    static const QStringList words{QStringLiteral("key"), QStringLiteral("token"), QStringLiteral("secret"),
                                   QStringLiteral("password"), QStringLiteral("passwd")};
    return std::any_of(words.cbegin(), words.cend(),
                       [&normalized](const QString& word) { return normalized.endsWith(word); });
}

// The first secret-looking member name anywhere below value, or nothing.
std::optional<QString> findSecretMember(const QJsonValue& value)
{
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (looksSecret(it.key()))
                return it.key();
            if (auto found = findSecretMember(it.value()))
                return found;
        }
    } else if (value.isArray()) {
        for (const QJsonValue& item : value.toArray()) {
            if (auto found = findSecretMember(item))
                return found;
        }
    }
    return std::nullopt;
}

// "The API URL must ..." -> "the API URL must ...", to follow a colon in one sentence.
QString lowerFirst(QString text)
{
    if (!text.isEmpty())
        text[0] = text.at(0).toLower();
    return text;
}

struct Entry
{
    QString name;
    QUrl apiUrl;
    int minutes = 0;
    QString caFile;
    ProxySettings proxy;
};

} // namespace

Profiles::Profiles(QSettings& store)
    : m_store(store)
{
}

QStringList Profiles::names() const
{
    m_store.beginGroup(Group);
    QStringList groups = m_store.childGroups();
    m_store.endGroup();
    groups.removeAll(Settings::defaultProfile());
    groups.erase(std::remove_if(groups.begin(), groups.end(),
                                [](const QString& name) { return !checkName(name).isEmpty(); }),
                 groups.end());
    std::sort(groups.begin(), groups.end(), [](const QString& a, const QString& b) {
        const int order = a.compare(b, Qt::CaseInsensitive);
        return order != 0 ? order < 0 : a < b;
    });
    groups.prepend(Settings::defaultProfile());
    return groups;
}

bool Profiles::contains(const QString& name) const
{
    if (name == Settings::defaultProfile())
        return true;
    if (!checkName(name).isEmpty())
        return false;
    m_store.beginGroup(Group);
    const bool found = m_store.childGroups().contains(name);
    m_store.endGroup();
    return found;
}

QString Profiles::checkName(const QString& name)
{
    if (name.isEmpty())
        return tr("is empty");
    if (name.size() > MaxNameLength)
        return tr("is longer than %1 characters").arg(MaxNameLength);
    if (name.contains(QLatin1Char('/')))
        return tr("contains \"/\"");
    if (name.contains(QLatin1Char('\\')))
        return tr("contains \"\\\"");
    for (const QChar c : name) {
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format
            || c == QChar::LineSeparator || c == QChar::ParagraphSeparator)
            return tr("contains a control character");
    }
    if (name.front().isSpace() || name.back().isSpace())
        return tr("starts or ends with a space");
    return {};
}

bool Profiles::add(const QString& name)
{
    if (!checkName(name).isEmpty() || contains(name))
        return false;
    // A profile exists as a settings group, so it must hold at least one value: the
    // defaults, written out.
    const Settings settings(m_store, name);
    m_store.setValue(Group + QLatin1Char('/') + name + QStringLiteral("/apiUrl"), settings.apiUrl().toString());
    m_store.setValue(Group + QLatin1Char('/') + name + QStringLiteral("/defaultMinutes"), settings.defaultMinutes());
    return true;
}

bool Profiles::isManaged(const QString& name) const
{
    // A store of a file of its own (tests, a path given) has no system scope.
    if (m_store.applicationName().isEmpty())
        return false;
    QSettings system(m_store.format(), QSettings::SystemScope, m_store.organizationName(), m_store.applicationName());
    system.beginGroup(Group);
    const bool found = system.childGroups().contains(name);
    system.endGroup();
    return found;
}

bool Profiles::remove(const QString& name)
{
    if (name == Settings::defaultProfile() || !contains(name) || isManaged(name))
        return false;
    m_store.remove(Group + QLatin1Char('/') + name);
    // The window starts with the last profile: not one that is gone.
    Settings settings(m_store);
    if (settings.lastProfile() == name)
        settings.setLastProfile(Settings::defaultProfile());
    return true;
}

QByteArray Profiles::exportJson(const QStringList& names) const
{
    QJsonArray profiles;
    for (const QString& name : names) {
        if (!contains(name))
            continue;
        const Settings settings(m_store, name);
        const ProxySettings proxy = settings.proxy();
        profiles.append(QJsonObject{
            {NameMember, name},
            {ApiUrlMember, settings.apiUrl().toString(QUrl::FullyEncoded)},
            {MinutesMember, settings.defaultMinutes()},
            {CaFileMember, settings.caFile()},
            {ProxyModeMember, ProxySettings::modeName(proxy.mode)},
            {ProxyHostMember, proxy.host},
            {ProxyPortMember, proxy.port},
            {ProxyUserMember, proxy.user},
        });
    }
    const QJsonObject document{
        {QStringLiteral("format"), Format},
        {QStringLiteral("version"), Version},
        {QStringLiteral("profiles"), profiles},
    };
    return QJsonDocument(document).toJson(QJsonDocument::Indented);
}

Profiles::ImportResult Profiles::importJson(const QByteArray& json, ImportMode mode)
{
    const auto fail = [](const QString& error) { return ImportResult{{}, error, {}, false}; };

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return fail(tr("The file is not a FaultShare profiles export (it is not a JSON object); choose a file "
                       "that FaultShare exported."));
    const QJsonObject root = document.object();
    if (root.value(QStringLiteral("format")) != QJsonValue(Format))
        return fail(tr("The file is not a FaultShare profiles export (its format is not \"%1\"); choose a file "
                       "that FaultShare exported.")
                        .arg(Format));
    const QJsonValue version = root.value(QStringLiteral("version"));
    if (!version.isDouble() || version.toDouble() != Version)
        return fail(tr("The file is a profiles export of an unknown version; import it with the FaultShare that "
                       "wrote it, or export again."));
    for (auto it = root.begin(); it != root.end(); ++it) {
        if (it.key() == QLatin1StringView("profiles"))
            continue;
        const auto secret = looksSecret(it.key()) ? std::optional<QString>(it.key()) : findSecretMember(it.value());
        if (secret)
            return fail(tr("The file holds \"%1\", which looks like a secret, and keys are never imported; "
                           "remove it and import again.")
                            .arg(*secret));
    }
    const QJsonValue list = root.value(QStringLiteral("profiles"));
    if (!list.isArray())
        return fail(tr("The file has no list of profiles; choose a file that FaultShare exported."));

    // Everything is checked before anything is written.
    std::vector<Entry> entries;
    QSet<QString> seen;
    const QJsonArray array = list.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonObject object = array.at(i).toObject();
        const QJsonValue nameValue = object.value(NameMember);
        if (!array.at(i).isObject() || !nameValue.isString())
            return fail(tr("Profile %1 in the file has no name; give every profile a \"name\" and import again.")
                            .arg(i + 1));
        Entry entry;
        entry.name = nameValue.toString();
        const QString nameShown = entry.name.left(MaxNameLength).simplified();
        if (const QString why = checkName(entry.name); !why.isEmpty())
            return fail(tr("Profile \"%1\" cannot be imported because its name %2.").arg(nameShown, why));
        if (seen.contains(entry.name))
            return fail(tr("Profile \"%1\" appears twice in the file; keep one and import again.").arg(entry.name));
        seen.insert(entry.name);
        if (const auto secret = findSecretMember(object))
            return fail(tr("Profile \"%1\" holds \"%2\", which looks like a secret, and keys are never imported; "
                           "remove it and import again.")
                            .arg(entry.name, *secret));

        for (auto it = object.begin(); it != object.end(); ++it) {
            if (it.key() != NameMember && it.key() != ApiUrlMember && it.key() != MinutesMember
                && it.key() != CaFileMember && it.key() != ProxyModeMember && it.key() != ProxyHostMember
                && it.key() != ProxyPortMember && it.key() != ProxyUserMember)
                return fail(tr("Profile \"%1\" has an unknown setting \"%2\"; remove it and import again.")
                                .arg(entry.name, it.key()));
        }

        const QJsonValue url = object.value(ApiUrlMember);
        if (!url.isString())
            return fail(tr("Profile \"%1\" has no API URL text (\"api_url\"); add it and import again.").arg(entry.name));
        entry.apiUrl = QUrl(url.toString(), QUrl::StrictMode);
        if (const QString why = ApiClient::checkApiUrl(entry.apiUrl); !why.isEmpty())
            return fail(tr("Profile \"%1\" cannot be imported: %2").arg(entry.name, lowerFirst(why)));

        const QJsonValue minutes = object.value(MinutesMember);
        const double value = minutes.toDouble(-1);
        if (!minutes.isDouble() || value != std::floor(value) || value < ApiClient::MinMinutes
            || value > ApiClient::MaxMinutes)
            return fail(tr("Profile \"%1\" needs \"default_minutes\" as a whole number from 1 to 43200; fix it and "
                           "import again.")
                            .arg(entry.name));
        entry.minutes = int(value);

        const QJsonValue caFile = object.value(CaFileMember);
        if (!caFile.isUndefined() && !caFile.isString())
            return fail(tr("Profile \"%1\" has a \"ca_file\" that is not a file path; fix it and import again.")
                            .arg(entry.name));
        entry.caFile = caFile.toString();

        // Files from before the proxy settings have none: the system's proxy then.
        const QJsonValue mode = object.value(ProxyModeMember);
        const std::optional<ProxySettings::Mode> proxyMode =
            mode.isUndefined() ? ProxySettings::Mode::System : ProxySettings::modeFromName(mode.toString());
        const QJsonValue proxyHost = object.value(ProxyHostMember);
        const QJsonValue proxyPort = object.value(ProxyPortMember);
        const QJsonValue proxyUser = object.value(ProxyUserMember);
        const double port = proxyPort.isUndefined() ? 0 : proxyPort.toDouble(-1);
        if (!proxyMode || (!proxyHost.isUndefined() && !proxyHost.isString())
            || (!proxyUser.isUndefined() && !proxyUser.isString()) || port != std::floor(port) || port < 0
            || port > 65535)
            return fail(QCoreApplication::translate("Profiles", "Profile \"%1\" has a proxy setting of the wrong kind (\"proxy_mode\" is system, none, "
                           "http or socks5; \"proxy_port\" a whole number up to 65535); fix it and import again.")
                            .arg(entry.name));
        entry.proxy.mode = *proxyMode;
        entry.proxy.host = proxyHost.toString();
        entry.proxy.port = int(port);
        entry.proxy.user = proxyUser.toString();
        if (const QString why = entry.proxy.check(); !why.isEmpty())
            return fail(QCoreApplication::translate("Profiles", "Profile \"%1\" cannot be imported: %2").arg(entry.name, lowerFirst(why)));
        entries.push_back(std::move(entry));
    }

    // What the file changes in profiles that exist: listed, and retargets kept apart.
    ImportResult result;
    for (const Entry& entry : entries) {
        if (!contains(entry.name))
            continue;
        const Settings current(m_store, entry.name);
        const auto change = [&result, &entry](const QString& what, const QString& from, const QString& to) {
            if (from != to)
                result.changes << tr("“%1”: %2 %3 → %4").arg(entry.name, what, from.isEmpty() ? tr("(none)") : from,
                                                             to.isEmpty() ? tr("(none)") : to);
        };
        change(tr("API URL"), current.apiUrl().toString(), entry.apiUrl.toString());
        const ProxySettings proxy = current.proxy();
        const auto proxyText = [](const ProxySettings& p) {
            return p.isExplicit() ? ProxySettings::modeName(p.mode) + QLatin1Char(' ') + p.displayName()
                                  : ProxySettings::modeName(p.mode);
        };
        change(tr("proxy"), proxyText(proxy), proxyText(entry.proxy));
        change(tr("proxy user"), proxy.user, entry.proxy.user);
        change(tr("CA file"), current.caFile(), entry.caFile);
        change(tr("default minutes"), QString::number(current.defaultMinutes()), QString::number(entry.minutes));
        if (Origin::of(current.apiUrl()) != Origin::of(entry.apiUrl) || Origin::ofProxy(proxy) != Origin::ofProxy(entry.proxy))
            result.retargets = true;
    }
    if (mode == ImportMode::Check)
        return result;
    if (mode == ImportMode::ApplyUnlessRetarget && result.retargets) {
        result.error = tr("The file points existing profiles at another API or proxy (%1); nothing was imported. "
                          "Check the changes, then import with --replace to apply them.")
                           .arg(result.changes.join(QStringLiteral("; ")));
        return result;
    }
    for (const Entry& entry : entries) {
        Settings settings(m_store, entry.name);
        // Written even when equal to the defaults: a profile exists as a settings group.
        const QString prefix = Group + QLatin1Char('/') + entry.name + QLatin1Char('/');
        m_store.setValue(prefix + QStringLiteral("apiUrl"), entry.apiUrl.toString());
        m_store.setValue(prefix + QStringLiteral("defaultMinutes"), entry.minutes);
        settings.setCaFile(entry.caFile);
        settings.setProxy(entry.proxy);
        result.imported << entry.name;
    }
    return result;
}

} // namespace faultshare
