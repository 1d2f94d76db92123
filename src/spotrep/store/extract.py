"""Which extractor ``ingest`` uses: the pipeline's batch API by default, or one named by
``$SPOTREP_EXTRACTOR``.

An extractor is any callable ``extractor(documents) -> iterable of (document, events)`` with the signature of
``spotrep.pipeline.extract_documents``. ``SPOTREP_EXTRACTOR=package.module:function`` plugs in another one
(tests use it to run ``spotrep ingest`` with a fake, slow extractor in a subprocess).
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Iterable

from ..documents import Document
from ..errors import ConfigError
from ..model import Event

Extractor = Callable[[Iterable[Document]], Iterable[tuple[Document, list[Event]]]]

ENV_VAR = "SPOTREP_EXTRACTOR"


def load_extractor(spec: str) -> Extractor:
    """The callable named by ``"package.module:function"``."""
    module_name, _, attr = spec.partition(":")
    if not module_name or not attr:
        raise ConfigError(f"{ENV_VAR} must look like package.module:function, got {spec!r}", value=spec)
    try:
        module = importlib.import_module(module_name)
    except ImportError as exc:
        raise ConfigError(f"{ENV_VAR}: cannot import {module_name!r} ({exc})", value=spec) from None
    function = getattr(module, attr, None)
    if not callable(function):
        raise ConfigError(f"{ENV_VAR}: {module_name} has no callable {attr!r}", value=spec)
    return function


def resolve_extractor(spec: str | None = None) -> Extractor:
    """The extractor named by ``spec`` or ``$SPOTREP_EXTRACTOR``, else the pipeline's
    ``extract_documents``."""
    spec = spec or os.environ.get(ENV_VAR)
    if spec:
        return load_extractor(spec)
    try:
        from ..pipeline import extract_documents
    except ImportError as exc:
        raise ConfigError(f"the extraction pipeline (spotrep.pipeline) cannot be imported: {exc}") from exc
    return extract_documents
