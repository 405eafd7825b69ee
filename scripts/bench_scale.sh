#!/bin/sh
# Scale benchmark (issue 4): synthetic tessellations of 10k, 100k and 1M zones made by the
# sample generator, each divided into k = n/1000 localities balanced on population (2%),
# end to end (read, graph, partition, dissolve, write). Prints wall time, peak memory and
# the growth exponent between sizes. Run after a Release build:  scripts/bench_scale.sh
set -eu
cd "$(dirname "$0")/.."
bin=build/bin
work=build/bench/scale
mkdir -p "$work"
sizes=${SIZES:-"10000 100000 1000000"}
printf '%-10s %6s %10s %12s %10s %s\n' zones k seconds peak_MiB s_per_kzone growth_exponent
prev_n= prev_t=
for n in $sizes; do
  dir=$work/tess_$n
  [ -f "$dir/zones.gpkg" ] || "$bin/make-sample-council" --tessellation "$n" --out "$dir" >/dev/null
  k=$((n / 1000))
  /usr/bin/time -f '%e %M' -o "$dir/time.txt" "$bin/boundaries" generate --zones "$dir/zones.gpkg" \
    --id-field zone_code --demand "$dir/demand.csv" --localities "$k" --balance pop2020_total:2% --seed 1 \
    --out "$dir/localities.geojson" --assignment "$dir/assignment.csv" >"$dir/run.log" 2>&1 || true
  read -r t kb <<EOF
$(tail -n 1 "$dir/time.txt")
EOF
  growth=$(awk -v n="$n" -v t="$t" -v pn="${prev_n:-0}" -v pt="${prev_t:-0}" \
    'BEGIN { if (pn > 0) printf "%.2f", log(t / pt) / log(n / pn); else printf "-" }')
  printf '%-10s %6s %10.2f %12.0f %10.3f %s\n' "$n" "$k" "$t" "$((kb / 1024))" \
    "$(awk -v t="$t" -v n="$n" 'BEGIN{print t / (n / 1000)}')" "$growth"
  grep -E "^cut length|zones into" "$dir/run.log" | sed 's/^/    /'
  prev_n=$n prev_t=$t
done
