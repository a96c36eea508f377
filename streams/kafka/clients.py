"""Client settings, security included, translated once for every Kafka client of the project.

No client library is imported here, so offline commands can read it:

- ``kafka_python_config``: keyword arguments of kafka-python's ``KafkaProducer``,
  ``KafkaConsumer`` and ``KafkaAdminClient`` (``dyadwatch publish``, ``events``, ``topics``...);
- ``aiokafka_auth``: the security keyword arguments aiokafka takes, with a verifying SSL
  context (the worker's Faust app wraps exactly these, ``streams.kafka.transport``);
- ``faust_broker_url``: the servers as Faust's ``broker`` URL.
"""

from __future__ import annotations

import ssl
from typing import Any

from streams.exceptions import ConfigurationError
from streams.settings import Settings

__all__ = ["aiokafka_auth", "faust_broker_url", "kafka_python_config", "sasl_password",
           "ssl_context"]


def sasl_password(settings: Settings) -> str | None:
    """The SASL password in clear (``None`` if unset): only ever handed to a client."""
    return settings.sasl_password.get_secret_value() if settings.sasl_password else None


def kafka_python_config(settings: Settings) -> dict[str, Any]:
    """Connection keyword arguments for kafka-python clients: ``bootstrap_servers`` (a list),
    ``security_protocol``, the SASL fields for ``SASL_*`` and the SSL file paths (as str)."""
    config: dict[str, Any] = {
        "bootstrap_servers": settings.bootstrap_servers.split(","),
        "security_protocol": settings.security_protocol,
    }
    if settings.security_protocol.startswith("SASL"):
        config["sasl_mechanism"] = settings.sasl_mechanism
        config["sasl_plain_username"] = settings.sasl_username
        config["sasl_plain_password"] = sasl_password(settings)
    for name in ("ssl_cafile", "ssl_certfile", "ssl_keyfile"):
        path = getattr(settings, name)
        if path is not None:
            config[name] = str(path)
    return config


def ssl_context(settings: Settings) -> ssl.SSLContext:
    """A verifying client SSL context from ``ssl_cafile`` and the optional client certificate.

    Raises ``ConfigurationError`` when a file cannot be read or the key does not match.
    """
    cafile = str(settings.ssl_cafile) if settings.ssl_cafile else None
    try:
        context = ssl.create_default_context(purpose=ssl.Purpose.SERVER_AUTH, cafile=cafile)
        if settings.ssl_certfile is not None:
            keyfile = str(settings.ssl_keyfile) if settings.ssl_keyfile else None
            context.load_cert_chain(str(settings.ssl_certfile), keyfile)
    except (OSError, ssl.SSLError) as exc:
        raise ConfigurationError(f"cannot load the SSL files (DYADWATCH_SSL_*): {exc}") from exc
    return context


def aiokafka_auth(settings: Settings) -> dict[str, Any] | None:
    """aiokafka's security keyword arguments, ``None`` for ``PLAINTEXT``.

    ``SASL_*``: ``security_protocol``, ``sasl_mechanism``, ``sasl_plain_username``,
    ``sasl_plain_password`` (``""`` if unset) and ``ssl_context`` (``None`` unless
    ``SASL_SSL``); ``SSL``: ``security_protocol`` and ``ssl_context``. Raises
    ``ConfigurationError`` (see ``ssl_context``).
    """
    protocol = settings.security_protocol
    if protocol.startswith("SASL"):
        return {"security_protocol": protocol, "sasl_mechanism": settings.sasl_mechanism,
                "sasl_plain_username": settings.sasl_username or "",
                "sasl_plain_password": sasl_password(settings) or "",
                "ssl_context": ssl_context(settings) if protocol == "SASL_SSL" else None}
    if protocol == "SSL":
        return {"security_protocol": protocol, "ssl_context": ssl_context(settings)}
    return None


def faust_broker_url(settings: Settings) -> str:
    """``bootstrap_servers`` as Faust's broker URL: ``kafka://h1:9092;kafka://h2:9092``."""
    return ";".join(f"kafka://{server}" for server in settings.bootstrap_servers.split(","))
