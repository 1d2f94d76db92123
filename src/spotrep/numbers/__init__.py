"""Numbers, counted quantities and casualty figures in the language of war reporting.

Pure Python (regular expressions and word lists): no spaCy, nothing heavy at import time. English: number
words and amounts (``words``), figures in running text (``finding``), counted quantities (``quantities``) and
casualty figures (``casualties``).

Public interface:

- :func:`parse_number` reads one number written in digits or words ("30,000", "1.5 million", "twenty-five",
  "one hundred and twenty", "a dozen").
- :func:`vague_count` turns a vague amount ("dozens", "several hundred") into a lower bound.
- :func:`find_quantities` finds counted things ("17 drones", "more than 30,000 Russian forces").
- :func:`find_casualties` reads the people killed and wounded in one sentence.

Documented choices
------------------
Vague amounts give the lower bound a reader can be sure of, with the qualifier ``at_least``: "a few" 2,
"several" / "a handful" 3, "dozens" 24, "scores" 40, "hundreds" 200, "thousands" 2,000, "tens of thousands"
20,000, "hundreds of thousands" 200,000, "millions" 2,000,000; "several hundred" 300, "a few dozen" 24.
"a couple (of)" is 2 ``approximately``. "many", "numerous", "a number of" and "some" carry no number (None).

Quantities: the unit is the head noun, singularised ("drones" -> "drone", "people" -> "person"), preceded by
the proper names and classifying words written before it ("10 ATACMS missiles" -> "ATACMS missile",
"59 Tomahawk cruise missiles" -> "Tomahawk cruise missile"); descriptive adjectives and nationality words are
dropped ("more than 30,000 Russian forces" -> "force"). A range ("10-15 drones", "between 10 and 15 drones")
gives its lower end with ``at_least``. "as many as" is read as ``at_most``. A part of a counted whole
("29 of 31 Shahed drones") gives two mentions: "29" (unit "Shahed drone") and "31 Shahed drones". Counts of
people are quantities too (unit "person", "civilian", "soldier"...): the pipeline decides what they mean.

Casualties (one sentence at a time; figures of separate phrases are added up):

- people named inside "including ...", "among them ...", "of whom ..." asides are not counted again ("six
  people, including two children, were killed" = 6);
- "killed or wounded 26", "26 people were killed or injured" and "26 casualties" have no known split: they go
  to ``killed_or_wounded`` and leave ``fatalities``/``injuries`` None;
- "no casualties", "no one was hurt", "without casualties" give 0 fatalities and 0 injuries; "no one was
  killed" 0 fatalities; "no one was injured" 0 injuries;
- a suicide bomber "killing himself" / "blowing himself up" counts as 1 fatality (ACLED counts perpetrators);
- "two were killed ... and another died in hospital" = 3: later deaths are added to the deaths reported;
  deaths among the wounded ("one of whom later died") are added to fatalities without being taken from the
  injuries (the text gives no better figure);
- a death toll ("the death toll rose to 12") is the total: fatalities = max(toll, sum of other figures);
- an apposition that spells out a figure is not added to it ("three civilians, a man and two women, were
  killed" = 3); a person named with an article or possessive counts 1 ("a woman was killed", "injured his
  12-year-old son"), and so does "him" or "her" ("killing him"); ages are never counts;
- known gap: elliptical second figures ("killed three in Kherson and two in Nikopol") give only the first;
- vague amounts give their lower bound with ``at_least`` ("dozens injured" -> 24, at_least);
- the qualifier of a sum is ``exact`` only if every part is exact; ``at_least`` if any part is (and none is
  ``at_most``); ``approximately`` otherwise.
"""

from __future__ import annotations

from .casualties import Casualties, find_casualties
from .quantities import QuantityMention, find_quantities, singularize
from .words import _Lazy, parse_number, vague_count

__all__ = [
    "Casualties",
    "QuantityMention",
    "_Lazy",
    "find_casualties",
    "find_quantities",
    "parse_number",
    "singularize",
    "vague_count",
]
