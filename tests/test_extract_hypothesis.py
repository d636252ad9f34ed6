"""Arbitrary text never makes the extractor raise, and whatever it returns is consistent:
every evidence span holds the words it claims, and every draft is parseable YAML."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.conftest import REPO

from military_exercises.extract import draft_to_yaml, extract_records
from military_exercises.pipeline.yamlsafe import load_yaml_bytes

MAPS = REPO / "dataset" / "mappings"

# Words the rules react to, so that random text exercises them rather than only the fast paths.
VOCAB = [
    "Russia", "Tajik", "the U.S.", "GBAO", "Punjab", "Sea of Japan", "said", "the ministry", "according to",
    "more than", "some", "10,000", "ten thousand", "dozens of", "troops", "tanks", "pieces of equipment",
    "on Tuesday", "until Friday", "next week", "last year", "in 2029", "July 17-21", "from May 20 to 26",
    "Iron Lynx 2032", "exercise", "drills", "observers", "the two countries", "of them", "with", ",", ".",
    "\n\n", "Published: 2032-07-14\n", "URL: x\n", "'s", "-", "five-day", "between", "and", "\u2028", "\x00",
]  # fmt: skip

texts = st.one_of(
    st.text(max_size=400),
    st.lists(st.sampled_from(VOCAB), max_size=60).map(" ".join),
    st.lists(st.one_of(st.sampled_from(VOCAB), st.text(max_size=6)), max_size=40).map("".join),
)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, published=st.one_of(st.none(), st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31))))
def test_arbitrary_text_never_raises(text: str, published: dt.date | None) -> None:
    drafts = extract_records(text, published=published, mappings_dir=MAPS)
    assert drafts and drafts[0].kind == "main"
    assert all(d.kind == "past" for d in drafts[1:])
    ids = [d.record["id"] for d in drafts]
    assert len(ids) == len(set(ids))
    for d in drafts:
        assert d.record.get("status") is None  # the mark is added by the YAML writer
        for path, spans in d.evidence.items():
            for ev in spans:
                assert 0 <= ev.start <= ev.end <= len(text), path
                assert text[ev.start : ev.end] == ev.text, path
        value, _lines = load_yaml_bytes(draft_to_yaml(d).encode("utf-8"))
        assert value["status"] == "draft"
        assert value["id"] == d.record["id"]
