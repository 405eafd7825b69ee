#!/bin/sh
# Installs, as root on Debian 12, the packages Locality Planner builds with, and at run time
# the viewer's typeface (fonts-dejavu-core, also a dependency of the .deb).
# With --test, also what the tests drive: Xvfb, Mesa and Python for the viewer, METIS for the
# partitioner comparison, Chromium for the report screenshot, Node.js for the GeoJSON
# validator, PyQGIS (python3-qgis) for the test that opens the outputs in QGIS, xdotool and
# ImageMagick to resize the viewer's window and read what the X server shows, zip to make a
# zipped shapefile, PostgreSQL with PostGIS for the test that reads zones from a database,
# poppler-utils to read the printed report back.
# With --package, what checks the .debs: lintian, and debootstrap for
# scripts/chroot_install_test.sh (a clean bookworm to install them in).
# With --fuzz,
# clang and its libFuzzer runtime for -DLP_FUZZ=ON (fuzz/; CI does not build the fuzzers).
# Options may be combined: --test --package --fuzz.
set -eu
packages="build-essential cmake ninja-build pkg-config git
  libgdal-dev gdal-bin libgeos-dev libproj-dev proj-bin libboost-dev libboost-graph-dev
  libimgui-dev libglfw3-dev libgl-dev catch2 libcli11-dev nlohmann-json3-dev libminizip-dev zlib1g-dev dpkg-dev
  fonts-dejavu-core"
for option in "$@"; do
  case "$option" in
  --test)
    packages="$packages xvfb xauth libgl1-mesa-dri mesa-utils metis chromium python3 ca-certificates python3-qgis
      xdotool imagemagick zip postgresql-15 postgresql-15-postgis-3 poppler-utils"
    command -v npm >/dev/null 2>&1 || packages="$packages nodejs npm"
    ;;
  --package) packages="$packages lintian debootstrap" ;;
  --fuzz) packages="$packages clang-14 libclang-rt-14-dev" ;; # libclang_rt.fuzzer and the sanitizer runtimes
  *) echo "usage: $0 [--test] [--package] [--fuzz]" >&2; exit 2 ;;
  esac
done
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $packages >/dev/null
