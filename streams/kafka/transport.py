"""A Faust transport whose worker consumer waits at most ``fetch_max_wait_ms`` for data.

Faust's aiokafka driver hard-codes a 1,500 ms consumer fetch wait and offers no setting for
it. On a quiet topic that wait is pure latency, so this module subclasses the driver's
consumer thread and lowers the wait after the consumer is built. Everything else is Faust's.
"""

from __future__ import annotations

from typing import Any, ClassVar

import aiokafka
import faust
from faust.auth import SASLCredentials, SSLCredentials
from faust.transport.drivers import aiokafka as faust_aiokafka
from faust.types.auth import CredentialsT

__all__ = ["FastFetchApp", "faust_credentials"]


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


class FastFetchApp(faust.App):
    """``faust.App`` using the short-fetch-wait consumer (set ``fetch_max_wait_ms`` first)."""

    def configure_fetch_wait(self, fetch_max_wait_ms: int) -> None:
        """Set the worker consumer's fetch wait, in milliseconds (before the worker starts)."""
        _FastFetchConsumerThread.fetch_max_wait_ms = fetch_max_wait_ms

    def _new_transport(self) -> Any:
        return _FastFetchTransport(self.conf.broker_consumer, self)


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
