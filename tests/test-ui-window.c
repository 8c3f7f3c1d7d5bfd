/* test-ui-window.c (being written) */
#include "config.h"
#include "accord-test-util.h"
int main (int argc, char *argv[]) { gtk_test_init (&argc, &argv, NULL); return g_test_run (); }
