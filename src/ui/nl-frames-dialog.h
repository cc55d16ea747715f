/* nl-frames-dialog.h — how long, how smooth and how large an exported animation is
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct {
  guint  seconds;
  guint  fps;
  int    width;
  int    height;
} NlFramesOptions;

typedef void (*NlFramesChosenFunc) (GObject               *owner,
                                    const NlFramesOptions *options);

/* What the dialog offers first: 2 s at 30 frames per second, 1920 × 1080. */
void       nl_frames_options_init       (NlFramesOptions       *options);
guint      nl_frames_options_n_frames   (const NlFramesOptions *options);

/* A dialog asking for the options, starting from @initial; its response
 * "choose" hands them to @callback (nothing on "cancel"). */
GtkWidget *nl_frames_dialog_new         (GtkWindow             *parent,
                                         const NlFramesOptions *initial,
                                         GObject               *owner,
                                         NlFramesChosenFunc     callback);
void       nl_frames_dialog_get_options (GtkWidget             *dialog,
                                         NlFramesOptions       *options);
void       nl_frames_dialog_set_options (GtkWidget             *dialog,
                                         const NlFramesOptions *options);

G_END_DECLS
