"""The bad-input catalogue: one case per kind of mistake a curator (or an attacker) can make.

Each case starts from a published release of a valid record, breaks the sources in one way, and
asserts the complete report (file, line where YAML gives one, field, message), that the build
fails, and that the previous release is byte for byte unchanged. Line numbers refer to
``tests.conftest.BASE_RECORD`` (line 1 ``id``, 18 ``country: Russia``, 25-33 claim c1, 34-41 claim c2,
43-48 the source).
"""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.conftest import BASE_RECORD, cli_command, release_digest

from military_exercises.pipeline.build import build
from military_exercises.pipeline.problems import BuildError
from military_exercises.pipeline.yamlsafe import MAX_FILE_BYTES

ALPHA = "2020/2020-05-alpha-drill.yaml"
BETA = "2020/2020-05-beta-drill.yaml"
A = f"dataset/sources/{ALPHA}"
B = f"dataset/sources/{BETA}"


def edit(old: str, new: str, text: str = BASE_RECORD) -> str:
    """``text`` with ``old`` replaced once; fails loudly if the fixture no longer contains ``old``."""
    assert text.count(old) == 1, old
    return text.replace(old, new)


def beta(text: str = BASE_RECORD) -> str:
    """The base record as a second exercise two weeks later (same source, so shared-source rules
    apply; other dates, so it is not a likely duplicate of the first)."""
    text = text.replace('start: "2020-05-04"', 'start: "2020-05-18"').replace(
        'end: "2020-05-08"', 'end: "2020-05-22"'
    )
    return text.replace("2020-05-alpha-drill", "2020-05-beta-drill")


def expect_failure(root: Path, files: dict[str, str | bytes], expected: list[str]) -> None:
    """Write ``files`` over the sources, build, and compare the report with ``expected`` lines."""
    before = release_digest(root / "dataset" / "release")
    target = os.readlink(root / "dataset" / "release")
    for rel, data in files.items():
        path = root / "dataset" / "sources" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    with pytest.raises(BuildError) as info:
        build(root)
    n = len(expected)
    n_files = len({line.split(":", 1)[0] for line in expected})
    head = f"{n} problem{'s' if n != 1 else ''} in {n_files} file{'s' if n_files != 1 else ''}:"
    assert info.value.report().splitlines() == [head, *(f"  {line}" for line in expected)]
    assert os.readlink(root / "dataset" / "release") == target
    assert release_digest(root / "dataset" / "release") == before


@pytest.fixture
def published(mini_repo: Callable[..., Path]) -> Path:
    """A repository whose valid base record has been built once (the 'previous release')."""
    root = mini_repo(BASE_RECORD)
    build(root)
    return root


# (kind, files to write, the complete expected report)
CASES: list[tuple[str, dict[str, str | bytes], list[str]]] = [
    (
        "invalid YAML",
        {ALPHA: edit("domains: [land]", "domains: [land")},
        [f"{A}:23: invalid YAML: did not find expected ',' or ']'"],
    ),
    (
        "non-UTF-8 file",
        {ALPHA: edit("a training ground", "a training gr\xf6und").encode("latin-1")},
        [f"{A}:9: not valid UTF-8 (byte 155); save the file as UTF-8"],
    ),
    ("empty file", {ALPHA: ""}, [f"{A}: file is empty"]),
    ("only whitespace", {ALPHA: "\n   \n"}, [f"{A}: file is empty"]),
    (
        "duplicated key in a mapping",
        {ALPHA: edit("series: null", "series: null\nname: Beta")},
        [f"{A}:4: name: duplicated key 'name' (first given on line 2)"],
    ),
    (
        "duplicated key in a nested mapping",
        {ALPHA: edit("    low: 200", "    low: 200\n    low: 250")},
        [f"{A}:38: claims[1].low: duplicated key 'low' (first given on line 37)"],
    ),
    (
        "unknown key",
        {ALPHA: edit("series: null", "seires: null")},
        [f"{A}:3: seires: unknown key (see dataset/sources/README.md for the accepted keys)"],
    ),
    (
        "missing required field",
        {ALPHA: edit('start: "2020-05-04"\n', "")},
        [f"{A}:1: start: required key is missing"],
    ),
    (
        "wrong type: number written with a thousands separator",
        {ALPHA: edit("value: 1000", 'value: "1,000"')},
        [
            f"{A}:28: claims[0].value: must be a whole number (no quotes, no thousands separators), got '1,000'"
        ],
    ),
    (
        "wrong type: fraction for a count",
        {ALPHA: edit("value: 1000", "value: 1000.5")},
        [f"{A}:28: claims[0].value: must be a whole number (no quotes, no thousands separators), got 1000.5"],
    ),
    (
        "wrong type: scalar for a list",
        {ALPHA: edit("domains: [land]", "domains: land")},
        [f"{A}:22: domains: must be a list, got 'land'"],
    ),
    (
        "wrong type: unquoted year",
        {ALPHA: edit('end: "2020-05-08"', "end: 2020")},
        [f'{A}:5: end: must be text, got the number 2020; quote it ("2020")'],
    ),
    (
        "unknown country name",
        {ALPHA: edit("country: Russia", "country: Ruritania")},
        [
            f"{A}:18: participants[1].country: unknown country 'Ruritania': use an ISO3 code or add the name to dataset/mappings/country_aliases.csv",
            # the contingent claim for RUS now names a state that is not among the participants
            f"{A}:36: claims[1].country: claim is for RUS, which is not a host, participant or partial participant",
        ],
    ),
    (
        "'-9' as a participant (MME's missing code)",
        {ALPHA: edit("country: Russia", 'country: "-9"').replace("country: RUS", "country: null")},
        [
            f"{A}:18: participants[1].country: unknown country '-9': use an ISO3 code or add the name to dataset/mappings/country_aliases.csv"
        ],
    ),
    (
        "an organisation as a participant",
        {ALPHA: edit("country: Russia", "country: NATO").replace("country: RUS", "country: null")},
        [
            f"{A}:18: participants[1].country: 'NATO' is an organisation, not a state: set organisation: NATO and list the member states that took part"
        ],
    ),
    (
        "invalid ISO 3166-2 code",
        {ALPHA: edit("admin1: GBAO", "admin1: TJ-ZZ")},
        [
            f"{A}:8: location.admin1: unknown ISO 3166-2 code or alias 'TJ-ZZ': use a code such as TJ-GB or add the name to dataset/mappings/admin1_aliases.csv"
        ],
    ),
    (
        "admin-1 area of another country",
        {ALPHA: edit("admin1: GBAO", "admin1: RU-MOS")},
        [f"{A}:8: location.admin1: admin1 RU-MOS is not in location country TJK"],
    ),
    (
        "impossible date 2018-02-30",
        {
            "2018/2018-02-alpha-drill.yaml": BASE_RECORD.replace("2020-05-alpha-drill", "2018-02-alpha-drill")
            .replace('start: "2020-05-04"', 'start: "2018-02-30"')
            .replace('end: "2020-05-08"', 'end: "2018-03-02"')
        },
        [
            "dataset/sources/2018/2018-02-alpha-drill.yaml:4: start: '2018-02-30': day 30 does not exist in 2018-02"
        ],
    ),
    (
        "partial date in a wrong format",
        {ALPHA: edit('end: "2020-05-08"', 'end: "05/2020"')},
        [f'{A}:5: end: \'05/2020\' is not a partial ISO date; use "YYYY", "YYYY-MM" or "YYYY-MM-DD"'],
    ),
    (
        "month without its leading zero",
        {ALPHA: edit('published: "2020-05-04"', 'published: "2020-5"')},
        [
            f'{A}:47: sources[0].published: \'2020-5\' is not a partial ISO date; use "YYYY", "YYYY-MM" or "YYYY-MM-DD"'
        ],
    ),
    (
        "end before start",
        {ALPHA: edit('end: "2020-05-08"', 'end: "2020-05-01"')},
        [f"{A}:5: end: end 2020-05-01 is before start 2020-05-04"],
    ),
    (
        "end before start at month precision",
        {ALPHA: edit('end: "2020-05-08"', 'end: "2020-04"')},
        [f"{A}:5: end: end 2020-04 is before start 2020-05-04"],
    ),
    (
        "negative count",
        {ALPHA: edit("value: 1000", "value: -5")},
        [f"{A}:28: claims[0].value: value -5 is negative; counts are zero or more"],
    ),
    (
        "count too large for any table",
        {ALPHA: edit("value: 1000", "value: 99999999999999999999")},
        [
            f"{A}:28: claims[0].value: value 99,999,999,999,999,999,999 is larger than any count (1,000,000,000,000)"
        ],
    ),
    (
        "hugely negative count",
        {ALPHA: edit("low: 200", "low: -99999999999999999999")},
        [f"{A}:37: claims[1].low: low -99999999999999999999 is negative; counts are zero or more"],
    ),
    (
        "low > high",
        {ALPHA: edit("low: 200\n    high: 300", "low: 300\n    high: 200")},
        [f"{A}:37: claims[1].low: low (300) is greater than high (200)"],
    ),
    (
        "value and range both given",
        {ALPHA: edit("    low: 200", "    value: 250\n    low: 200")},
        [f"{A}:37: claims[1].value: a range gives low and high, not value"],
    ),
    (
        "qualifier/value mismatch: range with a single value",
        {ALPHA: edit("qualifier: about", "qualifier: range")},
        [
            f"{A}:28: claims[0].value: a range gives low and high, not value",
            f"{A}:29: claims[0].qualifier: qualifier 'range' needs both low and high",
        ],
    ),
    (
        "qualifier/value mismatch: exact with low and high",
        {ALPHA: edit("qualifier: range", "qualifier: exact")},
        [
            f"{A}:34: claims[1].value: qualifier 'exact' needs a value",
            f"{A}:37: claims[1].low: low/high belong to qualifier 'range'; qualifier 'exact' takes value",
        ],
    ),
    (
        "duplicate exercise id across files (a copied file)",
        {BETA: BASE_RECORD},
        [
            f"{B}:1: id: exercise id '2020-05-alpha-drill' is also used by {A}",
            f"{B}:1: id: id '2020-05-alpha-drill' does not match the file name '2020-05-beta-drill'.yaml",
        ],
    ),
    (
        "duplicate exercise id across year folders",
        {"2021/2020-05-alpha-drill.yaml": BASE_RECORD},
        [
            "dataset/sources/2021/2020-05-alpha-drill.yaml:1: id: exercise id '2020-05-alpha-drill' is also used by "
            f"{A}",
            "dataset/sources/2021/2020-05-alpha-drill.yaml:4: start: file must be in the folder of its start year (2020/)",
        ],
    ),
    (
        "id not matching the file name",
        {ALPHA: edit("id: 2020-05-alpha-drill", "id: 2020-05-alpha-dril")},
        [f"{A}:1: id: id '2020-05-alpha-dril' does not match the file name '2020-05-alpha-drill'.yaml"],
    ),
    (
        "claim citing an unknown source",
        {ALPHA: edit("    source: test-20200504-one\nsources", "    source: test-20200504-two\nsources")},
        [
            f"{A}:41: claims[1].source: claim cites source 'test-20200504-two', which is not among this file's sources: test-20200504-one"
        ],
    ),
    (
        "same source id with different metadata in two files",
        {BETA: beta(edit("title: A test report", "title: Another title"))},
        [
            f"{B}:45: sources[0].title: source 'test-20200504-one' has title 'Another title' here but 'A test report' in {A}; one id, one page"
        ],
    ),
    (
        "one URL under two source ids",
        {BETA: beta().replace("test-20200504-one", "test-20200504-two")},
        [f"{B}:46: sources[0].url: url is already cited as 'test-20200504-one' in {A}; reuse that id"],
    ),
    (
        "URL not http(s)",
        {ALPHA: edit("https://example.org/a", "ftp://example.org/a")},
        [f"{A}:46: sources[0].url: url 'ftp://example.org/a' must be an http(s) address"],
    ),
    (
        "URL without a host",
        {ALPHA: edit("https://example.org/a", "https:///a")},
        [f"{A}:46: sources[0].url: url 'https:///a' must be an http(s) address"],
    ),
    (
        "participant listed twice (a name and its code)",
        {ALPHA: edit("  - country: Kazakh\n    role: observer", "  - country: RUS\n    role: observer")},
        [f"{A}:20: participants[2].country: RUS is listed twice among participants"],
    ),
    (
        "claim for a country not among participants",
        {ALPHA: edit("country: RUS", "country: KAZ")},
        [
            f"{A}:36: claims[1].country: claim is for KAZ, which is not a host, participant or partial participant"
        ],
    ),
    (
        "declared by a state that does not take part",
        {ALPHA: edit("claimant_country: TJK", "claimant_country: KAZ")},
        [
            f"{A}:32: claims[0].claimant_country: declared by KAZ, which does not take part; use basis 'estimated'"
        ],
    ),
    (
        "latitude out of range",
        {ALPHA: edit("lat: null", "lat: 91.5").replace("lon: null", "lon: 10")},
        [f"{A}:11: location.lat: lat 91.5 is outside -90..90"],
    ),
    (
        "longitude out of range",
        {ALPHA: edit("lat: null", "lat: 1").replace("lon: null", "lon: -181")},
        [f"{A}:12: location.lon: lon -181 is outside -180..180"],
    ),
    (
        "coordinate that is not a finite number",
        {ALPHA: edit("lat: null", "lat: .nan").replace("lon: null", "lon: 10")},
        [f"{A}:11: location.lat: '.nan' is not a finite number"],
    ),
    (
        "implausible size not on the allow-list",
        {ALPHA: edit("value: 1000", "value: 600000")},
        [
            f"{A}:28: claims[0].value: troops 600,000 is above the plausibility limit 500,000; if a source really says so, add '2020-05-alpha-drill,troops,plausible_limit,<reason>' to dataset/allowlist.csv"
        ],
    ),
    (
        "implausible high end of a range",
        {ALPHA: edit("high: 300", "high: 900000")},
        [
            f"{A}:38: claims[1].high: troops 900,000 is above the plausibility limit 500,000; if a source really says so, add '2020-05-alpha-drill,troops,plausible_limit,<reason>' to dataset/allowlist.csv"
        ],
    ),
    (
        "anchor and alias",
        {ALPHA: edit("name: Alpha Drill", "name: &n Alpha Drill").replace("series: null", "series: *n")},
        [f"{A}:2: series: YAML aliases (*name) are not allowed in source records"],
    ),
    (
        "merge key",
        {ALPHA: edit("location:\n", "location:\n  <<: {place: x}\n")},
        [f"{A}:7: location: YAML merge keys (<<) are not allowed"],
    ),
    (
        "alias bomb ('billion laughs')",
        {
            ALPHA: "a: &a [x, x, x, x, x, x, x, x, x]\n"
            + "".join(
                f"{n}: &{n} [{', '.join([f'*{p}'] * 9)}]\n"
                for p, n in zip("abcdefgh", "bcdefghi", strict=True)
            )
        },
        [f"{A}:1: b[0]: YAML aliases (*name) are not allowed in source records"],
    ),
    (
        "file over the size limit",
        {ALPHA: BASE_RECORD + "notes: " + "x" * MAX_FILE_BYTES + "\n"},
        [
            f"{A}: file is {len(BASE_RECORD) + 8 + MAX_FILE_BYTES:,} bytes; source records are limited to 262,144"
        ],
    ),
    (
        "deep nesting",
        {ALPHA: edit("name: Alpha Drill", "name: " + "[" * 500 + "]" * 500)},
        [
            f"{A}:2: name[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0]: nested more than 20 levels deep"
        ],
    ),
    (
        "Python object tag (unsafe loading)",
        {ALPHA: edit("name: Alpha Drill", "name: !!python/object/apply:os.system [echo hi]")},
        [f"{A}:2: name: unsupported YAML tag 'tag:yaml.org,2002:python/object/apply:os.system'"],
    ),
    (
        "control character",
        {ALPHA: edit("a training ground", "a training\x00ground")},
        [f"{A}:9: invalid YAML: control character U+0000 is not allowed"],
    ),
    (
        "two YAML documents in one file",
        {ALPHA: BASE_RECORD + "---\nid: x\n"},
        [f"{A}:49: invalid YAML: but found another document"],
    ),
    (
        "!!set instead of a list",
        {ALPHA: edit("domains: [land]", "domains: !!set {land: null}")},
        [f"{A}:22: domains: unsupported YAML tag 'tag:yaml.org,2002:set'"],
    ),
    (
        "a list instead of a mapping",
        {ALPHA: "- id: 2020-05-alpha-drill\n"},
        [f"{A}:1: the file must hold one mapping (key: value lines) at the top"],
    ),
    (
        "draft record from the extractor that was never reviewed",
        {ALPHA: BASE_RECORD + "status: draft\n"},
        [
            f"{A}:49: status: draft record from the extractor: check every value against its source, then delete the 'status: draft' line"
        ],
    ),
    (
        "states claim for one country's contingent",
        {
            ALPHA: edit(
                "quantity: troops\n    country: RUS\n    low: 200\n    high: 300",
                "quantity: states\n    country: RUS\n    low: 20\n    high: 30",
            )
        },
        [
            f"{A}:36: claims[1].country: a 'states' claim counts the participating states of the whole "
            "exercise: country must be null"
        ],
    ),
    (
        "full_list_source that is not among the file's sources",
        {ALPHA: BASE_RECORD + "full_list_source: test-20200504-two\n"},
        [
            f"{A}:49: full_list_source: full_list_source 'test-20200504-two' is not among this file's sources: test-20200504-one"
        ],
    ),
    (
        "several problems in one file: a typo key does not hide the others",
        {
            ALPHA: edit(
                'end: "2020-05-08"',
                'end: "2020-05-01"',
                edit("value: 1000", "value: -5", edit("series: null", "seires: null")),
            )
        },
        [
            f"{A}:3: seires: unknown key (see dataset/sources/README.md for the accepted keys)",
            f"{A}:5: end: end 2020-05-01 is before start 2020-05-04",
            f"{A}:28: claims[0].value: value -5 is negative; counts are zero or more",
        ],
    ),
    (
        "contingents that add up to more than the stated total (same basis)",
        {
            ALPHA: edit(
                "    low: 200\n    high: 300\n    qualifier: range\n    basis: reported",
                "    value: 5000\n    qualifier: exact\n    basis: declared\n    claimant_country: RUS",
            )
        },
        [
            f"{A}:25: claims: declared troops contingents add up to at least 5,000, more than the whole "
            "exercise's 1,000; check both figures, or if the sources really say so add "
            "'2020-05-alpha-drill,troops,contingents_exceed_total,<reason>' to dataset/allowlist.csv"
        ],
    ),
    (
        "source URL spelled differently under a second id (scheme, www, slash, tracking)",
        {
            BETA: beta()
            .replace("test-20200504-one", "test-20200504-two")
            .replace("https://example.org/a", "http://WWW.example.org/a/?utm_source=x#top")
        },
        [
            f"{B}:46: sources[0].url: 'http://WWW.example.org/a/?utm_source=x#top' is the same page as "
            f"'https://example.org/a', cited as 'test-20200504-one' in {A}; one page has one id: reuse that id"
        ],
    ),
    (
        "likely duplicate exercise under a new id",
        {BETA: BASE_RECORD.replace("2020-05-alpha-drill", "2020-05-beta-drill")},
        [
            f"{B}:1: id: likely the same exercise as 2020-05-alpha-drill ({A}): overlapping dates in TJK, "
            "100% of states shared; if they are different exercises, add 'distinct_from: [2020-05-alpha-drill]' "
            "to this record"
        ],
    ),
    (
        "distinct_from naming an exercise that does not exist",
        {ALPHA: BASE_RECORD + "distinct_from: [2020-05-gamma-drill]\n"},
        [f"{A}:1: distinct_from: '2020-05-gamma-drill' is not the id of any exercise"],
    ),
    (
        "file with the .yml extension",
        {"2020/2020-05-beta-drill.yml": beta()},
        ["dataset/sources/2020/2020-05-beta-drill.yml: rename to .yaml: source records end in .yaml"],
    ),
]


def test_the_catalogue_covers_every_kind_the_issue_lists() -> None:
    kinds = " | ".join(kind for kind, _, _ in CASES)
    for needed in [
        "invalid YAML", "non-UTF-8", "empty file", "duplicated key", "unknown key", "missing required",
        "wrong type", "unknown country name", "invalid ISO 3166-2", "impossible date", "partial date in a wrong",
        "end before start", "negative count", "low > high", "value and range both", "qualifier/value mismatch",
        "duplicate exercise id across files", "id not matching", "unknown source", "same source id",
        "URL not http(s)", "participant listed twice", "country not among participants", "latitude out of range",
        "longitude out of range", "implausible size", "alias bomb", "size limit", "draft record",
    ]:  # fmt: skip
        assert needed in kinds, needed


@pytest.mark.parametrize(("kind", "files", "expected"), CASES, ids=[c[0] for c in CASES])
def test_bad_input_is_reported_and_nothing_is_published(
    published: Path, kind: str, files: dict[str, str | bytes], expected: list[str]
) -> None:
    expect_failure(published, files, expected)


def test_alias_bomb_is_refused_quickly(published: Path) -> None:
    # 9 ** 9 = 387 million strings if the aliases were expanded; refusing must not expand them.
    bomb = next(files for kind, files, _ in CASES if kind.startswith("alias bomb"))
    (published / "dataset" / "sources" / ALPHA).write_text(str(bomb[ALPHA]), encoding="utf-8")
    started = time.perf_counter()
    with pytest.raises(BuildError):
        build(published)
    assert time.perf_counter() - started < 10


def test_allowlisted_implausible_size_builds(published: Path) -> None:
    root = published
    (root / "dataset" / "allowlist.csv").write_text(
        "exercise_id,quantity,check,reason\n2020-05-alpha-drill,troops,plausible_limit,test: the source says 600000\n",
        encoding="utf-8",
    )
    (root / "dataset" / "sources" / ALPHA).write_text(edit("value: 1000", "value: 600000"), encoding="utf-8")
    build(root)


def test_allowlist_entry_without_a_reason_is_a_problem(published: Path) -> None:
    (published / "dataset" / "allowlist.csv").write_text(
        "exercise_id,quantity,check,reason\n2020-05-alpha-drill,troops,plausible_limit,\n", encoding="utf-8"
    )
    expect_failure(published, {}, ["dataset/allowlist.csv:2: reason: an allow-list entry needs a reason"])


def test_every_problem_of_a_build_comes_in_one_report(published: Path) -> None:
    # Four files, each broken in its own way, plus a cross-file conflict: one report names them all.
    expect_failure(
        published,
        {
            ALPHA: edit("value: 1000", "value: -1"),
            BETA: beta(edit("title: A test report", "title: Changed"))
            .replace("country: Russia", "country: Ruritania")
            .replace("country: RUS", "country: null"),
            "2020/2020-06-gamma-drill.yaml": "",
            "2020/2020-07-delta-drill.yaml": BASE_RECORD.replace(
                "2020-05-alpha-drill", "2020-07-delta-drill"
            ).replace("  - id: c2", "  - id: c1"),
        },
        [
            f"{A}:28: claims[0].value: value -1 is negative; counts are zero or more",
            f"{B}:18: participants[1].country: unknown country 'Ruritania': use an ISO3 code or add the name to dataset/mappings/country_aliases.csv",
            f"{B}:45: sources[0].title: source 'test-20200504-one' has title 'Changed' here but 'A test report' in {A}; one id, one page",
            "dataset/sources/2020/2020-06-gamma-drill.yaml: file is empty",
            "dataset/sources/2020/2020-07-delta-drill.yaml:34: claims[1].id: claim id 'c1' is used twice in this file",
        ],
    )


def test_cli_build_exits_non_zero_with_the_report_and_keeps_the_release(published: Path) -> None:
    before = release_digest(published / "dataset" / "release")
    (published / "dataset" / "sources" / ALPHA).write_text(
        edit('end: "2020-05-08"', 'end: "2020-05-01"'), encoding="utf-8"
    )
    (published / "dataset" / "sources" / BETA).write_text(beta() + "status: draft\n", encoding="utf-8")
    proc = subprocess.run(
        [*cli_command(), "build", "--root", str(published)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 1
    assert proc.stdout == ""
    assert proc.stderr.splitlines() == [
        "build failed; the previous release is unchanged.",
        "2 problems in 2 files:",
        f"  {A}:5: end: end 2020-05-01 is before start 2020-05-04",
        f"  {B}:49: status: draft record from the extractor: check every value against its source, then delete the 'status: draft' line",
    ]
    assert release_digest(published / "dataset" / "release") == before
    # `check` reports the same and publishes nothing either
    check = subprocess.run(
        [*cli_command(), "check", "--root", str(published)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert check.returncode == 1
    assert check.stderr.splitlines()[1:] == proc.stderr.splitlines()[1:]
