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
from pathlib import Path

import polars as pl

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


def write_sqlite(tables: dict[str, pl.DataFrame], path: Path) -> None:
    """Every table into one SQLite file, with keys and indexes (datasette and DB Browser open it).

    Rows go in through ADBC's bulk ingest from Arrow (about twice as fast as ``executemany``),
    straight into the file with no journal: the file is written once, into the release's staging
    folder, and a failed build discards it whole. The same rows give the same bytes.
    """
    import adbc_driver_sqlite.dbapi as adbc

    path.unlink(missing_ok=True)
    con = adbc.connect(str(path), autocommit=True)
    try:
        cur = con.cursor()
        cur.execute("PRAGMA journal_mode = OFF")  # a new file in a folder that is discarded on failure
        cur.execute("PRAGMA synchronous = OFF")  # the publisher syncs every file before the switch
        cur.execute("PRAGMA cache_size = -262144")  # 256 MiB: indexes are built in memory
        cur.execute("PRAGMA foreign_keys = OFF")  # rows go in table by table; the keys were validated
        for name, frame in tables.items():
            cur.execute(_create_table(name, frame))
            if frame.height:
                cur.adbc_ingest(name, sqlite_rows(frame).to_arrow(), mode="append")
            for table, cols, _ref, _ref_cols in FOREIGN_KEYS:
                if table == name:
                    cur.execute(f'CREATE INDEX "{name}__{"_".join(cols)}" ON "{name}" ({", ".join(cols)})')
        cur.close()
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
    frame.to_stata(
        path,
        write_index=False,
        version=118,
        time_stamp=STATA_TIMESTAMP,
        convert_strl=long_text,
        data_label="military-exercises: exercises (see CODEBOOK.md)",
        variable_labels={c: (columns[BACK.get(c, c)].description or "")[:80] for c in frame.columns},
        convert_dates={c: "td" for c, t in exercises.schema.items() if t == pl.Date},
    )
