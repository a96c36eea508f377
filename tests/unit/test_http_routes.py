"""The README's HTTP API table lists exactly the routes the worker registers, each documented."""

from __future__ import annotations

import re
from pathlib import Path

from streams.app import build_pipeline
from streams.settings import Settings
from streams.web.page import wire_page
from streams.web.views import wire_views

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def _shape(path: str) -> str:
    """``/dyads/{A}/{B}?days=N`` -> ``/dyads/{}/{}``: parameters and the query string dropped."""
    return re.sub(r"\{[^}]*\}", "{}", path.split("?", 1)[0])


def _registered(tmp_path: Path) -> dict[str, type]:
    pipeline = build_pipeline(Settings(app_id="unit-routes", data_dir=tmp_path))
    wire_views(pipeline)
    wire_page(pipeline)
    views = pipeline.app.web.views  # type: ignore[attr-defined]
    return {path: type(view) for path, view in views.items()
            if type(view).__module__.startswith("streams.")}


def test_readme_http_table_matches_the_registered_routes(tmp_path: Path) -> None:
    api = README.split("## HTTP API", 1)[1].split("\n## ", 1)[0]
    documented = {_shape(path) for path in re.findall(r"^\| `GET ([^` ]+)`", api, flags=re.M)}
    registered = {_shape(path) for path in _registered(tmp_path)}
    assert documented == registered, (
        f"only in the README: {sorted(documented - registered)}; "
        f"only registered: {sorted(registered - documented)}")


def test_every_registered_view_has_a_docstring(tmp_path: Path) -> None:
    undocumented = [path for path, view in _registered(tmp_path).items()
                    if not (view.__doc__ or "").strip()]
    assert undocumented == []
