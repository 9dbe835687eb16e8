/*
 * bcryptprimitives.dll for Wine 8, which has none.
 *
 * Go 1.22 and later fill their random source from ProcessPrng, which only
 * bcryptprimitives.dll exports; a Go program started under Debian 12's
 * Wine 8.0 dies before main when the DLL is missing. This stand-in is for
 * the smoke test's private Wine prefix only and is never shipped: every
 * Windows 10 and 11 desktop has the real DLL.
 *
 * ProcessPrng is documented to always succeed, so a failure of the
 * underlying generator is not reported as FALSE (Go's runtime would then
 * abort with a less useful message); RtlGenRandom does not fail in Wine.
 */
#include <windows.h>

/* RtlGenRandom is exported by advapi32 under this name only. */
BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T size)
{
	/* RtlGenRandom takes a ULONG, so large requests go in pieces. */
	while (size > 0) {
		ULONG n = size > 0x40000000 ? 0x40000000 : (ULONG)size;
		SystemFunction036(data, n);
		data += n;
		size -= n;
	}
	return TRUE;
}

BOOL WINAPI DllMain(HINSTANCE instance, DWORD reason, LPVOID reserved)
{
	(void)instance;
	(void)reason;
	(void)reserved;
	return TRUE;
}
