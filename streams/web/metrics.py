"""The worker's counters in the Prometheus text exposition format (``GET /metrics``).

::

    # HELP dyadwatch_articles_processed_total Articles coded (events sent or none found).
    # TYPE dyadwatch_articles_processed_total counter
    dyadwatch_articles_processed_total 12
    dyadwatch_dead_letters_total{stage="decode",reason="invalid_json"} 1
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["CONTENT_TYPE", "COUNTERS", "render_metrics"]

CONTENT_TYPE = "text/plain; version=0.0.4"
PREFIX = "dyadwatch_"
COUNTERS: dict[str, str] = {
    "articles_processed": "Articles coded (events sent or none found).",
    "events_emitted": "Relation events sent to the events topic.",
    "events_folded": "Relation events read by the aggregation (every outcome below).",
    "events_counted": "Relation events counted in the pair indexes (new events).",
    "events_mention": "Relation events that repeat a counted event (mentions).",
    "events_duplicate": "Relation events already applied (redelivered), ignored.",
    "events_superseded": "Relation events of an older coder version than the pair's, ignored.",
    "alerts_raised": "Tension alerts sent to the alerts topic.",
}


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"')


def _counter(name: str, help_text: str, samples: list[tuple[str, int]]) -> list[str]:
    metric = f"{PREFIX}{name}_total"
    lines = [f"# HELP {metric} {help_text}", f"# TYPE {metric} counter"]
    lines.extend(f"{metric}{labels} {value}" for labels, value in samples)
    return lines


def render_metrics(counters: Mapping[str, int], dead_letters: Mapping[str, int],
                   up: bool) -> str:
    """The exposition text: every known counter (0 if never counted), dead letters by reason."""
    lines: list[str] = []
    for name, help_text in COUNTERS.items():
        lines += _counter(name, help_text, [("", counters.get(name, 0))])
    for name in sorted(set(counters) - set(COUNTERS)):
        lines += _counter(name, f"Worker counter {name}.", [("", counters[name])])
    letters = []
    for key, value in sorted(dead_letters.items()):
        stage, _, reason = key.partition(":")
        letters.append((f'{{stage="{_escape(stage)}",reason="{_escape(reason)}"}}', value))
    lines += _counter("dead_letters", "Records sent to the dead-letter topic, by stage and reason.",
                      letters)
    lines += [f"# HELP {PREFIX}up 1 once the worker has recovered its tables and is not rebalancing.",
              f"# TYPE {PREFIX}up gauge", f"{PREFIX}up {int(up)}"]
    return "\n".join(lines) + "\n"
