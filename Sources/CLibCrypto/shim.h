// SHA-256 (and SHA-1) from the system libcrypto (OpenSSL 3), nothing else.
#ifndef SOXREADY_CLIBCRYPTO_SHIM_H
#define SOXREADY_CLIBCRYPTO_SHIM_H
// The low-level SHA256_Init/Update/Final are deprecated in OpenSSL 3.0 but present in every 3.x.
// They are used on purpose: the one-shot SHA256() goes through EVP_Q_digest, which loads the
// OpenSSL configuration and providers on its first call (about 1 ms of every soxready process,
// and a cleanup at exit); the low-level functions hash with the same code and need neither.
#define OPENSSL_SUPPRESS_DEPRECATED 1
#include <openssl/sha.h>

/// The SHA-256 of `count` bytes at `bytes` into the 32 bytes at `digest`.
static inline void soxready_sha256(const unsigned char *bytes, size_t count, unsigned char *digest) {
    SHA256_CTX context;
    SHA256_Init(&context);
    SHA256_Update(&context, bytes, count);
    SHA256_Final(digest, &context);
}
#endif
