"""Second reliability round: nothing skipped silently, dates against the build date, allow-list and
mapping files with located messages, a damaged release repaired, loaders that check the release,
the parse cache that never changes the output, and make that cannot break a release."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import textwrap
from collections.abc import Callable
from pathlib import Path

import polars as pl
import pytest
from tests.conftest import BASE_RECORD, REPO, release_digest

from military_exercises import load
from military_exercises.pipeline.build import build
from military_exercises.pipeline.problems import BuildError
from military_exercises.pipeline.urls import normalise_url

A = "dataset/sources/2020/2020-05-alpha-drill.yaml"


def report(root: Path) -> list[str]:
    with pytest.raises(BuildError) as info:
        build(root)
    return [str(p) for p in info.value.problems]


@pytest.fixture
def published(mini_repo: Callable[..., Path]) -> Path:
    root = mini_repo(BASE_RECORD)
    build(root)
    return root


# --- source discovery never skips silently -------------------------------------------------------------


def test_symlinked_year_folder_is_refused_not_skipped(published: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "2021-01-gamma-drill.yaml").write_text("id: x\n", encoding="utf-8")
    (published / "dataset" / "sources" / "2021").symlink_to(elsewhere, target_is_directory=True)
    assert report(published) == [
        "dataset/sources/2021: symbolic link: not followed; put the real folder or file here"
    ]


def test_fifo_named_yaml_is_refused_without_hanging(published: Path) -> None:
    os.mkfifo(published / "dataset" / "sources" / "2020" / "2020-05-pipe.yaml")
    assert report(published) == [
        "dataset/sources/2020/2020-05-pipe.yaml: not a regular file (FIFO, socket or device); only "
        "<year>/<id>.yaml files belong here"
    ]


def test_huge_file_is_refused_before_it_is_read(published: Path) -> None:
    huge = published / "dataset" / "sources" / "2020" / "2020-05-huge.yaml"
    with huge.open("wb") as fh:  # sparse: 4 GiB on paper, nothing on disk
        fh.truncate(4 * 1024**3)
    assert report(published) == [
        "dataset/sources/2020/2020-05-huge.yaml: file is 4,294,967,296 bytes; source records are limited "
        "to 262,144"
    ]


def test_empty_source_tree_is_an_error(mini_repo: Callable[..., Path]) -> None:
    root = mini_repo()
    assert report(root) == ["dataset/sources: no source records found: a release needs at least one"]


def test_unreadable_folder_is_an_error(published: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # As root, chmod cannot make a folder unreadable; the refusal the OS would give is simulated.
    real = os.scandir
    target = str(published / "dataset" / "sources" / "2020")

    def scandir(path: str) -> object:
        if str(path) == target:
            raise PermissionError(13, "Permission denied", path)
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    assert report(published) == ["dataset/sources/2020: cannot read folder: Permission denied"]


def test_file_name_with_a_space_is_reported(published: Path) -> None:
    shutil.copy(published / A, published / "dataset" / "sources" / "2020" / "2020-05-alpha drill.yaml")
    lines = report(published)
    assert lines[0].startswith(
        "dataset/sources/2020/2020-05-alpha drill.yaml:1: id: id '2020-05-alpha-drill'"
    )


# --- dates against the build date ----------------------------------------------------------------------


def test_future_source_and_future_start_need_planned(
    published: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MILITARY_EXERCISES_TODAY", "2020-05-01")
    assert report(published) == [
        f"{A}:4: start: starts 2020-05-04, after the build date 2020-05-01; an announced exercise needs "
        "'planned: true'",
        f"{A}:47: sources[0].published: published 2020-05-04 is after the build date 2020-05-01",
    ]


def test_planned_exercise_builds_and_is_shown_as_planned(
    published: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = BASE_RECORD.replace('start: "2020-05-04"', 'start: "2020-09-01"').replace(
        'end: "2020-05-08"', 'end: "2020-09-05"'
    )
    (published / A).write_text(text + "planned: true\n", encoding="utf-8")
    monkeypatch.setenv("MILITARY_EXERCISES_TODAY", "2020-06-01")
    release = build(published)
    ex = pl.read_parquet(release / "exercises.parquet")
    assert (
        ex.select("exercise_id", "planned").rows() == [("2020-05-alpha-drill", True)]
        or ex.select("planned").item() is True
    )


def test_start_years_after_the_newest_source_is_a_problem(published: Path) -> None:
    text = (
        BASE_RECORD.replace("2020-05-alpha-drill", "2023-05-alpha-drill")
        .replace('start: "2020-05-04"', 'start: "2023-05-04"')
        .replace('end: "2020-05-08"', 'end: "2023-05-08"')
    )
    (published / A).unlink()
    (published / "dataset" / "sources" / "2023").mkdir()
    (published / "dataset" / "sources" / "2023" / "2023-05-alpha-drill.yaml").write_text(
        text, encoding="utf-8"
    )
    assert report(published) == [
        "dataset/sources/2023/2023-05-alpha-drill.yaml:4: start: starts 2023-05-04, years after its newest "
        "source (2020-05-04); cite a page about this edition, or mark an announced exercise 'planned: true'"
    ]


# --- URLs ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "page"),
    [
        ("https://example.org/a", "https://example.org/a"),
        ("http://example.org/a", "https://example.org/a"),
        ("https://WWW.Example.org/a/", "https://example.org/a"),
        ("https://example.org:443/a#section", "https://example.org/a"),
        ("https://example.org/a?utm_source=tw&id=7&fbclid=XYZ", "https://example.org/a?id=7"),
        ("https://example.org/a?id=7&page=2", "https://example.org/a?id=7&page=2"),
        ("https://example.org/A", "https://example.org/A"),  # paths keep their case
        ("https://example.org:8080/a", "https://example.org:8080/a"),
    ],
)
def test_url_normalisation(url: str, page: str) -> None:
    assert normalise_url(url) == page


# --- allow-list and mapping tables ---------------------------------------------------------------------


def test_allowlist_with_bom_and_contingent_override_builds(published: Path) -> None:
    text = BASE_RECORD.replace(
        "    low: 200\n    high: 300\n    qualifier: range\n    basis: reported",
        "    value: 5000\n    qualifier: exact\n    basis: declared\n    claimant_country: RUS",
    )
    (published / A).write_text(text, encoding="utf-8")
    (published / "dataset" / "allowlist.csv").write_bytes(
        "\ufeffexercise_id,quantity,check,reason\n"
        "2020-05-alpha-drill,troops,contingents_exceed_total,test: the page gives both figures\n".encode()
    )
    build(published)


def test_stale_allowlist_entries_are_reported(published: Path) -> None:
    (published / "dataset" / "allowlist.csv").write_text(
        "exercise_id,quantity,check,reason\n"
        "2020-05-alpha-drill,troops,plausible_limit,was needed once\n"
        "2019-01-gone-drill,ships,contingents_exceed_total,record deleted since\n",
        encoding="utf-8",
    )
    assert report(published) == [
        "dataset/allowlist.csv:2: exercise_id: stale entry: 2020-05-alpha-drill has no troops figure that "
        "needs it (plausible_limit); delete the line",
        "dataset/allowlist.csv:3: exercise_id: stale entry: 2019-01-gone-drill has no ships figure that "
        "needs it (contingents_exceed_total); delete the line",
    ]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("exercise_id,quantity,reason\nx,troops,r\n", "dataset/allowlist.csv:1: missing column(s) check"),
        (
            "exercise_id,quantity,check,reason\nx,troops,size,r\n",
            "dataset/allowlist.csv:2: check: unknown check 'size'; accepted: plausible_limit, contingents_exceed_total",
        ),
        (
            "exercise_id,quantity,check,reason\nx,troops\n",
            "dataset/allowlist.csv:2: 2 cells, but the header has 4",
        ),
    ],
)
def test_malformed_allowlist_gives_a_located_message(published: Path, content: str, expected: str) -> None:
    (published / "dataset" / "allowlist.csv").write_text(content, encoding="utf-8")
    (line,) = report(published)
    assert line.startswith(expected)


def test_bad_code_in_countries_csv_gives_a_located_message(published: Path) -> None:
    path = published / "dataset" / "mappings" / "countries.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    row = next(i for i, line in enumerate(lines) if line.startswith("TJK,"))
    cells = lines[row].split(",")
    cells[lines[0].split(",").index("gw_code")] = "seven"
    lines[row] = ",".join(cells)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert report(published) == [
        f"dataset/mappings/countries.csv:{row + 1}: gw_code: 'seven' is not a whole number"
    ]


def test_read_only_dataset_folder_gives_a_message_not_a_traceback(
    published: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from military_exercises import cli
    from military_exercises.pipeline import publish as publish_module

    def refuse(*args: object, **kwargs: object) -> Path:
        raise PermissionError(13, "Permission denied", str(published / "dataset" / ".releases"))

    monkeypatch.setattr("military_exercises.pipeline.build.publish", refuse)
    assert publish_module is not None
    assert cli.main(["build", "--root", str(published)]) == 1
    assert (
        capsys.readouterr().err == f"error: cannot write {published}/dataset/.releases: Permission denied\n"
    )


# --- a damaged release is repaired, and loaders refuse one -----------------------------------------------


def test_rebuild_repairs_a_truncated_release_file(published: Path) -> None:
    release = published / "dataset" / "release"
    before = release_digest(release)
    claims = release.resolve() / "claims.parquet"
    claims.write_bytes(claims.read_bytes()[:100])
    build(published)
    assert release_digest(release) == before


def test_rebuild_repairs_a_missing_release_file(published: Path) -> None:
    release = published / "dataset" / "release"
    before = release_digest(release)
    (release.resolve() / "sizes.parquet").unlink()
    build(published)
    assert release_digest(release) == before


@pytest.fixture
def loaded_release(published: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = (published / "dataset" / "release").resolve()
    monkeypatch.setenv(load.ENV_VAR, str(folder))
    return folder


def test_loader_refuses_a_table_copied_over_another(loaded_release: Path) -> None:
    shutil.copy(loaded_release / "sources.parquet", loaded_release / "claims.parquet")
    with pytest.raises(load.ReleaseMismatchError, match=r"claims.parquet: .*make dataset"):
        load.load_claims()


def test_loader_refuses_a_table_with_other_rows(loaded_release: Path) -> None:
    exercises = pl.read_parquet(loaded_release / "exercises.parquet")
    doubled = pl.concat([exercises, exercises.with_columns(exercise_id=pl.lit("2020-05-other"))])
    doubled.write_parquet(loaded_release / "exercises.parquet")
    size = (loaded_release / "exercises.parquet").stat().st_size
    with pytest.raises(load.ReleaseMismatchError, match=rf"{size:,} bytes, the manifest says"):
        load.load_exercises()


def test_verify_release_finds_a_change_that_keeps_the_size(loaded_release: Path) -> None:
    assert load.verify_release().startswith("0.")
    path = loaded_release / "countries.parquet"
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF  # same size, different content
    path.write_bytes(bytes(data))
    with pytest.raises(load.ReleaseMismatchError, match="differs from the manifest's sha256"):
        load.verify_release()


# --- the parse cache never changes what is published ----------------------------------------------------


def test_cached_build_is_byte_identical_to_a_clean_build(
    mini_repo: Callable[..., Path], tmp_path: Path
) -> None:
    root = mini_repo(BASE_RECORD)
    clean = build(root, use_cache=False)
    clean_bytes = release_digest(clean)
    build(root)  # fills the cache
    assert list((root / "dataset" / ".build" / "cache").rglob("*.pkl"))
    cached = build(root)  # reads it
    assert release_digest(cached) == clean_bytes


def test_a_mapping_change_invalidates_the_cache(published: Path) -> None:
    # 'Kazakh' is an alias in country_aliases.csv; without it the record fails even though the file
    # itself is unchanged and its earlier result is cached.
    build(published)
    path = published / "dataset" / "mappings" / "country_aliases.csv"
    kept = [
        line
        for line in path.read_text(encoding="utf-8").splitlines()
        if not line.lower().startswith("kazakh,")
    ]
    path.write_text("\n".join(kept) + "\n", encoding="utf-8")
    assert any("unknown country 'Kazakh'" in line for line in report(published))


def test_an_edited_file_is_checked_afresh(published: Path) -> None:
    build(published)
    (published / A).write_text(BASE_RECORD.replace("value: 1000", "value: -1"), encoding="utf-8")
    assert report(published) == [f"{A}:28: claims[0].value: value -1 is negative; counts are zero or more"]


# --- make ----------------------------------------------------------------------------------------------


def test_makefile_names_no_file_inside_the_release() -> None:
    out = subprocess.run(
        ["make", "-pn", "-f", str(REPO / "Makefile"), "help"],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=True,
    ).stdout
    targets = [
        line.split(":", 1)[0] for line in out.splitlines() if ":" in line and not line.startswith(("#", "\t"))
    ]
    assert [t for t in targets if t.startswith("dataset/release")] == []


@pytest.fixture
def make_repo(tmp_path: Path) -> Path:
    """A checkout with the real Makefile and a stand-in ``.venv/bin/military-exercises`` that logs
    its calls, so make's own decisions can be tested in seconds."""
    root = tmp_path / "repo"
    for name in ("Makefile", "pyproject.toml"):
        shutil.copy(REPO / name, root / name) if root.exists() else (
            root.mkdir(),
            shutil.copy(REPO / name, root / name),
        )
    (root / "src").mkdir()
    (root / "dataset" / "sources" / "2020").mkdir(parents=True)
    (root / "dataset" / "mappings").mkdir()
    (root / "dataset" / "allowlist.csv").write_text("exercise_id,quantity,check,reason\n", encoding="utf-8")
    for name in ("2020-05-alpha-drill", "2020-06-beta-drill"):
        (root / "dataset" / "sources" / "2020" / f"{name}.yaml").write_text(f"id: {name}\n", encoding="utf-8")
    bin_dir = root / ".venv" / "bin"
    bin_dir.mkdir(parents=True)
    stub = bin_dir / "military-exercises"
    stub.write_text(
        textwrap.dedent(
            """\
            #!/bin/sh
            echo "$@" >> "$(dirname "$0")/../calls.log"
            """
        ),
        encoding="utf-8",
    )
    stub.chmod(0o755)
    (root / ".venv" / ".installed-stamp").touch()
    os.utime(root / "pyproject.toml", (1, 1))  # older than the venv stamp: no reinstall
    return root


def make_calls(root: Path) -> list[str]:
    subprocess.run(["make", "-s", "dataset"], cwd=root, check=True, capture_output=True)
    log = root / ".venv" / "calls.log"
    calls = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
    log.unlink(missing_ok=True)
    return calls


def test_make_rebuilds_after_a_deletion_a_move_and_an_old_mtime_edit_and_not_otherwise(
    make_repo: Path,
) -> None:
    sources = make_repo / "dataset" / "sources" / "2020"
    assert make_calls(make_repo) == ["build", "verify --quiet"]
    assert make_calls(make_repo) == ["verify --quiet"]  # nothing changed: no build
    (sources / "2020-06-beta-drill.yaml").unlink()
    assert make_calls(make_repo) == ["build", "verify --quiet"]  # a deleted record republishes
    (sources / "2020-05-alpha-drill.yaml").rename(sources / "2020-05-alpha drill.yaml")
    assert make_calls(make_repo) == ["build", "verify --quiet"]  # a move too, even with a space in the name
    edited = sources / "2020-05-alpha drill.yaml"
    edited.write_text("id: changed\n", encoding="utf-8")
    os.utime(edited, (1, 1))  # edited, but with an mtime from 1970
    assert make_calls(make_repo) == ["build", "verify --quiet"]


def test_every_command_prints_its_help(capsys: pytest.CaptureFixture[str]) -> None:
    # a '%' in a help text broke `eval-extract --help` with a traceback (argparse formats help with %)
    from military_exercises import cli

    parser = cli.build_parser()
    commands = [
        name for a in parser._actions if isinstance(a, argparse._SubParsersAction) for name in a.choices
    ]
    assert "eval-extract" in commands and len(commands) >= 10
    for name in commands:
        with pytest.raises(SystemExit) as exit_:
            cli.main([name, "--help"])
        assert exit_.value.code == 0, name
        assert "usage: military-exercises " + name in capsys.readouterr().out
