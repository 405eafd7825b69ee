#!/bin/sh
# The .debs as a council's Debian 12 machine gets them: a clean bookworm made by debootstrap
# (minbase), the packages installed there with apt from Debian's mirror and nothing else, and
# the README's sample job run with the installed `boundaries`. Checks that the command line
# package pulls in no GUI library, that the viewer package installs beside it and prints its
# version, and that both man pages are there. Not part of CI (minutes, and the network).
# Usage, as root, after `cd build && cpack -G DEB`:
#   scripts/chroot_install_test.sh [BUILD_DIR] [WORK_DIR]
# LP_DEBIAN_MIRROR overrides http://deb.debian.org/debian; LP_CHROOT_TARBALL names a tarball of
# a pristine debootstrap to start from (made on the first run), so a rerun skips the download.
set -eu
cd "$(dirname "$0")/.."
build=${1:-build}
work=${2:-/tmp/lp_chroot_test}
mirror=${LP_DEBIAN_MIRROR:-http://deb.debian.org/debian}
tarball=${LP_CHROOT_TARBALL:-/var/tmp/lp_bookworm_minbase.tar}
[ "$(id -u)" = 0 ] || { echo "run as root (debootstrap and chroot)"; exit 2; }
command -v debootstrap >/dev/null || { echo "needs debootstrap (scripts/install_debian_packages.sh --package)"; exit 2; }
cli=$(ls "$build"/locality-planner_*_amd64.deb 2>/dev/null | head -1)
viewer=$(ls "$build"/locality-planner-viewer_*_amd64.deb 2>/dev/null | head -1)
[ -n "$cli" ] || { echo "no $build/locality-planner_*_amd64.deb: run cpack -G DEB in $build first"; exit 2; }

root=$work/root
cleanup() {
  for m in proc dev/pts dev; do umount "$root/$m" 2>/dev/null || true; done
}
trap cleanup EXIT INT TERM
cleanup
rm -rf "$work"
mkdir -p "$root"
if [ -f "$tarball" ]; then
  echo "== clean bookworm from $tarball (a pristine debootstrap)"
  tar -xf "$tarball" -C "$root"
else
  echo "== debootstrap --variant=minbase bookworm from $mirror"
  debootstrap --variant=minbase bookworm "$root" "$mirror" >"$work/debootstrap.log" 2>&1 ||
    { tail -20 "$work/debootstrap.log"; exit 1; }
  tar -cf "$tarball" -C "$root" .
fi
mount -t proc proc "$root/proc"
mount --bind /dev "$root/dev"
mount --bind /dev/pts "$root/dev/pts"
cp /etc/resolv.conf "$root/etc/resolv.conf"
in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@"; }

mkdir -p "$root/tmp/debs" "$root/root/sample"
cp "$cli" "$root/tmp/debs/"
[ -z "$viewer" ] || cp "$viewer" "$root/tmp/debs/"
cp samples/sample_council/* "$root/root/sample/"
echo "== apt-get install ./$(basename "$cli") (its declared dependencies from $mirror)"
in_root apt-get update -qq
before=$(in_root dpkg-query -W -f '${Package}\n' | wc -l)
in_root apt-get install -y -q --no-install-recommends "/tmp/debs/$(basename "$cli")" >"$work/install_cli.log" 2>&1 ||
  { tail -30 "$work/install_cli.log"; exit 1; }
after=$(in_root dpkg-query -W -f '${Package}\n' | wc -l)
echo "$((after - before)) packages installed with locality-planner"
gui=$(in_root dpkg-query -W -f '${Package}\n' | grep -E '^(libglfw3|libgl1|libx11-6|libwayland-client0|libgtk)' || true)
[ -z "$gui" ] || { echo "the command line package pulled in GUI libraries: $gui"; exit 1; }
echo "no GUI library installed with the command line package"
in_root boundaries --version
in_root sh -c 'man -w boundaries 2>/dev/null || ls /usr/share/man/man1/boundaries.1.gz'

echo "== the sample job (README: scripts/run_sample.sh) with the installed boundaries"
in_root sh -ec '
cd /root
data="--zones sample/zones.geojson --id-field zone_code --demand sample/demand.csv
  --points sample/gp_practices.geojson --points sample/hospitals.geojson --crossings sample/crossings.csv"
boundaries generate $data --localities 4 --balance pop2020_total:2% --balance pop2020_75plus:10% \
  --keep-whole iz_code --seed 1 --out sample_localities.geojson --assignment sample_assignment.csv
boundaries plan import $data --assignment sample_assignment.csv --code SMP01 --name "Sample Council" \
  --out sample_plan.json
boundaries check --plan sample_plan.json
boundaries report --plan sample_plan.json --out sample_report
ls -l sample_localities.geojson sample_assignment.csv sample_plan.json sample_report/report.html'

if [ -n "$viewer" ]; then
  echo "== apt-get install ./$(basename "$viewer")"
  in_root apt-get install -y -q --no-install-recommends "/tmp/debs/$(basename "$viewer")" >"$work/install_viewer.log" 2>&1 ||
    { tail -30 "$work/install_viewer.log"; exit 1; }
  in_root locality-viewer --version
  in_root ls /usr/share/man/man1/locality-viewer.1.gz /usr/share/applications/locality-viewer.desktop
fi
echo "== chroot install: both packages installed from their declared dependencies; the sample job ran"
