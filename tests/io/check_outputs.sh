#!/bin/sh
# Writes locality-style outputs with the real data and checks them as other GIS would:
# ogrinfo opens each, the RFC 7946 validator (check-geojson + ring orientation) passes.
# Args: BIN_DIR SHARED_DATA SCRIPTS_DIR OUT_DIR
set -eu
bin=$1 data=$2 scripts=$3 out=$4
rm -rf "$out" && mkdir -p "$out"
"$bin/boundaries" dissolve --zones "$data/dz2011_scotland_bng.gpkg" --layer datazones --id-field dz11_code \
  --filter-field ca_code --filter S12000049 --by iz11_code --out "$out/glasgow_iz.geojson"
"$bin/boundaries" dissolve --zones "$data/shapefiles/orkney_islands/dz2011_orkney_islands.shp" --id-field dz11_code \
  --out "$out/orkney.geojson"
"$bin/boundaries" dissolve --zones "$data/councils/dz2011_highland_S12000017.geojson" --id-field dz11_code \
  --by iz11_code --out "$out/highland_iz.gpkg"
for f in "$out/glasgow_iz.geojson" "$out/orkney.geojson" "$out/highland_iz.gpkg"; do
  ogrinfo -ro -so -al "$f" | grep -q "Feature Count" || { echo "ogrinfo cannot read $f"; exit 1; }
done
test "$(ogrinfo -ro -so -al "$out/glasgow_iz.geojson" | sed -n 's/Feature Count: //p')" = 136
node "$scripts/check_geojson.js" "$out/glasgow_iz.geojson" "$out/orkney.geojson"
# No temporary files left beside the outputs.
test -z "$(find "$out" -name '*.tmp-*')"
