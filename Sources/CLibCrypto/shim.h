// SHA-256 from the system libcrypto (OpenSSL 3): one-shot digest, nothing else.
#ifndef SOXREADY_CLIBCRYPTO_SHIM_H
#define SOXREADY_CLIBCRYPTO_SHIM_H
#include <openssl/sha.h>
#endif
