"""Bounds on what one event carries, so no record or pair state outgrows a Kafka record.

An event's evidence sentence can be as long as its article (a 600 KB article may be one
sentence); pair state keeps its latest events and alerts carry theirs, so the sentence text
is cut to ``evidence_chars`` characters, ending with ``…``, and ``Evidence.text_size`` keeps
its full length. Outlet names and URLs are cut the same way. Cutting twice changes nothing.
"""

from __future__ import annotations

from schemas.models import RelationEvent

__all__ = ["EVIDENCE_CHARS", "SOURCE_CHARS", "URL_CHARS", "bounded_event", "cut"]

EVIDENCE_CHARS = 2_000
SOURCE_CHARS = 200
URL_CHARS = 2_000
MARK = "…"


def cut(text: str, chars: int) -> str:
    """``text``, or its first ``chars - 1`` characters and ``…`` if it is longer."""
    return text if len(text) <= chars else text[: max(0, chars - 1)] + MARK


def bounded_event(event: RelationEvent, evidence_chars: int = EVIDENCE_CHARS) -> RelationEvent:
    """``event`` with its evidence text, outlet and URL within bounds (the same object if
    nothing needed cutting)."""
    evidence, update = event.evidence, dict[str, object]()
    if len(evidence.text) > evidence_chars:
        size = evidence.text_size or len(evidence.text)
        update["evidence"] = evidence.model_copy(
            update={"text": cut(evidence.text, evidence_chars), "text_size": size})
    if event.article_source and len(event.article_source) > SOURCE_CHARS:
        update["article_source"] = cut(event.article_source, SOURCE_CHARS)
    if event.article_url and len(event.article_url) > URL_CHARS:
        update["article_url"] = cut(event.article_url, URL_CHARS)
    return event.model_copy(update=update) if update else event
