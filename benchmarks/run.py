"""Benchmarks (``make bench``): build, validation, panels, loading and extraction, with floors.

For each size N (synthetic records from ``benchmarks/generate.py``) every measurement runs in a
fresh child process, so its peak memory is its own: the largest resident memory of that process
and every process it started (the build's workers included), sampled every 20 ms. Each line
prints wall time, peak memory and the ratio to a floor measured in the same run: a bare polars
read + write of the same rows (the release's Parquet files) for the build and the validation, a
bare ``pl.read_parquet`` for ``load_exercises()``.

    python benchmarks/run.py                      # N = 1,000, 10,000, 100,000
    python benchmarks/run.py --sizes 1000,10000   # chosen sizes
    python benchmarks/run.py --quick              # N = 1,000 only, fewer repetitions

Targets (issue #6): a 100k build in <= 60 s and <= 2 GB with roughly linear growth from 10k; a
directed dyad-year panel of about 200 states x 1946-2026 in <= 3 s; ``load_exercises()`` within
1.5x of a bare ``pl.read_parquet``. Issue #14: the static site for 5,000 exercises in <= 30 s
(``--site N`` sets N; the median of three builds, each in a fresh process).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
TARGET_BUILD_S = 60.0
TARGET_BUILD_MB = 2048.0
TARGET_PANEL_S = 3.0
TARGET_LOAD_RATIO = 1.5
TARGET_INCREMENTAL_SHARE = 0.2  # issue #10: a one-record rebuild of 10,000 takes <= 1/5 of a clean build
TARGET_SITE_S = 30.0


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def _best_of(fn: Any, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


# --- child tasks: each runs alone in its own process and prints one JSON line -----------------------


def child_build(root: Path) -> dict[str, Any]:
    """The full build (parse, normalize, checks, tables, schema validation, publish), by stage."""
    from military_exercises.pipeline.build import Layout, assemble_tables, collect_checked, data_version
    from military_exercises.pipeline.mappings import Mappings
    from military_exercises.pipeline.publish import publish
    from military_exercises.pipeline.schemas import validate_tables

    layout = Layout(root)
    stages: dict[str, float] = {}
    t0 = time.perf_counter()
    collected = collect_checked(layout, jobs=0, use_cache=False)
    files = collected.files
    stages["parse+check"] = time.perf_counter() - t0
    t = time.perf_counter()
    tables = assemble_tables(collected, Mappings(layout.mappings))
    del collected
    stages["tables"] = time.perf_counter() - t
    t = time.perf_counter()
    failures = validate_tables(tables)
    assert not failures, failures
    stages["schema"] = time.perf_counter() - t
    t = time.perf_counter()
    publish(tables, layout.dataset, version=data_version(files, layout))
    stages["publish"] = time.perf_counter() - t
    seconds = time.perf_counter() - t0
    rows = {name: frame.height for name, frame in tables.items()}
    return {"seconds": seconds, "peak_mb": _peak_mb(), "stages": stages, "rows": rows}


def child_validate(root: Path) -> dict[str, Any]:
    """Validation alone: parse and check every record (what ``make check`` reports), no tables."""
    from military_exercises.pipeline.build import Layout, collect

    t0 = time.perf_counter()
    records, _files = collect(Layout(root), jobs=0, use_cache=False)
    return {"seconds": time.perf_counter() - t0, "peak_mb": _peak_mb(), "records": len(records)}


def child_incremental(root: Path, rounds: int = 3) -> dict[str, Any]:
    """After one record changes: rebuilds with the parse cache against clean builds without it, in
    alternation (``rounds`` of each, a different record edited each time; medians), and whether the
    cached and the clean build of the same tree publish the same bytes."""
    import hashlib
    import shutil
    import statistics

    from military_exercises.pipeline.build import build

    def digest(folder: Path) -> dict[str, str]:
        return {
            p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.resolve().iterdir())
        }

    build(root, jobs=0)  # fills the cache (the files as generated)
    records = sorted((root / "dataset" / "sources").rglob("*.yaml"))
    cached_s: list[float] = []
    clean_s: list[float] = []
    identical = True
    for i in range(rounds):
        record = records[(i + 1) * len(records) // (rounds + 1)]
        record.write_text(
            record.read_text(encoding="utf-8").replace("notes: Invented", "notes: Edited; invented"),
            encoding="utf-8",
        )
        t0 = time.perf_counter()
        cached = build(root, jobs=0)
        cached_s.append(time.perf_counter() - t0)
        cached_bytes = digest(cached)
        shutil.rmtree(root / "dataset" / ".build" / "cache")
        t0 = time.perf_counter()
        clean = build(root, jobs=0, use_cache=False)
        clean_s.append(time.perf_counter() - t0)
        identical = identical and cached_bytes == digest(clean)
        build(root, jobs=0)  # the cache again, for the next round
    return {"seconds": statistics.median(cached_s), "clean_seconds": statistics.median(clean_s),
            "runs": [round(x, 2) for x in cached_s], "clean_runs": [round(x, 2) for x in clean_s],
            "peak_mb": _peak_mb(), "identical": identical}  # fmt: skip


def child_floor(root: Path) -> dict[str, Any]:
    """The floor: bare polars read + write of every table of the release, same rows and bytes in."""
    import polars as pl

    release = root / "dataset" / "release"
    with tempfile.TemporaryDirectory() as out:
        t0 = time.perf_counter()
        for path in sorted(release.glob("*.parquet")):
            pl.read_parquet(path).write_parquet(Path(out) / path.name)
        seconds = time.perf_counter() - t0
    return {"seconds": seconds, "peak_mb": _peak_mb()}


def child_load(root: Path, repeat: int) -> dict[str, Any]:
    """``load_exercises()`` against bare ``pl.read_parquet`` of the same files (best of ``repeat``):
    the loader stacks the curated and the upstream exercises, so the floor reads both and stacks them."""
    import polars as pl

    os.environ["MILITARY_EXERCISES_RELEASE"] = str(root / "dataset" / "release")
    from military_exercises import load_exercises

    paths = [root / "dataset" / "release" / f"{name}.parquet" for name in ("exercises", "upstream_exercises")]

    def bare_read() -> pl.DataFrame:
        return pl.concat([pl.read_parquet(p) for p in paths], how="diagonal_relaxed")

    load_exercises()  # warm-up: imports and the OS file cache, for both
    bare_read()
    bare = _best_of(bare_read, repeat)
    ours = _best_of(load_exercises, repeat)
    return {"seconds": ours, "floor_seconds": bare, "peak_mb": _peak_mb(), "rows": load_exercises().height}


def child_panel(root: Path, repeat: int) -> dict[str, Any]:
    """Directed dyad-year panel over the G&W system 1946-2026 from the release's participants."""
    try:
        from military_exercises.analysis import panels
    except ImportError as exc:
        return {"skipped": f"military_exercises.analysis.panels is not available ({exc})"}
    import polars as pl

    participants = pl.read_parquet(root / "dataset" / "release" / "participants.parquet")
    states = panels.state_years(system="gw", start_year=1946, end_year=2026)
    rows = 0

    def once() -> None:
        nonlocal rows
        rows = panels.dyad_year(
            participants, system="gw", directed=True, start_year=1946, end_year=2026
        ).height

    seconds = _best_of(once, repeat)
    return {
        "seconds": seconds,
        "peak_mb": _peak_mb(),
        "rows": rows,
        "states": states.select(states.columns[0]).n_unique(),
    }


def child_extract(n_reports: int) -> dict[str, Any]:
    """Extraction throughput from ``benchmarks/bench_extract.py`` (written with the extractor)."""
    path = HERE / "bench_extract.py"
    if not path.exists():
        return {"skipped": "benchmarks/bench_extract.py is not there"}
    spec = importlib.util.spec_from_file_location("bench_extract", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core, as its target says
    result: dict[str, Any] = module.run(n_reports)
    result["peak_mb"] = _peak_mb()
    return result


def child_extract_jobs(n_reports: int) -> dict[str, Any]:
    """The corpus command with 1 and 2 jobs (not pinned): reports/s per core and the speed-up."""
    spec = importlib.util.spec_from_file_location("bench_extract", HERE / "bench_extract.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    jobs = tuple(j for j in (1, 2, 4) if j <= (os.cpu_count() or 1))
    result: dict[str, Any] = module.run_jobs(n_reports, jobs)
    result["peak_mb"] = _peak_mb()
    return result


def child_site(root: Path, out: Path, jobs: int) -> dict[str, Any]:
    """The static site (``military-exercises site``) for the release of ``root``; ``jobs`` 0 = the
    default (worker processes from 2,000 exercises on). CPU time is this process's own: with
    workers it leaves their share out, so the one-process build gives the CPU cost of the work."""
    os.environ["MILITARY_EXERCISES_RELEASE"] = str(root / "dataset" / "release")
    from military_exercises.site.build import build_site

    usage = resource.getrusage(resource.RUSAGE_SELF)
    t0 = time.perf_counter()
    summary = build_site(out, jobs=jobs or None)
    seconds = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_SELF)
    cpu = after.ru_utime + after.ru_stime - usage.ru_utime - usage.ru_stime
    size = sum(f.stat().st_size for f in out.rglob("*") if f.is_file())
    return {"seconds": seconds, "cpu": cpu, "peak_mb": _peak_mb(), "pages": summary["pages"], "bytes": size}


CHILDREN = {
    "build": lambda a: child_build(Path(a[0])),
    "validate": lambda a: child_validate(Path(a[0])),
    "incremental": lambda a: child_incremental(Path(a[0])),
    "floor": lambda a: child_floor(Path(a[0])),
    "load": lambda a: child_load(Path(a[0]), int(a[1])),
    "panel": lambda a: child_panel(Path(a[0]), int(a[1])),
    "extract": lambda a: child_extract(int(a[0])),
    "extract-jobs": lambda a: child_extract_jobs(int(a[0])),
    "site": lambda a: child_site(Path(a[0]), Path(a[1]), int(a[2])),
}


def _tree_rss_mb(root_pid: int) -> float:
    """Resident memory of a process and all its descendants (worker processes included), in MB."""
    parent: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parent[int(stat.parent.name)] = int(fields[1])
    tree, frontier = {root_pid}, [root_pid]
    while frontier:
        pid = frontier.pop()
        for child, ppid in parent.items():
            if ppid == pid and child not in tree:
                tree.add(child)
                frontier.append(child)
    total = 0
    for pid in tree:
        try:
            total += int(Path(f"/proc/{pid}/statm").read_text().split()[1])
        except OSError:
            continue
    return total * os.sysconf("SC_PAGE_SIZE") / 1024**2


def in_child(task: str, *args: object) -> dict[str, Any]:
    """Run one task in a fresh interpreter and return its JSON result.

    Adds ``tree_peak_mb``: the largest sum of resident memory over the child and every process it
    started, sampled every 20 ms (the build's worker processes are not its children in the
    ``getrusage`` sense, so its own ``peak_mb`` leaves them out).
    """
    proc = subprocess.Popen(
        [sys.executable, str(Path(__file__).resolve()), "--child", task, *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    peak = 0.0
    if Path("/proc").is_dir():
        while proc.poll() is None:
            peak = max(peak, _tree_rss_mb(proc.pid))
            time.sleep(0.02)
    out, err = proc.communicate()
    if proc.returncode != 0:
        raise RuntimeError(f"benchmark {task} failed:\n{err}")
    result: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    result["tree_peak_mb"] = max(peak, result.get("peak_mb", 0.0))
    return result


# --- the report ------------------------------------------------------------------------------------------


def machine() -> str:
    """One line about the machine: CPU count, memory, Python and polars versions."""
    import polars as pl

    mem_gb = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1024**3
    cpu = platform.processor() or platform.machine()
    return (
        f"{os.cpu_count()} cores ({cpu}), {mem_gb:.0f} GB RAM, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}, polars {pl.__version__}"
    )


def _load_generator() -> Any:
    spec = importlib.util.spec_from_file_location("bench_generate", HERE / "generate.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def bench_size(n: int, workdir: Path, *, repeat: int) -> list[dict[str, Any]]:
    """Every measurement that depends on N; returns table rows."""
    root = workdir / f"n{n}"
    t0 = time.perf_counter()
    _load_generator().generate(n, root)
    print(f"  generated {n:,} records in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    build = in_child("build", root)
    validate = in_child("validate", root)
    floor = in_child("floor", root)
    load = in_child("load", root, repeat)
    panel = in_child("panel", root, repeat)
    incremental = in_child("incremental", root)
    stages = ", ".join(f"{k} {v:.1f} s" for k, v in build["stages"].items())
    build_ok = build["seconds"] <= TARGET_BUILD_S and build["tree_peak_mb"] <= TARGET_BUILD_MB
    load_ok = load["seconds"] <= TARGET_LOAD_RATIO * load["floor_seconds"]
    floor_ms = load["floor_seconds"] * 1000
    load_note = f"floor: bare pl.read_parquet of both files, {floor_ms:.1f} ms; best of {repeat}"
    incremental_row = {**incremental, "peak_mb": incremental["tree_peak_mb"]}
    incremental_note = (
        f"floor: clean build without the cache, median {incremental['clean_seconds']:.1f} s "
        f"(runs {incremental['clean_runs']}; cached runs {incremental['runs']}); same bytes as the "
        f"clean build: {'yes' if incremental['identical'] else 'NO'}"
    )
    share = incremental["seconds"] / incremental["clean_seconds"]
    incremental_ok = share <= TARGET_INCREMENTAL_SHARE and incremental["identical"]
    rows = [
        _row(n, "full build", {**build, "peak_mb": build["tree_peak_mb"]}, floor["seconds"],
             f"{build['rows']['claims']:,} claims; {stages}; main process alone {build['peak_mb']:,.0f} MB",
             build_ok if n >= 100_000 else None),
        _row(n, "validation alone", {**validate, "peak_mb": validate["tree_peak_mb"]}, floor["seconds"],
             "parse + check every record, no tables"),
        _row(n, "floor: polars read + write", floor, floor["seconds"], "the release's Parquet files"),
        _row(n, "load_exercises()", load, load["floor_seconds"], load_note, load_ok),
        _row(n, "rebuild after one record changed (parse cache)", incremental_row,
             incremental["clean_seconds"], incremental_note, incremental_ok if n >= 10_000 else None),
    ]  # fmt: skip
    if "skipped" in panel:
        rows.append({"n": n, "what": "dyad-year panel", "note": panel["skipped"], "ok": None})
    else:
        note = f"{panel['rows']:,} rows, {panel['states']} states; best of {repeat}"
        rows.append(
            _row(n, "dyad-year panel (directed, G&W 1946-2026)", panel, None, note,
                 panel["seconds"] <= TARGET_PANEL_S)
        )  # fmt: skip
    return rows


def bench_site(n: int, workdir: Path, *, repeat: int) -> list[dict[str, Any]]:
    """The static site for N synthetic exercises: the median of ``repeat`` builds."""
    root = workdir / f"site-n{n}"
    _load_generator().generate(n, root)
    in_child("build", root)  # publishes root/dataset/release
    runs = [in_child("site", root, workdir / f"site-out-{n}", 0) for _ in range(repeat)]
    runs.sort(key=lambda r: r["seconds"])
    median = runs[len(runs) // 2]
    times = ", ".join(f"{r['seconds']:.1f}" for r in runs)
    note = (
        f"{median['pages']:,} pages, {median['bytes'] / 1024**2:,.0f} MB written; median of {repeat} "
        f"builds ({times} s); target <= {TARGET_SITE_S:.0f} s at 5,000"
    )
    ok = median["seconds"] <= TARGET_SITE_S if n == 5000 else None
    single = in_child("site", root, workdir / f"site-out-{n}", 1)
    return [
        _row(n, "static site (make site)", {**median, "peak_mb": median["tree_peak_mb"]}, None, note, ok),
        _row(n, "static site, one process", {**single, "peak_mb": single["tree_peak_mb"]}, None,
             f"--jobs 1: {single['cpu']:.1f} s of CPU", None),
    ]  # fmt: skip


def _row(
    n: int | str, what: str, result: dict[str, Any], floor: float | None, note: str, ok: bool | None = None
) -> dict[str, Any]:
    return {
        "n": n,
        "what": what,
        "seconds": result["seconds"],
        "peak_mb": result["peak_mb"],
        "floor": floor,
        "note": note,
        "ok": ok,
    }


def format_table(rows: list[dict[str, Any]]) -> str:
    """The results as a Markdown table."""
    lines = [
        "| N | measurement | wall (s) | peak memory (MB) | x floor | target met | notes |",
        "| ---: | --- | ---: | ---: | ---: | :---: | --- |",
    ]
    for r in rows:
        seconds = f"{r['seconds']:.3f}" if r.get("seconds") is not None else "-"
        peak = f"{r['peak_mb']:,.0f}" if r.get("peak_mb") is not None else "-"
        ratio = f"{r['seconds'] / r['floor']:.1f}" if r.get("floor") and r.get("seconds") is not None else "-"
        ok = {True: "yes", False: "**no**", None: ""}[r.get("ok")]
        n = f"{r['n']:,}" if isinstance(r["n"], int) else r["n"]
        lines.append(f"| {n} | {r['what']} | {seconds} | {peak} | {ratio} | {ok} | {r.get('note', '')} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmarks and print the table (Markdown) to standard output."""
    args = sys.argv[1:] if argv is None else argv
    if args and args[0] == "--child":
        print(json.dumps(CHILDREN[args[1]](args[2:])))
        return 0
    parser = argparse.ArgumentParser(description="military-exercises benchmarks")
    parser.add_argument(
        "--sizes", default=None, help="comma-separated record counts (default 1000,10000,100000)"
    )
    parser.add_argument(
        "--quick", action="store_true", help="N = 1,000 only (unless --sizes), fewer repetitions"
    )
    parser.add_argument("--reports", type=int, default=None, help="reports for the extraction benchmark")
    parser.add_argument(
        "--site", type=int, default=None, help="exercises for the site benchmark (default 5000; 0 skips it)"
    )
    parser.add_argument(
        "--workdir", type=Path, default=None, help="where to generate (default: a temp folder)"
    )
    ns = parser.parse_args(args)
    sizes = (
        [int(s) for s in ns.sizes.split(",")]
        if ns.sizes
        else ([1000] if ns.quick else [1000, 10_000, 100_000])
    )
    sizes = [n for n in sizes if n > 0]  # --sizes 0: only the site and extraction benchmarks
    repeat = 3 if ns.quick else 7
    n_reports = ns.reports or (50 if ns.quick else 300)
    print(f"machine: {machine()}", file=sys.stderr)
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(dir=ns.workdir) as tmp:
        for n in sizes:
            print(f"N = {n:,}", file=sys.stderr)
            rows += bench_size(n, Path(tmp), repeat=repeat)
        site_n = ns.site if ns.site is not None else (1000 if ns.quick else 5000)
        if site_n:
            print(f"site, N = {site_n:,}", file=sys.stderr)
            rows += bench_site(site_n, Path(tmp), repeat=1 if ns.quick else 3)
    extract = in_child("extract", n_reports)
    if "skipped" in extract:
        rows.append({"n": "-", "what": "extraction", "note": extract["skipped"], "ok": None})
    else:
        note = (
            f"{extract['reports_per_second']} reports/s of ~{extract['mean_chars']:,} chars "
            f"(target {extract['target_reports_per_second']}/s)"
        )
        rows.append(
            _row(f"{n_reports} reports", "extraction (1 core)", extract, None, note, extract["meets_target"])
        )
    corpus_reports = 2 * n_reports
    jobs = in_child("extract-jobs", corpus_reports)
    for j, m in jobs["jobs"].items():
        note = (
            f"{m['reports_per_second']} reports/s, {m['reports_per_second_per_core']} per core, "
            f"speed-up x{m['speedup']} over 1 job; median of {jobs['repeat']} runs of "
            f"`extract corpus.jsonl --jobs {j} --no-drafts`"
        )
        rows.append(
            _row(f"{corpus_reports} reports", f"corpus extraction, --jobs {j}",
                 {"seconds": m["seconds"], "peak_mb": jobs["tree_peak_mb"]}, None, note)
        )  # fmt: skip
    print(f"machine: {machine()}\n")
    print(format_table(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
