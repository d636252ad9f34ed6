"""Load: the published tables as polars DataFrames (or LazyFrames).

The release is found, in order, at ``$MILITARY_EXERCISES_RELEASE``, in the checkout this package
runs from (``dataset/release`` after ``make dataset``), or inside an installed wheel.
"""

from __future__ import annotations

import json
import os
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal, overload

import polars as pl

from military_exercises.pipeline.schemas import TABLES

ENV_VAR = "MILITARY_EXERCISES_RELEASE"


class ReleaseNotFoundError(FileNotFoundError):
    """No built release could be found."""


class ReleaseMismatchError(RuntimeError):
    """A release file does not match its datapackage.json (size, rows, columns or hash)."""


def _checkout_release() -> Path | None:
    here = Path(__file__).resolve()
    for parent in here.parents:
        if (parent / "dataset" / "sources").is_dir() and (parent / "pyproject.toml").is_file():
            return parent / "dataset" / "release"
    return None


def release_dir() -> Path:
    """The folder holding the release's Parquet files and datapackage.json."""
    env = os.environ.get(ENV_VAR)
    if env:
        p = Path(env)
        if not (p / "datapackage.json").is_file():
            raise ReleaseNotFoundError(f"{ENV_VAR}={env} does not contain datapackage.json")
        return p
    checkout = _checkout_release()
    if checkout is not None:
        if (checkout / "datapackage.json").is_file():
            return checkout
        raise ReleaseNotFoundError(
            f"no release at {checkout}: run `make dataset` in {checkout.parent.parent} to build it"
        )
    bundled = Path(str(resources.files("military_exercises") / "data"))
    if (bundled / "datapackage.json").is_file():
        return bundled
    raise ReleaseNotFoundError(
        "no release found: this installation carries no data. Build it with `make dataset` in a "
        f"clone of the repository, or point {ENV_VAR} at a release folder."
    )


def list_tables() -> list[str]:
    """Names of the published tables."""
    return list(TABLES)


def _pinned() -> Path:
    """The release folder with its link resolved: every table of one call comes from this version."""
    return release_dir().resolve()


@lru_cache(maxsize=8)
def _datapackage_cached(folder: str, mtime_ns: int) -> dict[str, Any]:
    return json.loads((Path(folder) / "datapackage.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _datapackage(folder: str) -> dict[str, Any]:
    path = Path(folder) / "datapackage.json"
    return _datapackage_cached(folder, path.stat().st_mtime_ns)


def datapackage() -> dict[str, Any]:
    """The release's Frictionless datapackage.json as a dict."""
    return _datapackage(str(_pinned()))


def data_version() -> str:
    """Version of the data: package version + digest of the sources it was built from."""
    return str(datapackage()["version"])


def _mismatch(path: Path, what: str) -> ReleaseMismatchError:
    return ReleaseMismatchError(
        f"{path}: {what}; the release is damaged or was changed by hand. Run `make dataset` in the "
        "repository (or rebuild the wheel) to publish a consistent release."
    )


def _expected_columns(name: str) -> dict[str, str]:
    return {column: str(spec.dtype.type) for column, spec in TABLES[name].to_schema().columns.items()}


def _checked_path(folder: Path, name: str) -> Path:
    """The table's file after the cheap checks: listed in the manifest, same size, same columns and
    types as the schema, same number of rows."""
    package = _datapackage(str(folder))
    resource = next((r for r in package["resources"] if r["name"] == name), None)
    if resource is None:
        raise _mismatch(folder / "datapackage.json", f"no resource named {name!r}")
    parquet = resource.get("parquet", resource)  # a table's Parquet twin (older releases: the resource)
    path: Path = folder / str(parquet["path"])
    if not path.is_file():
        raise _mismatch(path, "missing")
    size = path.stat().st_size
    if size != parquet["bytes"]:
        raise _mismatch(path, f"{size:,} bytes, the manifest says {parquet['bytes']:,}")
    try:
        columns = {c: str(t) for c, t in pl.read_parquet_schema(path).items()}
        rows = pl.scan_parquet(path).select(pl.len()).collect().item()
    except Exception as exc:  # polars raises several kinds for a file that is not Parquet
        raise _mismatch(path, f"not a readable Parquet file ({exc.__class__.__name__})") from None
    if columns != _expected_columns(name):
        raise _mismatch(path, f"its columns are not those of the {name} table")
    if rows != resource["rows"]:
        raise _mismatch(path, f"{rows:,} rows, the manifest says {resource['rows']:,}")
    return path


def verify_release() -> str:
    """Check every file of the release against datapackage.json, sha256 included; return the
    version. Raises :class:`ReleaseMismatchError` naming the first damaged file."""
    import hashlib

    folder = _pinned()
    for resource in _datapackage(str(folder))["resources"]:
        if resource.get("type") == "table" or "parquet" in resource:
            _checked_path(folder, resource["name"])  # sizes, columns, rows
        entries = [resource, *([resource["parquet"]] if "parquet" in resource else [])]
        for entry in entries:
            path = folder / str(entry["path"])
            if not path.is_file():
                raise _mismatch(path, "missing")
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            if f"sha256:{digest}" != entry["hash"]:
                raise _mismatch(path, "its content differs from the manifest's sha256")
    return str(_datapackage(str(folder))["version"])


def _read(name: str, folder: Path, *, lazy: bool) -> pl.DataFrame | pl.LazyFrame:
    """The table, with the resources that continue it (same columns) when the release has them:
    ``upstream_exercises`` continues ``exercises``. A user who dropped those resources (and their
    entries in datapackage.json) gets the table without them."""
    names = [name] + [r["name"] for r in _datapackage(str(folder))["resources"] if r.get("continues") == name]
    paths = [_checked_path(folder, n) for n in names]
    if lazy:
        return pl.concat([pl.scan_parquet(p) for p in paths])
    return pl.concat([pl.read_parquet(p) for p in paths]) if len(paths) > 1 else pl.read_parquet(paths[0])


@overload
def load_table(name: str, *, lazy: Literal[False] = ...) -> pl.DataFrame: ...
@overload
def load_table(name: str, *, lazy: Literal[True]) -> pl.LazyFrame: ...
def load_table(name: str, *, lazy: bool = False) -> pl.DataFrame | pl.LazyFrame:
    """Load one table by name; ``lazy=True`` returns a LazyFrame that scans the Parquet file.

    ``exercises`` and ``participants`` include the upstream (MME, JME) rows when the release has
    them; their ``provenance`` column says where each row comes from (see ``filter_provenance``).

    The file is checked against the release's datapackage.json first (size, columns and types,
    row count); a mismatch raises :class:`ReleaseMismatchError`. :func:`verify_release` also checks
    the sha256 of every file.
    """
    if name not in TABLES:
        raise ValueError(f"unknown table {name!r}; accepted: {', '.join(TABLES)}")
    return _read(name, _pinned(), lazy=lazy)


def load_exercises(*, lazy: bool = False) -> Any:
    """Exercises: dates, participants, location and headline troop figures; curated records and
    upstream (MME 1980-2010, JME 1970-2010) rows, told apart by ``provenance``."""
    return load_table("exercises", lazy=lazy)  # type: ignore[call-overload]


def load_participants(*, lazy: bool = False) -> Any:
    """Participants: one row per exercise and state, with role, codes and contingent size."""
    return load_table("participants", lazy=lazy)  # type: ignore[call-overload]


def load_claims(*, lazy: bool = False) -> Any:
    """Claims: every number as a source gave it, with claimant, basis and source id."""
    return load_table("claims", lazy=lazy)  # type: ignore[call-overload]


def load_sizes(*, lazy: bool = False) -> Any:
    """Sizes: claims reconciled into low/best/high per exercise, scope, quantity and basis."""
    return load_table("sizes", lazy=lazy)  # type: ignore[call-overload]


def load_sources(*, lazy: bool = False) -> Any:
    """Sources: every cited page with publisher, title, URL and date."""
    return load_table("sources", lazy=lazy)  # type: ignore[call-overload]


def load_countries(*, lazy: bool = False) -> Any:
    """Countries: ISO3, Gleditsch-Ward and COW codes and the region of each state."""
    return load_table("countries", lazy=lazy)  # type: ignore[call-overload]


def load_series(*, lazy: bool = False) -> Any:
    """Series: the catalogue of recurring series, with the number of exercises of each."""
    return load_table("series", lazy=lazy)  # type: ignore[call-overload]


def load_series_years(*, lazy: bool = False) -> Any:
    """Series years: each catalogued series in each census year, held, not held, off year or open."""
    return load_table("series_years", lazy=lazy)  # type: ignore[call-overload]


def load_coverage(*, lazy: bool = False) -> Any:
    """Coverage: exercises per year and region by provenance, with troop sizes, complete lists and
    coordinates, against MME's 2000-2010 rate (``baseline_multinational``, ``est_completeness``)."""
    return load_table("coverage", lazy=lazy)  # type: ignore[call-overload]


def cite(exercise_ids: list[str] | str | None = None) -> str:
    """How to cite the dataset, and the sources behind the given exercises (all when None)."""
    folder = _pinned()
    version = str(_datapackage(str(folder))["version"])
    head = (
        f"military-exercises (version {version}). An open dataset of military exercises with "
        "sourced size claims. Licensed CC BY 4.0; cite the sources listed below as well."
    )
    if exercise_ids is None:
        return head
    ids = [exercise_ids] if isinstance(exercise_ids, str) else list(exercise_ids)
    sources = _read("sources", folder, lazy=False)
    assert isinstance(sources, pl.DataFrame)
    exercises = _read("exercises", folder, lazy=True)
    assert isinstance(exercises, pl.LazyFrame)
    known = set(exercises.select("exercise_id").collect().to_series())
    unknown = [i for i in ids if i not in known]
    if unknown:
        raise ValueError(f"unknown exercise ids: {', '.join(unknown)}")
    cited = sources.filter(pl.col("exercise_ids").list.eval(pl.element().is_in(ids)).list.any()).sort(
        "publisher", "published", "title"
    )
    lines = [head, "", "Sources:"]
    for r in cited.iter_rows(named=True):
        date = r["published"] or "n.d."
        lines.append(f"- {r['publisher']} ({date}). {r['title']}. {r['url']}")
    return "\n".join(lines)
