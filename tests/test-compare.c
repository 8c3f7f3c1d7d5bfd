/* test-compare.c (stub, to be written) */
#include "config.h"
#include "accord-core.h"
int main (int argc, char *argv[]) { g_test_init (&argc, &argv, NULL); return g_test_run (); }
