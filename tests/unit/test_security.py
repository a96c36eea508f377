"""SASL and SSL settings reach both client paths (kafka-python and the Faust app), and the
password is never printed or logged."""

from __future__ import annotations

import logging
import ssl
from collections.abc import Iterator
from pathlib import Path

import pytest
from faust.auth import SASLCredentials, SSLCredentials
from faust.transport.drivers.aiokafka import credentials_to_aiokafka_auth

from streams.app import build_pipeline
from streams.cli.main import main
from streams.exceptions import ConfigurationError
from streams.kafka.clients import aiokafka_auth, kafka_python_config
from streams.kafka.transport import faust_credentials
from streams.settings import Settings, get_settings

TLS = Path(__file__).resolve().parent / "data" / "tls"
PASSWORD = "pa55-w0rd-never-shown"


@pytest.fixture
def sasl_ssl_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Settings]:
    values = {
        "SECURITY_PROTOCOL": "SASL_SSL", "SASL_MECHANISM": "SCRAM-SHA-512",
        "SASL_USERNAME": "dyad", "SASL_PASSWORD": PASSWORD,
        "SSL_CAFILE": str(TLS / "ca.pem"), "SSL_CERTFILE": str(TLS / "client.pem"),
        "SSL_KEYFILE": str(TLS / "client.key"), "DATA_DIR": str(tmp_path),
    }
    for name, value in values.items():
        monkeypatch.setenv(f"DYADWATCH_{name}", value)
    get_settings.cache_clear()
    yield Settings()
    get_settings.cache_clear()


def test_kafka_python_config_carries_sasl_and_ssl_from_the_environment(
    sasl_ssl_env: Settings,
) -> None:
    config = kafka_python_config(sasl_ssl_env)
    assert config["security_protocol"] == "SASL_SSL"
    assert config["sasl_mechanism"] == "SCRAM-SHA-512"
    assert (config["sasl_plain_username"], config["sasl_plain_password"]) == ("dyad", PASSWORD)
    assert config["ssl_cafile"] == str(TLS / "ca.pem")
    assert config["ssl_certfile"] == str(TLS / "client.pem")
    assert config["ssl_keyfile"] == str(TLS / "client.key")


def test_faust_app_gets_sasl_credentials_with_an_ssl_context(sasl_ssl_env: Settings) -> None:
    credentials = build_pipeline(sasl_ssl_env).app.conf.broker_credentials
    assert isinstance(credentials, SASLCredentials)
    auth = credentials_to_aiokafka_auth(credentials)  # what aiokafka receives
    assert auth["security_protocol"] == "SASL_SSL" and auth["sasl_mechanism"] == "SCRAM-SHA-512"
    assert (auth["sasl_plain_username"], auth["sasl_plain_password"]) == ("dyad", PASSWORD)
    context = auth["ssl_context"]
    assert isinstance(context, ssl.SSLContext)
    assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname
    issuers = {dict(item[0] for item in cert["subject"])["commonName"]
               for cert in context.get_ca_certs()}
    assert "dyadwatch-test-ca" in issuers


def test_ssl_only_gives_ssl_credentials(tmp_path: Path) -> None:
    settings = Settings(security_protocol="SSL", ssl_cafile=TLS / "ca.pem", data_dir=tmp_path)
    credentials = build_pipeline(settings).app.conf.broker_credentials
    assert isinstance(credentials, SSLCredentials)
    assert credentials_to_aiokafka_auth(credentials)["security_protocol"] == "SSL"
    assert "sasl_plain_password" not in kafka_python_config(settings)


def test_sasl_plaintext_has_no_ssl_context(tmp_path: Path) -> None:
    settings = Settings(security_protocol="SASL_PLAINTEXT", sasl_username="u",
                        sasl_password=PASSWORD, data_dir=tmp_path)  # type: ignore[arg-type]
    auth = credentials_to_aiokafka_auth(build_pipeline(settings).app.conf.broker_credentials)
    assert auth["security_protocol"] == "SASL_PLAINTEXT" and auth["ssl_context"] is None


def test_a_key_that_does_not_match_the_certificate_is_a_configuration_error(
    tmp_path: Path,
) -> None:
    settings = Settings(security_protocol="SSL", ssl_certfile=TLS / "client.pem",
                        ssl_keyfile=TLS / "other.key", data_dir=tmp_path)
    with pytest.raises(ConfigurationError, match="DYADWATCH_SSL_"):
        build_pipeline(settings)


def test_settings_command_masks_the_password(
    sasl_ssl_env: Settings, capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["settings"]) == 0
    out = capsys.readouterr().out
    assert PASSWORD not in out
    assert "DYADWATCH_SASL_PASSWORD=**********" in out
    assert "DYADWATCH_SASL_USERNAME=dyad" in out and "DYADWATCH_SSL_CERTFILE=" in out


def test_building_the_app_logs_no_password(
    sasl_ssl_env: Settings, caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.DEBUG):
        pipeline = build_pipeline(sasl_ssl_env)
        logging.getLogger("dyadwatch.test").info("settings: %s", sasl_ssl_env)
        logging.getLogger("dyadwatch.test").info("settings: %r", sasl_ssl_env.redacted())
    assert caplog.records
    assert PASSWORD not in caplog.text
    assert PASSWORD not in repr(sasl_ssl_env) and PASSWORD not in str(pipeline.app.conf.broker)


@pytest.mark.parametrize("protocol", ["SASL_SSL", "SASL_PLAINTEXT", "SSL"])
def test_faust_hands_aiokafka_exactly_what_the_clients_module_translated(
    protocol: str, tmp_path: Path,
) -> None:
    settings = Settings(security_protocol=protocol, sasl_username="u", sasl_password=PASSWORD,  # type: ignore[arg-type]
                        ssl_cafile=TLS / "ca.pem", data_dir=tmp_path)
    auth = aiokafka_auth(settings)
    assert auth is not None and auth["security_protocol"] == protocol
    assert credentials_to_aiokafka_auth(faust_credentials(auth)) == auth
    assert aiokafka_auth(Settings(data_dir=tmp_path)) is None
