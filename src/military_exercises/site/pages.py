"""What each page shows, prepared from the release: plain dicts and lists for the templates.

Nothing here adds a fact: every value is a column of the release or a count of its rows.
"""

from __future__ import annotations

import html
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import polars as pl
from markupsafe import Markup

from military_exercises.analysis.explain import (
    Explainer,
    Explanation,
    date_text,
    n,
    natural_key,
    precision_note,
    same_working_as,
    short_id,
    size_figure,
)
from military_exercises.site.basemap import Country, frame, inset_view, project
from military_exercises.vocab import COUNTED_ROLES

#: Troop-size bands of the size filter: (key, label, lowest best, highest best).
SIZE_BANDS: tuple[tuple[str, str, int, int | None], ...] = (
    ("lt1k", "under 1,000", 0, 999),
    ("1k", "1,000 to 9,999", 1000, 9999),
    ("10k", "10,000 to 49,999", 10000, 49999),
    ("50k", "50,000 or more", 50000, None),
)
QUANTITY_LABELS = {
    "troops": "troops",
    "armoured_vehicles": "armoured vehicles",
    "combat_aircraft": "combat aircraft",
    "states": "participating states",
}
BASIS_HELP = {
    "declared": "a participating government or the organisation running the exercise",
    "estimated": "a named third party (another government, an alliance, an analyst)",
    "reported": "the outlet, in its own voice",
    "combined": "all claims together",
}


def quantity_label(quantity: str) -> str:
    return QUANTITY_LABELS.get(quantity, quantity.replace("_", " "))


def exercise_title(e: Mapping[str, Any], names: Mapping[str, str] | None = None) -> str:
    """The exercise's name; for an unnamed one, 'Unnamed exercise: ' and its states, hosts first."""
    if e["name"]:
        return str(e["name"])
    codes = list(e["hosts"]) + [c for c in e["participants"] if c not in e["hosts"]]
    states = [(names or {}).get(c, c) for c in codes]
    if not states:
        return "Unnamed exercise"
    if len(states) > 3:
        return f"Unnamed exercise: {', '.join(states[:3])} and {len(states) - 3} others"
    listed = states[0] if len(states) == 1 else f"{', '.join(states[:-1])} and {states[-1]}"
    return f"Unnamed exercise: {listed}"


def headline_troops(e: Mapping[str, Any]) -> str | None:
    """The exercise's headline troops in words, or None when no figure exists."""
    if e["troops_best"] is None:
        return None
    return size_figure({k: e[f"troops_{k}"] for k in ("low", "best", "high", "low_open", "high_open")})


#: Coordinates precise enough to draw as a dot (see exercises.coordinates_precision).
PRECISE = ("point", "upstream_geocode")


@dataclass
class Site:
    """The release, grouped the way the pages read it."""

    version: str
    exercises: list[dict[str, Any]]  # newest first
    by_id: dict[str, dict[str, Any]]
    participants: dict[str, list[dict[str, Any]]]
    countries: dict[str, dict[str, Any]]
    explainer: Explainer
    basemap: dict[str, Country]
    series: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_tables(
        cls, tables: Mapping[str, pl.DataFrame], version: str, basemap: dict[str, Country]
    ) -> Site:
        ex = tables["exercises"].sort(["start_date", "exercise_id"], descending=[True, False])
        exercises = list(ex.iter_rows(named=True))
        participants: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for p in tables["participants"].iter_rows(named=True):
            participants[p["exercise_id"]].append(p)
        series: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for e in reversed(exercises):
            if e["series"]:
                series[e["series"]].append(e)
        site = cls(
            version=version,
            exercises=exercises,
            by_id={e["exercise_id"]: e for e in exercises},
            participants=dict(participants),
            countries={c["iso3"]: c for c in tables["countries"].iter_rows(named=True)},
            explainer=Explainer(**{k: tables[k] for k in Explainer.TABLES}),
            basemap=basemap,
            series=dict(series),
        )
        site.names = {code: str(row["name"]) for code, row in site.countries.items()}
        claims = tables["claims"]
        site.counts = {
            "exercises": ex.height,
            "claims": claims.height,
            "sources": tables["sources"].height,
            "states": tables["participants"].filter(pl.col("role").is_in(COUNTED_ROLES))["iso3"].n_unique(),
            "sized": ex.filter(pl.col("troops_best").is_not_null()).height,
            "first_year": int(ex["year"].min()) if ex.height else 0,  # type: ignore[arg-type]
            "last_year": int(ex["year"].max()) if ex.height else 0,  # type: ignore[arg-type]
        }
        return site

    def title(self, e: Mapping[str, Any]) -> str:
        return exercise_title(e, self.names)

    def name(self, iso3: str | None) -> str:
        if iso3 is None:
            return ""
        row = self.countries.get(iso3)
        return str(row["name"]) if row else iso3

    def point(self, e: Mapping[str, Any]) -> tuple[float, float] | None:
        """A dot only for coordinates that place the exercise itself (a cited page, or MME's point
        for its place text); a country's centroid is drawn as the shaded country instead."""
        if e["lat"] is None or e["lon"] is None or e.get("coordinates_precision") not in PRECISE:
            return None
        return project(e["lon"], e["lat"])


# --- the search index (assets/data.js) --------------------------------------------------------------------


def place_text(site: Site, e: Mapping[str, Any]) -> str:
    """Place, country and sea, each said once (a sea the place already names is not repeated)."""
    place = e["location_place"] or ""
    parts = [place, site.name(e["location_country_iso3"])]
    seas = [s.strip() for s in (e["location_sea"] or "").split(";")]
    parts += [s for s in seas if s and s.lower() not in place.lower()]
    return ", ".join(p for p in parts if p)


def index_entry(site: Site, e: Mapping[str, Any]) -> dict[str, Any]:
    """One exercise as the search page and the map read it (short keys keep the file small)."""
    entry: dict[str, Any] = {
        "i": e["exercise_id"],
        "n": site.title(e),
        "d": date_text(e["start"], e["start_precision"], e["end"], e["end_precision"]),
        "y": e["year"],
        "p": place_text(site, e),
        "c": e["participants"],
        "r": e["region"],
    }
    optional = {
        "s": e["series"],
        "sea": e["seas"] or None,  # the catalogued seas (a list): the sea filter matches any of them
        "o": e["organisation"],
        "l": e["location_country_iso3"],
        "t": e["troops_best"],
        "th": "+" if e["troops_high_open"] else None,
    }
    entry.update({k: v for k, v in optional.items() if v is not None})
    pt = site.point(e)
    if pt is not None:
        entry["xy"] = [round(pt[0], 1), round(pt[1], 1)]
    return entry


def index_data(site: Site) -> dict[str, Any]:
    """Everything the search page and the map need, in one object."""
    used = sorted({c for e in site.exercises for c in e["participants"]} | _locations(site.exercises))
    countries = {}
    for code in used:
        shape = site.basemap.get(code)
        entry: dict[str, Any] = {"n": site.name(code)}
        if shape is not None:
            entry["a"] = [round(shape.anchor[0], 1), round(shape.anchor[1], 1)]
        countries[code] = entry
    return {
        "version": site.version,
        "countries": countries,
        "bands": [[k, label, lo, hi] for k, label, lo, hi in SIZE_BANDS],
        "exercises": [index_entry(site, e) for e in site.exercises],
    }


def _locations(exercises: Iterable[Mapping[str, Any]]) -> set[str]:
    return {e["location_country_iso3"] for e in exercises if e["location_country_iso3"]}


def filter_options(site: Site) -> dict[str, list[Any]]:
    """The choices of the filter menus: only values the release holds."""
    exs = site.exercises
    counted = {c for e in exs for c in e["participants"]}
    return {
        "years": sorted({e["year"] for e in exs}),
        "countries": sorted(((c, site.name(c)) for c in counted), key=lambda x: x[1]),
        "regions": sorted({e["region"] for e in exs if e["region"]}),
        "seas": sorted({s for e in exs for s in e["seas"] or []}),
        "organisations": sorted({e["organisation"] for e in exs if e["organisation"]}),
        "bands": [(k, label) for k, label, _, _ in SIZE_BANDS],
    }


# --- one exercise -----------------------------------------------------------------------------------------


def inset(site: Site, e: Mapping[str, Any]) -> dict[str, Any] | None:
    """The small map of an exercise page: its point when it has coordinates, the location country
    shaded (or the hosts, for an exercise across several countries); None when there is nothing
    to draw."""
    point = site.point(e)
    sea = (e.get("seas") or [None])[0]
    at_sea = point is None and e.get("coordinates_precision") == "sea_area" and e["lat"] is not None
    if at_sea:  # the point of a whole sea: drawn on the exercise's own page, said to be only that
        point = project(e["lon"], e["lat"])
    shaded: list[Country] = []
    if e["location_country_iso3"] in site.basemap:
        shaded = [site.basemap[e["location_country_iso3"]]]
        caption = f"{site.name(e['location_country_iso3'])} shaded"
    elif e["location_precision"] == "multi":
        shaded = [site.basemap[h] for h in e["hosts"] if h in site.basemap]
        caption = "host states shaded (the exercise ran in several countries)"
    if point is None and not shaded:
        return None
    if point is not None:
        given = e.get("coordinates_precision") == "point"
        how = "as the sources give it" if given else "MME's point for its place text"
        if at_sea:
            how = f"the middle of the {sea} (the sources place the exercise only by its sea)"
        caption = f"point at {e['lat']:.4g}, {e['lon']:.4g}, {how}" + (f"; {caption}" if shaded else "")
    else:
        caption += "; the sources give no coordinates"
    boxes = [c.box for c in shaded]
    points = [point] if point else []
    return {
        "view": inset_view(boxes, points),
        "world": frame(),  # where assets/world.svg sits
        "shaded": [c.code for c in shaded],  # drawn from assets/shade/<code>.svg
        "point": point,
        "caption": caption,
    }


def size_groups(x: Explanation) -> list[dict[str, Any]]:
    """Reconciled figures grouped by quantity and scope, each row with its working."""
    groups: dict[tuple[str, str | None], dict[str, Any]] = {}
    for s in x.size_rows:
        key = (s["quantity"], s["country_iso3"])
        if key not in groups:
            scope = "whole exercise" if s["country_iso3"] is None else x.name(s["country_iso3"])
            groups[key] = {
                "quantity": quantity_label(s["quantity"]),
                "scope": scope,
                "country": s["country_iso3"],
                "rows": [],
            }
        twin = same_working_as(x, s)
        lines = str(s["how"]).splitlines()
        if twin and s["headline"]:
            lines.insert(0, f"All its claims are {twin}, so it is the {twin} figure.")
        elif twin:  # the working is the row above's; the headline row keeps it in full
            lines = [f"All its claims are {twin}: the same working as the {twin} figure."]
        claims = sorted((short_id(c) for c in s["claim_ids"]), key=natural_key)
        # one escape per figure instead of one per line (the site renders ~40,000 of these)
        lines_html = Markup("<li>" + html.escape("\n".join(lines)).replace("\n", "</li><li>") + "</li>")
        groups[key]["rows"].append({**s, "lines": lines, "lines_html": lines_html, "claims": claims})
    return list(groups.values())


def exercise_context(site: Site, e: dict[str, Any]) -> dict[str, Any]:
    x = site.explainer.explain(e["exercise_id"])
    editions = [o for o in site.series.get(e["series"] or "", []) if o["exercise_id"] != e["exercise_id"]]
    location = [
        ("Place", e["location_place"]),
        ("Area", e["location_admin1"]),
        ("Country", site.name(e["location_country_iso3"]) or None),
        ("Sea", e["location_sea"]),
        ("Region", e["region"]),
        ("Precision", e["location_precision"]),
    ]
    per_basis = [
        (b, e[f"troops_{b}_best"]) for b in ("declared", "estimated", "reported") if e[f"troops_{b}_best"]
    ]
    bases = [b for b, _ in per_basis]
    differ = len({v for _, v in per_basis}) > 1
    return {
        "disagree": (", ".join(bases[:-1]) + " and " + bases[-1]) if differ else "",
        "e": e,
        "x": x,
        "title": site.title(e),
        "dates": date_text(e["start"], e["start_precision"], e["end"], e["end_precision"]),
        "date_note": precision_note(e["start_precision"], e["end"], e["end_precision"]),
        "location": [(k, v) for k, v in location if v],
        "troops": headline_troops(e),
        "per_basis": per_basis,
        "groups": size_groups(x),
        "inset": inset(site, e),
        "editions": editions,
        "basis_help": BASIS_HELP,
    }


# --- one country ------------------------------------------------------------------------------------------


def partner_counts(participants: pl.DataFrame) -> dict[str, list[tuple[str, int]]]:
    """For each state, its partners (counted roles on both sides) with the number of shared exercises."""
    p = participants.filter(pl.col("role").is_in(COUNTED_ROLES)).select("exercise_id", "iso3")
    pairs = (
        p.join(p, on="exercise_id", suffix="_b")
        .filter(pl.col("iso3") != pl.col("iso3_b"))
        .group_by("iso3", "iso3_b")
        .len()
        .sort(["iso3", "len", "iso3_b"], descending=[False, True, False])
    )
    out: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for a, b, k in pairs.iter_rows():
        out[a].append((b, k))
    return dict(out)


def timeline(years: Counter[int], hosted: Counter[int], first: int, last: int) -> dict[str, Any]:
    """Bars of exercises per year (hosted part darker), as SVG geometry."""
    span = list(range(first, last + 1))
    top = max([*years.values(), 1])
    width, height, gap = 720.0, 150.0, 1.0
    bar = width / max(len(span), 1)
    bars = []
    for i, y in enumerate(span):
        total, host = years.get(y, 0), hosted.get(y, 0)
        h_total = height * total / top
        h_host = height * host / top
        bars.append(
            {
                "year": y,
                "x": round(i * bar, 2),
                "w": round(max(bar - gap, 0.5), 2),
                "total": total,
                "host": host,
                "y_total": round(height - h_total, 2),
                "h_total": round(h_total, 2),
                "y_host": round(height - h_host, 2),
                "h_host": round(h_host, 2),
            }
        )
    ticks = [b for b in bars if b["year"] % 5 == 0] or bars[:1]
    return {"bars": bars, "ticks": ticks, "width": width, "height": height, "top": top}


def country_context(
    site: Site, iso3: str, rows: list[dict[str, Any]], partners: list[tuple[str, int]]
) -> dict[str, Any]:
    """A state's page: its exercises by role, a timeline, partners and contingent sizes."""
    items: list[dict[str, Any]] = []
    for p in rows:
        e = site.by_id[p["exercise_id"]]
        items.append({"e": e, "p": p, "title": site.title(e), "troops": headline_troops(e)})
    items.sort(key=lambda i: (i["e"]["start_date"], i["e"]["exercise_id"]), reverse=True)
    roles = Counter(p["role"] for p in rows)
    counted = [i for i in items if i["p"]["role"] in COUNTED_ROLES]
    years = Counter(i["e"]["year"] for i in counted)
    hosted = Counter(i["e"]["year"] for i in counted if i["p"]["role"] == "host")
    sized = [i for i in counted if i["p"]["troops_best"] is not None]
    contingent = [
        {**i, "figure": n(i["p"]["troops_best"]), "range": (i["p"]["troops_low"], i["p"]["troops_high"])}
        for i in sorted(sized, key=lambda i: -int(i["p"]["troops_best"]))
    ]
    return {
        "c": site.countries.get(iso3, {"iso3": iso3, "name": iso3}),
        "iso3": iso3,
        "items": items,
        "roles": roles,
        "n_counted": len(counted),
        "timeline": timeline(years, hosted, site.counts["first_year"], site.counts["last_year"]),
        "partners": [(b, site.name(b), k) for b, k in partners],
        "contingents": contingent,
        "n_exercise_sized": sum(1 for i in counted if i["e"]["troops_best"] is not None),
    }
