"""The commands that print a topic as JSON lines: ``events``, ``alerts``, ``dead-letters``.

Each reads through ``streams.kafka.consume.read_topic`` (kafka-python; where it starts,
``--group`` and ``--follow``: see there) and writes one JSON object a line on stdout.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from schemas import jsonbytes
from streams.catalog import catalog
from streams.settings import get_settings

__all__ = ["RAW_CHARS", "cmd_alerts", "cmd_dead_letters", "cmd_events", "dead_letter_line"]

RAW_CHARS = 60  # base64 characters of a dead letter's raw bytes shown by ``dead-letters``


def _print_topic(topic: str, args: argparse.Namespace, key: bytes | None = None,
                 render: Any = None) -> int:
    from streams.kafka.consume import read_topic

    out = sys.stdout.buffer
    for _, value in read_topic(get_settings(), topic, from_beginning=args.from_beginning,
                               follow=args.follow, key=key, group=args.group):
        out.write((render(value) if render else value.rstrip(b"\n")) + b"\n")
        out.flush()
    return 0


def _pair_key(text: str) -> bytes:
    from streams.countries import resolve_pair_text

    return "-".join(sorted(resolve_pair_text(text, "--pair"))).encode()


def cmd_events(args: argparse.Namespace) -> int:
    """``dyadwatch events``: relation events as JSON lines on stdout (``--pair``: one pair)."""
    key = _pair_key(args.pair) if args.pair else None
    return _print_topic(catalog(get_settings()).events.name, args, key)


def cmd_alerts(args: argparse.Namespace) -> int:
    """``dyadwatch alerts``: tension alerts as JSON lines on stdout."""
    return _print_topic(catalog(get_settings()).alerts.name, args)


def dead_letter_line(value: bytes, raw_chars: int = RAW_CHARS) -> bytes:
    """One dead letter as a JSON line: where it came from, stage, reason, detail, key, sizes
    and its raw bytes in base64 cut to ``raw_chars`` (``…`` marks the cut)."""
    try:
        letter = jsonbytes.loads(value)
    except ValueError:
        letter = None
    if not isinstance(letter, dict):
        return jsonbytes.dumps({"error": "not a dead letter", "size": len(value)})
    raw = str(letter.get("raw_b64") or "")
    fields = ("at", "topic", "partition", "offset", "stage", "reason", "detail", "key",
              "key_size", "raw_size")
    shown = {name: letter.get(name) for name in fields}
    shown["raw_b64"] = raw if len(raw) <= raw_chars else raw[:raw_chars] + "…"
    return jsonbytes.dumps(shown)


def cmd_dead_letters(args: argparse.Namespace) -> int:
    """``dyadwatch dead-letters``: the dead letters as JSON lines on stdout."""
    return _print_topic(catalog(get_settings()).dead_letters.name, args, render=dead_letter_line)
