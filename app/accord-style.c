/* accord-style.c: light or dark, as chosen or as the desktop prefers
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The style is app.style, a stateful action whose state is system, light
 * or dark, remembered in the `style` setting. Light and dark are applied
 * as they are; system follows the desktop's colour-scheme preference:
 *
 *   1. the Settings portal (org.freedesktop.portal.Settings, namespace
 *      org.freedesktop.appearance, key color-scheme: 0 no preference,
 *      1 dark, 2 light), read with ReadOne, or Read on older portals, and
 *      followed through its SettingChanged signal;
 *   2. without a portal, org.gnome.desktop.interface color-scheme, when
 *      that schema is installed, followed through its changes;
 *   3. otherwise, and while the portal has not answered yet, whatever GTK
 *      had before Accord touched it.
 *
 * Everything on the bus is asynchronous: start-up never waits for it, and
 * a missing portal only means step 2. Without libadwaita, the style is
 * applied through GtkSettings:gtk-application-prefer-dark-theme.
 */

#define G_LOG_DOMAIN "accord"

#include "config.h"

#include <gtk/gtk.h>

#include "accord-style.h"

#define PORTAL_BUS_NAME "org.freedesktop.portal.Desktop"
#define PORTAL_OBJECT_PATH "/org/freedesktop/portal/desktop"
#define PORTAL_SETTINGS_INTERFACE "org.freedesktop.portal.Settings"
#define APPEARANCE_NAMESPACE "org.freedesktop.appearance"
#define COLOR_SCHEME_KEY "color-scheme"

typedef enum {
  SCHEME_DEFAULT = 0,
  SCHEME_PREFER_DARK = 1,
  SCHEME_PREFER_LIGHT = 2,
} Scheme;

struct _AccordStyle
{
  GObject parent_instance;

  GSettings *settings;        /* nullable: Accord's */
  GSimpleAction *action;
  GDBusConnection *bus;       /* nullable */
  GCancellable *cancellable;
  guint portal_subscription;
  GSettings *desktop;         /* nullable: org.gnome.desktop.interface */
  Scheme scheme;              /* the desktop's preference */
  gboolean gtk_default_dark;  /* GTK's own setting, before ours */
};

G_DEFINE_FINAL_TYPE (AccordStyle, accord_style, G_TYPE_OBJECT)

static gboolean
is_style (const char *style)
{
  return g_strcmp0 (style, "system") == 0 || g_strcmp0 (style, "light") == 0 || g_strcmp0 (style, "dark") == 0;
}

/**
 * accord_style_is_dark:
 *
 * Returns: whether Accord asks for the dark style now
 */
gboolean
accord_style_is_dark (AccordStyle *self)
{
  g_autoptr(GVariant) state = NULL;
  const char *style;

  g_return_val_if_fail (ACCORD_IS_STYLE (self), FALSE);

  state = g_action_get_state (G_ACTION (self->action));
  style = g_variant_get_string (state, NULL);

  if (g_str_equal (style, "dark"))
    return TRUE;
  if (g_str_equal (style, "light"))
    return FALSE;

  switch (self->scheme)
    {
    case SCHEME_PREFER_DARK:
      return TRUE;
    case SCHEME_PREFER_LIGHT:
      return FALSE;
    case SCHEME_DEFAULT:
    default:
      return self->gtk_default_dark;
    }
}

static void
apply (AccordStyle *self)
{
  GtkSettings *gtk_settings = gtk_settings_get_default ();
  gboolean dark = accord_style_is_dark (self);
  gboolean current;

  if (gtk_settings == NULL)
    return;

  /* Setting it, even to the value it has, makes GTK load the theme again:
   * 10 ms of start-up. */
  g_object_get (gtk_settings, "gtk-application-prefer-dark-theme", &current, NULL);
  if (current == dark)
    return;

  g_debug ("Style: %s", dark ? "dark" : "light");
  g_object_set (gtk_settings, "gtk-application-prefer-dark-theme", dark, NULL);
}

static void
set_scheme (AccordStyle *self,
            Scheme       scheme)
{
  if (scheme > SCHEME_PREFER_LIGHT)
    scheme = SCHEME_DEFAULT;

  self->scheme = scheme;
  apply (self);
}

/* The action and the setting */

static void
on_change_state (GSimpleAction *action,
                 GVariant      *value,
                 gpointer       user_data)
{
  AccordStyle *self = user_data;
  const char *style = g_variant_get_string (value, NULL);

  if (!is_style (style))
    return;

  g_simple_action_set_state (action, value);
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "style", style);
  apply (self);
}

static void
on_style_setting_changed (AccordStyle *self)
{
  g_autofree char *style = g_settings_get_string (self->settings, "style");

  g_simple_action_set_state (self->action, g_variant_new_string (style));
  apply (self);
}

/* GNOME's setting, without a portal */

static void
on_desktop_changed (AccordStyle *self)
{
  g_autofree char *scheme = g_settings_get_string (self->desktop, COLOR_SCHEME_KEY);

  set_scheme (self, g_str_equal (scheme, "prefer-dark") ? SCHEME_PREFER_DARK
                    : g_str_equal (scheme, "prefer-light") ? SCHEME_PREFER_LIGHT
                    : SCHEME_DEFAULT);
}

static void
follow_desktop_settings (AccordStyle *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, "org.gnome.desktop.interface", TRUE);

  if (schema == NULL || !g_settings_schema_has_key (schema, COLOR_SCHEME_KEY))
    {
      g_debug ("Style: no portal and no GNOME colour scheme to follow");
      return;
    }

  self->desktop = g_settings_new_full (schema, NULL, NULL);
  g_signal_connect_swapped (self->desktop, "changed::" COLOR_SCHEME_KEY, G_CALLBACK (on_desktop_changed), self);
  on_desktop_changed (self);
}

/* The portal */

/* The colour scheme in a portal's answer: a u, in one or two variants. */
static gboolean
scheme_from_value (GVariant *value,
                   Scheme   *scheme)
{
  g_autoptr(GVariant) inner = NULL;

  while (g_variant_is_of_type (value, G_VARIANT_TYPE_VARIANT))
    {
      GVariant *next = g_variant_get_variant (value);

      g_clear_pointer (&inner, g_variant_unref);
      inner = next;
      value = inner;
    }

  if (!g_variant_is_of_type (value, G_VARIANT_TYPE_UINT32))
    return FALSE;

  *scheme = g_variant_get_uint32 (value);
  return TRUE;
}

static void
on_portal_setting_changed (GDBusConnection *connection,
                           const char      *sender_name,
                           const char      *object_path,
                           const char      *interface_name,
                           const char      *signal_name,
                           GVariant        *parameters,
                           gpointer         user_data)
{
  AccordStyle *self = user_data;
  const char *namespace, *key;
  g_autoptr(GVariant) value = NULL;
  Scheme scheme;

  if (!g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(ssv)")))
    return;

  g_variant_get (parameters, "(&s&sv)", &namespace, &key, &value);
  if (g_str_equal (namespace, APPEARANCE_NAMESPACE) && g_str_equal (key, COLOR_SCHEME_KEY) &&
      scheme_from_value (value, &scheme))
    set_scheme (self, scheme);
}

static void handle_portal_reply (AccordStyle *self,
                                 GVariant    *reply,
                                 GError      *error);
static void on_portal_read (GObject      *source,
                            GAsyncResult *result,
                            gpointer      user_data);

static void
on_portal_read_one (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(AccordStyle) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);

  /* An older portal, without ReadOne: Read wraps the value once more. */
  if (g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_METHOD))
    {
      g_dbus_connection_call (self->bus, PORTAL_BUS_NAME, PORTAL_OBJECT_PATH, PORTAL_SETTINGS_INTERFACE, "Read",
                              g_variant_new ("(ss)", APPEARANCE_NAMESPACE, COLOR_SCHEME_KEY),
                              G_VARIANT_TYPE ("(v)"), G_DBUS_CALL_FLAGS_NONE, -1, self->cancellable,
                              on_portal_read, g_object_ref (self));
      return;
    }

  handle_portal_reply (self, reply, error);
}

static void
on_portal_read (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(AccordStyle) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);

  handle_portal_reply (self, reply, error);
}

static void
handle_portal_reply (AccordStyle *self,
                     GVariant    *reply,
                     GError      *error)
{
  g_autoptr(GVariant) value = NULL;
  Scheme scheme;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (reply == NULL)
    {
      g_debug ("Style: no colour scheme from the portal: %s", error->message);
      follow_desktop_settings (self);
      return;
    }

  g_variant_get (reply, "(v)", &value);
  if (!scheme_from_value (value, &scheme))
    {
      g_debug ("Style: the portal's colour scheme is a %s", g_variant_get_type_string (value));
      follow_desktop_settings (self);
      return;
    }

  self->portal_subscription =
    g_dbus_connection_signal_subscribe (self->bus, PORTAL_BUS_NAME, PORTAL_SETTINGS_INTERFACE, "SettingChanged",
                                        PORTAL_OBJECT_PATH, APPEARANCE_NAMESPACE, G_DBUS_SIGNAL_FLAGS_NONE,
                                        on_portal_setting_changed, self, NULL);
  set_scheme (self, scheme);
}

static void
read_portal (AccordStyle *self)
{
  g_dbus_connection_call (self->bus, PORTAL_BUS_NAME, PORTAL_OBJECT_PATH, PORTAL_SETTINGS_INTERFACE, "ReadOne",
                          g_variant_new ("(ss)", APPEARANCE_NAMESPACE, COLOR_SCHEME_KEY),
                          G_VARIANT_TYPE ("(v)"), G_DBUS_CALL_FLAGS_NONE, -1, self->cancellable,
                          on_portal_read_one, g_object_ref (self));
}

static void
on_bus (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(AccordStyle) self = user_data;
  g_autoptr(GError) error = NULL;

  self->bus = g_bus_get_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (self->bus == NULL)
    {
      g_debug ("Style: no session bus: %s", error->message);
      follow_desktop_settings (self);
      return;
    }

  read_portal (self);
}

/* The object */

static void
accord_style_dispose (GObject *object)
{
  AccordStyle *self = ACCORD_STYLE (object);

  g_cancellable_cancel (self->cancellable);
  if (self->portal_subscription != 0)
    g_dbus_connection_signal_unsubscribe (self->bus, self->portal_subscription);
  self->portal_subscription = 0;
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  if (self->desktop != NULL)
    g_signal_handlers_disconnect_by_data (self->desktop, self);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->bus);
  g_clear_object (&self->desktop);
  g_clear_object (&self->settings);
  g_clear_object (&self->action);

  G_OBJECT_CLASS (accord_style_parent_class)->dispose (object);
}

static void
accord_style_class_init (AccordStyleClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = accord_style_dispose;
}

static void
accord_style_init (AccordStyle *self)
{
  self->cancellable = g_cancellable_new ();
}

/**
 * accord_style_new:
 * @settings: (nullable): Accord's settings, to remember the choice in
 * @bus: (nullable): the session bus, if the application has it already
 *
 * Applies the remembered style at once, and starts asking the desktop
 * for its preference, which applies when it arrives.
 */
AccordStyle *
accord_style_new (GSettings       *settings,
                  GDBusConnection *bus)
{
  AccordStyle *self = g_object_new (ACCORD_TYPE_STYLE, NULL);
  GtkSettings *gtk_settings = gtk_settings_get_default ();
  g_autofree char *style = NULL;

  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (bus == NULL || G_IS_DBUS_CONNECTION (bus), NULL);

  if (gtk_settings != NULL)
    g_object_get (gtk_settings, "gtk-application-prefer-dark-theme", &self->gtk_default_dark, NULL);

  if (settings != NULL)
    {
      self->settings = g_object_ref (settings);
      style = g_settings_get_string (settings, "style");
    }
  if (!is_style (style))
    {
      g_free (style);
      style = g_strdup ("system");
    }

  self->action = g_simple_action_new_stateful ("style", G_VARIANT_TYPE_STRING, g_variant_new_string (style));
  g_signal_connect_object (self->action, "change-state", G_CALLBACK (on_change_state), self, 0);
  if (settings != NULL)
    g_signal_connect_swapped (settings, "changed::style", G_CALLBACK (on_style_setting_changed), self);
  apply (self);

  if (bus != NULL)
    {
      self->bus = g_object_ref (bus);
      read_portal (self);
    }
  else
    g_bus_get (G_BUS_TYPE_SESSION, self->cancellable, on_bus, g_object_ref (self));

  return self;
}

/**
 * accord_style_get_action:
 *
 * Returns: (transfer none): the `style` action, for the application
 */
GAction *
accord_style_get_action (AccordStyle *self)
{
  g_return_val_if_fail (ACCORD_IS_STYLE (self), NULL);

  return G_ACTION (self->action);
}
