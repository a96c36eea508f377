"""The HTTP client of the worker's API (standard library only): ``query``, ``rebuild --check``,
the demo and the worker child processes read the live tables through it."""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from typing import Any

from schemas import jsonbytes
from streams.exceptions import QueryError

__all__ = ["fetch_json"]


def fetch_json(base_url: str, path: str, params: dict[str, str] | None = None,
               timeout_s: float = 10.0) -> Any:
    """GET ``base_url + path`` (``params`` as the query string) and parse the JSON body.

    Raises ``QueryError``: ``"<status>: <the API's error message>"`` for an HTTP error, or
    ``"cannot reach the worker at ..."`` when nothing answers within ``timeout_s`` seconds.
    """
    url = base_url.rstrip("/") + path
    if params:
        url += "?" + urllib.parse.urlencode(params)
    try:
        with urllib.request.urlopen(url, timeout=timeout_s) as response:
            return jsonbytes.loads(response.read())
    except urllib.error.HTTPError as exc:
        body = exc.read()
        try:
            message = jsonbytes.loads(body).get("error", body.decode("utf-8", "replace"))
        except (ValueError, AttributeError):
            message = body.decode("utf-8", "replace")[:200]
        raise QueryError(f"{exc.code}: {message}") from None
    except (urllib.error.URLError, OSError) as exc:
        raise QueryError(f"cannot reach the worker at {base_url}: {exc}") from None
