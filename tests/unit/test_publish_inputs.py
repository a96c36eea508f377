from __future__ import annotations

import io
import os
import threading
from pathlib import Path

from streams.inputs import read_inputs


def test_reads_text_json_jsonl_and_folders(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text("Title here\n\nBody of the article.\n", encoding="utf-8")
    (tmp_path / "two.json").write_text('[{"id": "j1", "text": "a"}, {"id": "j2", "text": "b"}]')
    (tmp_path / "three.jsonl").write_text('{"id": "l1", "text": "c"}\nnot json\n\n[1]\n')
    (tmp_path / "ignored.csv").write_text("x")
    sources = list(read_inputs([str(tmp_path)]))
    ok = {s.article.id: s.article for s in sources if s.article}
    assert set(ok) == {"one", "j1", "j2", "l1"}
    assert ok["one"].title == "Title here" and ok["one"].text == "Body of the article."
    failures = sorted(s.origin.rsplit("/", 1)[-1] for s in sources if s.error)
    assert failures == ["three.jsonl:2", "three.jsonl:4"]


def test_stdin_plain_text_gets_a_content_id() -> None:
    first = list(read_inputs(["-"], stdin=io.StringIO("A title\nRussia rejected it.")))
    second = list(read_inputs(["-"], stdin=io.StringIO("A title\nRussia rejected it.")))
    assert first[0].article and second[0].article
    assert first[0].article.id == second[0].article.id
    assert first[0].article.id.startswith("stdin-")


def test_missing_paths_and_empty_stdin_are_reported(tmp_path: Path) -> None:
    sources = list(read_inputs([str(tmp_path / "nope"), str(tmp_path), "-"], stdin=io.StringIO("")))
    assert [s.error is not None for s in sources] == [True, True, True]


def test_the_seeds_folder_holds_only_articles(seeds_dir: Path) -> None:
    """``dyadwatch publish seeds/`` publishes every file of it; gold readings live in tests/data."""
    sources = list(read_inputs([str(seeds_dir)]))
    assert sources and all(source.article is not None for source in sources), \
        [(s.origin, s.error) for s in sources if s.article is None]
    assert len(sources) == len(list(seeds_dir.iterdir()))


def test_markdown_heading_marks_leave_the_title(tmp_path: Path) -> None:
    texts = {"a.md": "# Russia rejects the demand\n\nRussia rejected Pakistan's demand.",
             "b.txt": "## Talks resume ##\nIndia and China resumed talks.",
             "c.md": "Border closed\n=============\n\nIran closed its border with Iraq.",
             "d.txt": "#1 priority: trade\nJapan signed a trade agreement with Brazil."}
    for name, text in texts.items():
        (tmp_path / name).write_text(text)
    read = {s.article.id: s.article for s in read_inputs([str(tmp_path)]) if s.article}
    assert {key: article.title for key, article in read.items()} == {
        "a": "Russia rejects the demand", "b": "Talks resume", "c": "Border closed",
        "d": "#1 priority: trade"}
    assert read["c"].text == "Iran closed its border with Iraq."
    assert read["a"].text == "Russia rejected Pakistan's demand."


def test_a_line_that_is_not_utf8_is_that_lines_error(tmp_path: Path) -> None:
    """One bad byte in a .jsonl file costs its line, not the file; the lines after it are read."""
    (tmp_path / "mixed.jsonl").write_bytes(
        b'{"id": "l1", "text": "c"}\n{"id": "l2", "text": "\xff"}\n{"id": "l3", "text": "d"}\n')
    sources = list(read_inputs([str(tmp_path / "mixed.jsonl")]))
    assert [s.article.id for s in sources if s.article] == ["l1", "l3"]
    (bad,) = [s for s in sources if s.error]
    assert bad.origin.endswith("mixed.jsonl:2") and bad.error == "not UTF-8 text: byte 22 is 0xff"


def test_text_that_is_not_utf8_is_an_error_not_a_crash(tmp_path: Path) -> None:
    (tmp_path / "latin1.txt").write_bytes("Título\nRussia rejected it.".encode("latin-1"))
    (from_file,) = read_inputs([str(tmp_path / "latin1.txt")])
    (from_stdin,) = read_inputs(["-"], stdin=io.BytesIO(b"A title\nRussia \xe9 rejected it."))
    assert from_file.error == "not UTF-8 text: byte 1 is 0xed"
    assert from_stdin.error == "not UTF-8 text: byte 15 is 0xe9" and from_stdin.origin == "<stdin>"


def test_stdin_bytes_and_text_give_the_same_article() -> None:
    (as_bytes,) = read_inputs(["-"], stdin=io.BytesIO("A title\nTürkiye rejected it.".encode()))
    (as_text,) = read_inputs(["-"], stdin=io.StringIO("A title\nTürkiye rejected it."))
    assert as_bytes.article is not None and as_bytes.article == as_text.article


def test_suffixes_in_capitals_and_a_byte_order_mark(tmp_path: Path) -> None:
    (tmp_path / "NEWS.JSONL").write_bytes(
        b'\xef\xbb\xbf{"id": "u1", "text": "a"}\n{"id": "u2", "text": "b"}\n')
    (tmp_path / "MORE.Json").write_text('{"id": "u3", "text": "c"}')
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbfA title\nBody.")
    read = [s.article.id for s in read_inputs([str(tmp_path)]) if s.article]
    assert read == ["u3", "u1", "u2", "bom"]
    (bom,) = read_inputs([str(tmp_path / "bom.txt")])
    assert bom.article is not None and bom.article.title == "A title"


def test_standard_input_is_a_json_document_json_lines_or_text() -> None:
    pretty = b'[\n {"id": "p1",\n  "text": "a"},\n {"id": "p2", "text": "b"}\n]\n'
    assert [s.article.id for s in read_inputs(["-"], stdin=io.BytesIO(pretty)) if s.article] == ["p1", "p2"]
    lines = b'{"id": "l1", "text": "a"}\n{"id": "l2", "text": "b"}\n'
    assert [s.article.id for s in read_inputs(["-"], stdin=io.BytesIO(lines)) if s.article] == ["l1", "l2"]
    (text,) = read_inputs(["-"], stdin=io.BytesIO(b"[Reuters] Talks resume\nIndia and China resumed talks."))
    assert text.article is not None and text.article.title == "[Reuters] Talks resume"


def test_empty_files_and_pipes(tmp_path: Path) -> None:
    for name in ("empty.jsonl", "empty.json", "empty.txt"):
        (tmp_path / name).write_bytes(b"\n")
        (only,) = read_inputs([str(tmp_path / name)])
        assert only.error == "empty file: no article", name
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    writer = threading.Thread(target=fifo.write_bytes, args=(b'{"id": "f1", "text": "a"}\n',))
    writer.start()
    read = list(read_inputs([str(fifo)]))
    writer.join()
    assert [s.article.id for s in read if s.article] == ["f1"]
