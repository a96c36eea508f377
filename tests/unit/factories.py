"""Factory helpers for unit tests: events and articles with sensible defaults."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from schemas.models import Evidence, RelationEvent, event_id_for, pair_key

T0 = datetime(2024, 5, 1, tzinfo=UTC)


def coded_triples(text: str) -> list[tuple[str, str, str]]:
    """(source, target, CAMEO code) of every event the default coder reads in ``text``."""
    from agents.coder import default_coder
    from schemas.models import Article

    return [(e.source, e.target, e.cameo_code)
            for e in default_coder().extract(Article(id="t", text=text))]


def make_event(source: str = "RUS", target: str = "PAK", *, root: str = "12",
               goldstein: float = -4.0, quad: int = 3, article_id: str = "a1",
               sentence_index: int = 0, days: float = 0.0,
               coder_version_: str = "test", **extra: Any) -> RelationEvent:
    text = "Russia rejected the Pakistani demand."
    code = root + "0"
    return RelationEvent(
        event_id=event_id_for(article_id, sentence_index, 0, len(text), source, target, code),
        pair=pair_key(source, target), article_id=article_id, source=source, target=target,
        source_actor=source, target_actor=target, cameo_code=code, root_code=root,
        quad_class=quad, goldstein=goldstein, confidence=0.9,  # type: ignore[arg-type]
        evidence=Evidence(sentence_index=sentence_index, start=0, end=len(text), text=text),
        event_time=T0 + timedelta(days=days), coder_version=coder_version_, **extra,
    )
