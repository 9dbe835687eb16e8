/*
 * dlgprobe tells the smoke test whether a Windows common file dialog
 * (Open or Save) is on the screen, as the system draws it: a top-level
 * window of the dialog class "#32770" whose title holds a given text,
 * with the common dialog's file name box and its folder list inside. A
 * dialog Fyne drew itself would be a GLFW window, not this; the X
 * window's title alone cannot tell them apart.
 *
 * Usage: dlgprobe TITLE-TEXT [SECONDS]
 * It waits up to SECONDS (default 30) for such a window and prints one
 * line: "found class=#32770 title=... children=N combo=Y list=Y" and
 * exits 0, or "none" and exits 1. With SECONDS 0 it looks once, so
 * "dlgprobe TEXT 0" exiting 1 says the dialog has closed.
 */
#include <windows.h>
#include <stdio.h>
#include <wchar.h>

static const wchar_t *want;
static HWND found;

struct kids {
	int n, combo, list;
};

static BOOL CALLBACK child(HWND h, LPARAM lp)
{
	struct kids *k = (struct kids *)lp;
	wchar_t cls[64];
	k->n++;
	GetClassNameW(h, cls, 64);
	/* The file name box is a ComboBoxEx32 (or ComboBox); the files and
	 * folders are a SysListView32 in the shell view. */
	if (wcsncmp(cls, L"ComboBox", 8) == 0)
		k->combo = 1;
	if (wcscmp(cls, L"SysListView32") == 0)
		k->list = 1;
	return TRUE;
}

static BOOL CALLBACK top(HWND h, LPARAM lp)
{
	wchar_t cls[64], title[512];
	(void)lp;
	if (!IsWindowVisible(h) || !GetClassNameW(h, cls, 64) || wcscmp(cls, L"#32770") != 0)
		return TRUE;
	GetWindowTextW(h, title, 512);
	if (wcsstr(title, want) == NULL)
		return TRUE;
	found = h;
	return FALSE;
}

static void put(const wchar_t *s)
{
	char buf[2048];
	DWORD done;
	int len = WideCharToMultiByte(CP_UTF8, 0, s, -1, buf, sizeof buf, NULL, NULL);
	if (len > 0)
		WriteFile(GetStdHandle(STD_OUTPUT_HANDLE), buf, len - 1, &done, NULL);
}

int wmain(int argc, wchar_t **argv)
{
	int seconds = 30, i;
	if (argc < 2) {
		put(L"usage: dlgprobe TITLE-TEXT [SECONDS]\n");
		return 2;
	}
	want = argv[1];
	if (argc > 2)
		seconds = _wtoi(argv[2]);
	for (i = 0; i <= seconds * 4; i++) {
		found = NULL;
		EnumWindows(top, 0);
		if (found)
			break;
		if (seconds > 0)
			Sleep(250);
	}
	if (!found) {
		put(L"none\n");
		return 1;
	}
	{
		wchar_t title[512], line[1024];
		struct kids k = {0, 0, 0};
		/* The shell view fills in a moment after the dialog shows. */
		for (i = 0; i < 20 && !(k.combo && k.list); i++) {
			k.n = k.combo = k.list = 0;
			EnumChildWindows(found, child, (LPARAM)&k);
			if (!(k.combo && k.list))
				Sleep(250);
		}
		GetWindowTextW(found, title, 512);
		swprintf(line, 1024, L"found class=#32770 title=%ls children=%d combo=%ls list=%ls\n",
			 title, k.n, k.combo ? L"Y" : L"N", k.list ? L"Y" : L"N");
		put(line);
	}
	return 0;
}
