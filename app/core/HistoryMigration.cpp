#include "HistoryMigration.h"

#include "CredentialStore.h"
#include "KeychainJob.h"

#include <QSettings>

namespace faultshare {

using namespace Qt::StringLiterals;

namespace {

const QString LinksGroup = u"history/links"_s;
const QString PendingRemovalsKey = u"history/pendingRemovals"_s;

} // namespace

HistoryMigration::HistoryMigration(QSettings& legacy, const CredentialStore& keychain, QObject* parent)
    : QObject(parent)
    , m_legacy(legacy)
    , m_keychain(keychain)
{
}

bool HistoryMigration::isNeeded(QSettings& legacy)
{
    legacy.beginGroup(LinksGroup);
    const bool links = !legacy.childGroups().isEmpty();
    legacy.endGroup();
    return links || legacy.contains(PendingRemovalsKey);
}

void HistoryMigration::start(const QSet<QString>& inFile)
{
    m_legacy.beginGroup(LinksGroup);
    const QStringList ids = m_legacy.childGroups();
    for (const QString& id : ids) {
        if (inFile.contains(id))
            continue;
        m_legacy.beginGroup(id);
        HistoryEntry entry;
        entry.id = id;
        entry.label = m_legacy.value(u"label"_s).toString();
        entry.profile = m_legacy.value(u"profile"_s).toString();
        entry.issuedAt = HistoryFile::timeFrom(m_legacy.value(u"issuedAt"_s).toString());
        entry.expiresAt = HistoryFile::timeFrom(m_legacy.value(u"expiresAt"_s).toString());
        entry.receivedAt = HistoryFile::timeFrom(m_legacy.value(u"receivedAt"_s).toString());
        m_legacy.endGroup();
        // A row that could never be shown is not moved; its old entries still go.
        if (entry.expiresAt.isValid())
            m_toRead << entry;
    }
    m_legacy.endGroup();
    readNext();
}

void HistoryMigration::readNext()
{
    if (m_toRead.isEmpty()) {
        Q_EMIT read(m_links);
        return;
    }
    const HistoryEntry entry = m_toRead.takeFirst();
    // One entry at a time: a keyring that prompts asks once.
    KeychainJob* job = m_keychain.read(CredentialStore::historyEntry(entry.id), this);
    connect(job, &KeychainJob::succeeded, this, [this, entry](const QString& secret) {
        m_links << Link{entry, secret};
        readNext();
    });
    connect(job, &KeychainJob::missing, this, [this, entry] {
        m_links << Link{entry, {}};
        readNext();
    });
    connect(job, &KeychainJob::failed, this, &HistoryMigration::failed);
}

void HistoryMigration::removeOld(const QSet<QString>& inFile)
{
    // Links now in the file, and rows that were never moved (no expiry): nothing waits
    // for them any more.
    m_legacy.beginGroup(LinksGroup);
    for (const QString& id : m_legacy.childGroups()) {
        if (inFile.contains(id) || !HistoryFile::timeFrom(m_legacy.value(id + u"/expiresAt"_s).toString()).isValid())
            m_toRemove << id;
    }
    m_legacy.endGroup();
    for (const QString& id : m_legacy.value(PendingRemovalsKey).toStringList()) {
        if (!m_toRemove.contains(id))
            m_toRemove << id;
    }
    removeNext();
}

void HistoryMigration::removeNext()
{
    if (m_toRemove.isEmpty()) {
        m_legacy.sync();
        Q_EMIT finished();
        return;
    }
    const QString id = m_toRemove.takeFirst();
    KeychainJob* job = m_keychain.remove(CredentialStore::historyEntry(id), this);
    connect(job, &KeychainJob::succeeded, this, [this, id] {
        forgetSettings(id);
        removeNext();
    });
    connect(job, &KeychainJob::failed, this, [this](const ApiError& error) {
        m_legacy.sync();
        Q_EMIT failed(error);
    });
}

void HistoryMigration::forgetSettings(const QString& id)
{
    m_legacy.remove(LinksGroup + u'/' + id);
    QStringList pending = m_legacy.value(PendingRemovalsKey).toStringList();
    if (pending.removeAll(id) > 0) {
        if (pending.isEmpty())
            m_legacy.remove(PendingRemovalsKey);
        else
            m_legacy.setValue(PendingRemovalsKey, pending);
    }
}

} // namespace faultshare
