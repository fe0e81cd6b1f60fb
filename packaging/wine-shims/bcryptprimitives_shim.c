/* Test-only stand-in for bcryptprimitives.dll, which Windows 10+ has and Wine 8 lacks.
 * Qt6Pdf (Chromium's base::RandBytes) loads it for ProcessPrng and stops with a breakpoint when it is missing.
 * Copied into a throwaway Wine prefix by packaging/smoke_windows.sh; never shipped to users. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length); /* RtlGenRandom, advapi32 */

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
