"""Whose dead a casualty phrase counts: the side of the people it names ("14 ISIS terrorists" are ISIS's dead,
"two gallant soldiers" a state force's, "five Afghan civilians" civilians).

A military press release, a communiqué or a briefing tells the dead of one operation side by side, each in its
own sentence ("17 terrorists were neutralised. Regrettably, two soldiers paid the supreme price."): the event's
toll is their sum (ACLED counts every side's dead). Two figures of the same side, or of a side the phrase does
not name ("12 people died"), may be the same dead told twice: only figures of two named, different sides add up.

Pure Python: the nouns come from the actor lexicon, the names from the armed groups' data file.
"""

from __future__ import annotations

import re

from ..lexicon.actors import ACTOR_NOUNS
from ..lexicon.groups import fold, lexicon
from .casualties import Casualties
from .quantities import singularize

HOSTILE = "hostile"  # an armed group the phrase names by a noun only ("terrorists", "insurgents", "bandits")
OWN = "own"  # the side that tells, naming its own by no other word ("two of our comrades were martyred")
FORCES = "forces"  # a state's soldiers or police
CIVILIANS = "civilians"

# the ranks and words of South Asian and African armies and militias for their own men ("Sepoy X", "two
# jawans", "a member of the Civilian JTF", "three volunteers" of Burkina Faso's VDP)
_OWN_WORDS = frozenset(
    "jawan sepoy naik havildar subedar lance-naik sowar rifleman lieutenant captain major colonel sergeant "
    "corporal private constable volunteer personnel".split()
)
_KINDS = {"armed_group": HOSTILE, "military": FORCES, "police": FORCES, "civilians": CIVILIANS}
# words of the lexicon that name no side in a casualty phrase ("members", "units", "groups" of anyone)
_NO_SIDE = frozenset(
    {"group", "unit", "member", "force", "patrol", "guard", "defence", "defense", "people", "person"}
)
# "Sepoy X (age 24, resident of Bannu)", "six terrorists including a commander of the group were killed": who
# some of them were, not another side
_ASIDE = re.compile(
    r"\([^()]*\)|\b(?:including|among\s+(?:them|whom))\b[^,;()]*?(?=\s+(?:were|was|have|has|had)\b|[,;]|$)",
    re.I,
)
_WORD = re.compile(r"[\w][\w'\-]*")
# the capitalised nouns of a state force's name (an armed group's name is read from the lexicon first)
_STATE_BODY_WORDS = frozenset({"Forces", "Army", "Police", "Gendarmerie", "Military"})
# a state's forces named by what they do, in lower case ("the security forces", "law enforcement officers")
_STATE_FORCE = re.compile(
    r"\b(?:security|law[- ]enforcement|armed|government|regime|state|police|military)\s+"
    r"(?:forces?|personnel|agents?|officers?|units?|services?)\b",
    re.I,
)
_OUR = re.compile(r"\b(?:our|own)\b", re.I)
# the sides a toll's list is labelled by: "On the friendly side: 4 dead", "On the enemy side: 17 neutralised"
_SIDE_LABEL = re.compile(r"\b(friendly|enemy)\s+side\b", re.I)
# a member of a body of armed men told by its kind ("of the criminal structure", "of an armed group", "of the gang")
_ARMED_BODY = re.compile(
    r"\bmembers?\s+of\s+(?:the|an?|this|that)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:group|structure|gang|organi[sz]ation|cell|faction|network|cartel|band|militia)s?\b",
    re.I,
)
# how Pakistan's army names and mourns its own: "three brave sons of soil ... embraced shahadat"
_OWN_PHRASE = re.compile(r"\bsons?\s+of\s+(?:the\s+)?soil\b|\bembraced\s+shahada(?:t|h)?\b", re.I)
# people counted again ("both men", "all three", "the two soldiers"): the dead told before, of a side said there
_TOLD_BEFORE = re.compile(
    r"\b(?:both|all\s+(?:two|three|four|five|six|\d+)|the\s+(?:two|three|four|five))\b", re.I
)


def dead_side(phrase: str) -> str | None:
    """The one side whose dead ``phrase`` counts ("killing 14 ISIS terrorists" -> "Islamic State", "two SDF
    fighters were killed" -> the SDF's name, "two gallant soldiers" -> ``FORCES``), or None when it names no
    side or several ("killing three soldiers and five civilians")."""
    if _TOLD_BEFORE.search(phrase):
        return None  # "both men were killed": people told before, whoever they are
    if _STATE_FORCE.search(phrase) or _OWN_PHRASE.search(phrase):
        # "a member of the law enforcement forces", "two security forces personnel" (with militants: both sides)
        return None if _names_armed_men(phrase) else FORCES
    lex = lexicon()
    words = _WORD.findall(_ASIDE.sub(" ", phrase))
    groups: set[str] = set()
    militias: set[str] = set()  # the political militias among them
    kinds: set[str] = set()
    covered = -1  # the last word of a group's name read
    for n, word in enumerate(words):
        if n <= covered:
            continue
        group = lex.exact.get(word) or (lex.exact.get(word[:-1]) if word.endswith("s") else None)
        size = 1
        if group is None:
            for size in (3, 2, 1):
                name = fold(" ".join(words[n : n + size]))
                if name in lex.folded and (size > 1 or len(name) > 3):
                    group = lex.folded[name]
                    break
        if group is not None:
            covered = n + size - 1
            if group.kind == "armed_group":
                groups.add(group.acled)
                if group.type == "political militia":
                    militias.add(group.acled)
            else:
                kinds.add(FORCES)
            continue
        if word in _STATE_BODY_WORDS:
            kinds.add(FORCES)  # "two members of the Defence and Security Forces", "of the National Army"
            continue
        low = singularize(word).lower()
        if low in _NO_SIDE:
            continue
        if low in _OWN_WORDS:
            kinds.add(FORCES)
        elif low in ACTOR_NOUNS and ACTOR_NOUNS[low] in _KINDS:
            kinds.add(_KINDS[ACTOR_NOUNS[low]])
    if not groups and not kinds and (label := _SIDE_LABEL.search(phrase)):
        return FORCES if label.group(1).lower() == "friendly" else HOSTILE  # a toll's "On the enemy side:"
    if not groups and not kinds and _OUR.search(phrase):
        return OWN
    if not groups and not kinds and _ARMED_BODY.search(phrase):
        return HOSTILE  # "one member of the criminal structure died in the combat"
    if groups and groups <= militias and kinds == {FORCES}:
        # "four soldiers and two VDP fell": soldiers and the militiamen who fight beside them, one side
        return FORCES
    if len(groups) > 1 or (groups and kinds - {HOSTILE}):
        return None
    if groups:
        return next(iter(groups))
    return next(iter(kinds)) if len(kinds) == 1 else None


def _names_armed_men(phrase: str) -> bool:
    """Does the phrase name men of an armed group by a noun of the actor lexicon ("terrorists", "gunmen")?"""
    for word in _WORD.findall(phrase):
        low = singularize(word).lower()
        if low not in _NO_SIDE and ACTOR_NOUNS.get(low) == "armed_group":
            return True
    return False


def different_sides(a: str | None, b: str | None) -> bool:
    """Do two sides differ for certain? A group named and an armed group told by a noun may be the same
    ("14 ISIS terrorists" / "the terrorists"), as may two unknown sides."""
    if a == b:
        return False
    if OWN in (a, b):
        return (
            True  # the teller's own dead ("our heroes"), told apart from the others' ("47 of their elements")
        )
    if a is None or b is None:
        return False
    return not ({a, b} & {HOSTILE} and {a, b} - {HOSTILE, FORCES, CIVILIANS})


def side_of_the_dead(text: str, found: Casualties, before: str = "") -> str | None:
    """The one side whose dead ``found`` (the casualties read in ``text``) counts, from its phrases of the dead
    (not of the wounded); ``before`` is the text the phrases' "of them", "of whom" may refer to when ``text``
    is a clause of a longer sentence ("Two soldiers were wounded" before "one of whom later died")."""
    if not found.fatalities:
        return None
    sides = {_phrase_side(text, start, end, before) for start, end in found.fatal_spans}
    return sides.pop() if len(sides) == 1 else None


_OF_THEM = re.compile(r"\bof\s+(?:them|those|whom)\b", re.I)
_CLAUSE_START = re.compile(r"[.;:!?]\s")


_PRONOUN = re.compile(r"(?:he|she|who)\b", re.I)


def _side_named_before(before: str) -> str | None:
    """The side of the last person the sentence named before a pronoun ("the victim", "the attacker")."""
    for word in reversed(_WORD.findall(before)):
        low = singularize(word).lower()
        if low in ACTOR_NOUNS and low not in _NO_SIDE and (side := dead_side(word)) is not None:
            return side
    return None


def _phrase_side(text: str, start: int, end: int, earlier: str = "") -> str | None:
    """The side of the phrase ``text[start:end]``; a "13 of them" counts the people named last before it in its
    sentence ("engaged the terrorists, neutralising 13 of them")."""
    phrase = text[start:end]
    side = dead_side(phrase)
    if side is None and _PRONOUN.match(phrase):
        # "the victim, who was evacuated to hospital, where he later succumbed": the person named before
        return _side_named_before(f"{earlier} {text[:start]}")
    if side is not None or not _OF_THEM.search(phrase):
        return side
    before = f"{earlier} {text[:start]}"
    stops = list(_CLAUSE_START.finditer(before))
    before = before[stops[-1].end() :] if stops else before
    words = _WORD.findall(before)
    for n in range(len(words) - 1, -1, -1):
        word = words[n]
        low = singularize(word).lower()
        if word.lower() == low:
            continue
        if low in ("element", "cadre") and n > 0:
            word = f"{words[n - 1]} {word}"  # "the terrorist elements", "Maoist cadres"
        elif low not in ACTOR_NOUNS:
            continue
        if (side := dead_side(word)) is not None:
            return side
    return None
