#!/usr/bin/env python3
"""Frames drawn in part look exactly like frames drawn whole (viewer/map/frame_damage.hpp).

The viewer draws only the rectangles where a frame differs from the window's last. With
LOCALITY_VIEWER_CHECK_FRAMES=DIR it draws every such frame whole again and compares the two
pixel by pixel, printing how many frames it checked and how many differed (and writing the
first few pairs to DIR). This test runs a script on a Glasgow plan from the command line
that does what leaves stale pixels when a damage rectangle is missed: edits (the table,
the functions panel and the map change), refused paints (zones flash), a paint that splits
a locality (cut-off zones pulse), tooltips shown and hidden, a locality name made long then
short (columns shrink), a merge (the table loses a row), a window opened and closed, a
comparison's hatching on and off, a choropleth, pans and zooms, undo and redo. It checks
that every frame drawn in part was equal to the frame drawn whole, that most of the
frames were drawn in part (the check ran), and that a screenshot at the end is identical
to the one of a run that draws every frame whole (LOCALITY_VIEWER_DRAW_WHOLE).
"""
import glob
import json
import os
import re
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from viewer_first_day_test import data_options, parse_arguments, run  # noqa: E402

WIDTH, HEIGHT = 1280, 800
GLASGOW = "S12000049"


def main():
    args = parse_arguments()

    run([args.boundaries, "generate", "-k", "4", "--seed", "1", "--balance", "pop2020_total:0.1",
         "--out", "glasgow.geojson", "--plan", "glasgow.plan.json"] + data_options(args, GLASGOW), "boundaries generate")
    with open(os.path.join(args.out, "glasgow.plan.json")) as f:
        plan = json.load(f)
    ids = [loc["id"] for loc in plan["localities"]]
    second = sorted(z for z, l in plan["assignment"].items() if l == ids[1])
    # Zones of the second locality painted into the first: those next to it move, the
    # others are refused and flash; with splits allowed some cut the second in pieces.
    paints = "\n".join(f"paint {z} 0\nwait-frames 4" for z in second[:12:3])
    # The end is the plan as it was, under a choropleth (cut-off zones pulse only over
    # locality colours; Glasgow's plan has one), once refusals stopped flashing (they last
    # seconds): nothing on screen depends on the time, so two runs end alike.
    undo_all = "\n".join(["undo"] * 6)  # every edit above that applied (one more fails the script)
    script = f"""# frames drawn in part against frames drawn whole
fit
wait-frames 5
split-policy warn
{paints}
split-policy refuse
paint {second[20]} 0
wait-frames 4
hover {second[30]}
wait-frames 4
hover off
wait-frames 3
mouse 400 300
wait-frames 4
mouse 200 {HEIGHT - 170}
wait-frames 4
mouse 1000 200
wait-frames 3
rename 2 A locality with a much longer name than any of the others
wait-frames 4
rename 2 B
wait-frames 4
generate-dialog open
wait-frames 4
generate-dialog close
wait-frames 4
compare glasgow.plan.json
wait-frames 4
compare off
wait-frames 4
choropleth pop2020_total
wait-frames 4
choropleth off
wait-frames 3
pan 37 -21
wait-frames 3
zoom 2
wait-frames 3
pan -120 40
wait-frames 3
fit
wait-frames 3
merge 0 3
wait-frames 4
undo
wait-frames 4
undo
wait-frames 3
redo
wait-frames 4
{undo_all}
choropleth pop2020_total
wait-frames 4
wait-seconds 5
wait-frames 4
screenshot end.png
wait-frames 2
quit
"""
    with open(os.path.join(args.out, "frames.txt"), "w") as f:
        f.write(script)
    command = ["xvfb-run", "-a", "-s", f"-screen 0 {WIDTH}x{HEIGHT}x24", args.viewer, "--plan", "glasgow.plan.json",
               "--width", str(WIDTH), "--height", str(HEIGHT), "--script", "frames.txt"]

    checks = os.path.join(args.out, "differing")
    os.makedirs(checks)
    env = dict(os.environ, LOCALITY_VIEWER_CHECK_FRAMES=checks)
    env.pop("LOCALITY_VIEWER_DRAW_WHOLE", None)
    env.pop("LOCALITY_VIEWER_SWAP_BUFFERS", None)
    log = run(command, "viewer (frames checked)", env=env)[0].stderr
    found = re.search(r"frame check: (\d+) frames drawn in part, (\d+) differed", log)
    if not found:
        raise SystemExit("the viewer printed no frame check: were frames presented by copying (GLX_MESA_copy_sub_buffer)?")
    checked, differing = int(found.group(1)), int(found.group(2))
    print(f"{checked} frames drawn in part, {differing} differed from the frame drawn whole")
    if differing:
        raise SystemExit(f"{differing} frames drawn in part differ from the same frames drawn whole; see {checks}")
    # Most frames of the script change something; at least one per action must have been checked.
    if checked < 40:
        raise SystemExit(f"only {checked} frames were drawn in part: the check did not cover the script")
    shutil.move(os.path.join(args.out, "end.png"), os.path.join(args.out, "end-in-part.png"))

    # The same script drawing every frame whole: the last screenshot is the same, byte for byte
    # (the PNG encoder is deterministic, so equal pixels make equal files).
    # (The first run quit with unsaved edits: its recovery file would be offered at the start.)
    for recovery in glob.glob(os.path.join(args.out, "glasgow.plan.json.recovery*")):
        os.remove(recovery)
    env = dict(os.environ, LOCALITY_VIEWER_DRAW_WHOLE="1")
    env.pop("LOCALITY_VIEWER_CHECK_FRAMES", None)
    run(command, "viewer (frames drawn whole)", env=env)
    with open(os.path.join(args.out, "end-in-part.png"), "rb") as a, open(os.path.join(args.out, "end.png"), "rb") as b:
        if a.read() != b.read():
            raise SystemExit("the last screenshot differs between frames drawn in part and frames drawn whole "
                             f"(compare -metric AE {args.out}/end-in-part.png {args.out}/end.png)")
    print("the last screenshot is the same drawn in part and drawn whole")


if __name__ == "__main__":
    main()
