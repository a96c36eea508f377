"""The ``dyadwatch`` command line: one subcommand per thing a user does."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import Any

from schemas import jsonbytes
from schemas.exceptions import DyadwatchError
from streams.settings import get_settings
from streams.web.queries import SORT_KEYS

__all__ = ["main"]


def _cmd_broker(args: argparse.Namespace) -> int:
    from streams.kafka.broker import run_broker_foreground

    settings = get_settings()
    host = args.host or settings.embedded_broker_host
    return run_broker_foreground(host, args.port or settings.embedded_broker_port)


def _cmd_worker(args: argparse.Namespace) -> int:
    from streams.cli.worker import run_worker

    return run_worker(get_settings())


def _progress(done: int, total: int) -> None:
    if sys.stderr.isatty() or done == total:
        end = "\n" if done == total else ""
        print(f"\racknowledged {done}/{total}", end=end, file=sys.stderr, flush=True)


def _cmd_publish(args: argparse.Namespace) -> int:
    from streams.inputs import read_inputs
    from streams.kafka.publish import publish_articles

    report = publish_articles(get_settings(), read_inputs(args.paths), progress=_progress)
    for origin, reason in report.failed:
        print(f"FAILED {origin}: {reason}", file=sys.stderr)
    print(f"published {len(report.published)}, failed {len(report.failed)}", file=sys.stderr)
    return 0 if report.ok else 1


def _cmd_events(args: argparse.Namespace) -> int:
    from streams.kafka.consume import read_topic
    from streams.web.queries import parse_pair

    settings = get_settings()
    key = None
    if args.pair:
        a, _, b = args.pair.partition("-")
        key = parse_pair(a, b).encode()
    out = sys.stdout.buffer
    for _, value in read_topic(settings, settings.events_topic, from_beginning=args.from_beginning,
                               follow=args.follow, key=key):
        out.write(value.rstrip(b"\n") + b"\n")
        out.flush()
    return 0


def _cmd_query(args: argparse.Namespace) -> int:
    from streams.web.client import fetch_json, format_dyad, format_history, format_rows

    url = get_settings().web_url
    if args.countries:
        a, b = args.countries
        if args.history:
            result = fetch_json(url, f"/dyads/{a}/{b}/history", {"days": str(args.days)})
            print(jsonbytes.dumps(result).decode() if args.json else format_history(result))
            return 0
        result = fetch_json(url, f"/dyads/{a}/{b}")
        print(jsonbytes.dumps(result).decode() if args.json else format_dyad(result))
        return 0
    params = {"sort": args.top, "limit": str(args.limit), "window": str(args.window)}
    result = fetch_json(url, "/dyads", params)
    print(jsonbytes.dumps(result).decode() if args.json else format_rows(result["dyads"]))
    return 0


def _cmd_alerts(args: argparse.Namespace) -> int:
    from streams.kafka.consume import read_topic

    settings = get_settings()
    out = sys.stdout.buffer
    for _, value in read_topic(settings, settings.alerts_topic, from_beginning=args.from_beginning,
                               follow=args.follow):
        out.write(value.rstrip(b"\n") + b"\n")
        out.flush()
    return 0


def _cmd_rebuild(args: argparse.Namespace) -> int:
    from streams.cli.replay import differences, rebuild

    settings = get_settings()
    report = rebuild(settings)
    print(f"rebuilt from {settings.events_topic}: {report.render()}", file=sys.stderr)
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


def _cmd_recode(args: argparse.Namespace) -> int:
    from agents.coder import CODER_VERSION, default_coder
    from streams.cli.replay import recode

    report = recode(get_settings(), default_coder())
    print(f"recoded {report.articles} articles with {CODER_VERSION}: {report.events} events "
          f"published, {report.rejected} articles rejected", file=sys.stderr)
    return 0


def _cmd_extract(args: argparse.Namespace) -> int:
    from agents.coder import default_coder
    from streams.inputs import read_inputs

    coder = default_coder()
    out = sys.stdout.buffer
    failures = 0
    for source in read_inputs(args.inputs or ["-"]):
        if source.article is None:
            print(f"{source.origin}: {source.error}", file=sys.stderr)
            failures += 1
            continue
        for event in coder.extract(source.article):
            out.write(event.__pydantic_serializer__.to_json(event) + b"\n")
    out.flush()
    return 1 if failures else 0


def _cmd_eval(args: argparse.Namespace) -> int:
    from agents.coder.evaluate import evaluate_files

    print(evaluate_files([Path(p) for p in args.gold]).render())
    return 0


def _cmd_demo(args: argparse.Namespace) -> int:
    from streams.cli.demo import run_demo

    return run_demo(get_settings(), Path(args.seeds), once=args.once)


def _cmd_schema(args: argparse.Namespace) -> int:
    from schemas.models import Article, DayBucket, DeadLetter, DyadAlert, DyadState, RelationEvent

    model: Any = {"events": RelationEvent, "articles": Article, "dyads": DyadState,
                  "dyad-days": DayBucket, "dyad-alerts": DyadAlert,
                  "dead-letters": DeadLetter}[args.name]
    print(jsonbytes.dumps(model.model_json_schema(), sort_keys=True).decode())
    return 0


def _cmd_topics(args: argparse.Namespace) -> int:
    from streams.catalog import topic_specs
    from streams.kafka.topics import ensure_topics

    created = ensure_topics(get_settings())
    for spec in topic_specs(get_settings()):
        state = "created" if spec.name in created else "exists"
        print(f"{spec.name:32} partitions={spec.partitions:<3} {state}")
    return 0


def _cmd_settings(args: argparse.Namespace) -> int:
    for name, value in get_settings().redacted().items():
        print(f"DYADWATCH_{name.upper()}={'' if value is None else value}")
    return 0


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"dyadwatch {version('dyadwatch')}"
    except PackageNotFoundError:
        return "dyadwatch (not installed)"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="dyadwatch", description=__doc__)
    parser.add_argument("--version", action="version", version=_version())
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("broker", help="run the embedded Kafka-protocol broker (Tansu)")
    p.add_argument("--host")
    p.add_argument("--port", type=int)
    p.set_defaults(run=_cmd_broker)
    sub.add_parser("worker", help="run a Faust worker").set_defaults(run=_cmd_worker)
    p = sub.add_parser("publish", help="publish articles (files, folders, - for stdin)")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.set_defaults(run=_cmd_publish)
    p = sub.add_parser("events", help="print relation events as JSON lines")
    p.add_argument("--from-beginning", action="store_true")
    p.add_argument("--follow", action="store_true")
    p.add_argument("--pair", help="only this pair, e.g. IND-PAK")
    p.set_defaults(run=_cmd_events)
    p = sub.add_parser("query", help="query the live pair table over HTTP")
    p.add_argument("countries", nargs="*", metavar="CODE", help="two codes: one pair")
    p.add_argument("--top", choices=SORT_KEYS, default="tension")
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--window", type=int, default=1, help="days for --top change (default 1)")
    p.add_argument("--history", action="store_true", help="a pair's daily history")
    p.add_argument("--days", type=int, default=30, help="days of --history (default 30)")
    p.add_argument("--json", action="store_true", help="print the raw JSON answer")
    p.set_defaults(run=_cmd_query)
    p = sub.add_parser("alerts", help="print dyad alerts as JSON lines")
    p.add_argument("--from-beginning", action="store_true")
    p.add_argument("--follow", action="store_true")
    p.set_defaults(run=_cmd_alerts)
    p = sub.add_parser("rebuild", help="recompute the pair tables from relation-events")
    p.add_argument("--output", metavar="FILE", help="write the tables as JSON lines")
    p.add_argument("--check", action="store_true",
                   help="compare with the live worker field by field (exit 1 on a difference)")
    p.set_defaults(run=_cmd_rebuild)
    sub.add_parser("recode", help="re-code every article with the current coder").set_defaults(
        run=_cmd_recode)
    p = sub.add_parser("extract", help="code articles offline (JSON lines in, events out)")
    p.add_argument("inputs", nargs="*", metavar="FILE",
                   help="JSON lines (also .json, .txt/.md, folders); - or nothing: stdin")
    p.set_defaults(run=_cmd_extract)
    p = sub.add_parser("eval", help="score the coder against gold files")
    p.add_argument("gold", nargs="+", metavar="GOLD")
    p.set_defaults(run=_cmd_eval)
    p = sub.add_parser("demo", help="broker + worker + seeds + live table")
    p.add_argument("--once", action="store_true", help="exit after printing the table")
    p.add_argument("--seeds", default="seeds")
    p.set_defaults(run=_cmd_demo)
    p = sub.add_parser("schema", help="print a JSON Schema")
    p.add_argument("name", choices=("events", "articles", "dyads", "dyad-days", "dyad-alerts",
                                     "dead-letters"))
    p.set_defaults(run=_cmd_schema)
    sub.add_parser("topics", help="create the topics").set_defaults(run=_cmd_topics)
    sub.add_parser("settings", help="print the settings in force").set_defaults(run=_cmd_settings)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "query":
        if len(args.countries) not in (0, 2):
            print("dyadwatch query: give two country codes or none", file=sys.stderr)
            return 2
        args.countries = args.countries or None
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    # kafka-python logs every reconnection attempt; commands report failures themselves.
    logging.getLogger("kafka").setLevel(logging.CRITICAL)
    try:
        return int(args.run(args))
    except DyadwatchError as exc:
        print(f"dyadwatch {args.command}: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
