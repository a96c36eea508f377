"""What the benchmarks share: free ports and settings on fresh, uniquely named topics."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

from streams.settings import Settings

__all__ = ["bench_settings", "free_port"]


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
