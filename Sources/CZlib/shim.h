#pragma once
#include <zlib.h>

/* deflateInit2 and inflateInit2 are macros; these make them callable from Swift. Raw deflate
   (no zlib header), as ZIP stores it. */
static inline int legality_raw_deflate_init(z_streamp stream, int level) {
    return deflateInit2(stream, level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
}

static inline int legality_raw_inflate_init(z_streamp stream) {
    return inflateInit2(stream, -MAX_WBITS);
}
