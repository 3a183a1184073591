#include "History.h"

#include "CredentialStore.h"
#include "HistoryMigration.h"
#include "KeychainJob.h"
#include "Logging.h"

#include <QDir>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSettings>
#include <QTimer>
#include <QUuid>

#include <algorithm>
#include <chrono>

namespace faultshare {

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

// Changes of the folder (a rewrite makes several) are read once they settle.
constexpr auto ReloadDelay = 100ms;

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

ApiError History::fileError(const QString& why)
{
    return ApiError::ofSentence(ApiError::Kind::HistoryFile, why);
}

History::History(QObject* parent)
    : QObject(parent)
{
}

History::History(const QString& filePath, const CredentialStore* keychain, QSettings* legacy, QObject* parent)
    : QObject(parent)
    , m_file(std::in_place, filePath)
    , m_keychain(keychain)
    , m_legacy(legacy)
{
}

History::~History()
{
    // A libcrypto warm-up (prepare()) still running when the process ends would race
    // OpenSSL's own clean-up at exit: it ends first, within a deadline.
    if (m_file)
        HistoryKey::waitForWarmUp(std::chrono::seconds(2));
}

void History::load(Keep keep)
{
    m_keep = keep;
    if (!m_file) {
        Q_EMIT reset();
        return;
    }
    apply(readFile());
    startMigration();
}

HistoryFile::Read History::readFile() const
{
    return m_file->read(!m_key && m_keep == Keep::RowsUntilKey ? HistoryFile::Parts::Rows : HistoryFile::Parts::All);
}

void History::watch()
{
    if (!m_file || m_watcher)
        return;
    // A rewrite replaces the file (a rename), which a watch on the file itself would not
    // survive everywhere: the folder is watched.
    const QString folder = QFileInfo(m_file->path()).absolutePath();
    QDir().mkpath(folder);
    m_watcher = new QFileSystemWatcher({folder}, this);
    m_reloadTimer = new QTimer(this);
    m_reloadTimer->setSingleShot(true);
    m_reloadTimer->setInterval(ReloadDelay);
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, m_reloadTimer, qOverload<>(&QTimer::start));
    connect(m_reloadTimer, &QTimer::timeout, this, [this] {
        if (m_file->fingerprint() != m_fingerprint)
            load(m_keep);
    });
}

void History::apply(HistoryFile::Read read)
{
    m_fingerprint = read.fingerprint;
    m_rowsOnly = false;
    m_readOnly = false;
    m_publicKey.clear();
    m_records.clear();
    m_plain.clear();
    switch (read.status) {
    case HistoryFile::Read::Status::Missing:
        break;
    case HistoryFile::Read::Status::Newer:
    case HistoryFile::Read::Status::Unreadable:
        m_readOnly = true;
        Q_EMIT problem(tr("The history file %1 cannot be used (%2); FaultShare shows no history and leaves the file as it is.")
                           .arg(QDir::toNativeSeparators(m_file->path()), read.problem));
        break;
    case HistoryFile::Read::Status::Damaged:
        setAside(read.fingerprint, u"damaged"_s,
                 tr("The history file was damaged (%1); it was set aside as %2, and the history starts empty.").arg(read.problem));
        break;
    case HistoryFile::Read::Status::Ok:
        m_publicKey = read.contents.publicKey;
        m_rowsOnly = read.contents.parts == HistoryFile::Parts::Rows && !read.contents.records.isEmpty();
        for (HistoryRecord& record : read.contents.records)
            keepRecord(std::move(record));
        openAll();
        break;
    }
    showEntries();
}

void History::openAll()
{
    if (!m_key || m_publicKey.isEmpty())
        return;
    if (m_publicKey != m_key->publicKey()) {
        // Without entries only the first line changes; with them they cannot be opened.
        const bool entries = !m_records.isEmpty();
        setAside(m_fingerprint, entries ? u"other-key"_s : QString(),
                 tr("The history file was sealed with a key the keychain no longer holds; it was set aside as %1, "
                    "and the history starts empty."));
        return;
    }
    QHash<QString, QByteArray> plain;
    QHash<QString, QByteArray> reboxed;
    plain.reserve(m_records.size());
    for (const HistoryRecord& record : std::as_const(m_records)) {
        if (record.secret == HistoryRecord::Secret::None)
            continue;
        const QByteArray associated = record.associatedData();
        const std::optional<QByteArray> opened = record.secret == HistoryRecord::Secret::Boxed
            ? m_key->unbox(HistoryKey::fromBase64(record.box), associated)
            : m_key->open(HistoryKey::fromBase64(record.box), associated);
        if (!opened) {
            setAside(m_fingerprint, u"damaged"_s,
                     tr("An entry of the history file does not match its seal (the file was changed outside FaultShare, or "
                        "damaged); it was set aside as %1, and the history starts empty."));
            return;
        }
        if (record.secret == HistoryRecord::Secret::Sealed) {
            if (const std::optional<QByteArray> boxed = m_key->box(*opened, associated))
                reboxed.insert(record.entry.id, boxed->toBase64());
        }
        plain.insert(record.entry.id, *opened);
    }
    m_plain = std::move(plain);
    compact(reboxed);
}

void History::showEntries()
{
    // The latest addition first, so entries that arrived in the same millisecond keep the
    // order insertSorted gave them.
    QList<const HistoryRecord*> records;
    records.reserve(m_records.size());
    for (const HistoryRecord& record : std::as_const(m_records))
        records.append(&record);
    std::sort(records.begin(), records.end(), [](const HistoryRecord* a, const HistoryRecord* b) { return a->order > b->order; });
    QList<HistoryEntry> entries;
    entries.reserve(m_records.size() + m_pending.size());
    for (auto pending = m_pending.crbegin(); pending != m_pending.crend(); ++pending)
        entries.append(pending->entry);
    for (const HistoryRecord* record : std::as_const(records))
        entries.append(record->entry);
    std::stable_sort(entries.begin(), entries.end(), isNewer);
    // The same rows (an entry never changes): no reset, so a view keeps its selection.
    const bool same = std::equal(entries.cbegin(), entries.cend(), m_entries.cbegin(), m_entries.cend(),
                                 [](const HistoryEntry& a, const HistoryEntry& b) { return a.id == b.id; });
    m_entries = std::move(entries);
    // Tokens of rows that are gone (forgotten elsewhere, set aside) are not kept around.
    for (auto it = m_tokens.begin(); it != m_tokens.end();) {
        if (indexOf(it.key()) < 0)
            it = m_tokens.erase(it);
        else
            ++it;
    }
    if (!same || !m_loaded)
        Q_EMIT reset();
    m_loaded = true;
}

void History::compact(const QHash<QString, QByteArray>& reboxed)
{
    if (reboxed.isEmpty() || m_readOnly)
        return;
    QByteArray written;
    QString error;
    const bool ok = m_file->update([&](const QByteArray& current) -> std::optional<QByteArray> {
        HistoryFile::Read now = HistoryFile::parse(current);
        if (now.status != HistoryFile::Read::Status::Ok || now.contents.publicKey != m_key->publicKey())
            return std::nullopt;
        bool changed = false;
        for (HistoryRecord& record : now.contents.records) {
            const auto box = reboxed.constFind(record.entry.id);
            if (record.secret == HistoryRecord::Secret::Sealed && box != reboxed.cend()
                && record.box == m_records.value(record.entry.id).box) {
                record.secret = HistoryRecord::Secret::Boxed;
                record.box = *box;
                changed = true;
            }
        }
        if (!changed)
            return std::nullopt;
        written = HistoryFile::serialize(now.contents);
        return written;
    }, &error);
    if (!ok) {
        // Only slower to open next time; the next reader tries again.
        qCInfo(lcUi) << "history file not compacted:" << error;
        return;
    }
    if (written.isEmpty())
        return;
    m_fingerprint = HistoryFile::fingerprintOf(written);
    for (auto it = reboxed.cbegin(); it != reboxed.cend(); ++it) {
        if (auto record = m_records.find(it.key()); record != m_records.end()) {
            record->secret = HistoryRecord::Secret::Boxed;
            record->box = it.value();
        }
    }
}

void History::setAside(size_t fingerprint, const QString& reason, const QString& sentence)
{
    QString aside;
    QString error;
    QByteArray written;
    const bool ok = m_file->update([&](const QByteArray& current) -> std::optional<QByteArray> {
        if (HistoryFile::fingerprintOf(current) != fingerprint)
            return std::nullopt; // changed meanwhile: the watcher (or the next start) reads it again
        if (!reason.isEmpty()) {
            aside = m_file->saveAside(current, reason, &error);
            if (aside.isEmpty())
                return std::nullopt;
        }
        written = m_key ? HistoryFile::headerLine(m_key->publicKey()) + '\n' : QByteArray();
        return written;
    }, &error);
    m_records.clear();
    m_rowsOnly = false;
    m_plain.clear();
    const bool replaced = ok && (!aside.isEmpty() || (reason.isEmpty() && !written.isEmpty()));
    m_publicKey = m_key && replaced ? m_key->publicKey() : QByteArray();
    if (ok && !replaced && error.isEmpty())
        return; // changed meanwhile
    if (!replaced) {
        // Never written over: the history stays empty until the file is moved away.
        m_readOnly = true;
        Q_EMIT problem(tr("The history file %1 cannot be used and could not be set aside (%2); FaultShare shows no "
                          "history until it is moved away.")
                           .arg(QDir::toNativeSeparators(m_file->path()), error));
        return;
    }
    m_fingerprint = HistoryFile::fingerprintOf(written);
    if (reason.isEmpty())
        return;
    Q_EMIT problem(sentence.arg(QDir::toNativeSeparators(aside)));
}

qsizetype History::indexOf(const QString& id) const
{
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        if (m_entries.at(i).id == id)
            return i;
    }
    return -1;
}

void History::prepare()
{
    if (!m_file || m_readOnly)
        return;
    if (!m_key)
        HistoryKey::warmUp(); // sealing would wait for libcrypto to load
    if (!m_loaded) {
        // Only the first line: adding needs its public key, not the rest.
        const HistoryFile::Header header = m_file->readHeader();
        if (header.status == HistoryFile::Header::Status::Newer) {
            m_readOnly = true;
            Q_EMIT problem(tr("The history file %1 cannot be used (%2); FaultShare shows no history and leaves the file as it is.")
                               .arg(QDir::toNativeSeparators(m_file->path()), HistoryFile::tr("it was written by a newer FaultShare")));
            return;
        }
        m_publicKey = header.publicKey;
    }
    // No file to add to: the key is read (or made) while the API answers.
    if (m_publicKey.isEmpty())
        readKey();
}

QString History::add(const EmbedToken& token, const QString& label, const QString& profile,
                     const RotationMark& rotation)
{
    HistoryEntry entry;
    entry.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    entry.label = label;
    entry.profile = profile;
    entry.issuedAt = token.issuedAt().toUTC();
    entry.expiresAt = token.expiresAt().toUTC();
    entry.receivedAt = token.receivedAt().toUTC();
    entry.apiUrl = token.apiUrl();
    entry.rotation = rotation;
    m_tokens.insert(entry.id, token);
    insertSorted(entry);

    const QString id = entry.id;
    if (!m_file) {
        QMetaObject::invokeMethod(this, [this, id] { Q_EMIT kept(id); }, Qt::QueuedConnection);
        return id;
    }
    QString error;
    const QByteArray plain = toSecret(token).toUtf8();
    if (m_readOnly)
        error = tr("the history file %1 is left as it is").arg(QDir::toNativeSeparators(m_file->path()));
    else if (m_keyState != KeyState::Storing && writeRecord(entry, plain, &error))
        QMetaObject::invokeMethod(this, [this, id] { Q_EMIT kept(id); }, Qt::QueuedConnection);
    if (error.isEmpty()) {
        if (!m_records.contains(id)) {
            // No file to add to yet: it is made with the key.
            m_pending << Pending{entry, plain};
            readKey();
        }
        return id;
    }
    QMetaObject::invokeMethod(this, [this, id, error] { Q_EMIT keepFailed(id, fileError(error)); }, Qt::QueuedConnection);
    return id;
}

bool History::writeRecord(const HistoryEntry& entry, const QByteArray& plain, QString* error)
{
    HistoryRecord record = HistoryRecord::of(entry);
    size_t fingerprint = 0;
    // The usual case: a file to add to, one line appended (sealed for its key, or boxed
    // when this process holds that key).
    const HistoryFile::Appended appended = m_file->append([&](const HistoryFile::Header& header) -> std::optional<QByteArray> {
        std::optional<QByteArray> box;
        if (m_key && header.publicKey == m_key->publicKey()) {
            record.secret = HistoryRecord::Secret::Boxed;
            box = m_key->box(plain, record.associatedData());
        } else {
            record.secret = HistoryRecord::Secret::Sealed;
            box = HistoryKey::seal(header.publicKey, plain, record.associatedData(), error);
        }
        if (!box) {
            if (error->isEmpty())
                *error = tr("the link could not be sealed");
            return std::nullopt;
        }
        record.box = box->toBase64();
        m_publicKey = header.publicKey;
        return record.toLine();
    }, error, &fingerprint);
    if (appended == HistoryFile::Appended::Failed)
        return false;
    if (appended == HistoryFile::Appended::Yes) {
        // What this process wrote is not news to it: the watcher compares with this.
        m_fingerprint = fingerprint;
        keepRecord(record);
        return true;
    }
    // No file, a damaged one, or a newer FaultShare's: the whole file is decided on.
    QByteArray written;
    bool needKey = false;
    const bool ok = m_file->update([&](const QByteArray& current) -> std::optional<QByteArray> {
        const HistoryFile::Header header = HistoryFile::headerOf(current);
        const QByteArray& publicKey = header.publicKey;
        QByteArray base = current;
        std::optional<QByteArray> box;
        if (header.status == HistoryFile::Header::Status::Newer) {
            *error = tr("the history file %1 was written by a newer FaultShare and is left as it is").arg(QDir::toNativeSeparators(m_file->path()));
            return std::nullopt;
        }
        if (header.status != HistoryFile::Header::Status::Ok) {
            // No file yet, or one this process cannot add to: that takes the key.
            if (!m_key) {
                needKey = true;
                return std::nullopt;
            }
            if (!current.isEmpty()) {
                const QString aside = m_file->saveAside(current, u"damaged"_s, error);
                if (aside.isEmpty())
                    return std::nullopt;
                Q_EMIT problem(tr("The history file was damaged; it was set aside as %1, and the history starts again.")
                                   .arg(QDir::toNativeSeparators(aside)));
            }
            base = HistoryFile::headerLine(m_key->publicKey()) + '\n';
            record.secret = HistoryRecord::Secret::Boxed;
            box = m_key->box(plain, record.associatedData());
        } else if (m_key && publicKey == m_key->publicKey()) {
            record.secret = HistoryRecord::Secret::Boxed;
            box = m_key->box(plain, record.associatedData());
        } else {
            record.secret = HistoryRecord::Secret::Sealed;
            box = HistoryKey::seal(publicKey, plain, record.associatedData(), error);
        }
        if (!box) {
            if (error->isEmpty())
                *error = tr("the link could not be sealed");
            return std::nullopt;
        }
        record.box = box->toBase64();
        written = base + record.toLine() + '\n';
        return written;
    }, error);
    if (!ok || needKey || written.isEmpty())
        return false;
    // What this process wrote is not news to it.
    m_fingerprint = HistoryFile::fingerprintOf(written);
    m_publicKey = HistoryFile::headerOf(written).publicKey;
    keepRecord(record);
    return true;
}

void History::writePending()
{
    const QList<Pending> pending = std::exchange(m_pending, {});
    for (const Pending& add : pending) {
        QString error;
        if (writeRecord(add.entry, add.plain, &error))
            Q_EMIT kept(add.entry.id);
        else if (error.isEmpty())
            m_pending << add; // still no file: waits for the key
        else
            Q_EMIT keepFailed(add.entry.id, fileError(error));
    }
}

void History::forget(const QString& id)
{
    removeFromFile({id});
}

int History::purge(const QDateTime& now, int days)
{
    QStringList old;
    for (const HistoryEntry& entry : std::as_const(m_entries)) {
        if (entry.expiresAt.addDays(days) < now)
            old << entry.id;
    }
    if (!old.isEmpty())
        removeFromFile(old);
    return int(old.size());
}

void History::removeFromFile(const QStringList& ids)
{
    const QSet<QString> gone(ids.cbegin(), ids.cend());
    if (m_file && !m_readOnly) {
        QByteArray written;
        QString error;
        const bool ok = m_file->update([&](const QByteArray& current) -> std::optional<QByteArray> {
            HistoryFile::Read now = HistoryFile::parse(current);
            if (now.status != HistoryFile::Read::Status::Ok)
                return std::nullopt;
            const qsizetype before = now.contents.records.size();
            now.contents.records.removeIf([&gone](const HistoryRecord& record) { return gone.contains(record.entry.id); });
            if (now.contents.records.size() == before)
                return std::nullopt;
            written = HistoryFile::serialize(now.contents);
            return written;
        }, &error);
        if (!ok) {
            for (const QString& id : ids)
                Q_EMIT forgetFailed(id, fileError(error));
            return;
        }
        if (!written.isEmpty())
            m_fingerprint = HistoryFile::fingerprintOf(written);
    }
    m_pending.removeIf([&gone](const Pending& pending) { return gone.contains(pending.entry.id); });
    for (const QString& id : ids) {
        m_records.remove(id);
        m_plain.remove(id);
        m_tokens.remove(id);
        if (const qsizetype index = indexOf(id); index >= 0)
            removeAt(index);
        Q_EMIT forgotten(id);
    }
}

void History::unlock()
{
    if (m_keyState == KeyState::Ready || !m_file)
        QMetaObject::invokeMethod(this, &History::unlocked, Qt::QueuedConnection);
    else
        readKey();
}

QUrl History::link(const QString& id) const
{
    if (const auto token = m_tokens.constFind(id); token != m_tokens.cend())
        return token->shortLink();
    const QByteArray plain = m_plain.value(id);
    if (plain.isEmpty())
        return {};
    // Opened with the key, so ours as toSecret wrote it (compact JSON, a link FullyEncoded:
    // no quote or backslash in it): the link is read without parsing the rest.
    static const QByteArray member = "\"short_link\":\"";
    const qsizetype start = plain.indexOf(member);
    const qsizetype end = start < 0 ? -1 : plain.indexOf('"', start + member.size());
    const QByteArrayView value = end < 0 ? QByteArrayView() : QByteArrayView(plain).sliced(start + member.size(), end - start - member.size());
    if (end < 0 || value.contains('\\'))
        return QUrl(QJsonDocument::fromJson(plain).object().value(u"short_link"_s).toString(), QUrl::StrictMode);
    return QUrl(QString::fromUtf8(value), QUrl::StrictMode);
}

void History::fetch(const QString& id)
{
    if (m_tokens.contains(id) || !m_file || m_keyState == KeyState::Ready) {
        QMetaObject::invokeMethod(this, [this, id] { answerFetch(id); }, Qt::QueuedConnection);
        return;
    }
    // The key is read once; every fetch made meanwhile waits for it.
    m_fetches << id;
    readKey();
}

void History::answerFetches()
{
    const QStringList fetches = std::exchange(m_fetches, {});
    for (const QString& id : fetches)
        answerFetch(id);
}

void History::answerFetch(const QString& id)
{
    if (const auto cached = m_tokens.constFind(id); cached != m_tokens.cend()) {
        const EmbedToken token = *cached; // a slot may change the cache
        Q_EMIT tokenReady(id, token);
        return;
    }
    const auto record = m_records.constFind(id);
    if (!m_key || record == m_records.cend() || record->secret == HistoryRecord::Secret::None) {
        Q_EMIT tokenFailed(id, ApiError(ApiError::Kind::NotKept));
        return;
    }
    const std::optional<EmbedToken> token = fromSecret(QString::fromUtf8(m_plain.value(id)));
    if (!token) {
        Q_EMIT tokenFailed(id, fileError(tr("the link kept in the history file cannot be read")));
        return;
    }
    m_tokens.insert(id, *token);
    Q_EMIT tokenReady(id, *token);
}

QString History::toSecret(const EmbedToken& token)
{
    const QJsonObject object{
        {u"token"_s, token.token()},
        {u"type"_s, token.type()},
        {u"expires_in_minutes"_s, token.expiresInMinutes()},
        {u"expires_at"_s, HistoryFile::timeText(token.expiresAt())},
        {u"short_link"_s, token.shortLink().toString(QUrl::FullyEncoded)},
        {u"received_at"_s, HistoryFile::timeText(token.receivedAt())},
        {u"server_date"_s, HistoryFile::timeText(token.serverDate())},
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
    const QDateTime receivedAt = HistoryFile::timeFrom(object.value(u"received_at"_s).toString());
    if (!receivedAt.isValid())
        return std::nullopt;
    const QDateTime serverDate = HistoryFile::timeFrom(object.value(u"server_date"_s).toString());
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

void History::keepRecord(HistoryRecord record)
{
    record.order = ++m_lastOrder;
    m_records.insert(record.entry.id, std::move(record));
}

void History::removeAt(qsizetype index)
{
    Q_EMIT aboutToRemove(index);
    m_entries.removeAt(index);
    Q_EMIT removed(index);
}

} // namespace faultshare
