"""A pass-through worker: the real worker's app, topics, table and views, but an agent that
does no work (each article's bytes are sent unchanged, same key, to the events topic), read
in the same batches and sent the same way (``streams.sender``) as the coding agent's events.

It measures what the broker and Faust allow on this machine, the ceiling the real pipeline is
compared with. Settings come from ``DYADWATCH_*`` like any worker's:
``python bench/passthrough.py`` (started by ``bench/pipeline.py``).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

from faust.worker import Worker

from agents.flows import CODING_BATCH_SIZE, CODING_BATCH_WITHIN_S
from streams.app import Pipeline, build_pipeline
from streams.processes import WorkerProcess, settings_env
from streams.settings import Settings
from streams.topics import ensure_topics
from streams.views import wire_views

__all__ = ["PassThroughWorkerProcess", "build_pass_through", "main"]


def build_pass_through(settings: Settings) -> Pipeline:
    """The worker's pipeline with one pass-through agent in place of the real two."""
    pipeline = build_pipeline(settings)

    @pipeline.app.agent(pipeline.articles, name="pass_through")
    async def pass_through(stream: Any) -> None:
        sender = pipeline.event_sender  # the real worker's way of sending derived records
        await sender.start()
        async for batch in stream.take_events(CODING_BATCH_SIZE, within=CODING_BATCH_WITHIN_S):
            for event in batch:
                await sender.send(key=event.message.key, value=event.message.value)
                pipeline.count("articles_processed")
            await sender.flush()

    wire_views(pipeline)
    return pipeline


class PassThroughWorkerProcess(WorkerProcess):
    """This module as a child process, managed like a real worker."""

    def start(self) -> PassThroughWorkerProcess:
        command = [sys.executable, str(Path(__file__).resolve())]
        self.process = subprocess.Popen(command, env=settings_env(self.settings),
                                        stdout=self.log, stderr=subprocess.STDOUT)
        return self


def main() -> int:
    settings = Settings()
    Path(settings.worker_data_dir).mkdir(parents=True, exist_ok=True)
    ensure_topics(settings)
    pipeline = build_pass_through(settings)
    worker = Worker(pipeline.app, loglevel=settings.log_level.upper(), quiet=True,
                    override_logging=True)
    worker.spinner = None
    try:
        worker.execute_from_commandline()
    except SystemExit as exc:
        return int(exc.code or 0)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
