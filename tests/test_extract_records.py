"""Whole drafts: header, participants and roles, location, dates, earlier exercises, evidence, YAML,
the command line, and the review loop (a draft is refused; once filled in and unmarked, it builds)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.conftest import REPO

from military_exercises.cli import main as cli_main
from military_exercises.extract import (
    SourceInfo,
    draft_to_yaml,
    extract_records,
    parse_header,
    split_sentences,
)
from military_exercises.pipeline.build import build
from military_exercises.pipeline.parse import parse_record_bytes
from military_exercises.pipeline.problems import BuildError

MAPS = REPO / "dataset" / "mappings"

REPORT = """\
Title: Kazakh and Kyrgyz troops rehearse border defence
Publisher: Example Wire
URL: https://example.org/2032/07/14/alpha
Published: 2032-07-14

Kazakhstan and Kyrgyzstan opened a joint exercise dubbed "Alpha Shield 2032" on Monday at the Koktal \
training ground in Kazakhstan's Almaty region. About 2,500 servicemen are involved, Kazakhstan's defence \
ministry said. China sent observers. The drills will continue until Saturday.

The two countries last held a comparable exercise in 2029, when some 1,800 soldiers took part.
"""


def test_header_is_read_and_body_offsets_start_after_it() -> None:
    info, start = parse_header(REPORT)
    assert info == SourceInfo(
        url="https://example.org/2032/07/14/alpha",
        publisher="Example Wire",
        title="Kazakh and Kyrgyz troops rehearse border defence",
        published="2032-07-14",
        language=None,
    )
    assert REPORT[start:].startswith("\nKazakhstan")
    assert parse_header("No header here: just text.") == (SourceInfo(), 0)


def test_sentences_do_not_break_after_abbreviations() -> None:
    text = "The U.S. Navy said 14 ships took part. Gen. Smith agreed! Next one?"
    assert [text[a:b] for a, b in split_sentences(text, 0, len(text))] == [
        "The U.S. Navy said 14 ships took part.",
        "Gen. Smith agreed!",
        "Next one?",
    ]


def test_main_exercise_fields() -> None:
    main, past = extract_records(REPORT, mappings_dir=MAPS)
    rec = main.record
    assert main.kind == "main"
    assert (rec["id"], rec["name"], rec["series"]) == (
        "2032-07-alpha-shield-2032",
        "Alpha Shield 2032",
        "Alpha Shield",
    )
    assert (rec["start"], rec["end"]) == ("2032-07-12", "2032-07-17")  # Monday before, Saturday after
    assert rec["participants"] == [
        {"country": "KAZ", "role": "host"},
        {"country": "KGZ", "role": "participant"},
        {"country": "CHN", "role": "observer"},
    ]
    loc = rec["location"]
    assert (loc["country"], loc["admin1"], loc["place"], loc["precision"]) == (
        "KAZ",
        "KZ-19",
        "Koktal training ground",
        "place",
    )
    assert rec["sources"][0] == {
        "id": "example-wire-20320714-kazakh-and-kyrgyz-troops-rehearse",
        "publisher": "Example Wire",
        "title": "Kazakh and Kyrgyz troops rehearse border defence",
        "url": "https://example.org/2032/07/14/alpha",
        "published": "2032-07-14",
        "language": "en",
    }
    assert past.kind == "past"
    assert past.record["start"] == "2029"
    # "the two countries" resolved against the two participants of the main exercise
    assert {p["country"] for p in past.record["participants"]} == {"KAZ", "KGZ"}
    assert [(c["value"], c["qualifier"], c["basis"]) for c in past.record["claims"]] == [
        (1800, "about", "reported")
    ]


def test_every_evidence_span_points_at_its_words() -> None:
    for draft in extract_records(REPORT, mappings_dir=MAPS):
        assert draft.evidence, draft.kind
        for path, spans in draft.evidence.items():
            for ev in spans:
                assert REPORT[ev.start : ev.end] == ev.text, path
    main = extract_records(REPORT, mappings_dir=MAPS)[0]
    assert [e.text for e in main.evidence["start"]] == ["on Monday"]
    assert [e.text for e in main.evidence["claims[0].claimant"]] == ["Kazakhstan's defence ministry"]


def test_values_the_text_does_not_give_stay_null() -> None:
    (draft,) = extract_records("Troops held drills on Tuesday.", mappings_dir=MAPS)
    rec = draft.record
    assert rec["start"] is None  # no publication date: "Tuesday" cannot be resolved
    assert rec["participants"] == [] and rec["claims"] == []
    assert rec["sources"][0]["url"] is None and rec["sources"][0]["publisher"] is None
    assert rec["id"].startswith("undated-")


def test_options_override_the_header() -> None:
    (main, _past) = extract_records(
        REPORT, published="2032-07-21", source=SourceInfo(url="https://example.org/other"), mappings_dir=MAPS
    )
    assert main.record["start"] == "2032-07-19"  # "on Monday" now means the Monday before 21 July
    assert main.record["sources"][0]["url"] == "https://example.org/other"
    assert main.record["sources"][0]["publisher"] == "Example Wire"


def test_yaml_is_a_parseable_record_marked_draft() -> None:
    main = extract_records(REPORT, mappings_dir=MAPS)[0]
    text = draft_to_yaml(main, source_file="alpha.txt")
    assert text.splitlines()[3] == "status: draft"
    assert '# from "on Monday" @' in text
    parsed, problems = parse_record_bytes(text.encode(), "drafts/2032/2032-07-alpha-shield-2032.yaml")
    assert problems == [] and parsed is not None
    assert parsed.record.status == "draft"
    assert parsed.record.claims[0].value == 2500


def _install(root: Path, text: str) -> Path:
    rid = re.search(r'^id: "([^"]+)"', text, re.M)
    assert rid is not None
    path = root / "dataset" / "sources" / rid.group(1)[:4] / f"{rid.group(1)}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_draft_is_refused_then_builds_once_reviewed(mini_repo: Callable[..., Path]) -> None:
    root = mini_repo()
    main = extract_records(REPORT, mappings_dir=MAPS)[0]
    path = _install(root, draft_to_yaml(main))
    with pytest.raises(BuildError) as err:
        build(root)
    messages = [p.message for p in err.value.problems]
    assert any("draft record from the extractor" in m for m in messages), messages
    # the reviewer checks the values against the report and deletes the draft mark; the series is new,
    # so it gets its catalogue row (citing the report)
    path.write_text(path.read_text(encoding="utf-8").replace("status: draft\n", ""), encoding="utf-8")
    with (root / "dataset" / "mappings" / "series.csv").open("a", encoding="utf-8") as fh:
        fh.write(
            "Alpha Shield,,,,KAZ,Eurasia,land,annual,2032,2032,https://example.org/2032/07/14/alpha,,,\n"
        )
    release = build(root)
    assert (release / "exercises.parquet").is_file()


def test_draft_with_gaps_fails_with_clear_messages_until_filled(mini_repo: Callable[..., Path]) -> None:
    root = mini_repo()
    text = "Chinese and Russian ships are holding a joint patrol in the Sea of Japan this week."
    (draft,) = extract_records(text, published="2032-07-28", mappings_dir=MAPS)  # a week across two months
    yaml_text = draft_to_yaml(draft).replace("status: draft\n", "")
    assert draft.record["start"] is None and draft.record["sources"][0]["url"] is None
    path = root / "dataset" / "sources" / "2032" / "2032-07-china-russia.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(yaml_text, encoding="utf-8")
    with pytest.raises(BuildError) as err:
        build(root)
    fields = {p.field for p in err.value.problems}
    assert {"start", "sources[0].url", "sources[0].publisher", "sources[0].title"} <= fields
    # the reviewer fills the gaps from the article
    filled = (
        yaml_text.replace('id: "undated-china-russia"', 'id: "2032-07-china-russia"')
        .replace("start: null", 'start: "2032-07"')
        .replace("publisher: null", 'publisher: "Example Wire"')
        .replace("title: null", 'title: "Joint patrol"')
        .replace("url: null", 'url: "https://example.org/patrol"')
    )
    path.write_text(filled, encoding="utf-8")
    build(root)


def test_cli_writes_drafts_and_evidence(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = tmp_path / "alpha.txt"
    report.write_text(REPORT, encoding="utf-8")
    out = tmp_path / "drafts"
    code = cli_main(["extract", str(report), "--out", str(out), "--mappings", str(MAPS)])
    assert code == 0
    assert sorted(p.name for p in out.iterdir()) == [
        "2029-kazakhstan-kyrgyzstan.evidence.json",
        "2029-kazakhstan-kyrgyzstan.yaml",
        "2032-07-alpha-shield-2032.evidence.json",
        "2032-07-alpha-shield-2032.yaml",
    ]
    evidence = json.loads((out / "2032-07-alpha-shield-2032.evidence.json").read_text(encoding="utf-8"))
    assert evidence["kind"] == "main"
    span = evidence["fields"]["location.admin1"][0]
    assert REPORT[span["start"] : span["end"]] == span["text"] == "Almaty region"
    assert "main exercise" in capsys.readouterr().out
    # a second run never overwrites a draft a curator may be editing
    cli_main(["extract", str(report), "--out", str(out), "--mappings", str(MAPS), "--main-only"])
    assert (out / "2032-07-alpha-shield-2032-2.yaml").is_file()


def test_cli_refuses_to_write_into_the_sources(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = tmp_path / "a.txt"
    report.write_text("Drills.", encoding="utf-8")
    assert cli_main(["extract", str(report), "--out", str(tmp_path / "dataset" / "sources")]) == 2
    assert "not written into dataset/sources" in capsys.readouterr().err


def test_cli_rejects_a_bad_publication_date(tmp_path: Path) -> None:
    with pytest.raises(SystemExit):
        cli_main(["extract", str(tmp_path / "a.txt"), "--published", "14/07/2032"])


def test_earlier_exercise_years_ago_and_cancelled_editions() -> None:
    text = (
        "Kazakh and Chinese special forces held a joint exercise in the Almaty region on Monday. Three years ago "
        "a similar exercise took place in China's Xinjiang, involving 500 troops. A planned drill was "
        "cancelled in 2029."
    )
    main, *past = extract_records(text, published="2031-04-15", mappings_dir=MAPS)
    assert main.record["location"]["admin1"] == "KZ-19"
    assert [p.record["start"] for p in past] == ["2028"]  # the cancelled 2029 drill is no exercise
    assert past[0].record["location"]["admin1"] == "CN-XJ"
    assert [(c["value"], c["basis"]) for c in past[0].record["claims"]] == [(500, "reported")]
