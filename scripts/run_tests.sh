#!/bin/sh
# Every test: install (with the test tools), build in Release, run CTest.
# The real Scottish data is read in place from ../shared/data/scotland.
set -eu
cd "$(dirname "$0")/.."
scripts/install_debian_packages.sh --test
(cd scripts && npm ci --silent --no-audit --no-fund)
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)"
cd build && ctest --output-on-failure -j"$(nproc)"
