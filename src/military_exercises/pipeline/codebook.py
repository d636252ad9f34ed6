"""Generate ``CODEBOOK.md`` and the Frictionless table schemas from the pandera models."""

from __future__ import annotations

from typing import Any

import polars as pl

from military_exercises.pipeline.coverage import METHOD as COVERAGE_METHOD
from military_exercises.pipeline.reconcile import RULE
from military_exercises.pipeline.schemas import FOREIGN_KEYS, TABLE_INFO, TABLES
from military_exercises.vocab import EXERCISE_SCOPE

_FRICTIONLESS_TYPES = {
    "String": "string",
    "Int64": "integer",
    "Float64": "number",
    "Boolean": "boolean",
    "Date": "date",
}


def _dtype_name(dtype: Any) -> str:
    t = dtype.type if hasattr(dtype, "type") else dtype
    if isinstance(t, pl.List):
        return f"list[{_dtype_name(t.inner)}]"
    return str(t).split("(")[0]


def _frictionless_type(dtype: Any) -> str:
    name = _dtype_name(dtype)
    return "array" if name.startswith("list[") else _FRICTIONLESS_TYPES.get(name, "any")


def _constraints(col: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if not col.nullable:
        out["required"] = True
    if col.unique:
        out["unique"] = True
    for check in col.checks:
        stats = check.statistics or {}
        if check.name == "isin":
            out["enum"] = list(stats["allowed_values"])
        elif check.name == "greater_than_or_equal_to":
            out["minimum"] = stats["min_value"]
        elif check.name == "less_than_or_equal_to":
            out["maximum"] = stats["max_value"]
        elif check.name == "str_length":
            if stats.get("min_value") is not None:
                out["minLength"] = stats["min_value"]
            if stats.get("max_value") is not None:
                out["maxLength"] = stats["max_value"]
    return out


def table_schema(name: str, *, flat: bool = False) -> dict[str, Any]:
    """Frictionless Table Schema for one table, from its model. ``flat``: for the CSV file, where a
    list column is a string of values joined with ';' and an empty cell is a null."""
    model = TABLES[name]
    schema = model.to_schema()
    fields = []
    for col_name, col in schema.columns.items():
        field: dict[str, Any] = {
            "name": col_name,
            "type": _frictionless_type(col.dtype),
            "description": col.description or "",
        }
        list_in_csv = field["type"] == "array" and flat
        if list_in_csv:
            field["type"] = "string"
            field["description"] += " (In CSV: the values joined with ';'; an empty list is an empty cell.)"
        elif field["type"] == "array":
            field["itemType"] = _FRICTIONLESS_TYPES.get(_dtype_name(col.dtype.type.inner), "any")
        cons = _constraints(col)
        if list_in_csv:  # an empty list is an empty cell, which CSV readers take as missing
            cons.pop("required", None)
        if cons:
            field["constraints"] = cons
        fields.append(field)
    fks = [
        {"fields": cols, "reference": {"resource": ref, "fields": ref_cols}}
        for table, cols, ref, ref_cols in FOREIGN_KEYS
        if table == name
    ]
    out: dict[str, Any] = {"fields": fields, "primaryKey": list(TABLE_INFO[name].primary_key)}
    if flat:
        out["missingValues"] = [""]
    if fks:
        out["foreignKeys"] = fks
    return out


def _row_rules(name: str) -> list[str]:
    model = TABLES[name]
    schema = model.to_schema()
    return [c.name for c in schema.checks]


def render_codebook() -> str:
    """The codebook as Markdown. Deterministic: the same models give the same text."""
    lines = [
        "# Codebook",
        "",
        "<!-- Generated from src/military_exercises/pipeline/schemas.py by `make codebook`; "
        "do not edit by hand. -->",
        "",
        "The release (`dataset/release/`) holds every table as Parquet and as CSV, all of them in one",
        "SQLite database, the exercises as a Stata file, and a Frictionless `datapackage.json`. Every",
        "column below is checked by a pandera model at build time.",
        "",
        "## What counts as an exercise",
        "",
        EXERCISE_SCOPE,
        "",
        "## Tables",
        "",
        "| table | grain | primary key |",
        "| --- | --- | --- |",
    ]
    for name in TABLES:
        info = TABLE_INFO[name]
        keys = ", ".join(f"`{k}`" for k in info.primary_key)
        lines.append(f"| `{name}` | {info.grain} | {keys} |")
    for name, model in TABLES.items():
        schema = model.to_schema()
        lines += ["", f"## `{name}`", "", f"Grain: {TABLE_INFO[name].grain}.", ""]
        lines += ["| column | type | null | constraints | description |", "| --- | --- | --- | --- | --- |"]
        for col_name, col in schema.columns.items():
            cons = _constraints(col)
            cons.pop("required", None)
            cons_text = "; ".join(
                f"{k}: {', '.join(map(str, v)) if isinstance(v, list) else v}" for k, v in cons.items()
            )
            lines.append(
                f"| `{col_name}` | {_dtype_name(col.dtype)} | {'yes' if col.nullable else 'no'} | "
                f"{cons_text} | {col.description or ''} |"
            )
        rules = _row_rules(name)
        fks = [(c, r, rc) for t, c, r, rc in FOREIGN_KEYS if t == name]
        if rules or fks:
            lines.append("")
        for rule in rules:
            lines.append(f"- Row rule: `{rule}`")
        for cols, ref, ref_cols in fks:
            lines.append(f"- Foreign key: `{', '.join(cols)}` → `{ref}.{', '.join(ref_cols)}`")
    lines += ["", "## Reconciliation rule", "", RULE, ""]
    lines += ["## Coverage method", "", COVERAGE_METHOD, ""]
    return "\n".join(lines)
