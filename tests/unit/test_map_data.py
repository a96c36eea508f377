"""The vendored world map (streams/web/static/world.json, built by scripts/build_map.py) is well formed."""

from __future__ import annotations

import json
import re

import pycountry

from streams.web.page import STATIC_DIR

PATH = re.compile(r"^(M-?\d+(\.\d)?,-?\d+(\.\d)?(L-?\d+(\.\d)?,-?\d+(\.\d)?)*Z)+$")


def test_world_map_has_valid_paths_keyed_by_alpha3() -> None:
    document = json.loads((STATIC_DIR / "world.json").read_text(encoding="utf-8"))
    assert "Natural Earth" in document["source"] and "world-atlas" in document["source"]
    assert (document["width"], document["height"]) == (960, 500)
    countries = document["countries"]
    assert len(countries) >= 170
    for code, country in countries.items():
        assert code == "XKX" or pycountry.countries.get(alpha_3=code) is not None, code
        assert country["name"] and PATH.match(country["d"]), code
        numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d)?", country["d"])]
        assert all(-1 <= n <= 961 for n in numbers), code
    for code in ("IND", "PAK", "RUS", "CHN", "TWN", "GUY", "VEN", "USA", "BRA", "JPN"):
        assert code in countries
