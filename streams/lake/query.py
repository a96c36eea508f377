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

from streams.lake.columns import VIEW_COLUMNS
from streams.lake.filters import EventFilter, encode_cursor
from streams.lake.store import MANIFEST
from streams.lake.views import connect

__all__ = ["PAGE_COLUMNS", "events_csv", "events_page"]

PAGE_COLUMNS = VIEW_COLUMNS


_ACT = ("source", "target", "root_code", "day")


def _page_rows(db: duckdb.DuckDBPyConnection, where: EventFilter) -> list[dict[str, Any]]:
    """The page's rows (without mentions), in three cheap steps rather than one top-N sort on
    (time, id) over the whole store: the time of the page's last row (a top-N on a timestamp
    alone), then only the rows at or after it (Parquet statistics skip the older files), sorted."""
    columns = [c for c in PAGE_COLUMNS if c != "mentions"]
    condition, params = where.where()
    limit = where.limit or 0
    if limit:
        found = db.execute(f"SELECT event_time FROM _current {condition} ORDER BY event_time DESC "
                           f"LIMIT 1 OFFSET {limit - 1}", params).fetchall()
        if found:
            joiner = " AND " if condition else "WHERE "
            condition, params = f"{condition}{joiner}event_time >= ?", [*params, found[0][0]]
    sql = (f"SELECT {', '.join(columns)} FROM _current {condition} "
           f"ORDER BY event_time DESC, event_id DESC{f' LIMIT {limit}' if limit else ''}")
    return [dict(zip(columns, values, strict=True)) for values in db.execute(sql, params).fetchall()]


def _with_mentions(db: duckdb.DuckDBPyConnection, rows: list[dict[str, Any]]) -> None:
    """Set each row's ``mentions``: current events of its act (source, target, root, day)."""
    days = sorted({row["day"] for row in rows})
    if not days:
        return
    marks = ", ".join("?" * len(days))
    counts = {tuple(found[:4]): found[4] for found in db.execute(
        f"SELECT {', '.join(_ACT)}, count(*) FROM _current WHERE day IN ({marks}) GROUP BY ALL",
        days).fetchall()}
    for row in rows:
        row["mentions"] = counts.get(tuple(row[c] for c in _ACT), 1)


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
                db = connect(root)  # object cache on, file access confined to root, locked
                known = self._open[root] = (version, db)
            return known[1].cursor()


_CONNECTIONS = _Connections()


def events_page(root: Path, where: EventFilter) -> dict[str, Any]:
    """One page of events matching ``where`` (its ``limit`` and cursor apply)."""
    db = _CONNECTIONS.cursor(root)
    try:
        rows = _page_rows(db, where)
        _with_mentions(db, rows)
    finally:
        db.close()
    rows = [{column: row[column] for column in PAGE_COLUMNS} for row in rows]
    cursor = None
    if rows and where.limit is not None and len(rows) == where.limit:
        cursor = encode_cursor(rows[-1]["event_time"], rows[-1]["event_id"])
    for row in rows:
        row["event_time"] = row["event_time"].isoformat()
    return {"count": len(rows), "events": rows, "next_cursor": cursor}


def events_csv(root: Path, where: EventFilter) -> bytes:
    """The same page as CSV (header line, the documented columns; codes as written)."""
    sql, params = where.select(", ".join(VIEW_COLUMNS))
    db = _CONNECTIONS.cursor(root)
    try:
        table = db.sql(sql, params=params).to_arrow_table()
    finally:
        db.close()
    out = io.BytesIO()
    pacsv.write_csv(table, out)
    return out.getvalue()
