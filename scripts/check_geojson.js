#!/usr/bin/env node
// Checks files as a strict GeoJSON client would: @placemarkio/check-geojson finds no
// errors, no `crs` member, coordinates are lon/lat with at most 6 decimals, every
// exterior ring is counter-clockwise and every hole clockwise (RFC 7946 section 3.1.6).
// Usage: node scripts/check_geojson.js FILE...   (exit 1 on any problem)
const fs = require("fs");
const path = require("path");
const { check } = require(path.join(__dirname, "node_modules", "@placemarkio", "check-geojson"));

function signedArea(ring) {
  let a = 0;
  for (let i = 0; i + 1 < ring.length; i++) a += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return a / 2;
}

let problems = 0;
function problem(file, what) {
  console.error(`${file}: ${what}`);
  problems++;
}

for (const file of process.argv.slice(2)) {
  const text = fs.readFileSync(file, "utf8");
  let doc;
  try {
    doc = check(text);
  } catch (e) {
    for (const issue of e.issues || [{ message: e.message }]) problem(file, `check-geojson: ${issue.message}`);
    continue;
  }
  if ("crs" in doc) problem(file, "has a crs member (RFC 7946 removed it)");
  const features = doc.type === "FeatureCollection" ? doc.features : [doc];
  let rings = 0;
  features.forEach((f, i) => {
    const g = f.geometry;
    if (!g) return;
    const polys = g.type === "Polygon" ? [g.coordinates] : g.type === "MultiPolygon" ? g.coordinates : [];
    for (const poly of polys) {
      poly.forEach((ring, r) => {
        rings++;
        const a = signedArea(ring);
        if (r === 0 && a <= 0) problem(file, `feature ${i}: exterior ring is not counter-clockwise`);
        if (r > 0 && a >= 0) problem(file, `feature ${i}: hole ${r} is not clockwise`);
        for (const [x, y] of ring) {
          if (x < -180 || x > 180 || y < -90 || y > 90) { problem(file, `feature ${i}: ${x},${y} is not lon/lat`); return; }
          const decimals = (v) => (String(v).split(".")[1] || "").length;
          if (decimals(x) > 6 || decimals(y) > 6) { problem(file, `feature ${i}: more than 6 decimals`); return; }
        }
      });
    }
  });
  if (problems === 0) console.log(`${file}: valid RFC 7946 (${features.length} features, ${rings} rings)`);
}
process.exit(problems ? 1 : 0);
