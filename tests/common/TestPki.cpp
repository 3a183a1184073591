#include "TestPki.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>

namespace {

// Extensions live in our own config file, so the system's openssl.cnf adds nothing.
constexpr char Config[] = R"([ req ]
distinguished_name = dn
prompt = no
[ dn ]
CN = unused
[ ca_ext ]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[ server_ext ]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = IP:127.0.0.1, DNS:localhost, DNS:api.faultshare.test
authorityKeyIdentifier = keyid
[ wrong_host_ext ]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = DNS:wrong.example
authorityKeyIdentifier = keyid
[ self_signed_ext ]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = IP:127.0.0.1, DNS:localhost
[ ca ]
default_ca = test_ca
[ test_ca ]
database = index.txt
new_certs_dir = .
serial = serial
default_md = sha256
policy = any_name
unique_subject = no
[ any_name ]
commonName = supplied
)";

const QStringList NewEcKey{QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                           QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes")};

bool writeFile(const QString& path, const QByteArray& bytes, QString* error)
{
    QFile file(path);
    if (file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size())
        return true;
    *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
    return false;
}

} // namespace

bool TestPki::create(const QString& dir, QString* error)
{
    const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    if (openssl.isEmpty()) {
        *error = QStringLiteral("the openssl command is not installed (scripts/common.sh lists it in TEST_PACKAGES)");
        return false;
    }
    const QDir base(dir);
    const auto run = [&](const QStringList& arguments) {
        QProcess process;
        process.setWorkingDirectory(dir);
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(openssl, arguments);
        if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit
            || process.exitCode() != 0) {
            *error = QStringLiteral("openssl %1 failed: %2")
                         .arg(arguments.join(QLatin1Char(' ')), QString::fromLocal8Bit(process.readAll()));
            return false;
        }
        return true;
    };
    const QString config = base.filePath(QStringLiteral("openssl.cnf"));
    if (!writeFile(config, Config, error) || !writeFile(base.filePath(QStringLiteral("index.txt")), {}, error)
        || !writeFile(base.filePath(QStringLiteral("serial")), "1000\n", error))
        return false;

    caCertificate = base.filePath(QStringLiteral("ca.pem"));
    const QString caKey = base.filePath(QStringLiteral("ca.key"));
    if (!run(QStringList{QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-config"), config} + NewEcKey
             + QStringList{QStringLiteral("-keyout"), caKey, QStringLiteral("-out"), caCertificate,
                           QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                           QStringLiteral("/CN=FaultShare Test CA"), QStringLiteral("-extensions"),
                           QStringLiteral("ca_ext")}))
        return false;

    // A key and a signing request per leaf.
    const auto request = [&](const QString& name, const QString& commonName, QString* key) {
        *key = base.filePath(name + QStringLiteral(".key"));
        return run(QStringList{QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-config"), config}
                   + NewEcKey
                   + QStringList{QStringLiteral("-keyout"), *key, QStringLiteral("-out"),
                                 base.filePath(name + QStringLiteral(".csr")), QStringLiteral("-subj"),
                                 QStringLiteral("/CN=") + commonName});
    };
    // Signed by the CA, valid from now for two days.
    const auto sign = [&](const QString& name, const QString& extensions, const QString& serial,
                          QString* certificate) {
        *certificate = base.filePath(name + QStringLiteral(".pem"));
        return run({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                    base.filePath(name + QStringLiteral(".csr")), QStringLiteral("-CA"), caCertificate,
                    QStringLiteral("-CAkey"), caKey, QStringLiteral("-set_serial"), serial,
                    QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-sha256"),
                    QStringLiteral("-extfile"), config, QStringLiteral("-extensions"), extensions,
                    QStringLiteral("-out"), *certificate});
    };
    if (!request(QStringLiteral("server"), QStringLiteral("127.0.0.1"), &serverKey)
        || !sign(QStringLiteral("server"), QStringLiteral("server_ext"), QStringLiteral("2"), &serverCertificate))
        return false;
    if (!request(QStringLiteral("wronghost"), QStringLiteral("wrong.example"), &wrongHostKey)
        || !sign(QStringLiteral("wronghost"), QStringLiteral("wrong_host_ext"), QStringLiteral("3"),
                 &wrongHostCertificate))
        return false;

    // OpenSSL 3.0's x509 has no -not_before/-not_after (3.4): `openssl ca` sets past dates.
    expiredCertificate = base.filePath(QStringLiteral("expired.pem"));
    if (!request(QStringLiteral("expired"), QStringLiteral("127.0.0.1"), &expiredKey)
        || !run({QStringLiteral("ca"), QStringLiteral("-batch"), QStringLiteral("-config"), config,
                 QStringLiteral("-cert"), caCertificate, QStringLiteral("-keyfile"), caKey, QStringLiteral("-in"),
                 base.filePath(QStringLiteral("expired.csr")), QStringLiteral("-out"), expiredCertificate,
                 QStringLiteral("-startdate"), QStringLiteral("20200101000000Z"), QStringLiteral("-enddate"),
                 QStringLiteral("20200102000000Z"), QStringLiteral("-extensions"), QStringLiteral("server_ext"),
                 QStringLiteral("-notext")}))
        return false;

    selfSignedCertificate = base.filePath(QStringLiteral("selfsigned.pem"));
    selfSignedKey = base.filePath(QStringLiteral("selfsigned.key"));
    if (!run(QStringList{QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-config"), config} + NewEcKey
             + QStringList{QStringLiteral("-keyout"), selfSignedKey, QStringLiteral("-out"), selfSignedCertificate,
                           QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                           QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-extensions"),
                           QStringLiteral("self_signed_ext")}))
        return false;

    // The mistake an operator makes: picking the key instead of the certificate.
    noCertificateFile = base.filePath(QStringLiteral("key-only.pem"));
    QFile key(wrongHostKey);
    if (!key.open(QIODevice::ReadOnly))
        return false;
    return writeFile(noCertificateFile, key.readAll(), error);
}
