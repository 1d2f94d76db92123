"""Shared fixtures: the shared evaluation data (skips when absent) and the spaCy model (skips when missing)."""

from __future__ import annotations

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
