"""DuckDB over the store: the ``events``, ``events_all`` and ``pair_days`` views, read-only SQL.

- ``events_all``: every stored event, with ``superseded`` (true when a newer coder version
  coded the same article) and ``mentions``;
- ``_current`` (internal): the stored rows of the newest coder version of their article;
- ``events``: the current coder version's events only, one row per event, the documented
  columns (``columns.EVENT_COLUMNS``) plus ``pair`` and ``cameo_name``;
- ``pair_days``: one row per pair and UTC day of ``events``: ``events`` (distinct acts:
  source, target, root code), ``quad1``..``quad4`` (acts per quad class), ``goldstein_sum``
  (over acts), ``mentions`` (every report).

``mentions`` of an event: how many current events report the same act (same source, target,
root code and day), as GDELT's NumMentions.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pyarrow as pa

from streams.exceptions import QueryError
from streams.lake.columns import SCHEMA
from streams.lake.store import coder_ranks, live_files

__all__ = ["VIEWS", "connect", "read_only_sql"]

VIEWS = ("events", "events_all", "pair_days")
_ACT = "source, target, root_code, day"

# _current: the rows of the newest coder version of their article (no window: filters on it
# reach the Parquet scan); with a single coder version in the store it is the stored rows.
_CURRENT_ONE_VERSION = "CREATE VIEW _current AS SELECT * FROM stored"
_CURRENT_VERSIONS = """
CREATE VIEW _current AS
SELECT s.* FROM stored s
WHERE NOT EXISTS (SELECT 1 FROM stored n WHERE n.article_id = s.article_id AND n.coder_rank > s.coder_rank)
"""
_VIEW_SQL = f"""
CREATE VIEW events_all AS
WITH marked AS (
    SELECT *, coder_rank < max(coder_rank) OVER (PARTITION BY article_id) AS superseded FROM stored)
SELECT *, count(*) FILTER (WHERE NOT superseded) OVER (PARTITION BY {_ACT}) AS mentions FROM marked;
CREATE VIEW events AS
SELECT event_id, day, event_time, source, target, source_actor, target_actor, cameo_code,
       root_code, quad_class, goldstein, confidence, count(*) OVER (PARTITION BY {_ACT}) AS mentions,
       article_id, article_url, article_title, outlet, sentence, trigger, coder_version, pair, cameo_name
FROM _current;
CREATE VIEW pair_days AS
SELECT pair, day, count(*) AS events,
       count(*) FILTER (WHERE quad_class = 1) AS quad1, count(*) FILTER (WHERE quad_class = 2) AS quad2,
       count(*) FILTER (WHERE quad_class = 3) AS quad3, count(*) FILTER (WHERE quad_class = 4) AS quad4,
       sum(goldstein) AS goldstein_sum, sum(reports) AS mentions
FROM (SELECT pair, {_ACT}, arg_min(quad_class, event_time) AS quad_class,
             arg_min(goldstein, event_time) AS goldstein, count(*) AS reports
      FROM _current GROUP BY pair, {_ACT})
GROUP BY pair, day;
"""


def connect(root: Path) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB connection with the views over the store's live files at ``root``
    (an empty store, or none yet, gives empty views).

    Once the views exist the connection may read files inside ``root`` only: external access
    is off (no ``read_csv('/etc/passwd')``, no COPY, no extension installs, no Python
    variables scanned as tables), the store's folder is the one allowed directory, and the
    configuration is locked, so a query cannot turn it back on."""
    root = root.resolve()
    db = duckdb.connect()
    files = live_files(root)
    if files:
        source = f"read_parquet({_list(files)}, hive_partitioning = false)"
        db.execute(f"CREATE VIEW stored AS SELECT * FROM {source}")
    else:
        db.register("schema_only", pa.Table.from_pylist([], schema=SCHEMA))
        db.execute("CREATE TABLE stored AS SELECT * FROM schema_only")
        db.unregister("schema_only")
    db.execute(_current_sql(root))
    db.execute(_VIEW_SQL)
    _confine(db, root)
    return db


def _confine(db: duckdb.DuckDBPyConnection, root: Path) -> None:
    """Let ``db`` read inside ``root`` only, and lock its configuration."""
    folder = str(root).rstrip("/") + "/"
    db.execute("SET enable_object_cache = true")  # Parquet metadata kept between queries
    db.execute(f"SET allowed_directories = [{_list([folder])[1:-1]}]")
    db.execute("SET enable_external_access = false")
    db.execute("SET lock_configuration = true")


def _current_sql(root: Path) -> str:
    return _CURRENT_VERSIONS if len(coder_ranks(root)) > 1 else _CURRENT_ONE_VERSION


def _list(files: list[str]) -> str:
    return "[" + ", ".join("'" + f.replace("'", "''") + "'" for f in files) + "]"


_ALLOWED = {"SELECT", "EXPLAIN"}


def read_only_sql(db: duckdb.DuckDBPyConnection, sql: str) -> duckdb.DuckDBPyRelation:
    """The result of one read-only statement (SELECT, WITH ... SELECT, EXPLAIN, DESCRIBE, SHOW,
    SUMMARIZE); raises ``QueryError`` with DuckDB's one-line message on any other statement
    or an error in the query."""
    try:
        statements = duckdb.extract_statements(sql)
    except duckdb.Error as exc:
        raise QueryError(_one_line(exc)) from None
    if len(statements) != 1:
        raise QueryError(f"give exactly one SQL statement, got {len(statements)}")
    kind = statements[0].type.name
    if kind not in _ALLOWED:
        raise QueryError(f"the store is read-only: {kind} statements are not allowed")
    try:
        return db.sql(sql)
    except duckdb.Error as exc:
        raise QueryError(_one_line(exc)) from None


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split())
