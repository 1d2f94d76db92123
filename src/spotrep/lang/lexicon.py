"""What a language gives the lexicon-driven extractor (``spotrep.lang.extract``): its words for the kinds of
events, casualties, numbers, dates, actors and sources. One ``Lexicon`` per language, in ``lang/<code>/``; a
new language is a new folder with its own ``LEXICON``.

Patterns are regular expressions over the lower-cased text; stems match at the start of a word (``\\b`` is
added), so one stem covers a word's cases ("обстріл" finds обстрілу, обстрілом, обстріляли).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Trigger:
    pattern: str  # stems or phrases (regular expression), matched at word starts
    kind: str  # the internal kind (``spotrep.event_types.KINDS``)
    weapon: str | None = None  # the English weapon word it names


@dataclass(frozen=True)
class Side:
    pattern: str
    country: str  # ISO 3166-1 alpha-2
    kind: str = "military"


@dataclass(frozen=True)
class Source:
    pattern: str
    name: str  # in English, for the claim
    country: str | None


@dataclass(frozen=True)
class Lexicon:
    code: str
    triggers: tuple[Trigger, ...]
    killed: str  # words for people killed (pattern)
    injured: str  # words for people wounded
    civilians: str  # words for civilians (the target of an attack)
    number_words: dict[str, int]
    months: dict[str, int]  # month stems (genitive forms included) -> 1..12
    weekdays: dict[str, int]  # weekday stems -> 0 (Monday) .. 6
    yesterday: str
    today: str
    night_on: str  # "in the night to" before a day and month: the night before that day
    past_day: str  # "over the past day": the day before publication to publication
    sides: tuple[Side, ...]
    sources: tuple[Source, ...]
    negation: str  # words that deny the event in its sentence
    hearsay: str = ""  # words that make it a claim
    # the language's named entities (a model's: PER, LOC, ORG spans), for the place finder; None for none, and
    # the reader returns None when its model is not installed (``spotrep.lang.ru.ner``)
    entities: Callable[[str], Sequence[Any] | None] | None = field(default=None, compare=False, repr=False)
    compiled: dict[str, re.Pattern[str]] = field(default_factory=dict, compare=False, repr=False)

    def rx(self, name: str, pattern: str) -> re.Pattern[str]:
        found = self.compiled.get(name)
        if found is None:
            found = re.compile(rf"(?<![\w'’]){pattern}", re.IGNORECASE)
            self.compiled[name] = found
        return found
