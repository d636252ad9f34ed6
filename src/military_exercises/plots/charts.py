"""Plots: ``plot_*(df, *, ax=None) -> Axes`` with titles, units and a source line.

Each function takes a polars frame (the ``exercises`` table, filtered as you like), draws on
``ax`` (a new figure when ``None``) and returns the Axes. Nothing is downloaded: the location
plot is a plain longitude/latitude scatter with a graticule, no coastlines.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import polars as pl

from military_exercises.analysis.stats import co_participation_matrix, exercises_per_year
from military_exercises.vocab import REGIONS

if TYPE_CHECKING:
    from matplotlib.axes import Axes

#: Default source line written under every plot (``source=None`` omits it).
DEFAULT_SOURCE = "Source: military-exercises dataset (CC BY 4.0)"
NO_REGION = "(no region)"

# Colour-blind-friendly qualitative palette (Okabe-Ito, extended), one colour per region.
_PALETTE = (
    "#0072B2",
    "#D55E00",
    "#009E73",
    "#CC79A7",
    "#E69F00",
    "#56B4E9",
    "#F0E442",
    "#000000",
    "#8C564B",
    "#9467BD",
)
REGION_COLOURS: dict[str, str] = {**dict(zip(REGIONS, _PALETTE, strict=True)), NO_REGION: "#BBBBBB"}


def _axes(ax: Any, size: tuple[float, float] = (9.0, 5.0)) -> Any:
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    _fig, new_ax = plt.subplots(figsize=size, layout="constrained")
    return new_ax


def _source(ax: Any, source: str | None) -> None:
    if source:
        # Anchored under the x-axis label (whatever the tick labels' height), aligned with the axes.
        ax.annotate(
            source,
            xy=(0, 0),
            xycoords=("axes fraction", ax.xaxis.label),
            xytext=(0, -4),
            textcoords="offset points",
            ha="left",
            va="top",
            fontsize=7,
            color="#555555",
        )


def _need(df: pl.DataFrame, columns: Sequence[str], what: str) -> None:
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise ValueError(
            f"{what} needs column(s) {', '.join(missing)}; the frame has: {', '.join(df.columns)}"
        )


def plot_exercises_per_year(
    df: pl.DataFrame,
    *,
    ax: Axes | None = None,
    start: int | None = None,
    end: int | None = None,
    title: str | None = "Exercises per year, by region of location",
    source: str | None = DEFAULT_SOURCE,
) -> Axes:
    """Stacked bars: exercises starting each year, by region of the exercise's location."""
    _need(df, ["year", "region"], "plot_exercises_per_year")
    ax = _axes(ax)
    counts = exercises_per_year(df, by="region", start=start, end=end)
    present = set(counts.filter(pl.col("n_exercises") > 0)["region"].to_list())
    order = [r for r in (*REGIONS, NO_REGION) if r in present]
    years = sorted(set(counts["year"].to_list()))
    bottom = [0] * len(years)
    for region in order:
        part = counts.filter(pl.col("region") == region).sort("year")
        values = part["n_exercises"].to_list()
        ax.bar(years, values, bottom=bottom, color=REGION_COLOURS[region], label=region, width=0.85)
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    ax.set_xlabel("Year the exercise started")
    ax.set_ylabel("Exercises (count)")
    if title:
        ax.set_title(title, loc="left")
    if order:
        ax.legend(title="Region", fontsize=8, title_fontsize=8, loc="upper left", frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    from matplotlib.ticker import MaxNLocator

    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    _source(ax, source)
    return ax


def plot_timeline(
    df: pl.DataFrame,
    *,
    ax: Axes | None = None,
    title: str | None = None,
    label_top: int = 5,
    source: str | None = DEFAULT_SOURCE,
) -> Axes:
    """Exercises over time: one marker per exercise at its start date and best troop figure.

    Marker area is proportional to the best figure; the vertical bar spans low to high; a
    triangle marks an open side ("more than": ▲ above, "up to": ▼ below). Exercises without a
    troop figure are ticks along the bottom. The ``label_top`` largest are named. Pass the
    exercises of one country or one series (see :func:`military_exercises.analysis.filters.filter_exercises`).
    """
    _need(df, ["exercise_id", "start_date", "troops_low", "troops_best", "troops_high"], "plot_timeline")
    ax = _axes(ax)
    sized = df.filter(pl.col("troops_best").is_not_null()).sort("start_date")
    unsized = df.filter(pl.col("troops_best").is_null())
    if sized.height:
        x = sized["start_date"].to_list()
        best = sized["troops_best"].to_list()
        lo = [max(v, 1) for v in sized["troops_low"].to_list()]
        hi = sized["troops_high"].to_list()
        biggest = max(best) or 1
        area = [20 + 500 * b / biggest for b in best]
        ax.vlines(x, lo, hi, color="#0072B2", alpha=0.6, linewidth=1.5, label="low–high")
        ax.scatter(
            x,
            [max(b, 1) for b in best],
            s=area,
            color="#0072B2",
            alpha=0.45,
            edgecolor="#003B5C",
            label="best figure (area ∝ troops)",
        )
        for flag, column, marker in (
            ("troops_high_open", "troops_high", "^"),
            ("troops_low_open", "troops_low", "v"),
        ):
            if flag in sized.columns:
                opened = sized.filter(pl.col(flag).fill_null(False))
                if opened.height:
                    ax.scatter(
                        opened["start_date"].to_list(),
                        [max(v, 1) for v in opened[column].to_list()],
                        marker=marker,
                        color="#D55E00",
                        s=28,
                        zorder=3,
                        label="open bound (more than / up to)" if marker == "^" else None,
                    )
        ax.set_yscale("log")
        placed: list[Any] = []
        for row in sized.sort("troops_best", descending=True).head(label_top).iter_rows(named=True):
            label = row.get("name") or row.get("series") or row["exercise_id"]
            # Stack labels of exercises less than two years apart so that they do not overprint.
            near = sum(1 for d in placed if abs((d - row["start_date"]).days) < 730)
            placed.append(row["start_date"])
            ax.annotate(
                label,
                (row["start_date"], max(row["troops_best"], 1)),
                xytext=(8, 2 - 12 * near),
                textcoords="offset points",
                fontsize=7,
                color="#003B5C",
                va="center",
                # a leader line shows which marker a displaced label belongs to
                arrowprops={"arrowstyle": "-", "color": "#888888", "linewidth": 0.5} if near else None,
            )
    if unsized.height:
        ax.plot(
            unsized["start_date"].to_list(),
            [0.02] * unsized.height,
            linestyle="none",
            marker="|",
            markersize=10,
            color="#555555",
            transform=ax.get_xaxis_transform(),
            label="size unknown",
        )
    ax.set_xlabel("Start date")
    ax.set_ylabel("Troops (log scale)")
    if title is None:
        title = f"Exercises over time: {df.height} exercises, {sized.height} with a troop figure"
    if title:
        ax.set_title(title, loc="left")
    if df.height:
        ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    _source(ax, source)
    return ax


def plot_size_distribution(
    df: pl.DataFrame,
    *,
    ax: Axes | None = None,
    column: str = "troops_best",
    by: str | None = None,
    bins: int = 20,
    title: str | None = None,
    source: str | None = DEFAULT_SOURCE,
) -> Axes:
    """Histogram of a size column on log-spaced bins with a log x axis, medians marked.

    ``by`` (e.g. a ``period`` column from :func:`military_exercises.analysis.stats.add_period`) overlays one
    outline histogram per group. Zero and missing sizes are left out (and counted in the title).
    """
    _need(df, [column, *([by] if by else [])], "plot_size_distribution")
    ax = _axes(ax)
    known = df.filter(pl.col(column).is_not_null() & (pl.col(column) > 0))
    if known.height:
        smallest = float(known[column].min())  # type: ignore[arg-type]
        largest = float(known[column].max())  # type: ignore[arg-type]
        lo = math.log10(smallest)
        hi = math.log10(largest) if largest > smallest else lo + 1
        edges = [10 ** (lo + (hi - lo) * i / bins) for i in range(bins + 1)]
        # Exact outer edges: 10 ** log10(x) can fall just short of x and drop the largest value.
        edges[0], edges[-1] = smallest, max(largest, edges[-1])
        # Groups in time order when the frame has years (so "<2014" comes before "2014+").
        groups: list[tuple[Any, pl.DataFrame]] = [(None, known)]
        if by is not None:
            order_key = "year" if "year" in known.columns else by
            labels = (
                known.drop_nulls(by).group_by(by).agg(pl.col(order_key).min().alias("_k")).sort("_k", by)[by]
            )
            groups = [(g, known.filter(pl.col(by) == g)) for g in labels.to_list()]
        for i, (group, part) in enumerate(groups):
            colour = _PALETTE[i % len(_PALETTE)]
            values = part[column].to_list()
            label = f"{group} (n={len(values)})" if group is not None else f"n={len(values)}"
            if by is None:
                ax.hist(values, bins=edges, color=colour, alpha=0.75, edgecolor="white", label=label)
            else:
                ax.hist(values, bins=edges, histtype="step", linewidth=2, color=colour, label=label)
            median = float(part[column].median())  # type: ignore[arg-type]
            ax.axvline(median, color=colour, linestyle="--", linewidth=1)
            ax.annotate(
                f"median {median:,.0f}",
                (median, 1),
                xycoords=("data", "axes fraction"),
                xytext=(3, -12 - 11 * i),
                textcoords="offset points",
                fontsize=7,
                color=colour,
                bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.85, "pad": 1},
                zorder=4,
            )
        ax.set_xscale("log")
        ax.legend(fontsize=8, frameon=False, loc="upper right")
    pretty = {
        "troops_best": "Troops, best estimate",
        "troops_low": "Troops, low",
        "troops_high": "Troops, high",
    }
    ax.set_xlabel(f"{pretty.get(column, column.replace('_', ' '))} (log scale)")
    ax.set_ylabel("Exercises (count)")
    if title is None:
        title = f"Size distribution: {known.height} of {df.height} exercises have a figure"
    if title:
        ax.set_title(title, loc="left")
    ax.spines[["top", "right"]].set_visible(False)
    _source(ax, source)
    return ax


def plot_partner_heatmap(
    df: pl.DataFrame,
    *,
    ax: Axes | None = None,
    countries: Sequence[str] | None = None,
    top: int = 15,
    title: str | None = "Joint exercises between the most active states",
    source: str | None = DEFAULT_SOURCE,
) -> Axes:
    """Heatmap of the co-participation matrix (observers excluded) with counts in the cells.

    The diagonal (each state's own number of exercises) is shown hatched-out in grey so that
    it does not dominate the colour scale. ``countries`` fixes the states; otherwise the ``top``
    most active ones are shown.
    """
    _need(df, ["exercise_id", "participants"], "plot_partner_heatmap")
    ax = _axes(ax, (8.0, 7.0))
    matrix = co_participation_matrix(df, countries=countries, top=None if countries else top)
    codes = matrix["iso3"].to_list()
    values = [[float(v) for v in row[1:]] for row in matrix.iter_rows()]
    n = len(codes)
    off = [values[i][j] for i in range(n) for j in range(n) if i != j]
    vmax = max(off) if off and max(off) > 0 else 1.0
    masked = [[math.nan if i == j else values[i][j] for j in range(n)] for i in range(n)]
    image = ax.imshow(masked, cmap="Blues", vmin=0, vmax=vmax)
    for i in range(n):
        for j in range(n):
            v = int(values[i][j])
            if i == j:
                ax.add_patch(_square(i, "#DDDDDD"))
                ax.text(j, i, str(v), ha="center", va="center", fontsize=7, color="#555555", style="italic")
            elif v:
                ax.text(
                    j,
                    i,
                    str(v),
                    ha="center",
                    va="center",
                    fontsize=7,
                    color="white" if v > 0.6 * vmax else "black",
                )
    ax.set_xticks(range(n), codes, rotation=90, fontsize=8)
    ax.set_yticks(range(n), codes, fontsize=8)
    colourbar = ax.figure.colorbar(image, ax=ax, shrink=0.7)
    colourbar.set_label("Joint exercises (count)")
    if title:
        ax.set_title(title, loc="left")
    ax.set_xlabel(
        "Cells: exercises both states took part in. Diagonal (grey, italic): the state's own total.",
        fontsize=8,
    )
    _source(ax, source)
    return ax


def _square(i: int, colour: str) -> Any:
    from matplotlib.patches import Rectangle

    return Rectangle((i - 0.5, i - 0.5), 1, 1, facecolor=colour, edgecolor="none", zorder=0.5)


def plot_locations(
    df: pl.DataFrame,
    *,
    ax: Axes | None = None,
    title: str | None = None,
    source: str | None = DEFAULT_SOURCE,
) -> Axes:
    """Map-like scatter of exercise locations (longitude, latitude) coloured by region.

    Only exercises whose record gives coordinates are drawn; the title says how many of the
    frame's exercises that is. No map data is downloaded: the background is a 30-degree graticule.
    """
    _need(df, ["lat", "lon", "region"], "plot_locations")
    ax = _axes(ax, (10.0, 5.6))
    located = df.filter(pl.col("lat").is_not_null() & pl.col("lon").is_not_null()).with_columns(
        pl.col("region").fill_null(NO_REGION)
    )
    for lon in range(-180, 181, 30):
        ax.axvline(lon, color="#E5E5E5", linewidth=0.6, zorder=0)
    for lat in range(-90, 91, 30):
        ax.axhline(lat, color="#E5E5E5", linewidth=0.6, zorder=0)
    ax.axhline(0, color="#CCCCCC", linewidth=0.8, zorder=0)
    for region in (*REGIONS, NO_REGION):
        part = located.filter(pl.col("region") == region)
        if part.height:
            ax.scatter(
                part["lon"].to_list(),
                part["lat"].to_list(),
                s=24,
                color=REGION_COLOURS[region],
                edgecolor="white",
                linewidth=0.4,
                label=f"{region} ({part.height})",
                zorder=2,
            )
    if located.height == 0:
        ax.text(
            0,
            0,
            "No exercise in this selection has coordinates",
            ha="center",
            va="center",
            fontsize=10,
            color="#555555",
        )
    else:
        ax.legend(fontsize=7, frameon=False, loc="lower left", ncols=2)
    ax.set_xlim(-180, 180)
    ax.set_ylim(-90, 90)
    ax.set_aspect("equal")
    ax.set_xticks(range(-180, 181, 60))
    ax.set_yticks(range(-90, 91, 30))
    ax.set_xlabel("Longitude (degrees)")
    ax.set_ylabel("Latitude (degrees)")
    if title is None:
        title = f"Exercise locations: {located.height} of {df.height} exercises have coordinates"
    if title:
        ax.set_title(title, loc="left")
    _source(ax, source)
    return ax


def plot_troops_per_year(
    yearly: pl.DataFrame,
    *,
    ax: Axes | None = None,
    draws: pl.DataFrame | None = None,
    title: str | None = "Troops in exercises per year (sum of headline figures)",
    source: str | None = DEFAULT_SOURCE,
) -> Axes:
    """Yearly troop totals from :func:`military_exercises.analysis.stats.troops_per_year`: the best sum as a
    line, the low–high sums as a band, and (optionally) the interval over uncertainty draws from
    :func:`military_exercises.analysis.uncertainty.summarise_draws` (columns ``year``, ``lower``, ``upper``).
    """
    _need(yearly, ["year", "troops_low", "troops_best", "troops_high"], "plot_troops_per_year")
    ax = _axes(ax)
    # Years without any troop figure are gaps (NaN), not zeros: no record is not no troops.
    data = yearly.sort("year")
    if "n_sized" in data.columns:
        data = data.with_columns(
            [
                pl.when(pl.col("n_sized") > 0).then(pl.col(c)).alias(c)
                for c in ("troops_low", "troops_best", "troops_high")
            ]
        )
    years = data["year"].to_list()

    def values(column: str) -> list[float]:
        return [math.nan if v is None else float(v) for v in data[column].to_list()]

    ax.fill_between(
        years,
        values("troops_low"),
        values("troops_high"),
        color="#56B4E9",
        alpha=0.35,
        label="sum of low – sum of high",
        linewidth=0,
    )
    ax.plot(
        years,
        values("troops_best"),
        color="#0072B2",
        marker="o",
        markersize=3,
        label="sum of best figures (gaps: no figure that year)",
    )
    if "high_open" in data.columns and data["high_open"].fill_null(False).any():
        opened = data.filter(pl.col("high_open").fill_null(False) & pl.col("troops_high").is_not_null())
        sized = f"{int(data['n_sized'].sum()):,} of {int(data['n_exercises'].sum()):,}" if {
            "n_sized", "n_exercises"} <= set(data.columns) else "not all"  # fmt: skip
        ax.scatter(
            opened["year"].to_list(),
            opened["troops_high"].to_list(),
            marker="^",
            s=18,
            color="#0072B2",
            zorder=3,
            label=f"open above: exercises without a size are left out ({sized} sized)",
        )
    if draws is not None:
        _need(draws, ["year", "lower", "upper"], "plot_troops_per_year(draws=...)")
        d = draws.sort("year")
        level = f"{d['level'][0]:.0%}" if "level" in d.columns and d.height else "central"
        n = f" {int(d['n_draws'].max())}" if "n_draws" in d.columns and d.height else ""  # type: ignore[arg-type]
        ax.vlines(
            d["year"].to_list(),
            d["lower"].to_list(),
            d["upper"].to_list(),
            color="#D55E00",
            linewidth=2.5,
            alpha=0.8,
            label=f"{level} interval of the total over{n} draws\n(each size drawn within its low–high)",
        )
    ax.set_xlabel("Year the exercise started")
    ax.set_ylabel("Troops (persons)")
    ax.yaxis.set_major_formatter(_thousands())
    ax.set_ylim(bottom=0, top=ax.get_ylim()[1] * 1.35)  # room for the legend above the data
    if title:
        ax.set_title(title, loc="left")
    ax.legend(fontsize=8, frameon=False, loc="upper left")
    ax.spines[["top", "right"]].set_visible(False)
    _source(ax, source)
    return ax


#: Colours of the coverage plot's provenance bars.
PROVENANCE_COLOURS: dict[str, str] = {
    "curated": "#0072B2",
    "several": "#009E73",
    "mme": "#E69F00",
    "jme": "#CC79A7",
}


def plot_coverage(
    coverage: pl.DataFrame,
    *,
    ax: Axes | None = None,
    region: str = "(all)",
    title: str | None = None,
    source: str | None = DEFAULT_SOURCE,
) -> Axes:
    """What the release holds per year, from :func:`military_exercises.load_coverage`.

    Stacked bars of exercises by provenance (curated census, linked rows of several sources, MME
    only, JME only), the multinational ones among them (line), the baseline (MME's 2000-2010 rate of
    multinational exercises, dashed) and the seams between coverage periods (shaded bands).
    ``region`` picks one region's rows (default: all regions).
    """
    _need(coverage, ["year", "region", "coverage_period", "n_curated", "n_several", "n_mme", "n_jme",
                     "baseline_multinational"], "plot_coverage")  # fmt: skip
    regions = sorted(coverage["region"].unique().to_list())
    if region not in regions:
        raise ValueError(f"unknown region {region!r}; accepted: {', '.join(regions)}")
    ax = _axes(ax, (10.0, 5.0))
    data = coverage.filter(pl.col("region") == region).sort("year")
    years = data["year"].to_list()
    # shade every other coverage period and name each at the top
    periods = data.group_by("coverage_period", maintain_order=True).agg(
        lo=pl.col("year").min(), hi=pl.col("year").max()
    )
    for i, (label, lo, hi) in enumerate(periods.iter_rows()):
        if i % 2 == 0:
            ax.axvspan(lo - 0.5, hi + 0.5, color="#EEEEEE", zorder=0, linewidth=0)
        ax.annotate(label, ((lo + hi) / 2, 1.0), xycoords=("data", "axes fraction"), xytext=(0, -10),
                    textcoords="offset points", ha="center", fontsize=8, color="#555555")  # fmt: skip
    bottom = [0] * len(years)
    names = {"curated": "curated census", "several": "linked rows of several sources",
             "mme": "MME only", "jme": "JME only"}  # fmt: skip
    for provenance, colour in PROVENANCE_COLOURS.items():
        counts = data[f"n_{provenance}"].to_list()
        ax.bar(years, counts, bottom=bottom, width=0.85, color=colour, label=names[provenance], zorder=2)
        bottom = [b + c for b, c in zip(bottom, counts, strict=True)]
    if "n_multinational" in data.columns:
        ax.plot(years, data["n_multinational"].to_list(), color="#000000", linewidth=1.2, marker="o",
                markersize=2.5, zorder=4, label="of which multinational (two or more states)")  # fmt: skip
    baseline = data["baseline_multinational"].drop_nulls()
    if baseline.len():
        label = f"baseline: MME's 2000–2010 mean of multinational exercises, {baseline[0]:.0f} a year"
        ax.axhline(baseline[0], color="#000000", linestyle="--", linewidth=1, zorder=3, label=label)
    ax.set_ylim(0, max([*bottom, float(baseline[0]) if baseline.len() else 0]) * 1.15 or 1)
    ax.set_xlabel("Year the exercise started")
    ax.set_ylabel("Exercises in the release (all kinds)")
    if title is None:
        where = "all regions" if region == "(all)" else region
        title = f"What the release holds, {where}: exercises per year by source"
    if title:
        ax.set_title(title, loc="left")
    ax.legend(fontsize=8, frameon=False, loc="upper left", bbox_to_anchor=(0.0, 0.93))
    ax.spines[["top", "right"]].set_visible(False)
    _source(ax, source)
    return ax


def save_figure(ax: Any, path: str | Path, *, dpi: int = 150) -> Path:
    """Save the figure an Axes (or a Figure) belongs to; the format follows the suffix (.png, .svg,
    .pdf). Folders are created; the saved path is returned."""
    target = Path(path)
    formats = (".png", ".svg", ".pdf")
    if target.suffix.lower() not in formats:
        raise ValueError(f"unknown figure format {target.suffix!r}; accepted: {', '.join(formats)}")
    figure = ax.get_figure() if hasattr(ax, "get_figure") and not hasattr(ax, "savefig") else ax
    target.parent.mkdir(parents=True, exist_ok=True)
    figure.draw_without_rendering()  # let the constrained layout settle: the first save matches later ones
    # no timestamps or version strings in the file: the same figure saves to the same bytes
    metadata = {".png": {"Software": None}, ".svg": {"Date": None}, ".pdf": {"CreationDate": None}}
    figure.savefig(target, dpi=dpi, bbox_inches="tight", metadata=metadata[target.suffix.lower()])
    return target


def _thousands() -> Any:
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda v, _pos: f"{v:,.0f}")
