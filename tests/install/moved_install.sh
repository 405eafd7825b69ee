#!/bin/sh
# Installs the command line to a temporary prefix, moves the prefix elsewhere and runs the
# moved boundaries with commands that need the shipped tables: the binary carries them, so
# nothing points back at the source tree or the first prefix.
# Args: CMAKE_COMMAND BUILD_DIR WORK_DIR SAMPLE_DIR
set -eu
cmake=$1 build=$2 work=$3 sample=$4
rm -rf "$work" && mkdir -p "$work"
"$cmake" --install "$build" --prefix "$work/first" --component cli >/dev/null
mv "$work/first" "$work/moved"
bin="$work/moved/bin/boundaries"
test -x "$bin"
test -f "$work/moved/share/man/man1/boundaries.1.gz"
zcat "$work/moved/share/man/man1/boundaries.1.gz" | grep -q "^.SS \"boundaries plan rebase\""
test -f "$work/moved/share/locality-planner/integration_functions.csv"
test -f "$work/moved/share/doc/locality-planner/README.md"
"$bin" --help | grep -q boundaries
cd "$work"
"$bin" plan functions --out functions.csv | grep -q "38 functions"
cmp functions.csv "$work/moved/share/locality-planner/integration_functions.csv"
# A plan made with the default catalogue, then checked: both read the compiled-in catalogue.
printf 'zone,locality\n' > lookup.csv
tail -n +2 "$sample/demand.csv" | cut -d, -f1 | awk '{ print $1 "," (NR <= 60 ? "North" : "South") }' >> lookup.csv
test "$(wc -l < lookup.csv)" -gt 10
"$bin" plan import --assignment lookup.csv --zones "$sample/zones.geojson" --id-field zone_code --out plan.json >/dev/null
grep -q '"ASC-HC"' plan.json
"$bin" check --plan plan.json > check.txt || test $? -eq 20
grep -q "2 localities, .* 38 integration functions" check.txt
echo "moved install: boundaries runs with its compiled-in tables"
