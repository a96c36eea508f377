"""The live page: ``GET /`` and its static assets (package data in ``streams/web/static``).

The page is plain HTML, CSS, SVG and vanilla JavaScript, served by every worker and
reading the HTTP API of ``streams.web.views`` (no CDN, works offline). The HTML references each
asset with a content-hash version (``/static/page.js?v=3f2a...``): a versioned asset is
cached for a year, anything else is revalidated with its ETag (``304 Not Modified``).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from faust.web import Request, Response, View

from streams.app import Pipeline

__all__ = [
    "CONTENT_TYPES",
    "PAGE_ROUTES",
    "STATIC_DIR",
    "Asset",
    "IndexView",
    "PageAssets",
    "StaticView",
    "asset_headers",
    "etag_matches",
    "load_assets",
    "render_index",
    "wire_page",
]

STATIC_DIR = Path(__file__).resolve().parent / "static"
CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".svg": "image/svg+xml",
    ".json": "application/json",
    ".txt": "text/plain; charset=utf-8",
}
INDEX_TEMPLATE = "index.html"
IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"
CONTENT_SECURITY_POLICY = ("default-src 'self'; script-src 'self'; style-src 'self'; "
                           "img-src 'self' data:; connect-src 'self'; base-uri 'none'; "
                           "frame-ancestors 'none'")
_ASSET_REF = re.compile(r"\{\{asset:([A-Za-z0-9_.-]+)\}\}")


@dataclass(frozen=True)
class Asset:
    """One file served by the page: its bytes, content type and content hash."""

    name: str
    body: bytes
    content_type: str

    @property
    def version(self) -> str:
        """The first 16 hex digits of the body's SHA-256 (the ``?v=`` of its URL)."""
        return hashlib.sha256(self.body).hexdigest()[:16]

    @property
    def etag(self) -> str:
        """The strong ETag of the body: the version, quoted."""
        return f'"{self.version}"'


def load_assets(folder: Path = STATIC_DIR) -> dict[str, Asset]:
    """Every servable file of ``folder`` by name (unknown extensions are not served)."""
    assets = {}
    for path in sorted(folder.iterdir()):
        content_type = CONTENT_TYPES.get(path.suffix)
        if path.is_file() and content_type is not None:
            assets[path.name] = Asset(path.name, path.read_bytes(), content_type)
    return assets


def render_index(template: str, assets: dict[str, Asset]) -> Asset:
    """The page's HTML with each ``{{asset:NAME}}`` replaced by its versioned URL."""

    def versioned_url(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in assets:
            raise KeyError(f"the page refers to a missing asset {name!r}")
        return f"/static/{name}?v={assets[name].version}"

    html = _ASSET_REF.sub(versioned_url, template)
    return Asset(INDEX_TEMPLATE, html.encode("utf-8"), CONTENT_TYPES[".html"])


def etag_matches(if_none_match: str | None, etag: str) -> bool:
    """Whether an ``If-None-Match`` header names ``etag`` (weak tags and ``*`` included)."""
    if not if_none_match:
        return False
    tags = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
    return "*" in tags or etag in tags


def asset_headers(asset: Asset, *, versioned: bool) -> dict[str, str]:
    """Response headers: content type, ETag, and a year of caching for versioned URLs."""
    headers = {
        "Content-Type": asset.content_type,
        "ETag": asset.etag,
        "Cache-Control": IMMUTABLE if versioned else REVALIDATE,
        "X-Content-Type-Options": "nosniff",
    }
    if asset.name == INDEX_TEMPLATE:
        headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
    return headers


class PageAssets:
    """The loaded assets and the rendered index, answered with caching headers."""

    def __init__(self, folder: Path = STATIC_DIR) -> None:
        assets = load_assets(folder)
        template = assets.pop(INDEX_TEMPLATE).body.decode("utf-8")
        self.assets = assets
        self.index = render_index(template, assets)

    def respond(self, view: View, request: Request, asset: Asset, *, versioned: bool) -> Response:
        """200 with the body, or 304 without it when ``If-None-Match`` names its ETag."""
        headers = asset_headers(asset, versioned=versioned)
        if etag_matches(request.headers.get("If-None-Match"), asset.etag):
            return view.bytes(b"", status=304, headers=headers)
        return view.bytes(asset.body, headers=headers)


class _AssetsView(View):
    """A view bound to the loaded assets (set by ``wire_page``)."""

    page: PageAssets


class IndexView(_AssetsView):
    """``GET /``: the live page's HTML (revalidated with its ETag; CSP: nothing from elsewhere)."""

    async def get(self, request: Request) -> Response:
        """200 (or 304) ``text/html``."""
        return self.page.respond(self, request, self.page.index, versioned=False)


class StaticView(_AssetsView):
    """``GET /static/{name}[?v=VERSION]``: one asset; cached for a year when ``v`` is its
    version, revalidated otherwise; 404 ``{"error", "status"}`` for an unknown name."""

    async def get(self, request: Request, name: str) -> Response:
        """200 (or 304) with the asset's content type, or 404."""
        asset = self.page.assets.get(name)
        if asset is None:
            return self.bytes(b'{"error": "no such asset", "status": 404}',
                              content_type="application/json", status=404)
        versioned = request.query.get("v") == asset.version
        return self.page.respond(self, request, asset, versioned=versioned)


PAGE_ROUTES: dict[str, type[_AssetsView]] = {"/": IndexView, "/static/{name}": StaticView}


def wire_page(pipeline: Pipeline, folder: Path = STATIC_DIR) -> None:
    """Serve the live page at ``/`` and its assets at ``/static/{name}``."""
    page = PageAssets(folder)
    for path, view in PAGE_ROUTES.items():
        pipeline.app.page(path)(type(view.__name__, (view,), {"page": page, "__doc__": view.__doc__}))
