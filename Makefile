# Regie: the two commands a newcomer needs are `make demo` and `make test`.
SWIFT ?= swift
DEMO_DIR ?= regie-demo
TEAM_DIR ?= regie-team

.PHONY: all deps test-deps build demo serve test release embed benchmarks man completions clean
PREFIX ?= /usr/local

all: build

deps:
	@./scripts/install-deps.sh

# The tests also need chromium (the HTML reports are checked in a headless browser) and python3.
test-deps:
	@./scripts/install-deps.sh --test

build: deps
	$(SWIFT) build

# A sample case through all five phases on a fresh workspace with its own SQLite file.
demo: build
	.build/debug/regie demo --dir $(DEMO_DIR)

# The server for a team on this machine (README, "Run it for a team"): a workspace in $(TEAM_DIR)
# with its own SQLite file the first time, its people recorded, an API token for its coordinator
# printed once, then `regie serve` on 127.0.0.1:8080 until Ctrl-C.
serve: build
	@test -f $(TEAM_DIR)/regie.yaml || { .build/debug/regie init $(TEAM_DIR) --team buurtteam --person coordinator --lang en \
	  && .build/debug/regie config apply --workspace $(TEAM_DIR) --as coordinator \
	  && .build/debug/regie token create --workspace $(TEAM_DIR) --as coordinator --name first; }
	.build/debug/regie serve --workspace $(TEAM_DIR)

# The whole test suite, on a throwaway PostgreSQL cluster (scripts/with-test-postgres.sh): unit
# tests per target, the store conformance suite on SQLite and PostgreSQL, end-to-end tests of the
# built binary on both, then the live server tests on their own (schemathesis, an OpenID provider,
# two servers: they load both cores, which would slow the timed plugin tests beside them), then
# the in-process command tests again with PostgreSQL as their store.
LIVE_SERVER_TESTS = ServerLiveTests|OIDCLiveTests|RemoteCommandLineTests|ProxyLiveTests|BrowserLoginLiveTests
test: test-deps
	$(SWIFT) build --build-tests
	./scripts/with-test-postgres.sh sh -c '$(SWIFT) test --skip-build --skip "$(LIVE_SERVER_TESTS)" \
	  && $(SWIFT) test --skip-build --filter "$(LIVE_SERVER_TESTS)" \
	  && REGIE_TEST_BACKEND=postgres $(SWIFT) test --skip-build --filter RegieCLITests'

# A release binary with the Swift runtime linked in: it starts in about half the time.
release: deps
	$(SWIFT) build -c release --static-swift-stdlib --product regie

# Manual pages (`man regie`, `man regie.case.open`, ...) from the commands' own help, made by
# ArgumentParser's generate-manual plugin (it builds a release binary first), installed under
# $(PREFIX)/share/man/man1.
man: deps
	$(SWIFT) package --allow-writing-to-package-directory generate-manual --multi-page
	mkdir -p $(DESTDIR)$(PREFIX)/share/man/man1
	cp .build/plugins/GenerateManual/outputs/regie/*.1 $(DESTDIR)$(PREFIX)/share/man/man1/

# Shell completion scripts, which complete case numbers, team ids and checklist items from the
# workspace at hand (README, "Shell completion").
completions: build
	mkdir -p .build/completions
	.build/debug/regie --generate-completion-script bash > .build/completions/regie.bash
	.build/debug/regie --generate-completion-script zsh > .build/completions/_regie
	.build/debug/regie --generate-completion-script fish > .build/completions/regie.fish

# Regenerates the copies of workflows/resourcegroep.yaml, plugins/ and docs/api/openapi.json embedded in the binary.
embed:
	./scripts/embed-workflow.sh
	./scripts/embed-plugins.sh
	./scripts/embed-openapi.sh

# The performance suite (see docs/PERFORMANCE.md): throughput benchmarks, then `regie case show`
# as a whole process on a store of 10,000 cases, then both reports on a store of 100,000 cases,
# then PostgreSQL, and the server under load (Benchmarks/scripts/server-load.py).
benchmarks: release
	@./scripts/install-deps.sh --bench
	cd Benchmarks && $(SWIFT) package --allow-writing-to-package-directory benchmark --no-progress
	cd Benchmarks && $(SWIFT) build -c release --product make-store
	python3 Benchmarks/scripts/case-show.py 50
	python3 Benchmarks/scripts/reports.py 100000 10
	cd Benchmarks && $(SWIFT) build -c release --product pg-bench
	cd Benchmarks && $(SWIFT) build -c release --product hello-server
	./scripts/with-test-postgres.sh sh -c 'Benchmarks/.build/release/pg-bench append 5 && Benchmarks/.build/release/pg-bench clients 4 \
	  && Benchmarks/.build/release/pg-bench copy 1000000 && python3 Benchmarks/scripts/case-show-postgres.py 30 \
	  && python3 Benchmarks/scripts/server-load.py 10000 50 30'

clean:
	rm -rf .build $(DEMO_DIR) $(TEAM_DIR)
