"""The PETRARCH2 verb converter (scripts/build_verbs.py) and the vocabulary loader (agents.coder.vocab)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from agents.coder.exceptions import CoderDataError
from agents.coder.lexicon import inflect
from agents.coder.vocab import VerbPattern, load_vocabulary

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT.parent / "shared" / "vendor" / "petrarch2-dictionaries" / "CAMEO.2.0.txt"
CODES = {"070": "07", "072": "07", "042": "04", "190": "19", "110": "11", "160": "16", "164": "16"}

SNIPPET = """\
# a comment
&WEAPON
+GUN
+RIFLE
+CRUISE_MISSILE
+RIFLES

&CASH_
+CASH
+HARD_CURRENCY

####### VERB PATTERNS #######

---  SEND   [070]  ---
SEND {SENDS SENDING SENT}
DISPATCH [---]  # comment
- * &WEAPON (TO +)                  [072:072]   # SEND
- $ * ENVOY (TO +)                  [042]
- * TROOPS (AGAINST)                [190]
- * PROTESTS (FROM $)               [110]
- * &CASH                           [070]
- * NOTHING                         [---]
- * BOGUS                           [999]
- * (BEFORE COURT)                  [:173]
- * &UNDEFINED                      [070]

---  CANCEL   [---]  ---
+CALL_OFF [160]
- * TALKS                           [164]
~ a (a b ATTACK) SAY = a b 015
"""


@pytest.fixture(scope="module")
def build_verbs() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_verbs", ROOT / "scripts" / "build_verbs.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_verbs"] = module
    spec.loader.exec_module(module)
    return module


def rows_of(build_verbs: ModuleType) -> set[tuple[str, str, str, str, str, str]]:
    rows = build_verbs.convert(SNIPPET.splitlines(), CODES)
    return {(r.lemma, " ".join(r.pre), " ".join(r.post), r.code, r.target_prep, r.source_prep) for r in rows}


def test_converter_expands_synsets_and_reads_roles(build_verbs: ModuleType) -> None:
    rows = rows_of(build_verbs)
    for lemma in ("send", "dispatch"):
        assert {(lemma, "", f"{w} to", "072", "to", "-") for w in ("gun", "rifle", "cruise missile")} <= rows
        assert (lemma, "", "envoy to", "042", "to", "-") in rows
        assert (lemma, "", "troops against", "190", "against", "-") in rows  # empty target group
        assert (lemma, "", "protests from", "110", "-", "from") in rows
        assert {(lemma, "", w, "070", "-", "-") for w in ("cash", "hard currency")} <= rows
    assert not any(post == "rifles to" for _, _, post, *_ in rows)  # plural of a member
    assert ("send", "", "", "070", "-", "-") in rows  # the block code
    assert not any(r[0] == "dispatch" and r[2] == "" for r in rows)  # its own [---]
    assert ("call off", "", "", "160", "-", "-") in rows
    assert ("call off", "", "talks", "164", "-", "-") in rows
    posts = {post for _, _, post, *_ in rows}
    assert not {"nothing", "bogus", "before court"} & posts  # [---], unknown code, [:173]
    assert len(rows) == 2 * 8 + 1 + 2  # 8 patterns x 2 verbs, the bare send, call off x 2


def test_converter_forms_and_render(build_verbs: ModuleType) -> None:
    forms = build_verbs.forms_of(SNIPPET.splitlines())
    assert forms["send"] == "send|sending|sends|sent"
    assert forms["dispatch"] == "dispatch|dispatched|dispatches|dispatching"
    assert forms["call off"] == "call off|called off|calling off|calls off"
    text = build_verbs.render(build_verbs.convert(SNIPPET.splitlines(), CODES), forms)
    assert "676801cd9cb2924bbbad09f86d15c9323e7097bf" in text and "do not edit" in text
    assert "send\tsend|sending|sends|sent\t-\tgun to\t072\tto\t-\n" in text


def test_converter_drops_light_verbs_and_non_lemmas(build_verbs: ModuleType) -> None:
    source = "---  GO [190] ---\nGO {GOES GOING WENT GONE}\nKILLED_AND_+WOUNDED {}\n- * (TO WAR) [190]\n"
    rows = {(r.lemma, " ".join(r.post)) for r in build_verbs.convert(source.splitlines(), CODES)}
    assert rows == {("go", "to war")}


def test_generated_file_is_up_to_date(build_verbs: ModuleType) -> None:
    committed = (ROOT / "agents" / "coder" / "data" / "verbs_petrarch.tsv").read_text(encoding="utf-8")
    assert build_verbs.build(SOURCE) == committed, "regenerate: python scripts/build_verbs.py"


def write(path: Path, rows: list[str]) -> Path:
    path.write_text("# test\n" + "".join(row + "\n" for row in rows), encoding="utf-8")
    return path


def test_curated_rows_win_and_order_is_most_specific_first(tmp_path: Path) -> None:
    curated = write(
        tmp_path / "curated.tsv",
        [
            "send\t-\t-\taid\t071\t-\t-\t-\tverb",
            "send\t-\t-\tarms to\t072\tto\t-\tloc\tverb",
            "summit\t-\t-\t-\t040\t-\t-\tsym,mutual\tnoun",
        ],
    )
    generated = write(
        tmp_path / "generated.tsv",
        [
            "send\tsend|sent\t-\taid\t070\t-\t-",
            "send\tsend|sent\t-\tarms\t072\t-\t-",
            "send\tsend|sent\t-\tarms to\t190\tto\t-",
            "send\tsend|sent\ttroops\t-\t070\t-\t-",
        ],
    )
    vocabulary = load_vocabulary(curated, generated)
    found = [(p.post, p.code, p.origin) for p in vocabulary.patterns_for("send")]
    assert found == [
        (("arms", "to"), "072", "curated"),
        (("aid",), "071", "curated"),
        (("arms",), "072", "petrarch2"),
        ((), "070", "petrarch2"),
    ]
    first = vocabulary.patterns_for("send")[0]
    assert first == VerbPattern(
        "send", tuple(inflect("send")), (), ("arms", "to"), "072", "to", None, frozenset({"loc"}), "curated"
    )
    summit = vocabulary.nominal["summit"][0]
    assert summit.nominal and summit.flags == {"sym", "mutual"} and summit.forms == ("summit", "summits")
    assert vocabulary.surface_forms()["sent"] == {"send"}
    assert vocabulary.patterns_for("unknown") == ()


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("send\t-\t-\taid\t071\t-\t-\tverb", "expected 9"),
        ("send\t-\t-\taid\t999\t-\t-\t-\tverb", "unknown CAMEO code"),
        ("send\t-\t-\taid\t071\t-\t-\tloud\tverb", "unknown flag"),
        ("send\t-\t-\taid\t071\t-\t-\t-\tadverb", "pos must be"),
    ],
)
def test_malformed_row_names_file_and_line(tmp_path: Path, row: str, message: str) -> None:
    curated = write(tmp_path / "bad.tsv", ["send\t-\t-\t-\t070\t-\t-\t-\tverb", row])
    generated = write(tmp_path / "generated.tsv", [])
    with pytest.raises(CoderDataError, match=rf"bad\.tsv:3: {message}"):
        load_vocabulary(curated, generated)


def test_duplicate_curated_rows_are_refused(tmp_path: Path) -> None:
    """The first of two rows with one lemma, pre, post and pos would shadow the second."""
    curated = write(
        tmp_path / "curated.tsv",
        ["recall\t-\t-\tambassador\t161\t-\t-\t-\tverb", "recall\t-\t-\tambassador\t161\tfrom\t-\t-\tverb"],
    )
    with pytest.raises(CoderDataError, match="two curated rows for lemma 'recall', pre '-'"):
        load_vocabulary(curated, write(tmp_path / "generated.tsv", []))


def test_shipped_vocabulary() -> None:
    vocabulary = load_vocabulary()
    lodge = {(p.post, p.code) for p in vocabulary.patterns_for("lodge")}
    assert {(("protest",), "114"), (("protest", "with"), "114")} <= lodge
    assert all(p.origin == "curated" for p in vocabulary.patterns_for("hold") if p.post == ("talks",))
    assert vocabulary.nominal["summit"][0].code == "040"
    assert "hold" in vocabulary.surface_forms()["held"]
    assert not [p for p in vocabulary.patterns_for("make") if not p.post and not p.pre]
