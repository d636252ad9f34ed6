"""Property tests (hypothesis): parsers raise only their own documented errors, the strict YAML
loader and the release loaders round-trip, and reconciliation keeps its bounds and every claim."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

import polars as pl
import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from tests.conftest import BASE_RECORD, lone_parts

from military_exercises.pipeline.build import Layout, make_tables
from military_exercises.pipeline.dates import PartialDateError, parse_partial_date
from military_exercises.pipeline.parse import parse_record_bytes
from military_exercises.pipeline.problems import BuildError
from military_exercises.pipeline.publish import publish
from military_exercises.pipeline.reconcile import reconcile
from military_exercises.pipeline.yamlsafe import YamlError, load_yaml_bytes

# --- partial dates ---------------------------------------------------------------------------------

date_like = st.one_of(
    st.text(max_size=14),
    st.from_regex(r"\A-?\d{1,5}(-\d{1,3}){0,3}\Z"),
    st.from_regex(r"\A\d{4}-\d{2}-\d{2}\Z"),
    st.builds(str, st.integers()),
)


@given(date_like)
def test_partial_date_parsing_raises_only_its_own_error(text: str) -> None:
    try:
        d = parse_partial_date(text)
    except PartialDateError:
        return
    assert d.earliest <= d.latest
    assert d.precision in ("day", "month", "year")
    assert d.text == text
    # what was parsed is exactly what was written: no repair, no guess
    assert (
        text
        == {"day": d.earliest.isoformat(), "month": d.earliest.isoformat()[:7], "year": str(d.earliest.year)}[
            d.precision
        ]
    )


@pytest.mark.parametrize(
    "text", ["1౯00", "２０２０", "2020-0٥", "2018\n", "2018-07-17\n", " 2018", "2018-7", "18-07-17"]
)
def test_lookalike_dates_are_refused(text: str) -> None:
    # Found by the property test above: "\\d" also matches non-ASCII digits, which int() then reads,
    # so "1౯00" was silently published as 1900.
    with pytest.raises(PartialDateError):
        parse_partial_date(text)


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_every_real_day_parses_to_itself(day: dt.date) -> None:
    for text, earliest, latest in [
        (day.isoformat(), day, day),
        (day.isoformat()[:7], day.replace(day=1), None),
        (str(day.year), dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)),
    ]:
        parsed = parse_partial_date(text)
        assert parsed.earliest == earliest
        assert latest is None or parsed.latest == latest
        assert parsed.earliest <= day <= parsed.latest


@given(st.one_of(st.integers(), st.none(), st.floats(), st.lists(st.text(max_size=3), max_size=2)))
def test_partial_date_of_a_non_string_is_its_own_error(value: Any) -> None:
    with pytest.raises(PartialDateError):
        parse_partial_date(value)


# --- numbers in news text (the extractor) -----------------------------------------------------------

number_text = st.one_of(
    st.text(max_size=30),
    st.from_regex(r"\A(some |about |over |up to |more than )?\d{1,3}(,\d{3}){0,3}( thousand| million)?\Z"),
    st.from_regex(r"\A(one|two|twenty|a|hundred|thousand|million|and|-| ){1,8}\Z"),
)


@given(number_text)
def test_number_parsing_never_raises(text: str) -> None:
    numbers = pytest.importorskip("military_exercises.extract.numbers")
    value = numbers.to_int(text)
    assert value is None or (isinstance(value, int) and value >= 0)
    for m in numbers.find_numbers(text):
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
        if m.low is not None and m.high is not None:
            assert m.low <= m.high


# --- the strict YAML loader -------------------------------------------------------------------------

keys = st.text(alphabet="abcdefghijklmnopqrstuvwxyz_", min_size=1, max_size=8)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**15), max_value=10**15),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=20),
    st.dates().map(dt.date.isoformat),  # looks like a timestamp: must come back as text
)
documents = st.dictionaries(
    keys,
    st.recursive(
        scalars,
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=4),
        max_leaves=12,
    ),
    min_size=1,
    max_size=6,
)


@given(documents, st.sampled_from(["block", "flow"]))
def test_strict_loader_round_trips_what_yaml_writes(doc: dict[str, Any], style: str) -> None:
    text = yaml.safe_dump(doc, allow_unicode=True, default_flow_style=(style == "flow"), sort_keys=False)
    value, lines = load_yaml_bytes(text.encode("utf-8"))
    assert value == doc
    assert all(line >= 1 for line in lines.values())
    for key in doc:
        assert (key,) in lines


@given(st.binary(max_size=400))
def test_loader_on_arbitrary_bytes_raises_only_yaml_error(data: bytes) -> None:
    error: YamlError | None = None
    try:
        load_yaml_bytes(data)
    except YamlError as exc:
        error = exc
    if error is not None:  # a refusal must say why, and where when it knows
        assert error.message
        assert error.line is None or error.line >= 1


record_lines = BASE_RECORD.splitlines(keepends=True)


@given(st.data())
def test_record_parser_never_raises_on_mangled_records(data: st.DataObject) -> None:
    # Start from a valid record and damage it the way a hurried edit would: drop, duplicate or
    # swap lines, or overwrite a few characters.
    lines = list(record_lines)
    for _ in range(data.draw(st.integers(1, 4))):
        i = data.draw(st.integers(0, len(lines) - 1))
        action = data.draw(st.sampled_from(["drop", "dup", "swap", "chars"]))
        if action == "drop" and len(lines) > 1:
            del lines[i]
        elif action == "dup":
            lines.insert(i, lines[i])
        elif action == "swap":
            j = data.draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        else:
            junk = data.draw(st.text(alphabet=":-[]{}&*!|>'\"#% \t\n0123456789abc,", min_size=1, max_size=4))
            k = data.draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:k] + junk + lines[i][k + len(junk) :]
    text = "".join(lines)
    parsed, problems = parse_record_bytes(text.encode("utf-8"), "2020/2020-05-alpha-drill.yaml")
    # a record with problems comes back only with its bad fields left out (for the other checks),
    # and a record without problems comes back whole
    assert parsed is not None or problems
    if parsed is not None:
        assert bool(parsed.dropped) == bool(problems)
    for p in problems:
        assert p.file == "2020/2020-05-alpha-drill.yaml"
        assert p.message
        # junk may hold line breaks, so count the lines of the text itself (the end of the file counts)
        assert p.line is None or 1 <= p.line <= text.count("\n") + 1


# --- release round trip: publish, then load_* ---------------------------------------------------------

qualifier_and_numbers = st.one_of(
    st.tuples(
        st.sampled_from(["exact", "about", "more_than", "at_least", "up_to"]), st.integers(0, 400_000)
    ).map(lambda t: {"qualifier": t[0], "value": t[1]}),
    st.tuples(st.integers(0, 200_000), st.integers(0, 200_000)).map(
        lambda t: {"qualifier": "range", "low": min(t), "high": max(t)}
    ),
    st.integers(1, 400_000).map(lambda v: {"qualifier": "fewer_than", "value": v}),
)


def claim_yaml(i: int, c: dict[str, Any], basis: str, country: str | None) -> str:
    nums = "".join(f"    {k}: {c[k]}\n" for k in ("value", "low", "high") if k in c)
    who = "    claimant_country: TJK\n" if basis == "declared" else ""
    return (
        f"  - id: p{i}\n    quantity: troops\n    country: {country or 'null'}\n{nums}"
        f"    qualifier: {c['qualifier']}\n    basis: {basis}\n{who}    source: test-20200504-one\n"
    )


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.tuples(
            qualifier_and_numbers,
            st.sampled_from(["declared", "estimated", "reported"]),
            st.sampled_from([None, "TJK", "RUS"]),
        ),
        min_size=0,
        max_size=8,
    )
)
def test_published_tables_load_back_identical(
    mini_repo: Any, tmp_path: Path, claims: list[tuple[Any, str, str | None]]
) -> None:
    head, tail = BASE_RECORD.split("claims:\n", 1)
    sources = tail[tail.index("sources:") :]
    body = "".join(claim_yaml(i, c, basis, country) for i, (c, basis, country) in enumerate(claims))
    root = mini_repo(head + ("claims:\n" + body if body else "claims: []\n") + sources)
    try:
        tables, version = make_tables(Layout(root))
    except (
        BuildError
    ) as exc:  # random contingents may add up to more than a random total: not this test's case
        assume(all("contingents add up" in p.message for p in exc.problems))
        return
    out = tmp_path / f"pub-{os.getpid()}-{len(list(tmp_path.iterdir()))}"
    release = publish(tables, out, version=version)
    from military_exercises import load

    old = os.environ.get(load.ENV_VAR)
    os.environ[load.ENV_VAR] = str(release)
    try:
        for name, frame in tables.items():
            loader = getattr(load, f"load_{name}", None)
            if loader is None:  # a table without its own loader function
                loader = lambda lazy=False, name=name: load.load_table(name, lazy=lazy)  # noqa: E731
            loaded = loader()
            assert loaded.schema == frame.schema, name
            assert loaded.equals(frame), name
            assert loader(lazy=True).collect().equals(frame), name
        assert load.data_version() == version
    finally:
        if old is None:
            del os.environ[load.ENV_VAR]
        else:
            os.environ[load.ENV_VAR] = old
    assert tables["claims"].height == len(claims)
    sizes = tables["sizes"]
    assert sizes.filter(pl.col("low") > pl.col("best")).height == 0
    assert sizes.filter(pl.col("best") > pl.col("high")).height == 0


# --- reconciliation with derived totals ----------------------------------------------------------------

roles = st.sampled_from(["host", "participant", "partial", "observer"])


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.fixed_dictionaries(
            {
                "n": qualifier_and_numbers,
                "basis": st.sampled_from(["declared", "estimated", "reported"]),
                "source_id": st.sampled_from(["a", "b"]),
                "country_iso3": st.sampled_from([None, "AAA", "BBB", "CCC"]),
                "component": st.sampled_from([None, None, "regulars", "reservists"]),
                "exercise_id": st.sampled_from(["e1", "e2"]),
            }
        ),
        max_size=14,
    ),
    st.lists(roles, min_size=3, max_size=3),
)
def test_reconcile_bounds_and_claims_with_derived_totals(
    rows: list[dict[str, Any]], role_list: list[str]
) -> None:
    assume(any(r != "observer" for r in role_list))
    flat = []
    for i, r in enumerate(rows):
        n = r.pop("n")
        flat.append(
            {
                "claim_id": f"{r['exercise_id']}/c{i}",
                "quantity": "troops",
                "value": None,
                "low": None,
                "high": None,
                **n,
                **r,
            }
        )
    claims = pl.DataFrame(
        flat,
        schema={"claim_id": pl.String, "exercise_id": pl.String, "quantity": pl.String, "country_iso3": pl.String,
                "qualifier": pl.String, "value": pl.Int64, "low": pl.Int64, "high": pl.Int64, "basis": pl.String,
                "source_id": pl.String, "component": pl.String},
    )  # fmt: skip
    participants = pl.DataFrame(
        {
            "exercise_id": ["e1"] * 3 + ["e2"] * 3,
            "iso3": ["AAA", "BBB", "CCC"] * 2,
            "role": role_list * 2,
        }
    )
    sizes = reconcile(claims, participants)
    assert sizes.filter(~((pl.col("low") <= pl.col("best")) & (pl.col("best") <= pl.col("high")))).height == 0
    # every claim is used exactly once per basis view among the sizes computed from claims
    from_claims = sizes.filter(pl.col("method") == "claims")
    for combined in (True, False):
        view = (pl.col("basis") == "combined") if combined else (pl.col("basis") != "combined")
        used = from_claims.filter(view)["claim_ids"].explode().drop_nulls().to_list()
        expected = set(claims["claim_id"]) - lone_parts(claims, combined=combined)
        assert sorted(used) == sorted(expected)
    # a derived total exists only where no whole-exercise size from claims does, and uses only contingents
    derived = sizes.filter(pl.col("method") == "derived_from_contingents")
    whole = from_claims.filter(pl.col("scope") == "exercise").select("exercise_id", "quantity", "basis")
    assert derived.join(whole, on=["exercise_id", "quantity", "basis"], how="semi").height == 0
    contingent_ids = set(claims.filter(pl.col("country_iso3").is_not_null())["claim_id"])
    assert set(derived["claim_ids"].explode().drop_nulls()) <= contingent_ids
    # ... and is exactly the sum of the contingents' sizes (step 5 of the rule)
    contingents = (
        from_claims.filter(pl.col("scope") == "country")
        .group_by("exercise_id", "quantity", "basis")
        .agg(pl.col("low").sum(), pl.col("best").sum(), pl.col("high").sum())
    )
    joined = derived.join(contingents, on=["exercise_id", "quantity", "basis"], suffix="_sum")
    assert joined.height == derived.height
    for b in ("low", "best", "high"):
        assert (joined[b] == joined[f"{b}_sum"]).all()
