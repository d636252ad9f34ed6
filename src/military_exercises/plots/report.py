"""Coverage report: what the release holds, per year and region, and how well it is sourced.

``military-exercises report --out reports`` writes ``reports/coverage.md`` and PNG charts in
``reports/figures/``. Numbers are computed from the published tables, never typed in.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

import polars as pl

from military_exercises.load import (
    data_version,
    load_claims,
    load_coverage,
    load_exercises,
    load_series_years,
    load_sources,
)
from military_exercises.vocab import CENSUS_YEARS, EQUIPMENT_QUANTITIES, REGIONS

#: Coverage goals from the content issue (shares of exercises).
TARGETS = {"troop_claims": 0.60, "equipment_claims": 0.30, "day_precise_start": 0.70}


def curated(exercises: pl.DataFrame) -> pl.DataFrame:
    """The exercises a curated record describes (alone, or linked with upstream rows): the content
    goals are about these, since upstream rows carry no sizes by construction."""
    if "source_file" not in exercises.columns:
        return exercises
    return exercises.filter(pl.col("source_file").str.starts_with("dataset/sources/"))


def coverage_summary(exercises: pl.DataFrame, claims: pl.DataFrame) -> dict[str, Any]:
    """Headline shares of the dataset (fractions of exercises)."""
    n = exercises.height
    with_troops = claims.filter(pl.col("quantity") == "troops")["exercise_id"].n_unique()
    equipment = claims.filter(pl.col("quantity").is_in(list(EQUIPMENT_QUANTITIES)))
    with_equipment = equipment["exercise_id"].n_unique()
    day = exercises.filter(pl.col("start_precision") == "day").height
    return {
        "exercises": n,
        "first_year": exercises["year"].min(),
        "last_year": exercises["year"].max(),
        "claims": claims.height,
        "troop_claims": with_troops / n if n else 0.0,
        "equipment_claims": with_equipment / n if n else 0.0,
        "day_precise_start": day / n if n else 0.0,
        "post_2010": exercises.filter(pl.col("year") > 2010).height / n if n else 0.0,
    }


def per_year(exercises: pl.DataFrame) -> pl.DataFrame:
    """Exercises per year with the share that has troop figures and day-precise starts."""
    return (
        exercises.group_by("year")
        .agg(
            exercises=pl.len(),
            with_troops=pl.col("troops_best").is_not_null().sum(),
            with_equipment=pl.col("has_equipment_claims").sum(),
            day_precise=(pl.col("start_precision") == "day").sum(),
            sources=pl.col("n_sources").sum(),
        )
        .sort("year")
    )


def per_group(exercises: pl.DataFrame, column: str) -> pl.DataFrame:
    """Exercises per value of ``column`` (nulls shown as '(none)'), largest first."""
    return (
        exercises.with_columns(pl.col(column).fill_null("(none)"))
        .group_by(column)
        .agg(
            exercises=pl.len(),
            with_troops=pl.col("troops_best").is_not_null().sum(),
            with_equipment=pl.col("has_equipment_claims").sum(),
        )
        .sort(["exercises", column], descending=[True, False])
    )


def sources_per_exercise(exercises: pl.DataFrame) -> pl.DataFrame:
    return exercises.group_by("n_sources").agg(exercises=pl.len()).sort("n_sources")


def claims_by_basis(claims: pl.DataFrame) -> pl.DataFrame:
    return (
        claims.with_columns(
            kind=pl.when(pl.col("quantity") == "troops").then(pl.lit("troops")).otherwise(pl.lit("equipment"))
        )
        .group_by("basis", "kind")
        .agg(claims=pl.len())
        .sort("basis", "kind")
    )


#: Census targets (issue #12): multinational exercises 2011-2026, per year 2014-2025, series-years
#: present or explained, curated records with coordinates.
CENSUS_TARGETS = {"multinational_2011_2026": 1500, "min_multinational_2014_2025": 80,
                  "series_years_answered": 0.90, "coordinates": 0.90}  # fmt: skip


def census_targets(
    exercises: pl.DataFrame, coverage: pl.DataFrame, series_years: pl.DataFrame
) -> list[tuple[str, str, str, bool]]:
    """(label, measured, goal, met) for each census target, from the release's tables."""
    lo, hi = CENSUS_YEARS
    totals = coverage.filter(pl.col("region") == "(all)")
    multinational = int(totals.filter(pl.col("year").is_between(lo, hi))["n_multinational"].sum())
    per_year = totals.filter(pl.col("year").is_between(2014, 2025)).sort("year")
    low_years = per_year.filter(pl.col("n_multinational") < CENSUS_TARGETS["min_multinational_2014_2025"])
    weakest = per_year.sort("n_multinational").row(0, named=True) if per_year.height else None
    answered = series_years.filter(pl.col("status") != "open").height / max(series_years.height, 1)
    records = curated(exercises)
    located = records.filter(pl.col("lat").is_not_null()).height / max(records.height, 1)
    t = CENSUS_TARGETS
    low = ", ".join(f"{y} ({n})" for y, n in low_years.select("year", "n_multinational").iter_rows())
    return [
        (f"multinational exercises {lo}-{hi}", f"{multinational:,}", f"≥ {t['multinational_2011_2026']:,}",
         multinational >= t["multinational_2011_2026"]),
        ("multinational exercises in every year 2014-2025",
         (f"lowest {weakest['year']}: {weakest['n_multinational']}" if weakest else "-")
         + (f"; below the goal: {low}" if low else ""),
         f"≥ {t['min_multinational_2014_2025']}", not low_years.height),
        ("catalogued series-years present or explained", f"{100 * answered:.0f}%",
         f"≥ {100 * t['series_years_answered']:.0f}%", answered >= t["series_years_answered"]),
        ("curated records with coordinates", f"{100 * located:.0f}%", f"≥ {100 * t['coordinates']:.0f}%",
         located >= t["coordinates"]),
    ]  # fmt: skip


def completeness_by_period(coverage: pl.DataFrame) -> pl.DataFrame:
    """Per coverage period (all regions): multinational exercises a year held against the baseline."""
    return (
        coverage.filter(pl.col("region") == "(all)")
        .group_by("coverage_period", maintain_order=True)
        .agg(
            years=pl.format("{}–{}", pl.col("year").min(), pl.col("year").max()),
            multinational_per_year=pl.col("n_multinational").mean().round(1),
            baseline=pl.col("baseline_multinational").first(),
            est_completeness=pl.col("est_completeness").mean().round(2),
        )
    )


def completeness_by_region(coverage: pl.DataFrame) -> pl.DataFrame:
    """Per region, census years: multinational exercises a year against the region's baseline, and
    the shares with a troop size, a complete participant list and coordinates."""
    lo, hi = CENSUS_YEARS
    return (
        coverage.filter(pl.col("year").is_between(lo, hi - 1), pl.col("region") != "(all)")
        .group_by("region")
        .agg(
            multinational_per_year=pl.col("n_multinational").mean().round(1),
            baseline=pl.col("baseline_multinational").first(),
            est_completeness=(
                pl.col("n_multinational").mean() / pl.col("baseline_multinational").first()
            ).round(2),
            sized=(pl.col("n_sized").sum() / pl.col("n_exercises").sum()).round(2),
            complete_lists=(pl.col("n_participants_complete").sum() / pl.col("n_exercises").sum()).round(2),
            coordinates=(pl.col("n_with_coordinates").sum() / pl.col("n_exercises").sum()).round(2),
        )
        .sort("region")
    )


def series_completeness(series_years: pl.DataFrame) -> pl.DataFrame:
    """Catalogued series-years by status; 'held' and the explained absences are the answered share."""
    total = series_years.height
    return (
        series_years.group_by("status")
        .agg(series_years=pl.len())
        .with_columns(share=(pl.col("series_years") / total).round(3) if total else pl.lit(None))
        .sort("status")
    )


def _markdown_table(df: pl.DataFrame) -> str:
    head = "| " + " | ".join(df.columns) + " |"
    rule = "| " + " | ".join("---" for _ in df.columns) + " |"
    rows = ["| " + " | ".join("" if v is None else str(v) for v in row) + " |" for row in df.iter_rows()]
    return "\n".join([head, rule, *rows])


def render_markdown(
    exercises: pl.DataFrame, claims: pl.DataFrame, sources: pl.DataFrame, version: str
) -> str:
    s = coverage_summary(curated(exercises), claims)
    n_all = exercises.height
    by_provenance = (
        ", ".join(
            f"{n:,} {p}" for p, n in exercises.group_by("provenance").len().sort("provenance").iter_rows()
        )
        if "provenance" in exercises.columns
        else ""
    )

    def pct(x: float) -> str:
        return f"{100 * x:.0f}%"

    def goal(key: str, label: str) -> str:
        verdict = "met" if s[key] >= TARGETS[key] else "NOT met"
        return f"- {label} for **{pct(s[key])}** of exercises (goal {pct(TARGETS[key])}: {verdict})."

    coverage, series_years = load_coverage(), load_series_years()
    lo, hi = CENSUS_YEARS
    answered = series_years.filter(pl.col("status") != "open").height / max(series_years.height, 1)
    span = f"{s['first_year']}–{s['last_year']}"
    lines = [
        "# Coverage report",
        "",
        f"Generated by `make report` from release `{version}`; do not edit by hand.",
        "",
        f"- **{n_all:,} exercises** in the release ({by_provenance}).",
        f"- **{s['exercises']:,} described by curated records**, {span}; {pct(s['post_2010'])} start "
        "after 2010. The goals below are shares of these (upstream rows hold no sizes).",
        f"- {s['claims']} claims from {sources.height} sources.",
        goal("troop_claims", "Troop claims"),
        goal("equipment_claims", "Equipment claims"),
        goal("day_precise_start", "Day-precise start dates"),
        "",
        "![Exercises per year](figures/coverage_per_year.png)",
        "",
        "## Census targets",
        "",
        "| target | measured | goal | met |",
        "| --- | --- | --- | --- |",
        *[
            f"| {label} | {value} | {goal} | {'yes' if ok else 'NO'} |"
            for label, value, goal, ok in census_targets(exercises, coverage, series_years)
        ],
        "",
        "## Against the baseline",
        "",
        "The baseline is the number of multinational exercises a year MME records in 2000–2010 (for",
        "the region, or all regions); `est_completeness` divides a year's multinational exercises by it.",
        "MME under-covers some regions, so the baseline is a floor of the universe, not the universe;",
        "see the `coverage` table in CODEBOOK.md.",
        "",
        "![Coverage by source](figures/coverage_by_source.png)",
        "",
        _markdown_table(completeness_by_period(coverage)),
        "",
        f"Per region, census years {lo}–{hi - 1} ({hi} is still being collected):",
        "",
        _markdown_table(completeness_by_region(coverage)),
        "",
        "## Series",
        "",
        f"Catalogued series-years (dataset/mappings/series.csv), {100 * answered:.0f}% answered (held, "
        "not held with a source, or an off year); `open` means no record and no explanation yet.",
        "",
        _markdown_table(series_completeness(series_years)),
        "",
        "## Exercises per region",
        "",
        _markdown_table(per_group(exercises, "region")),
        "",
        "![Exercises per region](figures/coverage_per_region.png)",
        "",
        "## Exercises per organisation",
        "",
        _markdown_table(per_group(exercises, "organisation")),
        "",
        "## Claims by basis",
        "",
        _markdown_table(claims_by_basis(claims)),
        "",
        "## Sources per exercise",
        "",
        _markdown_table(sources_per_exercise(exercises)),
        "",
        "![Sources per exercise](figures/coverage_sources.png)",
        "",
        "## Exercises per year",
        "",
        _markdown_table(per_year(exercises)),
        "",
    ]
    return "\n".join(lines)


def write_charts(exercises: pl.DataFrame, folder: Path) -> list[Path]:
    """Coverage charts as PNG; returns the paths written."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []

    def finish(fig: Any, ax: Any, name: str, footnote: str) -> Path:
        ax.spines[["top", "right"]].set_visible(False)
        fig.text(0.01, 0.01, footnote, fontsize=7, color="#555555")
        fig.tight_layout(rect=(0, 0.03, 1, 1))
        path = folder / name
        fig.savefig(path)
        plt.close(fig)
        return path

    note = (
        "Source: military-exercises release; counts of exercises in the dataset, not of all exercises held."
    )

    py = per_year(exercises)
    fig, ax = plt.subplots(figsize=(10, 4.5), dpi=120)
    years = py["year"].to_list()
    ax.bar(years, py["exercises"].to_list(), color="#c9d6e8", label="all exercises")
    ax.bar(years, py["with_troops"].to_list(), color="#2b6cb0", width=0.5, label="with a troop figure")
    ax.set_title("Exercises in the dataset per start year")
    ax.set_xlabel("start year")
    ax.set_ylabel("exercises")
    ax.legend(frameon=False)
    written.append(finish(fig, ax, "coverage_per_year.png", note))

    pr = per_group(exercises, "region")
    order = [r for r in REGIONS if r in pr["region"].to_list()] + [
        r for r in pr["region"] if r not in REGIONS
    ]
    pr = pr.join(pl.DataFrame({"region": order, "_o": range(len(order))}), on="region").sort(
        "_o", descending=True
    )
    fig, ax = plt.subplots(figsize=(8, 4.5), dpi=120)
    ax.barh(pr["region"].to_list(), pr["exercises"].to_list(), color="#c9d6e8", label="all exercises")
    ax.barh(
        pr["region"].to_list(),
        pr["with_troops"].to_list(),
        color="#2b6cb0",
        height=0.4,
        label="with a troop figure",
    )
    ax.set_title("Exercises in the dataset per region (location or host)")
    ax.set_xlabel("exercises")
    ax.legend(frameon=False, loc="lower right")
    written.append(finish(fig, ax, "coverage_per_region.png", note))

    from military_exercises.plots.charts import plot_coverage, save_figure

    ax = plot_coverage(load_coverage())
    written.append(save_figure(ax, folder / "coverage_by_source.png"))
    plt.close("all")

    sp = sources_per_exercise(exercises)
    fig, ax = plt.subplots(figsize=(7, 4), dpi=120)
    ax.bar(sp["n_sources"].to_list(), sp["exercises"].to_list(), color="#2b6cb0")
    ax.set_title("Sources cited per exercise")
    ax.set_xlabel("sources cited by the record")
    ax.set_ylabel("exercises")
    ax.set_xticks(sp["n_sources"].to_list())
    written.append(finish(fig, ax, "coverage_sources.png", "Source: military-exercises release."))
    return written


def write_report(out: Path) -> Path:
    """Write ``out/coverage.md`` and its charts from the current release; return the Markdown path."""
    exercises, claims, sources = load_exercises(), load_claims(), load_sources()
    out.mkdir(parents=True, exist_ok=True)
    write_charts(exercises, out / "figures")
    md = out / "coverage.md"
    md.write_text(render_markdown(exercises, claims, sources, data_version()), encoding="utf-8")
    return md


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", type=Path, default=Path("reports"), help="output folder (default: reports)")


def run(args: argparse.Namespace) -> int:
    md = write_report(args.out)
    s = coverage_summary(curated(load_exercises()), load_claims())
    print(f"wrote {md} and charts in {args.out / 'figures'}")
    for key, goal in TARGETS.items():
        mark = "ok " if s[key] >= goal else "LOW"
        print(f"  {mark} {key.replace('_', ' ')}: {100 * s[key]:.0f}% (goal {100 * goal:.0f}%)")
    for label, value, target, ok in census_targets(load_exercises(), load_coverage(), load_series_years()):
        print(f"  {'ok ' if ok else 'LOW'} {label}: {value} (goal {target})")
    return 0
