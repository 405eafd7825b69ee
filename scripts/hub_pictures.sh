#!/bin/sh
# Planner-guided localities as a planner would look at them, rendered to PNG by headless
# Chromium from the report's map: Highland with nine hubs named by place and a soft band
# (Inverness whole), Orkney under a soft band (Kirkwall whole), Fife with seven hubs.
# Usage: scripts/hub_pictures.sh OUT_DIR [BOUNDARIES_BINARY]
set -eu
. "$(dirname "$0")/report_screenshot.sh"
out=$1
bin=${2:-build/bin/boundaries}
D=${LP_SHARED_DATA:-$(cd "$(dirname "$0")/../.." && pwd)/shared/data/scotland}
mkdir -p "$out"
printf 'place\nInverness\nWick\nDornoch\nAlness\nDingwall\nPortree\nFort William\nAviemore\nNairn\n' >"$out/highland_hubs.csv"
printf 'place,name\nDunfermline,City of Dunfermline\nCowdenbeath,Cowdenbeath\nKirkcaldy,Kirkcaldy\nGlenrothes,Glenrothes\nLeven,Levenmouth\nSt Andrews,North East Fife\nInverkeithing,South West Fife\n' >"$out/fife_hubs.csv"
tables="--demand $D/demand/dz2011_population_2020.csv --demand $D/demand/dz2011_access_rurality.csv --demand $D/demand/dz2011_lookup.csv --demand $D/demand/dz2011_simd2020.csv"
points="--points $D/points/gp_practices_2021.geojson --points $D/points/nhs_hospitals_2024.geojson"
for spec in "S12000017:highland:--hubs $out/highland_hubs.csv --balance pop2020_total:25%:soft" \
            "S12000023:orkney:--localities 3 --balance pop2020_total:25%:soft" \
            "S12000047:fife:--hubs $out/fife_hubs.csv --balance pop2020_total:25%"; do
  code=${spec%%:*}; rest=${spec#*:}; name=${rest%%:*}; options=${rest#*:}
  # shellcheck disable=SC2086
  "$bin" generate --zones "$D/dz2011_scotland_bng.gpkg" --layer datazones --id-field dz11_code \
    --filter-field ca_code --filter "$code" $tables $points \
    --places "$D/places/geonames_places_scotland.geojson" --settlements urban_rural_6fold_2016:1-4 $options \
    --out "$out/$name.geojson" --assignment "$out/$name.csv" >"$out/$name.log" 2>&1 || true
  # shellcheck disable=SC2086
  "$bin" plan import --assignment "$out/$name.csv" --zones "$D/dz2011_scotland_bng.gpkg" --layer datazones \
    --id-field dz11_code --filter-field ca_code --filter "$code" $tables $points \
    --settlements urban_rural_6fold_2016:1-4 --out "$out/$name.plan.json" >>"$out/$name.log" 2>&1
  "$bin" report --plan "$out/$name.plan.json" --out "$out/${name}_report" >>"$out/$name.log" 2>&1
  report_screenshot "$out/$name.png" "$out/${name}_report/report.html"
  echo "$name -> $out/$name.png"
done
