"""Putting one of our pipeline components in the place of one of spaCy's (the table attribute ruler, the
entity decoder): registered once as a stateless component, inserted where the replaced one stood."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language

_REGISTERED: dict[str, Callable[..., Any]] = {}


def replace_pipe(
    nlp: Language, old: str, component: Callable[..., Any], prefix: str, *, keep_name: bool
) -> str:
    """Remove ``old`` from the pipeline and add ``component`` where it stood (before the pipe that followed it),
    under the old name when ``keep_name`` (what reads ``ner`` still finds it), else under its factory's name.
    Returns the factory name."""
    names = nlp.pipe_names
    after = names[names.index(old) + 1 :]
    nlp.remove_pipe(old)
    factory = _register(component, prefix)
    named = {"name": old} if keep_name else {}
    if after:
        nlp.add_pipe(factory, before=after[0], **named)
    else:
        nlp.add_pipe(factory, **named)
    return factory


def _register(component: Callable[..., Any], prefix: str) -> str:
    """Register ``component`` as a spaCy component under a fresh name and return it."""
    from spacy.language import Language

    name = f"{prefix}_{len(_REGISTERED)}"
    _REGISTERED[name] = component
    if name not in Language.factories:
        Language.component(name, func=component)
    return name
