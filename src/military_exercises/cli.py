"""Command line: ``military-exercises build | check | codebook | ...``."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from pathlib import Path

from military_exercises.pipeline.problems import BuildError


def _find_root(start: Path) -> Path:
    for p in [start, *start.parents]:
        if (p / "dataset" / "sources").is_dir():
            return p
    raise SystemExit(f"error: no dataset/sources folder at or above {start}; pass --root")


def _cmd_build(args: argparse.Namespace) -> int:
    from military_exercises.pipeline.build import build

    root = args.root or _find_root(Path.cwd())
    release = build(root, jobs=_jobs(args), use_cache=not args.no_cache)
    import json

    dp = json.loads((release / "datapackage.json").read_text(encoding="utf-8"))
    rows = ", ".join(f"{r['name']} {r['rows']}" for r in dp["resources"] if "rows" in r)
    print(f"published dataset/release ({dp['version']}): {rows}")
    return 0


def _cmd_check(args: argparse.Namespace) -> int:
    from military_exercises.pipeline.build import Layout, make_tables

    root = args.root or _find_root(Path.cwd())
    tables, _version = make_tables(Layout(root), jobs=_jobs(args), use_cache=not args.no_cache)
    print(
        f"all source records pass ({tables['exercises'].height} exercises, {tables['claims'].height} claims)"
    )
    return 0


def _cmd_verify(args: argparse.Namespace) -> int:
    from military_exercises.pipeline.publish import release_problems

    root = args.root or _find_root(Path.cwd())
    link = root / "dataset" / "release"
    if not (link / "datapackage.json").is_file():
        print(f"no release at {link}: run `make dataset`", file=sys.stderr)
        return 1
    problems = release_problems(link.resolve())
    for problem in problems:
        print(f"damaged: {problem}", file=sys.stderr)
    if problems:
        if not args.quiet:
            print(
                "the release does not match its manifest: run `make dataset` to rebuild it", file=sys.stderr
            )
        return 1
    if not args.quiet:
        print(f"release {link.resolve().name} matches its manifest (sizes and sha256 of every file)")
    return 0


def _cmd_codebook(args: argparse.Namespace) -> int:
    from military_exercises.pipeline.codebook import render_codebook

    text = render_codebook()
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


#: Commands implemented in their own modules: (name, module, help). Each module provides
#: ``add_arguments(parser)`` and ``run(args) -> int``.
EXTRA_COMMANDS: list[tuple[str, str, str]] = [
    (
        "propose-links",
        "military_exercises.pipeline.propose",
        "propose links between curated records and upstream (MME/JME) rows, for review",
    ),
    (
        "derive-country-points",
        "military_exercises.pipeline.geography",
        "derive dataset/mappings/country_points.csv and point_countries.csv (needs the 'geo' extra)",
    ),
    (
        "derive-admin1-cities",
        "military_exercises.extract.cities",
        "derive dataset/mappings/admin1_cities.csv: admin-1 names that are city names ('geo' extra)",
    ),
    (
        "derive-sea-points",
        "military_exercises.pipeline.sea_points",
        "derive dataset/mappings/sea_points.csv from the vendored Natural Earth marine polygons",
    ),
    (
        "bundle",
        "military_exercises.pipeline.bundle",
        "write dist/military-exercises-<version>.zip to download and cite",
    ),
    ("report", "military_exercises.plots.report", "write the coverage report (Markdown + PNG charts)"),
    ("figures", "military_exercises.plots.figures", "write the standard figures as PNG"),
    ("extract", "military_exercises.extract.cli", "draft source records from news-report text files"),
    ("eval-extract", "military_exercises.extract.evaluate", "score the extractor on the annotated corpus"),
    (
        "show",
        "military_exercises.analysis.explain",
        "every claim behind one exercise, its sources, and how each reconciled figure came out",
    ),
    ("site", "military_exercises.site.build", "write the static website (HTML, CSS, a little JavaScript)"),
    (
        "diff",
        "military_exercises.diff",
        "list exercises, claims and sources added, removed or changed between two releases",
    ),
]


_JOBS_HELP = (
    "processes that check the source files (default: $MILITARY_EXERCISES_JOBS, else automatic: "
    "one per core from 2,000 files on); 1 = no worker processes"
)


_NO_CACHE_HELP = "check every file afresh instead of reusing results of unchanged files (same output)"


def _jobs(args: argparse.Namespace) -> int | None:
    """--jobs, else the environment variable (None lets the build read it), else 0 = automatic."""
    from military_exercises.pipeline.build import JOBS_ENV_VAR

    if args.jobs is not None:
        if args.jobs < 0:
            raise SystemExit(f"error: --jobs {args.jobs}: give 0 (automatic) or a number of processes")
        return int(args.jobs)
    env = os.environ.get(JOBS_ENV_VAR, "").strip()
    if env and not env.isdigit():
        raise SystemExit(f"error: {JOBS_ENV_VAR}={env!r}: give 0 (automatic) or a number of processes")
    return None if env else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="military-exercises", description="Build, check and extract military-exercise records."
    )
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("build", help="validate the source records and publish dataset/release")
    p.add_argument("--root", type=Path, help="repository root (default: found from the current folder)")
    p.add_argument("--jobs", type=int, default=None, help=_JOBS_HELP)
    p.add_argument("--no-cache", action="store_true", help=_NO_CACHE_HELP)
    p.set_defaults(func=_cmd_build)
    p = sub.add_parser("check", help="validate the source records without publishing")
    p.add_argument("--root", type=Path)
    p.add_argument("--jobs", type=int, default=None, help=_JOBS_HELP)
    p.add_argument("--no-cache", action="store_true", help=_NO_CACHE_HELP)
    p.set_defaults(func=_cmd_check)
    p = sub.add_parser("verify", help="check dataset/release against its datapackage.json (sizes, sha256)")
    p.add_argument("--root", type=Path)
    p.add_argument("--quiet", "-q", action="store_true", help="print nothing when the release is intact")
    p.set_defaults(func=_cmd_verify)
    p = sub.add_parser("codebook", help="print (or write) the codebook generated from the schemas")
    p.add_argument("--output", "-o", help="write to this file instead of standard output")
    p.set_defaults(func=_cmd_codebook)
    for name, module_name, help_text in EXTRA_COMMANDS:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name is not None and module_name.startswith(exc.name):
                continue  # that part of the toolkit is not installed in this version
            raise
        p = sub.add_parser(name, help=help_text)
        module.add_arguments(p)
        p.set_defaults(func=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except BuildError as exc:
        print(f"build failed; the previous release is unchanged.\n{exc.report()}", file=sys.stderr)
        return 1
    except PermissionError as exc:  # e.g. a read-only dataset/ folder: say which file, not a traceback
        print(f"error: cannot write {exc.filename}: {exc.strerror}", file=sys.stderr)
        return 1


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
