"""The event coder: article -> bilateral RelationEvents with evidence."""

from __future__ import annotations

from functools import lru_cache
from operator import itemgetter
from typing import NamedTuple

from agents.coder.codes import modal_code, refine
from agents.coder.gazetteer import Agents, load_names
from agents.coder.grammar import SPEECH, Trig, find_triggers, segment_index, segments, set_modality
from agents.coder.lexicon import CameoEntry, load_cameo, load_patterns
from agents.coder.matcher import ActorHit, Matcher, TriggerHit, route, single_country
from agents.coder.mentions import Mention, build_mentions
from agents.coder.roles import (
    SentenceView,
    between_group,
    by_agent,
    location,
    scan_end,
    subject_group,
    target_group,
)
from agents.coder.text import Sentence, Token, sentences, tokenize
from agents.coder.words import AUX
from schemas.models import Article, Evidence, RelationEvent, event_id_for, pair_key

__all__ = ["ShallowCoder", "default_shallow_coder"]

CODER_VERSION = "dyadwatch-coder/0.2.1"
HISTORY_SENTENCES = 3
SYMMETRIC_GROUP_MAX = 4  # countries acting together; more is a multilateral event
MUST = frozenset({"must", "should"})
PRONOUNS = frozenset({"it", "he", "she"})
HIT_NAME = itemgetter(2)  # ActorHit.name: None for a coreferring phrase


class Coded(NamedTuple):
    """One coded dyad before it becomes a RelationEvent."""

    source: Mention
    target: Mention
    code: str
    confidence: float
    trigger: str


class ShallowCoder:
    """Loads the gazetteer and verb patterns once; ``extract`` keeps no state between calls."""

    def __init__(self) -> None:
        self.cameo: dict[str, CameoEntry] = load_cameo()
        self.agents = Agents()
        self.matcher = Matcher(load_names(), load_patterns())

    def extract(self, article: Article) -> list[RelationEvent]:
        """All bilateral events the article states, in text order, deduplicated per sentence."""
        text = article.text
        actors, trigs = self.matcher.scan(text, text.lower().replace("’", "'"))
        routed = route(list(sentences(text)), actors, trigs)
        # Only "the nation"-style phrases read the history, and only the last few sentences'.
        coref = {sent.index for sent, hits, _ in routed if not all(map(HIT_NAME, hits))}
        events: list[RelationEvent] = []
        history: list[tuple[int, str]] = []
        for sent, actor_hits, trig_hits in routed:
            keep = not coref.isdisjoint(range(sent.index + 1, sent.index + 1 + HISTORY_SENTENCES))
            coded = self._sentence(text, sent, actor_hits, trig_hits, history, keep)
            events.extend(self._event(article, sent, c) for c in coded)
        return events

    def _sentence(
        self,
        text: str,
        sent: Sentence,
        actor_hits: list[ActorHit],
        trig_hits: list[TriggerHit],
        history: list[tuple[int, str]],
        keep_history: bool,
    ) -> list[Coded]:
        named = {h.name.country for h in actor_hits if h.name and h.name.kind not in ("place", "block")}
        maybe_coref = len(named) < len(actor_hits) or " it " in sent.text
        if not trig_hits or (len(named) < 2 and not maybe_coref):
            history.extend(
                (sent.index, h.name.country)
                for h in actor_hits
                if h.name and h.name.kind not in ("demonym", "place", "block")
            )
            return []
        if not keep_history and single_country(actor_hits):
            return []  # no dyad possible here, and no later sentence needs this one's actors
        sentence = tokenize(sent.text, sent.start)
        tokens, lows, offsets = sentence
        starts = dict(zip(offsets, range(len(offsets)), strict=True))
        blocked = {starts[h.start] for h in trig_hits if h.start in starts}
        mentions = build_mentions(text, sentence, actor_hits, self.agents, sent.dateline_end(), blocked)
        _resolve(sent.index, lows, mentions, history)
        history.extend(
            (sent.index, m.country) for m in mentions if m.country and m.role in ("actor", "possessive")
        )
        if not trig_hits or len({m.country for m in mentions}) < 2:
            return []
        return self._grammar(text, sent, tokens, lows, starts, mentions, trig_hits)

    def _grammar(
        self,
        text: str,
        sent: Sentence,
        tokens: list[Token],
        lows: list[str],
        starts: dict[int, int],
        mentions: list[Mention],
        trig_hits: list[TriggerHit],
    ) -> list[Coded]:
        segs = segments(lows, {m.t1 - 1 for m in mentions})
        seg_of = segment_index(segs, len(tokens))
        seg_at = [segs[k] for k in seg_of]
        trigs = find_triggers(tokens, lows, starts, trig_hits, [seg.end for seg in seg_at])
        mention_at = {i: m for m in mentions for i in range(m.t0, m.t1)}
        set_modality(tokens, text, trigs, seg_at, mention_at)
        view = SentenceView(tokens, lows, mentions, segs, seg_of, trigs)
        coded: list[Coded] = []
        for trig in sorted(trigs, key=lambda x: x.governor is None):
            coded.extend(self._code(text, view, trig))
        if "must" in sent.text or "should" in sent.text:
            coded.extend(_must(text, view))
        return _dedupe(coded)

    def _code(self, text: str, view: SentenceView, trig: Trig) -> list[Coded]:
        if trig.status == "off" or trig.consumed:
            return []
        code = modal_code(trig.pattern.code, trig.status)
        if code is None:
            return []
        if trig.governor is not None and trig.status != "act":
            view.trigs[trig.governor].consumed = True
        words = set(view.lows[max(0, trig.t0 - 2) : scan_end(view, trig)])
        code = refine(code, words)
        head = view.trigs[trig.governor].t0 if trig.governor is not None else trig.t0
        evidence = text[view.tokens[head].start : view.tokens[trig.end - 1].end]
        conf = 0.9 if trig.status == "act" else 0.8
        pairs = _pairs(view, trig, head, trig.status == "act")
        return [Coded(s, o, code, _confidence(conf, s, o, trig), evidence) for s, o in pairs]

    def _event(self, article: Article, sent: Sentence, c: Coded) -> RelationEvent:
        entry = self.cameo.get(c.code) or self.cameo[c.code[:2]]
        source, target = c.source.country or "", c.target.country or ""
        return RelationEvent(
            event_id=event_id_for(article.id, sent.index, sent.start, sent.end, source, target, entry.code),
            pair=pair_key(source, target),
            article_id=article.id,
            source=source,
            target=target,
            source_actor=c.source.actor or source,
            target_actor=c.target.actor or target,
            cameo_code=entry.code,
            root_code=entry.root,
            cameo_name=entry.name,
            quad_class=entry.quad,
            goldstein=entry.goldstein,
            confidence=c.confidence,
            evidence=Evidence(
                sentence_index=sent.index, start=sent.start, end=sent.end, text=sent.text, trigger=c.trigger
            ),
            event_time=article.published,
            article_url=article.url,
            article_source=article.source,
            coder_version=CODER_VERSION,
        )


def _pairs(view: SentenceView, trig: Trig, head: int, act: bool) -> list[tuple[Mention, Mention]]:
    flags = trig.pattern.flags
    if trig.form == "noun":
        group = between_group(view, trig)
        if group and "between" not in flags:
            return _each_way(group)
        subj = subject_group(view, head)
        if group:
            return [(s, b) for s in subj for b in group]
        if _inside_object(view, trig):
            return []
        if "sym" in flags and len(subj) > 1:
            return _each_way(subj)
        objs = [m for m in target_group(view, trig, {s.country or "" for s in subj}) if m.prep == "with"]
        back = "mutual" in flags
        return [p for s in subj for o in objs for p in ((s, o), (o, s))[: 2 if back else 1]]
    if trig.passive and act:
        return [(s, o) for s in by_agent(view, trig) for o in subject_group(view, head, True)]
    subj = subject_group(view, head)
    objs = target_group(view, trig, {s.country or "" for s in subj})
    if objs and "recv" in flags:
        return [(o, s) for s in subj for o in objs if o.prep == "from"]
    if objs:
        back = act and "mutual" in flags
        return [p for s in subj for o in objs for p in ((s, o), (o, s))[: 2 if back else 1]]
    if "sym" in flags and len(subj) > 1:
        return _each_way(subj)
    place = location(view, trig, {s.country or "" for s in subj}) if "loc" in flags else None
    return [(s, place) for s in subj] if place and trig.pattern.code[:2] >= "14" else []


def _each_way(group: list[Mention]) -> list[tuple[Mention, Mention]]:
    """'X and Y met': every ordered pair of the group; a longer list ('delegations of 40
    countries met') is a multilateral event, not a set of bilateral ones."""
    if len({m.country for m in group}) > SYMMETRIC_GROUP_MAX:
        return []
    return [(a, b) for a in group for b in group if a.country != b.country]


def _inside_object(view: SentenceView, trig: Trig) -> bool:
    """A noun inside the object of an earlier verb in its clause is not a new event."""
    seg = view.segs[view.seg_of[trig.t0]]
    return any(seg.start <= o.t0 < trig.t0 and o.form != "noun" for o in view.trigs)


def _confidence(base: float, s: Mention, o: Mention, trig: Trig) -> float:
    conf = base * (0.7 if trig.form == "noun" else 1.0) * (0.9 if trig.passive else 1.0)
    for m in (s, o):
        conf *= 0.7 if m.coref else 0.6 if m.role == "place" else 1.0
        conf *= 0.85 if m.role in ("modifier", "possessive") or m.kind == "capital" else 1.0
    return round(conf, 2)


def _resolve(index: int, lows: list[str], mentions: list[Mention], history: list[tuple[int, str]]) -> None:
    """'the nation' / 'the state': the latest country of the last few sentences not named here."""
    here = {m.country for m in mentions if m.country}
    for m in mentions:
        if m.coref and m.country is None:
            for sent_index, country in reversed(history):
                if sent_index < index - HISTORY_SENTENCES:
                    break
                if country not in here:
                    m.country = m.actor = country
                    break
    if not PRONOUNS.isdisjoint(lows):
        _pronouns(lows, mentions)


def _pronoun_subject(lows: list[str], i: int, mentions: list[Mention]) -> bool:
    """'it' before an auxiliary; 'he and <actor>' ('where he and President Lee pledged')."""
    if lows[i] == "it":
        return lows[i + 1] in AUX
    return lows[i] in ("he", "she") and lows[i + 1] == "and" and any(i + 2 <= m.t0 <= i + 4 for m in mentions)


def _pronouns(lows: list[str], mentions: list[Mention]) -> None:
    """'Iraq said it would ...': a subject 'it' is the nearest actor before it in the sentence."""
    for i in range(len(lows) - 1):
        if not _pronoun_subject(lows, i, mentions):
            continue
        before = [m for m in mentions if m.t1 <= i and m.role == "actor" and m.prep is None]
        if lows[i] != "it":  # 'he' / 'she': a leader or an official, not a country
            before = [m for m in before if m.kind == "leader" or m.actor != m.country]
        if before and before[-1].country:
            m = before[-1]
            mentions.append(Mention(i, i + 1, m.country, m.actor, "coref", "actor", coref=True))
    mentions.sort(key=lambda m: m.t0)


def _must(text: str, view: SentenceView) -> list[Coded]:
    """'Russia said (on Tuesday) that Sudan must return ...': a demand from speaker to Sudan."""
    found = []
    toks = view.tokens
    for m in view.mentions:
        seg = view.segs[view.seg_of[m.t0]]
        after = {t.low for t in toks[m.t1 : min(seg.end, m.t1 + 6)]}
        if seg.kind != "comp" or m.role != "actor" or not after & MUST or m.t0 > seg.start + 2:
            continue
        speech = [i for i in range(max(0, seg.start - 4), seg.start) if toks[i].low in SPEECH]
        for s in subject_group(view, speech[0]) if speech else []:
            if s.country and s.country != m.country:
                cue = text[toks[speech[0]].start : toks[m.t1 - 1].end]
                found.append(Coded(s, m, "100", 0.75, cue))
    return found


def _dedupe(coded: list[Coded]) -> list[Coded]:
    seen: set[tuple[str | None, str | None, str]] = set()
    kept = []
    for c in coded:
        key = (c.source.country, c.target.country, c.code)
        distinct = c.source.country and c.target.country and c.source.country != c.target.country
        if distinct and key not in seen:
            seen.add(key)
            kept.append(c)
    return kept


@lru_cache(maxsize=1)
def default_shallow_coder() -> ShallowCoder:
    """The process-wide coder (data loaded once)."""
    return ShallowCoder()
