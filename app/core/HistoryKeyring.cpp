// The history's key: read once, made (and stored) by the process that writes the file's
// first line, waited for while another process stores it; and the history of earlier
// versions moved in once it is there. The rest of History is in History.cpp.

#include "History.h"

#include "CredentialStore.h"
#include "HistoryMigration.h"
#include "KeychainJob.h"
#include "Logging.h"

#include <QDir>
#include <QSet>
#include <QSettings>
#include <QTimer>

#include <chrono>

namespace faultshare {

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

// How long apart a key that another process is storing is asked for again, and for how
// long after it began (a keychain that prompts may take the whole of its deadline).
constexpr auto KeyRetryDelay = 250ms;
constexpr std::chrono::milliseconds MakerGrace = 2min;

} // namespace

void History::readKey()
{
    if (m_keyState == KeyState::Reading || m_keyState == KeyState::Storing || m_keyState == KeyState::Ready)
        return;
    if (!m_keychain) {
        keyFailed(ApiError(ApiError::Kind::Keychain, tr("no keychain")));
        return;
    }
    m_keyState = KeyState::Reading;
    KeychainJob* job = m_keychain->read(CredentialStore::historyKeyEntry(), this);
    connect(job, &KeychainJob::succeeded, this, [this](const QString& secret) {
        QString why;
        if (const std::optional<HistoryKey> key = HistoryKey::fromSecret(secret, &why))
            useKey(*key);
        else if (!HistoryKey::isAvailable(&why))
            keyFailed(fileError(why));
        else
            makeKey(); // not a key of ours: the file it sealed cannot be opened either
    });
    connect(job, &KeychainJob::missing, this, &History::makeKey);
    connect(job, &KeychainJob::failed, this, &History::keyFailed);
}

void History::makeKey()
{
    QString why;
    const std::optional<HistoryKey> key = HistoryKey::generate(&why);
    if (!key) {
        keyFailed(fileError(why));
        return;
    }
    // The file decides who makes the key: the process that writes its first line, marked
    // "key pending" until the key is in the keychain. Another process that finds such a
    // line waits for that key (the maker may take up to the keychain's deadline) instead
    // of taking the file's links for lost.
    QString aside;
    QByteArray written;
    bool otherMaker = false;
    bool askAgain = false;
    const bool ok = m_file->update([&](const QByteArray& current) -> std::optional<QByteArray> {
        const HistoryFile::Read now = HistoryFile::parse(current);
        if (now.status == HistoryFile::Read::Status::Newer)
            return std::nullopt;
        if (now.status == HistoryFile::Read::Status::Ok && now.contents.keyPending
            && now.contents.createdAt.addMSecs(MakerGrace.count()) > QDateTime::currentDateTimeUtc()) {
            otherMaker = true;
            return std::nullopt;
        }
        // A maker unmarks its first line only once its key is stored: the keychain's
        // "missing" may have come just before. Asked again, it is the final word.
        if (now.status == HistoryFile::Read::Status::Ok && !std::exchange(m_missingConfirmed, true)) {
            askAgain = true;
            return std::nullopt;
        }
        if (now.status == HistoryFile::Read::Status::Damaged || !now.contents.records.isEmpty()) {
            aside = m_file->saveAside(current, now.status == HistoryFile::Read::Status::Damaged ? u"damaged"_s : u"no-key"_s, &why);
            if (aside.isEmpty())
                return std::nullopt;
        }
        written = HistoryFile::headerLine(key->publicKey(), true) + '\n';
        return written;
    }, &why);
    if (askAgain) {
        m_keyState = KeyState::Unread;
        readKey();
        return;
    }
    if (otherMaker) {
        m_keyState = KeyState::Unread;
        writePending(); // they need only the other's public key
        QTimer::singleShot(KeyRetryDelay, this, [this] {
            if (m_keyState == KeyState::Unread && (!m_fetches.isEmpty() || !m_pending.isEmpty() || m_migrationWaits))
                readKey();
        });
        return;
    }
    if (!ok || written.isEmpty()) {
        keyFailed(fileError(why.isEmpty() ? tr("the history file %1 is left as it is").arg(QDir::toNativeSeparators(m_file->path())) : why));
        return;
    }
    m_fingerprint = HistoryFile::fingerprintOf(written);
    m_publicKey = key->publicKey();
    m_records.clear(); // kept aside, if there were any
    m_rowsOnly = false;
    m_plain.clear();
    if (!aside.isEmpty())
        Q_EMIT problem(tr("The keychain no longer holds the history's key; the history file was set aside as %1, and the "
                          "history starts empty.")
                           .arg(QDir::toNativeSeparators(aside)));
    // This process's own links wait for the key to be stored (add() keeps them pending).
    m_keyState = KeyState::Storing;
    KeychainJob* job = m_keychain->write(CredentialStore::historyKeyEntry(), key->toSecret(), {}, this);
    connect(job, &KeychainJob::succeeded, this, [this, key = *key] {
        // The key is there: the mark goes, whatever others added meanwhile stays.
        QString error;
        m_file->update([&](const QByteArray& current) -> std::optional<QByteArray> {
            HistoryFile::Read now = HistoryFile::parse(current);
            if (now.status != HistoryFile::Read::Status::Ok || now.contents.publicKey != key.publicKey() || !now.contents.keyPending)
                return std::nullopt;
            now.contents.keyPending = false;
            return HistoryFile::serialize(now.contents);
        }, &error);
        m_fingerprint = m_file->fingerprint();
        useKey(key);
    });
    connect(job, &KeychainJob::failed, this, [this, key = *key](const ApiError& error) {
        // A first line whose key is nowhere would seal links nobody can open: it goes, and
        // links others sealed with it meanwhile are set aside with it.
        QString ignored;
        QString aside;
        m_file->update([&](const QByteArray& current) -> std::optional<QByteArray> {
            const HistoryFile::Read now = HistoryFile::parse(current);
            if (now.status != HistoryFile::Read::Status::Ok || now.contents.publicKey != key.publicKey())
                return std::nullopt;
            if (!now.contents.records.isEmpty())
                aside = m_file->saveAside(current, u"no-key"_s, &ignored);
            return QByteArray();
        }, &ignored);
        if (!aside.isEmpty())
            Q_EMIT problem(tr("The history's key could not be stored in the keychain; links added meanwhile were set aside "
                              "as %1.")
                               .arg(QDir::toNativeSeparators(aside)));
        m_publicKey.clear();
        m_fingerprint = m_file->fingerprint();
        keyFailed(error);
    });
}

void History::useKey(const HistoryKey& key)
{
    m_missingConfirmed = false;
    m_key = key;
    m_keyState = KeyState::Ready;
    writePending();
    if (m_rowsOnly || m_file->fingerprint() != m_fingerprint) {
        apply(readFile());
    } else {
        openAll();
        showEntries();
    }
    answerFetches();
    // Old history is moved in first: a listing after unlocked() has its links too.
    if (!startMigration())
        Q_EMIT unlocked();
}

void History::keyFailed(const ApiError& error)
{
    m_missingConfirmed = false;
    m_keyState = KeyState::Failed;
    qCInfo(lcKeychain) << "history key not available:" << error.detail();
    Q_EMIT unlockFailed(error);
    const QStringList fetches = std::exchange(m_fetches, {});
    for (const QString& id : fetches)
        Q_EMIT tokenFailed(id, error);
    const QList<Pending> pending = std::exchange(m_pending, {});
    for (const Pending& add : pending)
        Q_EMIT keepFailed(add.entry.id, error);
    if (std::exchange(m_migrationWaits, false))
        Q_EMIT problem(tr("Links kept by an earlier version of FaultShare wait in the keychain until it can be read (%1).")
                           .arg(error.userMessage()));
}

bool History::startMigration()
{
    if (!m_legacy || !m_keychain || m_migration || m_readOnly || !HistoryMigration::isNeeded(*m_legacy))
        return false;
    if (m_keyState != KeyState::Ready) {
        m_migrationWaits = true;
        readKey();
        return false;
    }
    m_migrationWaits = false;
    m_migration = new HistoryMigration(*m_legacy, *m_keychain, this);
    const auto done = [this] {
        m_migration->deleteLater();
        m_migration = nullptr;
    };
    connect(m_migration, &HistoryMigration::read, this, [this, done](const QList<HistoryMigration::Link>& links) {
        QString error;
        const bool ok = m_file->update([&](const QByteArray& current) -> std::optional<QByteArray> {
            HistoryFile::Read now = HistoryFile::parse(current);
            if (now.status == HistoryFile::Read::Status::Missing)
                now.contents.publicKey = m_key->publicKey();
            else if (now.status != HistoryFile::Read::Status::Ok || now.contents.publicKey != m_key->publicKey())
                return std::nullopt;
            QSet<QString> present;
            for (const HistoryRecord& record : std::as_const(now.contents.records))
                present.insert(record.entry.id);
            for (const HistoryMigration::Link& link : links) {
                if (present.contains(link.entry.id))
                    continue;
                HistoryEntry entry = link.entry;
                const std::optional<EmbedToken> token = fromSecret(link.secret);
                if (token)
                    entry.apiUrl = token->apiUrl();
                HistoryRecord record = HistoryRecord::of(entry);
                if (token) {
                    if (const std::optional<QByteArray> box = m_key->box(link.secret.toUtf8(), record.associatedData())) {
                        record.secret = HistoryRecord::Secret::Boxed;
                        record.box = box->toBase64();
                    }
                }
                now.contents.records.append(record);
            }
            return HistoryFile::serialize(now.contents);
        }, &error);
        if (!ok) {
            Q_EMIT problem(tr("Links kept by an earlier version of FaultShare could not be moved into the history file (%1); "
                              "FaultShare tries again at the next start.")
                               .arg(error));
            done();
            Q_EMIT unlocked();
            return;
        }
        apply(readFile());
        QSet<QString> inFile;
        for (auto it = m_records.cbegin(); it != m_records.cend(); ++it)
            inFile.insert(it.key());
        m_migration->removeOld(inFile);
    });
    connect(m_migration, &HistoryMigration::failed, this, [this, done](const ApiError& error) {
        Q_EMIT problem(tr("Links kept by an earlier version of FaultShare are not all moved into the history file yet (%1); "
                          "FaultShare tries again at the next start.")
                           .arg(error.userMessage()));
        done();
        Q_EMIT unlocked();
    });
    connect(m_migration, &HistoryMigration::finished, this, [this, done] {
        done();
        Q_EMIT unlocked();
    });
    QSet<QString> inFile;
    for (auto it = m_records.cbegin(); it != m_records.cend(); ++it)
        inFile.insert(it.key());
    m_migration->start(inFile);
    return true;
}

} // namespace faultshare
