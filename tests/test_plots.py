"""Plots draw what the data says (checked on the Axes), and `figures` writes the PNG files."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # before pyplot: tests never open a window

import matplotlib.pyplot as plt
import polars as pl
import pytest

from analysis_fixtures import exercises
from military_exercises import plots

EX = exercises()


@pytest.fixture(autouse=True)
def _close_figures() -> Iterator[None]:
    yield
    plt.close("all")


def texts(ax: object) -> list[str]:
    return [t.get_text() for t in ax.texts] + [t.get_text() for t in ax.figure.texts]  # type: ignore[attr-defined]


def test_exercises_per_year_stacks_regions() -> None:
    ax = plots.plot_exercises_per_year(EX)
    assert ax.get_title(loc="left") == "Exercises per year, by region of location"
    assert ax.get_ylabel() == "Exercises (count)"
    # 4 years x 2 regions present = 8 bars; the tallest stack is 1 exercise
    assert len(ax.patches) == 8
    assert max(p.get_y() + p.get_height() for p in ax.patches) == 1
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["Eurasia", "East Asia"]
    assert any(t.startswith("Source: military-exercises") for t in texts(ax))


def test_source_line_can_be_changed_or_omitted() -> None:
    ax = plots.plot_exercises_per_year(EX, source="Source: test")
    assert "Source: test" in texts(ax)
    ax = plots.plot_exercises_per_year(EX, source=None)
    assert not any(t.startswith("Source") for t in texts(ax))


def test_timeline_marks_sizes_bounds_open_sides_and_unknowns() -> None:
    ax = plots.plot_timeline(EX)
    assert ax.get_yscale() == "log"
    assert "4 exercises, 3 with a troop figure" in ax.get_title(loc="left")
    best, open_high = ax.collections[1], ax.collections[2]
    assert sorted(y for _x, y in best.get_offsets()) == [800, 1000, 12000]
    sizes = sorted(best.get_sizes())
    assert sizes[-1] == pytest.approx(520)  # the largest marker: 20 + 500
    assert [y for _x, y in open_high.get_offsets()] == [20000]  # charlie: "more than", at its high
    unknown = [line for line in ax.lines if line.get_label() == "size unknown"]
    assert len(unknown) == 1 and len(unknown[0].get_xdata()) == 1
    assert "Charlie Drill" in texts(ax)


def test_size_distribution_log_axis_and_groups() -> None:
    ax = plots.plot_size_distribution(EX)
    assert ax.get_xscale() == "log"
    assert "3 of 4 exercises have a figure" in ax.get_title(loc="left")
    assert sum(p.get_height() for p in ax.patches) == 3
    assert "median 1,000" in texts(ax)
    by = plots.plot_size_distribution(EX.with_columns(pl.col("region").alias("grp")), by="grp")
    assert [t.get_text() for t in by.get_legend().get_texts()] == ["Eurasia (n=2)", "East Asia (n=1)"]


def test_partner_heatmap_cells() -> None:
    ax = plots.plot_partner_heatmap(EX, countries=["RUS", "TJK", "CHN"])
    assert [t.get_text() for t in ax.get_xticklabels()] == ["RUS", "TJK", "CHN"]
    cells = {(round(t.get_position()[1]), round(t.get_position()[0])): t.get_text() for t in ax.texts}
    assert cells[(0, 1)] == "2" and cells[(1, 0)] == "2"  # RUS-TJK: alpha and charlie
    assert cells[(1, 1)] == "3"  # TJK's own exercises, on the diagonal
    assert (0, 2) not in cells  # RUS-CHN: none (CHN only observed charlie): empty cell


def test_locations_plot_only_located_exercises() -> None:
    ax = plots.plot_locations(EX)
    assert "2 of 4 exercises have coordinates" in ax.get_title(loc="left")
    points = sorted(tuple(p) for c in ax.collections for p in c.get_offsets())
    assert points == [(27.6, 53.9), (106.9, 47.9)]
    assert ax.get_xlim() == (-180, 180)
    empty = plots.plot_locations(EX.with_columns(pl.lit(None, dtype=pl.Float64).alias("lat")))
    assert "No exercise in this selection has coordinates" in texts(empty)


def test_troops_per_year_band_and_gaps() -> None:
    from military_exercises.analysis.stats import troops_per_year

    ax = plots.plot_troops_per_year(troops_per_year(EX))
    line = ax.lines[0]
    ys = list(line.get_ydata())
    assert ys[0] == 1000 and ys[2] == 12000
    assert ys[1] != ys[1]  # 2020 has no figure: a gap (NaN), not a zero


def test_plots_draw_on_a_given_axes_and_check_columns() -> None:
    _fig, ax = plt.subplots()
    assert plots.plot_size_distribution(EX, ax=ax) is ax
    with pytest.raises(ValueError, match="needs column"):
        plots.plot_locations(EX.drop("lat"))


def test_figures_command_writes_every_png(
    mini_repo: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from conftest import BASE_RECORD
    from military_exercises.cli import main
    from military_exercises.load import ENV_VAR
    from military_exercises.pipeline.build import build

    root = mini_repo(BASE_RECORD)
    monkeypatch.setenv(ENV_VAR, str(build(root)))
    out = tmp_path / "figures"
    assert main(["figures", "--out", str(out), "--country", "TJK"]) == 0
    names = sorted(p.name for p in out.iterdir())
    assert names == [
        "exercises_per_year.png",
        "locations.png",
        "partner_heatmap.png",
        "size_distribution.png",
        "timeline_TJK.png",
        "troops_per_year.png",
    ]
    for p in out.iterdir():
        assert p.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and p.stat().st_size > 10_000


def test_figures_command_refuses_an_unknown_country(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from military_exercises.cli import main

    assert main(["figures", "--out", str(tmp_path / "f"), "--country", "XYZ"]) == 2
    assert "unknown state 'XYZ': not an ISO3 code, name or alias" in capsys.readouterr().err
    assert not (tmp_path / "f").exists()


def test_troops_per_year_marks_open_years_and_names_the_draw_interval() -> None:
    from military_exercises.analysis.stats import troops_per_year
    from military_exercises.analysis.uncertainty import over_draws, summarise_draws

    yearly = troops_per_year(EX)  # 2020 (bravo) has no size: its total is open above
    draws = summarise_draws(
        over_draws(EX, troops_per_year, n_draws=10, seed=1), value="troops_best", by="year"
    )
    ax = plots.plot_troops_per_year(yearly, draws=draws)
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    # charlie (2021) is "more than" at its high: open; 2019 and 2022 are closed and fully sized
    assert "open above: exercises without a size are left out (3 of 4 sized)" in labels
    assert "90% interval of the total over 10 draws\n(each size drawn within its low–high)" in labels
    open_markers = ax.collections[1].get_offsets()
    assert [int(x) for x, _ in open_markers] == [2021]


def _coverage() -> pl.DataFrame:
    rows = [  # year, region, period, curated, several, mme, jme, multinational, baseline
        (1979, "(all)", "JME only", 0, 0, 0, 2, 1, 3.0),
        (1980, "(all)", "MME and JME", 0, 1, 3, 1, 4, 3.0),
        (2011, "(all)", "curated census", 5, 0, 0, 0, 2, 3.0),
        (2011, "Europe", "curated census", 2, 0, 0, 0, 1, None),
    ]
    names = ["year", "region", "coverage_period", "n_curated", "n_several", "n_mme", "n_jme",
             "n_multinational", "baseline_multinational"]  # fmt: skip
    return pl.DataFrame([dict(zip(names, r, strict=True)) for r in rows])


def test_coverage_stacks_provenance_and_draws_the_baseline() -> None:
    ax = plots.plot_coverage(_coverage())
    # 4 provenances x 3 years of '(all)'; the stacks are 2, 5 and 5 high
    bars = [p for container in ax.containers for p in container]
    assert len(ax.containers) == 4 and len(bars) == 12
    tops: dict[float, float] = {}
    for p in bars:
        x = round(p.get_x() + p.get_width() / 2)
        tops[x] = max(tops.get(x, 0), p.get_y() + p.get_height())
    assert tops == {1979: 2, 1980: 5, 2011: 5}
    baseline = [ln for ln in ax.lines if ln.get_linestyle() == "--"]
    assert len(baseline) == 1 and list(baseline[0].get_ydata()) == [3.0, 3.0]
    assert {"JME only", "MME and JME", "curated census"} <= set(texts(ax))
    with pytest.raises(ValueError, match=r"unknown region 'Asia'; accepted: \(all\), Europe"):
        plots.plot_coverage(_coverage(), region="Asia")


def test_save_figure_writes_the_format_of_the_suffix(tmp_path: Path) -> None:
    ax = plots.plot_exercises_per_year(EX)
    png = plots.save_figure(ax, tmp_path / "sub" / "a.png")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    # no timestamp in the file: saving again gives the same bytes
    assert plots.save_figure(ax, tmp_path / "b.png").read_bytes() == png.read_bytes()
    svg = plots.save_figure(ax.figure, tmp_path / "a.svg").read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<?xml") and "<dc:date>" not in svg
    with pytest.raises(ValueError, match=r"unknown figure format '.jpg'; accepted: .png, .svg, .pdf"):
        plots.save_figure(ax, tmp_path / "a.jpg")
