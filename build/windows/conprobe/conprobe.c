/*
 * conprobe runs a program the way an interactive Command Prompt on
 * Windows runs a windowed (GUI-subsystem) one, and reports what reached
 * the console. The smoke test needs it because Wine hands even a windowed
 * program the standard handles of whoever started it, so a plain
 * "wine cmd /c scorecard.exe list" passes whether or not scorecard.exe
 * attaches to the console; Windows gives it no handles at all.
 *
 * Usage: conprobe PROGRAM [ARGS...]
 * It gives itself a new console, starts PROGRAM detached from it with no
 * standard handles, as Windows starts a windowed program, waits, then
 * prints to its own original standard output every non-blank line of the
 * console's screen buffer, and "exit=N" with PROGRAM's exit status.
 * Wine's console needs a display (Xvfb will do) for the buffer to be read. It exits 0 if it could run the
 * program, 125 if it could not.
 */
#include <windows.h>
#include <stdio.h>
#include <wchar.h>

static HANDLE out, errout;

static void put(const wchar_t *s, int n)
{
	char buf[4096];
	DWORD done;
	int len = WideCharToMultiByte(CP_UTF8, 0, s, n, buf, sizeof buf, NULL, NULL);
	WriteFile(out, buf, len, &done, NULL);
}

static int fail(const char *what)
{
	char buf[256];
	DWORD done;
	int n = snprintf(buf, sizeof buf, "conprobe: %s: error %lu\n", what, GetLastError());
	WriteFile(errout, buf, n, &done, NULL);
	return 125;
}

int wmain(void)
{
	/* The command line after conprobe's own name, quoting kept as given. */
	out = GetStdHandle(STD_OUTPUT_HANDLE);
	errout = GetStdHandle(STD_ERROR_HANDLE);
	wchar_t *cmd = GetCommandLineW();
	int quoted = 0;
	for (; *cmd && (quoted || (*cmd != L' ' && *cmd != L'\t')); cmd++)
		if (*cmd == L'"')
			quoted = !quoted;
	while (*cmd == L' ' || *cmd == L'\t')
		cmd++;
	if (!*cmd) {
		SetLastError(0);
		return fail("usage: conprobe PROGRAM [ARGS...]");
	}

	FreeConsole();
	if (!AllocConsole())
		return fail("AllocConsole");
	HANDLE screen = CreateFileW(L"CONOUT$", GENERIC_READ | GENERIC_WRITE,
		FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, OPEN_EXISTING, 0, NULL);
	if (screen == INVALID_HANDLE_VALUE)
		return fail("open CONOUT$");

	/*
	 * What a windowed program started from an interactive cmd.exe gets on
	 * Windows: no console and no standard handles. Wine would attach it to
	 * ours and pass handles on unless told DETACHED_PROCESS.
	 */
	STARTUPINFOW si = { .cb = sizeof si };
	PROCESS_INFORMATION pi;
	if (!CreateProcessW(NULL, cmd, NULL, NULL, FALSE, DETACHED_PROCESS, NULL, NULL, &si, &pi))
		return fail("CreateProcess");
	WaitForSingleObject(pi.hProcess, INFINITE);
	DWORD code = 0;
	GetExitCodeProcess(pi.hProcess, &code);

	CONSOLE_SCREEN_BUFFER_INFO info;
	if (!GetConsoleScreenBufferInfo(screen, &info))
		return fail("GetConsoleScreenBufferInfo");
	SHORT width = info.dwSize.X;
	wchar_t *line = calloc(width, sizeof *line);
	for (SHORT y = 0; y <= info.dwCursorPosition.Y; y++) {
		COORD at = { 0, y };
		DWORD n = 0;
		ReadConsoleOutputCharacterW(screen, line, width, at, &n);
		while (n > 0 && line[n - 1] == L' ')
			n--;
		if (n > 0) {
			put(line, n);
			put(L"\n", 1);
		}
	}
	char buf[32];
	DWORD done;
	int n = snprintf(buf, sizeof buf, "exit=%lu\n", code);
	WriteFile(out, buf, n, &done, NULL);
	return 0;
}
