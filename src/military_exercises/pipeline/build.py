"""The pipeline: sources -> parse -> normalize -> reconcile -> validate -> publish.

``build(root)`` reports every problem of every file at once (as :class:`BuildError`) and publishes
nothing unless all files pass.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
from collections.abc import Iterable, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as package_version
from pathlib import Path

import polars as pl

from military_exercises.pipeline import cache
from military_exercises.pipeline.checks import (
    build_date,
    contingent_problems,
    duplicate_exercise_problems,
    exercise_keys,
    key_digests,
    timing_problems,
    url_problems,
)
from military_exercises.pipeline.coverage import coverage_table
from military_exercises.pipeline.links import Link, apply_links, resolve_links
from military_exercises.pipeline.mappings import MappingError, Mappings
from military_exercises.pipeline.matching import ExerciseKey
from military_exercises.pipeline.normalize import NormalizedRecord, normalize_record
from military_exercises.pipeline.parse import parse_record_bytes, read_record_file
from military_exercises.pipeline.problems import BuildError, Problem
from military_exercises.pipeline.publish import EarlyExports, publish
from military_exercises.pipeline.reconcile import SIZE_KEY, reconcile
from military_exercises.pipeline.schemas import validate_tables
from military_exercises.pipeline.tables import (
    Batch,
    build_tables,
    cross_file_problems,
    duplicate_id_problems,
    read_allowlist,
    stale_allowlist_problems,
    upstream_batch,
)
from military_exercises.pipeline.upstream import Adapted, adapt_all


@dataclass(frozen=True)
class Layout:
    """Where a dataset lives inside a repository checkout."""

    root: Path

    @property
    def dataset(self) -> Path:
        return self.root / "dataset"

    @property
    def sources(self) -> Path:
        return self.dataset / "sources"

    @property
    def mappings(self) -> Path:
        return self.dataset / "mappings"

    @property
    def allowlist(self) -> Path:
        return self.dataset / "allowlist.csv"

    @property
    def release(self) -> Path:
        return self.dataset / "release"

    @property
    def upstream(self) -> Path:
        return self.dataset / "upstream"

    @property
    def cache(self) -> Path:
        return self.dataset / ".build" / "cache"


def source_files(layout: Layout) -> tuple[list[Path], list[Problem]]:
    """All record files in a stable order, plus problems for anything else found there (see
    :func:`source_names`)."""
    names, problems = source_names(layout)
    return [Path(n) for n in names], problems


def source_names(layout: Layout) -> tuple[list[str], list[Problem]]:
    """The paths of all record files, as strings, in a stable order, plus problems for anything
    else found there (strings: a build lists 10,000 files each time, and paths cost more).

    Nothing is skipped silently: symbolic links are not followed (a linked year folder would be
    read twice or not at all, depending on the machine), unreadable folders, special files (FIFOs,
    sockets, devices) and files over the size cap are problems; so is a tree with no record.
    """
    if not layout.sources.is_dir():
        raise BuildError([Problem(str(layout.sources), None, "", "source folder not found")])
    problems: list[Problem] = []
    files: list[str] = []

    root_prefix = len(str(layout.root)) + 1
    sources_dir = str(layout.sources)

    def walk(folder: str, depth: int) -> None:
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            problems.append(Problem(folder[root_prefix:], None, "", f"cannot read folder: {exc.strerror}"))
            return
        for entry in entries:
            rel = entry.path[root_prefix:]
            if entry.name.startswith(".") or (depth == 0 and entry.name == "README.md"):
                continue
            if entry.is_symlink():
                problems.append(
                    Problem(rel, None, "", "symbolic link: not followed; put the real folder or file here")
                )
            elif entry.is_dir(follow_symlinks=False):
                walk(entry.path, depth + 1)
            elif not entry.is_file(follow_symlinks=False):
                special = (
                    "not a regular file (FIFO, socket or device); only <year>/<id>.yaml files belong here"
                )
                problems.append(Problem(rel, None, "", special))
            elif entry.name.endswith(".yml"):
                problems.append(Problem(rel, None, "", "rename to .yaml: source records end in .yaml"))
            elif not entry.name.endswith(".yaml"):
                problems.append(
                    Problem(rel, None, "", "unexpected file in dataset/sources (only <year>/<id>.yaml)")
                )
            elif depth != 1:
                message = "records live at dataset/sources/<start year>/<id>.yaml"
                problems.append(Problem(rel, None, "", message))
            else:
                files.append(entry.path)

    walk(sources_dir, 0)
    if not files and not problems:
        problems.append(
            Problem("dataset/sources", None, "", "no source records found: a release needs at least one")
        )
    files.sort()
    return files, problems


def data_version(files: Sequence[Path | str], layout: Layout, *, file_keys: list[str] | None = None) -> str:
    """Package version plus a digest of every input file: same inputs, same version string.

    A source file enters by its cache key (path and bytes, :func:`cache.entry_key`); ``file_keys``,
    when the build has them already (one per file, in order), saves reading every file again.
    """
    h = hashlib.sha256()
    if file_keys is None or len(file_keys) != len(files):
        file_keys = [
            cache.entry_key(Path(f).relative_to(layout.root).as_posix(), Path(f).read_bytes()) for f in files
        ]
    for key in file_keys:
        h.update(key.encode())
        h.update(b"\0")
    inputs = [
        *sorted(layout.mappings.glob("*.csv")),
        *sorted(p for p in layout.upstream.rglob("*") if p.is_file()),
    ]
    if layout.allowlist.exists():
        inputs.append(layout.allowlist)
    for f in inputs:
        h.update(f.relative_to(layout.root).as_posix().encode())
        h.update(b"\0")
        h.update(f.read_bytes())
        h.update(b"\0")
    try:
        base = package_version("military-exercises")
    except PackageNotFoundError:  # pragma: no cover - running from a bare checkout
        base = "0.0.0"
    return f"{base}+{h.hexdigest()[:12]}"


#: Files per task sent to a worker process, and per cached chunk: large enough to amortise sending
#: the results back, small enough that one edited file re-checks few others (250: a fifth faster
#: one-record rebuild than 500 at 10,000 files, the clean build unchanged).
CHUNK_FILES = 250
#: Below this many files a build stays in one process: starting workers costs about a second.
PARALLEL_MIN_FILES = 2000
#: Number of processes that parse and check the files when the caller gives none (0 = automatic).
JOBS_ENV_VAR = "MILITARY_EXERCISES_JOBS"

_worker_maps: dict[str, Mappings] = {}


#: One record's outcome: its rows (None when it could not be parsed), its problems, and
#: ``(id, file, line)`` for the duplicate-id check.
Checked = tuple[NormalizedRecord | None, list[Problem], tuple[str, str, int | None] | None]


def check_record(data: bytes, rel: str, maps: Mappings) -> Checked:
    """Parse and normalize one file's bytes. A file with shape errors is still normalized as far as
    its well-formed fields allow (so every problem is reported at once), and never published."""
    parsed, problems = parse_record_bytes(data, rel)
    if parsed is None:
        return None, problems, None
    ident = (parsed.record.id, parsed.path, parsed.line("id"))
    norm, found = normalize_record(parsed, maps)
    problems = problems + [p for p in found if not parsed.covers(p.field)]
    if problems and norm.complete:  # only the shape check failed: keep the rows out of the release
        norm = NormalizedRecord(
            {"exercise_id": norm.exercise["exercise_id"], "source_file": parsed.path},
            [],
            norm.claims,
            norm.sources,
            complete=False,
        )
    return norm, problems, ident


#: A chunk's rows, problems, ``(id, file, line)``, file keys, reconciled sizes, and the matching keys
#: of its exercises with their digests (for the likely-duplicate check).
ChunkResult = tuple[
    Batch,
    list[Problem],
    list[tuple[str, str, int | None]],
    list[str],
    pl.DataFrame,
    tuple[list[ExerciseKey], list[bytes]],
]


def _chunk_sizes(batch: Batch) -> pl.DataFrame:
    """Reconciled sizes of the complete records of one chunk. Reconciliation never looks across
    exercises, so the sizes of all chunks, concatenated and sorted, are those of the whole tree."""
    complete = batch.claims.filter(pl.col("exercise_id").is_in(batch.exercises["exercise_id"].implode()))
    return reconcile(complete, batch.participants)


def _cached_chunk(
    read: list[tuple[str, bytes | None, list[Problem]]], cache_dir: str | None
) -> tuple[list[Problem], list[str], str, ChunkResult | None]:
    """The unreadable files' problems, the files' keys, the chunk's key and, when every file of the
    chunk is unchanged, the chunk's whole cached result (no per-record rows to rebuild)."""
    unreadable = [p for _, data, found in read if data is None for p in found]  # never cached
    keys = [cache.entry_key(rel, data) for rel, data, _ in read if data is not None]
    chunk_key = cache.chunk_key(keys)
    whole = cache.get(cache_dir, chunk_key)
    if whole is None:
        return unreadable, keys, chunk_key, None
    batch, problems, ids, sizes, match = whole
    return unreadable, keys, chunk_key, (batch, unreadable + problems, ids, [*keys, chunk_key], sizes, match)


def cached_chunk_result(files: list[str], root: str, cache_dir: str | None) -> ChunkResult | None:
    """A chunk's whole result from the cache when none of its files changed, else None."""
    if cache_dir is None:
        return None
    return _cached_chunk([read_record_file(f, root) for f in files], cache_dir)[3]


def check_files(
    files: list[str], root: str, maps: Mappings | str, cache_dir: str | None = None
) -> ChunkResult:
    """Parse and normalize ``files``; return their rows, their problems, ``(id, file, line)``, the
    cache keys of the files and the reconciled sizes of the complete records.

    ``maps`` is the loaded mapping tables, or (in a worker process) the folder to load them from
    once per process. ``cache_dir`` (see :mod:`~military_exercises.pipeline.cache`) holds earlier
    results of unchanged files.
    """
    if isinstance(maps, str):
        maps = _worker_maps.setdefault(maps, Mappings(Path(maps)))
    read = [read_record_file(f, root) for f in files]
    unreadable, keys, chunk_key, whole = _cached_chunk(read, cache_dir)
    if whole is not None:
        return whole
    records: list[NormalizedRecord] = []
    problems: list[Problem] = []
    ids: list[tuple[str, str, int | None]] = []  # not the parsed records: their line maps are big
    for rel, data, _found in read:
        if data is None:
            continue
        key = cache.entry_key(rel, data)
        hit = cache.get(cache_dir, key)
        if hit is None:
            hit = check_record(data, rel, maps)
            cache.put(cache_dir, key, hit)
        norm, found, ident = hit
        problems += found
        if ident is not None:
            ids.append(ident)
        if norm is not None:
            records.append(norm)  # incomplete ones too: the cross-file checks report on them as well
    batch = Batch.from_records(records)
    sizes = _chunk_sizes(batch)
    match = exercise_keys(batch.exercises, batch.participants)
    keyed = (match, key_digests(match))
    cache.put(cache_dir, chunk_key, (batch, problems, ids, sizes, keyed))
    return batch, unreadable + problems, ids, [*keys, chunk_key], sizes, keyed


def _jobs(n_files: int, jobs: int | None) -> int:
    """The number of processes to use: never more than there are chunks of files."""
    if jobs is None:
        env = os.environ.get(JOBS_ENV_VAR, "").strip() or "1"
        if not env.isdigit():
            raise ValueError(f"{JOBS_ENV_VAR}={env!r}: give a whole number of processes (0 = automatic)")
        jobs = int(env)
    if jobs < 0:
        raise ValueError(f"jobs={jobs}: give a whole number of processes (0 = automatic)")
    if jobs == 0:
        jobs = min(os.cpu_count() or 1, 8) if n_files >= PARALLEL_MIN_FILES else 1
    return max(1, min(jobs, -(-n_files // CHUNK_FILES)))


def collect(layout: Layout, *, jobs: int | None = None, use_cache: bool = True) -> tuple[Batch, list[Path]]:
    """Parse and normalize every record and run every check (see :func:`collect_checked`)."""
    collected = collect_checked(layout, jobs=jobs, use_cache=use_cache)
    return collected.batch, collected.files


@dataclass
class Collected:
    """Everything the checks passed: curated rows, their files and sizes, and the upstream rows."""

    batch: Batch
    names: list[str]  # the record files' paths
    sizes: pl.DataFrame
    adapted: Adapted
    links: list[Link]
    file_keys: list[str]  # cache.entry_key of each file, in the order of ``files``
    cache_folder: Path | None = None  # this build's cache folder (None: built without the cache)

    @property
    def files(self) -> list[Path]:
        return [Path(n) for n in self.names]


def _cache_folder(layout: Layout) -> Path | None:
    """This build's cache folder (code, libraries and mapping tables as they are now)."""
    return cache.prepare(layout.cache, cache.context_digest(sorted(layout.mappings.glob("*.csv"))))


def collect_checked(layout: Layout, *, jobs: int | None = None, use_cache: bool = True) -> Collected:
    """Parse and normalize every record; raise :class:`BuildError` listing every problem.

    ``jobs`` worker processes check the files (``None``: ``$MILITARY_EXERCISES_JOBS``, else 1;
    ``0``: one per core from :data:`PARALLEL_MIN_FILES` files on, as the command line does).
    Results are gathered in file order, so the outcome is the same whatever the number of
    processes. Workers start with the ``forkserver`` method, which re-imports the calling script:
    a script that calls this with several jobs needs the ``if __name__ == "__main__":`` guard.
    ``use_cache``: reuse what unchanged files gave last time (``dataset/.build/cache``).
    """
    names, problems = source_names(layout)
    try:
        maps = Mappings(layout.mappings)
        maps.countries, maps.country_aliases, maps.admin1_aliases, maps.plausible_limits  # noqa: B018
        maps.series_names, maps.series_not_held, maps.sea_points  # noqa: B018
    except MappingError as exc:
        raise BuildError([*problems, Problem(exc.file, exc.line, exc.field, exc.message)]) from exc
    allowlist, allow_problems = read_allowlist(layout.allowlist)
    problems += allow_problems
    batches: list[Batch] = []
    chunk_sizes: list[pl.DataFrame] = []
    ids: list[tuple[str, str, int | None]] = []
    keys: set[str] = set()
    file_keys: list[str] = []
    match_keys: list[ExerciseKey] = []
    match_digests: list[bytes] = []
    cache_folder = _cache_folder(layout) if use_cache else None
    cache_dir = None if cache_folder is None else str(cache_folder)
    chunks = [names[i : i + CHUNK_FILES] for i in range(0, len(names), CHUNK_FILES)]
    # unchanged chunks come from the cache here; only the others are checked, in worker processes
    # when there are enough of them to repay starting the workers
    done = [cached_chunk_result(chunk, str(layout.root), cache_dir) for chunk in chunks]
    todo = [chunk for chunk, result in zip(chunks, done, strict=True) if result is None]
    n_jobs = _jobs(sum(map(len, todo)), jobs)
    if n_jobs == 1:
        # in chunks here too, so that one edited file invalidates only its chunk's cached rows
        fresh: Iterable[ChunkResult] = (
            check_files(chunk, str(layout.root), maps, cache_dir) for chunk in todo
        )
        pool = None
    else:
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["military_exercises.pipeline.build"])
        pool = ProcessPoolExecutor(max_workers=n_jobs, mp_context=ctx)
        n = len(todo)
        fresh = pool.map(
            check_files, todo, [str(layout.root)] * n, [str(layout.mappings)] * n, [cache_dir] * n
        )
    fresh_iter = iter(fresh)
    parts = (result if result is not None else next(fresh_iter) for result in done)
    try:
        for part, found, part_ids, part_keys, part_sizes, (part_match, part_digests) in parts:
            batches.append(part)
            match_keys += part_match
            match_digests += part_digests
            problems += found
            ids += part_ids
            keys.update(part_keys)
            file_keys += part_keys[:-1]  # the files' keys in order; the last is the chunk's
            chunk_sizes.append(part_sizes)
    finally:
        if pool is not None:
            pool.shutdown()
    cache.prune(cache_folder, keys)
    batch = Batch.concat(batches)
    del batches
    problems += duplicate_id_problems(ids)
    used: set[tuple[str, str, str]] = set()
    problems += cross_file_problems(batch, allowlist, used)
    problems += url_problems(batch.sources)
    problems += timing_problems(batch, build_date())
    memo = None if cache_folder is None else cache_folder / "likely-duplicates.pkl"
    problems += duplicate_exercise_problems(batch, memo=memo, keys=(match_keys, match_digests))
    sizes = pl.concat(chunk_sizes).sort(SIZE_KEY, nulls_last=False) if chunk_sizes else _chunk_sizes(batch)
    problems += contingent_problems(sizes, batch.claims, allowlist, used)
    adapted = adapt_all(layout.upstream, maps)
    problems += adapted.problems
    links, found = resolve_links(batch.exercises, adapted, maps)
    problems += found
    if not problems:  # an entry may look stale only because its record failed to parse
        problems += stale_allowlist_problems(allowlist, used)
    if problems:
        raise BuildError(problems)
    return Collected(batch, names, sizes, adapted, links, file_keys, cache_folder)


def assemble_tables(collected: Collected, maps: Mappings) -> dict[str, pl.DataFrame]:
    """Every published table from the checked records and upstream rows: curated tables, upstream
    tables, links between them, and the coverage table (not yet validated)."""
    tables = build_tables(collected.batch, maps, sizes=collected.sizes)
    upstream = build_tables(upstream_batch(collected.adapted), maps, with_series=False)
    tables = apply_links(tables, upstream, collected.adapted, collected.links)
    tables["coverage"] = coverage_table(pl.concat([tables["exercises"], tables["upstream_exercises"]]))
    return tables


def make_tables(
    layout: Layout, *, jobs: int | None = None, use_cache: bool = True
) -> tuple[dict[str, pl.DataFrame], str]:
    """Collect, build and validate the tables without publishing them (``jobs``, ``use_cache``: see
    :func:`collect`)."""
    tables, version, _, _ = _validated_tables(layout, jobs=jobs, use_cache=use_cache)
    return tables, version


def _validated_tables(
    layout: Layout, *, jobs: int | None, use_cache: bool, pool: Executor | None = None
) -> tuple[dict[str, pl.DataFrame], str, cache.ExportCache, EarlyExports | None]:
    """The validated tables, the data version, the export files earlier builds left for them and,
    with a ``pool`` (two threads), the SQLite and Stata exports already being written from them."""
    collected = collect_checked(layout, jobs=jobs, use_cache=use_cache)
    files, file_keys, folder = collected.names, collected.file_keys, collected.cache_folder
    tables = assemble_tables(collected, Mappings(layout.mappings))
    del collected  # the private columns are no longer needed: free them before validating
    early = None if pool is None else EarlyExports(pool, tables, layout.dataset / ".build")
    try:
        digests = {name: cache.table_digest(name, frame) for name, frame in tables.items()} if folder else {}
        reuse = cache.ExportCache(folder, digests)
        if early is not None:
            early.start_database(reuse)
        version = _validate(layout, files, file_keys, tables, folder, digests)
    except BaseException:
        if early is not None:
            early.discard()
        raise
    return tables, version, reuse, early


def _validate(
    layout: Layout,
    files: list[str],
    file_keys: list[str],
    tables: dict[str, pl.DataFrame],
    folder: Path | None,
    digests: dict[str, str],
) -> str:
    """Validate the tables (those that passed before with the same digest are skipped); return the
    data version."""
    passed_before = cache.validated(folder)
    failures = validate_tables(tables, skip={n for n, d in digests.items() if d in passed_before})
    if failures:
        raise BuildError([Problem("release", None, "schema", f) for f in failures])
    cache.mark_validated(folder, set(digests.values()))
    return data_version(files, layout, file_keys=file_keys)


def build(root: Path, *, jobs: int | None = None, use_cache: bool = True) -> Path:
    """Build and publish the release of the checkout at ``root``; return the release folder.

    ``jobs``: processes that check the source files (see :func:`collect`); ``use_cache``: reuse the
    results of unchanged files (:mod:`~military_exercises.pipeline.cache`; never changes the output).
    """
    layout = Layout(root)
    with ThreadPoolExecutor(max_workers=2) as pool:  # the SQLite and Stata files, see EarlyExports
        tables, version, reuse, early = _validated_tables(layout, jobs=jobs, use_cache=use_cache, pool=pool)
        try:
            return publish(tables, layout.dataset, version=version, reuse=reuse, early=early)
        except BaseException:
            if early is not None:
                early.discard()  # its files were not moved into a release
            raise
