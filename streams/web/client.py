"""The HTTP client of ``dyadwatch query`` and the demo: read the live tables, format them."""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from typing import Any

from schemas import jsonbytes
from streams.exceptions import QueryError

__all__ = ["fetch_json", "format_dyad", "format_history",
    "format_rows"]


def fetch_json(base_url: str, path: str, params: dict[str, str] | None = None,
               timeout_s: float = 10.0) -> Any:
    """GET ``base_url + path`` and parse the JSON body; QueryError with the API's message."""
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


_COLUMNS = (("pair", 8, "s"), ("events", 6, "d"), ("a_to_b", 6, "d"), ("b_to_a", 6, "d"),
            ("tension", 8, ".2f"), ("cooperation", 11, ".2f"), ("net", 8, ".2f"),
            ("articles", 8, "d"))


def format_rows(rows: list[dict[str, Any]]) -> str:
    """A fixed-width table of pair summaries."""
    header = "  ".join(f"{name:>{width}}" if fmt != "s" else f"{name:<{width}}"
                       for name, width, fmt in _COLUMNS)
    lines = [header, "-" * len(header)]
    for row in rows:
        cells = [f"{row[name]:<{width}{fmt}}" if fmt == "s" else f"{row[name]:>{width}{fmt}}"
                 for name, width, fmt in _COLUMNS]
        lines.append("  ".join(cells))
    if not rows:
        lines.append("(no pairs yet)")
    return "\n".join(lines)


def format_dyad(state: dict[str, Any]) -> str:
    """One pair: its summary and the evidence of its latest events."""
    lines = [format_rows([state["summary"]]), "", "latest events:"]
    for event in reversed(state.get("recent_events", [])):
        lines.append(f"  {event['source']} -> {event['target']}  {event['cameo_code']} "
                     f"{event.get('cameo_name', '')} (quad {event['quad_class']}, "
                     f"goldstein {event['goldstein']:+.1f})")
        lines.append(f"      \"{event['evidence']['text'].strip()}\" [{event['article_id']}]")
    return "\n".join(lines)


def format_history(history: dict[str, Any]) -> str:
    """A pair's daily history, one line a day, with a bar of its tension and cooperation."""
    lines = [f"{history['pair']}: {history['days']} days to {history['as_of']}",
             f"{'day':<10}  {'events':>6}  {'mentions':>8}  {'tension':>8}  {'cooperation':>11}"]
    for day in history["history"]:
        bar = "-" * min(30, round(day["tension"])) + "+" * min(30, round(day["cooperation"]))
        lines.append(f"{day['day']:<10}  {day['events']:>6}  {day['mentions']:>8}  "
                     f"{day['tension']:>8.2f}  {day['cooperation']:>11.2f}  {bar}")
    return "\n".join(lines)
