# balie — build, test and install.
#
#   make deps      install missing Debian packages (apt-get; quiet when all is there)
#   make           build ./balie (incremental; header dependencies tracked)
#   make check     deps + build + every test layer; last line "N passed, N failed"
#   make demo      deps + build + ./balie demo
#   make bench     benchmarks (not part of check); figures in bench/results.tsv
#   make fuzz      build the libFuzzer targets (clang) in build/fuzz/
#   make install   PREFIX=/usr/local DESTDIR=

PREFIX   ?= /usr/local
DESTDIR  ?=
BINDIR    = $(PREFIX)/bin
SHAREDIR  = $(PREFIX)/share/balie
MANDIR    = $(PREFIX)/share/man

CC       ?= cc
PKGS      = ncursesw libpq libsodium liboath libconfig libqrencode libical xlsxwriter gmime-3.0
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
CMOCKA_LIBS := $(shell pkg-config --libs cmocka 2>/dev/null)

WARN      = -Wall -Wextra -Werror -Wno-unused-parameter -Wmissing-prototypes
CPPFLAGS += -I. -DBALIE_SHAREDIR='"$(SHAREDIR)"' -D_GNU_SOURCE
CFLAGS   ?= -O2 -g
CFLAGS   += -std=c11 $(WARN) $(PKG_CFLAGS) -MMD -MP
LDLIBS   += $(PKG_LIBS) -lunistring -lm
SAN       = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer

CORE_SRC := $(wildcard core/*.c)
DB_SRC   := $(wildcard db/*.c) build/gen/migrations.c
TUI_SRC  := $(wildcard tui/*.c tui/cmd/*.c)

OBJ       = build/obj
AOBJ      = build/asan/obj
CORE_OBJ := $(CORE_SRC:%.c=$(OBJ)/%.o)
DB_OBJ   := $(DB_SRC:%.c=$(OBJ)/%.o)
TUI_OBJ  := $(TUI_SRC:%.c=$(OBJ)/%.o)
ACORE_OBJ := $(CORE_SRC:%.c=$(AOBJ)/%.o)
ADB_OBJ   := $(DB_SRC:%.c=$(AOBJ)/%.o)

UNIT_SRC := $(wildcard tests/unit/*_test.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=build/asan/tests/unit/%)
DBT_SRC  := $(wildcard tests/db/*_test.c)
DBT_BIN  := $(DBT_SRC:tests/db/%.c=build/asan/tests/db/%)
DBT_HARNESS := $(AOBJ)/tests/db/harness.o
FUZZ_SRC := $(wildcard tests/fuzz/*_fuzz.c)
FUZZ_REPLAY := $(FUZZ_SRC:tests/fuzz/%.c=build/asan/tests/fuzz/%_replay)
FUZZ_BIN := $(FUZZ_SRC:tests/fuzz/%.c=build/fuzz/%)

.PHONY: all deps check demo bench fuzz install clean test-bins
# Keep objects of pattern-built test binaries: no rebuild on every run.
.SECONDARY:
all: balie

balie: $(CORE_OBJ) $(DB_OBJ) $(TUI_OBJ)
	@echo "  LD      $@"
	@$(CC) $(CFLAGS) -o $@ $^ $(LDLIBS)

$(OBJ)/%.o: %.c
	@mkdir -p $(@D)
	@echo "  CC      $<"
	@$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(AOBJ)/%.o: %.c
	@mkdir -p $(@D)
	@echo "  CC asan $<"
	@$(CC) $(CPPFLAGS) $(CFLAGS) $(SAN) -c -o $@ $<

build/asan/tests/unit/%: $(AOBJ)/tests/unit/%.o $(ACORE_OBJ)
	@mkdir -p $(@D)
	@echo "  LD      $@"
	@$(CC) $(CFLAGS) $(SAN) -o $@ $^ $(LDLIBS) $(CMOCKA_LIBS)

# tui/bijlage_tekst runs converters through core/spawn and uses no curses:
# its unit test links it beside core.
build/asan/tests/unit/bijlage_tekst_test: $(AOBJ)/tui/bijlage_tekst.o

build/asan/tests/db/%: $(AOBJ)/tests/db/%.o $(DBT_HARNESS) $(ADB_OBJ) $(ACORE_OBJ)
	@mkdir -p $(@D)
	@echo "  LD      $@"
	@$(CC) $(CFLAGS) $(SAN) -o $@ $^ $(LDLIBS) $(CMOCKA_LIBS)

# Fuzz targets are replayed over their committed corpus in `make check`
# (a plain main() driver, sanitizers on); `make fuzz` builds real libFuzzer binaries.
build/asan/tests/fuzz/%_replay: $(AOBJ)/tests/fuzz/%.o $(AOBJ)/tests/fuzz/replay.o $(ACORE_OBJ)
	@mkdir -p $(@D)
	@echo "  LD      $@"
	@$(CC) $(CFLAGS) $(SAN) -o $@ $^ $(LDLIBS)

build/fuzz/%: tests/fuzz/%.c $(CORE_SRC)
	@mkdir -p $(@D)
	clang $(CPPFLAGS) -std=c11 -g -O1 $(PKG_CFLAGS) -fsanitize=fuzzer,address,undefined -o $@ $^ $(LDLIBS)

# The installed data folder is compiled into tui/paths.c; rebuild it when
# PREFIX changes (make install PREFIX=/usr after a plain make).
build/gen/sharedir.stamp: FORCE
	@mkdir -p $(@D)
	@echo '$(SHAREDIR)' | cmp -s - $@ || echo '$(SHAREDIR)' > $@
$(OBJ)/tui/paths.o: build/gen/sharedir.stamp
.PHONY: FORCE
FORCE:

build/gen/migrations.c: db/embed.sh $(wildcard db/migrations/*.sql)
	@mkdir -p $(@D)
	sh db/embed.sh $(sort $(wildcard db/migrations/*.sql)) > $@.tmp && mv $@.tmp $@

# The benchmark drives the real panes off-screen: every tui object but
# main.c and the verbs (tui/cmd/), plus its own driver.
BENCH_TUI_OBJ := $(filter-out $(OBJ)/tui/main.o $(OBJ)/tui/cmd/%,$(TUI_OBJ))
# login_timing: the failed-login clock of issue 12 §4 (bench/login_timing.c)
build/bench/login_timing: $(OBJ)/bench/login_timing.o $(DB_OBJ) $(CORE_OBJ)
	@mkdir -p $(@D)
	@echo "  LD      $@"
	@$(CC) $(CFLAGS) -o $@ $^ $(LDLIBS) -lm

build/bench/bench: $(OBJ)/bench/bench.o $(OBJ)/bench/bench_tui.o $(OBJ)/bench/many.o $(BENCH_TUI_OBJ) $(DB_OBJ) $(CORE_OBJ)
	@mkdir -p $(@D)
	@echo "  LD      $@"
	@$(CC) $(CFLAGS) -o $@ $^ $(LDLIBS)

test-bins: $(UNIT_BIN) $(DBT_BIN) $(FUZZ_REPLAY)

DEB_PKGS = build-essential pkg-config libncurses-dev libpq-dev libsodium-dev liboath-dev \
	libconfig-dev libcmocka-dev libqrencode-dev postgresql postgresql-contrib tmux oathtool poppler-utils \
	john-data clang man-db procps bc libunistring-dev libmagic-dev docx2txt antiword faketime zbar-tools \
	groff libical-dev python3-icalendar openssh-client openssh-sftp-server openssh-server \
	libxlsxwriter-dev libgmime-3.0-dev
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
deps:
	@missing=$$(for p in $(DEB_PKGS); do \
		dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; \
	done); \
	if [ -n "$$missing" ]; then \
		echo "deps: installeren:" $$missing; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing >/dev/null || exit 1; \
	fi

check: deps
	@$(MAKE) --no-print-directory all test-bins
	@tests/run-check.sh

demo: deps
	@$(MAKE) --no-print-directory all
	./balie demo

bench: deps
	@$(MAKE) --no-print-directory all
	bench/run.sh

fuzz: $(FUZZ_BIN)

install: balie
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(SHAREDIR) $(DESTDIR)$(MANDIR)/man1 \
		$(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(MANDIR)/man8
	install -m 755 balie $(DESTDIR)$(BINDIR)/balie
	cp -R forms keymaps $(DESTDIR)$(SHAREDIR)/
	install -m 755 tests/capture-sendmail $(DESTDIR)$(SHAREDIR)/capture-sendmail
	install -m 644 man/*.1 $(DESTDIR)$(MANDIR)/man1/
	install -m 644 man/*.5 $(DESTDIR)$(MANDIR)/man5/
	install -m 644 man/*.8 $(DESTDIR)$(MANDIR)/man8/

clean:
	rm -rf build balie

-include $(shell find build -name '*.d' 2>/dev/null)
