"""Plots over the published release: one function per chart (``charts``), the standard figures
(``figures``) and the coverage report (``report``). Never imports the pipeline."""

from military_exercises.plots.charts import (
    plot_coverage,
    plot_exercises_per_year,
    plot_locations,
    plot_partner_heatmap,
    plot_size_distribution,
    plot_timeline,
    plot_troops_per_year,
    save_figure,
)

__all__ = [
    "plot_coverage",
    "plot_exercises_per_year",
    "plot_locations",
    "plot_partner_heatmap",
    "plot_size_distribution",
    "plot_timeline",
    "plot_troops_per_year",
    "save_figure",
]
