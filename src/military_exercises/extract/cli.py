"""``military-exercises extract FILE... [--published YYYY-MM-DD] [--out drafts/]``.

Reads plain-text reports (optionally with ``URL:``/``Publisher:``/``Title:``/``Published:``/
``Language:`` header lines) and writes, per exercise found, ``<out>/<id>.yaml`` (a draft source
record with ``status: draft`` and the evidence as comments) and ``<out>/<id>.evidence.json``.
Drafts never go into ``dataset/sources``: move one there only after review.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from military_exercises.extract.extractor import Draft, SourceInfo, extract_records
from military_exercises.extract.yamlout import draft_evidence, draft_to_yaml


def _iso_date(text: str) -> str:
    try:
        dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date; use YYYY-MM-DD") from exc
    return text


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``military-exercises extract``."""
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE", help="plain-text report(s), UTF-8")
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
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")


def _refuses_sources_folder(out: Path) -> bool:
    parts = out.resolve().parts
    return any(parts[i : i + 2] == ("dataset", "sources") for i in range(len(parts) - 1))


def write_drafts(drafts: list[Draft], out: Path, *, source_file: str | None = None) -> list[Path]:
    """Write each draft as ``<id>.yaml`` + ``<id>.evidence.json`` into ``out``; return the YAML paths.

    An existing file of the same name gets a numbered sibling (``<id>-2.yaml``) instead of being
    overwritten, so a curator's edits are never lost.
    """
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for d in drafts:
        stem = d.record["id"]
        n = 1
        while (out / f"{stem}.yaml").exists():
            n += 1
            stem = f"{d.record['id']}-{n}"
        if stem != d.record["id"]:
            d.record["id"] = stem
        yaml_path = out / f"{stem}.yaml"
        yaml_path.write_text(draft_to_yaml(d, source_file=source_file), encoding="utf-8")
        (out / f"{stem}.evidence.json").write_text(
            json.dumps(draft_evidence(d, source_file=source_file), ensure_ascii=False, indent=2) + "\n",
            encoding="utf-8",
        )
        written.append(yaml_path)
    return written


def run(args: argparse.Namespace) -> int:
    """Extract drafts from every file; print one line per draft written. Exit 1 if a file is unreadable."""
    if _refuses_sources_folder(args.out):
        print("error: drafts are not written into dataset/sources; choose another --out", file=sys.stderr)
        return 2
    source = SourceInfo(
        url=args.url, publisher=args.publisher, title=args.title, published=None, language=args.language
    )
    from tqdm import tqdm

    failed = 0
    files: list[Path] = list(args.files)
    # disable=None: tqdm shows the bar only on a terminal, so logs and pipes stay clean
    bar = tqdm(
        files, unit="report", disable=True if args.no_progress or len(files) < 2 else None, file=sys.stderr
    )
    for path in bar:
        try:
            with path.open(encoding="utf-8", newline="") as fh:
                text = fh.read()
        except (OSError, UnicodeDecodeError) as exc:
            print(f"error: cannot read {path}: {exc}", file=sys.stderr)
            failed += 1
            continue
        drafts = extract_records(
            text,
            published=args.published,
            source=source,
            mappings_dir=args.mappings,
            include_past=not args.main_only,
        )
        for written in write_drafts(drafts, args.out, source_file=str(path)):
            kind = "main" if written.stem == drafts[0].record["id"] else "earlier"
            bar.write(f"{path}: {kind} exercise -> {written}")
    return 1 if failed else 0
