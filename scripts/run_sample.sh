#!/bin/sh
# The main job on the embedded sample: install, build in Release, divide the synthetic
# Sample Council into four localities balanced on population (2%) and people aged 75+
# (10%), keeping intermediate zones whole where it can; then make it a plan with the
# default integration function arrangements, check it against s.29(3) and write the
# HTML report.
set -eu
cd "$(dirname "$0")/.."
scripts/install_debian_packages.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)"
sample=samples/sample_council
data="--zones $sample/zones.geojson --id-field zone_code --demand $sample/demand.csv
  --points $sample/gp_practices.geojson --points $sample/hospitals.geojson --crossings $sample/crossings.csv"
# shellcheck disable=SC2086
build/bin/boundaries generate $data --localities 4 \
  --balance pop2020_total:2% --balance pop2020_75plus:10% --keep-whole iz_code --seed 1 \
  --out build/sample_localities.geojson --assignment build/sample_assignment.csv
# shellcheck disable=SC2086
build/bin/boundaries plan import $data --assignment build/sample_assignment.csv \
  --code SMP01 --name "Sample Council" --out build/sample_plan.json
build/bin/boundaries check --plan build/sample_plan.json
build/bin/boundaries report --plan build/sample_plan.json --out build/sample_report
echo "Localities: build/sample_localities.geojson; lookup: build/sample_assignment.csv;" \
     "plan: build/sample_plan.json; report: build/sample_report/report.html"
