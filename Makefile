# Scorecard. `make run` and `make test` do all set-up on a fresh Debian 12
# machine: scripts/setup.sh installs what is missing first.
SHELL := /bin/bash
export PATH := /usr/local/go/bin:$(PATH)
GO ?= go
BIN := scorecard
GOTEST_FLAGS ?= -timeout 30m

.PHONY: all deps build run test vet screenshots bench clean generate windows windows-smoke

all: build

deps:
	@scripts/setup.sh build test

# The Linux build takes OpenGL's functions through EGL (go-gl's egl tag).
# Linked to libGL, every command, help as much as an import, first loaded
# GLVND's GLX libraries and X11's under them, thirteen in all: some 170
# page faults and 2 ms of each start. EGL is two. The window still draws in the context GLFW
# makes through GLX; window_test.go builds it so (glTags) and looks. The
# Windows build (scripts/windows.sh) links opengl32 as before.
GUI_TAGS := egl

# The window needs cgo (Fyne's GLFW driver), whatever CGO_ENABLED the
# caller's shell has for the headless tests.
build:
	@scripts/setup.sh build
	CGO_ENABLED=1 $(GO) build -tags $(GUI_TAGS) -o $(BIN) .

# Opens the window; on first launch with an empty store it loads the demo
# scorecards. Without a display it runs under Xvfb, so at least it starts.
run: build
	@if [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ]; then ./$(BIN); \
	else echo "no display: running under xvfb-run"; scripts/setup.sh xvfb && xvfb-run -a ./$(BIN); fi

vet:
	gofmt -l . | tee /dev/stderr | (! read)
	$(GO) vet ./...

# Every package's tests with Fyne's software driver (-tags ci needs no GL),
# with a private PostgreSQL cluster up for the team store's tests (on a
# Unix socket in a temporary folder, removed afterwards; see
# scripts/postgres.sh), then the release's weighing of candidates on
# several processors at once under the race detector (its test proves the
# answers the same; only the detector proves the parts share nothing they
# write), then the real cgo build of the app so a GUI build break shows
# at once.
test: deps vet
	scripts/postgres.sh run -- $(GO) test -tags ci $(GOTEST_FLAGS) ./...
	CGO_ENABLED=1 $(GO) test -race -run 'TestQuickWeighingChangesNothing/weighing_in_parts' ./app/disclosure
	CGO_ENABLED=1 $(GO) build -tags $(GUI_TAGS) -o $(BIN) .

# Regenerates the embedded demo workbook and icon.
generate:
	$(GO) generate ./assets

bench: deps
	scripts/bench.sh

screenshots: build
	scripts/screenshots.sh

# scorecard.exe for Windows desktops, cross-compiled with mingw-w64.
windows:
	@scripts/setup.sh windows
	scripts/windows.sh build

# Runs scorecard.exe under Wine and Xvfb: CLI import and export, the
# window's first frame, and the native Open and Save dialogs.
windows-smoke: windows
	scripts/windows.sh smoke

clean:
	rm -f $(BIN) $(BIN).exe
