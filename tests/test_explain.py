"""mx.explain / `military-exercises show`: every claim behind an exercise and how each figure came out.

Expectations are computed by hand from the seed record (dataset/sources/2018/2018-07-tajikistan-
russia-gbao.yaml) and from a small invented record, following CODEBOOK.md's reconciliation rule.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import polars as pl
import pytest
from tests.conftest import BASE_RECORD

import military_exercises as mx
from military_exercises.analysis.explain import Explainer, date_text, precision_note
from military_exercises.cli import main
from military_exercises.pipeline.build import build

SEED = "2018-07-tajikistan-russia-gbao"


@pytest.fixture(scope="module")
def seed() -> mx.Explanation:
    return mx.explain(SEED)


def _size(ex: mx.Explanation, quantity: str, country: str | None, basis: str) -> dict[str, object]:
    rows = [
        s
        for s in ex.size_rows
        if (s["quantity"], s["country_iso3"], s["basis"]) == (quantity, country, basis)
    ]
    assert len(rows) == 1, rows
    return rows[0]


def test_seed_shows_twelve_claims_from_four_sources(seed: mx.Explanation) -> None:
    claims = seed.claims
    assert claims["claim"].to_list() == [f"c{i}" for i in range(1, 13)]
    assert seed.sources.height == 4
    # numbered by publication date, then publisher
    assert seed.sources.select("source_no", "publisher").rows() == [
        (1, "Business Recorder (AFP)"),
        (2, "Xinhua (People's Daily Online, Russian edition)"),
        (3, "Asia-Plus"),
        (4, "news.tj (Asia-Plus)"),
    ]
    by_claim = {r["claim"]: r for r in claims.iter_rows(named=True)}
    assert by_claim["c1"]["stated"] == "more than 10,000"
    assert (by_claim["c1"]["floor"], by_claim["c1"]["ceiling"], by_claim["c1"]["point"]) == (
        10000,
        None,
        10000,
    )
    assert by_claim["c11"]["stated"] == "up to 10,000"
    assert (by_claim["c11"]["floor"], by_claim["c11"]["ceiling"]) == (None, 10000)
    assert by_claim["c5"]["stated"] == "about 10,000"
    assert by_claim["c5"]["component"] == "reservists"
    assert by_claim["c1"]["claimant"] == "Tajik Ministry of Defence"
    assert by_claim["c1"]["publisher"] == "Business Recorder (AFP)"
    assert by_claim["c1"]["url"] == "https://brecorder.com/news/4618931"
    assert by_claim["c4"]["source_no"] == 4
    assert by_claim["c1"]["used_in"] == ["declared", "combined"]
    assert claims["left_out"].null_count() == 12
    text = str(seed)
    for url in claims["url"].unique():
        assert url in text


def test_seed_declared_troops_come_from_three_whole_exercise_claims(seed: mx.Explanation) -> None:
    # c1 'more than 10,000' (floor 10,000), c7 '10,000', c11 'up to 10,000' (ceiling 10,000):
    # low = min(10,000, 10,000, point 10,000) = 10,000, closed by the floors of c1 and c7;
    # high = max(point 10,000, 10,000, 10,000) = 10,000, closed by the ceilings of c7 and c11.
    s = _size(seed, "troops", None, "declared")
    assert (s["low"], s["best"], s["high"], s["low_open"], s["high_open"]) == (
        10000,
        10000,
        10000,
        False,
        False,
    )
    assert [c.rsplit("/", 1)[1] for c in s["claim_ids"]] == ["c1", "c11", "c7"]  # as published: sorted
    how = str(s["how"])
    assert 'c1: "more than 10,000" -> floor 10,000, no ceiling, point 10,000' in how
    assert 'c11: "up to 10,000" -> no floor, ceiling 10,000, point 10,000' in how
    assert "low 10,000: the smallest floor, set by c1, c7 (closed)" in how
    assert "high 10,000: the largest ceiling, set by c7, c11 (closed)" in how
    assert "median of the 3 points (10,000, 10,000, 10,000)" in how


def test_seed_contingents_and_the_derived_reported_total(seed: mx.Explanation) -> None:
    # news.tj gives Tajik regulars 700 + reservists about 10,000: one estimate of 10,700 (rule 2).
    tjk = _size(seed, "troops", "TJK", "reported")
    assert (tjk["low"], tjk["best"], tjk["high"]) == (10700, 10700, 10700)
    assert '"700" + "about 10,000" (parts of one source added' in str(tjk["how"])
    # Russia, reported: c6 400 and c9 400 -> median 400.
    rus = _size(seed, "troops", "RUS", "reported")
    assert rus["best"] == 400
    # No whole-exercise reported troops claim, every counted participant has a reported contingent:
    # the reported total is 10,700 + 400 = 11,100, flagged (rule 5).
    total = _size(seed, "troops", None, "reported")
    assert total["method"] == "derived_from_contingents"
    assert (total["low"], total["best"], total["high"]) == (11100, 11100, 11100)
    assert "Tajikistan 10,700 + Russia 400 = 11,100" in str(total["how"])
    # the headline is the combined whole-exercise figure from claims: 10,000
    headline = [s for s in seed.size_rows if s["headline"]]
    assert len(headline) == 1
    assert (headline[0]["basis"], headline[0]["best"], headline[0]["method"]) == ("combined", 10000, "claims")
    # no declared contingent for Tajikistan: no declared total is derived
    assert not [s for s in seed.size_rows if s["basis"] == "declared" and s["method"] != "claims"]


def test_seed_text_reads_in_a_terminal(seed: mx.Explanation) -> None:
    text = seed.render()
    assert text.startswith(f"{SEED}: unnamed exercise")
    assert "dates   17–21 July 2018" in text
    assert "states  Tajikistan (host), Russia (participant)" in text
    assert "Claims (12 claims from 4 sources)" in text
    assert "[4] news.tj (Asia-Plus), 2018-07-23: Tajik-Russian joint military exercise in GBAO closed" in text
    assert "combined  10,000  <- headline" in text
    assert "reported  11,100  (derived from contingents)" in text


INVENTED = """\
id: 2021-03-open-drill
name: Open Drill
series: null
start: "2021-03"
end: null
location:
  country: TJK
  admin1: null
  place: null
  sea: null
  lat: null
  lon: null
  precision: country
organisation: null
participants:
  - country: TJK
    role: host
domains: [land]
purposes: []
claims:
  - id: c1
    quantity: troops
    country: null
    value: 5000
    qualifier: more_than
    basis: reported
    source: test-20210301-a
  - id: c2
    quantity: troops
    country: null
    value: 3000
    qualifier: about
    basis: declared
    claimant: host ministry
    claimant_country: TJK
    source: test-20210301-b
    component: reservists
  - id: c3
    quantity: troops
    country: null
    low: 2000
    high: 4000
    qualifier: range
    basis: estimated
    claimant: an analyst
    source: test-20210301-c
sources:
  - {id: test-20210301-a, publisher: Wire A, title: A, url: "https://example.org/a1", published: "2021-03-01", language: en}
  - {id: test-20210301-b, publisher: Wire B, title: B, url: "https://example.org/b1", published: "2021-03-01", language: en}
  - {id: test-20210301-c, publisher: Wire C, title: C, url: "https://example.org/c1", published: "2021-03-01", language: en}
"""


@pytest.fixture
def invented(mini_repo: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> Explainer:
    root = mini_repo(BASE_RECORD, INVENTED)
    release = build(root)
    monkeypatch.setenv("MILITARY_EXERCISES_RELEASE", str(release))
    return Explainer.from_release()


def test_open_side_and_a_lone_part(invented: Explainer) -> None:
    ex = invented.explain("2021-03-open-drill")
    # c2 is the declaring source's only labelled part: kept, in no figure.
    c2 = ex.claims.filter(pl.col("claim") == "c2").row(0, named=True)
    assert c2["used_in"] == []
    assert "only labelled part" in c2["left_out"]
    # combined: c1 'more than 5,000' (floor 5,000, no ceiling, point 5,000) and c3 range 2,000-4,000
    # (point 3,000): low 2,000 (c3's floor, closed), high 5,000 (c1's point, open), best
    # (3,000 + 5,000) / 2 = 4,000.
    s = _size(ex, "troops", None, "combined")
    assert (s["low"], s["best"], s["high"], s["low_open"], s["high_open"]) == (2000, 4000, 5000, False, True)
    assert s["figure"] == "4,000 (low 2,000, high 5,000 or more)"
    how = str(s["how"])
    assert 'c3: "2,000-4,000" -> floor 2,000, ceiling 4,000, point 3,000' in how
    assert 'high 5,000: the point of c1 "more than 5,000", which sets no ceiling: open' in how
    assert 'left out: c2 "reservists: about 3,000"' in how
    # no declared size at all: the lone part gives none
    assert not [r for r in ex.size_rows if r["basis"] == "declared"]
    text = ex.render()
    assert "dates   March 2021 (start known to the month; end date not given)" in text
    assert "left out: lone part" in text


def test_every_published_size_recomputes_from_its_claims() -> None:
    """The working shown agrees with the release for every size of every exercise."""
    explainer = Explainer.from_release()
    mismatched = []
    for exercise_id in explainer.exercises:
        for s in explainer.explain(exercise_id).size_rows:
            if "note: recomputed" in str(s["how"]):
                mismatched.append((exercise_id, s["quantity"], s["country_iso3"], s["basis"]))
    assert mismatched == []


def test_unknown_id_names_close_matches() -> None:
    with pytest.raises(
        ValueError, match=r"unknown exercise id 'zapad 2017'; did you mean: 2017-09-zapad-2017"
    ):
        mx.explain("zapad 2017")
    with pytest.raises(ValueError, match=rf"did you mean: {SEED}"):
        mx.explain("2018-07-tajikistan-russia-gbo")


def test_show_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", SEED]) == 0
    out = capsys.readouterr().out
    assert "c12" in out
    assert "http://www.news.tj/ru/node/257178" in out
    assert main(["show", "no-such-drill"]) == 2
    assert "unknown exercise id 'no-such-drill'" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("2018-07-17", "day", "2018-07-21", "day"), "17–21 July 2018"),
        (("2018-06-28", "day", "2018-07-03", "day"), "28 June – 3 July 2018"),
        (("2017-09", "month", None, None), "September 2017"),
        (("2009", "year", "2010-03", "month"), "2009 – March 2010"),
        (("2020-05", "month", "2020-06", "month"), "May – June 2020"),
        (("2018-12-30", "day", "2019-01-02", "day"), "30 December 2018 – 2 January 2019"),
    ],
)
def test_date_text(args: tuple[str, str, str | None, str | None], expected: str) -> None:
    assert date_text(*args) == expected


def test_precision_note() -> None:
    assert precision_note("day", "2018-07-21", "day") == ""
    assert precision_note("month", "2018-07", "month") == "start known to the month; end known to the month"
