"""The event store: storage choice, ingest rate, ``/events`` latency and export at scale.

Usage: ``python bench/lake.py [--events 1000000] [--batch 5000] [--requests 200]``. No broker:
it measures the store's own work on synthetic events (``tests/lake_events.py``), in a
temporary folder:

1. ingest into day-partitioned Parquet (``streams.lake.store.Writer``: dedup scan, write,
   compaction every ``DYADWATCH_LAKE_COMPACT_FILES`` files per day), batches of ``--batch``;
2. the alternative, one DuckDB database file (``INSERT ... ON CONFLICT DO NOTHING`` on a
   primary key), same batches, and whether a second process can read it while it is open;
3. ``/events`` pages (``streams.lake.query.events_page``, the code the view runs in a thread)
   with assorted filters over the Parquet store: p50 / p99 in ms;
4. export of every event as CSV, Parquet, JSON lines: seconds and MB.

Last line: ``parquet_ingest_eps= duckdb_file_ingest_eps= events_p50_ms= events_p99_ms=
export_csv_s= export_csv_mb= export_parquet_s= export_parquet_mb= export_jsonl_s= export_jsonl_mb=``
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import duckdb  # noqa: E402
import pyarrow as pa  # noqa: E402
from kafka import KafkaProducer  # noqa: E402

from bench.common import bench_settings, free_port  # noqa: E402
from streams.cli.processes import LakeProcess  # noqa: E402
from streams.kafka.broker import EmbeddedBroker  # noqa: E402
from streams.kafka.clients import kafka_python_config  # noqa: E402
from streams.kafka.topics import ensure_topics  # noqa: E402
from streams.lake.columns import SCHEMA, flat_row  # noqa: E402
from streams.lake.export import export_events  # noqa: E402
from streams.lake.filters import parse_filter  # noqa: E402
from streams.lake.ingest import read_status  # noqa: E402
from streams.lake.query import events_page  # noqa: E402
from streams.lake.store import Writer  # noqa: E402
from tests.lake_events import COUNTRIES, synthetic_events  # noqa: E402

__all__ = ["main"]


def _rows(count: int) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    chunk = 100_000
    for start in range(0, count, chunk):
        # in time order, as a live stream arrives: 90 days over the whole run
        events = synthetic_events(min(chunk, count - start), seed=start, days=9,
                                  prefix=f"b{start}", in_order=True)
        shift = timedelta(days=9 * (start // chunk))
        for n, event in enumerate(events):
            row = flat_row(event, 0, start + n)
            row["event_time"] += shift
            row["day"] = row["event_time"].strftime("%Y%m%d")
            rows.append(row)
    return rows


def ingest_parquet(root: Path, rows: list[dict[str, Any]], batch: int) -> float:
    started = time.perf_counter()
    with Writer(root, compact_files=8) as writer:
        for i in range(0, len(rows), batch):
            writer.append(rows[i:i + batch])
            writer.compact()
    return len(rows) / (time.perf_counter() - started)


def ingest_duckdb_file(path: Path, rows: list[dict[str, Any]], batch: int) -> tuple[float, str]:
    db = duckdb.connect(str(path))
    columns = ", ".join(f.name for f in SCHEMA)
    db.register("first", pa.Table.from_pylist(rows[:1], schema=SCHEMA))
    db.execute("CREATE TABLE events AS SELECT * FROM first LIMIT 0")
    db.execute("ALTER TABLE events ADD PRIMARY KEY (event_id)")
    db.unregister("first")
    started = time.perf_counter()
    for i in range(0, len(rows), batch):
        db.register("chunk", pa.Table.from_pylist(rows[i:i + batch], schema=SCHEMA))
        db.execute(f"INSERT INTO events SELECT {columns} FROM chunk ON CONFLICT DO NOTHING")
        db.unregister("chunk")
    rate = len(rows) / (time.perf_counter() - started)
    probe = subprocess.run([sys.executable, "-c", "import duckdb,sys; duckdb.connect(sys.argv[1], "
                            "read_only=True).sql('select count(*) from events').fetchall()", str(path)],
                           capture_output=True, text=True)
    db.close()
    reader = "yes" if probe.returncode == 0 else probe.stderr.strip().splitlines()[-1][:160]
    return rate, reader


def _params(rng: random.Random) -> dict[str, str]:
    a, b = rng.sample(COUNTRIES, 2)
    options = [{}, {"country": a}, {"pair": f"{a}-{b}"}, {"source": a, "root": "06"},
               {"since": "2024-06-01", "until": "2024-06-07"}, {"quad": "4", "min_confidence": "0.8"},
               {"q": "towards"}, {"country": a, "since": "2024-07-01"}]
    return {**rng.choice(options), "limit": str(rng.choice((20, 100, 1000)))}


def events_latency(root: Path, requests: int) -> tuple[float, float]:
    rng, times = random.Random(5), []
    for _ in range(requests):
        where = parse_filter(_params(rng), paged=True)
        started = time.perf_counter()
        events_page(root, where)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, int(len(times) * 0.99))]


def ingest_through_kafka(count: int) -> float:
    """``dyadwatch lake`` on the embedded broker: events/s from its start to the last stored
    (``count`` events published first, 8 partitions)."""
    with tempfile.TemporaryDirectory(prefix="bench-lake-kafka-") as tmp, \
            EmbeddedBroker("127.0.0.1", free_port()) as broker:
        settings = bench_settings(broker.bootstrap_servers, "lakebench", Path(tmp), events_partitions=8,
                                  lake_dir=Path(tmp) / "lake")
        ensure_topics(settings)
        producer = KafkaProducer(acks="all", linger_ms=20, **kafka_python_config(settings))
        for event in synthetic_events(count, seed=9, days=30, in_order=True):
            producer.send(settings.events_topic, key=event.pair.encode(),
                          value=event.model_dump_json().encode())
        producer.flush(300)
        producer.close()
        started = time.perf_counter()
        with LakeProcess(settings):
            while read_status(settings.lake_path).stored < count:
                time.sleep(0.1)
        return count / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--batch", type=int, default=5000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--kafka-events", type=int, default=0,
                        help="also time dyadwatch lake on the embedded broker over this many events")
    args = parser.parse_args()
    if args.kafka_events:
        rate = ingest_through_kafka(args.kafka_events)
        print(f"dyadwatch lake through the embedded broker: {rate:.0f} events/s "
              f"({args.kafka_events} events, start-up included)", flush=True)
    rows = _rows(args.events)
    print(f"{len(rows)} synthetic events ready", flush=True)
    figures: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="bench-lake-") as tmp:
        folder = Path(tmp)
        figures["parquet_ingest_eps"] = f"{ingest_parquet(folder / 'lake', rows, args.batch):.0f}"
        print(f"parquet ingest: {figures['parquet_ingest_eps']} events/s", flush=True)
        rate, reader = ingest_duckdb_file(folder / "events.duckdb", rows, args.batch)
        figures["duckdb_file_ingest_eps"] = f"{rate:.0f}"
        print(f"duckdb file ingest: {rate:.0f} events/s; another process reading meanwhile: {reader}",
              flush=True)
        p50, p99 = events_latency(folder / "lake", args.requests)
        figures["events_p50_ms"], figures["events_p99_ms"] = f"{p50:.0f}", f"{p99:.0f}"
        print(f"/events pages: p50 {p50:.0f} ms, p99 {p99:.0f} ms", flush=True)
        for fmt in ("csv", "parquet", "jsonl"):
            started = time.perf_counter()
            report = export_events(folder / "lake", parse_filter({}), fmt, folder / f"all.{fmt}")
            figures[f"export_{fmt}_s"] = f"{time.perf_counter() - started:.1f}"
            figures[f"export_{fmt}_mb"] = f"{report.bytes / 1e6:.0f}"
            print(f"export {fmt}: {report.rows} rows, {figures[f'export_{fmt}_s']} s, "
                  f"{figures[f'export_{fmt}_mb']} MB", flush=True)
    print(" ".join(f"{key}={value}" for key, value in figures.items()))


if __name__ == "__main__":
    main()
