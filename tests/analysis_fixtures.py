"""Small literal tables for the analysis tests (fictional exercises; the country codes are real codes).

Four invented exercises:

| id                      | year | hosts | participants (counted)  | observers | region    | org  | troops low/best/high |
| 2019-03-alpha-drill     | 2019 | TJK   | RUS, TJK                | KAZ       | Eurasia   | -    | 1000/1000/1000       |
| 2020-06-bravo-drill     | 2020 | CHN   | CHN, TJK                | -         | East Asia | SCO  | unknown              |
| 2021-09-charlie-drill   | 2021 | RUS   | BLR, KAZ, RUS, TJK (p.) | CHN       | Eurasia   | CSTO | 10000/12000/20000+   |
| 2022-04-delta-drill     | 2022 | USA   | MNG, USA                | -         | East Asia | -    | 500/800/900          |

(p.) TJK is a partial participant in charlie; "20000+" means high_open.
"""

from __future__ import annotations

import datetime as dt

import polars as pl

A, B, C, D = "2019-03-alpha-drill", "2020-06-bravo-drill", "2021-09-charlie-drill", "2022-04-delta-drill"


def exercises() -> pl.DataFrame:
    """The four fictional exercises in the exercises-table layout (the columns the helpers use)."""
    return pl.DataFrame(
        {
            "exercise_id": [A, B, C, D],
            "name": ["Alpha Drill", "Bravo Drill", "Charlie Drill", None],
            "series": [None, None, "Charlie", None],
            "start_date": [
                dt.date(2019, 3, 4),
                dt.date(2020, 6, 1),
                dt.date(2021, 9, 10),
                dt.date(2022, 4, 2),
            ],
            "year": [2019, 2020, 2021, 2022],
            "organisation": [None, "SCO", "CSTO", None],
            "hosts": [["TJK"], ["CHN"], ["RUS"], ["USA"]],
            "participants": [["RUS", "TJK"], ["CHN", "TJK"], ["BLR", "KAZ", "RUS", "TJK"], ["MNG", "USA"]],
            "observers": [["KAZ"], [], ["CHN"], []],
            "n_participants": [2, 2, 4, 2],
            "domains": [["land"], ["land", "air"], ["land", "air", "command_post"], ["sea"]],
            "purposes": [
                ["counter_terrorism"],
                ["counter_terrorism", "border_security"],
                ["warfighting"],
                ["disaster_relief"],
            ],
            "region": ["Eurasia", "East Asia", "Eurasia", "East Asia"],
            "lat": [None, None, 53.9, 47.9],
            "lon": [None, None, 27.6, 106.9],
            "troops_low": [1000, None, 10000, 500],
            "troops_best": [1000, None, 12000, 800],
            "troops_high": [1000, None, 20000, 900],
            "troops_low_open": [False, None, False, False],
            "troops_high_open": [False, None, True, False],
        },
        schema_overrides={"troops_low": pl.Int64, "troops_best": pl.Int64, "troops_high": pl.Int64},
    )


_CODES = {"RUS": 365, "TJK": 702, "KAZ": 705, "CHN": 710, "BLR": 370, "USA": 2, "MNG": 712}


def participants() -> pl.DataFrame:
    """Participants-table rows for the four exercises (contingents invented)."""
    rows = [
        (A, "TJK", "host", 2019, 600, 600, 600),
        (A, "RUS", "participant", 2019, 400, 500, 600),
        (A, "KAZ", "observer", 2019, None, None, None),
        (B, "CHN", "host", 2020, None, None, None),
        (B, "TJK", "participant", 2020, None, None, None),
        (C, "RUS", "host", 2021, None, None, None),
        (C, "BLR", "participant", 2021, 2000, 2000, 3000),
        (C, "KAZ", "participant", 2021, None, None, None),
        (C, "TJK", "partial", 2021, 50, 50, 50),
        (C, "CHN", "observer", 2021, None, None, None),
        (D, "USA", "host", 2022, 300, 500, 600),
        (D, "MNG", "participant", 2022, 200, 300, 300),
    ]
    return pl.DataFrame(
        {
            "exercise_id": [r[0] for r in rows],
            "iso3": [r[1] for r in rows],
            "country_name": [r[1].title() for r in rows],
            "gw_code": [_CODES[r[1]] for r in rows],
            "cow_code": [_CODES[r[1]] for r in rows],
            "role": [r[2] for r in rows],
            "year": [r[3] for r in rows],
            "troops_low": [r[4] for r in rows],
            "troops_best": [r[5] for r in rows],
            "troops_high": [r[6] for r in rows],
        },
        schema_overrides={"troops_low": pl.Int64, "troops_best": pl.Int64, "troops_high": pl.Int64},
    )


def countries() -> pl.DataFrame:
    """A small country table; Germany has different G&W (260) and COW (255) codes."""
    codes = {**_CODES, "DEU": 260}
    return pl.DataFrame(
        {
            "iso3": list(codes),
            "gw_code": list(codes.values()),
            "cow_code": [255 if k == "DEU" else v for k, v in codes.items()],
        }
    )


def ids(df: pl.DataFrame) -> list[str]:
    """Sorted exercise ids of a frame."""
    return sorted(df["exercise_id"].unique().to_list())
