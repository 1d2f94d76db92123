"""Shared fixtures for the gazetteer and places tests: one gazetteer cache built per test session in a
temporary directory (``SPOTREP_CACHE_DIR``), and the spaCy pipeline.

Import the fixtures into a test module with ``from places_fixtures import gazetteer, nlp  # noqa: F401``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def gazetteer_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The session's cache directory, with the gazetteer built once (about ten seconds)."""
    from spotrep.gazetteer import build_cache, reset

    path = tmp_path_factory.mktemp("spotrep-cache")
    old = os.environ.get("SPOTREP_CACHE_DIR")
    os.environ["SPOTREP_CACHE_DIR"] = str(path)
    reset()
    build_cache()
    yield path
    reset()
    if old is None:
        os.environ.pop("SPOTREP_CACHE_DIR", None)
    else:
        os.environ["SPOTREP_CACHE_DIR"] = old


@pytest.fixture(scope="session")
def gazetteer(gazetteer_dir: Path):
    from spotrep.gazetteer import get_gazetteer

    return get_gazetteer()


@pytest.fixture(scope="session")
def nlp():
    try:
        from spotrep.entities import get_nlp

        return get_nlp()
    except Exception as exc:  # the model package is an optional heavy dependency for these tests
        from spotrep.errors import ModelNotInstalledError

        if isinstance(exc, ModelNotInstalledError):
            pytest.skip(f"spaCy model not installed: {exc}")
        raise


@pytest.fixture(scope="session")
def places(gazetteer, nlp):
    """find_places over a text: returns the mentions."""
    from spotrep.places import find_places

    def run(text: str, **kw):
        return find_places(nlp(text), **kw)

    return run
