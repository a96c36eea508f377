"""Articles read from files, folders and standard input (no Kafka): ``publish`` and ``extract``.

Inputs: ``.txt``/``.md`` files (first line = title, without Markdown heading marks:
``# Heading`` or ``Heading`` underlined ``===`` give ``Heading``; id = file name without extension),
``.json`` (an article object or a list of them), ``.jsonl`` (one article per line),
folders (those files, recursively, in name order) and ``-`` (standard input: JSON lines,
or plain text with the title on the first line). Each input gives an ``ArticleSource``:
the article, or why it could not be read (never an exception).
"""

from __future__ import annotations

import hashlib
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from pydantic import ValidationError

from schemas import jsonbytes, utf8
from schemas.models import Article

__all__ = ["ArticleSource", "plain_title", "read_inputs"]

TEXT_SUFFIXES = {".txt", ".md"}
JSON_SUFFIXES = {".json", ".jsonl"}


@dataclass(frozen=True)
class ArticleSource:
    """An article read from an input, or the reason it could not be read."""

    origin: str
    article: Article | None = None
    error: str | None = None


def _validation_message(exc: ValidationError) -> str:
    return "; ".join(f"{'.'.join(map(str, e['loc'])) or '<root>'}: {e['msg']}"
                     for e in exc.errors(include_url=False)[:3])


_ATX_HEADING = re.compile(r"^#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_SETEXT_UNDERLINE = re.compile(r"^(?:=+|-+)[ \t]*$")


def plain_title(line: str) -> str:
    """A title line without Markdown heading marks: ``# Heading`` and ``## Heading ##`` give
    ``Heading``; any other line (``#1 priority``) is kept as it is, stripped."""
    found = _ATX_HEADING.match(line.strip())
    return (found.group(1) if found else line).strip()


def _article_from_text(text: str, article_id: str, origin: str) -> ArticleSource:
    title, _, body = text.strip().partition("\n")
    title = plain_title(title)
    first, _, rest = body.partition("\n")
    if _SETEXT_UNDERLINE.match(first.strip()) and first.strip():  # "Heading\n=======": the underline
        body = rest
    try:
        article = Article(id=article_id, title=title.strip() or None, text=body.strip() or title)
    except ValidationError as exc:
        return ArticleSource(origin, error=_validation_message(exc))
    return ArticleSource(origin, article=article)


def _article_from_value(value: object, origin: str) -> ArticleSource:
    if not isinstance(value, dict):
        return ArticleSource(origin, error=f"expected a JSON object, got {type(value).__name__}")
    try:
        return ArticleSource(origin, article=Article.model_validate(value))
    except ValidationError as exc:
        return ArticleSource(origin, error=_validation_message(exc))


def _decoded(data: bytes, origin: str) -> str | ArticleSource:
    """``data`` as UTF-8 text (``schemas.utf8``), or the source's error naming the first bad byte."""
    try:
        return utf8.decode(data)
    except utf8.NotUTF8 as exc:
        return ArticleSource(origin, error=str(exc))


def _from_json_lines(data: bytes, origin: str) -> Iterator[ArticleSource]:
    """One source per non-blank line: a bad line (invalid JSON, not UTF-8) is that line's error
    and the lines after it are still read."""
    for number, raw in enumerate(data.splitlines(), start=1):
        where = f"{origin}:{number}"
        line = _decoded(raw, where)
        if isinstance(line, ArticleSource):
            yield line
            continue
        if not line.strip():
            continue
        try:
            value = jsonbytes.loads(line)
        except jsonbytes.JSONDecodeError as exc:
            yield ArticleSource(where, error=f"invalid JSON: {exc}")
            continue
        yield _article_from_value(value, where)


def _from_json(data: bytes, origin: str) -> Iterator[ArticleSource]:
    text = _decoded(data, origin)
    if isinstance(text, ArticleSource):
        yield text
        return
    try:
        value = jsonbytes.loads(text)
    except jsonbytes.JSONDecodeError as exc:
        yield ArticleSource(origin, error=f"invalid JSON: {exc}")
        return
    yield from _from_value(value, origin)


def _from_value(value: object, origin: str) -> Iterator[ArticleSource]:
    """The articles of one parsed JSON document: an article, or a list of them."""
    for index, item in enumerate(value if isinstance(value, list) else [value]):
        yield _article_from_value(item, f"{origin}[{index}]" if isinstance(value, list) else origin)


def _sniffed(data: bytes, origin: str, article_id: str) -> Iterator[ArticleSource]:
    """Input of no known suffix (standard input, a pipe): one JSON document (an article or a
    list of them, on one line or indented), JSON lines, or else plain text with the title on
    its first line ("[Reuters] France expelled ..." is text)."""
    head = data.lstrip(utf8.BLANK)
    if head.startswith((b"{", b"[")):
        try:
            value = jsonbytes.loads(head)
        except jsonbytes.JSONDecodeError:
            first = head.split(b"\n", 1)[0]
            try:
                jsonbytes.loads(first)
            except jsonbytes.JSONDecodeError:
                pass  # neither a document nor JSON lines: text
            else:
                yield from _from_json_lines(data, origin)
                return
        else:
            yield from _from_value(value, origin)
            return
    text = _decoded(data, origin)
    if isinstance(text, ArticleSource):
        yield text
    elif text.strip():
        yield _article_from_text(text, article_id, origin)
    else:
        yield ArticleSource(origin, error="empty input: no article")


def _from_file(path: Path, regular: bool = True) -> Iterator[ArticleSource]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield ArticleSource(str(path), error=f"cannot read: {exc.strerror or exc}")
        return
    suffix = path.suffix.lower()
    if not data.strip(utf8.BLANK):
        yield ArticleSource(str(path), error="empty file: no article")
    elif suffix == ".jsonl":
        yield from _from_json_lines(data, str(path))
    elif suffix == ".json":
        yield from _from_json(data, str(path))
    elif not regular and suffix not in TEXT_SUFFIXES:  # a pipe: "extract <(cat news.jsonl)"
        yield from _sniffed(data, str(path), path.stem)
    else:
        text = _decoded(data, str(path))
        yield text if isinstance(text, ArticleSource) else _article_from_text(text, path.stem, str(path))


def _from_stdin(stream: IO[str] | IO[bytes]) -> Iterator[ArticleSource]:
    raw = stream.read()
    data = raw.encode("utf-8", "surrogateescape") if isinstance(raw, str) else raw
    if not data.strip(utf8.BLANK):
        yield ArticleSource("<stdin>", error="standard input is empty")
        return
    digest = hashlib.blake2b(data, digest_size=8).hexdigest()
    yield from _sniffed(data, "<stdin>", f"stdin-{digest}")


def read_inputs(
    paths: list[str], stdin: IO[str] | IO[bytes] | None = None
) -> Iterator[ArticleSource]:
    """Every article named by ``paths`` (files, folders, ``-``), in order. Input is UTF-8: a
    line of a ``.jsonl`` file (or of JSON lines on standard input) that is not is that line's
    error, a whole file or text that is not is the file's."""
    for name in paths:
        if name == "-":
            yield from _from_stdin(stdin or sys.stdin.buffer)
            continue
        path = Path(name)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*")
                           if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES | JSON_SUFFIXES)
            if not files:
                yield ArticleSource(name, error="folder holds no .txt, .md, .json or .jsonl file")
            for file in files:
                yield from _from_file(file)
        elif path.is_file():
            yield from _from_file(path)
        elif path.exists():  # a pipe or a device: "extract <(cat news.jsonl)"
            yield from _from_file(path, regular=False)
        else:
            yield ArticleSource(name, error="no such file or folder")
