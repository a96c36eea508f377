"""The ``dyadwatch`` command line: one subcommand per thing a user does."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable
from datetime import datetime

from pydantic import ValidationError

from schemas.exceptions import DyadwatchError
from streams.cli import commands, reading
from streams.cli.store_commands import add_store_commands
from streams.settings import get_settings, unknown_variables
from streams.web.queries import SORT_KEYS

__all__ = ["main"]


def _cmd_worker(args: argparse.Namespace) -> int:
    """``dyadwatch worker``: the only command that loads Faust."""
    from streams.cli.worker import run_worker

    return run_worker(get_settings())


def _version() -> str:
    """``dyadwatch 0.1.0 (coder dyadwatch-coder/0.3.19)``: the package and the coder version its
    events carry (loads the coder's modules, so it is read only when asked)."""
    from importlib.metadata import PackageNotFoundError, version

    from agents.coder import CODER_VERSION

    try:
        return f"dyadwatch {version('dyadwatch')} (coder {CODER_VERSION})"
    except PackageNotFoundError:
        return f"dyadwatch (not installed) (coder {CODER_VERSION})"


class _VersionAction(argparse.Action):
    """``--version``: prints ``_version()`` and exits 0, computed only when it is given."""

    def __init__(self, option_strings: list[str], dest: str = argparse.SUPPRESS, **_: object) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS,
                         help="print the package and coder versions and exit")

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: object, option_string: str | None = None) -> None:
        print(_version())
        parser.exit()


def _counted(low: int, high: int) -> Callable[[str], int]:
    """An argparse type: a whole number from ``low`` to ``high`` (a clear one-line error else)."""
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{value} is not between {low} and {high}")
        return value
    return parse


def _day(text: str) -> str:
    """An argparse type: an ISO 8601 date or date-time (checked here, sent as written)."""
    try:
        datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not an ISO 8601 date or time") from None
    return text


def _add_topic_reading(p: argparse.ArgumentParser) -> None:
    """--from-beginning, --follow, --group of the commands that print a topic."""
    p.add_argument("--follow", action="store_true",
                   help="keep printing new records (starts at the end unless --from-beginning)")
    p.add_argument("--from-beginning", action="store_true",
                   help="with --follow: start at the beginning (without --follow it always does)")
    p.add_argument("--group", help="a consumer group: resume from its committed offsets, "
                                   "commit what was printed")


def _add_pipeline_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """broker, worker, publish, events."""
    p = sub.add_parser("broker", help="run the embedded Kafka-protocol broker (Tansu)")
    p.add_argument("--host", help="address to listen on (default: DYADWATCH_EMBEDDED_BROKER_HOST)")
    p.add_argument("--port", type=_counted(1, 65535),
                   help="port to listen on (default: DYADWATCH_EMBEDDED_BROKER_PORT)")
    p.set_defaults(run=commands.cmd_broker)
    sub.add_parser("worker", help="run a Faust worker").set_defaults(run=_cmd_worker)
    p = sub.add_parser("publish", help="publish articles (files, folders, - for stdin)")
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="article files (.jsonl, .json, .txt, .md) or folders of them; - for stdin")
    p.set_defaults(run=commands.cmd_publish)
    p = sub.add_parser("events", help="print relation events as JSON lines")
    _add_topic_reading(p)
    p.add_argument("--pair", help="only this pair, e.g. IND-PAK")
    p.set_defaults(run=reading.cmd_events)


def _add_reading_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """query, alerts."""
    p = sub.add_parser("query", help="query the live pair table over HTTP")
    p.add_argument("countries", nargs="*", metavar="COUNTRY",
                   help="one country (code or name: IND, India, Indian): its pairs; two: one pair")
    p.add_argument("--top", choices=SORT_KEYS, default="tension",
                   help="order of the pairs (default tension)")
    p.add_argument("--limit", type=_counted(1, 10_000), default=20,
                   help="how many pairs to print (default 20)")
    p.add_argument("--window", type=_counted(1, 3650), default=1, help="days for --top change (default 1)")
    p.add_argument("--as-of", metavar="ISO", type=_day, help="as the pairs stood then: only events at or "
                   "before it, decayed to it (a date: the end of that UTC day)")
    p.add_argument("--history", action="store_true", help="a pair's daily history")
    p.add_argument("--days", type=_counted(1, 3650), default=30, help="days of --history (default 30)")
    p.add_argument("--json", action="store_true", help="print the raw JSON answer")
    p.set_defaults(run=commands.cmd_query)
    p = sub.add_parser("alerts", help="print dyad alerts as JSON lines")
    _add_topic_reading(p)
    p.set_defaults(run=reading.cmd_alerts)
    p = sub.add_parser("dead-letters", help="print the dead letters as JSON lines")
    _add_topic_reading(p)
    p.set_defaults(run=reading.cmd_dead_letters)


def _add_replay_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """rebuild, recode, extract, eval."""
    p = sub.add_parser("rebuild", help="recompute the pair tables from relation-events")
    p.add_argument("--output", metavar="FILE", help="write the tables as JSON lines")
    p.add_argument("--check", action="store_true",
                   help="compare with the live worker field by field (exit 1 on a difference)")
    p.set_defaults(run=commands.cmd_rebuild)
    sub.add_parser("recode", help="re-code every article with the current coder").set_defaults(
        run=commands.cmd_recode)
    p = sub.add_parser(
        "extract", help="code articles offline (JSON lines in, events out)",
        description="Code articles offline and print their relation events as JSON lines. An article "
                    'is a JSON object {"id", "text", and optional "title", "published" (ISO 8601 '
                    'date: office-holders and "last week" are read as of it; without it, event_time is '
                    'null and office-holders are the current ones), "url", "source"}, one per line; '
                    "a .json file holds one or a list; a .txt/.md file or plain text on stdin is one "
                    "article whose first line is its title (not coded).")
    p.add_argument("inputs", nargs="*", metavar="FILE",
                   help="JSON lines (also .json, .txt/.md, folders); - or nothing: stdin")
    p.set_defaults(run=commands.cmd_extract)
    p = sub.add_parser(
        "eval", help="score the coder against gold files",
        description="Score the coder against gold files: precision, recall and F1 at event level "
                    "(source, target, quad class) and at pair level. A gold file holds JSON lines "
                    '{"id", "text", optional "published", "events": [{"source", "target", "quad", '
                    '"code"}], optional "ambiguous_events" (scored as "don\'t care")}, or is a seed\'s '
                    ".json (its article beside it).")
    p.add_argument("gold", nargs="+", metavar="GOLD",
                   help="gold files (.jsonl records, or a seed's expected .json)")
    p.add_argument("-v", "--verbose", action="store_true",
                   help="list each record's false events (CAMEO code, sentence) and misses")
    p.set_defaults(run=commands.cmd_eval)


def _add_setup_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """demo, schema, topics, settings."""
    p = sub.add_parser("demo", help="broker + worker + seeds + live table")
    p.add_argument("--once", action="store_true", help="exit after printing the table")
    p.add_argument("--seeds", default="seeds", help="folder of articles to publish (default seeds)")
    p.set_defaults(run=commands.cmd_demo)
    p = sub.add_parser("schema", help="print a published JSON Schema (all of them without a name)")
    p.add_argument("name", nargs="?", choices=("events", "articles", "dyads", "dyad-days",
                                               "dyad-alerts", "dead-letters", "summary"))
    p.add_argument("--all", action="store_true", help="every schema, keyed by name (the default)")
    p.set_defaults(run=commands.cmd_schema)
    sub.add_parser("topics", help="create the topics").set_defaults(run=commands.cmd_topics)
    sub.add_parser("settings", help="print the settings in force").set_defaults(run=commands.cmd_settings)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="dyadwatch", description=(__doc__ or "").replace("``", ""))
    parser.add_argument("--version", action=_VersionAction)
    sub = parser.add_subparsers(dest="command", required=True)
    for add in (_add_pipeline_commands, _add_reading_commands, _add_replay_commands,
                _add_setup_commands, add_store_commands):
        add(sub)
    for action in sub._choices_actions:  # each command's --help opens with its one-line summary
        command = sub.choices[action.dest]
        command.description = command.description or action.help
    return parser



def _bad_setting(exc: ValidationError) -> str:
    """One line naming the first malformed ``DYADWATCH_*`` variable and what is wrong."""
    error = exc.errors()[0]
    name = "DYADWATCH_" + str(error["loc"][0]).upper() if error["loc"] else "a DYADWATCH_* setting"
    more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
    return f"bad setting {name}={error.get('input')!r}: {error['msg']}{more}"


def main(argv: list[str] | None = None) -> int:
    """Run ``dyadwatch ARGV`` (default: ``sys.argv[1:]``); returns the exit code.

    0 on success, 1 for a ``DyadwatchError`` (printed as one line, no traceback), 2 for bad
    arguments or a malformed ``DYADWATCH_*`` setting (one line naming it), 130 on Ctrl-C, 141
    (silently) when the reader of stdout went away (``| head``); other exceptions propagate.
    """
    args = _parser().parse_args(argv)
    if args.command == "query":
        if len(args.countries) > 2 or (len(args.countries) != 2 and args.history):
            print("dyadwatch query: give one country, two (a pair) or none; --history needs two",
                  file=sys.stderr)
            return 2
        args.countries = args.countries or None
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    # kafka-python logs every reconnection attempt; commands report failures themselves.
    logging.getLogger("kafka").setLevel(logging.CRITICAL)
    for line in unknown_variables():  # a misspelled setting would otherwise be ignored unsaid
        print(f"dyadwatch {args.command}: {line}", file=sys.stderr)
    try:
        return int(args.run(args))
    except DyadwatchError as exc:
        print(f"dyadwatch {args.command}: {exc}", file=sys.stderr)
        return 1
    except ValidationError as exc:
        if exc.title != "Settings":
            raise
        print(f"dyadwatch {args.command}: {_bad_setting(exc)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # "dyadwatch events | head": the reader left; nothing to report
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141


if __name__ == "__main__":
    sys.exit(main())
