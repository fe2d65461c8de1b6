#include "TlsIdentity.h"

#include <QCoreApplication>
#include <QFile>
#include <QHostAddress>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace signoff::mockrp {

namespace {
// lupdate files these strings under the context named here, as they are looked up at run time.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(signoff::mockrp::TlsIdentity)
};

template <typename T, void (*F)(T *)> struct Deleter
{
    void operator()(T *p) const { F(p); }
};
using PkeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using X509Ptr = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using BioPtr = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;
using ExtPtr = std::unique_ptr<X509_EXTENSION, Deleter<X509_EXTENSION, X509_EXTENSION_free>>;

QByteArray bioBytes(BIO *bio)
{
    char *data = nullptr;
    const long len = BIO_get_mem_data(bio, &data);
    return QByteArray(data, len);
}

bool addExtension(X509 *cert, int nid, const QByteArray &value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0);
    ExtPtr ext(X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.constData()));
    return ext && X509_add_ext(cert, ext.get(), -1) == 1;
}
} // namespace

Result<TlsIdentity> generateSelfSigned(const QStringList &hosts, int validDays)
{
    PkeyPtr key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
    X509Ptr cert(X509_new());
    if (!key || !cert)
        return Result<TlsIdentity>::failure(Tr::tr("OpenSSL could not create a key"));
    unsigned char serial[16];
    if (RAND_bytes(serial, sizeof serial) != 1)
        return Result<TlsIdentity>::failure(Tr::tr("no randomness for the certificate serial"));
    serial[0] &= 0x7f;
    BIGNUM *bn = BN_bin2bn(serial, sizeof serial, nullptr);
    ASN1_INTEGER *sn = BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(cert.get()));
    BN_free(bn);
    if (!sn)
        return Result<TlsIdentity>::failure(Tr::tr("OpenSSL could not set the serial"));
    X509_set_version(cert.get(), 2);
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), long(validDays) * 86400);
    X509_set_pubkey(cert.get(), key.get());
    X509_NAME *name = X509_get_subject_name(cert.get());
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char *>("Signoff mock RP"),
                               -1, -1, 0);
    X509_set_issuer_name(cert.get(), name);

    QStringList san;
    for (const QString &h : hosts) {
        QHostAddress ip;
        san << (ip.setAddress(h) ? QStringLiteral("IP:") : QStringLiteral("DNS:")) + h;
    }
    if (san.isEmpty())
        san << QStringLiteral("DNS:localhost") << QStringLiteral("IP:127.0.0.1");
    // No keyUsage/basicConstraints: with keyUsage lacking keyCertSign OpenSSL no longer treats
    // the certificate as self-signed, and a client could not trust it by adding it as its CA.
    if (!addExtension(cert.get(), NID_subject_alt_name, san.join(QLatin1Char(',')).toLatin1()) ||
        !addExtension(cert.get(), NID_ext_key_usage, "serverAuth"))
        return Result<TlsIdentity>::failure(Tr::tr("OpenSSL could not add certificate extensions"));
    if (X509_sign(cert.get(), key.get(), EVP_sha256()) <= 0)
        return Result<TlsIdentity>::failure(Tr::tr("OpenSSL could not sign the certificate"));

    BioPtr certBio(BIO_new(BIO_s_mem()));
    BioPtr keyBio(BIO_new(BIO_s_mem()));
    if (!certBio || !keyBio || PEM_write_bio_X509(certBio.get(), cert.get()) != 1 ||
        PEM_write_bio_PrivateKey(keyBio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1)
        return Result<TlsIdentity>::failure(Tr::tr("OpenSSL could not encode the certificate"));
    TlsIdentity id{QSslCertificate(bioBytes(certBio.get()), QSsl::Pem),
                   QSslKey(bioBytes(keyBio.get()), QSsl::Ec, QSsl::Pem, QSsl::PrivateKey)};
    if (id.certificate.isNull() || id.key.isNull())
        return Result<TlsIdentity>::failure(Tr::tr("Qt could not read the generated certificate"));
    return id;
}

Result<TlsIdentity> loadTlsIdentity(const QString &certFile, const QString &keyFile)
{
    QFile c(certFile);
    if (!c.open(QIODevice::ReadOnly))
        return Result<TlsIdentity>::failure(Tr::tr("cannot read %1: %2").arg(certFile, c.errorString()));
    const auto chain = QSslCertificate::fromData(c.readAll(), QSsl::Pem);
    if (chain.isEmpty())
        return Result<TlsIdentity>::failure(Tr::tr("%1 holds no PEM certificate").arg(certFile));
    QFile k(keyFile);
    if (!k.open(QIODevice::ReadOnly))
        return Result<TlsIdentity>::failure(Tr::tr("cannot read %1: %2").arg(keyFile, k.errorString()));
    const QByteArray pem = k.readAll();
    for (const QSsl::KeyAlgorithm alg : {QSsl::Rsa, QSsl::Ec, QSsl::Opaque}) {
        QSslKey key(pem, alg, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            return TlsIdentity{chain.first(), key};
    }
    return Result<TlsIdentity>::failure(Tr::tr("%1 holds no unencrypted PEM private key").arg(keyFile));
}

QString sha256Fingerprint(const QSslCertificate &certificate)
{
    return QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex(':').toUpper());
}

} // namespace signoff::mockrp
