"""``dyadwatch export``: the ``events`` view, filtered, as CSV, Parquet or JSON lines.

Rows are streamed in record batches (memory stays flat), newest first; codes stay strings in
every format (CSV: ``cameo_code`` ``062`` as written; readers that guess types, e.g. pandas,
need ``dtype=str`` for the code columns, see ``CSV_DTYPES``).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq
from tqdm import tqdm

from schemas import jsonbytes
from streams.exceptions import QueryError
from streams.lake.columns import SCHEMA, VIEW_COLUMNS
from streams.lake.filters import EventFilter
from streams.lake.views import connect

__all__ = ["CSV_DTYPES", "FORMATS", "ExportReport", "export_events"]

FORMATS = ("csv", "parquet", "jsonl")
CSV_DTYPES = {"cameo_code": "str", "root_code": "str", "day": "str"}
BATCH_ROWS = 50_000
PROGRESS_FROM_ROWS = 10_000


@dataclass(frozen=True)
class ExportReport:
    """What was written: ``rows``, ``bytes`` (0 on stdout) and where (``target``)."""

    rows: int
    bytes: int
    target: str


def _batches(root: Path, where: EventFilter) -> tuple[int, Iterator[pa.RecordBatch]]:
    db = connect(root)
    sql, params = where.select(", ".join(VIEW_COLUMNS))
    count_sql, count_params = where.where()
    row = db.sql(f"SELECT count(*) FROM events {count_sql}", params=count_params).fetchall()[0]
    reader = db.sql(sql, params=params).to_arrow_reader(BATCH_ROWS)
    return (int(row[0]) if row else 0), iter(reader)


def _write_jsonl(out: IO[bytes], batch: pa.RecordBatch) -> None:
    out.write(b"".join(jsonbytes.dumps_line(row) for row in batch.to_pylist()))


def export_events(root: Path, where: EventFilter, fmt: str, output: Path | None, *,
                  force: bool = False) -> ExportReport:
    """Write the filtered events to ``output`` (stdout if None) in ``fmt`` (``FORMATS``).

    Shows a progress bar on stderr (a terminal) from ``PROGRESS_FROM_ROWS`` rows. Raises
    ``QueryError`` for Parquet to stdout, an unwritable ``output``, or an ``output`` that
    exists already unless ``force``.
    """
    if fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r}: expected {', '.join(FORMATS)}")
    if fmt == "parquet" and output is None:
        raise QueryError("parquet needs a file: pass -o FILE")
    if output is not None and not force and (output.exists() or output.is_symlink()):
        raise QueryError(f"{output} exists: pass --force to overwrite it")
    total, batches = _batches(root, where)
    try:
        out: IO[bytes] = output.open("wb") if output else sys.stdout.buffer
    except OSError as exc:
        raise QueryError(f"cannot write {output}: {exc.strerror}") from None
    quiet = None if total >= PROGRESS_FROM_ROWS else True  # None: shown on a terminal only
    bar = tqdm(total=total, unit="rows", file=sys.stderr, disable=quiet)
    try:
        _write_all(out, fmt, batches, bar)
    finally:
        bar.close()
        if output:
            out.close()
    size = output.stat().st_size if output else 0
    return ExportReport(total, size, str(output) if output else "stdout")


def _write_all(out: IO[bytes], fmt: str, batches: Iterator[pa.RecordBatch], bar: Any) -> None:
    writer: Any = None
    for batch in batches:
        if fmt == "jsonl":
            _write_jsonl(out, batch)
        elif writer is None:
            writer = (pq.ParquetWriter(out, batch.schema, compression="zstd") if fmt == "parquet"
                      else pacsv.CSVWriter(out, batch.schema))
        if writer is not None:
            writer.write_batch(batch)
        bar.update(batch.num_rows)
    if writer is None and fmt == "csv":
        out.write((",".join(f'"{name}"' for name in VIEW_COLUMNS) + "\n").encode())
    if writer is None and fmt == "parquet":
        writer = pq.ParquetWriter(out, _empty_schema())
    if writer is not None:
        writer.close()
    out.flush()


def _empty_schema() -> pa.Schema:
    fields = {f.name: f for f in SCHEMA}
    fields |= {"pair": pa.field("pair", pa.string()), "cameo_name": pa.field("cameo_name", pa.string())}
    return pa.schema([fields.get(name, pa.field(name, pa.int64())) for name in VIEW_COLUMNS])
