"""military-exercises: an open, sourced dataset of military exercises and a polars toolkit.

>>> from military_exercises import load_exercises
>>> ex = load_exercises()  # doctest: +SKIP
"""

from military_exercises.load import (
    ReleaseNotFoundError,
    cite,
    data_version,
    datapackage,
    list_tables,
    load_claims,
    load_countries,
    load_exercises,
    load_participants,
    load_sizes,
    load_sources,
    load_table,
)

__all__ = [
    "ReleaseNotFoundError",
    "cite",
    "data_version",
    "datapackage",
    "list_tables",
    "load_claims",
    "load_countries",
    "load_exercises",
    "load_participants",
    "load_sizes",
    "load_sources",
    "load_table",
]
