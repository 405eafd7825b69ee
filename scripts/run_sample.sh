#!/bin/sh
# The main job on the embedded sample: install, build in Release, divide the synthetic
# Sample Council into four localities balanced on population (2%) and people aged 75+
# (10%), keeping intermediate zones whole where it can, and write GeoJSON and a CSV.
set -eu
cd "$(dirname "$0")/.."
scripts/install_debian_packages.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)"
sample=samples/sample_council
build/bin/boundaries generate --zones $sample/zones.geojson --id-field zone_code \
  --demand $sample/demand.csv --points $sample/gp_practices.geojson --points $sample/hospitals.geojson \
  --crossings $sample/crossings.csv --localities 4 \
  --balance pop_total:2% --balance pop_75plus:10% --keep-whole iz_code --seed 1 \
  --out build/sample_localities.geojson --assignment build/sample_assignment.csv
echo "Localities: build/sample_localities.geojson; zone lookup: build/sample_assignment.csv"
