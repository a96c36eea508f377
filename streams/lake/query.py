"""Pages of events from the store for ``GET /events`` and ``GET /events.csv`` (no web framework).

A page is ``{"count": n, "events": [rows], "next_cursor": str | None}``: rows as JSON dicts
of the ``events`` view's columns (``event_time`` ISO 8601), newest first; ``next_cursor`` is
set when the page is full (pass it as ``cursor`` for the next one).
"""

from __future__ import annotations

import io
import threading
from pathlib import Path
from typing import Any

import duckdb
import pyarrow.csv as pacsv

from streams.lake.columns import EVENT_COLUMNS
from streams.lake.filters import EventFilter, encode_cursor
from streams.lake.store import MANIFEST
from streams.lake.views import connect

__all__ = ["PAGE_COLUMNS", "events_csv", "events_page"]

PAGE_COLUMNS = (*EVENT_COLUMNS, "pair", "cameo_name")


_ACT = ("source", "target", "root_code", "day")


def _page_sql(where: EventFilter) -> tuple[str, list[Any]]:
    """Filter, order and cut first (filters reach the Parquet scan), then count the mentions
    of the page's acts only: the same rows as the ``events`` view, without its full window."""
    page_columns = ", ".join(c for c in PAGE_COLUMNS if c != "mentions")
    page, params = where.select(page_columns, source="_current")
    act = ", ".join(_ACT)
    sql = (f"WITH page AS ({page}), acts AS (SELECT {act}, count(*) AS mentions FROM _current "
           f"WHERE day IN (SELECT day FROM page) AND ({act}) IN (SELECT ({act}) FROM page) "
           f"GROUP BY ALL) SELECT {', '.join(PAGE_COLUMNS)} FROM page JOIN acts USING ({act}) "
           "ORDER BY event_time DESC, event_id DESC")
    return sql, params


class _Connections:
    """One DuckDB connection per store, kept while its manifest is unchanged (the Parquet
    metadata stays cached between requests); each query runs on its own cursor, so threads
    may share it."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._open: dict[Path, tuple[int, duckdb.DuckDBPyConnection]] = {}

    def cursor(self, root: Path) -> duckdb.DuckDBPyConnection:
        """A cursor on the views of ``root`` as of its current manifest."""
        try:
            version = (root / MANIFEST).stat().st_mtime_ns
        except FileNotFoundError:
            version = 0
        with self._lock:
            known = self._open.get(root)
            if known is None or known[0] != version:
                if known is not None:
                    known[1].close()
                db = connect(root)
                db.execute("SET enable_object_cache = true")
                known = self._open[root] = (version, db)
            return known[1].cursor()


_CONNECTIONS = _Connections()


def events_page(root: Path, where: EventFilter) -> dict[str, Any]:
    """One page of events matching ``where`` (its ``limit`` and cursor apply)."""
    sql, params = _page_sql(where)
    db = _CONNECTIONS.cursor(root)
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
    db = _CONNECTIONS.cursor(root)
    try:
        table = db.sql(sql, params=params).to_arrow_table()
    finally:
        db.close()
    out = io.BytesIO()
    pacsv.write_csv(table, out)
    return out.getvalue()
