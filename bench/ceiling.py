"""The real worker with the coder's work done in advance: what the pipeline's *shape* costs.

Same app, topics, tables, views and both real agents as ``dyadwatch worker``; only the coder
is replaced by ``PrecomputedCoder``, which answers each article from the events the real
coder found in the same text before the worker started (re-stamped with the article's id,
so every event id is new and every event is folded for real). What remains per article is
the framework's work: consume the article, send its events keyed by pair, consume them
again, read and write the pairs' table rows and their changelogs.

So ``bench/pipeline.py`` can tell apart how much of the gap to the pass-through limit is
the coder's and how much is the record traffic of one event per record, one state per pair.
Started by ``bench/pipeline.py``; settings from ``DYADWATCH_*`` like any worker's.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from agents.coder import Coder  # noqa: E402
from bench.coder import build_corpus, build_news_mix  # noqa: E402
from bench.common import ScriptWorkerProcess  # noqa: E402
from schemas.models import Article, RelationEvent, event_id_for  # noqa: E402
from streams.app import Pipeline, build_pipeline, wire_agents  # noqa: E402
from streams.cli.worker import run_worker  # noqa: E402
from streams.settings import Settings  # noqa: E402
from streams.web.views import wire_views  # noqa: E402

__all__ = ["CeilingWorkerProcess", "PrecomputedCoder", "bench_templates", "main"]


def bench_templates() -> list[Article]:
    """The article texts the pipeline bench publishes (news-mix, else dense)."""
    return build_news_mix() or build_corpus()


class PrecomputedCoder:
    """Answers from the real coder's events for known texts; unknown texts are coded for real."""

    def __init__(self, templates: Sequence[Article]) -> None:
        self.coder = Coder()
        self.by_text = {article.text: self.coder.extract(article) for article in templates}

    def extract(self, article: Article) -> list[RelationEvent]:
        known = self.by_text.get(article.text)
        if known is None:
            return self.coder.extract(article)
        return [_restamp(event, article) for event in known]


def _restamp(event: RelationEvent, article: Article) -> RelationEvent:
    """The event as the coder gives it for ``article``: its id, time, url and source."""
    span = event.evidence
    event_id = event_id_for(article.id, span.sentence_index, span.start, span.end,
                            event.source, event.target, event.cameo_code)
    return event.model_copy(update={
        "event_id": event_id, "article_id": article.id, "event_time": article.published,
        "article_url": article.url, "article_source": article.source,
    })


def precomputed_coder() -> PrecomputedCoder:
    """The coder of each coding process of the ceiling worker (module-level: picklable)."""
    return PrecomputedCoder(bench_templates())


def build_ceiling(settings: Settings) -> Pipeline:
    pipeline = build_pipeline(settings)
    wire_agents(pipeline, precomputed_coder)
    wire_views(pipeline)
    return pipeline


class CeilingWorkerProcess(ScriptWorkerProcess):
    """This module as a child process, managed like a real worker."""

    script = Path(__file__).resolve()


def main() -> int:
    return run_worker(Settings(), build_ceiling)


if __name__ == "__main__":
    raise SystemExit(main())
