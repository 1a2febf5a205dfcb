/* mbedtls configuration for timpush: HMAC-SHA256 through the md layer, nothing else. */
#ifndef TIMPUSH_MBEDTLS_CONFIG_H
#define TIMPUSH_MBEDTLS_CONFIG_H

#define MBEDTLS_MD_C
#define MBEDTLS_SHA256_C

#include "mbedtls/check_config.h"

#endif
