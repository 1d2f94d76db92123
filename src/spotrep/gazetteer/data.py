"""The in-memory gazetteer: compact parallel arrays of entries plus dict indexes from name keys to entries.

An entry is a settlement, a region (ISO 3166-2 region, a Ukrainian raion, or a named area such as Donbas) or a
country. Index values encode ``entry * 4 + quality`` where quality says how the key names the entry:
0 the entry's own name, 1 a name GeoNames attests (alternate or historic name), 2 a generated spelling
variant.
"""

from __future__ import annotations

import math
from array import array
from dataclasses import dataclass, field

from ..model import Location
from .translit import admin_stem, loose_key, name_key, single_letters_key, skeleton_key, skeleton_keys

KIND_SETTLEMENT, KIND_REGION, KIND_COUNTRY = 0, 1, 2
KIND_NAMES = ("settlement", "region", "country")

CLASS_UNKNOWN, CLASS_CITY, CLASS_TOWN, CLASS_VILLAGE = 0, 1, 2, 3
CLASS_NAMES = ("place", "city", "town", "village")

Q_NAME, Q_ATTESTED, Q_VARIANT, Q_LOOSE = 0, 1, 2, 3
QUALITY_NAMES = ("name", "attested alternate name", "generated spelling variant", "loose spelling match")

SRC_GEONAMES, SRC_KATOTTG, SRC_ISO, SRC_AREA, SRC_RAION, SRC_HROMADA, SRC_CITY_DISTRICT = 0, 1, 2, 3, 4, 5, 6
SRC_DISTRICT = 7  # a GeoNames admin2 unit outside Ukraine and Russia ("Shwebo District", "Jaghuri")
SRC_MIMU = 8  # a town or village of Myanmar from the MIMU place codes (gazetteer.myanmar)
SRC_LANDMARK = 9  # a landmark of landmarks.tsv ("Snake Island", "the Zaporizhzhia nuclear power plant")

# Administrative rank of a settlement: the highest unit it is the administrative centre of. Reporting names
# centres more often than the villages that share their name, so the resolver prefers them.
RANK_NONE, RANK_HROMADA, RANK_RAION, RANK_REGION = 0, 1, 2, 3
RANK_NAMES = ("", "hromada centre", "raion centre", "regional centre")

# Why an entry's coordinates are what they are (index stored per entry).
APPROX_REASONS = (
    "",  # exact: GeoNames coordinates of the settlement
    "village known only to KATOTTG: coordinates of its hromada's centre settlement",
    "village known only to KATOTTG: centroid of the settlements of its hromada that GeoNames knows",
    "village known only to KATOTTG: representative point of its raion",
    "village known only to KATOTTG: representative point of its oblast",
    "coordinates from an imported GeoNames dump",
    "representative point: the settlement nearest the median of the area's settlements",
    "representative point: the capital",
    "administrative centre: ACLED codes a mention of the whole unit to its centre",
    "a district of a city: the city's point (ACLED codes an event in a city district to the city)",
    "its largest town: ACLED codes a mention of the whole unit to its capital, most often its largest town",
)
APPROX_EXACT, APPROX_HROMADA_CENTRE, APPROX_HROMADA_CENTROID, APPROX_RAION, APPROX_OBLAST = 0, 1, 2, 3, 4
APPROX_IMPORTED, APPROX_MEDIAN, APPROX_CAPITAL, APPROX_ADMIN_CENTRE, APPROX_CITY_DISTRICT = 5, 6, 7, 8, 9
APPROX_LARGEST_TOWN = 10

IndexValue = int | tuple[int, ...]


@dataclass
class GazetteerData:
    """Everything the gazetteer holds; pickled as one object into the cache."""

    version: str
    names: list[str] = field(default_factory=list)
    kind: bytearray = field(default_factory=bytearray)
    klass: bytearray = field(default_factory=bytearray)
    precision: bytearray = field(default_factory=bytearray)
    approx: bytearray = field(default_factory=bytearray)
    source: bytearray = field(default_factory=bytearray)
    source_id: array = field(default_factory=lambda: array("q"))
    country: array = field(default_factory=lambda: array("H"))  # index into codes
    admin1: array = field(default_factory=lambda: array("H"))  # index into codes (0: none)
    admin2: array = field(default_factory=lambda: array("H"))  # index into strings (0: none)
    lat: array = field(default_factory=lambda: array("d"))
    lon: array = field(default_factory=lambda: array("d"))
    population: array = field(default_factory=lambda: array("q"))
    rank: bytearray = field(default_factory=bytearray)  # RANK_* of a settlement
    codes: list[str | None] = field(default_factory=lambda: [None])  # country and ISO 3166-2 codes
    strings: list[str | None] = field(default_factory=lambda: [None])  # admin2 names
    index: dict[str, IndexValue] = field(default_factory=dict)
    loose: dict[str, IndexValue] = field(default_factory=dict)
    region_base: dict[str, IndexValue] = field(default_factory=dict)  # "kharkiv" -> UA-63 (for "X region")
    district_base: dict[str, IndexValue] = field(
        default_factory=dict
    )  # "kupiansk" -> raion (for "X district")
    admin_stem: dict[str, IndexValue] = field(
        default_factory=dict
    )  # "lozivsk" -> raions and hromadas whose adjective has that stem ("Lozivskyi district", "Lozivska hromada")
    centre: dict[int, int] = field(
        default_factory=dict
    )  # raion, hromada or region entry -> its centre's entry
    region_entry: dict[str, int] = field(default_factory=dict)  # ISO 3166-2 -> entry
    country_entry: dict[str, int] = field(default_factory=dict)  # alpha-2 -> entry
    admin1_names: dict[str, str] = field(default_factory=dict)  # ISO 3166-2 -> English name
    geonames_admin1: dict[str, str] = field(default_factory=dict)  # "UA.07" -> "UA-63"
    country_names: dict[str, str] = field(default_factory=dict)  # alpha-2 -> English short name
    capitals: dict[str, int] = field(default_factory=dict)  # alpha-2 -> entry of the capital
    info: dict[str, object] = field(default_factory=dict)  # sources, counts, build seconds

    def __len__(self) -> int:
        return len(self.names)


def _values(v: IndexValue | None) -> tuple[int, ...]:
    if v is None:
        return ()
    if isinstance(v, int):
        return (v,)
    return v


def add_to_index(index: dict[str, IndexValue], key: str, value: int) -> None:
    """Add an encoded value under key, keeping the best quality per entry and one value per entry."""
    if not key:
        return
    old = index.get(key)
    if old is None:
        index[key] = value
        return
    olds = _values(old)
    entry = value >> 2
    for i, o in enumerate(olds):
        if o >> 2 == entry:
            if (value & 3) < (o & 3):
                new = (*olds[:i], value, *olds[i + 1 :])
                index[key] = new[0] if len(new) == 1 else new
            return
    index[key] = (*olds, value)


SKELETON_POPULATION = 5_000


class Gazetteer:
    """Read-only lookups over GazetteerData."""

    def __init__(self, data: GazetteerData) -> None:
        self.data = data
        self.capital_entries = frozenset(data.capitals.values())
        self._region_skeletons: dict[str, dict[str, list[int]]] = {}  # built per region on first use

    def __len__(self) -> int:
        return len(self.data)

    # --- lookups ------------------------------------------------------------------------------------------
    def lookup(self, name: str, *, loose: bool = True) -> list[tuple[int, int]]:
        """(entry, quality) pairs for a name: exact key matches, then loose-key matches (quality Q_LOOSE)."""
        key = name_key(name)
        if not key:
            return []
        found = [(v >> 2, v & 3) for v in _values(self.data.index.get(key))]
        single = single_letters_key(key)
        if single != key:  # "Buulobarde" written with a doubled letter the gazetteer's spelling lacks
            seen = {e for e, _ in found}
            found += [
                (v >> 2, max(v & 3, Q_VARIANT))
                for v in _values(self.data.index.get(single))
                if v >> 2 not in seen
            ]
        if loose:
            lk = loose_key(key)
            if lk:
                seen = {e for e, _ in found}
                found += [(v >> 2, Q_LOOSE) for v in _values(self.data.loose.get(lk)) if v >> 2 not in seen]
        return found

    def has_key(self, key: str) -> bool:
        return key in self.data.index

    def regions_by_base(self, base: str) -> list[tuple[int, int]]:
        key = name_key(base)
        found = [(v >> 2, v & 3) for v in _values(self.data.region_base.get(key))]
        if not found and len(key) >= 5:  # a loose spelling of a short name ("UAE", "IB") is noise
            lk = loose_key(key)
            found = [(v >> 2, Q_LOOSE) for v in _values(self.data.region_base.get("~" + lk))] if lk else []
        return found

    def districts_by_base(self, base: str) -> list[tuple[int, int]]:
        key = name_key(base)
        return [(v >> 2, v & 3) for v in _values(self.data.district_base.get(key))]

    def units_by_skeleton(self, base: str, codes: frozenset[str]) -> list[int]:
        """The one second-level unit of the regions (ISO codes) whose name has the consonants of base in another
        romanisation ("Nahri Sarraj" for Nahr-e Saraj in Helmand), or none when there is none or several."""
        found = {
            v >> 2
            for sk in skeleton_keys(name_key(base))
            for v in _values(self.data.district_base.get("%" + sk))
            if self.data.codes[self.data.admin1[v >> 2]] in codes
        }
        return list(found) if len(found) == 1 else []

    def settlements_by_skeleton(self, name: str, code: str) -> list[int]:
        """The towns of one ISO region (SKELETON_POPULATION people or more, or GeoNames places of unknown size;
        no village lists) whose name has the consonants of ``name``, six or more, in another romanisation
        ("Maaret An Nu'man" for Ma'arrat an Nu'man in Idlib), read only where the text names that region: a
        short name's few consonants match too many others.
        The region's skeletons are computed on first use (a pass over the entries, tens of milliseconds)."""
        sk = skeleton_key(name_key(name))
        if len(sk) < 6:
            return []
        table = self._region_skeletons.get(code)
        if table is None:
            data = self.data
            try:
                code_i = data.codes.index(code)
            except ValueError:
                return []
            table = {}
            for e, a in enumerate(data.admin1):
                if (
                    a == code_i
                    and data.kind[e] == KIND_SETTLEMENT
                    and (
                        data.population[e] >= SKELETON_POPULATION
                        or (data.population[e] <= 0 and data.source[e] == SRC_GEONAMES)
                    )
                ):
                    key = skeleton_key(name_key(data.names[e]))
                    if key:
                        table.setdefault(key, []).append(e)
            self._region_skeletons[code] = table
        return list(table.get(sk, ()))

    def admin_units(self, base: str) -> list[int]:
        """Raions and hromadas a name can denote before "district"/"community": by the stem of their adjective
        ("Lozivskyi", "Lozivska") or the name of their centre ("Mezhyrich hromada")."""
        key = name_key(base)
        stem = admin_stem(base)
        found = [v >> 2 for v in _values(self.data.admin_stem.get(stem))]
        if key != stem:
            found += [v >> 2 for v in _values(self.data.admin_stem.get(key)) if v >> 2 not in found]
        return found

    # --- entry attributes ---------------------------------------------------------------------------------
    def name(self, i: int) -> str:
        return self.data.names[i]

    def kind(self, i: int) -> int:
        return self.data.kind[i]

    def kind_name(self, i: int) -> str:
        return KIND_NAMES[self.data.kind[i]]

    def settlement_class(self, i: int) -> int:
        return self.data.klass[i]

    def country(self, i: int) -> str | None:
        return self.data.codes[self.data.country[i]]

    def admin1_code(self, i: int) -> str | None:
        return self.data.codes[self.data.admin1[i]]

    def admin2(self, i: int) -> str | None:
        return self.data.strings[self.data.admin2[i]]

    def population(self, i: int) -> int | None:
        p = self.data.population[i]
        return p if p > 0 else None

    def rank(self, i: int) -> int:
        """RANK_* : the highest administrative unit the settlement is the centre of."""
        return self.data.rank[i]

    def centre_of(self, i: int) -> int | None:
        """The settlement entry of a raion's, hromada's or region's administrative centre."""
        return self.data.centre.get(i)

    def is_hromada(self, i: int) -> bool:
        return self.data.source[i] == SRC_HROMADA

    def is_city_district(self, i: int) -> bool:
        """A district of a city ("the Dniprovskyi district of Kherson"), at its city's point: KATOTTG's
        category B."""
        return self.data.source[i] == SRC_CITY_DISTRICT

    def precision(self, i: int) -> int:
        return self.data.precision[i]

    def approx_reason(self, i: int) -> str:
        return APPROX_REASONS[self.data.approx[i]]

    def point(self, i: int) -> tuple[float, float] | None:
        lat = self.data.lat[i]
        if math.isnan(lat):
            return None
        return lat, self.data.lon[i]

    def gazetteer_id(self, i: int) -> str:
        src = self.data.source[i]
        sid = self.data.source_id[i]
        if src == SRC_GEONAMES:
            return f"geonames:{sid}"
        if src in (SRC_KATOTTG, SRC_RAION, SRC_HROMADA, SRC_CITY_DISTRICT):
            return f"katottg:UA{sid:017d}"
        if src == SRC_ISO:
            code = self.data.codes[sid]
            return f"iso:{code}"
        if src == SRC_LANDMARK:
            return f"landmark:{self.data.strings[sid]}"
        if src == SRC_MIMU:  # a town's pcode ("MMR001001701") is stored negated, a village's as it is
            return f"mimu:MMR{-sid:09d}" if sid < 0 else f"mimu:{sid}"
        if src == SRC_DISTRICT:
            admin1 = self.admin1_code(i) or ""
            return f"admin2:{admin1}:{name_key(self.data.names[i]).replace(' ', '-')}"
        return f"area:{name_key(self.data.names[i]).replace(' ', '-')}"

    def location(self, i: int, *, precision: int | None = None) -> Location:
        """The entry as a spotrep Location (precision defaults to the entry's own)."""
        point = self.point(i)
        admin1 = self.admin1_code(i)
        country = self.country(i)
        kind = self.data.kind[i]
        return Location(
            name=self.data.names[i],
            country=country,
            admin1=self.data.admin1_names.get(admin1) if admin1 else None,
            admin1_code=admin1 if kind != KIND_COUNTRY else None,
            admin2=self.admin2(i),
            latitude=round(point[0], 5) if point else None,
            longitude=round(point[1], 5) if point else None,
            geo_precision=precision or self.data.precision[i],  # type: ignore[arg-type]
            gazetteer_id=self.gazetteer_id(i),
        )

    def region_of(self, i: int) -> int | None:
        """The entry of the ISO region a settlement lies in."""
        code = self.admin1_code(i)
        return self.data.region_entry.get(code) if code else None

    def distance_km(self, i: int, j: int) -> float | None:
        a, b = self.point(i), self.point(j)
        if a is None or b is None:
            return None
        return haversine_km(a[0], a[1], b[0], b[1])


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    rlat1, rlat2 = math.radians(lat1), math.radians(lat2)
    dlat = rlat2 - rlat1
    dlon = math.radians(lon2 - lon1)
    h = math.sin(dlat / 2) ** 2 + math.cos(rlat1) * math.cos(rlat2) * math.sin(dlon / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))
