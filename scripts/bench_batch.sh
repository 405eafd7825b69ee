#!/bin/sh
# All-of-Scotland benchmark (issue 4): every partnership from the national GeoPackage,
# each with its own k from the shipped table, balanced on population (1%) and people
# aged 75+ (5%), keeping Intermediate Zones whole where possible; wall time end to end,
# as a ratio to GDAL's own read of the same file. Run after a Release build.
set -eu
cd "$(dirname "$0")/.."
data=${DATA:-../shared/data/scotland}
out=build/bench/scotland
rm -rf "$out"
gdal_read=$( { /usr/bin/time -f '%e' ogrinfo -ro -al -q "$data/dz2011_scotland_bng.gpkg" datazones >/dev/null; } 2>&1 )
/usr/bin/time -f '%e %M' -o build/bench/batch_time.txt build/bin/boundaries generate --all \
  --zones "$data/dz2011_scotland_bng.gpkg" --layer datazones --id-field dz11_code \
  --group-field hscp_code --group-lookup "$data/demand/dz2011_lookup.csv" \
  --demand "$data/demand/dz2011_population_2020.csv" \
  --balance pop2020_total:1% --balance pop2020_75plus:5% --keep-whole iz11_code --seed 1 \
  --out-dir "$out" 2>build/bench/batch_progress.log || true
read -r wall kb <<EOF
$(tail -n 1 build/bench/batch_time.txt)
EOF
echo "all partnerships: ${wall} s wall, peak $((kb / 1024)) MiB; GDAL's own read (ogrinfo -al): ${gdal_read} s;" \
     "ratio $(awk -v a="$wall" -v b="$gdal_read" 'BEGIN { printf "%.2f", a / b }')"
column -s, -t "$out/summary.csv" 2>/dev/null || cat "$out/summary.csv"
