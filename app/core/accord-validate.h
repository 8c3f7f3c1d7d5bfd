/* accord-validate.h: `accord --validate`, shared with the build-time check
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

int accord_validate_files (const char * const *paths);

G_END_DECLS
