#ifndef REGIE_SHA256_H
#define REGIE_SHA256_H

#include <stddef.h>
#include <stdint.h>

/* SHA-256 (FIPS 180-4) for the audit trail's hot path: no allocation per call, and the x86
 * SHA extensions when the CPU has them. Checked against swift-crypto in RegieAuditTests. */
typedef struct {
    uint32_t state[8];
    uint64_t length;      /* bytes hashed so far */
    uint8_t buffer[64];
    size_t buffered;
} regie_sha256_ctx;

void regie_sha256_init(regie_sha256_ctx *ctx);
void regie_sha256_update(regie_sha256_ctx *ctx, const void *data, size_t length);
void regie_sha256_final(regie_sha256_ctx *ctx, uint8_t digest[32]);

/* 1 when the SHA extensions are used, 0 for the portable code. */
int regie_sha256_uses_hardware(void);

/* For tests: 1 forces the portable code, 0 returns to the best available. Both give the same
 * digests, so switching while other threads hash changes nothing but speed. */
void regie_sha256_use_portable(int on);

#endif
