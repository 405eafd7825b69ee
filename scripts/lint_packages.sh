#!/bin/sh
# Builds the two .debs from a Release build (cpack -G DEB) and runs lintian on them, as Debian
# would before accepting a package. Prints lintian's findings (errors, warnings and info; the
# README says which remain and why). Not part of CI: it needs lintian
# (scripts/install_debian_packages.sh --package). Usage: scripts/lint_packages.sh [BUILD_DIR]
set -eu
cd "$(dirname "$0")/.."
build=${1:-build}
command -v lintian >/dev/null || { echo "needs lintian (scripts/install_debian_packages.sh --package)"; exit 2; }
rm -f "$build"/locality-planner*_amd64.deb
(cd "$build" && cpack -G DEB >/dev/null)
for deb in "$build"/locality-planner*_amd64.deb; do
  echo "== $(basename "$deb"): $(dpkg-deb -f "$deb" Depends)"
done
# --no-tag-display-limit: every finding, not the first few of each tag.
lintian --info --display-info --no-tag-display-limit "$build"/locality-planner*_amd64.deb && echo "lintian: no errors or warnings"
