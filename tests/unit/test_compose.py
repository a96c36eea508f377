"""docker-compose.yml and the Dockerfile, checked for consistency (no Docker, no broker).

No Docker engine runs in CI, so nothing is built or started here: the compose file is loaded
and checked (``tests/compose_checks.py``) against ``streams.settings`` (every ``DYADWATCH_*``
name a real field, every value one that parses), against the broker's own listeners and
against what production needs: one image built once, workers at stable addresses, the input
topics kept at least as long as the history, compacted changelogs, a Dockerfile that caches
its dependency layer. The second half of this module breaks copies of the real files to show
that each check can fail.
"""

from __future__ import annotations

import copy
import re
import tomllib
from collections.abc import Callable
from typing import Any

import pytest

from tests.compose_checks import app_services, check_compose, check_dockerfile
from tests.compose_read import (
    DOCKERFILE,
    DOCKERIGNORE,
    PYPROJECT,
    ConfigProblem,
    load_compose,
    service_env,
    settings_from_env,
)

# --- the real files -----------------------------------------------------------------------

@pytest.fixture(autouse=True)
def _no_dyadwatch_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Settings come from the compose file only, not from this shell."""
    import os

    for key in [key for key in os.environ if key.upper().startswith("DYADWATCH_")]:
        monkeypatch.delenv(key)


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    return load_compose()


def test_compose_is_consistent(compose: dict[str, Any]) -> None:
    check_compose(compose)


def test_partition_counts_come_from_one_place(compose: dict[str, Any]) -> None:
    services = compose["services"]
    shared = compose["x-dyadwatch-env"]
    for name in app_services(services):
        env = service_env(services[name])
        for key in ("DYADWATCH_ARTICLES_PARTITIONS", "DYADWATCH_EVENTS_PARTITIONS"):
            assert env[key] == str(shared[key]), f"{name} overrides {key}"
    worker = settings_from_env(service_env(services["worker-1"]))
    assert worker.events_partitions >= 2, "one partition leaves nothing for a second worker"


def test_dockerfile_is_consistent() -> None:
    check_dockerfile(DOCKERFILE.read_text(encoding="utf-8"))
    scripts = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]["scripts"]
    assert scripts["dyadwatch"] == "streams.cli.main:main", "the ENTRYPOINT runs this script"
    ignored = set(DOCKERIGNORE.read_text(encoding="utf-8").split())
    assert {".venv/", ".git/", "tests/artifacts/"} <= ignored


# --- each check can fail --------------------------------------------------------------------

Mutation = Callable[[dict[str, Any]], None]


def _set_env(service: str, **values: str | None) -> Mutation:
    def mutate(doc: dict[str, Any]) -> None:
        env = service_env(doc["services"][service])
        for key, value in values.items():
            if value is None:
                env.pop(key, None)
            else:
                env[key] = value
        doc["services"][service]["environment"] = env
    return mutate


def _set(service: str, key: str, value: Any) -> Mutation:
    def mutate(doc: dict[str, Any]) -> None:
        if value is None:
            doc["services"][service].pop(key, None)
        else:
            doc["services"][service][key] = value
    return mutate


def _drop_workers(doc: dict[str, Any]) -> None:
    for name in app_services(doc["services"])[1:]:
        del doc["services"][name]


BROKEN_COMPOSE: dict[str, tuple[Mutation, str]] = {
    "typo in a setting name": (_set_env("worker-1", DYADWATCH_EVENT_PARTITIONS="8"),
                               "DYADWATCH_EVENT_PARTITIONS is not a field"),
    "partition counts diverge": (_set_env("worker-1", DYADWATCH_EVENTS_PARTITIONS="4"),
                                 "disagree on the topics, partition counts"),
    "a value Settings rejects": (_set_env("topics", DYADWATCH_LOG_LEVEL="verbose"),
                                 "topics: invalid settings"),
    "partitions left to the default": (_set_env("topics", DYADWATCH_ARTICLES_PARTITIONS=None),
                                       "not set explicitly"),
    "bootstrap on the host listener": (
        _set_env("worker-1", DYADWATCH_BOOTSTRAP_SERVERS="broker:9092"), "is not advertised"),
    "internal listener not advertised": (
        _set_env("broker", KAFKA_ADVERTISED_LISTENERS="PLAINTEXT_HOST://localhost:9092"),
        "bootstrap broker:19092 is not advertised"),
    "not combined mode": (_set_env("broker", KAFKA_PROCESS_ROLES="broker"), "KRaft combined"),
    "another image": (_set("broker", "image", "bitnami/kafka:3.9"), "apache/kafka"),
    "unpinned image": (_set("broker", "image", "apache/kafka:latest"), "pinned"),
    "log dirs not on a volume": (_set("broker", "volumes", None), "named volume"),
    "voter on the wrong port": (
        _set_env("broker", KAFKA_CONTROLLER_QUORUM_VOTERS="1@broker:19092"), "quorum voter"),
    "bind address only": (_set_env("worker-1", DYADWATCH_WEB_HOST="127.0.0.1"), "0.0.0.0"),
    "session below Kafka's minimum": (_set_env("worker-1", DYADWATCH_SESSION_TIMEOUT_S="3"),
                                      "group.min.session.timeout.ms"),
    "worker starts before topics": (
        _set("worker-1", "depends_on", {"topics": {"condition": "service_started"}}),
        "service_completed_successfully"),
    "topics before the broker is healthy": (_set("topics", "depends_on", ["broker"]),
                                            "service_healthy"),
    "wrong command": (_set("topics", "command", ["worker"]), "expected \\['topics'\\]"),
    "no worker": (_drop_workers, "services missing"),
    "a worker at a moving address": (_set("worker-1", "hostname", None), "fixed hostname"),
    "advertised another host": (_set_env("worker-1", DYADWATCH_ADVERTISED_HOST="0.0.0.0"),
                                "must be its fixed hostname"),
    "two workers on one host port": (_set("worker-2", "ports", ["127.0.0.1:6066:6066"]),
                                     "workers share a host port"),
    "host port on every interface": (_set("worker-1", "ports", ["6066:6066"]), "127.0.0.1"),
    "two workers share a store": (_set("worker-2", "volumes", ["worker-1-data:/data"]),
                                  "workers share a store volume"),
    "store on an anonymous volume": (_set("worker-1", "volumes", ["/data"]), "named volume"),
    "the image built twice": (_set("worker-1", "build", "."), "exactly one service"),
    "the image not reused": (_set("worker-2", "image", "python:3.11-slim"), "built once"),
    "the built image unnamed": (_set("topics", "image", None), "without naming the image"),
    "input topics deleted after a week": (_set_env("topics", DYADWATCH_RETENTION_MS="604800000"),
                                          "shorter than the history"),
    "workers expect another retention": (_set_env("worker-2", DYADWATCH_RETENTION_MS="1"),
                                         "disagree"),
}


@pytest.mark.parametrize("mutation, message", BROKEN_COMPOSE.values(), ids=BROKEN_COMPOSE.keys())
def test_check_compose_fails_on_a_broken_copy(compose: dict[str, Any], mutation: Mutation,
                                              message: str) -> None:
    broken = copy.deepcopy(compose)
    mutation(broken)
    with pytest.raises(ConfigProblem, match=message):
        check_compose(broken)


BROKEN_DOCKERFILE = {
    "other base": (r"FROM python:3\.11-slim", "FROM python:3.12", "python:3.11-slim"),
    "no install": (r"pip install --no-deps \.", "pip install -r requirements.txt", "pip install"),
    "root user": (r"USER dyadwatch", "USER root", "non-root"),
    "other entrypoint": (r'ENTRYPOINT \["dyadwatch"\]', 'ENTRYPOINT ["python"]', "ENTRYPOINT"),
    "no healthcheck": (r"HEALTHCHECK", "# HEALTHCHECK", "HEALTHCHECK"),
    "source copied before the dependencies": (r"COPY pyproject\.toml \./", "COPY . .",
                                              "dependency layer is not cached"),
}


@pytest.mark.parametrize("pattern, replacement, message", BROKEN_DOCKERFILE.values(),
                         ids=BROKEN_DOCKERFILE.keys())
def test_check_dockerfile_fails_on_a_broken_copy(pattern: str, replacement: str,
                                                 message: str) -> None:
    text = DOCKERFILE.read_text(encoding="utf-8")
    broken, count = re.subn(pattern, replacement, text)
    assert count, f"{pattern!r} not found in the Dockerfile"
    with pytest.raises(ConfigProblem, match=message):
        check_dockerfile(broken)
