"""The HTTP client of the worker's API (standard library only): ``query``, ``rebuild --check``,
the demo and the worker child processes read the live tables through it."""

from __future__ import annotations

import time
import urllib.error
import urllib.parse
import urllib.request
from typing import Any

from schemas import jsonbytes
from streams.exceptions import QueryError

__all__ = ["fetch_json"]

RETRY_503_S = 30.0  # how long a 503 (a rebalance, ``Retry-After``) is retried


def fetch_json(base_url: str, path: str, params: dict[str, str] | None = None,
               timeout_s: float = 10.0, retry_s: float = RETRY_503_S) -> Any:
    """GET ``base_url + path`` (``params`` as the query string) and parse the JSON body;
    a 503 is retried after its ``Retry-After`` for up to ``retry_s`` seconds.

    Raises ``QueryError``: ``"<status>: <the API's error message>"`` for an HTTP error, or
    ``"cannot reach the worker at ..."`` when nothing answers within ``timeout_s`` seconds.
    """
    url = base_url.rstrip("/") + path
    if params:
        url += "?" + urllib.parse.urlencode(params)
    deadline = time.monotonic() + retry_s
    while True:
        try:
            return _fetch_once(url, base_url, timeout_s)
        except _Unavailable as exc:
            if time.monotonic() + exc.retry_after > deadline:
                raise QueryError(f"503: {exc.message}") from None
            time.sleep(exc.retry_after)


class _Unavailable(Exception):
    def __init__(self, message: str, retry_after: float) -> None:
        super().__init__(message)
        self.message, self.retry_after = message, retry_after


def _fetch_once(url: str, base_url: str, timeout_s: float) -> Any:
    try:
        with urllib.request.urlopen(url, timeout=timeout_s) as response:
            return jsonbytes.loads(response.read())
    except urllib.error.HTTPError as exc:
        body = exc.read()
        try:
            message = jsonbytes.loads(body).get("error", body.decode("utf-8", "replace"))
        except (ValueError, AttributeError):
            message = body.decode("utf-8", "replace")[:200]
        if exc.code == 503 and exc.headers.get("Retry-After", "").isdigit():
            raise _Unavailable(str(message), min(5.0, float(exc.headers["Retry-After"]))) from None
        raise QueryError(f"{exc.code}: {message}") from None
    except (urllib.error.URLError, OSError) as exc:
        raise QueryError(f"cannot reach the worker at {base_url}: {exc}") from None
