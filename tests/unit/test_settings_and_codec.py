from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from agents.pool import CodingPool, InlineCoding
from schemas import jsonbytes
from streams.app import build_pipeline, coding_service
from streams.catalog import changelog_topic_name
from streams.cli.processes import settings_env
from streams.cli.render import format_rows
from streams.kafka.clients import kafka_python_config
from streams.kafka.codec import OrjsonCodec
from streams.settings import Settings, unknown_variables, usable_cores
from tests.unit.factories import make_event


def test_environment_variables_set_the_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DYADWATCH_EVENTS_PARTITIONS", "8")
    monkeypatch.setenv("DYADWATCH_WEB_PORT", "7000")
    settings = Settings()
    assert settings.events_partitions == 8 and settings.web_url.endswith(":7000")
    monkeypatch.setenv("DYADWATCH_EVENTS_PARTITIONS", "zero")
    with pytest.raises(ValidationError):
        Settings()


def test_a_misspelled_setting_is_named_with_the_one_it_meant() -> None:
    """A DYADWATCH_* variable that names no setting gets one line (pydantic ignores it)."""
    environ = {"DYADWATCH_WEBPORT": "7000", "DYADWATCH_WEB_HOST": "0.0.0.0", "dyadwatch_log_level": "INFO",
               "DYADWATCH_SHARED_DIR": "/data/shared", "DYADWATCH_NO_SUCH_THING": "1", "HOME": "/root"}
    assert unknown_variables(environ) == [
        "DYADWATCH_NO_SUCH_THING names no setting and is ignored",
        "DYADWATCH_WEBPORT names no setting and is ignored (did you mean DYADWATCH_WEB_PORT?)",
    ]
    assert unknown_variables({"DYADWATCH_CODING_PROCESSES": "2"}) == []


def test_secrets_never_appear_in_redacted_settings() -> None:
    settings = Settings(security_protocol="SASL_SSL", sasl_username="u",
                        sasl_password="s3cr3t-value")  # type: ignore[arg-type]
    assert "s3cr3t-value" not in repr(settings)
    assert "s3cr3t-value" not in jsonbytes.dumps(settings.redacted()).decode()
    config = kafka_python_config(settings)
    assert config["sasl_plain_password"] == "s3cr3t-value"
    assert config["security_protocol"] == "SASL_SSL" and config["sasl_mechanism"] == "PLAIN"


def test_child_process_environment_round_trips_the_settings() -> None:
    settings = Settings(web_port=7123, app_id="x", half_life_days=3.5)
    env = {k: v for k, v in settings_env(settings).items() if k.startswith("DYADWATCH_")}
    assert Settings(**{k.removeprefix("DYADWATCH_").lower(): v for k, v in env.items()}) == settings


def test_codec_writes_plain_json_for_models_and_values() -> None:
    codec = OrjsonCodec()
    event = make_event()
    assert jsonbytes.loads(codec.dumps(event))["pair"] == "PAK-RUS"
    assert codec.loads(codec.dumps({"a": [1, 2]})) == {"a": [1, 2]}


def test_pipeline_declares_topics_and_table_from_settings() -> None:
    settings = Settings(app_id="unit", events_partitions=6)
    pipeline = build_pipeline(settings)
    assert pipeline.dyads.value_serializer == "raw"  # rows are JSON bytes (row_bytes), encoded once
    assert pipeline.days.value_serializer == "raw"
    assert pipeline.dyads.changelog_topic.get_topic_name() == changelog_topic_name(settings)
    assert pipeline.events.partitions == 6


def test_format_rows_lists_pairs_or_says_there_are_none() -> None:
    row = {"pair": "PAK-RUS", "events": 3, "a_to_b": 1, "b_to_a": 2, "tension": 8.0,
           "cooperation": 3.0, "net": -5.0, "articles": 1}
    assert "PAK-RUS" in format_rows([row]) and "-5.00" in format_rows([row])
    assert "(no pairs yet)" in format_rows([])


def test_coding_processes_default_to_the_cores_and_zero_codes_in_the_loop(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("DYADWATCH_CODING_PROCESSES", raising=False)
    assert Settings().coding_processes == usable_cores() >= 1
    pool = coding_service(Settings(coding_processes=3))
    assert isinstance(pool, CodingPool) and pool.processes == 3 and not pool.ready
    assert isinstance(coding_service(Settings(coding_processes=0)), InlineCoding)
    with pytest.raises(ValidationError):
        Settings(coding_processes=-1)


def test_input_topics_are_kept_as_set_and_changelogs_compacted() -> None:
    from streams.catalog import catalog

    names = catalog(Settings(_env_file=None))  # type: ignore[call-arg]
    assert names.articles.configs == names.events.configs == {"retention.ms": "-1"}
    ninety_days = Settings(_env_file=None, retention_ms=7_776_000_000)  # type: ignore[call-arg]
    assert catalog(ninety_days).events.configs["retention.ms"] == "7776000000"
    for table in (names.dyads, names.days):
        assert table.changelog.configs == {"cleanup.policy": "compact"}


def test_settings_command_prints_the_values_in_use(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path,
) -> None:
    from streams.cli.main import main
    from streams.settings import get_settings

    for name in ("LAKE_DIR", "LAKE_GROUP", "ADVERTISED_HOST"):
        monkeypatch.delenv(f"DYADWATCH_{name}", raising=False)
    monkeypatch.setenv("DYADWATCH_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("DYADWATCH_APP_ID", "dw")
    get_settings.cache_clear()
    try:
        assert main(["settings"]) == 0
        lines = capsys.readouterr().out.splitlines()
        monkeypatch.setenv("DYADWATCH_LAKE_DIR", "/srv/lake")
        get_settings.cache_clear()
        assert main(["settings"]) == 0
        given = capsys.readouterr().out.splitlines()
    finally:
        get_settings.cache_clear()
    assert f"DYADWATCH_LAKE_DIR={tmp_path}/lake  # default: <DYADWATCH_DATA_DIR>/lake" in lines
    assert "DYADWATCH_LAKE_GROUP=dw-lake  # default: <DYADWATCH_APP_ID>-lake" in lines
    assert "DYADWATCH_ADVERTISED_HOST=127.0.0.1  # default: DYADWATCH_WEB_HOST" in lines
    assert "DYADWATCH_LAKE_DIR=/srv/lake" in given


def test_the_log_level_is_read_in_any_case(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DYADWATCH_LOG_LEVEL", "WARNING")
    assert Settings().log_level == "warning"
    monkeypatch.setenv("DYADWATCH_LOG_LEVEL", "loud")
    with pytest.raises(ValidationError):
        Settings()
