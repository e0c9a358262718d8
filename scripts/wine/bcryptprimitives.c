/* A stand-in for Windows' bcryptprimitives.dll, which Debian 12's Wine 8 lacks: Rust's
 * standard library (1.78 and later) asks its ProcessPrng for random bytes, so no Rust
 * program starts under that Wine without it. Used only by scripts/check-windows.sh --run;
 * a real Windows has the real one. */
#include <windows.h>
#include <ntsecapi.h>

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) { return RtlGenRandom(data, (ULONG)len); }
