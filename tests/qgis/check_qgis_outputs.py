#!/usr/bin/env python3
"""Opens boundaries' outputs in QGIS itself (PyQGIS, Debian's python3-qgis) as a GIS team would.

Makes Dundee City's localities from the real data as GeoJSON, GeoPackage and Shapefile, a plan
from them and its QGIS project (boundaries export --format qgis), then checks with PyQGIS that
every output loads, every geometry is valid, the CRS is right, localities do not overlap, the
GeoPackage's and the Shapefile's default styles are categorised by locality and labelled, and
the project opens with all its layers, its point layers clipped to the partnership plus the
margin (counted again here with QGIS) and labelled by name. Renders the project to a PNG.

Exits 77 (CTest's SKIP_RETURN_CODE) when PyQGIS is not installed, 1 on a failed check.
"""
import argparse
import csv
import json
import os
import subprocess
import sys

SKIP = 77
POINT_MARGIN = 5000  # boundaries export's default --point-margin, metres
GP_PRACTICES = HOSPITALS = None  # the source point layers, set by main()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--boundaries", required=True)
    parser.add_argument("--data", required=True, help="the Scottish data folder")
    parser.add_argument("--out", required=True)
    parser.add_argument("--picture", help="PNG of the rendered project (default OUT/project.png)")
    args = parser.parse_args()

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        from qgis.core import QgsApplication
    except ImportError:
        print("SKIP: PyQGIS (python3-qgis) is not installed")
        return SKIP

    os.makedirs(args.out, exist_ok=True)
    data = args.data
    global GP_PRACTICES, HOSPITALS
    GP_PRACTICES = f"{data}/points/gp_practices_2021.geojson"
    HOSPITALS = f"{data}/points/nhs_hospitals_2024.geojson"
    k = 4
    common = ["--zones", f"{data}/dz2011_scotland_bng.gpkg", "--layer", "datazones", "--id-field", "dz11_code",
              "--filter-field", "ca_code", "--filter", "S12000042",
              "--demand", f"{data}/demand/dz2011_population_2020.csv",
              "--points", f"{data}/points/gp_practices_2021.geojson",
              "--points", f"{data}/points/nhs_hospitals_2024.geojson"]

    def run(*command):
        print("$ boundaries " + " ".join(command), flush=True)
        subprocess.run([args.boundaries, *command], check=True, stdout=subprocess.DEVNULL)

    outputs = {ext: os.path.join(args.out, f"dundee.{ext}") for ext in ("geojson", "gpkg", "shp")}
    assignment = os.path.join(args.out, "dundee.csv")
    for ext, path in outputs.items():
        extra = ["--assignment", assignment] if ext == "geojson" else []
        # --overwrite: a GeoPackage left by an earlier run keeps its layer until replaced.
        run("generate", *common, "--localities", str(k), "--balance", "pop2020_total:5%", "--seed", "1",
            "--out", path, "--overwrite", *extra)
    plan = os.path.join(args.out, "dundee.plan.json")
    run("plan", "import", "--assignment", assignment, *common, "--out", plan)
    project_dir = os.path.join(args.out, "project")
    run("export", "--plan", plan, "--format", "qgis", "--out", project_dir, "--overwrite")

    app = QgsApplication([], False)
    app.initQgis()
    try:
        failures = check(outputs, k, project_dir, args.picture or os.path.join(args.out, "project.png"))
    finally:
        app.exitQgis()
    for failure in failures:
        print("FAIL:", failure)
    if failures:
        return 1
    print("QGIS opens every output: valid, right CRS, no overlaps, styled; the project has all its layers")
    return 0


def check(outputs, k, project_dir, picture):
    from qgis.core import (QgsCategorizedSymbolRenderer, QgsCoordinateReferenceSystem, QgsGeometry,
                           QgsMapRendererParallelJob, QgsMapSettings, QgsProject, QgsVectorLayer)
    from qgis.PyQt.QtCore import QSize
    from qgis.PyQt.QtGui import QColor

    failures = []

    def expect(condition, message):
        if not condition:
            failures.append(message)
        return condition

    expected_crs = {"geojson": "EPSG:4326", "gpkg": "EPSG:27700", "shp": "EPSG:27700"}
    for ext, path in outputs.items():
        layer = QgsVectorLayer(path, f"dundee {ext}", "ogr")
        if not expect(layer.isValid(), f"{path}: QGIS cannot load it"):
            continue
        expect(layer.featureCount() == k, f"{path}: {layer.featureCount()} features, expected {k}")
        expect(layer.crs().authid() == expected_crs[ext],
               f"{path}: CRS {layer.crs().authid()}, expected {expected_crs[ext]}")
        geometries = []
        for feature in layer.getFeatures():
            g = QgsGeometry(feature.geometry())
            expect(not g.isEmpty(), f"{path}: feature {feature.id()} has no geometry")
            expect(g.isGeosValid(), f"{path}: feature {feature.id()} is not GEOS-valid")
            errors = g.validateGeometry()
            expect(not errors, f"{path}: feature {feature.id()}: {[e.what() for e in errors][:3]}")
            geometries.append(g)
        for i in range(len(geometries)):
            for j in range(i + 1, len(geometries)):
                overlap = geometries[i].intersection(geometries[j]).area()
                smaller = min(geometries[i].area(), geometries[j].area())
                # GeoJSON's 6 decimals (about 10 cm) may leave slivers far below this.
                expect(overlap <= 1e-6 * smaller, f"{path}: localities {i + 1} and {j + 1} overlap ({overlap:g})")

        if ext in ("gpkg", "shp"):
            message, loaded = layer.loadDefaultStyle()
            expect(loaded, f"{path}: no default style ({message})")
            renderer = layer.renderer()
            if expect(isinstance(renderer, QgsCategorizedSymbolRenderer),
                      f"{path}: default renderer is {renderer.type()}, not categorised"):
                categories = renderer.categories()
                expect(len(categories) == k, f"{path}: {len(categories)} categories, expected {k}")
                # The one locality layout's key (docs/locality-schema.md), cut to loc_id in a Shapefile.
                key = "loc_id" if ext == "shp" else "locality_id"
                expect(renderer.classAttribute() == key, f"{path}: categorised on {renderer.classAttribute()}")
                # The generated layer's first locality takes the default palette's first
                # colour, as the plan made from it records (lp::default_locality_colour).
                with open(os.path.join(os.path.dirname(path), "dundee.plan.json")) as f:
                    first_colour = json.load(f)["localities"][0]["colour"]
                expect(categories and categories[0].symbol().color() == QColor(first_colour),
                       f"{path}: the first locality is not in the plan's first colour")
                values = {str(f[key]) for f in layer.getFeatures()}
                expect({str(c.value()) for c in categories} == values, f"{path}: categories do not match the values")
            expect(layer.labelsEnabled(), f"{path}: labels are off")
            if layer.labeling():
                label = "loc_name" if ext == "shp" else "locality_name"
                expect(layer.labeling().settings().fieldName == label, f"{path}: not labelled with the name")

        if ext == "shp":
            names = [f.name() for f in layer.fields()]
            expect(all(len(n) <= 10 for n in names), f"{path}: a field name is longer than 10: {names}")
            with open(path[:-4] + ".fields.csv", newline="") as f:
                rows = list(csv.DictReader(f))
            expect([r["short"] for r in rows] == names, f"{path}: .fields.csv does not list the fields in order")
            full = {r["full"]: r["short"] for r in rows}
            expect(full.get("pop2020_total") == "pop20_tot", f"{path}: pop2020_total is {full.get('pop2020_total')}")

    project = QgsProject.instance()
    qgz = [f for f in os.listdir(project_dir) if f.endswith(".qgz")]
    if expect(len(qgz) == 1, f"{project_dir}: expected one .qgz, found {qgz}"):
        path = os.path.join(project_dir, qgz[0])
        expect(project.read(path), f"{path}: QgsProject.read failed: {project.error()}")
        layers = {layer.name(): layer for layer in project.mapLayers().values()}
        # Every layer-tree entry finds its layer (QGIS drops ids it does not accept, and the
        # tree then points at nothing: the layers load but are never drawn).
        missing = [node.name() for node in project.layerTreeRoot().findLayers() if node.layer() is None]
        expect(not missing, f"{path}: layer tree entries without a layer: {missing}")
        expected = {"Localities", "Zones by locality", "gp_practices_2021", "nhs_hospitals_2024"}
        expect(set(layers) == expected, f"{path}: layers {sorted(layers)}, expected {sorted(expected)}")
        for name, layer in layers.items():
            expect(layer.isValid(), f"{path}: layer {name} is not valid ({layer.source()})")
            expect(layer.featureCount() > 0, f"{path}: layer {name} is empty")
        if "Localities" in layers:
            localities = layers["Localities"]
            expect(isinstance(localities.renderer(), QgsCategorizedSymbolRenderer), f"{path}: localities not categorised")
            expect(localities.labelsEnabled(), f"{path}: localities not labelled")
            expect(localities.crs().authid() == "EPSG:27700", f"{path}: localities in {localities.crs().authid()}")
        if "Zones by locality" in layers:
            zones = layers["Zones by locality"]
            expect(isinstance(zones.renderer(), QgsCategorizedSymbolRenderer) and
                   len(zones.renderer().categories()) == k, f"{path}: zones not coloured by locality")
            expect(zones.featureCount() == 188, f"{path}: {zones.featureCount()} zones, expected Dundee's 188")
        expect(project.crs().authid() == "EPSG:27700", f"{path}: project CRS {project.crs().authid()}")
        if "Localities" in layers:
            check_point_layers(layers, path, expect)

        settings = QgsMapSettings()
        settings.setLayers([l for l in project.layerTreeRoot().layerOrder() if l.isValid()])
        settings.setDestinationCrs(project.crs())
        settings.setOutputSize(QSize(1000, 800))
        settings.setBackgroundColor(QColor("white"))
        if "Localities" in layers:
            settings.setExtent(layers["Localities"].extent().buffered(500))
        job = QgsMapRendererParallelJob(settings)
        job.start()
        job.waitForFinished()
        image = job.renderedImage()
        expect(image.save(picture, "PNG"), f"{picture}: cannot save the rendered project")
        # The localities fill much of the picture (a blank render draws about 1%): count the pixels of a coarse grid that are not background.
        samples = [QColor(image.pixel(x, y)).name() for x in range(0, 1000, 10) for y in range(0, 800, 10)]
        drawn = sum(1 for c in samples if c != "#ffffff") / len(samples)
        expect(drawn > 0.15, f"{picture}: only {drawn:.0%} of the picture is drawn")
        print("rendered", picture)
    return failures


def check_point_layers(layers, path, expect):
    """Each point layer holds the source's points within the margin of the partnership (counted
    here with QGIS's own geometry, not the program's), and is labelled by name."""
    from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsGeometry, QgsProject,
                           QgsVectorLayer)
    localities = layers["Localities"]
    area = QgsGeometry.unaryUnion([f.geometry() for f in localities.getFeatures()])
    for name, source in (("gp_practices_2021", GP_PRACTICES), ("nhs_hospitals_2024", HOSPITALS)):
        layer = layers.get(name)
        if not expect(layer is not None, f"{path}: no point layer {name}"):
            continue
        everything = QgsVectorLayer(source, name + " (all)", "ogr")
        to_bng = QgsCoordinateTransform(everything.crs(), QgsCoordinateReferenceSystem("EPSG:27700"),
                                        QgsProject.instance())
        inside = near = 0
        for feature in everything.getFeatures():
            g = QgsGeometry(feature.geometry())
            g.transform(to_bng)
            distance = area.distance(g)
            inside += distance == 0
            # 1 m of slack: the project's points are rounded to 6 decimals of a degree (10 cm).
            near += distance <= POINT_MARGIN + 1
        total = everything.featureCount()
        print(f"{name}: {layer.featureCount()} points in the project; {near} within {POINT_MARGIN} m by QGIS, "
              f"{inside} inside, {total} in Scotland")
        expect(abs(layer.featureCount() - near) <= 1 and layer.featureCount() > 0,
               f"{path}: {name} has {layer.featureCount()} points, QGIS counts {near} within {POINT_MARGIN} m")
        expect(layer.featureCount() < total, f"{path}: {name} is not clipped ({total} points)")
        expect(layer.featureCount() >= inside, f"{path}: {name} lost points inside the partnership")
        expect(layer.labelsEnabled(), f"{path}: {name} is not labelled")
        if layer.labeling():
            expect(layer.labeling().settings().fieldName == "name", f"{path}: {name} not labelled by name")
        names = [f["name"] for f in layer.getFeatures()]
        expect(all(names), f"{path}: {name} has points without a name")
        # Named (a name field, or an address's first part), not numbered by feature id.
        expect(not any(str(n).isdigit() for n in names), f"{path}: {name} is labelled by number: {names[:5]}")


if __name__ == "__main__":
    sys.exit(main())
