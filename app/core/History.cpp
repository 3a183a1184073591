#include "History.h"

#include "CredentialStore.h"
#include "KeychainJob.h"
#include "Logging.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QUuid>

#include <algorithm>

namespace faultshare {

using namespace Qt::StringLiterals;

namespace {

const QString LinksGroup = u"history/links"_s;
// Ids whose keychain entry could not be removed yet: their rows stay until it is.
const QString PendingRemovalsKey = u"history/pendingRemovals"_s;
const QString LabelKey = u"label"_s;
const QString ProfileKey = u"profile"_s;
const QString IssuedKey = u"issuedAt"_s;
const QString ExpiresKey = u"expiresAt"_s;
const QString ReceivedKey = u"receivedAt"_s;

QString timeText(const QDateTime& time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime timeFrom(const QString& text)
{
    const QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    return time.isValid() ? time.toUTC() : QDateTime();
}

// Newest first (by arrival, else by issue time); an entry without either sorts last.
bool isNewer(const HistoryEntry& a, const HistoryEntry& b)
{
    const QDateTime& first = a.receivedAt.isValid() ? a.receivedAt : a.issuedAt;
    const QDateTime& second = b.receivedAt.isValid() ? b.receivedAt : b.issuedAt;
    if (first.isValid() != second.isValid())
        return first.isValid();
    return first > second;
}

} // namespace

History::History(QSettings* store, const CredentialStore* secrets, QObject* parent)
    : QObject(parent)
    , m_store(store)
    , m_secrets(store ? secrets : nullptr)
{
}

History::~History() = default;

void History::load()
{
    if (!m_store) {
        Q_EMIT reset();
        return;
    }
    // Another process (the command line, another window) may have changed the file.
    syncStore();
    QList<HistoryEntry> entries;
    m_store->beginGroup(LinksGroup);
    const QStringList ids = m_store->childGroups();
    entries.reserve(ids.size());
    for (const QString& id : ids) {
        m_store->beginGroup(id);
        HistoryEntry entry;
        entry.id = id;
        entry.label = m_store->value(LabelKey).toString();
        entry.profile = m_store->value(ProfileKey).toString();
        entry.issuedAt = timeFrom(m_store->value(IssuedKey).toString());
        entry.expiresAt = timeFrom(m_store->value(ExpiresKey).toString());
        entry.receivedAt = timeFrom(m_store->value(ReceivedKey).toString());
        m_store->endGroup();
        if (entry.expiresAt.isValid())
            entries.append(entry);
    }
    m_store->endGroup();
    std::stable_sort(entries.begin(), entries.end(), isNewer);
    m_entries = std::move(entries);
    // Removals the keychain refused last time are tried again (from here, at start).
    const QStringList pending = m_store->value(PendingRemovalsKey).toStringList();
    // Tokens of rows that are gone (forgotten elsewhere) are not kept around.
    for (auto it = m_tokens.begin(); it != m_tokens.end();) {
        if (indexOf(it.key()) < 0)
            it = m_tokens.erase(it);
        else
            ++it;
    }
    Q_EMIT reset();
    for (const QString& id : pending)
        forget(id);
}

bool History::reloadIfChanged()
{
    if (!m_store)
        return false;
    const QFileInfo file(m_store->fileName());
    if (std::pair(file.lastModified(), file.size()) == m_fileStamp)
        return false;
    load();
    return true;
}

void History::syncStore()
{
    m_store->sync();
    const QFileInfo file(m_store->fileName());
    m_fileStamp = {file.lastModified(), file.size()};
}

qsizetype History::indexOf(const QString& id) const
{
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        if (m_entries.at(i).id == id)
            return i;
    }
    return -1;
}

QString History::add(const EmbedToken& token, const QString& label, const QString& profile)
{
    HistoryEntry entry;
    entry.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    entry.label = label;
    entry.profile = profile;
    entry.issuedAt = token.issuedAt().toUTC();
    entry.expiresAt = token.expiresAt().toUTC();
    entry.receivedAt = token.receivedAt().toUTC();

    if (m_store) {
        m_store->beginGroup(LinksGroup + u'/' + entry.id);
        m_store->setValue(LabelKey, entry.label);
        m_store->setValue(ProfileKey, entry.profile);
        m_store->setValue(IssuedKey, timeText(entry.issuedAt));
        m_store->setValue(ExpiresKey, timeText(entry.expiresAt));
        m_store->setValue(ReceivedKey, timeText(entry.receivedAt));
        m_store->endGroup();
        syncStore();
    }
    m_tokens.insert(entry.id, token);
    insertSorted(entry);
    if (m_secrets) {
        const QString id = entry.id;
        KeychainJob* job = m_secrets->write(CredentialStore::historyEntry(id), toSecret(token), {}, this);
        connect(job, &KeychainJob::succeeded, this, [this, id] { Q_EMIT kept(id); });
        connect(job, &KeychainJob::failed, this, [this, id](const ApiError& error) { Q_EMIT keepFailed(id, error); });
    } else {
        QMetaObject::invokeMethod(this, [this, id = entry.id] { Q_EMIT kept(id); }, Qt::QueuedConnection);
    }
    return entry.id;
}

void History::forget(const QString& id)
{
    if (m_secrets) {
        // The row and its metadata go once the keychain confirms that the token and link
        // are gone: never a secret left behind with nothing pointing to it.
        if (!m_removing.contains(id) && (indexOf(id) >= 0 || isPendingRemoval(id))) {
            m_removing.insert(id);
            KeychainJob* job = m_secrets->remove(CredentialStore::historyEntry(id), this);
            connect(job, &KeychainJob::succeeded, this, [this, id] {
                m_removing.remove(id);
                finishForget(id);
            });
            connect(job, &KeychainJob::failed, this, [this, id](const ApiError& error) {
                m_removing.remove(id);
                deferForget(id, error);
            });
        }
        return;
    }
    finishForget(id);
}

bool History::isRemoving(const QString& id) const
{
    return m_removing.contains(id);
}

bool History::isPendingRemoval(const QString& id) const
{
    return m_store && m_store->value(PendingRemovalsKey).toStringList().contains(id);
}

void History::finishForget(const QString& id)
{
    if (m_store) {
        m_store->remove(LinksGroup + u'/' + id);
        QStringList pending = m_store->value(PendingRemovalsKey).toStringList();
        if (pending.removeAll(id) > 0) {
            if (pending.isEmpty())
                m_store->remove(PendingRemovalsKey);
            else
                m_store->setValue(PendingRemovalsKey, pending);
        }
        syncStore();
    }
    m_tokens.remove(id);
    if (const qsizetype index = indexOf(id); index >= 0)
        removeAt(index);
    Q_EMIT forgotten(id);
}

void History::deferForget(const QString& id, const ApiError& error)
{
    if (m_store) {
        QStringList pending = m_store->value(PendingRemovalsKey).toStringList();
        if (!pending.contains(id)) {
            pending << id;
            m_store->setValue(PendingRemovalsKey, pending);
            syncStore();
        }
    }
    Q_EMIT forgetFailed(id, error);
}

int History::purge(const QDateTime& now, int days)
{
    QStringList old;
    for (const HistoryEntry& entry : std::as_const(m_entries)) {
        if (entry.expiresAt.addDays(days) < now)
            old << entry.id;
    }
    for (const QString& id : std::as_const(old))
        forget(id);
    return int(old.size());
}

void History::fetch(const QString& id)
{
    if (const auto cached = m_tokens.constFind(id); cached != m_tokens.cend()) {
        const EmbedToken token = *cached;
        QMetaObject::invokeMethod(this, [this, id, token] { Q_EMIT tokenReady(id, token); }, Qt::QueuedConnection);
        return;
    }
    if (!m_secrets) {
        const ApiError error(ApiError::Kind::Keychain, tr("the link was not kept"));
        QMetaObject::invokeMethod(this, [this, id, error] { Q_EMIT tokenFailed(id, error); }, Qt::QueuedConnection);
        return;
    }
    // One keychain read answers every fetch of the same id made meanwhile.
    if (m_pendingReads[id]++ > 0)
        return;
    KeychainJob* job = m_secrets->read(CredentialStore::historyEntry(id), this);
    connect(job, &KeychainJob::succeeded, this, [this, id](const QString& secret) {
        if (const std::optional<EmbedToken> token = fromSecret(secret)) {
            if (indexOf(id) >= 0)
                m_tokens.insert(id, *token);
            answerFetch(id, *token, {});
        } else {
            qCWarning(lcKeychain) << "history entry" << id << "holds no readable token";
            answerFetch(id, std::nullopt,
                        ApiError(ApiError::Kind::Keychain, tr("the link kept in the keychain cannot be read")));
        }
    });
    connect(job, &KeychainJob::missing, this, [this, id] {
        answerFetch(id, std::nullopt, ApiError(ApiError::Kind::Keychain, tr("the link is no longer in the keychain")));
    });
    connect(job, &KeychainJob::failed, this, [this, id](const ApiError& error) { answerFetch(id, std::nullopt, error); });
}

void History::answerFetch(const QString& id, const std::optional<EmbedToken>& token, const ApiError& error)
{
    const int count = m_pendingReads.take(id);
    for (int i = 0; i < count; ++i) {
        if (token)
            Q_EMIT tokenReady(id, *token);
        else
            Q_EMIT tokenFailed(id, error);
    }
}

QString History::toSecret(const EmbedToken& token)
{
    const QJsonObject object{
        {u"token"_s, token.token()},
        {u"type"_s, token.type()},
        {u"expires_in_minutes"_s, token.expiresInMinutes()},
        {u"expires_at"_s, timeText(token.expiresAt())},
        {u"short_link"_s, token.shortLink().toString(QUrl::FullyEncoded)},
        {u"received_at"_s, timeText(token.receivedAt())},
        {u"server_date"_s, timeText(token.serverDate())},
        {u"api_url"_s, token.apiUrl().toString(QUrl::FullyEncoded)},
    };
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

std::optional<EmbedToken> History::fromSecret(const QString& secret)
{
    const QJsonDocument document = QJsonDocument::fromJson(secret.toUtf8());
    if (!document.isObject())
        return std::nullopt;
    const QJsonObject object = document.object();
    const QDateTime receivedAt = timeFrom(object.value(u"received_at"_s).toString());
    if (!receivedAt.isValid())
        return std::nullopt;
    const QDateTime serverDate = timeFrom(object.value(u"server_date"_s).toString());
    // The body members are parsed (and validated) exactly as when the API sent them;
    // entries kept before the issuing API was noted have no api_url (https links only).
    const QUrl apiUrl(object.value(u"api_url"_s).toString(), QUrl::StrictMode);
    return EmbedToken::parse(document.toJson(QJsonDocument::Compact), receivedAt, serverDate, apiUrl, nullptr);
}

void History::insertSorted(const HistoryEntry& entry)
{
    // Before every entry issued at the same time or earlier: the newest addition first.
    const auto position = std::find_if(m_entries.cbegin(), m_entries.cend(),
                                       [&entry](const HistoryEntry& other) { return !isNewer(other, entry); });
    const qsizetype index = position - m_entries.cbegin();
    Q_EMIT aboutToInsert(index);
    m_entries.insert(index, entry);
    Q_EMIT inserted(index);
}

void History::removeAt(qsizetype index)
{
    Q_EMIT aboutToRemove(index);
    m_entries.removeAt(index);
    Q_EMIT removed(index);
}

} // namespace faultshare
