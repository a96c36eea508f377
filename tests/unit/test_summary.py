"""The pair summary read model: one declaration per figure, read by the API, listings and CLI."""

from __future__ import annotations

from datetime import datetime, timedelta

from schemas.summary import PairSummary
from streams.cli.render import format_rows
from streams.state.aggregate import AggregationPolicy
from streams.state.ledger import MemoryLedger, fold_events
from streams.web.queries import SORT_KEYS, express_rows, summarize
from tests.unit.factories import make_event


def _row() -> dict[str, object]:
    ledger = MemoryLedger()
    fold_events(ledger, [make_event(article_id="a1"), make_event(article_id="a2", days=1)],
                AggregationPolicy())
    (state,) = ledger.states.values()
    return summarize(state.model_dump(mode="json"))


def test_every_figure_declares_its_description_unit_and_decay() -> None:
    for name, field in PairSummary.model_fields.items():
        assert field.description, name
        figure = PairSummary.figure(name)
        assert "unit" in figure and isinstance(figure["decays"], bool), name
    assert PairSummary.decaying() == ("tension", "cooperation", "net", "change")
    assert set(SORT_KEYS) <= set(PairSummary.model_fields)


def test_a_row_is_the_model_as_json_with_times_as_isoformat() -> None:
    row = _row()
    assert list(row) == list(PairSummary.model_fields)
    assert PairSummary.model_validate(row).model_dump(mode="json") == row
    assert row["indexes_at"] == "2024-05-02T00:00:00+00:00" and row["events"] == 2


def test_listings_decay_only_the_declared_figures() -> None:
    row = _row()
    (now,), _ = express_rows([row], None, 7.0)
    (week_later,), _ = express_rows([row], _week_after(row), 7.0)
    moved = {name for name in row if week_later[name] != now[name]}
    assert "tension" in moved and moved <= set(PairSummary.decaying())
    assert week_later["tension"] == round(now["tension"] / 2, 4)


def _week_after(row: dict[str, object]) -> datetime:
    indexes_at = PairSummary.model_validate(row).indexes_at
    assert indexes_at is not None
    return indexes_at + timedelta(days=7)


def test_the_terminal_table_takes_its_columns_from_the_model() -> None:
    header = format_rows([]).splitlines()[0].split()
    assert header == [name for name, _, _ in PairSummary.columns()]
    assert header == ["pair", "events", "a_to_b", "b_to_a", "tension", "cooperation", "net", "articles"]
