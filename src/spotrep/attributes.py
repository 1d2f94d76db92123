"""The model's attribute ruler (tag -> POS and morphology, plus its exceptions) read by table lookups.

spaCy's ``attribute_ruler`` runs a ``Matcher`` of ~180 one- and two-token patterns over every token: about a tenth
of the whole pipeline's time, for what is a table lookup on the tag in nearly every case. ``TableAttributeRuler``
applies the same rules with the same result: every pattern is matched on the attributes the tokens had before the
component ran (as the ruler does), and each token gets the attributes of its matching rules in the order the rules
were added (later rules win, as in ``AttributeRuler.match``). The rules are taken from the loaded ruler itself, so
nothing is copied from the model by hand; a pattern feature this reader does not know makes it keep spaCy's ruler.
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

_ATTRS = {"LOWER": "lower_", "TAG": "tag_", "DEP": "dep_", "IS_SPACE": "is_space"}


class UnsupportedPattern(ValueError):
    """A pattern of the attribute ruler this reader cannot evaluate."""


def _predicate(value: Any):
    """A test of one attribute's value, as the Matcher reads a pattern's value."""
    if isinstance(value, (str, bool)):
        return lambda v: v == value
    if isinstance(value, dict) and len(value) == 1:
        ((op, arg),) = value.items()
        if op == "IN":
            allowed = frozenset(arg)
            return lambda v: v in allowed
        if op == "NOT_IN":
            banned = frozenset(arg)
            return lambda v: v not in banned
        if op == "REGEX":
            rx = re.compile(arg)
            return lambda v: bool(rx.search(v))
    raise UnsupportedPattern(repr(value))


def _spec(token_pattern: dict) -> list[tuple[str, Any]]:
    out = []
    for key, value in token_pattern.items():
        if key not in _ATTRS:
            raise UnsupportedPattern(key)
        out.append((_ATTRS[key], _predicate(value)))
    return out


class TableAttributeRuler:
    """The rules of a loaded ``AttributeRuler``, applied with dictionary lookups."""

    def __init__(self, ruler) -> None:
        from spacy.tokens._retokenize import set_token_attrs

        self._set = set_token_attrs
        self.attrs = list(ruler.attrs)  # normalised, as the ruler applies them
        self.indices = list(ruler.indices)
        # rule -> its patterns; patterns indexed by what their first token must be
        self.by_tag: dict[str, list[tuple[int, list]]] = {}
        self.by_lower: dict[str, list[tuple[int, list]]] = {}
        self.tag_only: dict[str, list[int]] = {}  # one-token patterns on the tag alone: the bulk
        self.always: list[tuple[int, list]] = []
        for rule, entry in enumerate(ruler.patterns):
            for pattern in entry["patterns"]:
                if any("OP" in t for t in pattern):
                    raise UnsupportedPattern("OP")
                first = pattern[0]
                if len(pattern) == 1 and set(first) == {"TAG"} and isinstance(first["TAG"], str):
                    self.tag_only.setdefault(first["TAG"], []).append(rule)
                    continue
                specs = [_spec(t) for t in pattern]
                lower, tag = first.get("LOWER"), first.get("TAG")
                if isinstance(lower, str) or (isinstance(lower, dict) and set(lower) == {"IN"}):
                    for value in [lower] if isinstance(lower, str) else lower["IN"]:
                        self.by_lower.setdefault(value, []).append((rule, specs))
                elif isinstance(tag, str) or (isinstance(tag, dict) and set(tag) == {"IN"}):
                    for value in [tag] if isinstance(tag, str) else tag["IN"]:
                        self.by_tag.setdefault(value, []).append((rule, specs))
                else:
                    self.always.append((rule, specs))

    def __call__(self, doc: Doc) -> Doc:
        tokens = list(doc)
        n = len(tokens)
        tags = [t.tag_ for t in tokens]
        lowers = [t.lower_ for t in tokens]
        hits: dict[int, list[int]] = {}  # token -> the rules that set its attributes
        tag_only, by_tag, by_lower, always, indices = (
            self.tag_only,
            self.by_tag,
            self.by_lower,
            self.always,
            self.indices,
        )
        for i in range(n):
            found = list(tag_only.get(tags[i], ()))
            candidates = by_lower.get(lowers[i], ()), by_tag.get(tags[i], ()), always
            for group in candidates:
                for rule, specs in group:
                    if i + len(specs) > n:
                        continue
                    if all(
                        test(getattr(tokens[i + k], attr))
                        for k, spec in enumerate(specs)
                        for attr, test in spec
                    ):
                        target = i + (indices[rule] % len(specs))
                        if target == i:
                            found.append(rule)
                        else:
                            hits.setdefault(target, []).append(rule)
            if found:
                hits.setdefault(i, []).extend(found)
        attrs, set_attrs = self.attrs, self._set
        for i, rules in hits.items():
            token = tokens[i]
            for rule in sorted(rules):
                set_attrs(token, attrs[rule])
        return doc


def use_table_attribute_ruler(nlp: Language) -> bool:
    """Replace the pipeline's ``attribute_ruler`` by a ``TableAttributeRuler`` of its rules (True), or keep it
    when a rule uses a feature the table does not read (False)."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    try:
        table = TableAttributeRuler(nlp.get_pipe("attribute_ruler"))
    except UnsupportedPattern as exc:
        log.info("keeping spaCy's attribute ruler (a pattern the table cannot read: %s)", exc)
        return False
    names = nlp.pipe_names
    after = names[names.index("attribute_ruler") + 1 :]
    nlp.remove_pipe("attribute_ruler")
    name = _component_name(table)
    if after:
        nlp.add_pipe(name, before=after[0])
    else:
        nlp.add_pipe(name)
    return True


_TABLES: dict[str, TableAttributeRuler] = {}


def _component_name(table: TableAttributeRuler) -> str:
    """Register ``table`` as a stateless pipeline component and return its name."""
    from spacy.language import Language as _Language

    name = f"spotrep_attributes_{len(_TABLES)}"
    _TABLES[name] = table
    if name not in _Language.factories:
        _Language.component(name, func=table)
    return name
