"""Where, when and to whom around a candidate: habitual and background telling, the story's place, the fallback place,
casualties told after the event and the date of the candidate."""

from __future__ import annotations

import itertools
import logging
import re
from collections import Counter
from datetime import date
from typing import TYPE_CHECKING

from .. import dates as dates_stage
from .. import numbers as numbers_stage
from .. import places as places_stage
from ..event_types import (
    Trigger,
    lemma_of,
)
from ..gazetteer.regions import DISTRICT_NOUNS, REGION_NOUNS, TOWNSHIP_NOUNS, WAR_COUNTRIES
from ..lexicon.actors import COUNTRY_ACTORS, DEMONYMS
from ..model import Location
from ..numbers.casualties import DEATH_IDIOMS
from ..numbers.sides import different_sides, side_of_the_dead
from ..places.vocabulary import COMMUNITY_NOUNS, SETTLEMENT_NOUNS
from ..wire import read_dateline

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

from .common import (
    _DURATIONS,
    _HABITUAL_ADVERBS,
    _LAPSE_UNITS,
    _LONG_SPAN,
    _LONG_UNITS,
    _MORE_WORDS,
    _RECENT_SINCE,
    _STORY_KINDS,
    tells_a_death,
)
from .context import (
    Candidate,
    DocContext,
)

log = logging.getLogger(__name__)


def _habitual(ctx: DocContext, index: int, domain: set[int], heads: set[int]) -> str | None:
    """Why a clause tells background rather than an event, or None: a habit ("is regularly targeted", "has
    been hit repeatedly"), a state that lasts since long ago ("have been pressing an offensive since May 10",
    "since the start of the invasion"), what a since-clause dates the story from ("since it pulled out of the
    deal"), an event lasting months ("a months-long advance") or the starting point of a lapse of time ("a week
    after launching the incursion"). Background of this kind has no day of its own, so it must not become an
    event of the publication day. A since-phrase of the last days ("since Monday", "since the beginning of the
    day") keeps the news. ``heads`` are the clause's own triggers and its anchor: what modifies only a phrase
    inside the clause ("captured X after a months-long battle") does not make the clause background."""
    tokens, lowers = ctx.tokens, ctx.lowers
    for i in heads:
        t = tokens[i]
        for c in t.children:
            low = c.lower_
            if c.dep_ == "amod" and (
                _LONG_SPAN.match(low)
                or (
                    low == "long"
                    and any(g.lemma_.lower() in _LONG_UNITS for g in c.children if g.dep_ == "npadvmod")
                )
            ):
                return "an event lasting months or years (background)"
        if (
            t.pos_ in ("NOUN", "VERB")
            and t.dep_ == "pobj"
            and t.head.lower_ == "of"
            and t.head.head.lower_ in _DURATIONS
        ):
            return "an event lasting days or more (background)"  # "described days of relentless shelling"
        if t.dep_ in ("pcomp", "pobj") and t.head.lower_ == "since":
            return "since-clause (background)"  # "has targeted the ports since pulling out of the deal"
        if t.dep_ == "pcomp" and t.head.lower_ in ("after", "before") and t.head.i > 0:
            lapse = tokens[t.head.i - 1]
            if lapse.dep_ == "npadvmod" and lapse.lemma_.lower() in _LAPSE_UNITS:
                return "the starting point of a lapse of time (background)"
        role = _role_of_someone(t)
        if role:
            return role
    # a nominal trigger's verb governs it ("have been pressing an offensive since May 1")
    scope = set(domain)
    for h in heads:
        tok = tokens[h]
        if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("dobj", "nsubj", "nsubjpass") and tok.head.i != h:
            scope |= {c.i for c in tok.head.children} | {tok.head.i}
        elif tok.dep_ == "pobj" and tok.head.lower_ == "under" and tok.head.head.i != tok.head.i:
            verb = tok.head.head  # "has come under fire since ...": the verb the fire is under
            scope |= {c.i for c in verb.children} | {verb.i}
            scope |= {g.i for c in verb.children if c.dep_ == "advcl" for g in c.children if g.dep_ == "mark"}
    for i in sorted(scope):
        low = lowers[i]
        t = tokens[i]
        if low in _HABITUAL_ADVERBS and t.dep_ == "advmod" and t.head.i in scope and _present(t.head):
            return f"habitual ({t.text})"
        if low != "since":
            continue
        if t.dep_ == "mark":
            return "since-clause (background)"
        verb = next((a for a in t.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if (
            t.dep_ != "prep"
            or verb is None
            or not any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
        ):
            continue
        phrase = [x for x in t.subtree if x.i != t.i]
        if not phrase or any(x.lemma_.lower() in _RECENT_SINCE for x in phrase):
            continue
        start, end = phrase[0].idx, phrase[-1].idx + len(phrase[-1])
        dated = [m for m in ctx.dates_in(index) if m.start < end and start < m.end]
        if dated and all(_recent_start(m, ctx.document.published) for m in dated):
            continue
        return "a state lasting since long ago"
    return None


# what a person or a place is said to do or serve for, with attacks as the object: a role, not an incident
_ROLE_VERBS = frozenset(
    "direct coordinate plan orchestrate organize organise facilitate mastermind finance fund stage launch "
    "conduct lead".split()
)
# (organising attacks tells of the organiser, in any tense; carrying them out is an incident when told in the past)
_ORGANISING_VERBS = frozenset(
    "plan coordinate orchestrate organize organise facilitate mastermind finance fund direct".split()
)
_ORGANISING_NOUNS = frozenset(
    "planning execution coordination organisation organization facilitation financing funding direction "
    "orchestration preparation".split()
)
_SAID_TO_BE = frozenset("believe suspect accuse think know say allege report".split())


def _under_responsibility(t: Token) -> bool:
    """Is a word told inside what someone "was responsible for" doing ("The leader was responsible for
    coordinating attacks ... and for acquiring weapons and IED materials")? The gerunds and their objects under
    the "for" of a predicative "responsible" are a role, not an incident."""
    for a in list(t.ancestors)[:8]:
        if a.lower_ != "for":
            continue
        owner = a.head
        if owner.lower_ != "responsible":
            # "was responsible for X and for Y": the second "for" hangs on the copula
            owner = next(
                (c for c in owner.children if c.dep_ == "acomp" and c.lower_ == "responsible"), owner
            )
        if owner.lower_ == "responsible" and owner.dep_ == "acomp":
            # "for acquiring weapons", "for planning ambushes" (the gerund read as a noun too)
            return (t.dep_ == "pobj" and t.head.i == a.i) or any(
                x.tag_ == "VBG" for x in a.subtree if x.i != t.i
            )
    return False


def _role_of_someone(t: Token) -> str | None:
    """Plural attacks told as what someone does or is for, not as an incident: "a Taliban leader who directs
    IED attacks against Afghan forces", "villages used by insurgents to stage attacks", "is believed to have
    coordinated attacks in the district", "a network responsible for attacks on checkpoints"."""
    if t.dep_ == "compound" and t.head.i != t.i:
        t = t.head  # "IED attacks"
    bare_plural = t.pos_ == "NOUN" and t.tag_ == "NNS" and not any(c.dep_ == "det" for c in t.children)
    first = t
    while first.dep_ == "conj" and first.head.i != first.i and first.head.pos_ == "NOUN":
        first = first.head  # "the kidnapping and murder of officials"
    if (
        first.pos_ == "NOUN"
        and first.dep_ == "pobj"
        and first.head.lower_ == "for"
        and first.head.head.lower_ == "responsible"
        # "he was responsible for the kidnapping of X", "a network responsible for attacks on checkpoints"
        and (first.head.head.dep_ == "acomp" or bare_plural)
    ):
        return "what someone is responsible for (a role)"
    if _under_responsibility(t):
        # "responsible for coordinating attacks ... and for acquiring weapons and IED materials"
        return "what someone is responsible for (a role)"
    if not bare_plural:
        return None
    if any(
        c.dep_ == "amod" and c.tag_ == "VBN" and c.lemma_.lower() in _ORGANISING_VERBS for c in t.children
    ):
        return "attacks someone planned (a role)"  # "coordinated weapons transfers and planned attacks"
    while t.dep_ == "conj" and t.head.i != t.i and t.head.pos_ == "NOUN":
        t = t.head  # "directs the transfers and attacks": the first of the objects
    head = t.head
    if (
        t.dep_ == "dobj"
        and head.lemma_.lower() == "have"
        and head.dep_ == "xcomp"
        and head.head.lemma_.lower() in _SAID_TO_BE
        and any(c.dep_ == "amod" and c.lemma_.lower() in _ROLE_VERBS for c in t.children)
    ):
        return "what someone is said to have done (a role)"  # "believed to have coordinated attacks"
    if t.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in _ORGANISING_NOUNS:
        return "the organising of attacks (a role)"  # "the planning and execution of attacks against ISAF"
    if t.dep_ != "dobj" or head.lemma_.lower() not in _ROLE_VERBS:
        return None
    if head.lemma_.lower() in _ORGANISING_VERBS:
        return "attacks someone organised (a role)"  # "the leader planned attacks on coalition forces"
    if head.tag_ in ("VBZ", "VBP"):
        return "what someone habitually does (a role)"  # "a leader who directs attacks", "he leads attacks"
    aux = [c for c in head.children if c.dep_ == "aux"]
    if head.tag_ == "VB" and any(c.lower_ == "to" for c in aux) and head.dep_ in ("advcl", "xcomp"):
        governor = head.head
        if governor.lemma_.lower() == "use" or (
            governor.lemma_.lower() in _SAID_TO_BE and governor.tag_ == "VBN"
        ):
            return "what someone or something is for (a role)"
    if head.tag_ == "VBN" and any(c.lemma_ == "have" for c in aux) and any(c.lower_ == "to" for c in aux):
        governor = head.head
        if governor.lemma_.lower() in _SAID_TO_BE:
            return "what someone is said to have done (a role)"
    return None


def _recent_start(mention: dates_stage.DateMention, published: date | None) -> bool:
    """Does a time expression start in the week before publication ("since Monday")?"""
    start = mention.span.start
    if start is None or published is None:
        return not mention.past_background
    return (published - start).days <= 7


_STORY_PLACE_NOUNS = frozenset("city town village settlement capital region oblast province district".split())


def _part_of_story_place(doc: Doc, start: int) -> bool:
    """A place named as a part of the place told before ("the city's Kyivskyi district", "the region's
    Shostka district"): the event is at that earlier place, whatever else the part's name may mean."""
    if start < 3:
        return False
    return (
        doc[start - 1].lower_ in ("'s", "’s")
        and doc[start - 2].lower_ in _STORY_PLACE_NOUNS
        and doc[start - 3].lower_ in ("the", "this", "that")
    )


_LAUNCH_VERBS = frozenset("launch fire shell strike attack shoot".split())
# verbs of crossing a border: the place "from" names is where they came from ("infiltrate from Pakistani
# territory into Kupwara", "smuggle narcotics from Syrian territory into the Kingdom")
_CROSSING_VERBS = frozenset("infiltrate smuggle cross sneak intrude".split())
# nouns of fire that take the launch site after "from" ("a drone attack from Russian territory", "shelling from
# the Belgorod region", "came under fire from Russia")
_FIRE_NOUNS = frozenset("attack strike airstrike shelling fire bombardment barrage salvo launch".split())


def _destination(ctx: DocContext, toks: set[int]) -> bool:
    """Is a place where forces withdrew to ("had withdrawn to Donetsk") or civilians were taken to ("taken to
    Voronezh")? A withdrawal gives up, and an evacuation empties, the place left, which the story tells (ACLED
    codes the event there)."""
    for i in toks:
        t = ctx.tokens[i]
        if t.head.i in toks:
            continue
        for _ in range(4):  # "to the regional capital Belgorod", "to Kharkiv and to Poltava"
            head = t.head
            if head.lower_ in ("to", "towards", "toward") and head.dep_ in ("prep", "conj"):
                return True
            if t.dep_ not in ("appos", "compound", "conj", "pobj") or head.i == t.i:
                return False
            t = head
        return False
    return False


# what may stand between the places of a chain of units ("Myeik town, Myeik township, Myeik district, Tanintharyi
# Region"): separators and the nouns of settlements and administrative units
# the nouns of settlements and administrative units the place finder knows ("town", "township", "district",
# "region", "hromada" ...), in one alternation
_UNIT_WORDS = "|".join(
    re.escape(w)
    for w in sorted(
        {*SETTLEMENT_NOUNS, *TOWNSHIP_NOUNS, *DISTRICT_NOUNS, *REGION_NOUNS, *COMMUNITY_NOUNS}, key=len
    )[::-1]
)
_CHAIN_GAP = re.compile(
    rf"^[\s,()]*(?:(?:village[ -]tract|{_UNIT_WORDS}"
    r"|\(coded as [^()]{1,40}\))[\s,()]*)*$",  # an aside of the coder: "(coded as Yesagyo)"
    re.IGNORECASE,
)
# the units of a chain in brackets that the gazetteer does not know, named without a unit noun: "Nekemte (East
# Wellega, Oromia)", "Zzyx (Lay Gayint, South Gondar, Amhara)"
_UNKNOWN_UNITS_GAP = re.compile(rf"^\s*\((?:\s*(?:[A-Z][\w'’-]*|(?i:{_UNIT_WORDS}))[\s,]*)+$")


def chain_before(text: str, usable: list, qualifier) -> list:
    """The places a region named as a qualifier closes ("in Myeik town, Myeik township, Myeik district,
    Tanintharyi Region"): the mentions just before it, each separated from the next only by commas, brackets
    and unit nouns. A clause that reaches the region reaches the place the chain names."""
    before = sorted(
        (u for u in usable if u[0].end <= qualifier.start), key=lambda u: u[0].start, reverse=True
    )
    out: list = []
    edge = qualifier.start
    for u in before:
        gap = text[u[0].end : edge]
        if len(gap) > 40 or not (_CHAIN_GAP.match(gap) or _UNKNOWN_UNITS_GAP.match(gap)):
            break
        out.append(u)
        edge = u[0].start
    return out


_DESCRIBED_PLACES = frozenset("city town village port settlement capital hub".split())


def _describes_the_named_place(root: Token) -> bool:
    """Is a place name a modifier of "the city of X" ("the Black Sea city of Odesa", "the Donbas town of
    Bakhmut")? X, named after it, is the place."""
    head = root.head
    if root.dep_ not in ("compound", "amod", "nmod") or lemma_of(head) not in _DESCRIBED_PLACES:
        return False
    return any(
        c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" for g in c.children)
        for c in head.children
    )


_AXIS_NOUNS = frozenset("direction axis sector front".split())


def _names_an_axis(ctx: DocContext, last: int) -> bool:
    """Is a place name the name of a front's axis ("the Pokrovsk direction", "the Kherson axis")?"""
    nxt = last + 1
    return nxt < len(ctx.tokens) and ctx.lemma(nxt) in _AXIS_NOUNS


# "the Gusau-Funtua road", "the Kabul–Jalalabad highway": two places joined before a road's noun
_ROAD_AFTER = re.compile(
    r"\s*[-–—]\s*[A-Z][\w'’]*(?:[ -][A-Z][\w'’]*)?\s+(?:road|highway|motorway|route|expressway)\b"
)
_ROAD_END = re.compile(r"\s+(?:road|highway|motorway|route|expressway)\b")
_JOINED_BEFORE = re.compile(r"[-–—]\s*$")


def _names_a_road_end(ctx: DocContext, start: int, end: int) -> bool:
    """Is a place name one end of a road's name ("along the Gusau-Funtua road")? The road runs between the two;
    a unit or a place the sentence names beside it ("in Tsafe LGA") says where on it the event was."""
    text = ctx.text
    if _ROAD_AFTER.match(text, end):
        return True
    return bool(_JOINED_BEFORE.search(text[max(0, start - 3) : start])) and bool(_ROAD_END.match(text, end))


def _origin_of_fire(ctx: DocContext, root: Token) -> bool:
    """Is a place where weapons were launched or fired from ("drones launched from the Kursk region", "shelled
    from the territory of Russia"), or where infiltrators came from? ACLED places a strike where it lands, never at
    its launch site, and a crossing where it was met."""
    t = root
    for _ in range(3):  # "from the X area", "from the territory of X"
        if t.dep_ == "pobj" and t.head.lower_ == "from":
            verb = t.head.head
            if verb.pos_ == "VERB":
                if ctx.lemma(verb.i) in _LAUNCH_VERBS or ctx.lemma(verb.i) in _CROSSING_VERBS:
                    return True
                if verb.dep_ == "conj" and ctx.lemma(verb.head.i) in _CROSSING_VERBS:
                    return True  # "an attempt to infiltrate and smuggle narcotics from Syrian territory"
                # "came under (a drone attack|fire) from X": the fire's origin, whichever word "from" hangs on
                return ctx.lemma(verb.i) == "come" and any(
                    c.lower_ == "under"
                    and any(g.dep_ == "pobj" and ctx.lemma(g.i) in _FIRE_NOUNS for g in c.children)
                    for c in verb.children
                )
            if verb.pos_ == "NOUN" and ctx.lemma(verb.i) in _FIRE_NOUNS:
                return True
            # (the goods smuggled from there: "smuggle large quantities of narcotics from Syrian territory")
            goods = verb
            for _ in range(3):
                if goods.dep_ not in ("dobj", "pobj", "prep", "conj") or goods.head.i == goods.i:
                    return False
                goods = goods.head
                if goods.pos_ == "VERB":
                    return ctx.lemma(goods.i) in _CROSSING_VERBS or (
                        goods.dep_ == "conj" and ctx.lemma(goods.head.i) in _CROSSING_VERBS
                    )
            return False
        if t.dep_ not in ("pobj", "compound", "prep", "nmod", "amod") or t.head.i == t.i:
            return False
        t = t.head
    return False


_TREATMENT_PLACES = frozenset("hospital clinic morgue infirmary hospice".split())
_TREATMENT_VERBS = frozenset(
    "die succumb treat admit take rush evacuate transfer bring airlift fly hospitalise hospitalize receive "
    "recover transport move".split()
)


def _place_of_treatment(ctx: DocContext, root: Token) -> bool:
    """Is a place where the wounded were treated or died ("one of whom later died at the military hospital in
    Damaturu", "were taken to a hospital in Kramatorsk")? The event is where they were hurt; a hospital the event
    struck ("a missile hit a hospital in Kharkiv") is where it struck."""
    if root.dep_ != "pobj" or root.head.lower_ not in ("in", "at", "of"):
        return False
    hospital = root.head.head
    if ctx.lemma(hospital.i) not in _TREATMENT_PLACES or hospital.dep_ != "pobj":
        return False
    verb = hospital.head.head  # "died at the hospital", "taken to a hospital"
    return hospital.head.lower_ in ("at", "to", "in") and ctx.lemma(verb.i) in _TREATMENT_VERBS


def _evaluative(strong: list[Trigger]) -> str | None:
    """ "It was the deadliest attack on the city this year", "This is the largest strike since the war began":
    a judgement of an event told before, not another event."""
    if not strong or not all(t.nominal for t in strong):
        return None
    for trig in strong:
        tok = trig.token
        if tok.dep_ != "attr" or tok.head.lemma_ != "be":
            return None
        subject = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.lower_ not in ("it", "this", "that"):
            return None
    return "a judgement of an event told before"


def _present(verb: Token) -> bool:
    """Is a verb in the present or the present perfect ("is targeted", "has been hit", "shell")? A past
    tense ("repeatedly shelled X on Monday") tells what happened on those days."""
    if verb.tag_ in ("VBZ", "VBP"):
        return True
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP") for c in verb.children)


def _text_place_area(
    mentions: list[places_stage.PlaceMention],
) -> tuple[str | None, str | None, frozenset[str]]:
    """The country the text's places lie in (the most named one), the first-level region every named
    settlement and region lies in when there is exactly one such region and one country, and every country."""
    named = [m for m in mentions if m.location is not None and m.location.country and not m.metonymy]
    # settlements and regions say where the story is; a country's name also stands for its side ("Ukraine's top
    # commander") and counts only when the text names nothing smaller
    located = [m.location for m in named if m.kind != "country"] or [m.location for m in named]
    if not located:
        return None, None, frozenset()
    countries = Counter(loc.country for loc in located)
    regions = {loc.admin1_code for loc in located if loc.admin1_code}
    region = next(iter(regions)) if len(regions) == 1 and len(countries) == 1 else None
    return countries.most_common(1)[0][0], region, frozenset(c for c in countries if c)


_GOES_ON_SUBJECTS = frozenset({"they", "he", "she", "it", "we"})


# the words that open the telling of another incident: "Meanwhile, four terrorists ... were neutralised",
# "In a separate incident, ...", "Elsewhere, ..."
_ANOTHER_INCIDENT = re.compile(
    r"^\W*(?:meanwhile|separately|elsewhere|"
    r"in\s+(?:a|another)\s+(?:separate\s+|similar\s+|different\s+|second\s+)?"
    r"(?:incident|development|operation|attack|raid|encounter|engagement|case)|"
    r"in\s+an\s+(?:unrelated|earlier|other)\s+(?:incident|development|operation)|"
    r"in\s+other\s+(?:news|developments|incidents|operations))\b",
    re.I,
)


def opens_another_incident(ctx: DocContext, index: int) -> bool:
    """Whether a sentence opens with the words of another incident ("Meanwhile, ...", "In a separate
    incident, ..."): it goes on with no story told before, neither its place nor its dead."""
    return bool(_ANOTHER_INCIDENT.match(ctx.sentence_text(index)))


def story_paragraph(ctx: DocContext, index: int) -> int:
    """The paragraph whose story a sentence continues: its own, or, for a paragraph that opens by going on with
    the same actors ("The security force also found and destroyed a cache", "They also detained two men": a
    definite or pronoun subject and "also" on the main verb, as press releases put each sentence in a
    paragraph of its own), the paragraph before."""
    par = ctx.paragraph_of[index]
    if par == 0 or (index > 0 and ctx.paragraph_of[index - 1] == par):
        return par
    sent = ctx.sentences[index]
    root = sent.root
    if not any(t.lower_ == "also" and t.dep_ == "advmod" and t.head.i == root.i for t in sent):
        return par
    subjects = [t for t in root.children if t.dep_ in ("nsubj", "nsubjpass")]
    if not subjects:
        return par
    subj = subjects[0]
    definite = subj.lower_ in _GOES_ON_SUBJECTS or any(
        t.dep_ == "det" and t.lower_ in ("the", "this", "that", "these", "those") for t in subj.children
    )
    return ctx.paragraph_of[index - 1] if definite and index > 0 else par


def _story_place(ctx: DocContext, index: int) -> Location | None:
    """The place the story of a sentence's paragraph is told at: the place of the last event an earlier
    sentence of the paragraph placed, else the last place an earlier sentence of it names (for a paragraph
    that goes on with the story before, that story's)."""
    par = story_paragraph(ctx, index)
    known = ctx.story_places.get(par)
    if known is not None:
        return known
    for j in range(index - 1, -1, -1):
        if ctx.paragraph_of[j] != par and ctx.paragraph_of[j] != ctx.paragraph_of[index]:
            break
        named = [
            m
            for m in ctx.places_by_sentence.get(j, [])
            if m.location is not None
            and not m.metonymy
            and m.kind in ("settlement", "region")
            and m.start not in ctx.treatment_places
        ]
        if named:
            return _most_specific(named)[0].location
    return None


_OWN_GROUND_KINDS = frozenset(
    {"interception", "arrest", "protest", "protest_force", "riot", "political", "agreement", "group_change"}
    | {"shootdown", "air_combat"}  # an aircraft is downed over the ground of the side whose defences fire
)


def _target_country(ctx: DocContext, c: Candidate) -> str | None:
    """The country of the side an event is done to (strikes and battles happen on the target's side, so the
    attacker's nationality is never the place); an interception, an arrest or a protest happens on the
    acting side's own ground."""
    if c.kind in _OWN_GROUND_KINDS:
        return c.actor1.country if c.actor1 else None
    if c.actor2 is not None and c.actor2.country and not getattr(c, "_war_actor2", False):
        return c.actor2.country
    return getattr(c, "_victim_country", None) or ctx.opponent(c.actor1.country if c.actor1 else None)


def _np_nationality(token: Token | None) -> str | None:
    """The country a noun phrase's modifier names ("Ukrainian positions", "a Russian oil depot", "Ukraine's
    ports")."""
    if token is None:
        return None
    for c in token.children:
        if c.dep_ in ("amod", "compound", "poss", "nmod"):
            low = c.lower_
            code = DEMONYMS.get(low) or (COUNTRY_ACTORS.get(low) if c.pos_ == "PROPN" else None)
            if code:
                return code
    return None


def _fallback_location(ctx: DocContext, c: Candidate) -> Location | None:
    """Where an event goes when its text names no place of its own and its paragraph's story has none either:
    a state's political act in its country; else the region, or the country, the text's places lie in (the
    target's side when the places lie in several); else, when the text names no place at all, the city of its
    dateline ("KABUL, Afghanistan (AP) -"); else the target side's country; else the country of a state's forces
    outside the Russia-Ukraine war; else nowhere (no coordinates: a wrong country is worse than none)."""
    if c.actor1 is not None and c.actor1.country and c.kind in ("political", "agreement"):
        return places_stage.country_location(c.actor1.country)
    # violence, where the story is (not an interception: air defence works over regions, not one town)
    sole = _sole_settlement(ctx) if c.kind in _STORY_KINDS and c.kind != "interception" else None
    if sole is not None:
        return sole
    if ctx.place_region:
        region = places_stage.region_location(ctx.place_region)
        if region is not None:
            return region
    target = _target_country(ctx, c)
    if ctx.place_country:
        country = target if target in ctx.place_countries else ctx.place_country
        return places_stage.country_location(country)
    if ctx.dateline_place is not None and not ctx.place_countries:
        return ctx.dateline_place
    if target:
        return places_stage.country_location(target)
    home = c.actor1.country if c.actor1 is not None and c.actor1.kind in ("military", "police") else None
    if home and home not in WAR_COUNTRIES and c.typing.sub_event_type != "Air/drone strike":
        # "Malian forces struck jihadist positions near an unknown village": a state's forces at home (not the
        # forces of the Russia-Ukraine war, who strike across the front, nor a state's aircraft, which strike
        # abroad as often: "Israeli jets struck targets of Hezbollah")
        return places_stage.country_location(home)
    return None


def _sole_settlement(ctx: DocContext) -> Location | None:
    """The one settlement of its main country a text names, however often ("Russia launched a missile strike on
    Odesa ... A direct hit destroyed the cathedral's altar"): a story told of one town is at that town. None
    when the text names two or more (then the region or the country they lie in stands)."""
    if "_sole_settlement" not in ctx.__dict__:
        found = {
            m.location.gazetteer_id: m.location
            for mentions in ctx.places_by_sentence.values()
            for m in mentions
            if m.location is not None
            and not m.metonymy
            and m.kind == "settlement"
            and m.location.country == ctx.place_country
        }
        ctx.__dict__["_sole_settlement"] = next(iter(found.values())) if len(found) == 1 else None
    return ctx.__dict__["_sole_settlement"]


def dateline_place(text: str) -> Location | None:
    """The city a document's dateline names ("KABUL, Afghanistan (AP) -"), in the country its qualifier names
    when it names one, at precision 2 (the report was filed there: its events lie there or near); None when the
    document has no dateline or the gazetteer does not know the city."""
    dateline = read_dateline(text)
    if dateline is None or dateline.place is None:
        return None
    country = COUNTRY_ACTORS.get(dateline.qualifier.lower()) if dateline.qualifier else None
    found = places_stage.filing_city(dateline.place, country=country)
    if found is None:
        log.debug("dateline %r: no such place in the gazetteer", dateline.place)
        return None
    if found.geo_precision == 1:
        found = found.model_copy(update={"geo_precision": 2})
    return found


def _home_country(ctx: DocContext, cand: Candidate) -> str | None:
    """The country an unqualified official speaks for: the country of the document's focus."""
    return ctx.focus_country


def _relative_antecedent(token: Token) -> set[int] | None:
    """For an event told in a relative clause ('the region where forces advanced', 'a village Kyiv retook'),
    the tokens of the noun phrase it describes (following appositions)."""
    t = token
    for _ in range(3):
        if t.dep_ in ("relcl", "acl", "appos") and t.head.i != t.i:
            head = t.head
            toks = {x.i for x in head.subtree if x.i not in {y.i for y in t.subtree}}
            # "one of only a handful settlements Kyiv retook": walk to the noun the apposition renames
            if head.dep_ in ("appos", "npadvmod", "pobj", "attr") or head.pos_ == "NUM":
                toks |= {head.head.i} | {x.i for x in head.head.children if x.dep_ in ("dobj", "pobj")}
                for x in head.head.children:
                    if x.dep_ == "dobj":
                        toks |= {y.i for y in x.subtree}
            return toks
        if t.head.i == t.i:
            break
        t = t.head
    return None


def _most_specific(mentions: list) -> list:
    """Drop places that contain another place of the list (country > region > settlement)."""
    out = []
    for m in mentions:
        loc = m.location
        contained = False
        for other in mentions:
            if other is m or other.location is None:
                continue
            o = other.location
            if loc.gazetteer_id and loc.gazetteer_id == o.gazetteer_id:
                if other.start < m.start:
                    contained = True  # the same place twice: keep the first
                continue
            # a vague area ("in the east", "the front line") is read at its country's or its region's level
            kind = m.kind if m.kind != "area" else ("country" if loc.admin1_code is None else "region")
            if (
                (kind == "country" and other.kind not in ("country", "area") and o.country == loc.country)
                or (
                    m.kind == "area"
                    and kind == "region"
                    and other.kind != "area"
                    and o.admin1_code == loc.admin1_code
                    and (o.geo_precision or 3) < 3
                )
                or (
                    m.kind == "region"
                    and other.kind == "settlement"
                    and o.admin1_code
                    and o.admin1_code == loc.admin1_code
                )
                or (m.kind == "region" and other.kind == "region" and places_stage.unit_contains(loc, o))
                or (
                    # a named area over several regions ("the occupied West Bank", "Donbas") and a settlement of
                    # its country the sentence names: the settlement ("near Tulkarm")
                    m.kind == "region"
                    and (loc.gazetteer_id or "").startswith("area:")
                    and loc.admin1_code is None
                    and other.kind == "settlement"
                    and o.country == loc.country
                )
            ):
                contained = True
        if not contained:
            out.append(m)
    return out


_JOINS = re.compile(r"\b(and|as well as|while|plus)\b|;")
_LIST_GOES_ON = re.compile(
    r"\s*,?\s*(?:and|or|as well as)\s+(?:\w+\s+)?(?:other|others|more|several|many|nearby|surrounding)\b"
    r"|\s*,?\s*(?:etc\b|among others\b)",
    re.IGNORECASE,
)


def _coordinated_groups(text: str, mentions: list) -> list[list]:
    """Places joined by 'and' / 'as well as' are separate events, and so are the members of a list of places
    of one kind ("over the Belgorod, Kursk and Bryansk regions"); other places refine the first one
    ("Kupiansk, Kharkiv": the settlement and its region)."""
    if len(mentions) <= 1:
        return [mentions] if mentions else []
    gaps = [text[a.end : b.start].lower() for a, b in itertools.pairwise(mentions)]
    joined = [bool(_JOINS.search(g)) and len(g) < 120 for g in gaps]
    # "killed five: 2 in Pokrovsk, 1 in Kostiantynivka and 1 in Toretsk": a list of places with their counts
    joined = [j or bool(_COUNTED_GAP.match(g)) for j, g in zip(joined, gaps, strict=True)]
    for n, gap in enumerate(gaps):
        if gap.strip() != "," or joined[n]:
            continue
        # "A, B and C": a comma of a run of places of one kind that ends in "and" lists them
        k = n
        while k < len(gaps) and gaps[k].strip() == ",":
            k += 1
        run = mentions[n : k + 2]
        # "Kupiansk, Vovchansk, Kozacha Lopan and other settlements": a run that goes on in words lists too
        ends = (k < len(gaps) and joined[k] and len(gaps[k]) < 12) or (
            k == len(gaps) and bool(_LIST_GOES_ON.match(text, mentions[-1].end))
        )
        if (
            ends
            and len({m.kind for m in run}) == 1
            and not any(_names_region_of(b, a) for a, b in itertools.pairwise(run))
        ):
            joined[n] = True
    groups = [[mentions[0]]]
    for n, cur in enumerate(mentions[1:]):
        if joined[n]:
            groups.append([cur])
        else:
            groups[-1].append(cur)
    return groups


# "2 in Pokrovsk, 1 near Toretsk", and drones downed region by region: "14 over the Bryansk region, 10 over the
# Kursk region"
_COUNTED_GAP = re.compile(
    r"^\s*[,;]\s*(?:\d+|[a-z]+)\s+(?:[a-z]+\s+)?(?:in|near|at|over)\s+(?:the\s+)?(?:territory\s+of\s+the\s+)?$"
)
# a count, up to three words ("people were killed"), and the preposition before the place
_COUNT_WORD = re.compile(r"(?:^|(?<=[\s:,;(]))(\d+|[a-z]+)")
_COUNT_TO_PLACE = re.compile(
    r"\s+(?:[a-z]+\s+){0,3}(?:in|near|at|over)\s+(?:the\s+)?(?:territory\s+of\s+the\s+)?$"
)


def _place_counts(text: str, mentions: list) -> list[int | None]:
    """The count written before each place of a list ("2 in Pokrovsk, 1 in Kostiantynivka", "two people were
    killed in Zhytomyr region and one in Dnipro"), else None."""
    out: list[int | None] = []
    for m in mentions:
        window = text[max(0, m.start - 40) : m.start].lower()
        count = None
        for hit in _COUNT_WORD.finditer(window):
            n = numbers_stage.parse_number(hit.group(1))
            if n is not None and _COUNT_TO_PLACE.match(window, hit.end()):
                count = n
                break
        out.append(count)
    return out


def _place_from_sentence(ctx: DocContext, index: int, c: Candidate) -> None:
    """A note's label made the event ("Looting: ... near Melitopol, Zaporizhia and 'confiscated' the aid"): it
    happened at the most specific place of the sentence the label introduces, unless placed more precisely."""
    mentions = [
        m
        for m in ctx.places_by_sentence.get(index, [])
        if m.location is not None and not m.metonymy and not m.affiliation
    ]
    if not mentions:
        return
    best = _most_specific(mentions)[0]
    if c.location is None or (c.location.geo_precision or 3) > (best.location.geo_precision or 3):
        c.location, c.place_text, c.place_start = best.location, best.text, best.start


def _names_region_of(qualifier, place) -> bool:
    """Does a place name after a comma name the region of the place before it ("Kupiansk, Kharkiv")?"""
    admin1 = place.location.admin1 if place.location is not None else None
    return bool(admin1) and admin1.lower().startswith(qualifier.text.lower()[:5])


def _copy(cand: Candidate) -> Candidate:
    from copy import copy

    c = copy(cand)
    c.quantities = list(cand.quantities)
    c.weapons = list(cand.weapons)
    c.evidence = list(cand.evidence)
    return c


def _nearest_place(offset: int, cand: Candidate) -> bool:
    """Is this candidate's place the one a mention at ``offset`` belongs to (the next place after it, else
    the last one before it)?"""
    starts = sorted(s for s in cand._place_order if s is not None)  # type: ignore[attr-defined]
    after = [s for s in starts if s >= offset]
    owner = after[0] if after else (starts[-1] if starts else None)
    return owner == cand.place_start


def _weapon_near_place(doc: Doc, weapon: str, cand: Candidate) -> bool:
    pos = None
    for i in sorted(cand.domain):
        t = doc[i]
        if t.text == weapon or lemma_of(t) == weapon.lower() or t.text.startswith(weapon):
            pos = t.idx
            break
    return True if pos is None else _nearest_place(pos, cand)


def _best_date(mentions: list):
    return min(mentions, key=lambda m: (0 if m.span.resolved else 1, m.span.precision, m.start))


def _victims_described(cand: Candidate) -> set[int]:
    """The words of the people a casualty participle describes ("reports of a woman injured by shelling", "a
    man killed by a mine"): who was hurt is the noun the participle hangs on."""
    out: set[int] = set()
    for trig in cand.triggers:
        tok = trig.token
        if (
            trig.kind in ("kill", "wound")
            and tok.dep_ in ("acl", "amod")
            and tok.head.pos_ in ("NOUN", "NUM")
        ):
            head = tok.head
            out.add(head.i)
            out.update(c.i for c in head.children if c.dep_ in ("det", "nummod", "amod") and c.i < head.i)
    return out


# verbs of receiving wounds or care for them, above which a casualty is told: "admitted with wounds sustained when"
_WOUND_VERBS = frozenset("sustain suffer receive admit treat".split())


def _casualties_told_after(ctx: DocContext, index: int, told_last: tuple[int, list[Candidate]]) -> bool:
    """ "A drone attacked a car in Kozinka. The driver died at the scene.": a sentence that tells no event,
    only that people died or were taken to hospital, right after the sentence that told one (in its paragraph,
    or opening the next), tells that event's dead and wounded. Not when it is dated apart from the event
    ("Over 300 civilians have died since February"), or when the sentence before told several events. Whether
    the figures went to the event."""
    last, found = told_last
    if index != last + 1:
        return False
    if ctx.paragraph_of[index] != ctx.paragraph_of[last]:
        opening = index == 0 or ctx.paragraph_of[index - 1] != ctx.paragraph_of[index]
        if not opening or ctx.paragraph_of[index] - ctx.paragraph_of[last] > 1:
            return False
    text = ctx.sentence_text(index)
    coded = bool(_CODED_FIGURE.search(text))
    if not coded and not _DYING_WORDS.search(text):
        return False
    cas = numbers_stage.find_casualties(text)
    if cas.fatalities is None and cas.injuries is None:
        return False
    story = [c for c in found if c.kind in _STORY_KINDS and not c.background]
    if len(story) > 1:
        # (a toll told beside the event it belongs to: "In the attack, carried out with landmines, nine soldiers
        # were killed": one event)
        story = [c for c in story if c.kind not in ("kill", "wound")] or story
    if len(story) != 1 or ctx.dates_in(index):
        return False  # which event the dead belong to is not said; or they are dated apart
    event = story[0]
    more = bool(_MORE_WORDS.search(text))
    if coded and cas.fatalities is not None:
        event.fatalities = (
            cas.fatalities
        )  # the figure the coder settled on is the event's, whatever was counted
    else:
        _add_the_dead(event, cas.fatalities, side_of_the_dead(text, cas), more)
    event.injuries = _add_count(event.injuries, cas.injuries, more)
    sent = ctx.sentences[index]
    if (sent.start_char, sent.end_char) not in event.evidence:
        event.evidence.append((sent.start_char, sent.end_char))
    return True


# ACLED's coder's figure for the event: "Fatalities coded as 10" (where reports give none, or differ)
_CODED_FIGURE = re.compile(
    r"\bfatalit(?:y|ies)\s+(?:(?:were|was|are|is|have\s+been|has\s+been)\s+)?coded\b", re.I
)

# the verbs that tell casualties without an event (killing and wounding are events of their own)
_DYING_WORDS = re.compile(
    rf"\b(?:died|dies|{DEATH_IDIOMS}|hospitali[sz]ed|(?:taken|rushed|brought|admitted)\s+to\s+"
    r"(?:a\s+|the\s+)?hospital|admitted\b|"
    # ("the explosion resulted in the death of a soldier and the injury of three others")
    r"(?:deaths?|martyrdom|injur(?:y|ies)|wounding)\s+of\b)",
    re.I,
)


def _dying_clause(cand: Candidate) -> Token | None:
    """The verb of dying or of being taken to hospital whose clause tells an event as its cause ("died after
    Russian shelling", "were hospitalised after a drone attack"): such a verb is no event of its own (it does
    not say what happened), so its figures are the event's."""
    t = cand.trigger
    found = None
    own = t.pos_ in ("VERB", "AUX")  # the event's own verb is passed ("shelling hit his house")
    for _ in range(5):
        head = t.head
        if head.i == t.i:
            break
        t = head
        if t.pos_ in ("VERB", "AUX"):
            lemma = lemma_of(t)
            # ("one soldier embraced shahadat", "three soldiers lost their lives and two others were injured")
            if tells_a_death(t, lemma):
                return t
            if lemma in _WOUND_VERBS:
                # "admitted with shrapnel wounds sustained when shelling hit his house": the clause of the
                # wounds and the one of the admission above it
                found = t
            elif own:
                break
            own = True
    return found


def _domain_text(ctx: DocContext, domain: set[int]) -> str:
    if not domain:
        return ""
    toks = ctx.tokens
    out: list[str] = []
    prev = None
    for i in sorted(domain):
        if prev is not None and i != prev + 1 and out and not toks[prev].is_punct:
            out[-1] = out[-1].rstrip() + "; "  # a gap (an embedded clause left out) ends the phrase
        out.append(toks[i].text_with_ws)
        prev = i
    return "".join(out)


def _add_the_dead(event: Candidate, dead: int | None, side: str | None, more: bool) -> None:
    """Add dead told apart to an event's: told with "also", "another", "more", or of another side than the
    event's ("17 terrorists were neutralised. Two soldiers paid the supreme price."), they are more dead;
    otherwise they may be the same told again (the larger figure stands)."""
    if dead is None:
        return
    if event.fatalities is None:
        event.fatalities, event.dead_side = dead, side
        return
    other = different_sides(event.dead_side, side)
    event.fatalities = _add_count(event.fatalities, dead, more or other)
    if other or side != event.dead_side:
        event.dead_side = None  # the dead of several sides, or of sides unknown


def _add_count(mine: int | None, theirs: int | None, more: bool) -> int | None:
    if theirs is None:
        return mine
    if mine is None:
        return theirs
    return mine + theirs if more else max(mine, theirs)
