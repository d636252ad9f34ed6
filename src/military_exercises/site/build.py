"""Build the static site: ``military-exercises site --out site`` (``make site``).

Plain HTML pages rendered with Jinja2 from the release (read through the loaders), one stylesheet,
one small script and the search index as a script file (``assets/data.js``, so that the pages work
from ``file://`` where a browser refuses to fetch JSON). Nothing is fetched at view time: the maps
are drawn on the Natural Earth outlines shipped in ``dataset/upstream/naturalearth/``.

The site is written into a fresh folder beside ``out`` and swapped in at the end; an existing
``out`` is replaced only when it is a site this command wrote (it holds the marker file).
"""

from __future__ import annotations

import argparse
import html
import json
import multiprocessing
import os
import re
import shutil
import time
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import jinja2

from military_exercises.analysis.explain import LONE_PART, Explainer, date_text, n
from military_exercises.load import ENV_VAR, data_version, datapackage, load_table, release_dir
from military_exercises.site import pages
from military_exercises.site.basemap import (
    frame,
    graticule_path,
    load_countries,
    shade_svg,
    sphere_path,
    world_svg,
)

HERE = Path(__file__).resolve().parent
MARKER = ".military-exercises-site"


def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["n"] = n
    env.filters["qlabel"] = pages.quantity_label
    env.globals.update(date_text=date_text, lone_part=LONE_PART)
    return env


def _codebook_rule() -> str:
    """The reconciliation rule from CODEBOOK.md of the checkout, as simple HTML ('' outside one)."""
    for parent in HERE.parents:
        path = parent / "CODEBOOK.md"
        if path.is_file() and (parent / "dataset").is_dir():
            text = path.read_text(encoding="utf-8")
            match = re.search(r"^## Reconciliation rule\n(.*?)(?=^## |\Z)", text, flags=re.S | re.M)
            return markdown_lite(match.group(1)) if match else ""
    return ""


def markdown_lite(text: str) -> str:
    """Enough Markdown for the codebook's rule: paragraphs, a numbered list, bold and code."""

    def inline(s: str) -> str:
        s = html.escape(s)
        s = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", s)
        return re.sub(r"``?(.+?)``?", r"<code>\1</code>", s)

    blocks, items = [], []
    for para in re.split(r"\n\s*\n", text.strip()):
        for chunk in re.split(r"\n(?=\d+\. )", para):
            joined = " ".join(line.strip() for line in chunk.splitlines())
            numbered = re.match(r"\d+\. (.*)", joined)
            if numbered:
                items.append(f"<li>{inline(numbered.group(1))}</li>")
            else:
                if items:
                    blocks.append("<ol>" + "".join(items) + "</ol>")
                    items = []
                blocks.append(f"<p>{inline(joined)}</p>")
    if items:
        blocks.append("<ol>" + "".join(items) + "</ol>")
    return "\n".join(blocks)


class Writer:
    """Renders templates into the output folder and counts what it wrote."""

    def __init__(self, out: Path, env: jinja2.Environment, common: dict[str, Any]) -> None:
        self.out, self.env, self.common = out, env, common
        self.pages = 0
        self._templates: dict[str, jinja2.Template] = {}

    def page(self, rel: str, template: str, **context: Any) -> None:
        if template not in self._templates:
            self._templates[template] = self.env.get_template(template)
        root = "../" * rel.count("/")
        text = self._templates[template].render(**self.common, root=root, **context)
        (self.out / rel).write_text(text, encoding="utf-8")
        self.pages += 1


def _downloads(out: Path) -> list[dict[str, Any]]:
    """Copy the release files into downloads/ and describe them."""
    folder = release_dir().resolve()
    target = out / "downloads"
    target.mkdir()
    package = datapackage()
    files = []
    for resource in package["resources"]:
        shutil.copy2(folder / resource["path"], target / resource["path"])
        files.append({**resource, "href": f"downloads/{resource['path']}"})
        if "parquet" in resource:  # a table's Parquet twin
            twin = resource["parquet"]
            shutil.copy2(folder / twin["path"], target / twin["path"])
            files.append({**resource, **twin, "href": f"downloads/{twin['path']}"})
    shutil.copy2(folder / "datapackage.json", target / "datapackage.json")
    size = (target / "datapackage.json").stat().st_size
    files.append(
        {
            "name": "datapackage",
            "path": "datapackage.json",
            "href": "downloads/datapackage.json",
            "bytes": size,
            "description": "Frictionless data package: every table's columns, types, sizes and sha256.",
        }
    )
    return files


def _write_assets(out: Path, site: pages.Site) -> None:
    assets = out / "assets"
    assets.mkdir()
    for name in ("style.css", "site.js"):
        shutil.copy2(HERE / "static" / name, assets / name)
    data = json.dumps(pages.index_data(site), ensure_ascii=False, separators=(",", ":"))
    (assets / "data.js").write_text(f"window.MX_DATA={data};\n", encoding="utf-8")
    (assets / "world.svg").write_text(world_svg(site.basemap), encoding="utf-8")
    (assets / "shade").mkdir()
    for code, country in site.basemap.items():
        (assets / "shade" / f"{code}.svg").write_text(shade_svg(country), encoding="utf-8")


def _prepare(out: Path) -> Path:
    if out.exists() and any(out.iterdir()) and not (out / MARKER).exists():
        raise SystemExit(f"error: {out} exists and is not a site written by this command; not replacing it")
    staging = out.parent / f".{out.name}.building-{os.getpid()}"
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir(parents=True)
    for sub in ("exercise", "country", "year"):
        (staging / sub).mkdir()
    (staging / MARKER).write_text("written by `military-exercises site`; safe to delete\n", encoding="utf-8")
    return staging


def _swap(staging: Path, out: Path) -> None:
    old = out.parent / f".{out.name}.old-{os.getpid()}"
    if out.exists():
        out.rename(old)
    staging.rename(out)
    if old.exists():
        shutil.rmtree(old)


#: From this many exercises on, worker processes render exercise pages too (one per core).
PARALLEL_MIN_EXERCISES = 2000


def _load() -> tuple[dict[str, Any], pages.Site]:
    tables = {name: load_table(name) for name in Explainer.TABLES}
    return tables, pages.Site.from_tables(tables, data_version(), load_countries())


def _writer(staging: Path, site: pages.Site) -> Writer:
    common = {
        "version": site.version,
        "counts": site.counts,
        "site_name": "Military exercises",
        "title_of": site.title,
    }
    return Writer(staging, environment(), common)


def _exercise_pages(writer: Writer, site: pages.Site, ids: list[str]) -> None:
    for ident in ids:
        context = pages.exercise_context(site, site.by_id[ident])
        writer.page(f"exercise/{ident}.html", "exercise.html", **context)


def _worker(release: str, staging: str, ids: list[str]) -> int:
    """In a worker process: render the given exercise pages from the same release folder."""
    os.environ[ENV_VAR] = release
    _tables, site = _load()
    writer = _writer(Path(staging), site)
    _exercise_pages(writer, site, ids)
    return writer.pages


def _n_jobs(jobs: int | None, n_exercises: int) -> int:
    if jobs is not None:
        return max(jobs, 1)
    if n_exercises < PARALLEL_MIN_EXERCISES:
        return 1
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def build_site(out: Path, *, jobs: int | None = None) -> dict[str, Any]:
    """Write the site for the release the loaders find into ``out``; return what was written.

    ``jobs``: processes that render the exercise pages (default: one per core from
    :data:`PARALLEL_MIN_EXERCISES` exercises on, else 1); the output is the same either way.
    """
    t0 = time.perf_counter()
    out = Path(out).resolve()
    tables, site = _load()
    staging = _prepare(out)
    n_jobs = _n_jobs(jobs, len(site.exercises))
    ids = [e["exercise_id"] for e in site.exercises]
    chunks = [ids[k::n_jobs] for k in range(n_jobs)]
    pool = None
    try:
        futures = []
        if n_jobs > 1:
            ctx = multiprocessing.get_context("forkserver")
            ctx.set_forkserver_preload(["military_exercises.site.build"])
            pool = ProcessPoolExecutor(max_workers=n_jobs - 1, mp_context=ctx)
            release = str(release_dir().resolve())
            futures = [pool.submit(_worker, release, str(staging), chunk) for chunk in chunks[1:]]
        writer = _writer(staging, site)
        _write_assets(staging, site)
        downloads = _downloads(staging)
        _exercise_pages(writer, site, chunks[0])
        _write_pages(writer, site, tables, downloads)
        n_pages = writer.pages + sum(f.result() for f in futures)
    except BaseException:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        if pool is not None:
            pool.shutdown()
    _swap(staging, out)
    seconds = time.perf_counter() - t0
    return {
        "out": out,
        "pages": n_pages,
        "seconds": seconds,
        "exercises": len(site.exercises),
        "jobs": n_jobs,
    }


def _write_pages(
    writer: Writer, site: pages.Site, tables: dict[str, Any], downloads: list[dict[str, Any]]
) -> None:
    options = pages.filter_options(site)
    writer.page("index.html", "index.html", options=options, years=options["years"])
    writer.page(
        "map.html",
        "map.html",
        options=options,
        frame=frame(min((e["lat"] for e in site.exercises if e["lat"] is not None), default=None)),
        basemap=site.basemap,
        sphere=sphere_path(),
        graticule=graticule_path(),
    )
    by_country: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for rows in site.participants.values():
        for p in rows:
            by_country[p["iso3"]].append(p)
    partners = pages.partner_counts(tables["participants"])
    listing = []
    for iso3, rows in by_country.items():
        context = pages.country_context(site, iso3, rows, partners.get(iso3, []))
        writer.page(f"country/{iso3}.html", "country.html", **context)
        listing.append(context)
    writer.page("countries.html", "countries.html", countries=_country_listing(listing))
    by_year: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for e in site.exercises:
        by_year[e["year"]].append(e)
    years = sorted(by_year)
    for i, year in enumerate(years):
        prev_year = years[i - 1] if i > 0 else None
        next_year = years[i + 1] if i + 1 < len(years) else None
        rows = [_row(site, e) for e in by_year[year]]
        writer.page(f"year/{year}.html", "year.html", year=year, rows=rows, prev=prev_year, next=next_year)
    writer.page("downloads.html", "downloads.html", files=downloads)
    writer.page("about.html", "about.html", rule=_codebook_rule())


def _row(site: pages.Site, e: dict[str, Any]) -> dict[str, Any]:
    return {
        "e": e,
        "title": site.title(e),
        "dates": date_text(e["start"], e["start_precision"], e["end"], e["end_precision"]),
        "place": pages.place_text(site, e),
        "states": [site.name(c) for c in e["participants"]],
        "troops": e["troops_best"],
        "open": e["troops_high_open"],
    }


def _country_listing(contexts: list[dict[str, Any]]) -> list[tuple[str, list[dict[str, Any]]]]:
    regions: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for c in contexts:
        regions[c["c"].get("region") or "Other"].append(c)
    return [(r, sorted(cs, key=lambda c: c["c"]["name"])) for r, cs in sorted(regions.items())]


# --- command line -------------------------------------------------------------------------------------------


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", type=Path, default=Path("site"), help="folder to write (default: site)")
    parser.add_argument(
        "--release",
        type=Path,
        default=None,
        help=f"release folder to read (default: ${ENV_VAR} or the checkout's)",
    )
    parser.add_argument(
        "--jobs",
        type=int,
        default=None,
        help=f"processes rendering the exercise pages (default: one per core from {PARALLEL_MIN_EXERCISES:,} "
        "exercises on, else 1; the output is the same)",
    )


def run(args: argparse.Namespace) -> int:
    if args.release is not None:
        os.environ[ENV_VAR] = str(args.release)
    summary = build_site(args.out, jobs=args.jobs)
    processes = f"{summary['jobs']} process" + ("es" if summary["jobs"] > 1 else "")
    print(
        f"wrote {summary['out']}: {summary['pages']:,} pages for {summary['exercises']:,} exercises "
        f"in {summary['seconds']:.1f} s ({processes}); open {summary['out'] / 'index.html'}"
    )
    return 0
