#!/bin/sh
# Report maps of four councils as a planner would look at them, rendered to PNG by
# headless Chromium: Highland (9), Fife (7), Glasgow (3), Aberdeenshire (6), population
# within 25 %. Usage: scripts/community_pictures.sh OUT_DIR [BOUNDARIES_BINARY] [-- extra generate options]
# e.g. scripts/community_pictures.sh /tmp/after build/bin/boundaries -- --settlements urban_rural_6fold_2016:1-4
set -eu
. "$(dirname "$0")/report_screenshot.sh"
out=$1; shift
bin=${1:-build/bin/boundaries}; [ $# -gt 0 ] && shift
[ "${1:-}" = "--" ] && shift
D=${LP_SHARED_DATA:-$(cd "$(dirname "$0")/../.." && pwd)/shared/data/scotland}
mkdir -p "$out"
# The plan records how settlements were found, so the report names main towns.
settlements=""
prev=""
for a in "$@"; do [ "$prev" = "--settlements" ] && settlements=$a; prev=$a; done
for spec in S12000017:9:highland S12000047:7:fife S12000049:3:glasgow S12000034:6:aberdeenshire; do
  code=${spec%%:*}; rest=${spec#*:}; k=${rest%%:*}; name=${rest#*:}
  "$bin" generate --zones "$D/dz2011_scotland_bng.gpkg" --layer datazones --id-field dz11_code \
    --filter-field ca_code --filter "$code" \
    --demand "$D/demand/dz2011_population_2020.csv" --demand "$D/demand/dz2011_access_rurality.csv" \
    --demand "$D/demand/dz2011_lookup.csv" --demand "$D/demand/dz2011_simd2020.csv" \
    --points "$D/points/gp_practices_2021.geojson" --points "$D/points/nhs_hospitals_2024.geojson" \
    --localities "$k" --balance pop2020_total:25% "$@" \
    --out "$out/$name.geojson" --assignment "$out/$name.csv" >"$out/$name.log" 2>&1 || true
  "$bin" plan import --assignment "$out/$name.csv" --zones "$D/dz2011_scotland_bng.gpkg" --layer datazones \
    --id-field dz11_code --filter-field ca_code --filter "$code" \
    --demand "$D/demand/dz2011_population_2020.csv" --demand "$D/demand/dz2011_access_rurality.csv" \
    --demand "$D/demand/dz2011_simd2020.csv" --demand "$D/demand/dz2011_lookup.csv" \
    --points "$D/points/gp_practices_2021.geojson" --points "$D/points/nhs_hospitals_2024.geojson" \
    ${settlements:+--settlements "$settlements"} --out "$out/$name.plan.json" >>"$out/$name.log" 2>&1
  "$bin" report --plan "$out/$name.plan.json" --out "$out/${name}_report" >>"$out/$name.log" 2>&1
  report_screenshot "$out/$name.png" "$out/${name}_report/report.html"
  echo "$name: $(grep -c . "$out/$name.csv") zones -> $out/$name.png"
done
