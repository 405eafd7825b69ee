#!/bin/sh
# The board paper: the Highland report (nine localities) printed to PDF as a planner prints
# it (headless Chromium, A4), read back with pdftotext: every locality's name in the
# indicators table and in the functions table (whose columns are the localities), the last
# function's row there, the version and no absolute data path.
# Usage: print_report.sh BIN_DIR SHARED_DATA OUT_DIR
set -eu
bin=$1
data=$2
out=$3
rm -rf "$out"
mkdir -p "$out"
printf 'place\nInverness\nWick\nDornoch\nAlness\nDingwall\nPortree\nFort William\nAviemore\nNairn\n' >"$out/hubs.csv"
"$bin/boundaries" generate --zones "$data/dz2011_scotland_bng.gpkg" --layer datazones --id-field dz11_code \
  --filter-field ca_code --filter S12000017 --demand "$data/demand/dz2011_population_2020.csv" \
  --demand "$data/demand/dz2011_access_rurality.csv" --demand "$data/demand/dz2011_lookup.csv" \
  --demand "$data/demand/dz2011_simd2020.csv" --points "$data/points/gp_practices_2021.geojson" \
  --points "$data/points/nhs_hospitals_2024.geojson" --places "$data/places/geonames_places_scotland.geojson" \
  --settlements urban_rural_6fold_2016:1-4 --hubs "$out/hubs.csv" --balance pop2020_total:25%:soft \
  --out "$out/highland.geojson" --plan "$out/highland.plan.json" >"$out/generate.log" 2>&1
"$bin/boundaries" report --plan "$out/highland.plan.json" --out "$out/report" >"$out/report.log" 2>&1
profile=$(mktemp -d)
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$profile" --no-pdf-header-footer \
  --print-to-pdf="$out/report.pdf" "file://$out/report/report.html" >/dev/null 2>&1
rm -rf "$profile"
[ -s "$out/report.pdf" ] || { echo "Chromium printed no PDF"; exit 1; }
pdftotext -layout "$out/report.pdf" "$out/report.txt"
pages=$(pdfinfo "$out/report.pdf" | awk '/^Pages:/ {print $2}')
size=$(pdfinfo "$out/report.pdf" | awk '/^Page size:/ {print $3 "x" $5}')
# The text between a section's heading and the next section's.
section() { awk -v start="$1" -v stop="$2" 'index($0, start) {on=1} on && index($0, stop) {exit} on' "$out/report.txt"; }
section "Demand indicators" "Balance" >"$out/indicators.txt"
section "Integration functions: arrangements" "Statutory check" >"$out/functions.txt"
failed=0
# A name may wrap in a narrow column ("Fort" over "William"): its first word is looked for.
for name in Inverness Wick Dornoch Alness Dingwall Portree Fort Aviemore Nairn; do
  grep -q "$name" "$out/indicators.txt" || { echo "indicators table: no $name"; failed=1; }
  grep -q "$name" "$out/functions.txt" || { echo "functions table: no $name"; failed=1; }
done
grep -qi "hospitals" "$out/indicators.txt" || { echo "indicators table: the hospitals column is cut off"; failed=1; }
# The last function of the catalogue is on the paper (the table is not cut short).
tr -s ' \n' ' ' <"$out/report.txt" | grep -q "Made with Locality Planner [0-9]" ||
  { echo "no version on the paper"; failed=1; }
if grep -q "/shared/data" "$out/report.txt"; then echo "an absolute data path is printed"; failed=1; fi
echo "printed $pages pages ($size pt): every locality in both tables"
exit $failed
