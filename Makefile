# legality: build, test and run. `make test` and `make run` do all the set-up on a fresh machine.
SWIFT ?= swift
SHARED ?= ../shared
AS_OF ?=
# Version-2 features of the shared conformance suite that pass, so they can never regress.
CONFORMANCE_FEATURES ?= trust,record-pack,law-versions
BIN_DEBUG := .build/debug/legality
BIN_RELEASE := .build/release/legality
# Release builds link the Swift runtime statically, as the package does (`make dist`): a dynamic
# runtime costs every run about 10 ms of symbol binding before main (a third of a one-record check).
RELEASE_FLAGS ?= --static-swift-stdlib
# Release builds are profile-guided: scripts/pgo trains an instrumented build on generated records
# and cases/ once the sources change, and the build lays its code out for the paths the training
# took (some 4 % faster a record). PGO=0 builds without the profile.
PGO ?= 1
PROFILE := .build-pgo/legality.profdata
PROFILE_INPUTS := $(shell find Sources rules -type f 2>/dev/null) Package.swift scripts/pgo bench/generate.py
# The profile a release build uses: none with PGO=0.
USED_PROFILE := $(if $(filter 1,$(PGO)),$(PROFILE))

.PHONY: all deps build release test conformance run bench bench-rules manifest fuzz sanitize install dist clean

all: build

# libyaml, zlib (for .docx and .xlsx packages) and pkg-config, from the distribution, when
# pkg-config cannot find yaml-0.1 or zlib.
deps:
	@if ! pkg-config --exists yaml-0.1 zlib 2>/dev/null; then \
		echo "installing libyaml-dev, zlib1g-dev and pkg-config"; \
		if [ "$$(id -u)" -eq 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends libyaml-dev zlib1g-dev pkg-config; \
	fi

build: deps
	$(SWIFT) build

release: deps $(USED_PROFILE)
	$(SWIFT) build -c release $(RELEASE_FLAGS) $$(scripts/pgo --prepare .build $(USED_PROFILE))

# The profile, made again whenever a source, a rule or the training changes. Where none can be made
# (scripts/pgo exits 3: no llvm-profdata or profile runtime beside swift, a compiler without
# -ir-profile-generate, or no python3) it is left empty and the build is plain; `make clean` retries.
$(PROFILE): $(PROFILE_INPUTS)
	@SWIFT="$(SWIFT)" scripts/pgo $@ || { status=$$?; [ $$status -eq 3 ] && mkdir -p $(@D) && : > $@; }

# Every test: the Swift test suites, the examples the rules carry, and the shared
# conformance suite when it is beside the project.
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	@echo "rule examples:"; $(BIN_DEBUG) test rules
	@if python3 -c "import jsonschema, yaml" 2>/dev/null; then python3 Tests/Schema/check.py $(BIN_DEBUG) $(SHARED); \
	else echo "schema check skipped: python3 with jsonschema and PyYAML not found"; fi
	@if [ -x "$(SHARED)/conformance/run" ]; then \
		echo "conformance suite:"; "$(SHARED)/conformance/run" "$(BIN_DEBUG)" --features $(CONFORMANCE_FEATURES); \
	else \
		echo "conformance suite not found at $(SHARED)/conformance (skipped)"; \
	fi

conformance: release
	"$(SHARED)/conformance/run" "$(BIN_RELEASE)" --features $(CONFORMANCE_FEATURES)

# The main job: check the bundled example records (exit 1 only means findings were reported).
run: release
	@$(BIN_RELEASE) check cases $(if $(AS_OF),--as-of $(AS_OF)); status=$$?; [ $$status -le 1 ]

# Installs the executable and the built-in rules: $(PREFIX)/bin/legality, $(PREFIX)/share/legality/rules.
PREFIX ?= /usr/local
install: release
	install -d "$(PREFIX)/bin" "$(PREFIX)/share/legality"
	install -m 755 $(BIN_RELEASE) "$(PREFIX)/bin/legality"
	rm -rf "$(PREFIX)/share/legality/rules" && cp -R rules "$(PREFIX)/share/legality/rules"

# Speed against the floor (raw libyaml) on generated records, of the release build (`make release`,
# which bench/run.py runs); see bench/run.py. BENCH_ARGS="--large 0" skips 1,000,000.
BENCH_ARGS ?=
bench: deps
	python3 bench/run.py $(BENCH_ARGS)

# The list of the built-in rules folder's files every run checks are all there (rules/manifest.yaml).
manifest:
	python3 Tests/Manifest/write.py

# What each built-in rule costs a record (callgrind instructions, each rule's file taken out of a
# copy of rules/ in turn); see bench/rule_costs.py. About six minutes; BENCH_RULES_ARGS="--records 100"
# is quicker and rougher.
BENCH_RULES_ARGS ?=
bench-rules: release
	python3 bench/rule_costs.py $(BENCH_RULES_ARGS)

# libFuzzer on the YAML tree, the record loader, the rule loader and the configuration loader.
FUZZ_SECONDS ?= 600
fuzz: deps
	FUZZ_SECONDS=$(FUZZ_SECONDS) Fuzz/run

# The test suite under the address sanitizer, then under the thread sanitizer (the parallel checker);
# then each sanitized binary on real folders: `cases/`, 2,000 generated records one file each, and a
# multi-document file of 2,000 more (a folder listing once read past its buffer only on a large folder).
SANITIZE_RECORDS := .build/sanitize-records
sanitize: deps
	swift build --build-tests --scratch-path .build-asan -Xswiftc -sanitize=address
	# Leak detection is off for the suite: the toolchain's test runners (XCTest, swift-argument-parser's
	# exit path) hold memory until exit, which LeakSanitizer reports; every other ASan error fails the run.
	LEGALITY_BINARY=.build-asan/debug/legality LEGALITY_SANITIZER=address ASAN_OPTIONS=detect_leaks=0:halt_on_error=1 swift test --skip-build --scratch-path .build-asan
	swift build --build-tests --scratch-path .build-tsan -Xswiftc -sanitize=thread
	LEGALITY_BINARY=.build-tsan/debug/legality LEGALITY_SANITIZER=thread TSAN_OPTIONS=halt_on_error=1 swift test --skip-build --scratch-path .build-tsan
	test -d $(SANITIZE_RECORDS)/files || python3 bench/generate.py $(SANITIZE_RECORDS)/files 2000
	test -d $(SANITIZE_RECORDS)/multi || python3 bench/generate.py $(SANITIZE_RECORDS)/multi 2000 --multi 1
	# The binaries themselves, leak detection on; exit status 1 (findings) is expected, 2 or a sanitizer's is not.
	for target in cases $(SANITIZE_RECORDS)/files $(SANITIZE_RECORDS)/multi; do \
	  for format in json sarif; do \
	    ASAN_OPTIONS=detect_leaks=1:halt_on_error=1:exitcode=70 LEGALITY_RULES=rules .build-asan/debug/legality check $$target --jobs 2 --format $$format --as-of 2026-12-01 > /dev/null; \
	    status=$$?; test $$status -le 1 || { echo "sanitize: address sanitizer, $$target: exit $$status"; exit 1; }; \
	  done; \
	  TSAN_OPTIONS=halt_on_error=1:exitcode=70 LEGALITY_RULES=rules .build-tsan/debug/legality check $$target --jobs 2 --format json --as-of 2026-12-01 > /dev/null; \
	  status=$$?; test $$status -le 1 || { echo "sanitize: thread sanitizer, $$target: exit $$status"; exit 1; }; \
	done
	ASAN_OPTIONS=detect_leaks=1:halt_on_error=1:exitcode=70 LEGALITY_RULES=rules .build-asan/debug/legality audit cases --from 2020-01-01 --to 2026-12-31 --format html > /dev/null

# A package that runs anywhere Linux runs (static Swift stdlib and libyaml), checked in a fresh
# folder with an empty environment and ldd; see scripts/dist.
dist: deps $(USED_PROFILE)
	PGO_PROFILE=$(USED_PROFILE) scripts/dist

clean:
	rm -rf .build .build-fuzz .build-asan .build-tsan .build-dist .build-pgo dist
