"""What each ``dyadwatch`` command does, except ``worker`` (``streams.cli.worker``).

None of these commands loads Faust, aiokafka or aiohttp (import-linter holds it, and
``tests/unit/test_offline_imports.py`` at run time): the Kafka ones use kafka-python. Each
``cmd_*`` takes the parsed arguments and returns the exit code; a ``DyadwatchError`` it
raises is printed as one line by ``streams.cli.main`` (exit code 1).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from schemas import jsonbytes
from streams.catalog import catalog
from streams.exceptions import InputError
from streams.settings import get_settings

__all__ = [
    "cmd_broker", "cmd_demo", "cmd_eval", "cmd_extract", "cmd_publish", "cmd_query",
    "cmd_rebuild", "cmd_recode", "cmd_schema", "cmd_settings", "cmd_topics",
]


def cmd_broker(args: argparse.Namespace) -> int:
    """``dyadwatch broker``: the embedded broker in the foreground until Ctrl-C / SIGTERM."""
    from streams.kafka.broker import run_broker_foreground

    settings = get_settings()
    host = args.host or settings.embedded_broker_host
    return run_broker_foreground(host, args.port or settings.embedded_broker_port)


def _progress(done: int, total: int) -> None:
    if sys.stderr.isatty() or done == total:
        end = "\n" if done == total else ""
        print(f"\racknowledged {done}/{total}", end=end, file=sys.stderr, flush=True)


def cmd_publish(args: argparse.Namespace) -> int:
    """``dyadwatch publish PATH...``: 0 if every article was acknowledged, else 1."""
    from streams.inputs import read_inputs
    from streams.kafka.publish import publish_articles

    report = publish_articles(get_settings(), read_inputs(args.paths), progress=_progress)
    for origin, reason in report.failed:
        print(f"FAILED {origin}: {reason}", file=sys.stderr)
    print(f"published {len(report.published)}, failed {len(report.failed)}", file=sys.stderr)
    return 0 if report.ok else 1


def cmd_query(args: argparse.Namespace) -> int:
    """``dyadwatch query``: the live table, one country's pairs, one pair or its history, over
    HTTP; countries by code or name (``India``, ``IND``, ``Indian``). Raises ``QueryError``,
    ``BadQuery`` (an unknown country)."""
    from streams.cli.render import format_dyad, format_history, format_rows
    from streams.countries import resolve_country, resolve_pair
    from streams.web.client import fetch_json

    url = get_settings().web_url
    as_of = {"as_of": args.as_of} if args.as_of else {}
    listing = {"sort": args.top, "limit": str(args.limit), "window": str(args.window), **as_of}
    if args.countries and len(args.countries) == 1:
        result = fetch_json(url, f"/countries/{resolve_country(args.countries[0])}", listing)
        total = result["total"]
        text = (f"{result['name']} ({result['country']}): {total} pair{'s' * (total != 1)}\n"
                f"{format_rows(result['dyads'])}")
        print(jsonbytes.dumps(result).decode() if args.json else text)
        return 0
    if args.countries:
        a, b = resolve_pair(*args.countries)
        if args.history:
            result = fetch_json(url, f"/dyads/{a}/{b}/history", {"days": str(args.days)})
            print(jsonbytes.dumps(result).decode() if args.json else format_history(result))
            return 0
        pair_params = {"window": str(args.window), **as_of}
        result = fetch_json(url, f"/dyads/{a}/{b}", pair_params)
        text = format_rows([result["summary"]]) if as_of else format_dyad(result)
        print(jsonbytes.dumps(result).decode() if args.json else text)
        return 0
    result = fetch_json(url, "/dyads", listing)
    print(jsonbytes.dumps(result).decode() if args.json else format_rows(result["dyads"]))
    return 0


def cmd_rebuild(args: argparse.Namespace) -> int:
    """``dyadwatch rebuild``: the tables from ``relation-events``; ``--check``: 1 on a difference."""
    from streams.cli.replay import differences, rebuild

    settings = get_settings()
    if args.check:
        _wait_caught_up(settings.web_url)  # compare with a worker that has read the whole log
    report = rebuild(settings)
    print(f"rebuilt from {catalog(settings).events.name}: {report.render()}", file=sys.stderr)
    if args.output:
        with open(args.output, "wb") as out:
            for state in report.ledger.states.values():
                out.write(jsonbytes.dumps_line({"dyad": state.model_dump(mode="json")}))
            for bucket in report.ledger.buckets.values():
                out.write(jsonbytes.dumps_line({"day": bucket.model_dump(mode="json")}))
    if not args.check:
        return 0
    found = differences(report, settings.web_url, settings)
    for line in found[:200]:
        print(f"DIFFERS {line}")
    print(f"{len(found)} differences with the live tables at {settings.web_url}", file=sys.stderr)
    return 1 if found else 0


def _wait_caught_up(url: str, timeout_s: float = 60.0) -> None:
    """Wait until the worker at ``url`` has no lag on its input topics; ``StreamsError`` (one
    line) if it still has after ``timeout_s`` (it would differ from a rebuild only for that)."""
    import time

    from streams.cli.processes import lag_total
    from streams.exceptions import StreamsError
    from streams.web.client import fetch_json

    deadline, behind = time.monotonic() + timeout_s, 0
    while time.monotonic() < deadline:
        health = fetch_json(url, "/health")
        behind = lag_total(health)
        if not behind and health.get("status") == "ok":
            return
        time.sleep(0.5)
    raise StreamsError(f"the worker at {url} is still catching up ({behind} records behind) after "
                       f"{timeout_s:.0f} s; compare again once it is ok")


def cmd_recode(args: argparse.Namespace) -> int:
    """``dyadwatch recode``: every article coded again, its events published (PublishError)."""
    from agents.coder import CODER_VERSION, default_coder
    from streams.cli.replay import recode

    report = recode(get_settings(), default_coder())
    print(f"recoded {report.articles} articles with {CODER_VERSION}: {report.events} events "
          f"published, {report.rejected} articles rejected", file=sys.stderr)
    return 0


def cmd_extract(args: argparse.Namespace) -> int:
    """``dyadwatch extract``: events of the inputs as JSON lines, coded as the worker codes them
    (``agents.steps.code_article``: the article's title stamped on its events, evidence cut to
    ``DYADWATCH_EVIDENCE_CHARS``); 1 if an input was unreadable or the coder failed on an article
    (each said in one line on stderr; the others are coded)."""
    from agents.coder import default_coder
    from agents.steps import Rejection, code_article
    from streams.inputs import read_inputs

    coder, evidence_chars = default_coder(), get_settings().evidence_chars
    out = sys.stdout.buffer
    failures = 0
    for source in read_inputs(args.inputs or ["-"]):
        coded = code_article(source.article, coder, None, evidence_chars) if source.article else None
        if coded is None or isinstance(coded, Rejection):
            why = (source.error if coded is None
                   else f"the coder failed on this article ({coded.detail[:160]})")
            print(f"dyadwatch extract: {source.origin}: {why}", file=sys.stderr)
            failures += 1
            continue
        for event in coded:
            out.write(event.__pydantic_serializer__.to_json(event) + b"\n")
    out.flush()
    return 1 if failures else 0


def cmd_eval(args: argparse.Namespace) -> int:
    """``dyadwatch eval GOLD...``: the coder's scores against the gold files."""
    from agents.coder.evaluate import evaluate_files
    from agents.coder.exceptions import CoderDataError

    paths = [Path(p) for p in args.gold]
    for path in paths:
        if path.is_dir():
            raise InputError(f"{path}: a folder, not a gold file (.jsonl records or a seed's .json)")
        if not path.exists():
            raise InputError(f"{path}: no such file")
    try:
        report = evaluate_files(paths)
    except CoderDataError as exc:  # names the file and line
        raise InputError(str(exc)) from None
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:  # a malformed file
        detail = " ".join(str(exc).split())[:200]
        raise InputError(f"cannot read the gold files {', '.join(map(str, paths))}: "
                         f"{type(exc).__name__}: {detail}") from None
    if getattr(args, "verbose", False):
        for record in report.details:
            if record.false_positives or record.false_negatives:
                print(record.render())
    print(report.render())
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    """``dyadwatch demo``: broker, worker, seeds and the live table (StreamsError, BrokerError)."""
    from streams.cli.demo import run_demo, seed_articles

    seed_articles(Path(args.seeds))  # (a missing folder is told before anything starts)
    return run_demo(get_settings(), Path(args.seeds), once=args.once)


def cmd_schema(args: argparse.Namespace) -> int:
    """``dyadwatch schema [NAME | --all]``: the published JSON Schema (2020-12, with ``$id`` and
    ``x-version``; ``schemas.contract``) of a record or of the summary row; without a name or
    with ``--all``, every one as one JSON object keyed by name. ``InputError`` for both."""
    from schemas.contract import all_published_schemas, published_schema

    if args.name and args.all:
        raise InputError("give a schema name or --all, not both")
    value: Any = published_schema(args.name) if args.name else all_published_schemas()
    print(jsonbytes.dumps(value, sort_keys=True).decode())
    return 0


def cmd_topics(args: argparse.Namespace) -> int:
    """``dyadwatch topics``: create the catalog's topics (BrokerError, ConfigurationError)."""
    from streams.catalog import topic_specs
    from streams.kafka.topics import ensure_topics

    settings = get_settings()
    created = ensure_topics(settings, timeout_s=settings.connect_timeout_s)
    for spec in topic_specs(settings):
        state = "created" if spec.name in created else "exists"
        print(f"{spec.name:32} partitions={spec.partitions:<3} {state}")
    return 0


def cmd_settings(args: argparse.Namespace) -> int:
    """``dyadwatch settings``: the settings in force as ``DYADWATCH_*=value``, secrets masked;
    a setting left unset whose value derives from others shows the value in use, with a
    comment saying so (``DYADWATCH_LAKE_DIR=/data/lake  # default: <DYADWATCH_DATA_DIR>/lake``)."""
    settings = get_settings()
    derived = settings.derived_defaults()
    for name, value in settings.redacted().items():
        if name in derived:
            used, rule = derived[name]
            print(f"DYADWATCH_{name.upper()}={used}  # default: {rule}")
        else:
            print(f"DYADWATCH_{name.upper()}={'' if value is None else value}")
    return 0
