#pragma once

#include <QByteArray>
#include <QString>

#include <chrono>
#include <memory>
#include <optional>

struct evp_pkey_st; // OpenSSL's EVP_PKEY

namespace faultshare {

// The one secret of the history file (see HistoryFile): an X25519 key pair whose private
// half lives in the keychain, and a data key derived from it.
//
// - Anyone with the public key (it is in the file's first line) can seal a new link for
//   the history: `faultshare generate` adds its link without asking the keychain.
//   A sealed box is the ephemeral public key, a nonce and AES-256-GCM ciphertext with its
//   tag, under a key derived (HKDF-SHA256) from X25519 of the ephemeral and history keys.
// - Whoever holds the private key opens those and keeps entries as boxes under the data
//   key (AES-256-GCM alone: a thousand entries open in well under a millisecond, where
//   a thousand X25519 agreements take tens).
//
// Every box is bound to its entry's metadata (associated data): changing a label, a
// profile or an expiry in the file makes the box fail to open.
//
// OpenSSL's libcrypto is loaded when first needed, not at start-up: Qt Network loads it
// the same way, for TLS only, and a window that never touches the history pays nothing.
class HistoryKey final
{
public:
    static constexpr qsizetype KeySize = 32;

    // A new random key pair; nullopt (and why) when libcrypto cannot be used.
    static std::optional<HistoryKey> generate(QString* error);
    // The key from its keychain form (base64 of the 32-byte private key).
    static std::optional<HistoryKey> fromSecret(const QString& secret, QString* error);

    ~HistoryKey();
    HistoryKey(const HistoryKey&) = default;
    HistoryKey& operator=(const HistoryKey&) = default;
    HistoryKey(HistoryKey&&) = default;
    HistoryKey& operator=(HistoryKey&&) = default;

    QString toSecret() const;
    const QByteArray& publicKey() const { return m_public; }

    // Seals plain for the holder of publicKey's private key; nullopt (and why) when
    // libcrypto cannot be used or the key is not a key.
    static std::optional<QByteArray> seal(const QByteArray& publicKey, const QByteArray& plain,
                                          const QByteArray& associated, QString* error);
    // Opens what seal() made for this key; nullopt when it was not, or was changed.
    std::optional<QByteArray> open(const QByteArray& sealed, const QByteArray& associated) const;

    // The data key's box and its opening.
    std::optional<QByteArray> box(const QByteArray& plain, const QByteArray& associated) const;
    std::optional<QByteArray> unbox(const QByteArray& boxed, const QByteArray& associated) const;

    // Whether libcrypto can be loaded here, and if not, why.
    static bool isAvailable(QString* error);
    // Loads libcrypto and readies its algorithms on a worker thread, so that the first
    // seal() or open() does not wait for it (the command line calls it while the API
    // answers).
    static void warmUp();
    // Waits, at most timeout, for a warm-up started by warmUp() to end.
    static void waitForWarmUp(std::chrono::milliseconds timeout);
    // The bytes of base64 text (libcrypto's decoder: a thousand boxes take well under a
    // millisecond); empty when it is not base64.
    static QByteArray fromBase64(const QByteArray& text);

private:
    HistoryKey() = default;
    static std::optional<HistoryKey> fromPrivate(const QByteArray& privateKey, QString* error);

    QByteArray m_private;
    QByteArray m_public;
    QByteArray m_data;
    std::shared_ptr<evp_pkey_st> m_key; // the private key, made once: opening a thousand boxes needs it a thousand times
};

} // namespace faultshare
