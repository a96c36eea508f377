"""The event coder: article -> bilateral RelationEvents with evidence.

Steps: sentences (sentencex) -> one Aho-Corasick pass for actor names and trigger words (the
cheap gate) -> candidate sentences (a trigger word and two countries, or one and a
coreferring word) parsed by spaCy in one batch -> actors read off noun phrases -> triggers
matched to CAMEO patterns, their status and roles read off the dependency arcs -> events.
Pure Python: no broker or stream-framework imports.
"""

from __future__ import annotations

import gc
import re
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from typing import TYPE_CHECKING

from agents.coder.actors import load_actors
from agents.coder.acts import ACT_FORMS
from agents.coder.dating import When, reference
from agents.coder.discards import Discards
from agents.coder.discourse import Discourse
from agents.coder.events import Found
from agents.coder.gate import FORCE_TOLD, JUDGED_FORCE, TriggerGate
from agents.coder.gazetteer import PETRARCH_AGENTS, Agents
from agents.coder.lexicon import CameoEntry, load_cameo
from agents.coder.matcher import ActorHit, Matcher
from agents.coder.meetings import presided_talks
from agents.coder.memory import hit_ref
from agents.coder.parse import Parser, default_parser
from agents.coder.phrases import SentenceActors
from agents.coder.reader import TriggerReader
from agents.coder.refs import AgentNouns
from agents.coder.retold import dedupe, retold
from agents.coder.surnames import second_mentions
from agents.coder.syntax import GROUP_SIZES, PAIR_NOUNS
from agents.coder.text import Sentence, sentences
from agents.coder.vocab import Vocabulary, load_vocabulary
from schemas.models import Article, Evidence, RelationEvent, event_id_for, pair_key

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["CODER_VERSION", "Coder", "CoderStats", "default_coder"]

CODER_VERSION = "dyadwatch-coder/0.3.19"
WORD = re.compile(r"[a-z][a-z'\-]*")
PRONOUNS = frozenset({"it", "he", "she", "him", "her", "them"})
RECIPROCAL = frozenset({"each", "other"})
EACH_OTHER = re.compile(r"\beach (?!other\b)\w+.*\bthe other\b", re.IGNORECASE)
SUMMONED = re.compile(r"\bsummoned to the (?:(?:foreign|external) (?:affairs )?)?ministry\b|"  # by the state
                      r"\bsummoned to the (?:ministry of (?:foreign|external) affairs|foreign office)\b",
                      re.IGNORECASE)  # told of
SIGNED_UNSAID = re.compile(r"\b(?:were|was|been)\s+(?:also\s+)?(?:signed|exchanged|concluded|adopted)\b",
                           re.IGNORECASE)  # "Agreements were also signed": by the pair told before
ORGAN_AFTER = re.compile(r"(?:'s|’s)?\s+(?:[a-z]+\s+){0,2}ministry\b")  # "Jordan's foreign ministry"
THEY = re.compile(r"\s*They\b")  # a sentence opened by "They": the countries told before
BARE_PAIR = re.compile(r"\bthe (?:leaders|sides|delegations)\b", re.IGNORECASE)  # "The sides discussed"
COREF_WORDS = PRONOUNS | PAIR_NOUNS | GROUP_SIZES.keys() | ACT_FORMS | {"host", "hosts"}
MAX_PARSED_CHARS = 5000
NO_ACTOR_KINDS = frozenset({"block", "title"})
HOME_KINDS = frozenset({"country", "capital", "city", "seat"})  # a dateline's place


@dataclass
class CoderStats:
    """Running counts of one coder: sentences seen, sentences parsed, seconds spent parsing."""

    sentences: int = 0
    parsed: int = 0
    parse_seconds: float = 0.0


@dataclass(frozen=True, slots=True)
class _Plan:
    """An article before parsing: its sentences, actor hits by sentence, candidate sentences,
    and its reference date (``dating.reference``)."""

    article: Article
    sentences: list[Sentence]
    hits: dict[int, list[ActorHit]]
    chosen: list[Sentence]
    when: When | None
    home: str  # the dateline's country ("TEHRAN (IRNA) -": IRN), or ""


class Coder:
    """Loads the gazetteer, vocabulary and parser once; ``extract`` keeps no state between calls."""

    def __init__(self, parser: Parser | None = None) -> None:
        self.cameo: dict[str, CameoEntry] = load_cameo()
        self.vocab: Vocabulary = load_vocabulary()
        self.matcher = Matcher(load_actors())
        self.agent_nouns = AgentNouns(Agents(extra=PETRARCH_AGENTS).phrases())
        self.reader = TriggerReader(self.vocab)
        self.gate = TriggerGate(self.vocab, self.reader.finder)
        self.parser = parser or default_parser()
        self.discards = Discards()
        self.stats = CoderStats()

    def extract(self, article: Article) -> list[RelationEvent]:
        """All bilateral events the article states, in text order, deduplicated per sentence."""
        return self.extract_many([article])[0]

    def extract_many(self, articles: list[Article]) -> list[list[RelationEvent]]:
        """``extract`` for each article, the candidate sentences of all parsed in one batch
        (spaCy parses a batch about twice as fast per sentence as one sentence at a time)."""
        plans = [self._plan(article) for article in articles]
        texts = [s.text[:MAX_PARSED_CHARS] for plan in plans for s in plan.chosen]
        started = time.perf_counter()
        parsed = iter(self.parser.parse(texts))  # a run-on "sentence" is parsed in part
        self.stats.parse_seconds += time.perf_counter() - started
        self.stats.parsed += len(texts)
        return [self._code(plan, {s.index: next(parsed) for s in plan.chosen}) for plan in plans]

    def _plan(self, article: Article) -> _Plan:
        text = article.text
        published = article.published.date() if article.published else None
        hits = second_mentions(text, self.matcher.scan(text, text.lower().replace("’", "'"), published))
        sents = list(sentences(text))
        home = _home(sents, hits)
        for n in range(min(3, len(sents))):  # a wire story's dateline is not part of its first
            sents[n] = sents[n].after_dateline()  # sentence's grammar (after a headline, a byline)
        by_sentence = _hits_by_sentence(sents, hits)
        judged = max((s.index for s in sents if JUDGED_FORCE.search(s.text) is not None), default=-1)
        chosen = [s for s in sents if self._candidate(s, by_sentence.get(s.index, []), s.index < judged)]
        self.stats.sentences += len(sents)
        return _Plan(article, sents, by_sentence, chosen, reference(published, text), home)

    def _code(self, plan: _Plan, docs: dict[int, Doc]) -> list[RelationEvent]:
        discourse = Discourse(plan.home)
        told: set[tuple[str, str, str]] = set()  # (source, target, root) of the acts coded so far
        events: list[RelationEvent] = []
        for sent in plan.sentences:
            sent_hits = plan.hits.get(sent.index, [])
            doc = docs.get(sent.index)
            if doc is None:
                discourse.remember(sent.index, [hit_ref(h) for h in sent_hits if h.name])
                discourse.listed(sent.index, plan.article.text, sent_hits)
                discourse.ministries(sent.index, [hit_ref(h) for h in sent_hits
                                                  if h.name and ORGAN_AFTER.match(plan.article.text, h.end)])
                discourse.opened(sent.index, [hit_ref(h) for h in _leading(sent, sent_hits)])
                continue
            found = dedupe(self._sentence(plan, sent, doc, sent_hits, discourse))
            events.extend(self._event(plan.article, sent, doc, f) for f in found
                          if not (retold(doc, f) and _act_key(f) in told))
            told.update(_act_key(f) for f in found)
        return _headline_retold(plan, events)

    def _candidate(self, sent: Sentence, hits: list[ActorHit], judged_later: bool = False) -> bool:
        """The sentence may hold an act between two actors (or, ``judged_later``, an act of
        force a later sentence judges): it is parsed."""
        words = set(WORD.findall(sent.text.lower()))
        if not self.gate.admits(words) or self.discards.discarded(sent.text):
            return False
        countries = {h.name.country for h in hits if h.name and h.name.kind not in NO_ACTOR_KINDS}
        if judged_later and countries and FORCE_TOLD.search(sent.text) is not None:
            return True
        organ = any(h.name is None or h.name.kind == "title" for h in hits)  # "the Gulf state",
        # "the foreign ministry", "Foreign Minister Okano"
        told = not words.isdisjoint(COREF_WORDS) or presided_talks(words)  # "it", "the two",
        told = told or SUMMONED.search(sent.text) is not None  # "the attack", "mediated the talks",
        # "summoned to the ministry"
        each = words >= RECIPROCAL and EACH_OTHER.search(sent.text) is not None  # "each side
        # blamed the other" (not "help each other": no group to resolve)
        group = each or not words.isdisjoint(GROUP_SIZES) or BARE_PAIR.search(sent.text) is not None
        group = group or THEY.match(sent.text) is not None  # "They also agreed to ...": the pair
        if SIGNED_UNSAID.search(sent.text) is not None:
            return True
        return len(countries) + organ + told >= 2 or ((organ or told or each) and group)

    def _sentence(
        self, plan: _Plan, sent: Sentence, doc: Doc, hits: list[ActorHit], discourse: Discourse
    ) -> list[Found]:
        actors = SentenceActors(doc, sent, hits, self.agent_nouns)
        resolve = discourse.resolver(sent.index, doc, actors)
        found = [f for f in self.reader.read(doc, actors, _reference_year(plan.article), resolve, plan.when)
                 if f.source.country and f.target.country and f.source.country != f.target.country]
        # (an organisation makes no pair, nor a state with itself)
        named = actors.countries() + actors.agents_before(len(doc))
        # subjects last: the next sentence's pronoun takes the latest, so it prefers a subject
        ordered = sorted(named, key=lambda r: (doc[r.head].dep_ == "nsubj", r.head))
        discourse.remember(sent.index, ordered, doc)
        discourse.acted(sent.index, [(f.source, f.target, f.code) for f in found], self.reader.lone)
        return found

    def _event(self, article: Article, sent: Sentence, doc: Doc, f: Found) -> RelationEvent:
        entry = self.cameo.get(f.code) or self.cameo[f.code[:2]]
        source, target = f.source.country, f.target.country
        first, last = doc[f.start], doc[f.end - 1]
        trigger = sent.text[first.idx : last.idx + len(last)]
        return RelationEvent(
            event_id=event_id_for(article.id, sent.index, sent.start, sent.end, source, target, entry.code),
            pair=pair_key(source, target),
            article_id=article.id,
            source=source,
            target=target,
            source_actor=f.source.actor or source,
            target_actor=f.target.actor or target,
            cameo_code=entry.code,
            root_code=entry.root,
            cameo_name=entry.name,
            quad_class=entry.quad,
            goldstein=entry.goldstein,
            confidence=f.confidence,
            evidence=Evidence(
                sentence_index=sent.index, start=sent.start, end=sent.end, text=sent.text, trigger=trigger
            ),
            event_time=article.published,
            article_url=article.url,
            article_source=article.source,
            coder_version=CODER_VERSION,
        )


def _home(sents: list[Sentence], hits: list[ActorHit]) -> str:
    """The country a dateline names ("TEHRAN (IRNA) -", "NEW DELHI:"; after a headline or a
    byline), or ""."""
    for sent in sents[:3]:
        end = sent.dateline_end()
        if end > sent.start:
            named = {h.name.country for h in hits if sent.start <= h.start and h.end <= end
                     and h.name and h.name.country and h.name.kind in HOME_KINDS}
            return named.pop() if len(named) == 1 else ""
    return ""


def _reference_year(article: Article) -> int:
    """The article's year; an undated article is read as of the year it is coded in."""
    if article.published is not None:
        return article.published.year
    return datetime.now(UTC).year


def _hits_by_sentence(sents: list[Sentence], hits: list[ActorHit]) -> dict[int, list[ActorHit]]:
    out: dict[int, list[ActorHit]] = {}
    k = 0
    for sent in sents:
        while k < len(hits) and hits[k].start < sent.start:
            k += 1
        while k < len(hits) and hits[k].start < sent.end:
            out.setdefault(sent.index, []).append(hits[k])
            k += 1
    return out


def _leading(sent: Sentence, hits: list[ActorHit]) -> list[ActorHit]:
    """The first actor of a sentence not parsed, if it opens the sentence (its likely subject:
    "China advised its citizens ..."; "The Indian army said ...")."""
    first = next((h for h in hits if h.name and h.name.country and h.name.kind not in NO_ACTOR_KINDS), None)
    if first is None:
        return []
    lead = sent.text[: max(0, first.start - sent.start)].split()
    return [first] if len(lead) <= 1 and (not lead or lead[0].lower() == "the") else []


def _act_key(f: Found) -> tuple[str, str, str]:
    return f.source.country, f.target.country, f.code[:2]


def _is_headline(plan: _Plan) -> bool:
    """The article's first sentence is a headline: its whole first line, with no full stop."""
    if not plan.sentences:
        return False
    first, text = plan.sentences[0], plan.article.text
    line_end = text.find("\n")
    return 0 < line_end <= first.end + 1 and not first.text.rstrip().endswith((".", "!", "?", '"'))


def _headline_retold(plan: _Plan, events: list[RelationEvent]) -> list[RelationEvent]:
    """Without the headline's events that the story tells again ("Sudan cuts ties with UAE" over
    "Sudan's government has severed diplomatic relations with the UAE"): the act is coded once,
    where the story tells it, with its date and its words."""
    if not _is_headline(plan):
        return events
    body = {(e.source, e.target, e.cameo_code) for e in events if e.evidence.sentence_index > 0}
    return [e for e in events if e.evidence.sentence_index > 0
            or (e.source, e.target, e.cameo_code) not in body]


@lru_cache(maxsize=1)
def default_coder() -> Coder:
    """The process-wide coder (data and parser loaded once). Its data live as long as the
    process: they are frozen out of the garbage collector's passes (``gc.freeze``), which would
    otherwise walk the model's and gazetteer's objects again and again while coding."""
    coder = Coder()
    gc.freeze()
    return coder
