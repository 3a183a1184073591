#pragma once

#include "ApiError.h"
#include "HistoryFile.h"

#include <QList>
#include <QObject>
#include <QSet>
#include <QStringList>

#include <optional>

class QSettings;

namespace faultshare {

class CredentialStore;

// Moves the history of earlier versions into the history file: each link's metadata in
// the settings (group "history/links/<id>") and its token and link in the keychain entry
// CredentialStore::historyEntry(id). In two steps, so that an interrupted run resumes:
//
// 1. start(): reads the keychain entry of every old link not in the file yet, one at a
//    time, and hands them over (read). History writes them into the file.
// 2. removeOld(): removes the keychain entries of the links now in the file, and of links
//    whose removal the keychain refused earlier, then their settings. What the keychain
//    refuses stays for the next start.
class HistoryMigration final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryMigration)

public:
    struct Link
    {
        HistoryEntry entry;
        QString secret; // History::toSecret form; empty when the keychain no longer had it
    };

    HistoryMigration(QSettings& legacy, const CredentialStore& keychain, QObject* parent);

    // Whether the settings still hold history of an earlier version.
    static bool isNeeded(QSettings& legacy);

    // inFile: the ids the history file already holds (moved by an interrupted run).
    void start(const QSet<QString>& inFile);
    // After read: the old entries of the links in the file (inFile: their ids), and of
    // earlier refused removals, go.
    void removeOld(const QSet<QString>& inFile);

Q_SIGNALS:
    void read(const QList<faultshare::HistoryMigration::Link>& links);
    // The keychain failed; nothing more is done in this run.
    void failed(const ApiError& error);
    void finished();

private:
    void readNext();
    void removeNext();
    void forgetSettings(const QString& id);

    QSettings& m_legacy;
    const CredentialStore& m_keychain;
    QList<HistoryEntry> m_toRead;
    QList<Link> m_links;
    QStringList m_toRemove;
};

} // namespace faultshare
