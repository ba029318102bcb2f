/* bcryptprimitives.dll for Wine 8.0: ProcessPrng only, which Windows 10 exports and Wine 8.0
 * lacks. Rust's standard library (1.78 and later) imports it for its random numbers:
 * pydantic-core and zxcvbn-rs-py do not load without it. Built with MinGW-w64 by
 * packaging/windows/check-under-wine.sh; never shipped (Windows has its own). */
#include <windows.h>
#include <bcrypt.h>

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T size)
{
    while (size) {
        ULONG chunk = size > 0x40000000 ? 0x40000000 : (ULONG)size;
        if (BCryptGenRandom(NULL, data, chunk, BCRYPT_USE_SYSTEM_PREFERRED_RNG) != 0)
            return FALSE;
        data += chunk;
        size -= chunk;
    }
    return TRUE;
}
