"""The live page's assets: versioned URLs, content types, caching headers (no broker)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from streams.web.page import (
    CONTENT_SECURITY_POLICY,
    IMMUTABLE,
    REVALIDATE,
    STATIC_DIR,
    Asset,
    PageAssets,
    asset_headers,
    etag_matches,
    load_assets,
    render_index,
)


def test_load_assets_serves_known_types_only(tmp_path: Path) -> None:
    (tmp_path / "page.js").write_text("let a = 1;\n")
    (tmp_path / "style.css").write_text("body {}\n")
    (tmp_path / "notes.bak").write_text("not served\n")
    (tmp_path / "sub").mkdir()
    assets = load_assets(tmp_path)
    assert sorted(assets) == ["page.js", "style.css"]
    assert assets["page.js"].content_type == "text/javascript; charset=utf-8"
    assert assets["style.css"].content_type == "text/css; charset=utf-8"
    assert assets["page.js"].body == b"let a = 1;\n"


def test_version_and_etag_follow_the_content() -> None:
    one, same, other = Asset("a.js", b"x", "text/javascript"), Asset("b.js", b"x", "t"), \
        Asset("a.js", b"y", "text/javascript")
    assert one.version == same.version != other.version
    assert re.fullmatch(r"[0-9a-f]{16}", one.version)
    assert one.etag == f'"{one.version}"'


def test_render_index_versions_every_asset_reference() -> None:
    assets = {"page.js": Asset("page.js", b"1", "text/javascript; charset=utf-8")}
    index = render_index('<script src="{{asset:page.js}}"></script>{{asset:page.js}}', assets)
    url = f"/static/page.js?v={assets['page.js'].version}"
    assert index.body.decode() == f'<script src="{url}"></script>{url}'
    assert index.content_type == "text/html; charset=utf-8"


def test_render_index_refuses_a_missing_asset() -> None:
    with pytest.raises(KeyError, match=r"missing asset 'gone\.js'"):
        render_index('<script src="{{asset:gone.js}}"></script>', {})


@pytest.mark.parametrize(("header", "matches"), [
    (None, False), ("", False), ('"abc"', True), ('W/"abc"', True), ('"x", "abc"', True),
    ("*", True), ('"abd"', False), ("abc", False),
])
def test_etag_matches(header: str | None, matches: bool) -> None:
    assert etag_matches(header, '"abc"') is matches


def test_headers_cache_versioned_assets_and_revalidate_the_rest() -> None:
    script = Asset("page.js", b"1", "text/javascript; charset=utf-8")
    versioned = asset_headers(script, versioned=True)
    assert versioned["Cache-Control"] == IMMUTABLE
    assert versioned["ETag"] == script.etag
    assert versioned["Content-Type"] == "text/javascript; charset=utf-8"
    assert versioned["X-Content-Type-Options"] == "nosniff"
    assert "Content-Security-Policy" not in versioned
    assert asset_headers(script, versioned=False)["Cache-Control"] == REVALIDATE


def test_the_index_forbids_anything_but_its_own_origin() -> None:
    index = render_index("<p>hi</p>", {})
    headers = asset_headers(index, versioned=False)
    assert headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    assert headers["Cache-Control"] == REVALIDATE


def test_packaged_page_refers_only_to_local_packaged_assets() -> None:
    page = PageAssets(STATIC_DIR)
    html = page.index.body.decode()
    referenced = set(re.findall(r'(?:src|href|data-src)="/static/([^"?]+)\?v=', html))
    assert referenced == {"page.css", "charts.js", "worldmap.js", "explore.js", "pairview.js",
                          "live.js", "page.js", "favicon.svg", "world.json"}
    assert referenced <= set(page.assets)
    assert "{{" not in html
    for asset in page.assets.values():
        text = asset.body.decode("utf-8")
        assert not re.search(r"https?://(?!www\.w3\.org/2000/svg)", text), f"{asset.name} reaches out"
