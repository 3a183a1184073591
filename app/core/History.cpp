#include "History.h"

// Placeholder until the history is written.
History::History(QSettings* store, CredentialStore* secrets, QObject* parent)
    : QObject(parent)
    , m_store(store)
    , m_secrets(secrets)
{
}

History::~History() = default;
