"""Compare two releases: which exercises and claims were added, removed or changed.

A living dataset changes between versions; researchers need to know what moved under their results.
``military-exercises diff OLD NEW`` prints the changes between two release folders (for example an
installed wheel's data and a fresh ``dataset/release``); :func:`diff_releases` returns them as frames.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from pathlib import Path

import polars as pl

#: Table -> key column, for the tables compared row by row.
KEYS = {"exercises": "exercise_id", "claims": "claim_id", "sources": "source_id"}


@dataclass(frozen=True)
class TableDiff:
    """Rows of one table added, removed, and changed (with the names of the changed columns)."""

    added: pl.DataFrame
    removed: pl.DataFrame
    changed: pl.DataFrame  # key, changed_columns (list[str])

    @property
    def empty(self) -> bool:
        return self.added.height == 0 and self.removed.height == 0 and self.changed.height == 0


def diff_tables(old: pl.DataFrame, new: pl.DataFrame, key: str) -> TableDiff:
    """Compare two versions of one table by its key column; columns only one side has are ignored."""
    added = new.join(old.select(key), on=key, how="anti").sort(key)
    removed = old.join(new.select(key), on=key, how="anti").sort(key)
    shared = [c for c in old.columns if c in new.columns and c != key]
    both = old.select(key, *shared).join(new.select(key, *shared), on=key, how="inner", suffix="__new")
    if not shared or both.height == 0:
        changed = pl.DataFrame(schema={key: pl.String, "changed_columns": pl.List(pl.String)})
    else:
        flags = [
            pl.when(pl.col(c).ne_missing(pl.col(f"{c}__new"))).then(pl.lit(c)).otherwise(pl.lit(None))
            for c in shared
        ]
        changed = (
            both.select(key, changed_columns=pl.concat_list(flags).list.drop_nulls())
            .filter(pl.col("changed_columns").list.len() > 0)
            .sort(key)
        )
    return TableDiff(added, removed, changed)


def diff_releases(old: Path, new: Path) -> dict[str, TableDiff]:
    """Differences between two release folders, per compared table."""
    out = {}
    for table, key in KEYS.items():
        a = pl.read_parquet(Path(old) / f"{table}.parquet")
        b = pl.read_parquet(Path(new) / f"{table}.parquet")
        out[table] = diff_tables(a, b, key)
    return out


def _version(folder: Path) -> str:
    try:
        return str(json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))["version"])
    except (OSError, KeyError, ValueError):
        return "unknown version"


def render(diffs: dict[str, TableDiff], old: Path, new: Path, *, limit: int = 50) -> str:
    """The differences as Markdown (ids listed up to ``limit`` per kind)."""
    lines = [f"# Release changes: {_version(old)} -> {_version(new)}", ""]
    lines += ["| table | added | removed | changed |", "| --- | ---: | ---: | ---: |"]
    for table, d in diffs.items():
        lines.append(f"| {table} | {d.added.height} | {d.removed.height} | {d.changed.height} |")
    for table, d in diffs.items():
        key = KEYS[table]
        if d.empty:
            continue
        lines += ["", f"## {table}"]
        for label, frame in (("added", d.added), ("removed", d.removed)):
            if frame.height:
                ids = frame[key].to_list()
                more = f" (+{len(ids) - limit} more)" if len(ids) > limit else ""
                lines.append(f"- {label}: {', '.join(ids[:limit])}{more}")
        for row in d.changed.head(limit).iter_rows(named=True):
            lines.append(f"- changed {row[key]}: {', '.join(row['changed_columns'])}")
        if d.changed.height > limit:
            lines.append(f"- ... and {d.changed.height - limit} more changed rows")
    return "\n".join(lines) + "\n"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("old", type=Path, help="the earlier release folder (holds datapackage.json)")
    parser.add_argument("new", type=Path, help="the later release folder")
    parser.add_argument("--limit", type=int, default=50, help="ids listed per kind of change (default 50)")


def run(args: argparse.Namespace) -> int:
    for folder in (args.old, args.new):
        if not (folder / "datapackage.json").is_file():
            raise SystemExit(f"error: {folder} is not a release folder (no datapackage.json)")
    print(render(diff_releases(args.old, args.new), args.old, args.new, limit=args.limit), end="")
    return 0
