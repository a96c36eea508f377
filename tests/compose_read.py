"""Reading docker-compose.yml values for the compose checks (``tests/compose_checks.py``)."""

from __future__ import annotations

import re
import warnings
from pathlib import Path
from typing import Any

import yaml

from streams.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
COMPOSE = ROOT / "docker-compose.yml"
DOCKERFILE = ROOT / "Dockerfile"
DOCKERIGNORE = ROOT / ".dockerignore"
PYPROJECT = ROOT / "pyproject.toml"

TOPICS = "topics"  # the one-shot job; workers are the services named worker-N
WORKER = re.compile(r"^worker-\d+$")
KAFKA_MIN_SESSION_TIMEOUT_MS = 6000  # Apache Kafka's default group.min.session.timeout.ms
SETTING_NAME = re.compile(r"\bDYADWATCH_([A-Z][A-Z0-9_]*)")


class ConfigProblem(AssertionError):
    """The compose file or the Dockerfile is inconsistent; the message lists every problem."""


# --- reading compose values ---------------------------------------------------------------

def load_compose() -> dict[str, Any]:
    doc = yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))
    assert isinstance(doc, dict), "docker-compose.yml is not a mapping"
    return doc


def service_env(service: dict[str, Any]) -> dict[str, str]:
    """A service's environment as strings, from the mapping or the ``KEY=VALUE`` list form."""
    raw = service.get("environment") or {}
    if isinstance(raw, list):
        raw = dict(item.split("=", 1) if "=" in item else (item, "") for item in raw)
    return {str(key): "" if value is None else str(value) for key, value in raw.items()}


def settings_from_env(env: dict[str, str]) -> Settings:
    """What a dyadwatch process in that container reads (raises ValidationError)."""
    fields = {key.removeprefix("DYADWATCH_").lower(): value for key, value in env.items()
              if key.startswith("DYADWATCH_")}
    known = {name: value for name, value in fields.items() if name in Settings.model_fields}
    return Settings(_env_file=None, **known)


def topic_specs_of(settings: Settings) -> list[Any]:
    """``streams.catalog.topic_specs``: what ``dyadwatch topics`` creates and workers expect."""
    with warnings.catch_warnings():
        # kafka-python's import uses importlib.resources.read_text (deprecated in 3.11).
        warnings.simplefilter("ignore", DeprecationWarning)
        from streams.catalog import topic_specs
    return topic_specs(settings)


def parse_listeners(value: str) -> dict[str, tuple[str, int]]:
    """``NAME://host:port,...`` as {name: (host, port)}."""
    listeners = {}
    for item in filter(None, (part.strip() for part in value.split(","))):
        name, sep, address = item.partition("://")
        if not sep:
            raise ConfigProblem(f"listener {item!r} is not NAME://host:port")
        host, _, port = address.rpartition(":")
        listeners[name] = (host, int(port))
    return listeners


def host_port(address: str) -> tuple[str, int]:
    host, _, port = address.strip().rpartition(":")
    return host, int(port)


def published_ports(service: dict[str, Any]) -> list[tuple[str, str]]:
    """Each ``ports`` entry as (published host part, container port); '' if none published."""
    found = []
    for entry in service.get("ports") or []:
        if isinstance(entry, dict):
            found.append((str(entry.get("published") or ""), str(entry.get("target", ""))))
            continue
        parts = str(entry).split("/", 1)[0].split(":")
        published = {1: "", 2: parts[0], 3: parts[1]}.get(len(parts), parts[-2])
        found.append((published, parts[-1]))
    return found


def volume_mounts(service: dict[str, Any]) -> list[tuple[str | None, str]]:
    """Each ``volumes`` entry as (source or None for an anonymous volume, target)."""
    mounts: list[tuple[str | None, str]] = []
    for entry in service.get("volumes") or []:
        if isinstance(entry, dict):
            mounts.append((entry.get("source"), str(entry["target"])))
            continue
        parts = str(entry).split(":")
        mounts.append((None, parts[0]) if len(parts) == 1 else (parts[0], parts[1]))
    return mounts


def strings_in(node: Any) -> list[str]:
    """Every key and string value in a loaded YAML tree."""
    if isinstance(node, dict):
        return [s for key, value in node.items() for s in [str(key), *strings_in(value)]]
    if isinstance(node, list):
        return [s for item in node for s in strings_in(item)]
    return [node] if isinstance(node, str) else []


def condition(service: dict[str, Any], dependency: str) -> str | None:
    depends = service.get("depends_on") or {}
    if isinstance(depends, list):
        return "service_started" if dependency in depends else None
    entry = depends.get(dependency)
    return None if entry is None else str((entry or {}).get("condition", "service_started"))
