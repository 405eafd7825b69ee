#!/bin/sh
# One plan, four outputs, one table (issue 21, docs/locality-schema.md): Fife divided by
# `generate` (GeoPackage and Shapefile) with its plan file, that plan's report, its QGIS
# export and the viewer's export (driven by a script under a virtual X server) all give
# the same locality fields, types, values and colours.
# Usage: one_locality_schema.sh BIN_DIR DATA_DIR SCRATCH_DIR
set -eu
bin=$1
data=$2
out=$3
here=$(dirname "$0")
rm -rf "$out"
mkdir -p "$out"
zones="--zones $data/dz2011_scotland_bng.gpkg --layer datazones --id-field dz11_code --filter-field ca_code --filter S12000047"
tables="--demand $data/demand/dz2011_population_2020.csv --demand $data/demand/dz2011_access_rurality.csv --demand $data/demand/dz2011_lookup.csv"
points="--points $data/points/gp_practices_2021.geojson --points $data/points/nhs_hospitals_2024.geojson"
run="--localities 7 --balance pop2020_total:25%:soft --settlements urban_rural_6fold_2016:1-4"
# shellcheck disable=SC2086
"$bin/boundaries" generate $zones $tables $points $run --out "$out/generate.gpkg" --plan "$out/fife.json" > "$out/generate.log"
# shellcheck disable=SC2086
"$bin/boundaries" generate $zones $tables $points $run --out "$out/generate.shp" > /dev/null
"$bin/boundaries" report --plan "$out/fife.json" --out "$out/report" > /dev/null
"$bin/boundaries" export --plan "$out/fife.json" --format qgis --out "$out/project" > /dev/null
printf 'export-geojson %s\nquit\n' "$out/viewer.gpkg" > "$out/viewer_script.txt"
xvfb-run -a -s "-screen 0 1280x800x24" "$bin/locality-viewer" --plan "$out/fife.json" \
    --script "$out/viewer_script.txt" > "$out/viewer.log" 2>&1
python3 "$here/compare_locality_layers.py" "$out/fife.json" generate="$out/generate.gpkg" \
    report="$out/report/localities.geojson" export="$out/project/localities.gpkg" viewer="$out/viewer.gpkg" \
    --shapefile "$out/generate.shp"
