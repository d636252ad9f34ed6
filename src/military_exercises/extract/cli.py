"""``military-exercises extract INPUT... [--out drafts/] [--jobs N] [--against auto|release|sources|none]``.

An INPUT is a plain-text report (optionally with ``URL:``/``Publisher:``/``Title:``/``Published:``/
``Language:`` header lines), a folder of such files, a JSONL file or a Parquet file with one report
per row (a ``text`` field, optionally ``id``, ``url``, ``publisher``, ``title``, ``published``,
``language``). Per exercise found it writes ``<out>/<id>.yaml`` (a draft source record with
``status: draft`` and the evidence as comments) and ``<out>/<id>.evidence.json``; a draft of an
exercise already in the dataset becomes ``<out>/<existing id>.patch.yaml`` instead (the new claims
and source for that record's file). A corpus run (a folder, JSONL or Parquet input, ``--jobs`` or
``--claims``) also writes one Parquet file of every candidate claim with its evidence. Drafts never
go into ``dataset/sources``: move one there only after review.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from military_exercises.extract.corpus import (
    CorpusError,
    Options,
    ReportResult,
    claim_rows,
    claims_frame,
    extract_shard,
    input_kind,
    plan_shards,
    remember_known,
)
from military_exercises.extract.known import KnownExercises, Match, describe, patch_summary
from military_exercises.extract.model import Draft, SourceInfo
from military_exercises.extract.yamlout import draft_evidence, draft_to_yaml, patch_to_yaml


def _iso_date(text: str) -> str:
    try:
        dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date; use YYYY-MM-DD") from exc
    return text


def _positive(text: str) -> int:
    try:
        n = int(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from exc
    if n < 1:
        raise argparse.ArgumentTypeError(f"{text!r}: must be at least 1")
    return n


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``military-exercises extract``."""
    parser.add_argument(
        "files",
        nargs="+",
        type=Path,
        metavar="INPUT",
        help="report file(s) (UTF-8 text), a folder of them, or a .jsonl / .parquet corpus "
        "(one report per row)",
    )
    parser.add_argument(
        "--published",
        type=_iso_date,
        help="publication date YYYY-MM-DD (overrides a Published: header); resolves 'on Tuesday' etc.",
    )
    parser.add_argument("--url", help="source URL (overrides a URL: header)")
    parser.add_argument("--publisher", help="publisher (overrides a Publisher: header)")
    parser.add_argument("--title", help="headline (overrides a Title: header)")
    parser.add_argument("--language", help="ISO 639-1 code (overrides a Language: header; default en)")
    parser.add_argument("--out", type=Path, default=Path("drafts"), help="output folder (default: drafts/)")
    parser.add_argument("--mappings", type=Path, help="dataset/mappings folder (default: the checkout's)")
    parser.add_argument(
        "--main-only", action="store_true", help="skip the earlier exercises a report mentions"
    )
    parser.add_argument(
        "--against",
        choices=("auto", "release", "sources", "none"),
        default="auto",
        help="look drafts up among existing exercises: the release, the source records, auto "
        "(the release if built, else the sources) or none; a match becomes a patch draft",
    )
    parser.add_argument(
        "--jobs", type=_positive, default=1, help="worker processes (default 1); reports are cut into shards"
    )
    parser.add_argument(
        "--shard-size", type=_positive, default=64, help="reports per shard for --jobs (default 64)"
    )
    parser.add_argument(
        "--claims",
        type=Path,
        help="Parquet file of every candidate claim with its evidence "
        "(default for a corpus run: <out>/claims.parquet)",
    )
    parser.add_argument(
        "--no-drafts", action="store_true", help="write only the claims Parquet file (large corpora)"
    )
    parser.add_argument(
        "--dask",
        metavar="ADDRESS",
        help="run on a Dask cluster: a scheduler address (tcp://host:8786) or 'local' for a local "
        "cluster of --jobs workers; drafts go to <out>/drafts/<shard>/ (needs the [dask] extra)",
    )
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")


def _refuses_sources_folder(out: Path) -> bool:
    parts = out.resolve().parts
    return any(parts[i : i + 2] == ("dataset", "sources") for i in range(len(parts) - 1))


def _free_stem(out: Path, stem: str, suffix: str) -> str:
    """``stem``, or ``stem-2``, ``stem-3``... whichever has no file yet: a draft is never overwritten."""
    n, free = 1, stem
    while (out / f"{free}{suffix}").exists():
        n += 1
        free = f"{stem}-{n}"
    return free


def write_drafts(
    drafts: list[Draft],
    out: Path,
    *,
    source_file: str | None = None,
    matches: list[Match | None] | None = None,
) -> list[Path]:
    """Write each draft as ``<id>.yaml`` + ``<id>.evidence.json`` into ``out``; return the YAML paths.

    A draft with a match (``matches[i]``) is written as a patch draft, ``<existing id>.patch.yaml``
    (+ ``.patch.evidence.json``). An existing file of the same name gets a numbered sibling
    (``<id>-2.yaml``) instead of being overwritten, so a curator's edits are never lost.
    """
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for d, match in zip(drafts, matches or [None] * len(drafts), strict=True):
        if match is not None:
            stem = _free_stem(out, match.exercise_id, ".patch.yaml")
            yaml_path = out / f"{stem}.patch.yaml"
            yaml_path.write_text(patch_to_yaml(d, patch_summary(d, match), source_file=source_file), "utf-8")
            evidence_path = out / f"{stem}.patch.evidence.json"
        else:
            stem = _free_stem(out, d.record["id"], ".yaml")
            d.record["id"] = stem
            yaml_path = out / f"{stem}.yaml"
            yaml_path.write_text(draft_to_yaml(d, source_file=source_file), encoding="utf-8")
            evidence_path = out / f"{stem}.evidence.json"
        evidence = draft_evidence(d, source_file=source_file)
        evidence_path.write_text(json.dumps(evidence, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        written.append(yaml_path)
    return written


def _results(args: argparse.Namespace, options: Options) -> Iterator[ReportResult]:
    shards = plan_shards(list(args.files), args.shard_size)
    if args.jobs == 1:
        for shard in shards:
            yield from extract_shard(shard, options)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # forkserver, as the build does: forking a process that runs polars' threads can deadlock
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["military_exercises.extract.corpus"])
    with ProcessPoolExecutor(max_workers=args.jobs, mp_context=ctx) as pool:
        # map keeps the input order, so the output does not depend on the number of processes
        for batch in pool.map(extract_shard, shards, [options] * len(shards)):
            yield from batch


def _run_dask(args: argparse.Namespace, options: Options) -> int:
    try:
        from dask.distributed import Client, LocalCluster

        from military_exercises.extract.dask_runner import run_dask
    except ImportError:
        from military_exercises.extract.dask_runner import INSTALL_HINT

        print(f"error: {INSTALL_HINT}", file=sys.stderr)
        return 2
    # dask.distributed is not typed
    cluster = (
        LocalCluster(n_workers=args.jobs, threads_per_worker=1)  # type: ignore[no-untyped-call]
        if args.dask == "local"
        else None
    )
    with Client(cluster if cluster is not None else args.dask) as client:  # type: ignore[no-untyped-call]
        summary = run_dask(
            list(args.files), args.out, options=options, shard_size=args.shard_size, client=client,
            write_drafts=not args.no_drafts,
        )  # fmt: skip
    if cluster is not None:
        cluster.close()
    for error in summary.errors:
        print(f"error: {error}", file=sys.stderr)
    print(
        f"{summary.reports} reports in {summary.shards} shards, {summary.drafts} drafts "
        f"({summary.patches} patches of existing records), {summary.claims} candidate claims -> "
        f"{summary.claims_path}" + ("" if args.no_drafts else f"; drafts in {args.out / 'drafts'}")
    )
    return 1 if summary.errors else 0


def run(args: argparse.Namespace) -> int:
    """Extract drafts from every input; print one line per draft written (or a summary for a corpus).

    Exit 1 if a report could not be read, 2 if the inputs or the output folder are refused.
    """
    if _refuses_sources_folder(args.out):
        print("error: drafts are not written into dataset/sources; choose another --out", file=sys.stderr)
        return 2
    try:
        kinds = [input_kind(p) for p in args.files]
        known = KnownExercises.load(args.against)
    except (CorpusError, FileNotFoundError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    corpus = any(k != "files" for k in kinds) or any(p.is_dir() for p in args.files) or args.jobs > 1
    claims_path = args.claims or (args.out / "claims.parquet" if corpus else None)
    options = Options(
        published=args.published,
        source=SourceInfo(url=args.url, publisher=args.publisher, title=args.title, language=args.language),
        mappings_dir=str(args.mappings) if args.mappings else None,
        include_past=not args.main_only,
        against=args.against,
    )
    remember_known(args.against, known)
    print(describe(known), file=sys.stderr)
    if args.dask:
        return _run_dask(args, options)
    from tqdm import tqdm

    failed = reports = drafts = patches = 0
    rows: list[dict[str, object]] = []
    verbose = not corpus
    try:
        results = _results(args, options)
        bar = tqdm(
            results, unit="report", disable=True if args.no_progress or verbose else None, file=sys.stderr
        )
        for result in bar:
            reports += 1
            if result.error is not None:
                print(f"error: {result.error}", file=sys.stderr)
                failed += 1
                continue
            drafts += len(result.drafts)
            patches += sum(m is not None for m in result.matches)
            written = []
            if not args.no_drafts:
                written = write_drafts(
                    result.drafts, args.out, source_file=result.report, matches=result.matches
                )
            if claims_path is not None:
                rows += claim_rows(result)
            if verbose:
                for draft, path, match in zip(result.drafts, written, result.matches, strict=True):
                    kind = "main" if draft.kind == "main" else "earlier"
                    what = f"patch of {match.exercise_id} ({match.reason})" if match else "new record"
                    print(f"{result.report}: {kind} exercise -> {path} [{what}]")
    except CorpusError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if claims_path is not None:
        claims_path.parent.mkdir(parents=True, exist_ok=True)
        claims_frame(rows).write_parquet(claims_path)
    if corpus or claims_path is not None:
        print(
            f"{reports} reports, {drafts} drafts ({patches} patches of existing records), {len(rows)} "
            f"candidate claims"
            + (f" -> {claims_path}" if claims_path else "")
            + ("" if args.no_drafts else f"; drafts in {args.out}")
            + (f"; {failed} reports could not be read" if failed else "")
        )
    return 1 if failed else 0
