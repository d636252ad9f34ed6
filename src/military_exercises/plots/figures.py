"""The ``figures`` command: write the standard analysis figures as PNG (``make figures``).

``military-exercises figures --out reports/figures`` reads the release and writes:

* ``exercises_per_year.png``: exercises per year, stacked by region;
* ``timeline_<ISO3>.png``: one country's exercises over time, sized by troops (``--country``);
* ``size_distribution.png``: headline troop figures on a log axis, before / from 2014;
* ``partner_heatmap.png``: joint exercises between the most active states;
* ``locations.png``: exercise locations by latitude / longitude, coloured by region;
* ``troops_per_year.png``: yearly troop sums with low–high band and the interval over draws.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``military-exercises figures``."""
    parser.add_argument("--out", type=Path, default=Path("reports/figures"), help="output folder")
    parser.add_argument(
        "--country", default="RUS", help="ISO3 code of the country for the timeline (default: RUS)"
    )
    parser.add_argument("--dpi", type=int, default=150, help="resolution of the PNG files (default: 150)")


def write_figures(out: Path, *, country: str = "RUS", dpi: int = 150) -> list[Path]:
    """Write the standard figures into ``out`` and return their paths."""
    import matplotlib

    matplotlib.use("Agg")  # files only; never open a window
    import matplotlib.pyplot as plt

    from military_exercises import plots
    from military_exercises.analysis.filters import filter_country
    from military_exercises.analysis.stats import add_period, troops_per_year
    from military_exercises.analysis.uncertainty import over_draws, summarise_draws
    from military_exercises.load import data_version, load_exercises

    exercises = load_exercises()
    source = f"Source: military-exercises {data_version()} (CC BY 4.0)"
    out.mkdir(parents=True, exist_ok=True)
    yearly = troops_per_year(exercises)
    draws = summarise_draws(
        over_draws(exercises, troops_per_year, n_draws=200, seed=20260101), value="troops_best", by="year"
    )
    jobs: dict[str, Callable[[Any], Any]] = {
        "exercises_per_year.png": lambda ax: plots.plot_exercises_per_year(exercises, ax=ax, source=source),
        f"timeline_{country}.png": lambda ax: plots.plot_timeline(
            filter_country(exercises, country),
            ax=ax,
            title=f"Exercises with {country} taking part (marker area ∝ troops; bars: low–high)",
            source=source,
        ),
        "size_distribution.png": lambda ax: plots.plot_size_distribution(
            add_period(exercises, breaks=[2014]), ax=ax, by="period", source=source
        ),
        "partner_heatmap.png": lambda ax: plots.plot_partner_heatmap(exercises, ax=ax, source=source),
        "locations.png": lambda ax: plots.plot_locations(exercises, ax=ax, source=source),
        "troops_per_year.png": lambda ax: plots.plot_troops_per_year(
            yearly, ax=ax, draws=draws, source=source
        ),
    }
    sizes = {"partner_heatmap.png": (8.5, 7.5), "locations.png": (10.0, 5.8)}
    written = []
    for name, draw in jobs.items():
        fig, ax = plt.subplots(figsize=sizes.get(name, (9.0, 5.0)), layout="constrained")
        draw(ax)
        path = out / name
        fig.savefig(path, dpi=dpi)
        plt.close(fig)
        written.append(path)
    return written


def run(args: argparse.Namespace) -> int:
    """Entry point of ``military-exercises figures``."""
    from military_exercises.analysis.filters import resolve_countries

    try:
        resolve_countries(args.country)
    except ValueError as exc:
        print(f"error: --country: {exc}", file=sys.stderr)
        return 2
    for path in write_figures(args.out, country=args.country, dpi=args.dpi):
        print(f"wrote {path}")
    return 0
