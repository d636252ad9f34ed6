"""Writing drafts: the record as YAML with the evidence as comments beside each value, and the same
evidence as JSON (``<id>.evidence.json``) for tools."""

from __future__ import annotations

import json
from typing import Any

from military_exercises.extract.extractor import Draft, Evidence

_MAX_SNIPPET = 70


def _scalar(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    # JSON strings are valid YAML double-quoted scalars: no quoting rules to get wrong. Characters
    # YAML would read as line breaks or refuse (U+2028, U+0085, U+007F, ...) are escaped as well.
    quoted = json.dumps(str(value), ensure_ascii=False)
    return "".join(c if c.isprintable() else _escape(c) for c in quoted)


def _escape(c: str) -> str:
    code = ord(c)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def _clean(text: str) -> str:
    """Text safe inside a YAML comment: one line, printable characters only."""
    return "".join(c if c.isprintable() else " " for c in " ".join(text.split()))


def _comment(evidence: list[Evidence] | None) -> str:
    if not evidence:
        return ""
    parts = []
    for ev in evidence[:3]:
        snippet = _clean(ev.text)
        if len(snippet) > _MAX_SNIPPET:
            snippet = snippet[: _MAX_SNIPPET - 1] + "…"
        where = f" @{ev.start}-{ev.end}" if ev.start >= 0 else ""
        parts.append(f'"{snippet}"{where}')
    return "  # from " + "; ".join(parts)


def draft_to_yaml(draft: Draft, *, source_file: str | None = None) -> str:
    """The draft as a source-record YAML file: ``status: draft`` on top, evidence as comments.

    Offsets in the comments (``@start-end``) are character offsets into the report text.
    """
    rec = draft.record
    ev = draft.evidence
    out: list[str] = [
        "# DRAFT written by `military-exercises extract`"
        + (f" from {_clean(source_file)}" if source_file else "")
        + f" ({draft.kind} exercise of the report).",
        "# Check every value against the report, fill the nulls, then delete the `status: draft` line.",
        "# Comments show the words each value was read from (@start-end = character offsets in the report).",
        "status: draft",
    ]

    def line(indent: str, key: str, value: Any, path: str) -> None:
        out.append(f"{indent}{key}: {_scalar(value)}{_comment(ev.get(path))}")

    line("", "id", rec["id"], "id")
    for key in ("name", "series", "start", "end"):
        line("", key, rec[key], key)
    out.append("location:")
    for key in ("country", "admin1", "place", "sea", "lat", "lon", "precision"):
        line("  ", key, rec["location"][key], f"location.{key}")
    line("", "organisation", rec["organisation"], "organisation")
    if rec["participants"]:
        out.append("participants:")
        for i, p in enumerate(rec["participants"]):
            out.append(
                f"  - country: {_scalar(p['country'])}{_comment(ev.get(f'participants[{i}].country'))}"
            )
            out.append(f"    role: {_scalar(p['role'])}")
    else:
        out.append("participants: []  # none found: add at least one")
    out.append(f"domains: [{', '.join(rec['domains'])}]{_comment(ev.get('domains'))}")
    out.append(f"purposes: [{', '.join(rec['purposes'])}]{_comment(ev.get('purposes'))}")
    _claims_and_sources(out, rec, ev)
    out.append(f"notes: {_scalar(rec['notes'])}")
    return "\n".join(out) + "\n"


def _claims_and_sources(out: list[str], rec: dict[str, Any], ev: dict[str, list[Evidence]]) -> None:
    if rec["claims"]:
        out.append("claims:")
        for i, c in enumerate(rec["claims"]):
            first = True
            for key, value in c.items():
                prefix = "  - " if first else "    "
                first = False
                out.append(f"{prefix}{key}: {_scalar(value)}{_comment(ev.get(f'claims[{i}].{key}'))}")
    else:
        out.append("claims: []")
    out.append("sources:")
    for i, s in enumerate(rec["sources"]):
        first = True
        for key in ("id", "publisher", "title", "url", "published", "language"):
            prefix = "  - " if first else "    "
            first = False
            out.append(f"{prefix}{key}: {_scalar(s[key])}{_comment(ev.get(f'sources[{i}].{key}'))}")


def patch_to_yaml(draft: Draft, summary: dict[str, Any], *, source_file: str | None = None) -> str:
    """A *patch draft*: the draft's claims and source, to add to an existing record's file.

    ``summary`` is :func:`military_exercises.extract.known.patch_summary`: the record matched, the
    matching rule's reason, other likely records, and what the report says of the exercise.
    """
    rec, ev = draft.record, draft.evidence
    out: list[str] = [
        "# PATCH DRAFT written by `military-exercises extract`"
        + (f" from {_clean(source_file)}" if source_file else "")
        + f" ({draft.kind} exercise of the report).",
        "# The report is likely about an exercise already in the dataset (see patch_of and matched_because).",
        "# Check each claim against the report, add the claims (renumber their ids) and the source to that",
        "# file, fix what the report corrects, then delete this patch. If it is another exercise, extract",
        "# the report again with --against none to get a new-record draft.",
        "status: draft",
        f"patch_of: {_scalar(summary['patch_of'])}",
        f"file: {_scalar(summary['file'])}",
        f"matched_because: {_scalar(summary['matched_because'])}",
    ]
    if summary["also_likely"]:
        out.append("also_likely:")
        out.extend(f"  - {_scalar(x)}" for x in summary["also_likely"])
    if summary["source_already_cited"]:
        out.append("# NOTE: the record already cites this URL; its claims may be there already.")
    says = summary["report_says"]
    out.append("report_says:  # the report's reading of the exercise, to compare with the record")
    for key in ("id", "name", "start", "end"):
        out.append(f"  {key}: {_scalar(says[key])}{_comment(ev.get(key))}")
    out.append(f"  participants: [{', '.join(_scalar(p) for p in says['participants'])}]")
    patch_rec = {**rec, "claims": [{**c, "id": f"new{i + 1}"} for i, c in enumerate(rec["claims"])]}
    _claims_and_sources(out, patch_rec, ev)
    return "\n".join(out) + "\n"


def draft_evidence(draft: Draft, *, source_file: str | None = None) -> dict[str, Any]:
    """The evidence of a draft as a JSON-ready mapping: field path -> list of {start, end, text}."""
    return {
        "id": draft.record["id"],
        "kind": draft.kind,
        "report": source_file,
        "offsets": "character offsets into the report text as read (UTF-8, newlines kept)",
        "fields": {
            path: [{"start": e.start, "end": e.end, "text": e.text} for e in evs]
            for path, evs in sorted(draft.evidence.items())
        },
    }
