#!/bin/sh
# A real database, as a council GIS team keeps its zones: a throwaway PostgreSQL with PostGIS
# from Debian's packages in a temporary folder on its own port, a council's zones loaded with
# ogr2ogr, `boundaries generate` reading them through a PG: connection string and writing the
# localities back with --out PG: (--layer-name, --lco, --overwrite), read there with psql and
# ogrinfo; the server is stopped at the end,
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
# The localities straight into the database (--out PG:, --layer-name, --lco), and read there.
"$bin/boundaries" generate --zones "PG:$conn" --layer orkney_zones --id-field dz11_code \
  --demand "$data/demand/dz2011_population_2020.csv" --localities 3 --balance pop2020_total:10% \
  --out "PG:$conn" --layer-name orkney_localities --lco GEOMETRY_NAME=geom --lco FID=locality_fid \
  --assignment "$work/out/into.csv" >"$work/into.log" 2>&1 || { cat "$work/into.log"; exit 1; }
grep -q "(table orkney_localities)" "$work/into.log" || { cat "$work/into.log"; exit 1; }
cmp -s "$work/out/into.csv" "$work/out/orkney.csv" || { echo "--out PG: changed the plan"; exit 1; }
count=$(psql "$conn" -At -c "SELECT count(*) FROM orkney_localities")
zones=$(psql "$conn" -At -c "SELECT sum(zones) FROM orkney_localities")
srid=$(psql "$conn" -At -c "SELECT srid FROM geometry_columns WHERE f_table_name = 'orkney_localities' AND f_geometry_column = 'geom'")
gtype=$(psql "$conn" -At -c "SELECT type FROM geometry_columns WHERE f_table_name = 'orkney_localities'")
columns=$(psql "$conn" -At -c "SELECT string_agg(column_name, ',' ORDER BY ordinal_position) FROM information_schema.columns WHERE table_name = 'orkney_localities'")
area=$(psql "$conn" -At -c "SELECT round(((SELECT sum(ST_Area(geom)) FROM orkney_localities) / (SELECT sum(ST_Area(geom)) FROM orkney_zones))::numeric, 4)")
valid=$(psql "$conn" -At -c "SELECT bool_and(ST_IsValid(geom)) FROM orkney_localities")
echo "PostGIS: 29 zones read through PG:, 3 localities written with --out PG: count $count, zones $zones, SRID $srid, $gtype, valid $valid, area ratio $area"
echo "columns: $columns"
[ "$count" = 3 ] && [ "$zones" = 29 ] && [ "$srid" = 27700 ] && [ "$gtype" = MULTIPOLYGON ] && [ "$valid" = t ] &&
  [ "$area" = 1.0000 ] || exit 1
case ",$columns," in *,locality_fid,*geom,*|*,locality_fid,*) ;; *) echo "no FID column locality_fid"; exit 1 ;; esac
for column in locality_id locality_name zones area_km2 pop2020_total; do
  case ",$columns," in *",$column,"*) ;; *) echo "no column $column in orkney_localities"; exit 1 ;; esac
done
# Its style is in public.layer_styles, where QGIS looks, and QGIS opens the table with it:
# categorised by locality (three classes) and labelled with locality_name.
styles=$(psql "$conn" -At -c "SELECT count(*) FROM public.layer_styles WHERE f_table_catalog = current_database() AND f_table_schema = 'public' AND f_table_name = 'orkney_localities' AND f_geometry_column = 'geom' AND useasdefault")
[ "$styles" = 1 ] || { echo "expected one default style row for orkney_localities, found $styles"; exit 1; }
# Debian's python3-qgis is built for Debian's own Python, not another one first on PATH.
if /usr/bin/python3 -c "import qgis.core" 2>/dev/null; then
  QT_QPA_PLATFORM=offscreen /usr/bin/python3 - "$work/socket" "$port" <<'PY' || exit 1
import sys
from qgis.core import QgsApplication, QgsVectorLayer, QgsCategorizedSymbolRenderer
app = QgsApplication([], False)
app.initQgis()
uri = f"host={sys.argv[1]} port={sys.argv[2]} dbname=postgres user=lp key='locality_fid' srid=27700 type=MultiPolygon table=\"public\".\"orkney_localities\" (geom)"
layer = QgsVectorLayer(uri, "orkney_localities", "postgres")
assert layer.isValid(), "QGIS cannot open the table"
renderer = layer.renderer()
assert isinstance(renderer, QgsCategorizedSymbolRenderer), f"QGIS did not apply the stored style: {renderer.type()}"
assert renderer.classAttribute() == "locality_id" and len(renderer.categories()) == 3, renderer.classAttribute()
assert layer.labelsEnabled() and layer.labeling().settings().fieldName == "locality_name", "not labelled by name"
print(f"PostGIS: QGIS opened orkney_localities with its stored style ({len(renderer.categories())} categories, labelled)")
app.exitQgis()
PY
else
  echo "PostGIS: python3-qgis is not installed: the stored style was not opened in QGIS"
fi
# ogrinfo reads the table back as GDAL sees it: the layer, its CRS, its three features.
ogrinfo -so "PG:$conn" orkney_localities >"$work/ogrinfo.txt"
grep -q "Feature Count: 3" "$work/ogrinfo.txt" && grep -q 'ID\["EPSG",27700\]' "$work/ogrinfo.txt" ||
  { cat "$work/ogrinfo.txt"; exit 1; }

# A second run into the same table without --overwrite: refused (15) before any work, the
# table untouched; with --overwrite (k = 2) the table replaced and nothing else touched.
psql "$conn" -q -c "UPDATE orkney_localities SET locality_name = 'kept by the planner'"
set +e
"$bin/boundaries" generate --zones "PG:$conn" --layer orkney_zones --id-field dz11_code \
  --demand "$data/demand/dz2011_population_2020.csv" --localities 2 --balance pop2020_total:10% \
  --out "PG:$conn" --layer-name orkney_localities >"$work/again.log" 2>&1
status=$?
set -e
[ "$status" = 15 ] && grep -q "has a table 'orkney_localities' already; nothing was written" "$work/again.log" &&
  grep -q -- "--overwrite" "$work/again.log" || { echo "exit $status"; cat "$work/again.log"; exit 1; }
[ "$(psql "$conn" -At -c "SELECT count(*) FROM orkney_localities WHERE locality_name = 'kept by the planner'")" = 3 ] ||
  { echo "the refused run changed the table"; exit 1; }
"$bin/boundaries" generate --zones "PG:$conn" --layer orkney_zones --id-field dz11_code \
  --demand "$data/demand/dz2011_population_2020.csv" --localities 2 --balance pop2020_total:10% \
  --out "PG:$conn" --layer-name orkney_localities --lco GEOMETRY_NAME=geom --overwrite >"$work/over.log" 2>&1 ||
  { cat "$work/over.log"; exit 1; }
[ "$(psql "$conn" -At -c "SELECT count(*) FROM orkney_localities")" = 2 ] &&
  [ "$(psql "$conn" -At -c "SELECT count(*) FROM orkney_zones")" = 29 ] || { echo "--overwrite did not replace only the table"; exit 1; }

# dissolve into a schema of its own (--lco SCHEMA=), and a layer creation option the driver
# does not have refused (2) naming --lco before anything is written.
psql "$conn" -q -c "CREATE SCHEMA planning"
"$bin/boundaries" dissolve --zones "PG:$conn" --layer orkney_zones --id-field dz11_code --by iz11_code \
  --out "PG:$conn" --layer-name Orkney-IZ --lco SCHEMA=planning --lco GEOMETRY_NAME=geom >"$work/dissolve.log" 2>&1 ||
  { cat "$work/dissolve.log"; exit 1; }
grep -q "(table planning.orkney_iz)" "$work/dissolve.log" || { cat "$work/dissolve.log"; exit 1; }
izs=$(psql "$conn" -At -c "SELECT count(DISTINCT iz11_code) FROM orkney_zones")
[ "$(psql "$conn" -At -c "SELECT count(*) FROM planning.orkney_iz")" = "$izs" ] || { echo "planning.orkney_iz is not one row per IZ"; exit 1; }
set +e
"$bin/boundaries" dissolve --zones "PG:$conn" --layer orkney_zones --id-field dz11_code \
  --out "PG:$conn" --layer-name never_made --lco NO_SUCH_OPTION=1 >"$work/bad_lco.log" 2>&1
status=$?
set -e
[ "$status" = 2 ] && grep -q -- "--lco NO_SUCH_OPTION=1" "$work/bad_lco.log" || { echo "exit $status"; cat "$work/bad_lco.log"; exit 1; }
[ "$(psql "$conn" -At -c "SELECT count(*) FROM information_schema.tables WHERE table_name = 'never_made'")" = 0 ] ||
  { echo "a refused --lco left a table"; exit 1; }
sed 's/^/  refused: /' "$work/again.log" "$work/bad_lco.log"
echo "PostGIS: refused without --overwrite (15, table kept), replaced with it, dissolve into schema planning ($izs IZs), bad --lco refused (2)"
