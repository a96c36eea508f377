"""Gold files read for scoring: ``.jsonl`` records and a seed's ``.json`` (formats in
``agents.coder.evaluate``). Each record gives the article and its gold and ambiguous
(source, target, quad) triples; a malformed file raises ``CoderDataError`` naming file and line."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from agents.coder.exceptions import CoderDataError
from agents.coder.lexicon import CameoEntry, load_cameo
from schemas import jsonbytes
from schemas.models import Article

__all__ = ["Triple", "read_records", "triples"]

ISO3 = re.compile(r"^[A-Z]{3}$")
QUADS = ("1", "2", "3", "4")
Triple = tuple[str, str, int]


def _check_code(code: object, quad: int) -> None:
    """A gold event's CAMEO ``code``, when it is written as one ("0871"; other labels such as
    "AGREE" are left alone), is in the codebook and of its ``quad``; raises ``ValueError`` if not."""
    if not (isinstance(code, str) and code.isdigit()):
        return
    entry = _codebook().get(code)
    if entry is None:
        raise ValueError(f"code {code!r} is not a CAMEO code of the codebook")
    if entry.quad != quad:
        raise ValueError(f"code {code!r} is of quad {entry.quad}, not {quad}")


@lru_cache(maxsize=1)
def _codebook() -> dict[str, CameoEntry]:
    return load_cameo()


def triples(events: list[dict[str, Any]]) -> list[Triple]:
    """(source, target, quad) of the events between two countries. Raises ``ValueError`` on an
    event that is not an object with 'source' and 'target' (an ISO3 code, or null for an actor
    that is no country) and a quad 1-4."""
    found = []
    for e in events:
        if not isinstance(e, dict) or "source" not in e or "target" not in e:
            raise ValueError(f"an event needs 'source' and 'target' keys: {str(e)[:80]}")
        s, t, quad = e["source"], e["target"], e.get("quad")
        for side in (s, t):
            if side is not None and not (isinstance(side, str) and ISO3.match(side)):
                raise ValueError(f"{side!r} is not an ISO 3166-1 alpha-3 code (null: no country)")
        if isinstance(quad, bool) or not isinstance(quad, (int, str)) or str(quad) not in QUADS:
            raise ValueError(f"quad {quad!r} is not 1-4")
        _check_code(e.get("code"), int(quad))
        if s is not None and t is not None and s != t:
            found.append((s, t, int(quad)))
    return found


def _record(path: Path, number: int, line: str) -> tuple[Article, list[Triple], list[Triple]]:
    """One gold record of a .jsonl file; raises ``CoderDataError`` naming the file and line."""
    where = f"{path}:{number}"
    try:
        rec = jsonbytes.loads(line)
    except ValueError as exc:
        raise CoderDataError(f"{where}: not a JSON record ({' '.join(str(exc).split())[:120]})") from None
    if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
        raise CoderDataError(f"{where}: a gold record needs a 'text' string")
    if not isinstance(rec.get("events"), list):
        raise CoderDataError(f"{where}: a gold record needs an 'events' list (empty for none)")
    try:
        gold, ambiguous = triples(rec["events"]), triples(rec.get("ambiguous_events", []))
    except (ValueError, KeyError, TypeError) as exc:
        raise CoderDataError(f"{where}: {exc}") from None
    try:
        article = Article(id=str(rec.get("id") or f"{path.name}:{number}"), text=rec["text"],
                          published=rec.get("published"))
    except ValidationError as exc:
        problem = exc.errors()[0]
        raise CoderDataError(f"{where}: {'.'.join(map(str, problem['loc']))}: {problem['msg']}") from None
    return article, gold, ambiguous


def read_records(path: Path) -> Iterator[tuple[Article, list[Triple], list[Triple]]]:
    """The gold records of one file. Raises ``CoderDataError`` naming the file (and line) for a
    file that is missing, not UTF-8 text, or not gold records."""
    text = _read_text(path)
    if path.suffix == ".jsonl":
        for number, line in enumerate(text.splitlines(), 1):
            if line.strip():
                yield _record(path, number, line)
        return
    try:
        rec = jsonbytes.loads(text)
    except ValueError:
        raise CoderDataError(f"{path}: not a JSON gold record (a .jsonl file has one a line)") from None
    if not isinstance(rec, dict) or "file" not in rec:
        raise CoderDataError(f"{path}: a .json gold record needs a 'file' field")
    title, _, body = _read_text(path.parent / str(rec["file"])).partition("\n")
    article = Article(id=str(rec.get("id") or path.stem), title=title.strip(), text=body)
    try:
        yield article, triples(rec.get("events", [])), triples(rec.get("ambiguous_events", []))
    except ValueError as exc:
        raise CoderDataError(f"{path}: {exc}") from None


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CoderDataError(f"{path}: no such file") from None
    except UnicodeDecodeError:
        raise CoderDataError(f"{path}: not UTF-8 text") from None
    except OSError as exc:
        raise CoderDataError(f"{path}: cannot be read ({exc.strerror})") from None
