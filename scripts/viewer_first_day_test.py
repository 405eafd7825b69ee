#!/usr/bin/env python3
"""A planner's first day (issue 23 items 1, 2, 3, 4, 6 and 10): the viewer on Highland under
xvfb-run, with a plan the command line generated.

- Compare by overlap: the plan compared with a copy whose localities are renumbered, renamed
  and listed in reverse differs in 0 zones; a copy with 3 zones moved differs in exactly 3.
- Refusals that explain: a paint of a zone not next to the active locality says "not next to
  X"; a paint that would cut a locality in two says "would split X (N zones cut off)", and the
  cut-off zones flash on the map (a screenshot differs from the one before the refusal).
- Stale status: "painting..." gives way to "done: ..." when the stroke ends.
- Finding places: "Portree" (a gazetteer town, --places) centres the map on it; "Raigmore
  Hospital" (a service point) too, and the pointer on its marker shows its name.
- The hover tooltip sits beside the brush, not over it.
- Labels: the 31 partnerships of Scotland as one plan (boundaries plan import), each name in
  its own partnership (screenshot).
- Rename by Enter and by a click elsewhere, typed with xdotool into the locality table.
- A plan `boundaries check` reads but fails (issue 24 item 10: an Orkney plan with an unknown
  zone and a zone in an undefined locality) opens with both problems listed in check's words.

Standard library only; the PNG helpers are the screenshot test's (viewer_screenshot_test.py).
"""
import argparse
import collections
import csv
import json
import os
import re
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from viewer_screenshot_test import (HEIGHT, MAP, WIDTH, differing_fraction, distinct_colours,  # noqa: E402
                                    boundary_zones, neighbours, pieces, read_png,
                                    zone_vertices)

HIGHLAND = "S12000017"


def data_options(args, council=None):
    d = args.data
    options = ["--zones", os.path.join(d, "dz2011_scotland_bng.gpkg"), "--layer", "datazones", "--id-field", "dz11_code"]
    if council:
        options += ["--filter-field", "ca_code", "--filter", council]
    for table in ("dz2011_population_2020.csv", "dz2011_access_rurality.csv", "dz2011_lookup.csv"):
        options += ["--demand", os.path.join(d, "demand", table)]
    for layer in ("gp_practices_2021.geojson", "nhs_hospitals_2024.geojson"):
        options += ["--points", os.path.join(d, "points", layer)]
    return options


def run(command, what, timeout=540, env=None):
    started = time.monotonic()
    result = subprocess.run(command, cwd=run.out, capture_output=True, text=True, timeout=timeout, env=env)
    sys.stderr.write(result.stderr)
    if result.returncode != 0:
        raise SystemExit(f"{what} exited {result.returncode}")
    return result, time.monotonic() - started


def viewer(args, script_name, script_text, extra, council=HIGHLAND):
    with open(os.path.join(args.out, script_name), "w") as f:
        f.write(script_text)
    places = ["--places", os.path.join(args.data, "places", "geonames_places_scotland.geojson")]
    return ["xvfb-run", "-a", "-s", f"-screen 0 {WIDTH}x{HEIGHT}x24", args.viewer] + data_options(args, council) + \
        places + ["--script", script_name] + extra


def write_plan(path, plan):
    with open(path, "w") as f:
        json.dump(plan, f, indent=1)


def renumbered(plan):
    """The same localities under other ids and names, listed in reverse."""
    k = len(plan["localities"])
    new_id = {loc["id"]: f"L{k + 10 - i}" for i, loc in enumerate(plan["localities"])}
    other = dict(plan)
    other["localities"] = [dict(loc, id=new_id[loc["id"]], name=f"Area {new_id[loc['id']]}")
                           for loc in reversed(plan["localities"])]
    other["assignment"] = {z: new_id[l] for z, l in plan["assignment"].items()}
    other["arrangements"] = {}
    other.pop("locked_zones", None)
    return other


def parse_arguments():
    """--viewer, --boundaries, --data and --out as absolute paths; --out emptied, and where
    run() runs its commands."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--viewer", required=True)
    parser.add_argument("--boundaries", required=True)
    parser.add_argument("--data", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    args.viewer, args.boundaries, args.data, args.out = (os.path.abspath(p) for p in
                                                         (args.viewer, args.boundaries, args.data, args.out))
    if os.path.isdir(args.out):
        shutil.rmtree(args.out)
    os.makedirs(args.out)
    run.out = args.out
    return args


def main():
    args = parse_arguments()

    # A Highland plan from the command line: six localities.
    run([args.boundaries, "generate", "-k", "6", "--seed", "1", "--balance", "pop2020_total:0.1",
                         "--out", "highland.geojson", "--plan", "highland.plan.json"]
        + data_options(args, HIGHLAND), "boundaries generate")
    with open(os.path.join(args.out, "highland.plan.json")) as f:
        plan = json.load(f)
    ids = [loc["id"] for loc in plan["localities"]]
    assignment = plan["assignment"]
    graph = neighbours(zone_vertices(os.path.join(args.data, "councils", "dz2011_highland_S12000017.geojson")))

    # The same plan renumbered, and with three zones moved between two neighbouring localities.
    other = renumbered(plan)
    write_plan(os.path.join(args.out, "renumbered.plan.json"), other)
    first = ids[0]
    border = sorted(z for z, l in assignment.items() if l == first and any(assignment.get(n) not in (None, first) for n in graph[z]))
    moved = border[:3]
    moved_plan = json.loads(json.dumps(other))
    for z in moved:
        to = next(assignment[n] for n in sorted(graph[z]) if assignment.get(n) not in (None, first))
        moved_plan["assignment"][z] = renumbered_id(plan, to)
    write_plan(os.path.join(args.out, "moved.plan.json"), moved_plan)

    # Refusals: a zone of another locality touching none of the first's zones, and a zone of
    # a neighbour of the first whose loss would cut that neighbour in two (this graph lacks
    # the viewer's water crossings, so try several).
    members = {l: {z for z, m in assignment.items() if m == l} for l in ids}
    far = next(z for z in sorted(assignment) if assignment[z] != first and not any(assignment.get(n) == first for n in graph[z])
               and pieces(members[assignment[z]] - {z}, graph) == pieces(members[assignment[z]], graph))
    cutters = [z for z in sorted(assignment) if assignment[z] != first and any(assignment.get(n) == first for n in graph[z])
               and pieces(members[assignment[z]] - {z}, graph) > pieces(members[assignment[z]], graph)]
    assert cutters, "no zone next to the first locality whose move would split its own"
    # A zone the stroke may move: on the first locality's longest border, splitting nothing.
    neighbour = collections.Counter(assignment[n] for z in border for n in graph[z]
                                    if assignment.get(n) not in (None, first)).most_common(1)[0][0]
    fine = boundary_zones(plan, graph, first, neighbour, 1)[0]
    cut_lines = "\n".join(f"paint {z} 0\nwait-seconds 0.5\nscreenshot 64-cut-{i}.png" for i, z in enumerate(cutters[:4]))
    script = f"""# a planner's first day: compare, refusals, stale status, find places, tooltips
fit
compare renumbered.plan.json
screenshot 60-compare-renumbered.png
compare moved.plan.json
screenshot 61-compare-moved.png
compare off
select-locality 0
screenshot 62-before-refusal.png
paint {far} 0
expect-status not next to {plan['localities'][0]['name']}
wait-seconds 0.5
screenshot 63-refused-not-next-to.png
{cut_lines}
begin-stroke
paint {fine} {neighbour}
expect-status painting...
end-stroke
expect-status done:
undo
search Portree
screenshot 65-portree.png
search Raigmore Hospital
mouse {(MAP[0] + MAP[2]) // 2} {(MAP[1] + MAP[3]) // 2}
screenshot 66-hospital-tooltip.png
fit
brush-radius 40
mouse 420 300
screenshot 67-tooltip-beside-brush.png
quit
"""
    result, seconds = run(viewer(args, "first-day.txt", script, ["--plan", "highland.plan.json"]), "viewer (first day)")
    print(f"first day script: {seconds:.1f} s")
    compares = re.findall(r"compare (\S+): (\d+) zones in a different locality; (\d+) of (\d+) localities matched", result.stderr)
    print("compare: " + "; ".join(f"{c[0]}: {c[1]} zones differ, {c[2]} of {c[3]} localities matched" for c in compares))
    assert [(c[0], int(c[1])) for c in compares] == [("renumbered.plan.json", 0), ("moved.plan.json", 3)], compares
    assert all(c[2] == c[3] == str(len(ids)) for c in compares), compares
    searches = re.findall(r"search '([^']+)': ([^(]+) \(([^,]+),", result.stderr)
    print("searches: " + "; ".join(f"{q} -> {name.strip()} ({kind})" for q, name, kind in searches))
    assert ("Portree", "Portree", "town") in [(q, n.strip(), k) for q, n, k in searches], searches
    assert ("Raigmore Hospital", "Raigmore Hospital", "service point") in [(q, n.strip(), k) for q, n, k in searches], searches

    images = {name: read_png(os.path.join(args.out, name + ".png")) for name in (
        "60-compare-renumbered", "61-compare-moved", "62-before-refusal", "63-refused-not-next-to",
        "65-portree", "66-hospital-tooltip", "67-tooltip-beside-brush")}
    for name, image in images.items():
        assert distinct_colours(image, MAP) >= 8, f"{name}: the map looks blank"
    flashed = differing_fraction(images["62-before-refusal"], images["63-refused-not-next-to"], MAP)
    print(f"refused paint: {flashed:.4f} of the map flashes")
    assert flashed > 0.0005, "the refused zone does not flash on the map"
    # The candidate refused as a split with the most zones cut off: they flash.
    refusals = re.findall(r"locality-viewer: paint (\S+): (refused: [^\n]*); (\d+) zones flash", result.stderr)
    print("refusals: " + "; ".join(f"{z}: {message} ({n} flash)" for z, message, n in refusals))
    assert any("not next to" in m and z == far for z, m, n in refusals), refusals
    split = [(z, m, int(n)) for z, m, n in refusals if "would split" in m]
    assert split, "no paint was refused as a split"
    zone, message, count = max(split, key=lambda refusal: refusal[2])
    i = cutters.index(zone)
    # A refusal changes nothing in the plan: what differs from the map before it is the flash.
    cut = read_png(os.path.join(args.out, f"64-cut-{i}.png"))
    shutil.copy(os.path.join(args.out, f"64-cut-{i}.png"), os.path.join(args.out, "64-refused-cut-off.png"))
    flashing = differing_fraction(images["62-before-refusal"], cut, MAP)
    print(f"{zone}: {message}; {count} cut-off zones flash over {flashing:.4f} of the map")
    assert re.search(r"would split .* \(\d+ zones? cut off\)", message), message
    assert flashing > 0.0005, "the cut-off zones do not flash on the map"
    print("first day: compare by overlap, refusals explained, stale status cleared, Portree and Raigmore found")

    scotland(args)
    rename(args)
    plan_with_problems(args)


def renumbered_id(plan, locality_id):
    k = len(plan["localities"])
    index = [loc["id"] for loc in plan["localities"]].index(locality_id)
    return f"L{k + 10 - index}"


def scotland(args):
    """The 31 partnerships as one plan: each name over its own partnership."""
    lookup = os.path.join(args.out, "partnerships.csv")
    with open(os.path.join(args.data, "demand", "dz2011_lookup.csv")) as f, open(lookup, "w", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["zone", "locality"])
        for row in csv.DictReader(f):
            writer.writerow([row["dz11_code"], row["hscp_name"]])
    run([args.boundaries, "plan", "import", "--assignment", lookup, "--out", "scotland.plan.json"] + data_options(args),
        "boundaries plan import")
    with open(os.path.join(args.out, "scotland.plan.json")) as f:
        localities = json.load(f)["localities"]
    assert len(localities) == 31, len(localities)
    result, seconds = run(viewer(args, "scotland.txt", "fit\nscreenshot 68-scotland-labels.png\nprint-labels\nquit\n",
                                 ["--plan", "scotland.plan.json"], council=None), "viewer (Scotland)")
    image = read_png(os.path.join(args.out, "68-scotland-labels.png"))
    assert distinct_colours(image, MAP) >= 20, "68-scotland-labels: the map looks blank"
    # Every partnership's name is drawn on the map, none under the search box or the legend.
    printed = [line.split(None, 1)[1] for line in result.stderr.splitlines() if line.startswith("locality-viewer: ")]
    box = lambda words: tuple(float(v) for v in words)
    (mx0, my0, mx1, my1), = [box(line.split()[1:5]) for line in printed if line.startswith("map ")]
    covered = [box(line.split()[1:5]) for line in printed if line.startswith("covered ")]
    labels = [line.split(None, 6) for line in printed if line.startswith("label ")]
    assert len(covered) == 2, f"the search box and the legend should say where they are: {covered}"
    # At this scale the small partnerships of the central belt find no room (zooming in
    # makes it); the large ones, the islands among them, always do.
    shown = {words[6] for words in labels if words[1] == "locality"}
    large = {"Shetland Islands", "Orkney Islands", "Western Isles", "Highland", "Argyll and Bute", "Aberdeenshire",
             "Dumfries and Galloway", "Scottish Borders"}
    assert large <= shown and len(shown) >= 15, f"68-scotland-labels: names shown {sorted(shown)}"
    for words in labels:
        x0, y0, x1, y1 = box(words[2:6])
        assert mx0 <= x0 and x1 <= mx1 and my0 <= y0 and y1 <= my1, f"a name off the map: {words}"
        for cx0, cy0, cx1, cy1 in covered:
            assert x1 <= cx0 or cx1 <= x0 or y1 <= cy0 or cy1 <= y0, f"a name under the search box or legend: {words}"
    print(f"Scotland: 31 partnerships open and labelled in {seconds:.1f} s")


def plan_with_problems(args):
    """A plan `boundaries check` reads but fails (issue 24 item 10): an Orkney plan with a zone
    the layer lacks and a zone in a locality the plan does not define opens in the viewer with
    both problems listed in check's words, the rest of the plan in place."""
    run([args.boundaries, "generate", "-k", "3", "--seed", "1", "--balance", "pop2020_total:10%",
         "--out", "orkney.geojson", "--plan", "orkney.plan.json"] + data_options(args, ORKNEY), "boundaries generate (Orkney)")
    with open(os.path.join(args.out, "orkney.plan.json")) as f:
        plan = json.load(f)
    zones = sorted(plan["assignment"])
    undefined_zone, kept_zone, unknown_zone = zones[0], zones[-1], "S01999999"
    assert unknown_zone not in plan["assignment"]
    broken = json.loads(json.dumps(plan))
    broken["assignment"][undefined_zone] = "L9"
    broken["assignment"][unknown_zone] = plan["localities"][0]["id"]
    write_plan(os.path.join(args.out, "problems.plan.json"), broken)

    # What check says of it: not valid (20), naming both.
    check = subprocess.run([args.boundaries, "check", "--plan", "problems.plan.json"], cwd=args.out, capture_output=True,
                           text=True, timeout=300)
    assert check.returncode == 20, f"check exited {check.returncode}: {check.stdout}{check.stderr}"
    check_lines = [line.strip() for line in (check.stdout + check.stderr).splitlines()
                   if unknown_zone in line or undefined_zone in line]
    print("check: " + " | ".join(check_lines))
    assert any(unknown_zone in line for line in check_lines) and any(undefined_zone in line for line in check_lines)

    kept_locality = plan["assignment"][kept_zone]
    script = f"""# a plan with problems opens, with them listed
fit
expect-title problems.plan.json
expect-status opened with 2 problem(s)
expect-message Plan opened with problems
expect-message {unknown_zone}
expect-message {undefined_zone}
expect-locality {undefined_zone} none
expect-locality {kept_zone} {kept_locality}
wait-seconds 0.5
screenshot 70-plan-with-problems.png
quit
"""
    result, seconds = run(viewer(args, "problems.txt", script, ["--plan", "problems.plan.json"], council=ORKNEY),
                          "viewer (a plan with problems)")
    # The message on screen, as the script printed it: its problem lines.
    found = re.search(r"locality-viewer: message 'Plan opened with problems': (.*?)\n((?:  .*\n)+)", result.stderr)
    assert found, "the viewer printed no 'Plan opened with problems' message"
    listed = [line.strip() for line in found.group(2).splitlines()]
    print(f"viewer ({seconds:.1f} s): {found.group(1)} " + " | ".join(listed))
    assert "opened with 2 problems" in found.group(1), found.group(1)
    assert len(listed) == 2, listed
    assert any(unknown_zone in line for line in listed) and any(undefined_zone in line and "L9" in line for line in listed)
    # In check's words: each listed problem is one of check's lines.
    for line in listed:
        assert any(line in c or c in line for c in check_lines), f"'{line}' is not how check words it: {check_lines}"
    image = read_png(os.path.join(args.out, "70-plan-with-problems.png"))
    assert distinct_colours(image, MAP) >= 8, "70-plan-with-problems: the map looks blank"
    print("a plan with problems: opened, both listed as check lists them, the rest of the plan in place")


ORKNEY = "S12000023"

RENAME_DRIVER = r"""
# Rename from the row's right-click menu (a double-click under a loaded Xvfb may be seen as
# two clicks or one, ImGui 1.86 reading the mouse once a frame).
rename_row() {
    xdotool mousemove --window "$wid" "$NAME_X" "$1"; sleep 0.3
    xdotool click 3; sleep 0.6
    xdotool mousemove_relative 20 12; sleep 0.3
    xdotool click 1; sleep 1.2
}
"$@" &
viewer=$!
wid=$(xdotool search --sync --name "Locality Planner" | head -1)
for i in $(seq 1 600); do [ -f rename-ready.png ] && break; sleep 0.1; done
sleep 0.5
# A first click on a blank spot: the window takes the focus (the first click may go to that).
xdotool mousemove --window "$wid" $AWAY_X $AWAY_Y; sleep 0.3
xdotool click 1; sleep 0.5
# Row 1: rename, type, Enter at once.
rename_row $ROW1_Y
xdotool type --delay 30 "Skye and Lochalsh"
sleep 0.3
# Held down over a frame or two: ImGui 1.86 sees a key as it is when the frame starts, so a
# press and release inside one slow frame would be lost (typed characters are queued).
xdotool keydown Return; sleep 0.3; xdotool keyup Return
sleep 1
# Row 2: rename, type, then click elsewhere (the functions panel).
rename_row $ROW2_Y
xdotool type --delay 30 "Lochaber"
sleep 0.5
import -window "$wid" -depth 8 PNG24:69-typing.png
xdotool mousemove --window "$wid" $AWAY_X $AWAY_Y click 1
sleep 0.5
touch renamed.flag
wait $viewer
"""


def rename(args):
    """Renames typed with xdotool: Enter straight after typing commits; a click elsewhere
    commits. The script gives the driver 30 s before it saves (renamed.flag says it was done by then)."""
    for tool in ("xdotool",):
        if not shutil.which(tool):
            raise SystemExit(f"the rename check needs {tool} (scripts/install_debian_packages.sh --test installs it)")
    for stale in ("rename-ready.png", "renamed.flag", "69-typing.png", "69-renamed.png", "renamed.plan.json"):
        if os.path.exists(os.path.join(args.out, stale)):
            os.remove(os.path.join(args.out, stale))
    script = "fit\nscreenshot rename-ready.png\nwait-seconds 30\nscreenshot 69-renamed.png\nsave-plan renamed.plan.json\nquit\n"
    command = viewer(args, "rename.txt", script, ["--plan", "highland.plan.json"])
    xvfb, argv = command[:command.index(args.viewer)], command[command.index(args.viewer):]
    env = dict(os.environ, NAME_X=str(NAME_X), ROW1_Y=str(ROW1_Y), ROW2_Y=str(ROW2_Y), AWAY_X=str(AWAY_X),
               AWAY_Y=str(AWAY_Y))
    result = subprocess.run(xvfb + ["sh", "-c", RENAME_DRIVER, "driver"] + argv, cwd=args.out, capture_output=True,
                            text=True, timeout=300, env=env)
    sys.stderr.write(result.stderr)
    if result.returncode != 0:
        raise SystemExit(f"the rename driver exited {result.returncode}")
    assert os.path.exists(os.path.join(args.out, "renamed.flag")), "the driver did not finish before the save"
    with open(os.path.join(args.out, "renamed.plan.json")) as f:
        names = [loc["name"] for loc in json.load(f)["localities"]]
    print(f"renamed: {names[:2]}")
    assert names[0] == "Skye and Lochalsh", f"Enter after typing did not rename: {names}"
    assert names[1] == "Lochaber", f"a click elsewhere did not rename: {names}"
    print("rename: Enter and a click elsewhere both commit the name")


# The locality table's name column and its first two rows, and a spot of the functions panel
# with no control (window pixels at 1280x800; viewer_app.cpp's layout).
NAME_X, ROW1_Y, ROW2_Y = 100, 665, 688
AWAY_X, AWAY_Y = 1100, 780

if __name__ == "__main__":
    main()
