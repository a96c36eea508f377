"""Pages of events from the store for ``GET /events`` and ``GET /events.csv`` (no web framework).

A page is ``{"count": n, "events": [rows], "next_cursor": str | None}``: rows as JSON dicts
of the ``events`` view's columns (``event_time`` ISO 8601), newest first; ``next_cursor`` is
set when the page is full (pass it as ``cursor`` for the next one).
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pyarrow.csv as pacsv

from streams.lake.columns import EVENT_COLUMNS
from streams.lake.filters import EventFilter, encode_cursor
from streams.lake.views import connect

__all__ = ["PAGE_COLUMNS", "events_csv", "events_page"]

PAGE_COLUMNS = (*EVENT_COLUMNS, "pair", "cameo_name")


def events_page(root: Path, where: EventFilter) -> dict[str, Any]:
    """One page of events matching ``where`` (its ``limit`` and cursor apply)."""
    sql, params = where.select(", ".join(PAGE_COLUMNS))
    db = connect(root)
    try:
        result = db.execute(sql, params).fetchall()
    finally:
        db.close()
    rows = [dict(zip(PAGE_COLUMNS, values, strict=True)) for values in result]
    cursor = None
    if rows and where.limit is not None and len(rows) == where.limit:
        cursor = encode_cursor(rows[-1]["event_time"], rows[-1]["event_id"])
    for row in rows:
        row["event_time"] = row["event_time"].isoformat()
    return {"count": len(rows), "events": rows, "next_cursor": cursor}


def events_csv(root: Path, where: EventFilter) -> bytes:
    """The same page as CSV (header line, the documented columns; codes as written)."""
    sql, params = where.select(", ".join(EVENT_COLUMNS))
    db = connect(root)
    try:
        table = db.sql(sql, params=params).to_arrow_table()
    finally:
        db.close()
    out = io.BytesIO()
    pacsv.write_csv(table, out)
    return out.getvalue()
