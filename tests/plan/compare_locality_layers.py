"""One plan's locality layers, read back with GDAL (ogr2ogr), are the same table.

Usage: compare_locality_layers.py PLAN.json NAME=PATH... [--shapefile PATH]

Every NAME=PATH layer must have the same fields in the same order, the same types and the
same values, feature by feature, as the first; each locality's colour must be the plan's.
A Shapefile's .fields.csv must map its short names back to exactly those fields. Prints
the field list and the colours side by side; exits 1 on any difference.
"""
import csv
import json
import re
import subprocess
import sys


def first_layer(path):
    listing = subprocess.run(["ogrinfo", "-so", "-q", path], capture_output=True, text=True, check=True).stdout
    return re.search(r"^1: (.+?)(?: \(.*)?$", listing, re.M).group(1)


def load(path):
    out = subprocess.run(["ogr2ogr", "-f", "GeoJSON", "/vsistdout/", path, first_layer(path)],
                         capture_output=True, text=True, check=True).stdout
    return [f["properties"] for f in json.loads(out)["features"]]


def main():
    args = sys.argv[1:]
    shapefile = None
    if "--shapefile" in args:
        at = args.index("--shapefile")
        shapefile = args[at + 1]
        del args[at:at + 2]
    with open(args[0]) as f:
        plan = json.load(f)
    layers = {a.split("=", 1)[0]: load(a.split("=", 1)[1]) for a in args[1:]}
    short_names = {}
    if shapefile:
        with open(shapefile[:-4] + ".fields.csv", newline="") as f:
            rows = list(csv.DictReader(f))
        short_names = {r["short"]: r["full"] for r in rows}
        # dBASE has no yes/no or 64-bit text: the Shapefile is read back by its full names
        # and compared on its fields, ids, colours and counts.
        layers["shapefile"] = [{short_names.get(k, k): v for k, v in p.items()} for p in load(shapefile)]
    names = list(layers)
    reference = layers[names[0]]
    problems = []
    if not reference:
        problems.append(f"{names[0]}: no features")
    fields = list(reference[0]) if reference else []
    print("fields (" + str(len(fields)) + "): " + ", ".join(fields))
    print("locality".ljust(28) + "".join(n.ljust(10) for n in ["plan"] + names))
    for i, locality in enumerate(plan["localities"]):
        row = [locality["colour"]] + [layers[n][i]["colour"] if i < len(layers[n]) else "-" for n in names]
        print(locality["name"][:27].ljust(28) + "".join(c.ljust(10) for c in row))
        if any(c != locality["colour"] for c in row):
            problems.append(f"{locality['name']}: colours {row} are not all the plan's {locality['colour']}")
        for n in names:
            if i < len(layers[n]) and layers[n][i]["locality_id"] != locality["id"]:
                problems.append(f"{n}: feature {i} is {layers[n][i]['locality_id']}, not the plan's {locality['id']}")
    for n in names[1:]:
        if n == "shapefile":
            continue
        if len(layers[n]) != len(reference):
            problems.append(f"{n}: {len(layers[n])} features, {names[0]} {len(reference)}")
        for i, (a, b) in enumerate(zip(reference, layers[n])):
            if list(a) != list(b):
                problems.append(f"{n}: feature {i} fields differ from {names[0]}: "
                                f"missing {[k for k in a if k not in b]}, extra {[k for k in b if k not in a]}")
            for k in a:
                if k in b and (a[k] != b[k] or type(a[k]) is not type(b[k])):
                    problems.append(f"{n}: feature {i} {k} is {b[k]!r}, {names[0]} has {a[k]!r}")
    if shapefile:
        full = list(short_names.values())
        if full != fields:
            problems.append(f"{shapefile}: .fields.csv names {full}, not the layout's fields")
        for i, (a, b) in enumerate(zip(reference, layers["shapefile"])):
            for k in ("locality_id", "locality_name", "colour", "zones", "population", "gp_practices_2021"):
                if a.get(k) != b.get(k):
                    problems.append(f"shapefile: feature {i} {k} is {b.get(k)!r}, {names[0]} has {a.get(k)!r}")
        print(f"{shapefile}: {len(short_names)} short names ({', '.join(list(short_names)[:6])}, ...) "
              ".fields.csv maps back to the same fields")
    for p in problems:
        print("FAIL " + p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
