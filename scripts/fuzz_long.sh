#!/bin/sh
# Long fuzzing runs (issue 15): each libFuzzer target in fuzz/ for SECONDS (default 600),
# one job at a time, starting from its committed seeds and what earlier runs found
# (kept in $BUILD/fuzz/found/<target>). Crashes are written to $BUILD/fuzz/crashes/.
# Needs a build with -DLP_FUZZ=ON (clang; see docs/reliability.md).
# FUZZ_FLAGS adds libFuzzer flags, e.g. "-fork=1 -ignore_timeouts=1" to go on past a hang.
# Usage: scripts/fuzz_long.sh [SECONDS] [TARGET...]   (BUILD=build-asan by default)
set -eu
cd "$(dirname "$0")/.."
seconds=${1:-600}
[ $# -gt 0 ] && shift
build=${BUILD:-build-asan}
targets=${*:-plan_reader csv_table demand_csv zone_geojson graph_builder commit_journal plan_sources}
mkdir -p "$build/fuzz/crashes"
status=0
for target in $targets; do
  bin="$build/bin/fuzz_$target"
  [ -x "$bin" ] || { echo "$bin: not built (cmake --build $build --target fuzz_$target)"; exit 2; }
  mkdir -p "$build/fuzz/found/$target"
  echo "== $target: $seconds s"
  # The last status line says executions (#N), coverage (cov: edges, ft: features) and corpus size.
  # shellcheck disable=SC2086
  if "$bin" ${FUZZ_FLAGS:-} -max_total_time="$seconds" -timeout=30 -rss_limit_mb=2048 -print_final_stats=1 \
       -artifact_prefix="$build/fuzz/crashes/$target-" \
       "$build/fuzz/found/$target" "fuzz/corpus/$target" >"$build/fuzz/$target.log" 2>&1; then
    grep -E '^#[0-9]+' "$build/fuzz/$target.log" | tail -1
    grep -E 'stat::number_of_executed_units|stat::peak_rss_mb' "$build/fuzz/$target.log"
  else
    status=1
    echo "$target: FINDING (see $build/fuzz/$target.log and $build/fuzz/crashes/)"
    grep -E 'ERROR|SUMMARY|fuzz invariant|uncaught|runtime error' "$build/fuzz/$target.log" | head -5
  fi
done
exit $status
