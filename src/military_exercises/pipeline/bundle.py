"""The release bundle: one zip a user downloads and cites (``make release``).

``dist/military-exercises-<version>.zip`` holds the release as published (Parquet, CSV, SQLite,
Stata, datapackage.json), CODEBOOK.md, CITATION.cff, the coverage report when it has been made, and
SHA256SUMS listing every other file. The zip is deterministic: files in sorted order, fixed
timestamps and permissions, so the same release gives the same bytes.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import zipfile
from pathlib import Path

#: Every entry's timestamp: zip needs one, and a fixed one keeps the bytes reproducible.
FIXED_TIME = (2000, 1, 1, 0, 0, 0)


def bundle_files(root: Path) -> dict[str, Path]:
    """Name in the zip -> file on disk."""
    release = (root / "dataset" / "release").resolve()
    if not (release / "datapackage.json").is_file():
        raise SystemExit("error: no release at dataset/release: run `make dataset` first")
    files = {f"data/{p.name}": p for p in sorted(release.iterdir()) if p.is_file()}
    for name in ("CODEBOOK.md", "CITATION.cff", "README.md"):
        if (root / name).is_file():
            files[name] = root / name
    report = root / "reports"
    if (report / "coverage.md").is_file():
        files["reports/coverage.md"] = report / "coverage.md"
        for png in sorted((report / "figures").glob("*.png")):
            files[f"reports/figures/{png.name}"] = png
    return files


def write_bundle(root: Path, out: Path) -> Path:
    version = json.loads((root / "dataset" / "release" / "datapackage.json").read_text(encoding="utf-8"))[
        "version"
    ]
    out.mkdir(parents=True, exist_ok=True)
    target = out / f"military-exercises-{version}.zip"
    files = bundle_files(root)
    sums = "".join(
        f"{hashlib.sha256(path.read_bytes()).hexdigest()}  {name}\n" for name, path in sorted(files.items())
    )
    tmp = target.with_suffix(".zip.tmp")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for name, data in [
            *((n, p.read_bytes()) for n, p in sorted(files.items())),
            ("SHA256SUMS", sums.encode()),
        ]:
            info = zipfile.ZipInfo(f"military-exercises-{version}/{name}", date_time=FIXED_TIME)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data)
    tmp.replace(target)
    return target


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--root", type=Path, default=Path("."), help="repository root")
    parser.add_argument("--out", type=Path, default=Path("dist"), help="folder for the zip (default dist/)")


def run(args: argparse.Namespace) -> int:
    target = write_bundle(args.root, args.out)
    print(f"wrote {target} ({target.stat().st_size:,} bytes)")
    return 0
