"""Synthetic source records for benchmarks: N fictional exercises with realistic claim counts.

Every record is invented: ids read ``<year>-<month>-synthetic-<n>``, sources live on example.org,
names say "Synthetic". Shapes follow the real dataset (about 5.4 claims, 2.9 sources and 6
participants per exercise; a few sources shared across files; some claims split into components),
and every record passes the build, so a benchmark measures the normal path of the pipeline: names
differ (no likely duplicates), whole-exercise figures lie in the upper half of their range and
contingents below it (contingents never add up to more than the whole), and no date lies ahead.

    python benchmarks/generate.py --n 10000 --out /tmp/bench-repo
"""

from __future__ import annotations

import argparse
import csv
import random
import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

#: Quantity -> (weight, largest value the generator draws); all below dataset/mappings limits.
QUANTITY_WEIGHTS = {
    "troops": (50, 200_000),
    "ships": (19, 150),
    "aircraft": (14, 300),
    "equipment": (4, 5_000),
    "submarines": (4, 20),
    "tanks": (2, 800),
    "helicopters": (2, 200),
    "armoured_vehicles": (2, 1_500),
    "artillery": (1, 500),
    "drones": (1, 100),
    "sorties": (1, 2_000),
}
QUALIFIER_WEIGHTS = {"exact": 52, "about": 22, "more_than": 22, "up_to": 3, "at_least": 1, "range": 1}
BASIS_WEIGHTS = {"reported": 55, "declared": 41, "estimated": 4}
#: Participants per exercise: mostly bilateral or small, a long tail of big multinational drills.
PARTICIPANT_COUNTS = [1] * 5 + [2] * 30 + [3] * 15 + [4] * 10 + [5] * 8 + [8] * 8 + [12] * 6 + [20] * 3 + [30]
CLAIM_COUNTS = [0] * 6 + [1] * 14 + [2] * 15 + [3] * 15 + [5] * 15 + [8] * 15 + [12] * 12 + [20] * 8
SHARED_SOURCES = 50


def _countries() -> list[str]:
    with (REPO / "dataset" / "mappings" / "countries.csv").open(encoding="utf-8", newline="") as fh:
        return [row["iso3"] for row in csv.DictReader(fh)]


def _pick(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _shared_source(k: int) -> dict[str, str]:
    return {
        "id": f"synthetic-20000101-shared-{k}",
        "publisher": "Synthetic Shared Wire",
        "title": f"Synthetic shared report {k}",
        "url": f"https://example.org/synthetic/shared/{k}",
        "published": "2000-01-01",
    }


def _letters(i: int) -> str:
    """A distinct word for each number (0 -> 'a', 26 -> 'ba'): names must differ in letters."""
    word = ""
    while True:
        i, r = divmod(i, 26)
        word = "abcdefghijklmnopqrstuvwxyz"[r] + word
        if i == 0:
            return word


def record_text(i: int, rng: random.Random, countries: list[str]) -> tuple[str, str]:
    """One fictional record: (relative path below dataset/sources, YAML text)."""
    year = rng.randint(1991, 2025)
    month = rng.randint(1, 12)
    day = rng.randint(1, 28)
    ident = f"{year}-{month:02d}-synthetic-{i:06d}"
    states = rng.sample(countries, rng.choice(PARTICIPANT_COUNTS))
    roles = ["host"] + [rng.choice(["participant"] * 8 + ["observer", "partial"]) for _ in states[1:]]
    counted = [s for s, r in zip(states, roles, strict=True) if r != "observer"]

    n_sources = rng.choice([1, 1, 2, 3, 3, 4, 5])
    sources = [
        {
            "id": f"synthetic-{year}{month:02d}{day:02d}-{i:06d}-{k}",
            "publisher": f"Synthetic Wire {k}",
            "title": f"Synthetic exercise {i} report {k}",
            "url": f"https://example.org/synthetic/{i}/{k}",
            "published": f"{year}-{month:02d}-{day:02d}",
        }
        for k in range(n_sources)
    ]
    if rng.random() < 0.05:
        sources.append(_shared_source(rng.randrange(SHARED_SOURCES)))

    lines = [
        f"id: {ident}",
        f"name: Synthetic {_letters(i)}",
        "series: null",
        f'start: "{year}-{month:02d}-{day:02d}"',
        f'end: "{year}-{month:02d}-{min(day + rng.randint(0, 10), 28):02d}"',
        "location:",
        f"  country: {states[0]}",
        "  admin1: null",
        "  place: a synthetic training ground",
        "  sea: null",
        f"  lat: {rng.uniform(-60, 70):.3f}",
        f"  lon: {rng.uniform(-170, 170):.3f}",
        "  precision: point",
        "organisation: null",
        "participants:",
    ]
    for state, role in zip(states, roles, strict=True):
        lines += [f"  - country: {state}", f"    role: {role}"]
    lines += ["domains: [land, air]", "purposes: [warfighting]", "claims:"]
    n_claims = rng.choice(CLAIM_COUNTS)
    c = 0
    while c < n_claims:
        quantity = _pick(rng, {q: w for q, (w, _) in QUANTITY_WEIGHTS.items()})
        top = QUANTITY_WEIGHTS[quantity][1]
        basis = _pick(rng, BASIS_WEIGHTS)
        country = rng.choice(counted) if rng.random() < 0.27 else None
        source = rng.choice(sources)["id"]
        parts = ["regulars", "reservists"] if rng.random() < 0.04 else [None]
        for component in parts:
            c += 1
            qualifier = _pick(rng, QUALIFIER_WEIGHTS)
            lines += [f"  - id: c{c}", f"    quantity: {quantity}", f"    country: {country or 'null'}"]
            # whole exercise: upper half of the range; a contingent: at most its share of the lower half
            # (split again between the parts of a split figure, so that contingents never add up to
            # more than the whole)
            lo, hi = (top // 2, top) if country is None else (0, top // (2 * len(counted) * len(parts)))
            if qualifier == "range":
                low = rng.randint(lo, (lo + hi) // 2)
                lines += [f"    low: {low}", f"    high: {rng.randint(low, hi)}"]
            else:
                lines.append(f"    value: {rng.randint(lo, hi)}")
            lines += [
                f"    qualifier: {qualifier}",
                f"    basis: {basis}",
                "    claimant: a synthetic office",
            ]
            if basis == "declared":
                lines.append(f"    claimant_country: {country or counted[0]}")
            lines += [f"    source: {source}", f"    component: {component or 'null'}", "    note: null"]
    if n_claims == 0:
        lines[-1] = "claims: []"
    lines.append("sources:")
    for s in sources:
        lines += [
            f"  - id: {s['id']}",
            f"    publisher: {s['publisher']}",
            f"    title: {s['title']}",
            f"    url: {s['url']}",
            f'    published: "{s["published"]}"',
            "    language: en",
        ]
    lines.append("notes: Invented for benchmarks; describes no real event.")
    return f"{year}/{ident}.yaml", "\n".join(lines) + "\n"


def generate(n: int, out: Path, *, seed: int = 0) -> Path:
    """Write a repository skeleton with ``n`` synthetic records and the real mapping tables."""
    rng = random.Random(seed)
    countries = _countries()
    sources = out / "dataset" / "sources"
    if out.exists():
        shutil.rmtree(out)
    sources.mkdir(parents=True)
    shutil.copytree(REPO / "dataset" / "mappings", out / "dataset" / "mappings")
    # the repository's allow-list names its own records; invented ones need none
    (out / "dataset" / "allowlist.csv").write_text("exercise_id,quantity,check,reason\n", encoding="utf-8")
    made: set[Path] = set()
    for i in range(n):
        rel, text = record_text(i, rng, countries)
        path = sources / rel
        if path.parent not in made:
            path.parent.mkdir(exist_ok=True)
            made.add(path.parent)
        path.write_text(text, encoding="utf-8")
    return out


def main() -> None:
    """Command line: write N synthetic records into a fresh repository folder."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1000, help="number of records (default 1000)")
    parser.add_argument("--out", type=Path, required=True, help="folder to create (replaced if present)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    generate(args.n, args.out, seed=args.seed)
    print(f"wrote {args.n} synthetic records to {args.out}")


if __name__ == "__main__":
    main()
