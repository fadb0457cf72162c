# Vigil: `make run` builds and serves on the embedded default; `make test` builds with sanitizers
# and runs every test; `make bench` runs the load benchmarks.
JOBS ?= $(shell nproc)
# Let ccache reuse objects across build folders and checkouts.
export CCACHE_BASEDIR := $(CURDIR)
export CCACHE_NOHASHDIR := 1
CONFIG ?= examples/vigil.yaml

.PHONY: run build test test-build bench setup format clean

setup:
	@scripts/setup

build: setup
	cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DVIGIL_TESTS=OFF
	cmake --build build -j $(JOBS)

run: build
	build/vigil serve --config $(CONFIG)

test-build: setup
	cmake -S . -B build-test -G Ninja -DCMAKE_BUILD_TYPE=Debug -DVIGIL_SANITIZE=ON -DVIGIL_TESTS=ON
	cmake --build build-test -j $(JOBS)

test: test-build
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  ctest --test-dir build-test --output-on-failure -j $(JOBS)

bench: build
	bench/probe_load 10000 10 60 API
	bench/probe_load 5000 5 60 TCP
	bench/probe_load 2000 5 60 PING
	bench/page_load 100 15

format:
	clang-format -i $$(git ls-files '*.cpp' '*.hpp')

clean:
	rm -rf build build-test
