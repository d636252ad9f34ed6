"""Draft source records from news-report text, every value with the words it came from.

>>> from military_exercises.extract import extract_records, draft_to_yaml
>>> drafts = extract_records(report_text, published="2018-07-17")  # doctest: +SKIP
>>> print(draft_to_yaml(drafts[0]))  # doctest: +SKIP

Rule-based and offline: the country and admin-1 names come from ``dataset/mappings``; nothing is
downloaded. See docs/extraction.md for the rules, the evidence format and the measured accuracy.
"""

from military_exercises.extract.extractor import (
    Draft,
    Evidence,
    SourceInfo,
    extract_records,
    parse_header,
    split_sentences,
)
from military_exercises.extract.yamlout import draft_evidence, draft_to_yaml

__all__ = [
    "Draft",
    "Evidence",
    "SourceInfo",
    "draft_evidence",
    "draft_to_yaml",
    "extract_records",
    "parse_header",
    "split_sentences",
]
