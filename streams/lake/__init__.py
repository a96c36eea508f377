"""The event store: every relation event as a flat row, in day-partitioned Parquet read by DuckDB.

``columns`` (the flat row and its Arrow schema), ``store`` (the files, their manifest and the
idempotent writer), ``views`` (DuckDB connections with the ``events`` and ``pair_days``
views, read-only SQL), ``filters`` (event filters and cursor paging), ``export`` (CSV,
Parquet, JSON lines), ``ingest`` (``dyadwatch lake``: the consumer that keeps the store live).
Nothing here but ``ingest`` talks to Kafka, and nothing loads Faust, aiokafka or aiohttp.
"""
