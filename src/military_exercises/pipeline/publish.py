"""Publish: write the release atomically and deterministically.

The tables are written into a fresh content-addressed folder ``dataset/.releases/<hash>/``; then the
symlink ``dataset/release`` is switched to it with one atomic rename. A build that fails or is killed
at any point leaves the previous release as it was. A lock file serialises concurrent builds.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import shutil
import signal
from collections.abc import Iterator
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import polars as pl

from military_exercises.pipeline import cache, exports
from military_exercises.pipeline.codebook import table_schema
from military_exercises.pipeline.schemas import CONTINUES, TABLE_INFO, TABLES, UPSTREAM_TABLES

#: Test-only: name a step (see :data:`CRASH_POINTS`) and the build kills itself there with SIGKILL,
#: as a power cut or an OOM kill would. The crash-safety tests use it; it is never set otherwise.
CRASH_ENV_VAR = "MILITARY_EXERCISES_CRASH_AT"
CRASH_POINTS = (
    "locked",  # lock taken, nothing written yet
    "staging-partial",  # the first table is in the staging folder, the rest are not
    "staging-written",  # every file written and synced, staging not yet renamed
    "renamed",  # staging renamed to .releases/<hash>, the link still points at the old release
    "link-prepared",  # the new link exists under a temporary name, not yet swapped in
    "switched",  # dataset/release points at the new release, old ones not yet removed
    "cleaning",  # removing the old releases, one of them already gone
)


def _crash_point(step: str) -> None:
    if os.environ.get(CRASH_ENV_VAR) == step:
        os.kill(os.getpid(), signal.SIGKILL)


LICENSE = {
    "name": "CC-BY-4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
    "title": "Creative Commons Attribution 4.0",
}
#: The upstream-derived resources: the MME and JME terms could not be confirmed (provenance.yaml).
UPSTREAM_LICENSE = {
    "name": "upstream-terms-not-confirmed",
    "path": "https://doi.org/10.7910/DVN/KHFODX",
    "title": (
        "Rows derived from MME v7 (Harvard Dataverse; Dataverse applies CC0 1.0 unless the depositors "
        "set other terms) and JME v3 (no terms stated): terms not confirmed; see "
        "dataset/upstream/*/provenance.yaml. Drop these resources if their terms do not suit you."
    ),
}


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def build_lock(dataset_dir: Path) -> Iterator[None]:
    """Hold an exclusive lock for the duration of a publish (blocks a second build until done)."""
    dataset_dir.mkdir(parents=True, exist_ok=True)
    with (dataset_dir / ".build.lock").open("a") as fh:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


def _file_entry(path: Path, sha256: str | None = None) -> dict[str, Any]:
    """A file's manifest entry (synced to disk first); ``sha256`` when it is known already."""
    with path.open("rb") as fh:
        os.fsync(fh.fileno())
    digest = sha256 or cache.file_digest(path)
    return {"path": path.name, "bytes": path.stat().st_size, "hash": f"sha256:{digest}"}


def resource_files(resource: dict[str, Any]) -> list[dict[str, Any]]:
    """Every file a datapackage resource stands for: its path, and a table's Parquet twin."""
    files = [{"path": resource["path"], "bytes": resource["bytes"], "hash": resource["hash"]}]
    if "parquet" in resource:
        files.append(resource["parquet"])
    return files


def _write_table_file(frame: pl.DataFrame, path: Path, fmt: str) -> None:
    if fmt == "parquet":
        frame.write_parquet(path, compression="zstd", compression_level=9, statistics=True)
    else:
        exports.write_csv(frame, path)


def _table_files(
    name: str, frame: pl.DataFrame, folder: Path, reuse: cache.ExportCache
) -> dict[str, dict[str, Any]]:
    """The table's Parquet and CSV files in ``folder`` (reused when the same table was written
    before, see :class:`~military_exercises.pipeline.cache.ExportCache`) and their entries."""
    entries = {}
    for fmt in ("parquet", "csv"):
        path = folder / f"{name}.{fmt}"
        sha256 = reuse.take(name, fmt, path)
        if sha256 is None:
            _write_table_file(frame, path, fmt)
            sha256 = cache.file_digest(path)
            reuse.keep(name, fmt, path, sha256)
        entries[fmt] = _file_entry(path, sha256)
        _crash_point("staging-partial")
    return entries


def _write_parquet_and_csv(
    tables: dict[str, pl.DataFrame], folder: Path, reuse: cache.ExportCache
) -> list[dict[str, Any]]:
    """Each table as Parquet and CSV; its datapackage resource."""
    resources: list[dict[str, Any]] = []
    for name in TABLES:
        files = _table_files(name, tables[name], folder, reuse)
        resources.append(
            {
                "name": name,
                "type": "table",
                **files["csv"],
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "description": f"Grain: {TABLE_INFO[name].grain}.",
                "rows": tables[name].height,
                "schema": table_schema(name, flat=True),
                "licenses": [UPSTREAM_LICENSE if name in UPSTREAM_TABLES else LICENSE],
                **({"continues": CONTINUES[name]} if name in CONTINUES else {}),
                "parquet": {**files["parquet"], "mediatype": "application/vnd.apache.parquet"},
            }
        )
    return resources


#: The release's files that are not one per table.
DATABASE, STATA = "military-exercises.sqlite", "exercises.dta"


class EarlyExports:
    """The Stata file and the SQLite database, each written in a thread of its own into a private
    folder from the moment the tables exist (while they are still being validated and their Parquet
    and CSV files written), then moved into the release folder.

    ADBC, SQLite and polars leave Python's lock while they work, so a one-record rebuild waits for
    the longest of the three rather than their sum. The database starts once the tables' digests
    are known (:meth:`start_database`): its one-table parts are kept under them
    (:func:`exports.write_sqlite`).
    """

    def __init__(self, pool: Executor, tables: dict[str, pl.DataFrame], parent: Path) -> None:
        """Start the Stata file in ``parent/early-<pid>`` (``pool`` needs two threads to spare)."""
        for stale in parent.glob("early-*"):  # left by a killed build
            if not _alive(stale.name.removeprefix("early-")):
                shutil.rmtree(stale, ignore_errors=True)
        self.pool, self.tables = pool, tables
        self.folder = parent / f"early-{os.getpid()}"
        shutil.rmtree(self.folder, ignore_errors=True)
        self.folder.mkdir(parents=True)
        exercises = pl.concat([tables["exercises"], tables["upstream_exercises"]])
        self.futures: dict[str, Future[None]] = {
            STATA: pool.submit(exports.write_stata, exercises, self.folder / STATA)
        }

    def start_database(self, parts: cache.ExportCache | None) -> None:
        self.futures[DATABASE] = self.pool.submit(
            exports.write_sqlite, self.tables, self.folder / DATABASE, parts=parts
        )

    def move_into(self, target: Path) -> None:
        """Wait for both files and move them into ``target`` (an error in a thread is raised here)."""
        for name, future in self.futures.items():
            future.result()
            os.replace(self.folder / name, target / name)
        shutil.rmtree(self.folder, ignore_errors=True)

    def discard(self) -> None:
        """Wait for the threads and remove their files (the tables were not published)."""
        for future in self.futures.values():
            with contextlib.suppress(Exception):
                future.result()
        shutil.rmtree(self.folder, ignore_errors=True)


def _alive(pid: str) -> bool:
    """Whether a process with this id runs (a folder named after a live build is left alone)."""
    if not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def write_tables(
    tables: dict[str, pl.DataFrame],
    folder: Path,
    *,
    version: str,
    reuse: cache.ExportCache | None = None,
    early: EarlyExports | None = None,
) -> dict[str, Any]:
    """Write every table as Parquet and CSV, the SQLite database, the Stata file of the exercises
    and datapackage.json into ``folder``; return the datapackage. ``reuse``: the files of tables
    written unchanged by an earlier build (same bytes as writing them again); ``early``: the SQLite
    and Stata files, already being written from the same tables (:class:`EarlyExports`).

    Each table resource points at its CSV file (a Frictionless tabular resource, list columns joined
    with ';'); its ``parquet`` property describes the Parquet twin the loaders read.
    """
    folder.mkdir(parents=True)
    resources: list[dict[str, Any]] = []
    reuse = reuse or cache.ExportCache(None, {})
    database, stata = folder / DATABASE, folder / STATA
    with ThreadPoolExecutor(max_workers=2) as pool:
        exported = early
        if exported is None:
            exported = EarlyExports(pool, tables, folder.parent)
            exported.start_database(reuse)
        try:
            resources += _write_parquet_and_csv(tables, folder, reuse)
        except BaseException:
            exported.discard()
            raise
        exported.move_into(folder)
    reuse.prune()
    resources.append(
        {"name": "database", "type": "file", **_file_entry(database), "format": "sqlite",
         "mediatype": "application/vnd.sqlite3",
         "description": "Every table in one SQLite database, with primary keys, foreign keys and indexes.",
         "licenses": [LICENSE, UPSTREAM_LICENSE]}
    )  # fmt: skip
    resources.append(
        {"name": "exercises-stata", "type": "file", **_file_entry(stata), "format": "dta",
         "mediatype": "application/x-stata-dta",
         "description": "The exercises (curated and upstream rows, see provenance) as a Stata 15 file.",
         "licenses": [LICENSE, UPSTREAM_LICENSE]}
    )  # fmt: skip
    package = {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": "military-exercises",
        "title": "Military exercises: sourced claims, reconciled sizes",
        "version": version,
        "licenses": [LICENSE],
        "description": (
            "Military exercises with dates, participants, location, and troop and equipment claims "
            "each traced to a cited source, reconciled into low/best/high. See CODEBOOK.md."
        ),
        "resources": resources,
    }
    text = json.dumps(package, indent=2, sort_keys=False, ensure_ascii=False) + "\n"
    dp = folder / "datapackage.json"
    dp.write_text(text, encoding="utf-8")
    with dp.open("rb") as fh:
        os.fsync(fh.fileno())
    _fsync_dir(folder)
    return package


def release_problems(folder: Path, *, hashes: bool = True) -> list[str]:
    """What is wrong with a release folder against its own datapackage.json ([] when intact).

    Checks that every resource's file exists with the recorded size and (with ``hashes``) sha256.
    """
    dp = folder / "datapackage.json"
    try:
        package = json.loads(dp.read_text(encoding="utf-8"))
        resources = package["resources"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        return [f"{dp}: unreadable manifest ({exc.__class__.__name__})"]
    problems = []
    for entry in [f for res in resources for f in resource_files(res)]:
        path = folder / entry["path"]
        if not path.is_file():
            problems.append(f"{path}: missing")
        elif path.stat().st_size != entry["bytes"]:
            problems.append(f"{path}: {path.stat().st_size:,} bytes, the manifest says {entry['bytes']:,}")
        elif hashes and f"sha256:{cache.file_digest(path)}" != entry["hash"]:
            problems.append(f"{path}: content differs from the manifest's sha256")
    return problems


def publish(
    tables: dict[str, pl.DataFrame],
    dataset_dir: Path,
    *,
    version: str,
    reuse: cache.ExportCache | None = None,
    early: EarlyExports | None = None,
) -> Path:
    """Write the release and switch ``dataset/release`` to it atomically. Returns the release path.
    ``reuse``, ``early``: see :func:`write_tables`."""
    releases = dataset_dir / ".releases"
    releases.mkdir(parents=True, exist_ok=True)
    link = dataset_dir / "release"
    with build_lock(dataset_dir):
        _crash_point("locked")
        staging = releases / f".staging-{os.getpid()}"
        if staging.exists():
            shutil.rmtree(staging)
        write_tables(tables, staging, version=version, reuse=reuse, early=early)
        _crash_point("staging-written")
        digest = hashlib.sha256((staging / "datapackage.json").read_bytes()).hexdigest()[:16]
        final = releases / digest
        if final.exists() and not release_problems(final):  # identical content already published
            shutil.rmtree(staging)
        else:
            if final.exists():  # damaged (a file truncated, removed or replaced): rebuild it
                shutil.rmtree(final)
            staging.rename(final)
        _fsync_dir(releases)
        _crash_point("renamed")
        if link.exists() and not link.is_symlink():
            raise RuntimeError(f"{link} is a real folder, not the release link; move it away and rebuild")
        tmp_link = dataset_dir / f".release-link-{os.getpid()}"
        with contextlib.suppress(FileNotFoundError):
            tmp_link.unlink()
        tmp_link.symlink_to(Path(".releases") / digest)
        _crash_point("link-prepared")
        os.replace(tmp_link, link)  # atomic switch
        _fsync_dir(dataset_dir)
        _crash_point("switched")
        # Old releases, and staging folders and temporary links left by killed builds, are no longer
        # referenced. Every build writes them only while holding the lock, which we hold now, so none
        # of them belongs to a live build (whatever process now has the pid in its name).
        for old in sorted(releases.iterdir()):
            if old.name != digest:
                shutil.rmtree(old, ignore_errors=True)
                _crash_point("cleaning")
        for stale in sorted(dataset_dir.glob(".release-link-*")):
            stale.unlink(missing_ok=True)
    return final
