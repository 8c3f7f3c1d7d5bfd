/* accord-error.c: the pack loader's error domain
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "accord-error.h"

G_DEFINE_QUARK (accord-pack-error-quark, accord_pack_error)
