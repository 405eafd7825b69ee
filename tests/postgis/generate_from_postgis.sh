#!/bin/sh
# A real database, as a council GIS team keeps its zones: a throwaway PostgreSQL with PostGIS
# from Debian's packages in a temporary folder on its own port, a council's zones loaded with
# ogr2ogr, `boundaries generate` reading them through a PG: connection string, and the
# localities loaded back into the database and read there; the server is stopped at the end,
# pass or fail. Usage: generate_from_postgis.sh BIN_DIR SHARED_DATA
set -eu
bin=$1
data=$2
pg=/usr/lib/postgresql/15/bin
[ -x "$pg/initdb" ] || { echo "PostgreSQL 15 is not installed (scripts/install_debian_packages.sh --test)"; exit 1; }
work=$(mktemp -d /tmp/lp_postgis.XXXXXX)
chmod 755 "$work"
port=$((20000 + $$ % 20000))
# PostgreSQL refuses to run as root: the server runs as the postgres user the package made.
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
stop() {
  as_postgres "$pg/pg_ctl" -D "$work/db" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap stop EXIT INT TERM
mkdir "$work/db" "$work/socket" "$work/out"
[ "$(id -u)" = 0 ] && chown postgres "$work/db" "$work/socket"
as_postgres "$pg/initdb" -D "$work/db" -U lp --auth=trust >"$work/initdb.log" 2>&1
as_postgres "$pg/pg_ctl" -D "$work/db" -l "$work/db/server.log" -w \
  -o "-p $port -k $work/socket -c listen_addresses=''" start >/dev/null
conn="host=$work/socket port=$port user=lp dbname=postgres"
psql "$conn" -q -c "CREATE EXTENSION postgis" >/dev/null
# The zones, as a GIS team loads them.
ogr2ogr -f PostgreSQL "PG:$conn" "$data/dz2011_scotland_bng.gpkg" datazones -where "ca_code = 'S12000023'" \
  -nln orkney_zones -lco GEOMETRY_NAME=geom
# Generate from the database.
"$bin/boundaries" generate --zones "PG:$conn" --layer orkney_zones --id-field dz11_code \
  --demand "$data/demand/dz2011_population_2020.csv" --localities 3 --balance pop2020_total:10% \
  --out "$work/out/orkney.gpkg" --assignment "$work/out/orkney.csv" >"$work/generate.log" 2>&1 ||
  { cat "$work/generate.log"; exit 1; }
grep -q "29 zones into 3 localities" "$work/generate.log" || { cat "$work/generate.log"; exit 1; }
# The same plan as from the GeoPackage itself.
"$bin/boundaries" generate --zones "$data/dz2011_scotland_bng.gpkg" --layer datazones --id-field dz11_code \
  --filter-field ca_code --filter S12000023 --demand "$data/demand/dz2011_population_2020.csv" --localities 3 \
  --balance pop2020_total:10% --out "$work/out/file.geojson" --assignment "$work/out/file.csv" >/dev/null 2>&1
sort "$work/out/orkney.csv" >"$work/a.csv"; sort "$work/out/file.csv" >"$work/b.csv"
cmp -s "$work/a.csv" "$work/b.csv" || { echo "the plan from PostGIS differs from the plan from the file"; diff "$work/a.csv" "$work/b.csv" | head; exit 1; }
# The localities into the database, and read there.
ogr2ogr -f PostgreSQL "PG:$conn" "$work/out/orkney.gpkg" localities -nln orkney_localities -lco GEOMETRY_NAME=geom
count=$(psql "$conn" -At -c "SELECT count(*) FROM orkney_localities")
zones=$(psql "$conn" -At -c "SELECT sum(zones) FROM orkney_localities")
area=$(psql "$conn" -At -c "SELECT round(((SELECT sum(ST_Area(geom)) FROM orkney_localities) / (SELECT sum(ST_Area(geom)) FROM orkney_zones))::numeric, 4)")
echo "PostGIS: 29 zones read through PG:, 3 localities written back: count $count, zones $zones, area ratio $area"
[ "$count" = 3 ] && [ "$zones" = 29 ] && [ "$area" = 1.0000 ] || exit 1
