"""The model's attribute ruler (tag -> POS and morphology, plus its exceptions) read by table lookups.

spaCy's ``attribute_ruler`` runs a ``Matcher`` of ~180 one- and two-token patterns over every token: about a tenth
of the whole pipeline's time, for what is a table lookup on the tag in nearly every case. ``TableAttributeRuler``
applies the same rules with the same result: every pattern is matched on the attributes the tokens had before the
component ran (as the ruler does), and each token gets the attributes of its matching rules in the order the rules
were added (later rules win, as in ``AttributeRuler.match``). The rules are taken from the loaded ruler itself, so
nothing is copied from the model by hand; a pattern feature this reader does not know makes it keep spaCy's ruler.
The tested attributes are read once per doc as string ids (``Doc.to_array``), patterns compare string ids, and a
pattern that no token's lower form or tag announces is tried only where its first token's tests pass.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from .components import substitute

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.strings import StringStore
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

_COLUMNS = ("LOWER", "TAG", "DEP", "IS_SPACE")
"""The token attributes a pattern may test, in the order of the columns ``TableAttributeRuler`` reads per doc."""

_MEMO_ENTRIES = 100_000
"""A bound on each regular expression's memo of string ids (a long-running process reads unbounded vocabularies)."""


class UnsupportedPattern(ValueError):
    """A pattern of the attribute ruler this reader cannot evaluate."""


def _value_id(value: Any) -> int:
    """A pattern value as the integer a column holds: a string's id (its hash), or a flag's 0/1."""
    from spacy.strings import get_string_id

    if isinstance(value, bool):
        return int(value)
    if isinstance(value, str):
        return get_string_id(value)
    raise UnsupportedPattern(repr(value))


Test = Callable[[int, "StringStore"], bool]
"""A test of one attribute's value: a string id (or 0/1 for a flag), with the doc's string store to read it."""


def _predicate(value: Any) -> Test:
    """The test of a pattern's value, as the Matcher reads it."""
    if isinstance(value, (str, bool)):
        wanted = _value_id(value)
        return lambda v, _strings: v == wanted
    if isinstance(value, dict) and len(value) == 1:
        ((op, arg),) = value.items()
        if op == "IN":
            allowed = frozenset(_value_id(a) for a in arg)
            return lambda v, _strings: v in allowed
        if op == "NOT_IN":
            banned = frozenset(_value_id(a) for a in arg)
            return lambda v, _strings: v not in banned
        if op == "REGEX":
            return _regex_predicate(re.compile(arg))
    raise UnsupportedPattern(repr(value))


def _regex_predicate(rx: re.Pattern) -> Test:
    """A regular expression's test of a string id, memoised per id (a string id is the string's hash: the same in
    every vocabulary, so an entry never goes stale)."""
    memo: dict[int, bool] = {}

    def test(v: int, strings: StringStore) -> bool:
        hit = memo.get(v)
        if hit is None:
            if len(memo) >= _MEMO_ENTRIES:
                memo.clear()
            hit = memo[v] = bool(rx.search(strings[v]))
        return hit

    return test


Spec = list[tuple[int, Test]]
"""One token of a pattern: (column, test) pairs that must all hold."""


def _spec(token_pattern: dict) -> Spec:
    out = []
    for key, value in token_pattern.items():
        if key not in _COLUMNS:
            raise UnsupportedPattern(key)
        out.append((_COLUMNS.index(key), _predicate(value)))
    return out


class TableAttributeRuler:
    """The rules of a loaded ``AttributeRuler``, applied with dictionary lookups on the tokens' string ids."""

    def __init__(self, ruler) -> None:
        from spacy.attrs import IDS
        from spacy.tokens._retokenize import set_token_attrs

        self._set = set_token_attrs
        self._columns = [IDS[name] for name in _COLUMNS]
        self.attrs = list(ruler.attrs)  # normalised, as the ruler applies them
        self.indices = list(ruler.indices)
        # rule -> its patterns; patterns indexed by the string id their first token's lower form or tag must be
        self.by_tag: dict[int, list[tuple[int, list[Spec]]]] = {}
        self.by_lower: dict[int, list[tuple[int, list[Spec]]]] = {}
        self.tag_only: dict[int, list[int]] = {}  # one-token patterns on the tag alone: the bulk
        self.always: list[tuple[int, list[Spec]]] = []
        for rule, entry in enumerate(ruler.patterns):
            for pattern in entry["patterns"]:
                self._add(rule, pattern)

    def _add(self, rule: int, pattern: list[dict]) -> None:
        if any("OP" in t for t in pattern):
            raise UnsupportedPattern("OP")
        first = pattern[0]
        if len(pattern) == 1 and set(first) == {"TAG"} and isinstance(first["TAG"], str):
            self.tag_only.setdefault(_value_id(first["TAG"]), []).append(rule)
            return
        specs = [_spec(t) for t in pattern]
        lower, tag = first.get("LOWER"), first.get("TAG")
        if isinstance(lower, str) or (isinstance(lower, dict) and set(lower) == {"IN"}):
            for value in [lower] if isinstance(lower, str) else lower["IN"]:
                self.by_lower.setdefault(_value_id(value), []).append((rule, specs))
        elif isinstance(tag, str) or (isinstance(tag, dict) and set(tag) == {"IN"}):
            for value in [tag] if isinstance(tag, str) else tag["IN"]:
                self.by_tag.setdefault(_value_id(value), []).append((rule, specs))
        else:
            self.always.append((rule, specs))

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        view = _Columns(doc, self._columns)
        hits: dict[int, list[int]] = {}  # token -> the rules that set its attributes
        lowers, tags = view.values[0], view.values[1]
        tag_only, by_tag, by_lower = self.tag_only, self.by_tag, self.by_lower
        for i in range(view.n):
            found = tag_only.get(tags[i])
            if found:
                hits.setdefault(i, []).extend(found)
            for group in (by_lower.get(lowers[i]), by_tag.get(tags[i])):
                if group:
                    for rule, specs in group:
                        self._match(rule, specs, i, view, hits)
        for rule, specs in self.always:
            for i in view.passing(specs[0]):
                self._match(rule, specs, i, view, hits)
        attrs, set_attrs = self.attrs, self._set
        for i, rules in hits.items():
            token = doc[i]
            for rule in sorted(rules):
                set_attrs(token, attrs[rule])
        return doc

    def _match(
        self, rule: int, specs: list[Spec], i: int, view: _Columns, hits: dict[int, list[int]]
    ) -> None:
        """Record ``rule`` for its target token when its pattern ``specs`` matches the tokens from ``i``."""
        if i + len(specs) > view.n:
            return
        values, strings = view.values, view.strings
        for k, spec in enumerate(specs):
            for column, test in spec:
                if not test(values[column][i + k], strings):
                    return
        target = i + (self.indices[rule] % len(specs))
        hits.setdefault(target, []).append(rule)


class _Columns:
    """The attributes the patterns test, read once per doc as string ids (0/1 for IS_SPACE): every pattern is
    matched on the values the tokens had before the component ran, as the ruler does."""

    def __init__(self, doc: Doc, columns: list[int]) -> None:
        self.values: list[list[int]] = [column.tolist() for column in doc.to_array(columns).T]
        self.n = len(doc)
        self.strings = doc.vocab.strings

    def passing(self, first: Spec) -> Iterable[int]:
        """The tokens that pass every test of a pattern's first token (every token when it tests nothing); each
        test is run once per distinct value of its column, not once per token."""
        starts: Iterable[int] = range(self.n)
        for column, test in first:
            values = self.values[column]
            ok = {v for v in set(values) if test(v, self.strings)}
            starts = [i for i in starts if values[i] in ok]
        return starts


def use_table_attribute_ruler(nlp: Language) -> bool:
    """Replace the pipeline's ``attribute_ruler`` by a ``TableAttributeRuler`` of its rules (True), or keep it
    when a rule uses a feature the table does not read (False)."""
    return substitute(
        nlp, "attribute_ruler", TableAttributeRuler, UnsupportedPattern, "spotrep_attributes", keep_name=False
    )
