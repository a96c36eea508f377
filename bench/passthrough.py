"""A pass-through worker: the real worker's app, topics, table and views, but an agent that
does no work (each article's bytes are sent unchanged, same key, to the events topic), read
in the same batches and sent the same way (``streams.kafka.sender``) as the coding agent's events.

It measures what the broker and Faust allow on this machine, the ceiling the real pipeline is
compared with. Settings come from ``DYADWATCH_*`` like any worker's:
``python bench/passthrough.py`` (started by ``bench/pipeline.py``).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from agents.coding import CODING_BATCH_SIZE, CODING_BATCH_WITHIN_S  # noqa: E402
from bench.common import ScriptWorkerProcess  # noqa: E402
from streams.app import Pipeline, build_pipeline  # noqa: E402
from streams.cli.worker import run_worker  # noqa: E402
from streams.settings import Settings  # noqa: E402
from streams.web.views import wire_views  # noqa: E402

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


class PassThroughWorkerProcess(ScriptWorkerProcess):
    """This module as a child process, managed like a real worker."""

    script = Path(__file__).resolve()


def main() -> int:
    return run_worker(Settings(), build_pass_through)


if __name__ == "__main__":
    raise SystemExit(main())
