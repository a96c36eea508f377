"""The schema contract of every record dyadwatch publishes: ids, versions, headers, tolerance.

Each record kind has one published JSON Schema (draft 2020-12) with a stable ``$id``
(``urn:dyadwatch:schema:<kind>:<major>``), its version (``x-version``: ``"MAJOR.MINOR"``) and
a description. The evolution policy (README, "Schema evolution"):

- adding an optional field is a *minor* change: the version goes 1.0 -> 1.1, the ``$id``
  stays (it names the major version only);
- removing, renaming or retyping a field, or making one required, is a *major* change: a new
  ``$id`` (``...:2``) and version 2.0;
- consumers must ignore fields they do not know: the published schemas never say
  ``additionalProperties: false``, and the project's own consumers validate tolerantly
  (``tolerant_validate``), while its producers stay strict (the models forbid unknown fields
  when the project builds a record, so a typo never reaches a topic).

Every record the project produces carries its kind and version in the Kafka header
``SCHEMA_HEADER``: ``dyadwatch-schema: relation-event/1.0``. No Faust or Kafka import here.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from schemas.models import Article, DayBucket, DeadLetter, DyadAlert, DyadState, RelationEvent
from schemas.summary import PairSummary

__all__ = [
    "DIALECT",
    "SCHEMAS",
    "SCHEMA_HEADER",
    "RecordSchema",
    "all_published_schemas",
    "published_schema",
    "schema_header",
    "schema_of_header",
    "tolerant_validate",
]

DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_HEADER = "dyadwatch-schema"
M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class RecordSchema:
    """One record kind: ``kind`` (``relation-event``), ``version`` (``"1.0"``: major.minor),
    the pydantic ``model`` and where the records travel (``travels``, for people)."""

    kind: str
    version: str
    model: type[BaseModel]
    travels: str

    @property
    def major(self) -> int:
        """The major version (``1`` of ``"1.0"``)."""
        return int(self.version.split(".", 1)[0])

    @property
    def schema_id(self) -> str:
        """The stable ``$id``: ``urn:dyadwatch:schema:<kind>:<major>``."""
        return f"urn:dyadwatch:schema:{self.kind}:{self.major}"

    @property
    def header_value(self) -> str:
        """The ``dyadwatch-schema`` header value: ``<kind>/<major>.<minor>``."""
        return f"{self.kind}/{self.version}"


# By the name ``dyadwatch schema NAME`` takes.
SCHEMAS: dict[str, RecordSchema] = {
    "events": RecordSchema("relation-event", "1.0", RelationEvent, "topic relation-events"),
    "articles": RecordSchema("article", "1.0", Article, "topic articles"),
    "dyads": RecordSchema("dyad-state", "1.0", DyadState,
                          "the dyads table and its changelog (value of GET /dyads/{A}/{B})"),
    "dyad-days": RecordSchema("day-bucket", "1.0", DayBucket,
                              "the dyad-days table and its changelog"),
    "dyad-alerts": RecordSchema("dyad-alert", "1.0", DyadAlert, "topic dyad-alerts"),
    "dead-letters": RecordSchema("dead-letter", "1.0", DeadLetter, "topic dead-letters"),
    "summary": RecordSchema("pair-summary", "1.0", PairSummary,
                            "rows of GET /dyads and event: pairs of GET /stream"),
}
_BY_MODEL = {spec.model: spec for spec in SCHEMAS.values()}


def _open(node: Any) -> Any:
    """The schema ``node`` with every ``additionalProperties: false`` dropped (recursively);
    typed maps (``additionalProperties: {schema}``) are kept."""
    if isinstance(node, dict):
        return {key: _open(value) for key, value in node.items()
                if not (key == "additionalProperties" and value is False)}
    if isinstance(node, list):
        return [_open(item) for item in node]
    return node


def published_schema(name: str) -> dict[str, Any]:
    """The published JSON Schema of ``name`` (a key of ``SCHEMAS``; ``KeyError`` otherwise):
    ``{"$schema": DIALECT, "$id", "x-version", "x-header", "title", "description", ...}``,
    tolerant of added fields."""
    spec = SCHEMAS[name]
    body = _open(spec.model.model_json_schema(mode="serialization"))
    doc = (spec.model.__doc__ or "").strip().split("\n\n", 1)[0]
    return {
        "$schema": DIALECT,
        "$id": spec.schema_id,
        "x-version": spec.version,
        "x-header": f"{SCHEMA_HEADER}: {spec.header_value}",
        **body,
        "description": f"{body.get('description') or doc} Travels on: {spec.travels}. "
                       "Consumers must ignore unknown fields (add-only minor versions).",
    }


def all_published_schemas() -> dict[str, dict[str, Any]]:
    """Every published schema by its ``dyadwatch schema`` name."""
    return {name: published_schema(name) for name in SCHEMAS}


def schema_header(model: type[BaseModel]) -> tuple[str, bytes]:
    """The Kafka header of a record of ``model``: ``("dyadwatch-schema", b"relation-event/1.0")``;
    ``KeyError`` for a model that is not a published record."""
    return SCHEMA_HEADER, _BY_MODEL[model].header_value.encode("ascii")


def schema_of_header(value: bytes | str) -> tuple[str, str]:
    """``b"relation-event/1.0"`` -> ``("relation-event", "1.0")``; ``ValueError`` if malformed."""
    text = value.decode("ascii") if isinstance(value, bytes) else value
    kind, sep, version = text.partition("/")
    major, dot, minor = version.partition(".")
    if not (kind and sep and dot and major.isdigit() and minor.isdigit()):
        raise ValueError(f"not a schema header value: {text[:60]!r}")
    return kind, version


def _step(node: Any, step: Any) -> Any:
    """``node[step]`` if it exists, else ``node`` (a union member's tag in an error location)."""
    if isinstance(node, dict) and step in node:
        return node[step]
    if isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
        return node[step]
    return node


def _without(value: Any, locations: list[tuple[int | str, ...]]) -> Any:
    """A deep copy of ``value`` without the keys at ``locations`` (pydantic error locations)."""
    pruned = copy.deepcopy(value)
    for location in locations:
        node = pruned
        for step in location[:-1]:
            node = _step(node, step)
        if isinstance(node, dict):
            node.pop(location[-1], None)
    return pruned


def tolerant_validate(model: type[M], value: Any) -> M:
    """``model.model_validate(value)``, but fields the model does not know (a newer minor
    version of the record) are ignored instead of rejected, at any depth. Raises pydantic's
    ``ValidationError`` for anything else wrong."""
    try:
        return model.model_validate(value)
    except ValidationError as exc:
        extra = [error["loc"] for error in exc.errors() if error["type"] == "extra_forbidden"]
        if not extra:
            raise
    return model.model_validate(_without(value, extra))
