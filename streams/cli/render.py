"""What ``dyadwatch query`` and the demo print: the live tables as fixed-width text."""

from __future__ import annotations

from typing import Any

from schemas.summary import PairSummary
from streams.web.queries import event_newest_first

__all__ = ["format_dyad", "format_history", "format_rows"]

_COLUMNS = PairSummary.columns()  # declared with each figure in schemas.summary


def format_rows(rows: list[dict[str, Any]]) -> str:
    """A fixed-width table of pair summaries (``PairSummary`` rows as JSON dicts; only the
    columns the model declares are read)."""
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
    """One pair (``GET /dyads/{A}/{B}``: a ``DyadState`` with its ``summary``): the summary
    row and the evidence of its latest events, newest first."""
    lines = [format_rows([state["summary"]]), "", "latest events:"]
    for event in event_newest_first(state.get("recent_events", [])):
        lines.append(f"  {event['source']} -> {event['target']}  {event['cameo_code']} "
                     f"{event.get('cameo_name', '')} (quad {event['quad_class']}, "
                     f"goldstein {event['goldstein']:+.1f})")
        lines.append(f"      \"{event['evidence']['text'].strip()}\" [{event['article_id']}]")
    return "\n".join(lines)


def format_history(history: dict[str, Any]) -> str:
    """A pair's daily history (``GET /dyads/{A}/{B}/history``), one line a day, with a bar of
    its tension (``-``) and cooperation (``+``), one character per Goldstein point (30 at most)."""
    lines = [f"{history['pair']}: {history['days']} days to {history['as_of']}",
             f"{'day':<10}  {'events':>6}  {'mentions':>8}  {'tension':>8}  {'cooperation':>11}"]
    for day in history["history"]:
        bar = "-" * min(30, round(day["tension"])) + "+" * min(30, round(day["cooperation"]))
        lines.append(f"{day['day']:<10}  {day['events']:>6}  {day['mentions']:>8}  "
                     f"{day['tension']:>8.2f}  {day['cooperation']:>11.2f}  {bar}")
    return "\n".join(lines)
