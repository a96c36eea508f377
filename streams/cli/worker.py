"""Run one Faust worker: topics ensured, agents and views wired, until SIGTERM/Ctrl-C."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from faust.worker import Worker

from streams.app import Pipeline, build_pipeline, wire_agents
from streams.cli.processes import refuse_taken_web_port
from streams.kafka.stale_store import check_local_store
from streams.kafka.topics import ensure_topics
from streams.settings import Settings
from streams.web.page import wire_page
from streams.web.views import wire_views

__all__ = ["build_worker_pipeline", "run_worker"]

log = logging.getLogger(__name__)


def build_worker_pipeline(settings: Settings) -> Pipeline:
    """The app with its agents and views wired: what a worker runs."""
    pipeline = build_pipeline(settings)
    wire_agents(pipeline)
    wire_views(pipeline)
    wire_page(pipeline)
    return pipeline


def run_worker(settings: Settings,
               build: Callable[[Settings], Pipeline] = build_worker_pipeline) -> int:
    """Ensure topics, then run a worker (the pipeline ``build`` wires) in the foreground;
    returns its exit code. Raises ``StreamsError`` if its HTTP port is taken."""
    refuse_taken_web_port(settings)
    Path(settings.worker_data_dir).mkdir(parents=True, exist_ok=True)
    created = ensure_topics(settings)
    if created:
        log.info("created topics: %s", ", ".join(created))
    check_local_store(settings)  # an embedded broker that came back empty: start clean
    pipeline = build(settings)
    worker = Worker(pipeline.app, loglevel=settings.log_level.upper(), quiet=True,
                    override_logging=True)
    worker.spinner = None  # no terminal spinner: worker output is a log, often piped
    try:
        worker.execute_from_commandline()
    except SystemExit as exc:
        return int(exc.code or 0)
    return 0
