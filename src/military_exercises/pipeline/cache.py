"""The parse/normalize cache: what checking one record file produced, keyed by its content.

An entry is found only for the same bytes at the same path, checked by the same code against the
same mapping tables with the same versions of the libraries whose output it holds; anything else
is a miss and the file is checked afresh. So the cache can make a build faster but never change
what it publishes (tests build with and without it and compare the bytes).

Layout: ``dataset/.build/cache/<context>/<key[:2]>/<key>.pkl``; the folders of other contexts are
removed when a build starts. A cache that cannot be read or written is ignored. Beside the records,
the same folder keeps ``validated/<digest>`` markers of tables that passed validation (a table with
the same content digest is not validated again) and ``likely-duplicates.pkl``, the last build's
matching keys and likely-duplicate pairs (only exercises whose key changed are matched again).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import pickle
import shutil
from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as package_version
from pathlib import Path
from typing import Any

import polars as pl

#: The libraries whose behaviour ends up in a cached result (error texts, ISO 3166-2 codes).
_LIBRARIES = (
    "pydantic", "pydantic-core", "PyYAML", "pycountry", "polars", "pandera", "pyarrow",
    "adbc-driver-manager", "adbc-driver-sqlite",  # they write the cached one-table databases
)  # fmt: skip


def code_digest() -> str:
    """Digest of the pipeline's own source and the vocabularies it checks against."""
    package = Path(__file__).resolve().parent.parent
    h = hashlib.sha256()
    for path in sorted([*package.joinpath("pipeline").glob("*.py"), package / "vocab.py"]):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    for name in _LIBRARIES:
        try:
            h.update(f"{name}={package_version(name)}".encode())
        except PackageNotFoundError:  # pragma: no cover - every one is a dependency
            h.update(f"{name}=?".encode())
    return h.hexdigest()


def context_digest(mapping_files: list[Path]) -> str:
    """What a cached result depends on besides the file itself: code, libraries, mapping tables."""
    h = hashlib.sha256(code_digest().encode())
    for path in sorted(mapping_files):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:20]


def entry_key(rel_path: str, data: bytes) -> str:
    """Key of one file's result: its path in the repository and its bytes."""
    return hashlib.sha256(rel_path.encode() + b"\0" + data).hexdigest()


def chunk_key(keys: list[str]) -> str:
    """Key of a chunk's combined result: the keys of its files, in order."""
    return "chunk-" + hashlib.sha256("\n".join(keys).encode()).hexdigest()


def prepare(root: Path, context: str) -> Path | None:
    """The cache folder for ``context`` under ``root`` (created), other contexts removed; None when
    the folder cannot be made (a read-only checkout builds without a cache)."""
    folder = root / context
    try:
        if root.is_dir():
            for other in root.iterdir():
                if other.name != context:
                    shutil.rmtree(other, ignore_errors=True)
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return folder


def get(folder: str | None, key: str) -> Any | None:
    if folder is None:
        return None
    path = Path(folder) / key[:2] / f"{key}.pkl"
    try:
        with path.open("rb") as fh:
            return pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return None


def put(folder: str | None, key: str, value: Any) -> None:
    """Store atomically (temporary file + rename): a killed build never leaves half an entry."""
    if folder is None:
        return
    target = Path(folder) / key[:2] / f"{key}.pkl"
    tmp = target.with_suffix(f".tmp-{os.getpid()}")
    with contextlib.suppress(OSError):
        target.parent.mkdir(exist_ok=True)
        with tmp.open("wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, target)


#: Subfolder of markers for tables that passed validation (see :func:`table_digest`).
VALIDATED = "validated"
#: Subfolder of the per-table export files of the last build (see :class:`ExportCache`).
EXPORTS = "exports"


def table_digest(name: str, frame: pl.DataFrame) -> str:
    """Digest of a table's name, schema and every value (its Arrow IPC bytes): a table with the same
    digest as one that passed validation passes again, with the same code and libraries."""
    buffer = io.BytesIO()
    # the oldest Arrow layout (plain string buffers, not string views): equal tables, equal bytes
    frame.rechunk().write_ipc(buffer, compression="uncompressed", compat_level=pl.CompatLevel.oldest())
    h = hashlib.sha256(name.encode() + b"\0")
    h.update(buffer.getbuffer())  # no copy of the table's bytes
    return h.hexdigest()


def validated(folder: Path | None) -> set[str]:
    """Digests of the tables that passed validation in earlier builds (none without a cache)."""
    if folder is None:
        return set()
    return {p.name for p in (folder / VALIDATED).glob("*")}


def mark_validated(folder: Path | None, digests: set[str]) -> None:
    """Keep exactly these digests as validated (older markers are removed)."""
    if folder is None:
        return
    with contextlib.suppress(OSError):
        (folder / VALIDATED).mkdir(exist_ok=True)
        for old in (folder / VALIDATED).glob("*"):
            if old.name not in digests:
                old.unlink()
        for digest in digests:
            (folder / VALIDATED / digest).touch()


def prune(folder: Path | None, keep: set[str]) -> None:
    """Remove entries of files that are no longer in the tree (or no longer look as they did)."""
    if folder is None:
        return
    with contextlib.suppress(OSError), os.scandir(folder) as subfolders:  # os: 10,000 entries
        for sub in subfolders:
            if sub.name in (VALIDATED, EXPORTS) or not sub.is_dir(follow_symlinks=False):
                continue
            with contextlib.suppress(OSError), os.scandir(sub.path) as entries:
                for entry in entries:
                    if entry.name.partition(".")[0] not in keep:
                        with contextlib.suppress(OSError):
                            os.unlink(entry.path)


def file_digest(path: Path) -> str:
    """sha256 of a file's bytes, read in 1 MiB blocks."""
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


class ExportCache:
    """The export files a table with a given content digest was written to last time: its Parquet
    and CSV files, and its one-table SQLite database (see :func:`exports.write_sqlite`).

    ``exports/<table digest>.<format>`` is a hard link to the file of the release that wrote it (a
    copy where links are not possible), beside ``<...>.sha256`` holding its digest. A file is reused
    only when its bytes still have that digest (a release file damaged in place damages its link
    too, and is then written afresh), so reuse never changes what is published. Only the files of
    the latest build's tables are kept.
    """

    def __init__(self, folder: Path | None, digests: dict[str, str]) -> None:
        self.folder = None if folder is None else folder / EXPORTS
        self.digests = digests  # table name -> table_digest
        self.kept: set[str] = set()

    def _path(self, table: str, fmt: str) -> Path | None:
        if self.folder is None or table not in self.digests:
            return None
        return self.folder / f"{self.digests[table]}.{fmt}"

    def verified(self, table: str, fmt: str) -> tuple[Path, str] | None:
        """The cached file and its sha256 when its bytes still have that digest, else None."""
        cached = self._path(table, fmt)
        if cached is None:
            return None
        try:
            expected = cached.with_name(cached.name + ".sha256").read_text(encoding="ascii").strip()
            if file_digest(cached) != expected:
                return None
        except OSError:
            return None
        self.kept.add(cached.name)
        return cached, expected

    def take(self, table: str, fmt: str, target: Path) -> str | None:
        """Put the cached file at ``target`` and return its sha256, or None (then write it)."""
        found = self.verified(table, fmt)
        if found is None:
            return None
        try:
            _link_or_copy(found[0], target)
        except OSError:
            return None
        return found[1]

    def keep(self, table: str, fmt: str, written: Path, sha256: str) -> None:
        """Remember a freshly written file for the next build (best effort)."""
        cached = self._path(table, fmt)
        if cached is None:
            return
        with contextlib.suppress(OSError):
            cached.parent.mkdir(exist_ok=True)
            cached.unlink(missing_ok=True)
            _link_or_copy(written, cached)
            cached.with_name(cached.name + ".sha256").write_text(sha256 + "\n", encoding="ascii")
            self.kept.add(cached.name)

    def prune(self) -> None:
        """Drop the files of tables that this build no longer has."""
        if self.folder is None or not self.folder.is_dir():
            return
        for path in self.folder.iterdir():
            if path.name.removesuffix(".sha256") not in self.kept:
                path.unlink(missing_ok=True)


def _link_or_copy(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)
