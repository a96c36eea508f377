"""The model's attribute ruler and lemmatizer, remembered per token shape: the same answers, faster.

In ``en_core_web_sm`` the attribute ruler (tag -> part of speech and morphology, a few lemma
exceptions) and the rule lemmatizer cost a third of the pipeline's time per sentence, token by
token in Python, although their answer for a token depends only on its text, tag and
dependency label, except in the ruler's few two-token patterns ("let's", "gonna", "there is").
``RememberedMorphology`` keeps each shape's answer (part of speech, morphology, lemma) and
computes an unseen one with the model's own components: for a token of no two-token pattern on a
small document of such tokens, for a token of one (with its neighbour in the key) on the whole
sentence. The parse is unchanged (``tests/unit/test_coder_parser.py`` compares the two on
every evaluation sentence).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from spacy.tokens import Doc

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.pipeline import AttributeRuler
    from spacy.tokens import Token

__all__ = ["MORPH_PIPES", "RememberedMorphology"]

MORPH_PIPES = ("attribute_ruler", "lemmatizer")
Key = tuple[str, str, str, str]  # text, tag, dependency label, neighbour context
Answer = tuple[str, str, str]  # part of speech, morphology, lemma
MAX_REMEMBERED = 50_000  # shapes (measured under 0.8 KB each: < 40 MB); past it the memory starts again


def _pattern_words(nlp: Language) -> tuple[frozenset[str], frozenset[str]]:
    """Lowercase words that start and that end the ruler's two-token patterns (regexes such as
    ``^n'?t$`` spelled out)."""
    firsts: set[str] = {"y", "y'"}
    seconds: set[str] = {"n't", "nt"}
    ruler = cast("AttributeRuler", nlp.get_pipe("attribute_ruler"))
    for rule in ruler.patterns:
        tokens = cast("list[dict[str, Any]]", cast("list[Any]", rule["patterns"])[0])
        if len(tokens) < 2:
            continue
        for side, spec in ((firsts, tokens[0]), (seconds, tokens[1])):
            low = spec.get("LOWER")
            if isinstance(low, str):
                side.add(low)
            elif isinstance(low, dict) and "IN" in low:
                side.update(low["IN"])
    return frozenset(firsts), frozenset(seconds)


class RememberedMorphology:
    """Part of speech, morphology and lemma of every token of a tagged and parsed ``Doc``, as
    ``nlp``'s attribute ruler and lemmatizer give them (module doc)."""

    def __init__(self, nlp: Language) -> None:
        self.vocab = nlp.vocab
        self.pipes = [nlp.get_pipe(name) for name in MORPH_PIPES]
        self.firsts, self.seconds = _pattern_words(nlp)
        self.known: dict[Key, Answer] = {}

    def _key(self, doc: Doc, tok: Token) -> Key:
        low, context = tok.lower_, ""
        if low in self.seconds and tok.i > 0:
            before = doc[tok.i - 1]
            context = f"{before.lower_ if before.lower_ in self.firsts else ''}|{before.dep_ == 'expl'}"
        elif low in self.firsts and tok.i + 1 < len(doc):
            after = doc[tok.i + 1].lower_
            context = after if after in self.seconds else ""
        return tok.text, tok.tag_, tok.dep_, context

    def __call__(self, doc: Doc) -> Doc:
        """Set ``pos_``, ``morph`` and ``lemma_`` on every token of ``doc``; returns ``doc``."""
        keys = [self._key(doc, tok) for tok in doc]
        missing = [i for i, key in enumerate(keys) if key not in self.known]
        if len(self.known) > MAX_REMEMBERED:
            self.known.clear()
            missing = list(range(len(doc)))
        if any(keys[i][3] for i in missing):  # a two-token pattern: learn on the whole sentence
            self._learn_whole(doc, keys)
        elif missing:
            self._learn_alone({keys[i] for i in missing})
        for tok, key in zip(doc, keys, strict=True):
            pos, morph, lemma = self.known[key]
            tok.pos_, tok.lemma_ = pos, lemma
            tok.set_morph(morph or None)  # type: ignore[attr-defined]  # (missing from spaCy's stub)
        return doc

    def _run(self, doc: Doc) -> Doc:
        for pipe in self.pipes:
            doc = pipe(doc)
        return doc

    def _learn_whole(self, doc: Doc, keys: list[Key]) -> None:
        copy = self._run(Doc(self.vocab).from_bytes(doc.to_bytes()))
        for tok, key in zip(copy, keys, strict=True):
            self.known[key] = (tok.pos_, str(tok.morph), tok.lemma_)

    def _learn_alone(self, keys: set[Key]) -> None:
        """Tokens of no two-token pattern, answered on one small document of them all."""
        order = sorted(keys)
        doc = Doc(self.vocab, words=[k[0] for k in order], spaces=[True] * len(order))
        for tok, key in zip(doc, order, strict=True):
            tok.tag_, tok.dep_ = key[1], key[2]
        for tok, key in zip(self._run(doc), order, strict=True):
            self.known[key] = (tok.pos_, str(tok.morph), tok.lemma_)
