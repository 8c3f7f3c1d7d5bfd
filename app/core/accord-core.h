/* accord-core.h: the GTK-free data layer, in one include
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "accord-array-model.h"
#include "accord-compare.h"
#include "accord-diagnostic.h"
#include "accord-error.h"
#include "accord-i18n.h"
#include "accord-pack.h"
#include "accord-result-list.h"
#include "accord-search.h"
#include "accord-task.h"
#include "accord-types.h"
