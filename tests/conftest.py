"""Shared fixtures: the shared evaluation data (skips when absent) and the spaCy model (skips when missing)."""

from __future__ import annotations

import itertools
import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("SPOTREP_SHARED", REPO.parent / "shared"))


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "eval").is_dir():
        pytest.skip("../shared (evaluation data) is not present")
    return SHARED


def _model_available() -> bool:
    from spotrep.entities import MODEL_PACKAGES, model_name

    try:
        __import__(MODEL_PACKAGES[model_name()])
    except ImportError:
        return False
    return True


requires_model = pytest.mark.skipif(not _model_available(), reason="the spaCy model package is not installed")


@pytest.fixture(scope="session")
def nlp():
    if not _model_available():
        pytest.skip("the spaCy model package is not installed")
    from spotrep.entities import get_nlp

    return get_nlp()


# --- the stores: SQLite (a file in the test's directory) and PostgreSQL (a throwaway cluster) --------------

STORES = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@pytest.fixture(scope="session")
def pg_cluster():
    """A throwaway PostgreSQL cluster for the session (skips when PostgreSQL or psycopg is missing)."""
    from .pg_cluster import start_cluster

    with start_cluster() as cluster:
        yield cluster


@pytest.fixture
def new_pg_url(pg_cluster):
    """A maker of URLs of fresh, empty PostgreSQL databases (dropped after the test)."""
    names: list[str] = []

    def make() -> str:
        names.append(f"t{next(_databases)}")
        return pg_cluster.create_database(names[-1])

    yield make
    for name in names:
        pg_cluster.drop_database(name)


@pytest.fixture
def collated_pg_url(pg_cluster):
    """The URL of a fresh, empty PostgreSQL database that sorts text by en-US rules, not by code point
    (skips when the server can not make one)."""
    name = f"t{next(_databases)}"
    url = pg_cluster.create_collated_database(name)
    yield url
    pg_cluster.drop_database(name)


@pytest.fixture(params=STORES)
def collated_store_url(request, tmp_path) -> str:
    """A fresh store whose database compares text by its own rules: once a SQLite file (binary), once a
    PostgreSQL database collated by en-US rules (case and punctuation ignored at first)."""
    if request.param == "sqlite":
        return str(tmp_path / "events.db")
    return request.getfixturevalue("collated_pg_url")


@pytest.fixture
def pg_url(new_pg_url) -> str:
    """The URL of a fresh, empty PostgreSQL database."""
    return new_pg_url()


_databases = itertools.count(1)


@pytest.fixture(params=STORES)
def new_store_url(request, tmp_path):
    """A maker of fresh stores' paths or URLs, of one kind: SQLite files in the test's directory, or
    PostgreSQL databases (the test runs once with each)."""
    if request.param == "sqlite":
        names = (tmp_path / f"events{i or ''}.db" for i in itertools.count())
        return lambda: str(next(names))
    return request.getfixturevalue("new_pg_url")


@pytest.fixture
def store_url(new_store_url) -> str:
    """A fresh store's path or URL: once a SQLite file, once a PostgreSQL database."""
    return new_store_url()
