#!/usr/bin/env python3
"""Drives locality-viewer on real Glasgow data under xvfb-run and checks its screenshots.

Phase 1 makes a plan in the viewer itself (three localities, the partitioner, default
function arrangements) and saves it. Phase 2 opens that plan with --plan, paints five
zones on a locality boundary into the neighbouring locality, undoes, shows a choropleth
and a hover, and takes a screenshot after each step. The checks: every image is 1280x800
and not blank (map, table and functions panel all carry detail), the map differs after
the paint, is back to the original after the undo, and the plan file and recovery file
say what the screen says.

Standard library only (the PNG reader is below), so CI needs nothing beyond the viewer.
"""
import argparse
import collections
import json
import os
import struct
import subprocess
import sys
import zlib

WIDTH, HEIGHT = 1280, 800
# Layout (viewer_app.cpp): right panel 430 px, bottom panel 230 px, menu bar ~19 px.
MAP = (0, 25, WIDTH - 430, HEIGHT - 230)          # x0, y0, x1, y1
TABLE = (0, HEIGHT - 230, WIDTH - 430, HEIGHT)
FUNCTIONS = (WIDTH - 430, 25, WIDTH, HEIGHT)


def read_png(path):
    """8-bit RGB or RGBA, non-interlaced (what stb_image_write produces)."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{path}: not a PNG")
    pos, idat, width, height, channels = 8, b"", 0, 0, 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            if depth != 8 or colour not in (2, 6):
                raise ValueError(f"{path}: unsupported PNG (depth {depth}, colour type {colour})")
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b = previous[i]
            c = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + a) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + b) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 0xFF
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        rows.append(bytes(line))
        previous = line
    return width, height, channels, rows


def region_pixels(image, box):
    _, _, channels, rows = image
    x0, y0, x1, y1 = box
    for y in range(y0, y1):
        row = rows[y]
        for x in range(x0, x1):
            yield row[x * channels:x * channels + 3]


def distinct_colours(image, box):
    return len(set(region_pixels(image, box)))


def differing_fraction(a, b, box):
    total = diff = 0
    for pa, pb in zip(region_pixels(a, box), region_pixels(b, box)):
        total += 1
        diff += pa != pb
    return diff / max(total, 1)


def run_viewer(args, script_text, script_name, extra):
    script = os.path.join(args.out, script_name)
    with open(script, "w") as f:
        f.write(script_text)
    data = args.data
    command = ["xvfb-run", "-a", "-s", f"-screen 0 {WIDTH}x{HEIGHT}x24", args.viewer,
               "--zones", os.path.join(data, "dz2011_scotland_bng.gpkg"), "--layer", "datazones",
               "--id-field", "dz11_code", "--filter-field", "ca_code", "--filter", "S12000049",
               "--demand", os.path.join(data, "demand", "dz2011_population_2020.csv"),
               "--demand", os.path.join(data, "demand", "dz2011_simd2020.csv"),
               "--points", os.path.join(data, "points", "gp_practices_2021.geojson"),
               "--points", os.path.join(data, "points", "nhs_hospitals_2024.geojson"),
               "--balance", "pop2020_total:0.05", "--script", script] + extra
    result = subprocess.run(command, cwd=args.out, capture_output=True, text=True, timeout=540)
    sys.stderr.write(result.stderr)
    if result.returncode != 0:
        raise SystemExit(f"viewer exited {result.returncode} running {script_name}")


def zone_vertices(geojson_path):
    """zone id -> set of rounded vertices, from the council GeoJSON (shared edges share vertices)."""
    with open(geojson_path) as f:
        collection = json.load(f)
    vertices = {}
    for feature in collection["features"]:
        geometry = feature["geometry"]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        points = set()
        for polygon in polygons:
            for ring in polygon:
                points.update((round(x, 6), round(y, 6)) for x, y in ring)
        vertices[feature["properties"]["dz11_code"]] = points
    return vertices


def neighbours(vertices):
    by_vertex = collections.defaultdict(set)
    for zone, points in vertices.items():
        for p in points:
            by_vertex[p].add(zone)
    shared = collections.Counter()
    for zones in by_vertex.values():
        for a in zones:
            for b in zones:
                if a < b:
                    shared[(a, b)] += 1
    graph = collections.defaultdict(set)
    for (a, b), count in shared.items():
        if count >= 2:  # an edge, not a single touching point
            graph[a].add(b)
            graph[b].add(a)
    return graph


def reachable(start, zones, graph):
    seen, stack = {start}, [start]
    while stack:
        for n in graph[stack.pop()]:
            if n in zones and n not in seen:
                seen.add(n)
                stack.append(n)
    return seen


def pieces(zones, graph):
    zones, seen, count = set(zones), set(), 0
    for start in zones:
        if start in seen:
            continue
        count += 1
        seen.add(start)
        stack = [start]
        while stack:
            for n in graph[stack.pop()]:
                if n in zones and n not in seen:
                    seen.add(n)
                    stack.append(n)
    return count


def boundary_zones(plan, graph, source, target, count):
    """Zones of `source` touching `target` whose removal (together) leaves `source` in no more
    pieces than it had. (This vertex-sharing graph lacks the viewer's snapping and water
    crossings, so it may see a locality in pieces the viewer sees as one.)"""
    members = {z for z, loc in plan["assignment"].items() if loc == source}
    chosen = []
    # Most target neighbours first: zones jutting into the other locality.
    candidates = sorted(members, key=lambda z: (-sum(plan["assignment"].get(n) == target for n in graph[z]), z))
    for zone in candidates:
        if len(chosen) == count:
            break
        if not any(plan["assignment"].get(n) == target for n in graph[zone]):
            continue
        # Its neighbours in `source` must stay joined without it, so the move splits nothing.
        rest = members - set(chosen) - {zone}
        own = [n for n in graph[zone] if n in rest]
        if own and all(n in reachable(own[0], rest, graph) for n in own):
            chosen.append(zone)
    return chosen


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--viewer", required=True)
    parser.add_argument("--data", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    args.viewer, args.data, args.out = (os.path.abspath(p) for p in (args.viewer, args.data, args.out))
    os.makedirs(args.out, exist_ok=True)
    plan_path = os.path.join(args.out, "glasgow-plan.json")
    for stale in ("glasgow-plan.json", "glasgow-plan.json.recovery.json"):
        if os.path.exists(os.path.join(args.out, stale)):
            os.remove(os.path.join(args.out, stale))

    # Phase 1: make a plan in the viewer.
    run_viewer(args, """# make a three-locality plan for Glasgow
new-locality North East
new-locality South
new-locality North West
optimise
fill-defaults
save-plan glasgow-plan.json
screenshot 00-generated.png
quit
""", "make-plan.txt", [])
    with open(plan_path) as f:
        plan = json.load(f)
    ids = [loc["id"] for loc in plan["localities"]]
    assert len(ids) == 3, plan["localities"]
    assert len(plan["assignment"]) == 746, len(plan["assignment"])

    # Five zones of the first locality on its border with the second.
    graph = neighbours(zone_vertices(os.path.join(args.data, "councils", "dz2011_glasgow_city_S12000049.geojson")))
    # The viewer's own graph (snapping, water crossings) decides; a move it refuses as a
    # split is simply not applied, so offer more candidates than needed.
    # The two localities with the longest border (in zones); paint from `source` into `target`.
    def border_of(a, b):
        return sorted(z for z, loc in plan["assignment"].items()
                      if loc == ids[a] and any(plan["assignment"].get(n) == ids[b] for n in graph[z]))
    source, target = max(((a, b) for a in range(3) for b in range(3) if a != b),
                         key=lambda pair: len(border_of(*pair)))
    candidates = boundary_zones(plan, graph, ids[source], ids[target], 12)
    candidates += [z for z in border_of(source, target) if z not in candidates][:12 - len(candidates)]
    assert len(candidates) >= 6, f"found only {candidates} on the border of {ids[source]} and {ids[target]}"
    paints = "\n".join(f"paint {z} {target}" for z in candidates)
    hover = candidates[-1]

    # Phase 2: open the plan and edit it.
    run_viewer(args, f"""# paint, undo, choropleth, hover
fit
select-locality {source}
screenshot 01-plan.png
begin-stroke paint border zones
{paints}
end-stroke
select-locality {target}
screenshot 02-painted.png
save-plan glasgow-plan-painted.json
undo
expect-locality {candidates[0]} {source}
expect-locality {candidates[-1]} {source}
select-locality {source}
screenshot 03-undone.png
redo
save-plan glasgow-plan-edited.json
choropleth pop2020_75plus
hover {hover}
screenshot 04-choropleth-hover.png
quit
""", "edit-plan.txt", ["--plan", plan_path])

    images = {}
    for name in ("00-generated", "01-plan", "02-painted", "03-undone", "04-choropleth-hover"):
        path = os.path.join(args.out, name + ".png")
        image = read_png(path)
        assert image[:2] == (WIDTH, HEIGHT), f"{path}: {image[:2]}"
        for label, box, minimum in (("map", MAP, 12), ("locality table", TABLE, 6), ("functions panel", FUNCTIONS, 6)):
            colours = distinct_colours(image, box)
            assert colours >= minimum, f"{path}: the {label} looks blank ({colours} colours)"
        images[name] = image
        print(f"{name}: map {distinct_colours(image, MAP)} colours")

    painted = differing_fraction(images["01-plan"], images["02-painted"], MAP)
    undone = differing_fraction(images["01-plan"], images["03-undone"], MAP)
    choropleth = differing_fraction(images["01-plan"], images["04-choropleth-hover"], MAP)
    print(f"map pixels changed: paint {painted:.4f}, after undo {undone:.4f}, choropleth {choropleth:.4f}")
    assert painted > 0.0005, "painting border zones changed (almost) nothing on the map"
    assert undone < painted / 4, "undo did not bring the map back"
    assert choropleth > 0.2, "the choropleth looks like the locality map"

    with open(os.path.join(args.out, "glasgow-plan-painted.json")) as f:
        painted_plan = json.load(f)
    with open(os.path.join(args.out, "glasgow-plan-edited.json")) as f:
        redone_plan = json.load(f)
    moved = [z for z in candidates if painted_plan["assignment"][z] == ids[target]]
    print(f"painted {len(moved)} of {len(candidates)} border zones; the rest were refused as splits")
    assert len(moved) >= 3, moved
    assert all(plan["assignment"][z] == ids[source] for z in candidates)
    assert redone_plan["assignment"] == painted_plan["assignment"], "redo did not restore the painted plan"
    # Autosave: more than five edits happened, so the recovery file holds a whole plan.
    with open(plan_path + ".recovery.json") as f:
        recovered = json.load(f)
    assert [loc["id"] for loc in recovered["localities"]] == ids
    assert len(recovered["assignment"]) == 746
    print("viewer screenshots OK:", args.out)


if __name__ == "__main__":
    main()
