// SwiftPM links an executable with `main` aliased to `<module>_main` (here coledger_fuzz_main),
// which would hide libFuzzer's own `main`. This is that function: it hands control to libFuzzer,
// which calls LLVMFuzzerTestOneInput (Main/Main.swift) for every input.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

int coledger_fuzz_main(int argc, char **argv) {
    return LLVMFuzzerRunDriver(&argc, &argv, LLVMFuzzerTestOneInput);
}
