"""Putting one of our pipeline components in the place of one of spaCy's (the table attribute ruler, the
entity decoder): registered once as a stateless component, inserted where the replaced one stood."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language

log = logging.getLogger(__name__)

_REGISTERED: dict[str, Callable[..., Any]] = {}


def substitute(
    nlp: Language,
    old: str,
    make: Callable[[Any], Callable[..., Any]],
    unsupported: type[Exception],
    prefix: str,
    *,
    keep_name: bool,
) -> bool:
    """Put ``make(nlp.get_pipe(old))`` in the place of pipe ``old`` (True), or keep spaCy's pipe when there is
    none or when ``make`` raises ``unsupported`` (it cannot reproduce that pipe: False)."""
    if old not in nlp.pipe_names:
        return False
    try:
        component = make(nlp.get_pipe(old))
    except unsupported as exc:
        log.info("keeping spaCy's %s (%s)", old, exc)
        return False
    replace_pipe(nlp, old, component, prefix, keep_name=keep_name)
    return True


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
