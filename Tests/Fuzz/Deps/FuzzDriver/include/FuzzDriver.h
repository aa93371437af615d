// The fuzz binary's entry point (see driver.c); nothing to import from Swift.
int coledger_fuzz_main(int argc, char **argv);
