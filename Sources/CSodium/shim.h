#ifndef COLEDGER_CSODIUM_SHIM_H
#define COLEDGER_CSODIUM_SHIM_H
#include <sodium.h>
#endif
