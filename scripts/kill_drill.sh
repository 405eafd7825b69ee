#!/bin/sh
# kill -9 drill for output sets (issue 15): starts `boundaries generate --all` over every
# partnership, kills it at a random moment (in every other round with each set held
# between its renames, so that kills land there too), and checks each partnership's
# <code>.geojson, <code>_assignment.csv and <code>.plan.json: all three from one run
# (same zones, same localities) or none. A set cut between its renames must have its
# journal; the next command writing to the folder completes it, and then every set must
# be whole, with no temporary file or journal left. Each round uses another seed, so sets
# of different runs differ; every third round starts from an empty folder.
# Mode "single" drills one `boundaries generate` instead (Highland, --out localities.geojson
# and --assignment localities.csv: both from one run, or neither).
# PAUSE_MS (default 20) is how long each set is held between its renames in the even rounds:
# longer makes more kills land between renames.
# Usage: [PAUSE_MS=ms] scripts/kill_drill.sh [ROUNDS] [all|single] (default 20 all).
set -eu
cd "$(dirname "$0")/.."
rounds=${1:-20}
mode=${2:-all}
case "$mode" in all|single) ;; *) echo "usage: $0 [ROUNDS] [all|single]" >&2; exit 2 ;; esac
bin=${BIN:-build/bin}
data=${DATA:-../shared/data/scotland}
out=${OUT:-build/kill_drill}
rm -rf "$out"
mkdir -p "$out"
run() { # seed [rename pause ms]; becomes the boundaries process, so that $! of `run &` is its pid
  if [ "$mode" = single ]; then
    mkdir -p "$out/sets"
    LP_DRILL_RENAME_PAUSE_MS=${2:-0} exec "$bin/boundaries" generate --zones "$data/dz2011_scotland_bng.gpkg" --layer datazones \
      --id-field dz11_code --filter-field ca_code --filter S12000017 --localities 9 \
      --demand "$data/demand/dz2011_population_2020.csv" --balance pop2020_total:1% --seed "$1" \
      --out "$out/sets/localities.geojson" --assignment "$out/sets/localities.csv" >/dev/null 2>&1
  fi
  LP_DRILL_RENAME_PAUSE_MS=${2:-0} exec "$bin/boundaries" generate --all --zones "$data/dz2011_scotland_bng.gpkg" --layer datazones \
    --id-field dz11_code --group-field hscp_code --group-lookup "$data/demand/dz2011_lookup.csv" \
    --demand "$data/demand/dz2011_population_2020.csv" --balance pop2020_total:1% --seed "$1" \
    --out-dir "$out/sets" >/dev/null 2>&1
}
check() { # phase: "killed" (a set cut between renames may wait for its journal) or "recovered"
  python3 - "$out/sets" "$1" "$mode" <<'PY'
import csv, glob, json, os, re, sys
folder, phase, mode = sys.argv[1], sys.argv[2], sys.argv[3]
if not os.path.isdir(folder):
    print("no output folder yet"); sys.exit(0)
names = os.listdir(folder)
journalled = set()
for name in names:
    if name.endswith(".journal"):
        try:
            for temp, target in json.load(open(os.path.join(folder, name)))["renames"]:
                journalled.add(os.path.basename(target))
        except Exception:
            pass  # cut short before its first rename
if mode == "single":
    codes = {"localities"} if {"localities.geojson", "localities.csv"} & set(names) else set()
else:
    codes = {re.sub(r"(\.geojson|_assignment\.csv|\.plan\.json)$", "", n) for n in names
             if re.match(r"^S\d+(\.geojson|_assignment\.csv|\.plan\.json)$", n)}
bad, whole, waiting = [], 0, 0
for code in sorted(codes):
    if mode == "single":
        files = [code + ".geojson", code + ".csv"]
    else:
        files = [code + ".geojson", code + "_assignment.csv", code + ".plan.json"]
    present = [f for f in files if f in names]
    try:
        if len(present) != len(files):
            raise ValueError("only " + ", ".join(present))
        rows = list(csv.DictReader(open(os.path.join(folder, files[1]))))
        assignment = {r["zone"]: int(r["locality"]) for r in rows}
        if mode != "single":
            plan = json.load(open(os.path.join(folder, files[2])))
            if {z: int(l[1:]) for z, l in plan["assignment"].items()} != assignment:
                raise ValueError("plan and assignment CSV differ")
        features = json.load(open(os.path.join(folder, files[0])))["features"]
        per_locality = {}
        for l in assignment.values():
            per_locality[l] = per_locality.get(l, 0) + 1
        if {f["properties"]["locality"]: f["properties"]["zones"] for f in features} != per_locality:
            raise ValueError("GeoJSON and assignment CSV differ")
        whole += 1
    except Exception as e:
        if phase == "killed" and set(files) & journalled:
            waiting += 1  # cut between its renames; its journal completes it
        else:
            bad.append(code + ": " + str(e))
left = [n for n in names if ".tmp-" in n or n.endswith(".journal")]
if phase == "recovered" and left:
    bad.append("left behind: " + ", ".join(sorted(left)))
print(f"{phase}: {whole} sets whole, {waiting} cut between renames with a journal, {len(bad)} bad")
for b in bad:
    print("  " + b)
sys.exit(1 if bad else 0)
PY
}
# One full run to know how long a run takes.
start=$(date +%s%N)
( run 1 ) || true
full_ms=$(( ($(date +%s%N) - start) / 1000000 ))
echo "a full run takes ${full_ms} ms"
failures=0
round=1
while [ "$round" -le "$rounds" ]; do
  if [ $((round % 2)) -eq 0 ]; then pause=${PAUSE_MS:-20}; else pause=0; fi
  if [ $((round % 3)) -eq 0 ]; then rm -rf "$out/sets"; fi # every third round into an empty folder
  delay=$(awk -v seed="$round$$" -v max="$full_ms" -v p="$pause" 'BEGIN { srand(seed); printf "%d", rand() * max * (p ? 1.6 : 1) }')
  run $((round + 1)) "$pause" &
  pid=$!
  sleep "$(awk -v ms="$delay" 'BEGIN { printf "%.3f", ms / 1000 }')"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  printf 'round %d (killed after %d ms, pause %d ms) ' "$round" "$delay" "$pause"
  check killed || failures=$((failures + 1))
  # Any command writing into the folder completes cut sets and removes dead temporaries.
  "$bin/boundaries" dissolve --zones tests/fixtures/three_zones.geojson --id-field zone \
    --out "$out/sets/drill_probe.geojson" >/dev/null 2>&1 || true
  rm -f "$out/sets/drill_probe.geojson"
  printf '  '
  check recovered || failures=$((failures + 1))
  round=$((round + 1))
done
echo "$rounds rounds, $failures failed checks"
[ "$failures" -eq 0 ]
