"""The store's files: day-partitioned Parquet, a manifest of the live files, one writer.

Layout (readable by DuckDB, Spark, Trino, BigQuery external tables)::

    <root>/_manifest.json                  {"files": [...], "retired": [{"file", "at"}],
                                            "coder_ranks": [coder versions in the store],
                                            "status": {the ingest's counters}}
    <root>/day=YYYYMMDD/part-<id>.parquet  rows of one UTC day (``columns.SCHEMA``)

Readers read the files the manifest lists (``live_files``), so a reader never sees a file
half-written or a day twice while it is being compacted. Files are written to a temporary
name and renamed; the manifest is replaced atomically after them. Compaction merges a day's
files into one (at ``compact_files`` files, and once a newer day has begun) and retires the
old ones; retired files are deleted a minute later, once no reader can still be reading them.
``Writer.append`` is idempotent by ``event_id``: an event already stored (redelivered,
replayed, re-published) is not written again.
"""

from __future__ import annotations

import fcntl
import os
import time
import uuid
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from schemas import jsonbytes
from streams.exceptions import QueryError, StreamsError
from streams.lake.columns import SCHEMA

__all__ = ["MANIFEST", "RETIRED_GRACE_S", "Writer", "coder_ranks", "live_files", "require_store",
           "saved_status"]

MANIFEST = "_manifest.json"
LOCK = "_writer.lock"
OLD_STATUS = "_status.json"
RETIRED_GRACE_S = 60.0


def _read_manifest(root: Path) -> dict[str, Any]:
    path = root / MANIFEST
    if not path.exists():
        return {"files": [], "retired": []}
    value: dict[str, Any] = jsonbytes.loads(path.read_bytes())
    return value


def require_store(root: Path) -> Path:
    """``root`` if it holds a store (a folder with a manifest: ``dyadwatch lake`` writes one
    as it starts); raises ``QueryError`` "no event store at <root> ..." otherwise."""
    if not (root / MANIFEST).is_file():
        raise QueryError(f"no event store at {root} (run `dyadwatch lake` or the demo)")
    return root


def live_files(root: Path) -> list[str]:
    """Absolute paths of the store's live Parquet files (empty if there is no store yet)."""
    return [str(root / name) for name in _read_manifest(root)["files"]]


def _status_of(root: Path, manifest: dict[str, Any]) -> dict[str, Any]:
    """The counters in ``manifest``; a store written before they moved into the manifest has
    them in ``_status.json``; ``{}`` if neither."""
    status = manifest.get("status")
    older = root / OLD_STATUS
    if status is None and older.is_file():
        status = jsonbytes.loads(older.read_bytes())
    return dict(status or {})


def saved_status(root: Path) -> dict[str, Any]:
    """The counters ``Writer.append`` last saved with the rows (``{}`` if none)."""
    return _status_of(root, _read_manifest(root))


def coder_ranks(root: Path) -> list[int]:
    """The coder versions in the store (``columns.coder_rank``): more than one means some
    events may be superseded."""
    return list(_read_manifest(root).get("coder_ranks", []))


def _replace_atomically(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    with tmp.open("wb") as out:
        out.write(data)
        out.flush()
        os.fsync(out.fileno())
    os.replace(tmp, path)


class Writer:
    """The one writer of a store (an exclusive lock on ``<root>/_writer.lock``).

    Raises ``StreamsError`` if another process holds the lock. ``append`` and ``compact``
    are the only ways rows change.
    """

    def __init__(self, root: Path, compact_files: int = 8) -> None:
        self.root = root
        self.compact_files = compact_files
        root.mkdir(parents=True, exist_ok=True)
        self._lock: IO[bytes] = (root / LOCK).open("ab")
        try:
            fcntl.flock(self._lock.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            self._lock.close()
            raise StreamsError(f"another dyadwatch lake is writing the store {root}") from None
        self.manifest = _read_manifest(root)
        self.manifest["status"] = _status_of(root, self.manifest)
        if not (root / MANIFEST).exists():  # an empty store is a store: sql and export read it
            self._save_manifest()
        self._db = duckdb.connect()

    def close(self) -> None:
        """Release the lock (the files stay)."""
        self._db.close()
        self._lock.close()

    def __enter__(self) -> Writer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def count(self) -> int:
        """Rows in the store."""
        files = live_files(self.root)
        if not files:
            return 0
        row = self._db.execute("SELECT count(*) FROM read_parquet(?)", [files]).fetchall()[0]
        return int(row[0]) if row else 0

    def _stored(self, ids: list[str]) -> set[str]:
        """Which of ``ids`` the store already holds (one scan of the ``event_id`` column)."""
        files = live_files(self.root)
        if not files or not ids:
            return set()
        self._db.register("wanted", pa.table({"event_id": pa.array(ids, pa.string())}))
        try:
            found = self._db.execute(
                "SELECT event_id FROM read_parquet(?) WHERE event_id IN (SELECT event_id FROM wanted)",
                [files]).fetchall()
        finally:
            self._db.unregister("wanted")
        return {row[0] for row in found}

    @property
    def status(self) -> dict[str, Any]:
        """The counters last saved with the rows (``{}`` for a new store)."""
        return dict(self.manifest.get("status", {}))

    def append(self, rows: list[dict[str, Any]],
               status: Callable[[int], dict[str, Any]] | None = None) -> int:
        """Store the rows (``columns.flat_row`` dicts) not stored yet; returns how many were new.

        Rows repeating an ``event_id`` (within ``rows`` or already stored) are dropped. Once it
        returns, the rows are on disk and listed in the manifest, and the caller's counters,
        ``status(number of new rows)`` (a JSON object), are saved in the same manifest write:
        a crash keeps both or neither.
        """
        unique = {row["event_id"]: row for row in reversed(rows)}
        stored = self._stored(list(unique))
        fresh = [row for row in rows if row["event_id"] not in stored and unique.get(row["event_id"]) is row]
        by_day: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for row in fresh:
            by_day[row["day"]].append(row)
        written = [self._write_file(day, pa.Table.from_pylist(day_rows, schema=SCHEMA))
                   for day, day_rows in sorted(by_day.items())]
        ranks = set(self.manifest.get("coder_ranks", [])) | {row["coder_rank"] for row in fresh}
        if written:
            self.manifest["coder_ranks"] = sorted(ranks)
            self.manifest["files"] = [*self.manifest["files"], *written]
        if status is not None:
            self.manifest["status"] = status(len(fresh))
        if written or status is not None:
            self._save_manifest()
        return len(fresh)

    def _write_file(self, day: str, table: pa.Table) -> str:
        name = f"day={day}/part-{time.time_ns()}-{uuid.uuid4().hex[:8]}.parquet"
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.tmp")
        pq.write_table(table.sort_by([("event_time", "ascending")]), tmp, compression="zstd")
        os.replace(tmp, path)
        return name

    def _save_manifest(self) -> None:
        _replace_atomically(self.root / MANIFEST, jsonbytes.dumps(self.manifest))

    def compact(self) -> int:
        """Merge into one file each day of ``compact_files`` files or more, and each day older
        than the newest day with more than one file (few files keep every read fast); delete
        files retired more than ``RETIRED_GRACE_S`` ago; returns how many days were merged."""
        by_day: dict[str, list[str]] = defaultdict(list)
        for name in self.manifest["files"]:
            by_day[name.split("/", 1)[0]].append(name)
        merged, newest = 0, max(by_day, default="")
        for day_dir, names in sorted(by_day.items()):
            closed = day_dir < newest and len(names) > 1  # an older day: one file is enough
            if len(names) < self.compact_files and not closed:
                continue
            table = pq.read_table([str(self.root / n) for n in names], schema=SCHEMA)
            new = self._write_file(day_dir.removeprefix("day="), table)
            gone = set(names)
            self.manifest["files"] = [n for n in self.manifest["files"] if n not in gone] + [new]
            now = time.time()
            self.manifest["retired"] = [*self.manifest["retired"], *({"file": n, "at": now} for n in names)]
            merged += 1
        self._delete_retired()
        if merged:
            self._save_manifest()
        return merged

    def _delete_retired(self) -> None:
        now, kept = time.time(), []
        for entry in self.manifest["retired"]:
            if now - entry["at"] < RETIRED_GRACE_S:
                kept.append(entry)
                continue
            (self.root / entry["file"]).unlink(missing_ok=True)
        if len(kept) != len(self.manifest["retired"]):
            self.manifest["retired"] = kept
            self._save_manifest()
