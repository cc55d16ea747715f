/* test-writer-characters.c — whatever text a user types, the saved file loads
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Text pasted into a title or a name can hold characters XML 1.0 cannot
 * write at all (control characters such as a vertical tab from a word
 * processor, U+FFFE, U+FFFF).  Saving must still give a file that loads.
 */
#include "config.h"

#include "nl-program-xml.h"

static const struct {
  const char *text;
  const char *kept;   /* what the reloaded document holds */
} cases[] = {
  { "A\001B", "AB" },
  { "tab\tand\vvertical tab", "tab\tandvertical tab" },
  { "form\ffeed\x1f", "formfeed" },
  { "not\xef\xbf\xbe a\xef\xbf\xbf char", "not a char" },
  { "line\nbreak and \xc2\x85 NEL, \xe2\x80\xa8 LS", "line\nbreak and \xc2\x85 NEL, \xe2\x80\xa8 LS" },
  { "quotes \" ' & < > ]]>", "quotes \" ' & < > ]]>" },
};

static void
test_control_characters (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(NlProgram) program = nl_program_new ();
      g_autoptr(NlProgram) reloaded = NULL;
      g_autoptr(NlPhase) phase = nl_phase_new (NL_PHASE_TRAINING, 1);
      g_autoptr(NlSession) session = nl_session_new (1);
      g_autoptr(NlSetGroup) sets = nl_set_group_new ("leg-press");
      g_autoptr(NlPhase) first = NULL;
      g_autoptr(NlSession) first_session = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;
      g_autofree char *again = NULL;
      gsize length;

      nl_program_set_title (program, cases[i].text);
      nl_program_set_description (program, cases[i].text);
      nl_phase_set_name (phase, cases[i].text);
      nl_session_set_name (session, cases[i].text);
      nl_session_insert_sets (session, 0, sets);
      nl_phase_insert_session (phase, 0, session);
      nl_program_insert_phase (program, 0, phase);

      text = nl_program_to_xml (program, &length);
      g_assert_true (g_utf8_validate (text, (gssize) length, NULL));
      reloaded = nl_program_load_from_data (text, length, "typed", NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (reloaded);

      g_assert_cmpstr (nl_program_get_title (reloaded), ==, cases[i].kept);
      g_assert_cmpstr (nl_program_get_description (reloaded), ==, cases[i].kept);
      first = g_list_model_get_item (nl_program_get_phases (reloaded), 0);
      g_assert_cmpstr (nl_phase_get_name (first), ==, cases[i].kept);
      first_session = g_list_model_get_item (nl_phase_get_sessions (first), 0);
      g_assert_cmpstr (nl_session_get_name (first_session), ==, cases[i].kept);
      again = nl_program_to_xml (reloaded, NULL);
      g_assert_cmpstr (again, ==, text);
      g_assert_true (nl_program_equal (program, reloaded));
    }
}

/* A file written by something else with such a character says so plainly. */
static void
test_loader_names_the_character (void)
{
  static const char text[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<program xmlns=\"urn:neurolift:program:1\">\n"
    "  <title>Knee\vrehab</title>\n"
    "  <phase kind=\"detraining\" weeks=\"1\"/>\n"
    "</program>\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(NlProgram) program = NULL;

  program = nl_program_load_from_data (text, sizeof text - 1, "pasted.neurolift", NULL, &error);
  g_assert_null (program);
  g_assert_cmpstr (error->message, ==,
                   "pasted.neurolift:3:14: the file holds control character U+000B, which a "
                   "programme file cannot contain; remove it");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/writer/control-characters", test_control_characters);
  g_test_add_func ("/writer/loader-names-the-character", test_loader_names_the_character);
  return g_test_run ();
}
