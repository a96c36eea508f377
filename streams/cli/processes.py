"""A worker as a child process: started, awaited until healthy, stopped or killed.

Used by the demo, the benchmarks and the integration tests, so that each runs the very
command users run (``dyadwatch worker``) with settings passed as environment variables.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from typing import IO, Any

from streams.exceptions import QueryError, StreamsError
from streams.kafka.broker import port_is_open
from streams.settings import Settings
from streams.web.client import fetch_json

__all__ = ["LakeProcess", "WorkerProcess", "lag_total", "refuse_taken_web_port", "settings_env"]


def refuse_taken_web_port(settings: Settings) -> None:
    """Raise ``StreamsError`` (one line) if the worker's HTTP port is already taken."""
    if port_is_open(settings.web_host, settings.web_port):
        raise StreamsError(f"{settings.web_host}:{settings.web_port} is already in use (another "
                           "worker?); stop it or set DYADWATCH_WEB_PORT")


def lag_total(health: dict[str, Any]) -> int:
    """Records of a worker's input topics it has not processed yet, from its ``/health`` body."""
    return sum((health.get("lag") or {}).values())


def settings_env(settings: Settings) -> dict[str, str]:
    """The environment that gives a child process these settings."""
    env = dict(os.environ)
    for name, value in settings.model_dump().items():
        if value is None:
            continue
        if hasattr(value, "get_secret_value"):
            value = value.get_secret_value()
        env[f"DYADWATCH_{name.upper()}"] = str(value)
    return env


class WorkerProcess:
    """``python -m streams.cli worker`` in a child process."""

    command = "worker"

    def __init__(self, settings: Settings, *, log: IO[Any] | int | None = subprocess.DEVNULL
                 ) -> None:
        self.settings = settings
        self.log = log
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> WorkerProcess:
        """Start the child process (it returns at once: see ``wait_healthy``)."""
        command = [sys.executable, "-m", "streams.cli", self.command]
        self.process = subprocess.Popen(command, env=settings_env(self.settings),
                                        stdout=self.log, stderr=subprocess.STDOUT)
        return self

    def health(self) -> dict[str, Any] | None:
        """The worker's ``/health`` body, or None while it does not answer (2 s timeout)."""
        try:
            result = fetch_json(self.settings.web_url, "/health", timeout_s=2)
        except QueryError:
            return None
        return result if isinstance(result, dict) else None

    def wait_healthy(self, timeout_s: float = 60.0) -> dict[str, Any]:
        """Block until ``/health`` says ok (or catching_up: serving, with a backlog); raise if
        the process dies or time runs out."""
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.process is not None and self.process.poll() is not None:
                raise StreamsError(f"the worker exited with code {self.process.returncode}")
            health = self.health()
            if health and health.get("status") in ("ok", "catching_up"):
                return health
            time.sleep(0.1)
        raise StreamsError(f"the worker was not healthy within {timeout_s:.0f} s")

    def stop(self, timeout_s: float = 30.0) -> int | None:
        """SIGTERM, then SIGKILL if it has not stopped within ``timeout_s``."""
        if self.process is None or self.process.poll() is not None:
            return None if self.process is None else self.process.returncode
        self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout_s)
        except subprocess.TimeoutExpired:
            self.process.kill()
            return self.process.wait(timeout_s)

    def kill(self) -> None:
        """SIGKILL: the worker dies at once, as in a crash."""
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)

    def __enter__(self) -> WorkerProcess:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


class LakeProcess(WorkerProcess):
    """``python -m streams.cli lake`` (the event store's consumer) in a child process; it serves
    no HTTP, so ``health`` is always None: watch the store's ``_status.json`` instead."""

    command = "lake"

    def health(self) -> dict[str, Any] | None:
        """None: the lake serves no HTTP."""
        return None
