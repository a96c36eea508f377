"""What the benchmarks share: free ports, settings on fresh, uniquely named topics, and
benchmark workers run as child processes."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path
from typing import Any, ClassVar

from streams.cli.processes import WorkerProcess, settings_env
from streams.settings import Settings

__all__ = ["ScriptWorkerProcess", "bench_settings", "free_port"]


class ScriptWorkerProcess(WorkerProcess):
    """A benchmark's worker module (``script``) as a child process, managed like a real worker."""

    script: ClassVar[Path]

    def start(self) -> ScriptWorkerProcess:
        command = [sys.executable, str(self.script)]
        self.process = subprocess.Popen(command, env=settings_env(self.settings),
                                        stdout=self.log, stderr=subprocess.STDOUT)
        return self


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def bench_settings(bootstrap: str, name: str, data_dir: Path, **overrides: Any) -> Settings:
    """Settings for one benchmark worker: every topic named after ``name``, a free web port."""
    values: dict[str, Any] = {
        "bootstrap_servers": bootstrap, "app_id": name, "articles_topic": f"{name}-articles",
        "events_topic": f"{name}-events", "dead_letters_topic": f"{name}-dead-letters",
        "alerts_topic": f"{name}-alerts", "web_port": free_port(), "data_dir": data_dir,
        "log_level": "warning", **overrides,
    }
    return Settings(**values)
