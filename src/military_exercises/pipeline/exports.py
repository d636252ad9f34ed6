"""Flat exports of the release: CSV per table, one SQLite database, a Stata file of the exercises.

Every export is written from the same validated tables as the Parquet files, deterministically (the
same tables give the same bytes), so the release's digest covers them too.

- **CSV**: UTF-8, comma-separated, a header row, empty cell = null. List columns (``participants``,
  ``domains``, ``claim_ids`` ...) are joined with ``;`` (LIST_SEPARATOR); no value contains one.
- **SQLite**: one table per published table with its primary key, foreign keys and an index on every
  foreign-key column; list columns joined as in the CSV; dates as ISO text; booleans as 0/1.
- **Stata** (``exercises.dta``): the exercises table (curated and upstream rows) with list columns
  joined, dates as Stata dates, long text as strL, ``start``/``end`` renamed ``start_text``/
  ``end_text`` (``end`` is reserved in Stata); the file's timestamp is fixed so that the bytes do
  not depend on the clock.
"""

from __future__ import annotations

import datetime as dt
import itertools
import sqlite3
import sys
import tempfile
from pathlib import Path
from typing import Any

import polars as pl

from military_exercises.pipeline import cache
from military_exercises.pipeline.schemas import FOREIGN_KEYS, TABLE_INFO, TABLES

LIST_SEPARATOR = ";"
#: Stata files carry a timestamp; a fixed one keeps the release deterministic.
STATA_TIMESTAMP = dt.datetime(2000, 1, 1)
#: Columns renamed in the Stata file ('end' is a Stata reserved word).
STATA_RENAMES = {"start": "start_text", "end": "end_text"}
BACK = {v: k for k, v in STATA_RENAMES.items()}


def flat(frame: pl.DataFrame) -> pl.DataFrame:
    """List columns joined with ``;`` (null stays null, an empty list becomes an empty string)."""
    return frame.with_columns(
        pl.col(name).cast(pl.List(pl.String)).list.join(LIST_SEPARATOR)
        for name, dtype in frame.schema.items()
        if isinstance(dtype, pl.List)
    )


def write_csv(frame: pl.DataFrame, path: Path) -> None:
    flat(frame).write_csv(path, null_value="", line_terminator="\n", include_bom=False)


_SQL_TYPES = {pl.Int64: "INTEGER", pl.Float64: "REAL", pl.Boolean: "INTEGER"}


def _create_table(name: str, frame: pl.DataFrame) -> str:
    columns = [f'"{col}" {_SQL_TYPES.get(dtype.base_type(), "TEXT")}' for col, dtype in frame.schema.items()]
    key = TABLE_INFO[name].primary_key
    constraints = [f"PRIMARY KEY ({', '.join(chr(34) + k + chr(34) for k in key)})"] if key else []
    for table, cols, ref, ref_cols in FOREIGN_KEYS:
        if table == name:
            constraints.append(f'FOREIGN KEY ({", ".join(cols)}) REFERENCES "{ref}" ({", ".join(ref_cols)})')
    return f'CREATE TABLE "{name}" ({", ".join(columns + constraints)})'


def sqlite_rows(frame: pl.DataFrame) -> pl.DataFrame:
    """The rows as SQLite stores them: lists joined, dates as ISO text, booleans as 0/1."""
    return flat(frame).with_columns(
        *(pl.col(c).cast(pl.String) for c, t in frame.schema.items() if t == pl.Date),
        *(pl.col(c).cast(pl.Int64) for c, t in frame.schema.items() if t == pl.Boolean),
    )


def _indexes(name: str) -> list[str]:
    """An index on every foreign-key column group of the table."""
    return [
        f'CREATE INDEX "{name}__{"_".join(cols)}" ON "{name}" ({", ".join(cols)})'
        for table, cols, _ref, _ref_cols in FOREIGN_KEYS
        if table == name
    ]


#: A new file written once into a folder that is discarded on failure: no journal, no syncs (the
#: publisher syncs every file before the switch), indexes built in memory, keys validated already.
_BULK_PRAGMAS = (
    "PRAGMA page_size = 16384",  # fewer pages to copy than the default 4 KiB (a fifth faster)
    "PRAGMA journal_mode = OFF",
    "PRAGMA synchronous = OFF",
    "PRAGMA cache_size = -262144",
    "PRAGMA foreign_keys = OFF",
)


def write_table_database(name: str, frame: pl.DataFrame, path: Path) -> None:
    """One table, its keys and indexes, alone in a SQLite file, through ADBC's bulk ingest from
    Arrow (about twice as fast as ``executemany``). The same rows give the same bytes."""
    import adbc_driver_sqlite.dbapi as adbc

    path.unlink(missing_ok=True)
    con = adbc.connect(str(path), autocommit=True)
    try:
        cur = con.cursor()
        for pragma in _BULK_PRAGMAS:
            cur.execute(pragma)
        cur.execute(_create_table(name, frame))
        if frame.height:
            cur.adbc_ingest(name, sqlite_rows(frame).to_arrow(), mode="append")
        for statement in _indexes(name):
            cur.execute(statement)
        cur.close()
    finally:
        con.close()


def write_sqlite(
    tables: dict[str, pl.DataFrame], path: Path, *, parts: cache.ExportCache | None = None
) -> None:
    """Every table into one SQLite file, with keys and indexes (datasette and DB Browser open it).

    Each table is written alone into a one-table database (:func:`write_table_database`), then the
    tables are copied into ``path`` in order with ``INSERT INTO ... SELECT *``, which SQLite runs as
    a raw transfer of records and index entries (no decoding, no re-sorting). The file therefore
    depends only on the one-table databases, which depend only on their table's content: ``parts``
    keeps them under the table's digest, and a rebuild in which a table did not change reuses its
    database (same bytes as writing it again; a damaged one is written afresh).
    """
    path.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory(prefix=".sqlite-parts-", dir=path.parent) as scratch:
        files: dict[str, Path] = {}
        for name, frame in tables.items():
            found = parts.verified(name, "sqlite") if parts is not None else None
            if found is None:
                files[name] = Path(scratch) / f"{name}.sqlite"
                write_table_database(name, frame, files[name])
                if parts is not None:
                    parts.keep(name, "sqlite", files[name], cache.file_digest(files[name]))
            else:
                files[name] = found[0]
        con = sqlite3.connect(
            path.resolve().as_uri(), uri=True, isolation_level=None
        )  # URIs: parts read-only
        try:
            for pragma in _BULK_PRAGMAS:
                con.execute(pragma)
            con.execute("BEGIN")
            for name, frame in tables.items():  # the transfer needs the same keys and indexes
                con.execute(_create_table(name, frame))
                for statement in _indexes(name):
                    con.execute(statement)
            con.execute("COMMIT")
            for name in tables:
                con.execute("ATTACH DATABASE ? AS part", (f"{files[name].resolve().as_uri()}?mode=ro",))
                con.execute(f'INSERT INTO main."{name}" SELECT * FROM part."{name}"')
                con.execute("DETACH DATABASE part")
        finally:
            con.close()


def write_stata(exercises: pl.DataFrame, path: Path) -> None:
    """The exercises table as a Stata 15 file (pandas writes it; list columns joined)."""
    import pandas as pd

    # 'end' is a reserved word in Stata: the two date texts are renamed alike
    exercises = exercises.rename(STATA_RENAMES)
    text = [c for c, t in exercises.schema.items() if t in (pl.String, pl.List(pl.String))]
    prepared = flat(exercises).with_columns(
        *(pl.col(c).cast(pl.Float64) for c, t in exercises.schema.items() if t == pl.Boolean),  # no booleans
        *(pl.col(c).fill_null("") for c in text),  # Stata's missing string is the empty string
    )
    widths = prepared.select(pl.col(c).str.len_chars().max() for c in text).row(0) if text else ()
    long_text = [c for c, width in zip(text, widths, strict=True) if (width or 0) > 244]  # strL
    frame = prepared.to_pandas()
    for col, dtype in exercises.schema.items():
        if dtype == pl.Date:
            frame[col] = pd.to_datetime(frame[col])
    for c in text:
        frame[c] = frame[c].astype(object)
    columns = TABLES["exercises"].to_schema().columns
    writer = _stata_writer()(
        path,
        frame,
        write_index=False,
        version=118,
        time_stamp=STATA_TIMESTAMP,
        convert_strl=long_text,
        data_label="military-exercises: exercises (see CODEBOOK.md)",
        variable_labels={c: (columns[BACK.get(c, c)].description or "")[:80] for c in frame.columns},
        convert_dates={c: "td" for c, t in exercises.schema.items() if t == pl.Date},
    )
    writer.write_file()


def _stata_writer() -> type:
    """pandas' Stata 118 writer (what ``DataFrame.to_stata(version=118)`` uses), with its fixed-width
    string columns padded by numpy in one step (fixed-width bytes are padded with NULs) instead of
    one Python call per value: about half the time, the same bytes (a test compares them with
    ``to_stata``). The step uses pandas internals; where they differ, pandas' own step runs."""
    import numpy as np
    import pandas as pd
    from pandas.io import stata

    elapsed = getattr(stata, "_datetime_to_stata_elapsed_vec", None)
    endianness = getattr(stata, "_set_endianness", None)

    infer = getattr(stata, "infer_dtype", None)
    max_len = getattr(stata, "max_len_string_array", None)
    as_object = getattr(stata, "ensure_object", None)

    class Writer(stata.StataWriterUTF8):  # type: ignore[misc]
        def _encode_strings(self) -> None:
            # as pandas, with the values encoded by one comprehension instead of pandas' string map
            if infer is None or max_len is None or as_object is None or not hasattr(self, "_encoding"):
                return super()._encode_strings()  # type: ignore[no-any-return]
            convert_strl = getattr(self, "_convert_strl", [])
            texts = [
                col
                for i, col in enumerate(self.data)
                if i not in self._convert_dates
                and col not in convert_strl
                and self.data[col].dtype.type is np.object_
            ]
            if any(not (infer(self.data[c], skipna=True) == "string" or self.data[c].empty) for c in texts):
                return super()._encode_strings()  # type: ignore[no-any-return]  # pandas' own error
            for col in texts:
                column = self.data[col]
                if max_len(as_object(column._values)) <= self._max_string_length:
                    encoding = self._encoding
                    listed = column._values.tolist()
                    try:
                        values = list(map(str.encode, listed, itertools.repeat(encoding)))
                    except TypeError:  # a missing value among the strings
                        values = [v.encode(encoding) if isinstance(v, str) else v for v in listed]
                    self.data[col] = pd.Series(values, index=column.index, dtype=object, name=col)
            return None

        def _prepare_data(self) -> Any:
            needed = (
                "typlist",
                "fmtlist",
                "_convert_dates",
                "_byteorder",
                "_max_string_length",
                "_convert_strls",
            )
            if elapsed is None or endianness is None or not all(hasattr(self, a) for a in needed):
                return super()._prepare_data()
            data = self.data
            for i, col in enumerate(data):  # as pandas: dates first, then the long texts
                if self._convert_dates is not None and i in self._convert_dates:
                    data[col] = elapsed(data[col], self.fmtlist[i])
            data = self._convert_strls(data)
            native = self._byteorder == endianness(sys.byteorder)
            dtypes: dict[str, Any] = {}
            for i, col in enumerate(data):
                typ = self.typlist[i]
                if typ <= self._max_string_length:
                    dtypes[col] = f"S{typ}"
                    data[col] = data[col].fillna("").astype(dtypes[col])
                else:
                    dtypes[col] = data[col].dtype if native else data[col].dtype.newbyteorder(self._byteorder)
            return data.to_records(index=False, column_dtypes=dtypes)

    return Writer
