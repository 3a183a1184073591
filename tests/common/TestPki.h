#pragma once

#include <QString>

// A private test CA and server certificates, made at test time with the `openssl`
// command in a directory the test owns (OpenSSL 3.0 is enough: the expired certificate
// comes from `openssl ca -startdate/-enddate`, no clock faking). Nothing here is
// trusted by the system; all PEM files.
struct TestPki
{
    QString caCertificate;       // the test CA (what a profile's CA file names)
    QString serverCertificate;   // 127.0.0.1, localhost and TestSupport::ProxyOnlyHost, signed by the CA
    QString serverKey;
    QString expiredCertificate;  // the names of serverCertificate, signed by the CA, valid 2020-01-01..02
    QString expiredKey;
    QString wrongHostCertificate; // wrong.example only, signed by the CA
    QString wrongHostKey;
    QString selfSignedCertificate; // 127.0.0.1 and localhost, signed by itself
    QString selfSignedKey;
    QString noCertificateFile;    // PEM, but only a private key: not a CA bundle

    // Creates everything in dir; false with *error set (e.g. no openssl command).
    bool create(const QString& dir, QString* error);
};
