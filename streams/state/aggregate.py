"""Pure aggregation of relation events into per-pair state (no Faust, no Kafka).

Indexes decay on *event time*, never wall-clock time, so replaying the log gives the same
state: each index is expressed at ``decay_reference`` (the latest event time seen) and an
older event enters already decayed.

Mentions, not duplicates: the same event (source, target, root code, UTC day) reported by
several articles counts once in the indexes, from the first article that reported it; the
other reports raise the mention, article and source counts (GDELT's NumMentions,
NumArticles, NumSources). A redelivered event (same id) changes nothing. Events of a newer
coder version supersede the pair's state (``dyadwatch recode``); older ones are ignored.

Event and article ids are remembered as fingerprints in bounded digest rings
(``schemas.digests``): a new event is taken for a redelivery only on a 48-bit collision.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum

from schemas.bounds import bounded_event
from schemas.digests import fingerprint, remember
from schemas.models import (
    DirectedCounts,
    DyadAlert,
    DyadState,
    MentionRecord,
    RelationEvent,
    coder_version_key,
)
from streams.state.alerts import check_alert, roll_day
from streams.state.decay import decay_factor
from streams.state.policy import AggregationPolicy

__all__ = ["AggregationPolicy", "Applied", "Outcome", "apply_event", "decay_factor", "new_state",
           "was_counted"]


class Outcome(StrEnum):
    """What folding one event did to its pair (the ``events_<outcome>`` counters)."""

    COUNTED = "counted"  # a new event: indexes, counts and history move
    MENTION = "mention"  # another report of a counted event: mention counts move
    DUPLICATE = "duplicate"  # redelivery of an applied event id: nothing moves
    SUPERSEDED = "superseded"  # from an older coder version than the pair's: ignored


@dataclass(slots=True)
class Applied:
    """What ``apply_event`` did, for the caller's history table and alert topic."""

    outcome: Outcome
    day: date | None = None
    dropped_days: list[date] = field(default_factory=list)
    alert: DyadAlert | None = None
    new_article: bool = False
    new_source: bool = False

    @property
    def changed(self) -> bool:
        """True if the state (and the day bucket) must be written: counted or mention."""
        return self.outcome in (Outcome.COUNTED, Outcome.MENTION)


def new_state(pair: str) -> DyadState:
    """An empty state for the unordered pair key ``A-B``."""
    a, b = pair.split("-")
    return DyadState(pair=pair, a=a, b=b)


def _remember(items: list[str], item: str, keep: int) -> bool:
    """Append ``item`` unless present (bounded); True if it was new."""
    if item in items:
        return False
    items.append(item)
    if len(items) > keep:
        del items[: len(items) - keep]
    return True


def _add_decayed(state: DyadState, when: datetime | None, goldstein: float,
                 half_life_days: float) -> None:
    reference = state.decay_reference
    weight = 1.0
    if when is not None and (reference is None or when > reference):
        if reference is not None:
            factor = decay_factor((when - reference).total_seconds(), half_life_days)
            state.tension *= factor
            state.cooperation *= factor
        state.decay_reference = when
    elif when is not None and reference is not None:
        weight = decay_factor((reference - when).total_seconds(), half_life_days)
    if goldstein < 0:
        state.tension += -goldstein * weight
    elif goldstein > 0:
        state.cooperation += goldstein * weight
    state.net = state.cooperation - state.tension


def _count_direction(counts: DirectedCounts, event: RelationEvent) -> None:
    counts.events += 1
    quad = str(event.quad_class)
    counts.by_quad[quad] = counts.by_quad.get(quad, 0) + 1
    counts.by_root[event.root_code] = counts.by_root.get(event.root_code, 0) + 1
    counts.goldstein_sum += event.goldstein


def _signature(event: RelationEvent) -> str:
    day = event.event_time.date().isoformat() if event.event_time else "undated"
    return f"{event.source}>{event.target}:{event.root_code}:{day}"


def was_counted(state: DyadState, event: RelationEvent) -> bool:
    """Whether an event the pair already applied counted in the indexes (first report) or
    only as a mention; an event whose mention record has expired is taken as counted."""
    record = state.mention_records.get(_signature(event))
    return record is None or record.first_article == event.article_id


def _record_mention(state: DyadState, event: RelationEvent, keep: int) -> bool:
    """Count the report; True if the event counts in the indexes (first reporting article)."""
    record = state.mention_records.setdefault(
        _signature(event), MentionRecord(first_article=event.article_id))
    record.mentions += 1
    state.mentions += 1
    if _remember(record.article_ids, event.article_id, keep):
        record.articles += 1
    if event.article_source and _remember(record.source_names, event.article_source, keep):
        record.sources += 1
    return record.first_article == event.article_id


def _count_event(state: DyadState, event: RelationEvent, policy: AggregationPolicy) -> None:
    _count_direction(state.a_to_b if event.source == state.a else state.b_to_a, event)
    state.events += 1
    state.goldstein_sum += event.goldstein
    state.goldstein_mean = state.goldstein_sum / state.events
    _add_decayed(state, event.event_time, event.goldstein, policy.half_life_days)
    if policy.recent_events_kept:
        state.recent_events.append(event)
        del state.recent_events[: max(0, len(state.recent_events) - policy.recent_events_kept)]


def _count_report(state: DyadState, event: RelationEvent, policy: AggregationPolicy,
                  applied: Applied) -> None:
    if event.event_time is not None and (
        state.last_event_time is None or event.event_time > state.last_event_time
    ):
        state.last_event_time = event.event_time
    articles = remember(state.seen_article_digests, fingerprint(event.article_id),
                        policy.articles_kept)
    if articles is not None:
        state.seen_article_digests = articles
        state.article_count += 1
        applied.new_article = True
    if event.article_source and _remember(state.seen_sources, event.article_source,
                                          policy.seen_ids_kept):
        state.source_count += 1
        applied.new_source = True


def _supersede(state: DyadState, event: RelationEvent) -> tuple[Outcome | None, list[date]]:
    """Compare coder versions: ignore older events, reset the pair for a newer coder."""
    if not state.coder_version:
        state.coder_version = event.coder_version
        return None, []
    ours, theirs = coder_version_key(state.coder_version), coder_version_key(event.coder_version)
    if theirs < ours:
        return Outcome.SUPERSEDED, []
    if theirs > ours:
        dropped = list(state.history_days)
        fresh = new_state(state.pair)
        for name in DyadState.model_fields:
            setattr(state, name, getattr(fresh, name))
        state.coder_version = event.coder_version
        return None, dropped
    return None, []


def apply_event(state: DyadState, event: RelationEvent, policy: AggregationPolicy,
                seen: bool = False, counts: bool | None = None) -> Applied:
    """Fold one event into ``state`` in place and say what moved (``seen``: the event's day
    bucket already holds it, so the pair applied it before, however long ago; ``counts``: the
    day bucket's verdict, event or mention, if the day is within the history window)."""
    if event.pair != state.pair:
        raise ValueError(f"event for {event.pair} applied to the state of {state.pair}")
    event = bounded_event(event, policy.evidence_chars)  # state keeps events: bound them
    superseded, dropped = _supersede(state, event)
    if superseded is not None:
        return Applied(superseded)
    events = remember(state.seen_event_digests, fingerprint(event.event_id), policy.seen_ids_kept)
    if events is None or seen:
        return Applied(Outcome.DUPLICATE, dropped_days=dropped)
    state.seen_event_digests = events
    day = event.event_time.date() if event.event_time is not None else None
    if day is not None:
        roll_day(state, event.event_time, policy.half_life_days)  # type: ignore[arg-type]
    counted = _record_mention(state, event, policy.names_kept)
    if counts is not None and state.coder_version == event.coder_version:
        counted = counts
    if counted:
        _count_event(state, event, policy)
    applied = Applied(Outcome.COUNTED if counted else Outcome.MENTION, dropped_days=dropped)
    _count_report(state, event, policy, applied)
    if day is not None:
        applied.day = _keep_history_day(state, day, policy, applied.dropped_days)
        if counted:
            applied.alert = check_alert(state, event, policy.alert_tension_rise,
                                        policy.recent_events_kept)
    return applied


def _keep_history_day(state: DyadState, day: date, policy: AggregationPolicy,
                      dropped: list[date]) -> date | None:
    """Track the day in the history window; expire old days and mention records."""
    latest = state.day or day
    oldest_kept = latest - timedelta(days=policy.history_days - 1)
    expired = [d for d in state.history_days if d < oldest_kept]
    dropped.extend(expired)
    kept = [d for d in state.history_days if d >= oldest_kept]
    if day >= oldest_kept and day not in kept:
        kept = sorted([*kept, day])
    state.history_days = kept
    mention_floor = (latest - timedelta(days=policy.mention_window_days)).isoformat()
    state.mention_records = {
        key: record for key, record in state.mention_records.items()
        if key.rsplit(":", 1)[1] >= mention_floor or key.endswith(":undated")
    }
    return day if day >= oldest_kept else None
