"""Build streams/web/static/world.json: pre-projected SVG country paths keyed by ISO alpha-3.

Source: the ``world-atlas`` npm package (2.0.2, ISC licence, Mike Bostock), ``countries-110m.json``:
Natural Earth's 1:110m Admin 0 boundaries (public domain) as TopoJSON. Install it once into a
temporary folder and point this script at it (nothing is fetched at run time, no CDN):

    npm install --no-save --prefix /tmp/atlas world-atlas@2.0.2
    python scripts/build_map.py /tmp/atlas/node_modules/world-atlas/countries-110m.json

Numeric ISO 3166-1 ids become alpha-3 with ``pycountry`` (the ``gazetteer`` extra); Kosovo
(no ISO id) becomes XKX as in the coder's gazetteer; Northern Cyprus and Somaliland (no id)
and Antarctica are left out. Projection: Natural Earth I (d3's ``geoNaturalEarth1``), scaled to
a 960 x 500 view box, coordinates rounded to 0.1. The output is committed.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

__all__ = ["build", "main"]

OUTPUT = Path(__file__).resolve().parent.parent / "streams" / "web" / "static" / "world.json"
WIDTH, HEIGHT = 960, 500
NO_ID = {"Kosovo": "XKX"}
LEFT_OUT = {"ATA"}
SOURCE = ("world-atlas 2.0.2 countries-110m.json (ISC licence, Mike Bostock), from Natural Earth "
          "1:110m Admin 0 country boundaries 4.1.0 (public domain); built by scripts/build_map.py")
Point = tuple[float, float]


def _natural_earth(lon: float, lat: float) -> Point:
    lam, phi = math.radians(lon), math.radians(lat)
    phi2 = phi * phi
    phi4 = phi2 * phi2
    x = lam * (0.8707 - 0.131979 * phi2 + phi4 * (-0.013791 + phi4 * (0.003971 * phi2 - 0.001529 * phi4)))
    y = phi * (1.007226 + phi2 * (0.015085 + phi4 * (-0.044475 + 0.028874 * phi2 - 0.005916 * phi4)))
    return x, y


def _arcs(topology: dict[str, object]) -> list[list[Point]]:
    transform = topology["transform"]
    assert isinstance(transform, dict)
    (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
    decoded = []
    for arc in topology["arcs"]:  # type: ignore[attr-defined]
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append(_natural_earth(x * sx + tx, y * sy + ty))
        decoded.append(points)
    return decoded


def _ring(indexes: list[int], arcs: list[list[Point]]) -> list[Point]:
    ring: list[Point] = []
    for index in indexes:
        points = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        ring.extend(points[1:] if ring else points)
    return ring


def _polygons(geometry: dict[str, object]) -> list[list[list[int]]]:
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]  # type: ignore[list-item]
    if geometry["type"] == "MultiPolygon":
        return list(geometry["arcs"])  # type: ignore[call-overload]
    return []


def _alpha3(geometry: dict[str, object]) -> str | None:
    import pycountry  # the gazetteer extra, build time only

    name = str((geometry.get("properties") or {}).get("name", ""))  # type: ignore[attr-defined]
    if geometry.get("id") is None:
        return NO_ID.get(name)
    record = pycountry.countries.get(numeric=str(geometry["id"]).zfill(3))
    return record.alpha_3 if record else None


def build(source: Path) -> dict[str, object]:
    """The map document: ``{"source", "width", "height", "countries": {ISO3: {"name", "d"}}}``."""
    topology = json.loads(source.read_text(encoding="utf-8"))
    arcs = _arcs(topology)
    corner = _natural_earth(-180, 90)
    scale = min(WIDTH / (2 * -corner[0]), HEIGHT / (2 * corner[1]))

    def fmt(point: Point) -> str:
        return f"{WIDTH / 2 + point[0] * scale:.1f},{HEIGHT / 2 - point[1] * scale:.1f}"

    countries: dict[str, dict[str, str]] = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        code = _alpha3(geometry)
        if code is None or code in LEFT_OUT:
            continue
        parts = []
        for polygon in _polygons(geometry):
            for ring in polygon:
                points = [fmt(p) for p in _ring(ring, arcs)]
                parts.append("M" + "L".join(points) + "Z")
        entry = countries.setdefault(code, {"name": geometry["properties"]["name"], "d": ""})
        entry["d"] += "".join(parts)
    return {"source": SOURCE, "width": WIDTH, "height": HEIGHT,
            "countries": dict(sorted(countries.items()))}


def main(argv: list[str] | None = None) -> int:
    """Write ``OUTPUT`` from the TopoJSON file named by the first argument."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    document = build(Path(args[0]))
    OUTPUT.write_text(json.dumps(document, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {OUTPUT} ({len(document['countries'])} countries)")  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    sys.exit(main())
