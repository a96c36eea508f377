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
from agents.coder.lexicon import DATA, CameoEntry, load_cameo, read_rows
from schemas import jsonbytes, utf8
from schemas.models import Article

__all__ = ["Triple", "known_states", "read_records", "triples"]

ISO3 = re.compile(r"^[A-Z]{3}$")
QUADS = ("1", "2", "3", "4")
Triple = tuple[str, str, int]


def _shown(value: object) -> str:
    """``value`` as the gold file wrote it (JSON), cut to 60 characters."""
    try:
        return jsonbytes.dumps(value).decode()[:60]
    except TypeError:
        return str(value)[:60]


@lru_cache(maxsize=1)
def known_states() -> frozenset[str]:
    """The country codes an event may name: every code of the gazetteer
    (``data/gazetteer.tsv``: ISO 3166-1 alpha-3 and ours, such as XKX for Kosovo)."""
    return frozenset(cells[1] for cells in read_rows(DATA / "gazetteer.tsv", 2) if ISO3.match(cells[1]))


def _check_code(code: object, quad: int) -> None:
    """A gold event's CAMEO ``code``, when it is written as one ("0871"; other labels such as
    "AGREE" are left alone), is in the codebook and of its ``quad``; raises ``ValueError`` if not
    (also for a code written as a JSON number, which loses its leading zeros)."""
    if isinstance(code, (int, float)) and not isinstance(code, bool):
        raise ValueError(f"code {_shown(code)} is a number: write CAMEO codes as strings (\"111\", \"0871\")")
    if not (isinstance(code, str) and code.isdigit()):
        return
    entry = _codebook().get(code)
    if entry is None:
        raise ValueError(f"code {_shown(code)} is not a CAMEO code of the codebook")
    if entry.quad != quad:
        raise ValueError(f"code {_shown(code)} is of quad {entry.quad}, not {quad}")


@lru_cache(maxsize=1)
def _codebook() -> dict[str, CameoEntry]:
    return load_cameo()


def triples(events: list[dict[str, Any]]) -> list[Triple]:
    """(source, target, quad) of the events between two countries. Raises ``ValueError`` on an
    event that is not an object with 'source' and 'target' (an ISO3 code, or null for an actor
    that is no country) and a quad 1-4."""
    if not isinstance(events, list):
        raise ValueError(f"events must be a list of event objects, not {_shown(events)}")
    found = []
    for e in events:
        if not isinstance(e, dict):
            raise ValueError(f"an event must be an object with source, target and quad: {_shown(e)}")
        missing = [key for key in ("source", "target", "quad") if key not in e]
        if missing:
            raise ValueError(f"an event needs {' and '.join(repr(k) for k in missing)}: {_shown(e)}")
        s, t, quad = e["source"], e["target"], e["quad"]
        for side in (s, t):
            if side is not None and not (isinstance(side, str) and ISO3.match(side)):
                raise ValueError(f"{_shown(side)} is not an ISO 3166-1 alpha-3 code (null: no country)")
            if side is not None and side not in known_states():
                raise ValueError(f"{_shown(side)} is no country code the coder knows (ISO 3166-1 "
                                 "alpha-3, or XKX for Kosovo: agents/coder/data/README.md)")
        if isinstance(quad, bool) or not isinstance(quad, (int, str)) or str(quad) not in QUADS:
            raise ValueError(f"quad {_shown(quad)} is not 1-4")
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
    if not isinstance(rec.get("ambiguous_events", []), list):
        raise CoderDataError(f"{where}: 'ambiguous_events' must be a list of events")
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
    file that is missing, empty, not UTF-8 text (the line and byte), or not gold records."""
    data = _read_bytes(path)
    if not data.strip(utf8.BLANK):
        raise CoderDataError(f"{path}: empty: no gold records")
    suffix = path.suffix.lower()
    if suffix == ".jsonl" or (suffix != ".json" and not _seed_style(data.removeprefix(utf8.BOM))):
        for number, raw in enumerate(data.splitlines(), 1):
            if raw.strip():
                yield _record(path, number, _decoded(raw, f"{path}:{number}"))
        return
    try:
        rec = jsonbytes.loads(_decoded(data, str(path)))
    except ValueError:
        raise CoderDataError(f"{path}: not a JSON gold record (a .jsonl file has one a line)") from None
    if not isinstance(rec, dict) or "file" not in rec:
        raise CoderDataError(f"{path}: a .json gold record needs a 'file' field")
    article_file = path.parent / str(rec["file"])
    try:
        raw_article = _read_bytes(article_file)
    except CoderDataError:
        raise CoderDataError(f"{path}: its 'file' {rec['file']} is not found at {article_file} "
                             "(the path is relative to the gold file's folder)") from None
    title, _, body = _decoded(raw_article, str(article_file)).partition("\n")
    article = Article(id=str(rec.get("id") or path.stem), title=title.strip(), text=body)
    try:
        yield article, triples(rec.get("events", [])), triples(rec.get("ambiguous_events", []))
    except ValueError as exc:
        raise CoderDataError(f"{path}: {exc}") from None


def _seed_style(data: bytes) -> bool:
    """A whole file that is one object with a 'file' field (a pipe has no suffix to say)."""
    try:
        value = jsonbytes.loads(data)
    except ValueError:
        return False
    return isinstance(value, dict) and "file" in value


def _decoded(data: bytes, where: str) -> str:
    try:
        return utf8.decode(data)
    except utf8.NotUTF8 as exc:
        raise CoderDataError(f"{where}: not UTF-8 text ({exc.detail})") from None


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise CoderDataError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise CoderDataError(f"{path}: a folder, not a gold file") from None
    except OSError as exc:
        raise CoderDataError(f"{path}: cannot be read ({exc.strerror})") from None
