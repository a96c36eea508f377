"""The event store over real Parquet files and DuckDB (no broker): idempotent writes,
compaction, superseded coder versions, the views, read-only SQL, filters and paging, exports."""

from __future__ import annotations

import io
import json
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from schemas.models import RelationEvent
from streams.exceptions import BadQuery, QueryError
from streams.lake import store as store_module
from streams.lake.columns import EVENT_COLUMNS, VIEW_COLUMNS, coder_rank, flat_row
from streams.lake.export import CSV_DTYPES, export_events
from streams.lake.filters import parse_filter
from streams.lake.query import events_csv, events_page
from streams.lake.store import Writer, live_files
from streams.lake.views import connect, read_only_sql
from tests.lake_events import synthetic_events


def _write(root: Path, events: list[RelationEvent], batch: int = 100, compact_files: int = 50) -> int:
    rows = [flat_row(event, 0, n) for n, event in enumerate(events)]
    with Writer(root, compact_files) as writer:
        return sum(writer.append(rows[i:i + batch]) for i in range(0, len(rows), batch))


@pytest.fixture
def store(tmp_path: Path) -> Path:
    root = tmp_path / "lake"
    _write(root, synthetic_events(600, days=3))
    return root


def _one(root: Path, sql: str) -> object:
    return connect(root).execute(sql).fetchall()[0][0]


def test_writes_are_idempotent_by_event_id(store: Path) -> None:
    events = synthetic_events(600, days=3)
    assert _write(store, events[:250] + events[:10]) == 0
    assert _one(store, "SELECT count(*) FROM stored") == 600
    assert _one(store, "SELECT count(DISTINCT event_id) FROM events") == 600


def test_compaction_merges_a_days_files_and_keeps_every_row(tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "lake"
    _write(root, synthetic_events(400, days=2), batch=40, compact_files=1000)
    before = len(live_files(root))
    monkeypatch.setattr(store_module, "RETIRED_GRACE_S", 0.0)
    with Writer(root, compact_files=4) as writer:
        assert writer.compact() == 2
        writer.compact()  # deletes the retired files
    assert before >= 10 and len(live_files(root)) == 2
    assert len(list(root.glob("day=*/*.parquet"))) == 2
    distinct = _one(root, "SELECT count(DISTINCT event_id) FROM stored")
    assert distinct == 400 == _one(root, "SELECT count(*) FROM stored")


def test_superseded_versions_are_kept_and_marked(store: Path) -> None:
    newer = synthetic_events(8, days=3, coder_version="dyadwatch-coder/0.10.0")
    newer = [e.model_copy(update={"event_id": "new-" + e.event_id}) for e in newer]
    _write(store, newer)
    assert coder_rank("dyadwatch-coder/0.10.0") > coder_rank("dyadwatch-coder/0.3.0")
    assert _one(store, "SELECT count(*) FROM events_all") == 608
    assert _one(store, "SELECT count(*) FROM events_all WHERE superseded") == 8
    assert _one(store, "SELECT count(*) FROM events") == 600
    assert _one(store, "SELECT count(*) FROM events WHERE event_id LIKE 'new-%'") == 8
    page = events_page(store, parse_filter({"limit": "1000"}, paged=True))
    assert page["count"] == 600 and sum(r["event_id"].startswith("new-") for r in page["events"]) == 8


def test_events_view_has_the_documented_columns_and_string_codes(store: Path) -> None:
    described = connect(store).execute("DESCRIBE events").fetchall()
    types = {row[0]: row[1] for row in described}
    assert list(types)[:len(EVENT_COLUMNS)] == list(EVENT_COLUMNS)
    assert types["cameo_code"] == types["root_code"] == types["day"] == "VARCHAR"
    assert _one(store, "SELECT min(cameo_code) FROM events") == "036"
    assert _one(store, "SELECT min(day) FROM events") == "20240501"


def test_pair_days_counts_acts_once_and_every_report_as_a_mention(tmp_path: Path) -> None:
    root = tmp_path / "lake"
    base = synthetic_events(1)[0]
    reports = [base.model_copy(update={"event_id": f"r{n}", "article_id": f"art{n}"}) for n in range(3)]
    _write(root, reports)
    db = connect(root)
    assert db.execute("SELECT DISTINCT mentions FROM events").fetchall() == [(3,)]
    assert {r["mentions"] for r in events_page(root, parse_filter({}, paged=True))["events"]} == {3}
    row = db.execute("SELECT events, mentions, goldstein_sum FROM pair_days").fetchall()
    assert row == [(1, 3, base.goldstein)]


@pytest.mark.parametrize("sql", ["COPY events TO 'x.csv'", "CREATE TABLE t AS SELECT 1",
                                 "DELETE FROM events", "SELECT 1; SELECT 2", "ATTACH 'x.db'"])
def test_sql_is_read_only(store: Path, sql: str) -> None:
    with pytest.raises(QueryError):
        read_only_sql(connect(store), sql)


def test_sql_errors_are_one_line(store: Path) -> None:
    with pytest.raises(QueryError) as caught:
        read_only_sql(connect(store), "SELECT nope FROM events")
    assert "\n" not in str(caught.value) and "nope" in str(caught.value)


def test_cursor_paging_visits_every_event_once_newest_first(store: Path) -> None:
    seen, cursor = [], None
    while True:
        params = {"limit": "70", "country": "RUS", **({"cursor": cursor} if cursor else {})}
        page = events_page(store, parse_filter(params, paged=True))
        seen += [(row["event_time"], row["event_id"]) for row in page["events"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    expected = _one(store, "SELECT count(*) FROM events WHERE source = 'RUS' OR target = 'RUS'")
    assert len(seen) == len(set(seen)) == expected
    assert seen == sorted(seen, reverse=True)


def test_filters_combine(store: Path) -> None:
    where = parse_filter({"pair": "pak-rus", "since": "2024-05-02", "until": "2024-05-02", "root": "06",
                          "quad": "2", "min_confidence": "0.6", "q": "acted"}, paged=True)
    rows = events_page(store, where)["events"]
    by_view = dict(connect(store).execute("SELECT event_id, mentions FROM events").fetchall())
    assert all(r["mentions"] == by_view[r["event_id"]] for r in rows)
    assert rows and all(r["pair"] == "PAK-RUS" and r["day"] == "20240502" and r["cameo_code"] == "062"
                        and r["confidence"] >= 0.6 for r in rows)


@pytest.mark.parametrize("params", [{"nope": "1"}, {"country": "RU"}, {"pair": "RUS-RUS"}, {"pair": "RUS"},
                                    {"since": "yesterday"}, {"root": "6"}, {"root": "21"}, {"quad": "5"},
                                    {"min_confidence": "2"}, {"limit": "1001"}, {"limit": "0"},
                                    {"cursor": "!!"}, {"limit": "ten"}])
def test_bad_filters_are_refused_with_a_message(params: dict[str, str]) -> None:
    with pytest.raises(BadQuery) as caught:
        parse_filter(params, paged=True)
    assert str(caught.value)


def test_csv_page_keeps_leading_zeros(store: Path) -> None:
    body = events_csv(store, parse_filter({"root": "06", "limit": "5"}, paged=True))
    frame = pd.read_csv(io.BytesIO(body), dtype=CSV_DTYPES)
    assert list(frame.columns) == list(VIEW_COLUMNS) and set(frame["cameo_code"]) == {"062"}


def test_exports_keep_codes_as_strings(store: Path, tmp_path: Path) -> None:
    where = parse_filter({"root": "06"})
    for fmt in ("csv", "parquet", "jsonl"):
        report = export_events(store, where, fmt, tmp_path / f"out.{fmt}")
        assert report.rows == _one(store, "SELECT count(*) FROM events WHERE root_code = '06'") > 0
    csv_path, parquet_path = tmp_path / "out.csv", tmp_path / "out.parquet"
    by_pandas = pd.read_csv(csv_path, dtype=CSV_DTYPES)
    assert set(by_pandas["cameo_code"]) == {"062"} and set(by_pandas["root_code"]) == {"06"}
    assert set(pd.read_parquet(parquet_path)["root_code"]) == {"06"}
    assert list(by_pandas.columns) == list(VIEW_COLUMNS)  # the view's: pair and cameo_name too
    assert set(by_pandas["pair"]) and by_pandas["cameo_name"].str.len().min() > 0
    by_duckdb = duckdb.sql(f"SELECT DISTINCT cameo_code, root_code FROM read_csv('{csv_path}')").fetchall()
    assert set(by_duckdb) == {("062", "06")}
    lines = (tmp_path / "out.jsonl").read_text().splitlines()
    assert {json.loads(line)["cameo_code"] for line in lines} == {"062"}


def test_export_refuses_parquet_to_stdout(store: Path) -> None:
    with pytest.raises(QueryError, match="-o FILE"):
        export_events(store, parse_filter({}), "parquet", None)


def test_an_empty_store_answers_empty_views(tmp_path: Path) -> None:
    root = tmp_path / "none"
    assert _one(root, "SELECT count(*) FROM events") == 0
    assert events_page(root, parse_filter({}, paged=True)) == {"count": 0, "events": [], "next_cursor": None}


def test_q_is_a_plain_substring_not_a_like_pattern(tmp_path: Path) -> None:
    root = tmp_path / "lake"
    events = synthetic_events(40, days=2)
    marked = events[0].model_copy(update={"evidence": events[0].evidence.model_copy(
        update={"text": "Tariffs of 50% and a snake_case word."})})
    _write(root, [marked, *events[1:]])

    def count(q: str) -> int:
        return int(events_page(root, parse_filter({"q": q}, paged=True))["count"])
    assert count("%") == count("50%") == count("_") == count("SNAKE_CASE") == 1
    assert count("5_%") == count("%acted%") == 0
    assert count("ACTED") == 39
    assert int(_one(root, "SELECT count(*) FROM events")) == 40


@pytest.mark.parametrize(("since", "until"), [("2026-11-30", "2026-11-20"),
                                              ("2024-05-02T10:00", "2024-05-02T09:00")])
def test_a_reversed_range_is_refused(store: Path, since: str, until: str) -> None:
    with pytest.raises(BadQuery, match=r"^since must be before until$"):
        parse_filter({"since": since, "until": until}, paged=True)
    assert parse_filter({"since": "2024-05-02", "until": "2024-05-02"}).where()[0]  # one whole day


@pytest.mark.parametrize("sql", ["SELECT * FROM read_csv('/etc/passwd')",
                                 "SELECT * FROM read_text('/etc/passwd')",
                                 "SELECT * FROM read_csv('{store}/../../../../etc/passwd')",
                                 "SELECT * FROM read_parquet('/tmp/*.parquet')"])
def test_sql_reads_no_file_outside_the_store(store: Path, sql: str) -> None:
    db = connect(store)
    with pytest.raises(QueryError) as caught:
        read_only_sql(db, sql.format(store=store))
    assert "\n" not in str(caught.value) and "Permission Error" in str(caught.value)
    with pytest.raises(duckdb.Error, match="lock"):
        db.execute("SET enable_external_access = true")
    assert read_only_sql(db, "SELECT count(*) FROM events").fetchall() == [(600,)]
    assert read_only_sql(db, "SELECT sum(events) FROM pair_days").fetchall()[0][0] > 0
    inside = read_only_sql(db, f"SELECT count(*) FROM read_parquet('{store}/day=*/*.parquet')")
    assert inside.fetchall() == [(600,)]
    assert events_page(store, parse_filter({"limit": "5"}, paged=True))["count"] == 5


def test_counters_are_saved_with_the_rows_and_a_record_is_counted_once(tmp_path: Path) -> None:
    from types import SimpleNamespace

    from streams.lake.ingest import LakeStatus, read_status

    root = tmp_path / "lake"
    rows = [flat_row(event, 0, n) for n, event in enumerate(synthetic_events(20, days=1))]
    status = LakeStatus()
    with Writer(root) as writer:
        writer.append(rows[:10], lambda stored: {**status.__dict__, "stored": stored,
                                                 "counted_through": {"0": 9}})
    saved = read_status(root)
    assert (saved.stored, saved.counted_through) == (10, {"0": 9})
    again = [SimpleNamespace(partition=0, offset=n) for n in (8, 9, 10)]
    assert [saved.first_time(record) for record in again] == [False, False, True]
    saved.counted(again)
    assert saved.counted_through == {"0": 10} and saved.first_time_at(1, 0)
    with Writer(root) as writer:  # a store reopened keeps its counters
        assert writer.status["stored"] == 10
