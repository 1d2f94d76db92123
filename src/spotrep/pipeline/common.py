"""Word sets and limits the stages of the English pipeline share."""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token


log = logging.getLogger(__name__)

CHUNK_CHARS = 25_000
"""Long documents are analysed in sections of at most this many characters, cut at paragraph breaks. The parser's
memory grows with a section's tokens, so sections are small enough to keep a worker near its resting size (a
news article or a bulletin is one section; a report of many pages, a transcript or a dump of articles is cut)."""
CHUNK_TOKENS = 6_000
"""...and at most about this many tokens: a text dense in numbers and punctuation has a token every two or three
characters, where prose has one every five or six."""
BATCH_CHARS = 2 * CHUNK_CHARS
"""Texts analysed together by spaCy hold at most about this many characters (two sections of a long document)."""
_TOKENISH = re.compile(r"\w+|[^\w\s]")

# verbs that introduce a nominal event ("launched an assault", "there was fighting", "clashes erupted")
_SUPPORT_VERBS = frozenset(
    "launch carry conduct stage mount hold continue intensify resume begin report be take occur erupt break "
    "kill wound injure leave hit target cause claim undertake perform execute unleash repel repulse "
    "rage spread escalate start see witness strike explode detonate".split()
)
# a participle clause that tells the consequence of its head event ("..., killing six civilians")
_CONSEQUENCE_VERBS = frozenset(
    "kill wound injure leave force cause prompt destroy damage spark trigger claim hit set burn displace "
    "send result knock cut devastate wreck ravage shoot".split()
)
# verbs that tell a death without a trigger word of their own ("two men died", "succumbed to his wounds")
_DYING_VERBS = frozenset("die perish succumb hospitalize hospitalise".split())
_MARTYRDOM = frozenset({"shahadat", "shahadah", "shahada", "martyrdom"})
_FALLEN_IN = frozenset({"arms", "battle", "combat", "action", "field"})


def tells_a_death(verb: Token, lemma: str) -> bool:
    """Whether the clause of ``verb`` (of lemma ``lemma``) tells that its subject died, in the words of war
    reporting: "died", "succumbed", "embraced shahadat" (Pakistan's army), "lost their lives", "paid the supreme
    price", "made the ultimate sacrifice"."""
    if lemma in _DYING_VERBS:
        return True
    objects = {c.lower_ for c in verb.children if c.dep_ == "dobj"}
    if lemma == "ascend":
        # "eight of our heroes ascended as martyrs"
        return any(g.lemma_.lower() == "martyr" for c in verb.children for g in c.subtree)
    if lemma == "fall":
        # "four soldiers fell with arms in hand", "fell in combat", "fell on the field of honour"
        fell_in = {
            g.lower_ for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"
        }
        return bool(fell_in & _FALLEN_IN)
    return (
        (lemma == "embrace" and bool(objects & _MARTYRDOM))
        or (lemma in ("lose", "sacrifice", "give") and bool(objects & {"life", "lives"}))
        or (lemma in ("pay", "make") and bool(objects & {"price", "sacrifice"}))
    )


# a label of one to three words before a colon, told as a sentence of its own ("Interception:", "Looting:")
_LABEL = re.compile(r"^\W*[A-Za-z][\w/-]*(?:\s+[\w/-]+){0,2}\s*:\s*$")
_TRIP_NOUNS = frozenset("trip visit travel tour journey flight voyage".split())
_PEOPLE_UNITS = frozenset(
    "people civilian person resident villager woman man child policeman policemen officer soldier "
    "protester demonstrator".split()
)
_AREA_WORDS = re.compile(r"\b(border (?:areas?|regions?|districts?)|front ?line|frontline)\b", re.I)
_FAMILY = {
    "assault": "battle",
    "clash": "battle",
    "advance": "battle",  # an advance told with the fighting it met is one battle (ACLED: an armed clash)
    "kill": "attack",
    "wound": "attack",
    "attack": "attack",
    # one ACLED sub-event type each: an air strike and a drone strike on one place and day are one event
    "air_strike": "air",
    "drone_strike": "air",
    "missile": "shelling",
}
_GROUND_KINDS = frozenset({"advance", "assault", "clash"})
_CIVILIAN_HARM = frozenset({"attack", "kill", "wound", "abduction", "sexual"})
_BATTLE_KINDS = _GROUND_KINDS | {"shelling"}
_PLACE_UNITS = frozenset("village town city settlement area region district position front locality".split())
_OWN_PLACE_ONLY = frozenset({"political", "agreement", "group_change"})
_MOVE_KINDS = frozenset({"deployment", "withdrawal", "advance", "base"})
_ABSORBING_PREPS = frozenset("in during amid over due because after following despite as".split())
_CROWD_KINDS = frozenset({"protest", "protest_force", "riot"})


# nouns a country or capital modifies as the state itself ("the Kyiv regime", "Moscow troops")
_STATE_HEADS = frozenset({"regime", "force", "troop", "army", "military", "government", "junta"})


_REMOTE_STRIKES = frozenset({"Shelling/artillery/missile attack", "Air/drone strike"})


_HABITUAL_ADVERBS = frozenset(
    "repeatedly regularly routinely frequently often constantly continually continuously daily nightly "
    "periodically systematically habitually usually".split()
)
_LONG_SPAN = re.compile(r"^(?:[a-z]+-)?(?:weeks?|months?|years?|decades?)-long$")
_DURATIONS = frozenset("days weeks months years decades".split())
_LAPSE_UNITS = frozenset("hour day week month year decade".split())
_LONG_UNITS = frozenset("week month year decade".split())
_RECENT_SINCE = frozenset("day morning midnight night dawn evening today yesterday hour hours".split())


_AFFILIATED = re.compile(r"-(?:backed|supported|aligned|allied|sponsored|led|funded|trained)\b", re.I)


_LEAVING_KINDS = frozenset({"withdrawal", "displacement"})
_MOVING_KINDS = frozenset({"capture", "recapture", "advance"})


_TIME_MARKS = frozenset("before after until once when".split())


# the violent events a later sentence can tell more of (its casualties, its damage, a repeat)
_STORY_KINDS = frozenset(
    {
        "clash",
        "advance",
        "assault",
        "shelling",
        "missile",
        "air_strike",
        "drone_strike",
        "explosive",
        "suicide",
        "grenade",
        "chemical",
        "attack",
        "kill",
        "wound",
        "protest_force",
        "riot",
        "mob",
        "abduction",
        "sexual",
        "interception",
    }
)
_MORE_WORDS = re.compile(r"\b(?:also|another|more|further|additional)\b", re.I)


_FIRE_KINDS = frozenset({"shelling", "missile", "attack", "clash"})
