"""The event store's commands: ``lake`` (the consumer keeping it live), ``sql``, ``export``.

``sql`` and ``export`` are offline (DuckDB over the store's files: no broker, no Faust,
aiokafka or aiohttp); ``lake`` talks to Kafka with kafka-python only. Each ``cmd_*`` returns
the exit code; a ``DyadwatchError`` is printed as one line by ``streams.cli.main``.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from schemas import jsonbytes
from streams.settings import get_settings

__all__ = ["add_store_commands", "cmd_export", "cmd_lake", "cmd_sql"]

_EXPORT_FILTERS = ("since", "until", "country", "pair", "root", "quad", "min_confidence")


def cmd_lake(args: argparse.Namespace) -> int:
    """``dyadwatch lake``: keep the event store in step with ``relation-events`` until Ctrl-C.

    Its informational lines (which topic goes to which folder) are logged at INFO, shown at
    ``DYADWATCH_LOG_LEVEL`` info (the default) and hidden at warning (as the demo runs it)."""
    import logging

    from streams.lake.ingest import run_lake

    settings = get_settings()
    logging.getLogger("streams.lake").setLevel(settings.log_level.upper())
    return run_lake(settings)


def _root(args: argparse.Namespace) -> Path:
    """The store's folder (``--store`` or ``DYADWATCH_LAKE_DIR``); raises ``QueryError`` when
    there is no store there (no folder, or no manifest)."""
    from streams.lake.store import require_store

    return require_store(Path(args.store) if args.store else get_settings().lake_path)


def _json_value(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return value


def cmd_sql(args: argparse.Namespace) -> int:
    """``dyadwatch sql "SELECT ..."``: one read-only statement over the store's views (QueryError)."""
    import pyarrow.csv as pacsv

    from streams.lake.views import connect, read_only_sql

    relation = read_only_sql(connect(_root(args)), args.query)
    out = sys.stdout.buffer
    if args.format == "table":
        relation.show(max_rows=args.max_rows, max_width=10_000)
    elif args.format == "csv":
        pacsv.write_csv(relation.to_arrow_table(), out)
    else:
        names = relation.columns
        for row in relation.fetchall():
            out.write(jsonbytes.dumps_line({n: _json_value(v) for n, v in zip(names, row, strict=True)}))
    out.flush()
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    """``dyadwatch export``: the filtered ``events`` as CSV, Parquet or JSON lines (QueryError)."""
    from streams.lake.export import export_events
    from streams.lake.filters import parse_filter

    params = {name: str(getattr(args, name)) for name in _EXPORT_FILTERS
              if getattr(args, name) is not None}
    where = parse_filter(params)
    report = export_events(_root(args), where, args.format,
                           Path(args.output) if args.output else None, force=args.force)
    if args.output is None and _reader_gone(sys.stdout):
        # "export | head -1": the reader left; as on a BrokenPipeError, say nothing
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    size = f", {report.bytes / 1e6:.1f} MB" if report.bytes else ""
    print(f"exported {report.rows} events to {report.target}{size}", file=sys.stderr)
    return 0


def _reader_gone(stream: Any) -> bool:
    """Whether ``stream`` is a pipe whose reader has closed it (poll: POLLERR on the write end)."""
    import select

    try:
        poller = select.poll()
        poller.register(stream.fileno(), select.POLLOUT)
        return any(event & (select.POLLERR | select.POLLHUP) for _, event in poller.poll(0))
    except (OSError, ValueError, AttributeError):
        return False


def add_store_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """lake, sql, export."""
    sub.add_parser("lake", help="keep the event store in step with relation-events").set_defaults(
        run=cmd_lake)
    p = sub.add_parser("sql", help="one read-only SQL statement over the event store")
    p.add_argument("query", metavar="SQL", help='e.g. "SELECT * FROM events LIMIT 5"')
    p.add_argument("--format", choices=("table", "csv", "json"), default="table",
                   help="table (default), csv, or json (one object per line)")
    p.add_argument("--max-rows", type=int, default=40, help="rows shown by --format table")
    p.add_argument("--store", metavar="DIR", help="the store's folder (default DYADWATCH_LAKE_DIR)")
    p.set_defaults(run=cmd_sql)
    p = sub.add_parser("export", help="export events from the store (CSV, Parquet, JSON lines)")
    p.add_argument("--format", choices=("csv", "parquet", "jsonl"), default="csv")
    p.add_argument("-o", "--output", metavar="FILE", help="default: stdout (not for parquet)")
    p.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    p.add_argument("--since", help="ISO date or time, inclusive")
    p.add_argument("--until", help="ISO date (whole day included) or time, exclusive")
    p.add_argument("--country", help="either side, e.g. PAK")
    p.add_argument("--pair", help="e.g. IND-PAK")
    p.add_argument("--root", help="CAMEO root code, 01-20")
    p.add_argument("--quad", help="quad class 1-4")
    p.add_argument("--min-confidence", dest="min_confidence", help="0-1")
    p.add_argument("--store", metavar="DIR", help="the store's folder (default DYADWATCH_LAKE_DIR)")
    p.set_defaults(run=cmd_export)
