"""Extraction of a large corpus on a Dask cluster: ``dask.bag`` over shards of reports.

Needs the optional extra: ``pip install 'military-exercises[dask]'``. Each shard (a slice of a JSONL
or Parquet corpus, or a group of text files; see :func:`~military_exercises.extract.corpus.plan_shards`)
is one bag partition. A worker extracts its shard, looks each draft up against the dataset, writes
the drafts into ``<out>/drafts/<shard>/`` (one folder per shard, so workers never race for a file
name) and its candidate claims into ``<out>/claims-parts/<shard>.parquet``; the driver then gathers
the parts into one ``<out>/claims.parquet`` with a streaming polars query. Workers must see the
input files, the output folder and the dataset (a shared filesystem, or the package installed from
a wheel that carries the release).

>>> from dask.distributed import Client, LocalCluster                     # doctest: +SKIP
>>> with Client(LocalCluster(n_workers=4)) as client:                     # doctest: +SKIP
...     summary = run_dask([Path("archive.parquet")], Path("out"), client=client)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from military_exercises.extract.corpus import (
    Options,
    Shard,
    claim_rows,
    claims_frame,
    extract_shard,
    plan_shards,
)

INSTALL_HINT = "the Dask runner needs the optional extra: pip install 'military-exercises[dask]'"


@dataclass
class Summary:
    """What a run did, summed over its shards."""

    shards: int = 0
    reports: int = 0
    drafts: int = 0
    patches: int = 0
    claims: int = 0
    errors: list[str] = field(default_factory=list)
    claims_path: Path | None = None


def process_shard(shard: Shard, out: str, options: Options, write_drafts: bool = True) -> dict[str, Any]:
    """Extract one shard on a worker; write its drafts and its claims part; return its counts."""
    from military_exercises.extract.cli import write_drafts as write

    results = extract_shard(shard, options)
    rows: list[dict[str, Any]] = []
    counts: dict[str, Any] = {"reports": 0, "drafts": 0, "patches": 0, "errors": []}
    folder = Path(out) / "drafts" / shard.name
    for result in results:
        counts["reports"] += 1
        if result.error is not None:
            counts["errors"].append(result.error)
            continue
        if write_drafts:
            write(result.drafts, folder, source_file=result.report, matches=result.matches)
        rows += claim_rows(result)
        counts["drafts"] += len(result.drafts)
        counts["patches"] += sum(m is not None for m in result.matches)
    parts = Path(out) / "claims-parts"
    parts.mkdir(parents=True, exist_ok=True)
    claims_frame(rows).write_parquet(parts / f"{shard.name}.parquet")
    counts["claims"] = len(rows)
    return counts


def run_dask(
    inputs: list[Path],
    out: Path,
    *,
    options: Options | None = None,
    shard_size: int = 256,
    client: Any = None,
    write_drafts: bool = True,
) -> Summary:
    """Extract every report of ``inputs`` on Dask (``client``, else Dask's current scheduler).

    Returns the summed counts; ``<out>/claims.parquet`` holds every candidate claim, in shard order.
    """
    try:
        import dask.bag as db
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise ImportError(INSTALL_HINT) from exc
    import polars as pl

    options = options or Options()
    shards = plan_shards(inputs, shard_size)
    out.mkdir(parents=True, exist_ok=True)
    # one shard per partition (dask.bag is not typed)
    bag = db.from_sequence(shards, npartitions=max(1, len(shards)))  # type: ignore[no-untyped-call]
    bag = bag.map(process_shard, out=str(out), options=options, write_drafts=write_drafts)
    counted = bag.compute(scheduler=client) if client is not None else bag.compute()
    summary = Summary(shards=len(shards))
    for c in counted:
        summary.reports += c["reports"]
        summary.drafts += c["drafts"]
        summary.patches += c["patches"]
        summary.claims += c["claims"]
        summary.errors += c["errors"]
    summary.claims_path = out / "claims.parquet"
    parts = [out / "claims-parts" / f"{s.name}.parquet" for s in shards]
    if parts:
        pl.scan_parquet(parts).sink_parquet(summary.claims_path)
    else:
        claims_frame([]).write_parquet(summary.claims_path)
    return summary
