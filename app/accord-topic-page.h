/* accord-topic-page.h: one topic, as a page to read
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "accord-core.h"

G_BEGIN_DECLS

#define ACCORD_TYPE_TOPIC_PAGE (accord_topic_page_get_type ())
G_DECLARE_FINAL_TYPE (AccordTopicPage, accord_topic_page, ACCORD, TOPIC_PAGE, GtkWidget)

AccordTopic *accord_topic_page_get_topic  (AccordTopicPage *self);
void         accord_topic_page_set_topic  (AccordTopicPage *self,
                                           AccordTopic     *topic);
void         accord_topic_page_show_pack  (AccordTopicPage *self,
                                           AccordPack      *pack);
void         accord_topic_page_set_show_contents
                                          (AccordTopicPage *self,
                                           gboolean         show_contents);
void         accord_topic_page_set_highlight
                                          (AccordTopicPage *self,
                                           const char      *query);
void         accord_topic_page_find       (AccordTopicPage *self);
guint        accord_topic_page_find_text  (AccordTopicPage *self,
                                           const char      *text);
void         accord_topic_page_find_next  (AccordTopicPage *self,
                                           gboolean         backwards);

G_END_DECLS
