"""The worker's ``faust.App``: Faust's, with two changes (its consumer's fetch wait, its flow control).

- **Fetch wait.** Faust's aiokafka driver hard-codes a 1,500 ms consumer fetch wait and offers
  no setting for it. On a quiet topic that wait is pure latency, so this module subclasses the
  driver's consumer thread and lowers the wait after the consumer is built.
- **No records lost while the streams are sought after a rebalance.** When its tables are
  recovered, Faust resumes the stream partitions and seeks them to their committed offsets
  while its flow control is still open from reading the changelogs. Records fetched during that
  seek reach the agents' queues with their offsets marked read; Faust then clears the queues
  when it opens the flow "again". A partition with no committed offset (a worker killed before
  its first commit) is not rewound by the seek, so those records were never read again: the
  restarted worker reported no lag with its tables short. The app closes its flow control
  when recovery completes (``on_rebalance_complete``, sent before that seek), so such records
  wait at the conductor until the seek is done and Faust opens the flow itself.

Everything else is Faust's.
"""

from __future__ import annotations

from typing import Any, ClassVar

import aiokafka
import faust
from faust.auth import SASLCredentials, SSLCredentials
from faust.transport.drivers import aiokafka as faust_aiokafka
from faust.types.auth import CredentialsT

__all__ = ["WorkerApp", "faust_credentials"]


class _FastFetchConsumerThread(faust_aiokafka.AIOKafkaConsumerThread):
    fetch_max_wait_ms: ClassVar[int] = 50

    def _create_worker_consumer(self, transport: Any) -> aiokafka.AIOKafkaConsumer:
        consumer = super()._create_worker_consumer(transport)
        consumer._fetch_max_wait_ms = self.fetch_max_wait_ms
        return consumer


class _FastFetchConsumer(faust_aiokafka.Consumer):
    def _new_consumer_thread(self) -> faust_aiokafka.AIOKafkaConsumerThread:
        return _FastFetchConsumerThread(self, loop=self.loop, beacon=self.beacon)


class _FastFetchTransport(faust_aiokafka.Transport):
    Consumer = _FastFetchConsumer


class WorkerApp(faust.App):
    """``faust.App`` using the short-fetch-wait consumer (set ``fetch_max_wait_ms`` first)
    whose flow control stays closed from the end of table recovery to the end of the seek of
    its stream partitions (module docstring)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.on_rebalance_complete.connect(_hold_flow_until_sought)

    def configure_fetch_wait(self, fetch_max_wait_ms: int) -> None:
        """Set the worker consumer's fetch wait, in milliseconds (before the worker starts)."""
        _FastFetchConsumerThread.fetch_max_wait_ms = fetch_max_wait_ms

    def _new_transport(self) -> Any:
        return _FastFetchTransport(self.conf.broker_consumer, self)


def _hold_flow_until_sought(sender: Any, /, *_: Any, signal: Any, **__: Any) -> None:
    """Close ``sender``'s flow control; Faust opens it once its stream partitions are sought."""
    sender.flow_control.suspend()


def faust_credentials(auth: dict[str, Any] | None) -> CredentialsT | None:
    """Faust's credentials wrapping aiokafka's security arguments (``streams.kafka.clients.
    aiokafka_auth``): ``SASLCredentials`` for ``SASL_*``, ``SSLCredentials`` for ``SSL``,
    ``None`` for plaintext. Faust hands aiokafka exactly ``auth`` back."""
    if auth is None:
        return None
    if auth["security_protocol"].startswith("SASL"):
        return SASLCredentials(username=auth["sasl_plain_username"],
                               password=auth["sasl_plain_password"],
                               mechanism=auth["sasl_mechanism"], ssl_context=auth["ssl_context"])
    return SSLCredentials(auth["ssl_context"])
