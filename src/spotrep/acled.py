"""ACLED's coding conventions for exports: world regions, country names, actor (inter) codes, disorder types.

Inter codes (ACLED codebook): 1 state forces, 2 rebel groups, 3 political militias, 4 identity militias, 5
rioters, 6 protesters, 7 civilians, 8 external/other forces; 0 when there is no such actor. A state's military
acting outside its own country is coded 8 (e.g. Russian forces in Ukraine), as ACLED does.
"""

from __future__ import annotations

from functools import lru_cache

from .model import Actor, Event
from .taxonomy import DISORDER_TYPES

_REGIONS: dict[str, str] = {
    "Western Africa": "BJ BF CV GM GH GN GW CI LR ML MR NE NG SN SL TG SH",
    "Middle Africa": "AO CM CF TD CD CG GQ GA ST",
    "Eastern Africa": "BI KM DJ ER ET KE MG MW MU YT MZ RE RW SC SO SS TZ UG ZM ZW IO TF",
    "Southern Africa": "BW SZ LS NA ZA",
    "Northern Africa": "DZ EG LY MA TN SD EH",
    "Middle East": "BH IR IQ IL JO KW LB OM PS QA SA SY TR AE YE",
    "Caucasus and Central Asia": "AM AZ GE KZ KG TJ TM UZ",
    "South Asia": "AF BD BT IN MV NP PK LK",
    "Southeast Asia": "BN KH ID LA MY MM PH SG TH TL VN",
    "East Asia": "CN HK JP MO MN KP KR TW",
    "Oceania": "AS AU CK FJ PF GU KI MH FM NR NC NZ NU NF MP PW PG PN WS SB TK TO TV UM VU WF CX CC HM",
    "North America": "CA US GL BM PM",
    "Central America": "MX GT BZ HN SV NI CR PA",
    "Caribbean": "AI AG AW BS BB BQ VG KY CU CW DM DO GD GP HT JM MQ MS PR BL KN LC MF VC SX TT TC VI",
    "South America": "AR BO BR CL CO EC FK GF GY PY PE SR UY VE GS BV",
    "Europe": (
        "AL AD AT BY BE BA BG HR CY CZ DK EE FO FI FR DE GI GR GG HU IS IE IM IT JE XK LV LI LT LU MT MD"
        " MC ME NL MK NO PL PT RO RU SM RS SK SI ES SJ SE CH UA GB VA AX"
    ),
    "Antarctica": "AQ",
}
REGION_OF: dict[str, str] = {code: region for region, codes in _REGIONS.items() for code in codes.split()}

# ACLED's spelling of country names where it differs from ISO's
ACLED_COUNTRY_NAMES = {
    "BN": "Brunei", "BO": "Bolivia", "CD": "Democratic Republic of Congo", "CG": "Republic of Congo",
    "CI": "Ivory Coast", "CV": "Cape Verde", "CZ": "Czech Republic", "FM": "Micronesia",
    "GB": "United Kingdom", "IR": "Iran", "KP": "North Korea", "KR": "South Korea", "LA": "Laos",
    "MD": "Moldova", "MK": "North Macedonia",
    "PS": "Palestine", "RU": "Russia", "SY": "Syria", "SZ": "eSwatini", "TL": "East Timor", "TR": "Turkey",
    "TW": "Taiwan", "TZ": "Tanzania", "US": "United States", "VA": "Vatican City", "VE": "Venezuela",
    "VN": "Vietnam", "XK": "Kosovo",
}  # fmt: skip

# ACLED's disorder types by sub-event type where they differ from the event type's
_DISORDER_BY_SUB_EVENT = {
    "Excessive force against protesters": "Political violence; Demonstrations",
    "Violent demonstration": "Demonstrations",
}

STATE, REBELS, POLITICAL_MILITIA, IDENTITY_MILITIA, RIOTERS, PROTESTERS, CIVILIANS, EXTERNAL = range(1, 9)


@lru_cache(maxsize=512)
def _country(code: str):
    import pycountry

    return pycountry.countries.get(alpha_2=code)


def country_name(code: str | None) -> str:
    if not code:
        return ""
    if code in ACLED_COUNTRY_NAMES:
        return ACLED_COUNTRY_NAMES[code]
    if code == "XK":
        return "Kosovo"
    country = _country(code)
    if country is None:
        return code
    return getattr(country, "common_name", None) or country.name


def iso_numeric(code: str | None) -> int | None:
    """The ISO 3166-1 numeric code (Ukraine: 804); None when unknown."""
    if not code:
        return None
    if code == "XK":
        return 0  # Kosovo has no ISO numeric code; ACLED uses 0
    country = _country(code)
    return int(country.numeric) if country is not None else None


def iso_alpha3(code: str | None) -> str:
    if not code:
        return ""
    if code == "XK":
        return "XKX"
    country = _country(code)
    return country.alpha_3 if country is not None else ""


def region(code: str | None) -> str:
    """ACLED's world region of a country ("Europe" for Ukraine and Russia)."""
    return REGION_OF.get(code or "", "")


def disorder_type(event: Event) -> str:
    return _DISORDER_BY_SUB_EVENT.get(event.sub_event_type) or DISORDER_TYPES.get(event.event_type, "")


def inter_code(actor: Actor | None, location_country: str | None) -> int:
    """ACLED's inter code of an actor where the event happened (0 when there is no actor)."""
    if actor is None:
        return 0
    kind = actor.kind
    foreign = bool(actor.country and location_country and actor.country != location_country)
    if kind in ("military", "police", "government"):
        return EXTERNAL if foreign else STATE
    if kind == "armed_group":
        return EXTERNAL if foreign else REBELS
    if kind == "civilians":
        return CIVILIANS
    if kind == "protesters":
        return PROTESTERS
    return EXTERNAL


def interaction(inter1: int, inter2: int) -> int:
    """ACLED's interaction code: the two inter codes, smaller first (18); a sole actor's code times ten
    (10)."""
    if inter1 and inter2:
        low, high = sorted((inter1, inter2))
        return low * 10 + high
    return (inter1 or inter2) * 10
