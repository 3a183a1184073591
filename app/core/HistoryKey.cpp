#include "HistoryKey.h"

#include <QCoreApplication>
#include <QLibrary>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QThreadPool>

#include <openssl/evp.h>
#include <openssl/opensslv.h>

#include <atomic>
#include <limits>
#include <memory>

namespace faultshare {

using namespace Qt::StringLiterals;

namespace {

constexpr qsizetype NonceSize = 12;
constexpr qsizetype TagSize = 16;

// The libcrypto functions used here, resolved from the library at first use. The
// headers give their types; nothing links against libcrypto.
struct LibCrypto
{
#define FAULTSHARE_CRYPTO_FUNCTIONS(X)                                                                                 \
    X(EVP_PKEY_new_raw_private_key)                                                                                    \
    X(EVP_PKEY_new_raw_public_key)                                                                                     \
    X(EVP_PKEY_get_raw_public_key)                                                                                     \
    X(EVP_PKEY_free)                                                                                                   \
    X(EVP_PKEY_CTX_new)                                                                                                \
    X(EVP_PKEY_CTX_free)                                                                                               \
    X(EVP_PKEY_derive_init)                                                                                            \
    X(EVP_PKEY_derive_set_peer)                                                                                        \
    X(EVP_PKEY_derive)                                                                                                 \
    X(EVP_CIPHER_CTX_new)                                                                                              \
    X(EVP_CIPHER_CTX_free)                                                                                             \
    X(EVP_CIPHER_CTX_ctrl)                                                                                             \
    X(EVP_aes_256_gcm)                                                                                                 \
    X(EVP_EncryptInit_ex)                                                                                              \
    X(EVP_EncryptUpdate)                                                                                               \
    X(EVP_EncryptFinal_ex)                                                                                             \
    X(EVP_DecryptInit_ex)                                                                                              \
    X(EVP_DecryptUpdate)                                                                                               \
    X(EVP_DecryptFinal_ex)                                                                                             \
    X(EVP_DecodeBlock)
#define FAULTSHARE_DECLARE(name) decltype(&::name) name = nullptr;
    FAULTSHARE_CRYPTO_FUNCTIONS(FAULTSHARE_DECLARE)
#undef FAULTSHARE_DECLARE

    QString error; // why it cannot be used; empty when it can

    // The process's one instance, loaded on first use.
    static const LibCrypto& get()
    {
        static const LibCrypto instance = load();
        return instance;
    }

private:
    static LibCrypto load()
    {
        LibCrypto crypto;
        QLibrary library;
        // The major version the headers were built with: its functions are the ones named.
#if defined(Q_OS_WIN)
        const QStringList names{u"libcrypto-%1-x64"_s.arg(OPENSSL_VERSION_MAJOR), u"libcrypto-%1"_s.arg(OPENSSL_VERSION_MAJOR)};
        for (const QString& name : names) {
            library.setFileName(name);
            if (library.load())
                break;
        }
#else
        library.setFileNameAndVersion(u"crypto"_s, OPENSSL_VERSION_MAJOR);
        library.load();
#endif
        if (!library.isLoaded()) {
            crypto.error = QCoreApplication::translate("faultshare::HistoryKey", "OpenSSL's libcrypto %1 cannot be loaded (%2)")
                               .arg(OPENSSL_VERSION_MAJOR)
                               .arg(library.errorString());
            return crypto;
        }
        // It stays loaded for the life of the process (QLibrary does not unload it).
#define FAULTSHARE_RESOLVE(name)                                                                                       \
    crypto.name = reinterpret_cast<decltype(&::name)>(library.resolve(#name));                                        \
    if (!crypto.name && crypto.error.isEmpty())                                                                        \
        crypto.error = QCoreApplication::translate("faultshare::HistoryKey", "OpenSSL's libcrypto has no %1")          \
                           .arg(QLatin1StringView(#name));
        FAULTSHARE_CRYPTO_FUNCTIONS(FAULTSHARE_RESOLVE)
#undef FAULTSHARE_RESOLVE
        return crypto;
    }
};

QByteArray randomBytes(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    // The operating system's source, suitable for keys (QRandomGenerator::system()).
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(bytes.data()), size / 4);
    return bytes;
}

// HKDF-SHA256 (RFC 5869) for one 32-byte block.
QByteArray hkdf(const QByteArray& secret, const QByteArray& salt, const QByteArray& info)
{
    const QByteArray pseudoRandom = QMessageAuthenticationCode::hash(secret, salt, QCryptographicHash::Sha256);
    return QMessageAuthenticationCode::hash(info + '\x01', pseudoRandom, QCryptographicHash::Sha256);
}

struct PKeyDeleter
{
    void operator()(EVP_PKEY* key) const { LibCrypto::get().EVP_PKEY_free(key); }
};
struct PKeyContextDeleter
{
    void operator()(EVP_PKEY_CTX* context) const { LibCrypto::get().EVP_PKEY_CTX_free(context); }
};
struct CipherContextDeleter
{
    void operator()(EVP_CIPHER_CTX* context) const { LibCrypto::get().EVP_CIPHER_CTX_free(context); }
};
using PKey = std::unique_ptr<EVP_PKEY, PKeyDeleter>;
using PKeyContext = std::unique_ptr<EVP_PKEY_CTX, PKeyContextDeleter>;
using CipherContext = std::unique_ptr<EVP_CIPHER_CTX, CipherContextDeleter>;

const unsigned char* bytesOf(const QByteArray& bytes)
{
    return reinterpret_cast<const unsigned char*>(bytes.constData());
}

PKey privateKey(const QByteArray& raw)
{
    return PKey(LibCrypto::get().EVP_PKEY_new_raw_private_key(EVP_PKEY_X25519, nullptr, bytesOf(raw), size_t(raw.size())));
}

QByteArray publicKeyOf(EVP_PKEY* key)
{
    QByteArray raw(HistoryKey::KeySize, Qt::Uninitialized);
    size_t size = size_t(raw.size());
    if (!key || LibCrypto::get().EVP_PKEY_get_raw_public_key(key, reinterpret_cast<unsigned char*>(raw.data()), &size) != 1
        || size != size_t(HistoryKey::KeySize))
        return {};
    return raw;
}

// X25519 of ours and theirs (raw public key); empty on failure (an all-zero result too).
QByteArray agree(EVP_PKEY* ours, const QByteArray& theirs)
{
    const LibCrypto& crypto = LibCrypto::get();
    if (theirs.size() != HistoryKey::KeySize)
        return {};
    const PKey peer(crypto.EVP_PKEY_new_raw_public_key(EVP_PKEY_X25519, nullptr, bytesOf(theirs), size_t(theirs.size())));
    const PKeyContext context(crypto.EVP_PKEY_CTX_new(ours, nullptr));
    QByteArray shared(HistoryKey::KeySize, Qt::Uninitialized);
    size_t size = size_t(shared.size());
    if (!peer || !context || crypto.EVP_PKEY_derive_init(context.get()) != 1
        || crypto.EVP_PKEY_derive_set_peer(context.get(), peer.get()) != 1
        || crypto.EVP_PKEY_derive(context.get(), reinterpret_cast<unsigned char*>(shared.data()), &size) != 1
        || size != size_t(HistoryKey::KeySize))
        return {};
    return shared;
}

QByteArray sealingKey(const QByteArray& shared, const QByteArray& ephemeralPublic, const QByteArray& recipientPublic)
{
    return hkdf(shared, ephemeralPublic + recipientPublic, "FaultShare history sealed box 1");
}

// AES-256-GCM: nonce, ciphertext, tag.
std::optional<QByteArray> encrypt(const QByteArray& key, const QByteArray& plain, const QByteArray& associated)
{
    const LibCrypto& crypto = LibCrypto::get();
    const QByteArray nonce = randomBytes(NonceSize);
    const CipherContext context(crypto.EVP_CIPHER_CTX_new());
    QByteArray out = nonce;
    out.resize(NonceSize + plain.size() + TagSize);
    auto* cipher = reinterpret_cast<unsigned char*>(out.data() + NonceSize);
    int length = 0;
    int finalLength = 0;
    if (!context || crypto.EVP_EncryptInit_ex(context.get(), crypto.EVP_aes_256_gcm(), nullptr, bytesOf(key), bytesOf(nonce)) != 1
        || crypto.EVP_EncryptUpdate(context.get(), nullptr, &length, bytesOf(associated), int(associated.size())) != 1
        || crypto.EVP_EncryptUpdate(context.get(), cipher, &length, bytesOf(plain), int(plain.size())) != 1
        || crypto.EVP_EncryptFinal_ex(context.get(), cipher + length, &finalLength) != 1
        || length + finalLength != plain.size()
        || crypto.EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_GET_TAG, int(TagSize), cipher + plain.size()) != 1)
        return std::nullopt;
    return out;
}

std::optional<QByteArray> decrypt(const QByteArray& key, const QByteArray& boxed, const QByteArray& associated)
{
    const LibCrypto& crypto = LibCrypto::get();
    if (!crypto.error.isEmpty() || boxed.size() < NonceSize + TagSize)
        return std::nullopt;
    const qsizetype cipherSize = boxed.size() - NonceSize - TagSize;
    const CipherContext context(crypto.EVP_CIPHER_CTX_new());
    QByteArray plain(cipherSize, Qt::Uninitialized);
    QByteArray tag = boxed.right(TagSize);
    int length = 0;
    int finalLength = 0;
    if (!context
        || crypto.EVP_DecryptInit_ex(context.get(), crypto.EVP_aes_256_gcm(), nullptr, bytesOf(key), bytesOf(boxed)) != 1
        || crypto.EVP_DecryptUpdate(context.get(), nullptr, &length, bytesOf(associated), int(associated.size())) != 1
        || crypto.EVP_DecryptUpdate(context.get(), reinterpret_cast<unsigned char*>(plain.data()), &length,
                                    bytesOf(boxed) + NonceSize, int(cipherSize)) != 1
        || crypto.EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_SET_TAG, int(TagSize), tag.data()) != 1
        || crypto.EVP_DecryptFinal_ex(context.get(), reinterpret_cast<unsigned char*>(plain.data()) + length, &finalLength) != 1
        || length + finalLength != cipherSize)
        return std::nullopt;
    return plain;
}

} // namespace

HistoryKey::~HistoryKey() = default;

bool HistoryKey::isAvailable(QString* error)
{
    const LibCrypto& crypto = LibCrypto::get();
    if (error)
        *error = crypto.error;
    return crypto.error.isEmpty();
}

namespace {

// The one warm-up of the process: its own pool, so that waiting for it waits for nothing else.
QThreadPool& warmUpPool()
{
    static QThreadPool pool;
    return pool;
}

} // namespace

void HistoryKey::warmUp()
{
    static std::atomic_bool started = false;
    if (started.exchange(true))
        return;
    warmUpPool().start([] {
        QString ignored;
        if (const std::optional<HistoryKey> key = generate(&ignored))
            (void)seal(key->publicKey(), "warm", {}, &ignored);
    });
}

void HistoryKey::waitForWarmUp(std::chrono::milliseconds timeout)
{
    warmUpPool().waitForDone(int(timeout.count()));
}

QByteArray HistoryKey::fromBase64(const QByteArray& text)
{
    const LibCrypto& crypto = LibCrypto::get();
    if (!crypto.error.isEmpty() || text.size() % 4 != 0 || text.size() > std::numeric_limits<int>::max())
        return QByteArray::fromBase64Encoding(text, QByteArray::AbortOnBase64DecodingErrors).decoded;
    QByteArray bytes(text.size() / 4 * 3, Qt::Uninitialized);
    const int size = crypto.EVP_DecodeBlock(reinterpret_cast<unsigned char*>(bytes.data()), bytesOf(text), int(text.size()));
    if (size < 0)
        return {};
    // The block decoder counts the padding's zero bytes.
    const qsizetype padding = text.endsWith("==") ? 2 : text.endsWith('=') ? 1 : 0;
    bytes.truncate(size - padding);
    return bytes;
}

std::optional<HistoryKey> HistoryKey::generate(QString* error)
{
    return fromPrivate(randomBytes(KeySize), error);
}

std::optional<HistoryKey> HistoryKey::fromSecret(const QString& secret, QString* error)
{
    const auto decoded = QByteArray::fromBase64Encoding(secret.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() != KeySize) {
        *error = QCoreApplication::translate("faultshare::HistoryKey", "the history's key in the keychain is not a key");
        return std::nullopt;
    }
    return fromPrivate(decoded.decoded, error);
}

std::optional<HistoryKey> HistoryKey::fromPrivate(const QByteArray& raw, QString* error)
{
    if (!isAvailable(error))
        return std::nullopt;
    HistoryKey key;
    key.m_private = raw;
    key.m_key = std::shared_ptr<EVP_PKEY>(privateKey(raw).release(), PKeyDeleter());
    key.m_public = publicKeyOf(key.m_key.get());
    if (key.m_public.isEmpty()) {
        *error = QCoreApplication::translate("faultshare::HistoryKey", "the history's key in the keychain is not a key");
        return std::nullopt;
    }
    key.m_data = hkdf(raw, "FaultShare history", "FaultShare history data key 1");
    return key;
}

QString HistoryKey::toSecret() const
{
    return QString::fromLatin1(m_private.toBase64());
}

std::optional<QByteArray> HistoryKey::seal(const QByteArray& publicKey, const QByteArray& plain,
                                           const QByteArray& associated, QString* error)
{
    if (!isAvailable(error))
        return std::nullopt;
    const PKey ephemeral = privateKey(randomBytes(KeySize));
    const QByteArray ephemeralPublic = publicKeyOf(ephemeral.get());
    const QByteArray shared = agree(ephemeral.get(), publicKey);
    std::optional<QByteArray> boxed;
    if (!ephemeralPublic.isEmpty() && !shared.isEmpty())
        boxed = encrypt(sealingKey(shared, ephemeralPublic, publicKey), plain, associated);
    if (!boxed) {
        *error = QCoreApplication::translate("faultshare::HistoryKey", "the history file's public key is not a key");
        return std::nullopt;
    }
    return ephemeralPublic + *boxed;
}

std::optional<QByteArray> HistoryKey::open(const QByteArray& sealed, const QByteArray& associated) const
{
    const QByteArray ephemeralPublic = sealed.left(KeySize);
    const QByteArray shared = agree(m_key.get(), ephemeralPublic);
    if (shared.isEmpty())
        return std::nullopt;
    return decrypt(sealingKey(shared, ephemeralPublic, m_public), sealed.mid(KeySize), associated);
}

std::optional<QByteArray> HistoryKey::box(const QByteArray& plain, const QByteArray& associated) const
{
    return encrypt(m_data, plain, associated);
}

std::optional<QByteArray> HistoryKey::unbox(const QByteArray& boxed, const QByteArray& associated) const
{
    return decrypt(m_data, boxed, associated);
}

} // namespace faultshare
