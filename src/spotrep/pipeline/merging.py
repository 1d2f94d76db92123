"""One event per incident: candidates that report the same event are merged (one per kind, place and day, as ACLED
codes them); the story's retellings, tallies, denials, transfers, interceptions and return fire are folded in."""

from __future__ import annotations

import logging
import re
from collections.abc import Collection, Iterable
from datetime import date, timedelta
from typing import TYPE_CHECKING

from .. import numbers as numbers_stage
from .. import places as places_stage
from ..actors import (
    make_actor,
)
from ..codebook import repels_an_attack, repels_told_attack, return_fire
from ..event_types import (
    GENERIC_KINDS,
    Typing,
    lemma_of,
    protest_cues,
    protest_typing,
)
from ..gazetteer.translit import name_key as _name_key
from ..gazetteer.world import unit_key
from ..lexicon.triggers import SPEECH_VERBS
from ..lexicon.weapons import WEAPON_WORDS
from ..model import Actor, Location
from ..numbers.sides import different_sides

if TYPE_CHECKING:
    from spacy.tokens import Token

from .common import (
    _CROWD_KINDS,
    _FIRE_KINDS,
    _LEAVING_KINDS,
    _MORE_WORDS,
    _PLACE_UNITS,
    _STORY_KINDS,
)
from .context import (
    Candidate,
    DocContext,
)
from .scene import (
    _add_count,
    _add_the_dead,
    _fallback_location,
    opens_another_incident,
)

log = logging.getLogger(__name__)

# ------------------------------------------------------------------------------------------ merging


def _place_key(loc: Location | None) -> tuple:
    if loc is None:
        return ("none",)
    return (loc.gazetteer_id or loc.name, loc.country)


def _describes_a_thing(ctx: DocContext, toks: set[int]) -> bool:
    """Is a time expression part of a description of a thing ("despite a cease-fire agreed in Minsk last
    week")? It dates that thing, not the sentence's other clauses."""
    for i in toks:
        t = ctx.tokens[i]
        if t.head.i in toks:
            continue
        for _ in range(3):
            t = t.head
            if t.pos_ == "VERB":
                # the participle describes a noun named in passing, inside a prepositional phrase (not the
                # operation the clause's event happened in: "during an operation targeting a leader ... yesterday")
                return (
                    t.dep_ in ("acl", "relcl")
                    and t.head.dep_ == "pobj"
                    and ctx.lemma(t.head.i) not in _OPERATION_NOUNS
                )
            if t.head.i == t.i:
                break
        return False
    return False


_OPERATION_NOUNS = frozenset(
    "operation raid mission patrol offensive sweep assault attack strike search clearance ambush".split()
)


def _dates_a_statement(ctx: DocContext, toks: set[int]) -> bool:
    """Is a time expression attached to a speech verb ("said on Monday")?"""
    for i in toks:
        head = ctx.tokens[i].head
        if head.i not in toks:
            if head.lower_ in ("on", "at", "in") and head.head.i != head.i:
                head = head.head
            return head.pos_ == "VERB" and ctx.lemma(head.i) in SPEECH_VERBS
    return False


def _interval(c: Candidate, widen: bool = False) -> tuple[date | None, date | None]:
    if c.span is None or not c.span.resolved:
        return (None, None)
    if getattr(c, "_said_on", False):
        return (c.span.start - timedelta(days=1), c.span.end)
    if c.undated and widen:
        # a headline without a date of its own may announce an event of the past days
        return (c.span.start - timedelta(days=6), c.span.end)
    return (c.span.start, c.span.end)


def _dates_overlap(a: Candidate, b: Candidate, widen: bool = False) -> bool:
    """Do two candidates' days overlap? ``widen``: an undated one may be of the six days before, and one with no
    day at all (a lead or a headline in a report with no date of its own: "The Defence Headquarters says the air
    force has neutralised 27 bandits in Zamfara") of any day."""
    (s1, e1), (s2, e2) = _interval(a, widen), _interval(b, widen)
    if s1 is None or s2 is None:
        return (widen or (s1 is None and s2 is None)) and a.background == b.background
    return s1 <= e2 and s2 <= e1


def _actors_compatible(a: Candidate, b: Candidate) -> bool:
    c1 = a.actor1.country if a.actor1 else None
    c2 = b.actor1.country if b.actor1 else None
    if c1 is None or c2 is None or c1 == c2:
        return True
    if (
        a.actor1 is not None
        and b.actor1 is not None
        and a.actor1.kind == b.actor1.kind == "armed_group"
        and (a.actor1.name.startswith("Unidentified") or b.actor1.name.startswith("Unidentified"))
    ):
        return True  # "Boko Haram terrorists attacked Mozogo. The assailants opened fire on residents": the group

    # a fight and its toll told by the other side ("Russian forces attacked near X" / "Ukrainian forces claimed
    # to have killed 30 Russian soldiers"): one battle, its sides named the other way round
    o1 = a.actor2.country if a.actor2 else None
    o2 = b.actor2.country if b.actor2 else None
    return _toll_of_a_fight(a, b) and o1 in (None, c2) and o2 in (None, c1) and (o1 == c2 or o2 == c1)


def _contains(region: Location | None, place: Location | None) -> bool:
    """Does a region- or country-level location contain a more precise one?"""
    if region is None or place is None or place is region:
        return False
    if _second_level_unit(region):
        # a province or district (at its town, precision 2) holds the places of its name: "Northern Samar" holds
        # Las Navas ("Province of Northern Samar"), "Andar district" its villages
        return (
            place.admin1_code == region.admin1_code
            and place.name != region.name
            and bool(place.admin2)
            and unit_key(place.admin2) == unit_key(region.admin2 or "")
        )
    if region.geo_precision != 3:
        return False
    if region.admin1_code:
        return (place.admin1_code == region.admin1_code and (place.geo_precision or 3) < 3) or (
            place.admin1_code == region.admin1_code and place.name != region.name and place.geo_precision != 3
        )
    return bool(region.country) and place.country == region.country and bool(place.admin1_code)


def _second_level_unit(loc: Location) -> bool:
    """Is a location a second-level unit of the world's gazetteer (an ISO province, a GeoNames district)?"""
    gid = loc.gazetteer_id or ""
    return bool(loc.admin2) and (
        gid.startswith("admin2:") or (gid.startswith("iso:") and loc.geo_precision == 2)
    )


def _only_the_country(place: Location | None, than: Location | None) -> bool:
    """Does a body name only the country of a lead's place ("Ukraine" for Donetsk)? "Accuse Ukraine of shelling"
    does not say where a lead's strike on a city was (a region the body names does: "Ukraine downs drones over
    the south" / "shot down 22 drones over the Mykolaiv region")."""
    return (
        place is not None
        and than is not None
        and not place.admin1_code
        and bool(than.admin1_code)
        and place.country == than.country
    )


def _family(c: Candidate) -> str:
    """The candidate's family for merging: an attack on soldiers (typed an armed clash) is a battle, one with
    the advance or the fighting told beside it ("attacked Ukrainian positions near X and advanced into the
    town")."""
    if c.kind == "attack" and c.typing.sub_event_type == "Armed clash":
        return "battle"
    if c.kind == "explosion" and c.typing.sub_event_type == "Remote explosive/landmine/IED":
        return "explosive"  # "a roadside bomb exploded near X. The blast wounded two soldiers"
    return c.family


def _toll_of_a_fight(a: Candidate, b: Candidate) -> bool:
    """Is one candidate a fight and the other the soldiers one side says it killed or wounded in a fight
    ("Ukrainian forces claimed to have killed 30 Russian soldiers"), typed as an armed clash?"""

    def toll(c: Candidate) -> bool:
        return c.kind in ("kill", "wound") and c.typing.sub_event_type == "Armed clash"

    return (_family(a) == "battle" and toll(b)) or (_family(b) == "battle" and toll(a))


def _fire_inside_a_fight(a: Candidate, b: Candidate) -> bool:
    """Is one candidate a ground battle and the other, told in the same sentence, the fire of the side attacked
    ("Russian forces attacked Ukrainian positions near X; Ukrainian forces destroyed 5 tanks")? Artillery and
    drones used inside a ground battle are part of the battle (ACLED)."""
    if _family(b) == "battle":
        a, b = b, a
    return (
        _family(a) == "battle"
        and b.family == "shelling"
        and a.sent_index == b.sent_index
        and a.actor1 is not None
        and a.actor2 is not None  # a fight between two sides, not an advance alone
        and b.actor1 is not None
        # the side attacked firing back; not the attacker's own strike told twice ("with an artillery attack
        # destroyed two self-propelled guns")
        and b.actor1 == a.actor2
        and b.actor2 in (None, a.actor1)
    )


def _same_toll(a: Candidate, b: Candidate) -> bool:
    """Is one candidate a killing told with the very toll of a violent event ("the air force has neutralised 27
    bandits in Zamfara" / "conducted air strikes on the location; twenty-seven bandits were neutralised")?"""
    if b.kind == "kill":
        a, b = b, a
    return (
        a.kind == "kill"
        and b.kind in _STORY_KINDS
        and a.fatalities is not None
        and a.fatalities >= 2
        and a.fatalities == b.fatalities
        and _actors_compatible(a, b)
    )


def _abduction_in_an_attack(a: Candidate, b: Candidate) -> bool:
    """Is one candidate an abduction told after an attack that killed ("killed at least 124 people ... Many women
    were abducted"), with no day or other actor of its own? An abduction with killings is an attack (ACLED)."""
    if a.kind == "abduction":
        a, b = b, a
    return (
        b.kind == "abduction"
        and a.typing.sub_event_type == "Attack"
        and bool(a.fatalities)
        and (b.undated or a.undated)
        and 0 <= b.paragraph - a.paragraph <= 1
        and (b.actor1 is None or b.actor1 == a.actor1)
    )


def _both_sides_of_a_fight(a: Candidate, b: Candidate) -> bool:
    """Two armed clashes of a place and day told by each side's doing ("Terrorists attacked a checkpoint near
    Rafah. The forces engaged the terrorist elements and killed six of them"): one fight."""
    if not (a.typing.sub_event_type == b.typing.sub_event_type == "Armed clash"):
        return False
    x, y = a.actor1, b.actor1
    return (
        x is not None
        and y is not None
        and x.kind != y.kind
        and (a.actor2 is None or a.actor2.kind == y.kind)
        and (b.actor2 is None or b.actor2.kind == x.kind)
    )


def _same_event(a: Candidate, b: Candidate, widen: bool = False) -> bool:
    return (
        (
            (
                (
                    a.family == b.family
                    # (one side's attack and its advance; an attack and its repelling are resolved as such later)
                    or (
                        _family(a) == _family(b)
                        and (a.actor1 is None or b.actor1 is None or a.actor1 == b.actor1)
                    )
                    or _toll_of_a_fight(a, b)
                )
                # a demonstration is told by its marchers and by the force that dispersed it: one event either way
                and (_actors_compatible(a, b) or a.kind in _CROWD_KINDS)
            )
            or _fire_inside_a_fight(a, b)
            or _both_sides_of_a_fight(a, b)
            or _abduction_in_an_attack(a, b)
            or _same_toll(a, b)
        )
        and _dates_overlap(a, b, widen)
        and a.background == b.background
    )


def _told_days_after(lead: Candidate, c: Candidate) -> bool:
    """Is the lead's day (often the day a toll was given: "the toll rose to 70, officials said Saturday") that of
    event c or one of the six days after it?"""
    if lead.span is None or c.span is None or not (lead.span.resolved and c.span.resolved):
        return False
    return timedelta(0) <= lead.span.end - c.span.start <= timedelta(days=6)


def _fold_retyped(cands: list[Candidate], retyped: list[Candidate]) -> list[Candidate]:
    """A storming typed an attack on civilians only once every actor was known ("RSF fighters stormed the village
    and opened fire on residents") is the attack told before at that place, on those days, by those actors; or
    the attack a headline or lead told without a place the gazetteer knows ("the death toll from a gang attack on
    the town of Pont-Sonde rose to 70"), which the storming places."""
    gone: set[int] = set()
    lead = min((o.sent_index for o in cands), default=0)
    for c in retyped:
        for o in cands:
            if (
                o is not c
                and id(o) not in gone
                and o.typing.sub_event_type == "Attack"
                and o.background == c.background
                and _actors_compatible(o, c)
            ):
                if places_stage.same_place(o.location, c.location) and _dates_overlap(o, c, c.undated):
                    _absorb(o, c)
                    gone.add(id(c))
                    break
                if (
                    (o.location is None or o.place_inherited)
                    and c.location is not None
                    and not c.place_inherited
                    and o.sent_index <= lead + 1
                    and o.sent_index < c.sent_index
                    and _told_days_after(o, c)
                ):
                    _absorb(c, o)
                    gone.add(id(o))
                    break
    return [c for c in cands if id(c) not in gone]


def _merge(ctx: DocContext, cands: list[Candidate]) -> list[Candidate]:
    """One event per kind, place and day: merge repeats, and fold vaguer mentions into precise ones."""
    out: list[Candidate] = []
    # the lead sentences: the first one, and the body's first under a headline
    leads = {min((c.sent_index for c in cands), default=0)} | {
        min((c.sent_index for c in cands if not c.title), default=0)
    }
    # a headline whose incident the body dates: it folds into that telling below (see _headline_target), not
    # the body's other tellings into it
    anchored = {
        id(t)
        for t in cands
        if t.title
        and (t.kind in _STORY_KINDS or t.kind in _HEADLINE_KINDS)
        and any(
            not b.title and not b.undated and not getattr(b, "_unnamed", False) and _headline_tells(t, b)
            for b in cands
        )
    }
    for c in cands:
        target = None
        for o in out:
            if o.title != c.title and (id(o) in anchored or id(c) in anchored):
                continue
            # the lead sentence may announce, undated, an event the body dates
            widen = o.sent_index in leads or c.sent_index in leads
            if _same_event(o, c, widen) and places_stage.same_place(o.location, c.location):
                target = o
                break
        if target is None:
            out.append(c)
        elif (_family(c) == "battle" and _family(target) != "battle" and _fire_inside_a_fight(target, c)) or (
            target.kind == "abduction" and c.kind != "abduction" and _abduction_in_an_attack(target, c)
        ):
            # the battle the fire was part of, the attack the abduction was part of, is the event
            out[out.index(target)] = c
            _absorb(c, target)
        else:
            _absorb(target, c)
    # a region-level (or country-level) report folds into a settlement-level event of the same kind; so does
    # an event of the headline or lead sentence whose place is vague or borrowed ("Ukraine downs drones over
    # the south"): it announces an event the body tells with its place; and so does a headline's event the body
    # tells at the same place in other words ("glide bombs kill three in Kharkiv" / "struck Kharkiv")
    lead = min((c.sent_index for c in out), default=0)
    headline = {
        id(c)
        for c in out
        if c.sent_index == lead
        and (c.place_inherited or c.location is None or (c.span is None and c.location.geo_precision == 3))
    }
    absorbed: dict[int, Candidate] = {}

    def final(o: Candidate) -> Candidate:
        while id(o) in absorbed:
            o = absorbed[id(o)]
        return o

    def fold(target: Candidate, c: Candidate) -> None:
        target = final(target)
        _absorb(target, c, keep_place=True)
        absorbed[id(c)] = target

    result: list[Candidate] = []
    for c in out:
        if id(c) in headline:
            body = [
                o
                for o in out
                if id(o) not in headline
                and o.sent_index > lead
                and _same_event(o, c, widen=True)
                and not _only_the_country(o.location, c.location)
            ]
            if body:
                lead_typing = c.typing
                target = final(body[0])
                fold(target, c)
                # the lead sentence says what happened; the body adds where (a lead that tells only the dead
                # leaves the body's kind: "has neutralised 27 bandits" / "conducted air strikes")
                cats = list(dict.fromkeys(lead_typing.categories + target.typing.categories))
                if lead_typing.kind not in _CONSEQUENCE_KINDS or target.kind in _CONSEQUENCE_KINDS:
                    target.typing = Typing(lead_typing.kind, lead_typing.sub_event_type, cats)
                continue
        # a headline's blast ("Blast at market kills five") is the strike or bombing the body tells in more words
        if c.title and (c.kind in _STORY_KINDS or c.kind in _HEADLINE_KINDS):
            target, alone = _headline_target(c, [o for o in out if not o.title and id(o) not in absorbed])
            if target is not None:
                target = final(target)
                if alone:
                    typing = target.typing
                    fold(target, c)
                    target.typing = typing  # the body tells what happened in more words than the headline
                else:
                    target.evidence.extend(ev for ev in c.evidence if ev not in target.evidence)
                    absorbed[id(c)] = target
                continue
        if c.location is not None and c.location.geo_precision == 3:
            # (not into an event already folded into this one: the headline's city told again at its province)
            precise = [
                o
                for o in out
                if o is not c
                and final(o) is not c
                # (the lead may announce, undated, what the body dates: "confirms the arrest of four suspects in
                # Harare" / "were arrested on 7 March at a house in Budiriro, Harare")
                and _same_event(o, c, widen=o.sent_index in leads or c.sent_index in leads)
                and _contains(c.location, o.location)
            ]
            if precise:
                fold(precise[0], c)
                continue
        if c.location is not None and c.location.geo_precision == 2 and getattr(c, "_unnamed", False):
            named = [o for o in out if id(o) not in absorbed and o is not c and _names_the_place(c, o)]
            if named:
                fold(named[0], c)
                continue
        if c.kind in _FIGHT_KINDS and c.place_inherited:
            # "advanced into the enemy's defence and liberated X", "stormed and captured X": the fighting that
            # took a place is the change of hands (ACLED's overtake and regain sub-events are battles in which
            # a place changes hands), not an armed clash beside it
            taken = [
                o
                for o in out
                if o is not c
                and id(o) not in absorbed
                and o.kind in _TAKING_KINDS
                and o.sent_index == c.sent_index
                and o.actor1 is not None
                and c.actor1 is not None
                and o.actor1.country == c.actor1.country
                and _place_key(o.location) == _place_key(c.location)
            ]
            if taken:
                fold(taken[0], c)
                continue
        if c.kind in _RETOLD_FIGHT_KINDS and _names_the_fight_again(c):
            # "... was ambushed by armed terrorists near Tabatol. The attack began with the explosion of an IED":
            # the fight told before, told again
            fights = [
                o
                for o in out
                if o is not c
                and id(o) not in absorbed
                and o.sent_index < c.sent_index
                # (or the taking it was fought for: "captured the outpost after fierce fighting. During the
                # fighting, 17 soldiers were killed")
                and (_family(o) in ("battle", _family(c)) or o.kind in _TAKING_KINDS)
                and o.background == c.background
                and _dates_overlap(o, c, widen=True)
                and (c.place_inherited or c.location is None or _places_agree(o, c))
            ]
            if fights:
                target = final(fights[-1])
                typing = target.typing
                fold(target, c)
                target.typing = Typing(typing.kind, typing.sub_event_type, target.typing.categories)
                continue
        if c.kind in _BLAST_KINDS:
            # "a suicide bomber detonated his explosive-laden vehicle": the blast is the suicide bombing
            bombing = [
                o
                for o in out
                if o is not c
                and id(o) not in absorbed
                and o.kind == "suicide"
                and (
                    o.sent_index == c.sent_index
                    or any(ev in o.evidence for ev in c.evidence)  # (told in a sentence the bombing was)
                    or (o.sent_index < c.sent_index and _points_back(c))
                )
                and _place_key(o.location) == _place_key(c.location)
            ]
            if bombing:
                target = final(bombing[0])
                typing = target.typing
                fold(target, c)
                target.typing = Typing(typing.kind, typing.sub_event_type, target.typing.categories)
                continue
        result.append(c)
    return result


_BLAST_KINDS = frozenset({"explosive", "explosion", "bombing"})


_FIGHT_NOUNS = frozenset("attack assault ambush raid fighting clash firefight engagement".split())
# (with the weapons it was fought with: "In the attack, carried out with landmines and small arms, ...")
_RETOLD_FIGHT_KINDS = frozenset(
    {"attack", "assault", "clash", "explosive", "explosion", "shelling", "kill", "wound"}
)


def _names_the_fight_again(c: Candidate) -> bool:
    """Is the event told by a definite noun of a fight that is its sentence's subject or opens it ("The attack
    began with ...", "The firefight lasted two hours", "In the attack, 11 soldiers were killed")?"""
    sent = c.trigger.sent
    opening = [t.lower_ for t in sent[:4]]
    if (
        len(opening) == 4
        and opening[0] in ("in", "during")
        and opening[1] in ("the", "that", "this")
        and lemma_of(sent[2]) in _FIGHT_NOUNS
        and opening[3] == ","
    ):
        return True
    return any(
        t.nominal
        and lemma_of(t.token) in _FIGHT_NOUNS
        and t.token.dep_ in ("nsubj", "nsubjpass")
        and any(d.dep_ == "det" and d.lower_ in ("the", "that", "this") for d in t.token.children)
        for t in c.triggers
    )


def _points_back(c: Candidate) -> bool:
    """Is the candidate's blast a noun that points back to one told before ("were wounded in the blast", "the
    explosion also damaged shops")?"""
    return any(
        t.kind in _BLAST_KINDS
        and t.token.pos_ == "NOUN"
        and any(d.dep_ == "det" and d.lower_ in ("the", "that", "this") for d in t.token.children)
        for t in c.triggers
    )


# what else a headline announces that its body tells in more words ("Afghan forces detain Taliban leader in
# Kunduz", "Police seize weapons cache in Kirkuk")
_HEADLINE_KINDS = frozenset({"explosion", "arrest", "weapons_seizure", "abduction"})
_UNNAMED_PLACE_NOUNS = frozenset("village town settlement locality hamlet city".split())
NAMED_NEAR_KM = 30.0
"""How far from the place a report says an unnamed village is near ("a village near X") the village it then
names can lie."""


HEADLINE_NEAR_KM = 50.0
"""The same for a headline, which names the nearest town its readers know ("capture of village near Pokrovsk"):
often a district centre or a city further off than a report's own "near"."""


def _unnamed_place(ctx: DocContext, c: Candidate) -> bool:
    """Does the clause tell of a place it does not name ("captured a village near X", "capture of village
    near X" in a headline, "a settlement close to X")? Not "the village of X", "the village", "Y village"."""
    for i in c.domain:
        tok = ctx.tokens[i]
        if ctx.lemma(i) not in _UNNAMED_PLACE_NOUNS or tok.pos_ != "NOUN" or ctx.lowers[i].endswith("s"):
            continue
        children = list(tok.children)
        if any(ch.dep_ in ("compound", "appos", "poss") for ch in children):
            continue
        if tok.dep_ == "appos" and tok.head.pos_ == "PROPN":
            continue  # "Novoselivka Persha, a village in Donetsk region": the village is named
        if any(ch.dep_ == "prep" and ch.lower_ == "of" for ch in children):
            continue
        dets = [ch.lower_ for ch in children if ch.dep_ in ("det", "nummod")]
        if not dets or dets[0] in ("a", "an", "another", "one"):
            return True
    return False


def _names_the_place(near: Candidate, named: Candidate) -> bool:
    """Is ``named`` the same event told at the settlement ``near`` only placed near another one ("captured a
    village near Pokrovsk" / "liberated the settlement of Novohrodivka")?"""
    a, b = near.location, named.location
    if (
        named is near
        or b is None
        or a is None
        or (b.geo_precision or 3) > 2
        or getattr(named, "_unnamed", False)
    ):
        return False
    if _place_key(a) == _place_key(b):
        return False  # the same "near X" told again: the merge of repeats decides
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return False
    from ..gazetteer.data import haversine_km

    return (
        named.family == near.family
        and named.background == near.background
        and _actors_compatible(near, named)
        and _dates_overlap(near, named, widen=True)
        and haversine_km(a.latitude, a.longitude, b.latitude, b.longitude)  # type: ignore[arg-type]
        <= (HEADLINE_NEAR_KM if near.title else NAMED_NEAR_KM)
    )


def _headline_target(title: Candidate, body: list[Candidate]) -> tuple[Candidate | None, bool]:
    """The body event a headline's violent event announces, and whether it announces that one event alone:
    the first one of its family the body tells at its place (or within it), else the one told at its very
    place, else the only place within it the body tells violence at. A headline about a region where the body
    tells several events sums them up: it is no event of its own (the first of them keeps its words, not its
    figures)."""
    told = sorted((o for o in body if _headline_tells(title, o)), key=lambda o: o.sent_index)
    if not told:
        return None, False
    if title.kind == "kill":
        # "Insurgents kill district official, bodyguard in Laghman": the body's first dated telling of dead,
        # whatever it is typed (an ambush on the official and his guards is fought)
        dead = [o for o in told if o.fatalities and not o.undated]
        if dead and len({_place_key(o.location) for o in dead}) == 1:
            return dead[0], True
    same_family = [o for o in told if _family(o) == _family(title)]
    if same_family and not told[0].undated and all(o.undated and o is not told[0] for o in same_family):
        # the body dates its incident first in other words; the undated tellings of the headline's kind tell of
        # it again or of the background ("This attack shows...", "villages used to stage attacks")
        same_family = []
    if same_family and all(_places_agree(same_family[0], o) for o in same_family[1:]):
        # (one place, or a town and its province: "Kill 11 Insurgents in Baghlan" / "in Baghlan province")
        return same_family[0], True
    same_place = [o for o in told if _place_key(o.location) == _place_key(title.location)]
    if same_place:
        return same_place[0], True
    if len({_place_key(o.location) for o in told}) == 1:
        return told[0], True
    return told[0], False


def _headline_tells(title: Candidate, body: Candidate) -> bool:
    """Does a body event tell the violent event a headline announces (same place or one within the other,
    same days, compatible actors), whatever words each uses for it?"""
    return (
        (body.kind in _STORY_KINDS or (body.kind == title.kind and body.kind in _HEADLINE_KINDS))
        and body.background == title.background
        and _actors_compatible(title, body)
        and _dates_overlap(title, body, widen=True)
        and (
            title.location is None  # (a headline naming no place the gazetteer reads: "ISAF kills commander")
            or _places_agree(title, body)
            or _province_by_its_town(title, body.location)
        )
    )


def _province_by_its_town(headline: Candidate, body: Location | None) -> bool:
    """A headline's town that gives its province its name ("Senior Taliban Leader Killed in Kunduz") stands for
    the province: the body's place in it ("in Chahar Darah district, Kunduz province") is the headline's."""
    title = headline.location
    # (the name as the headline writes it: "in Laghman" read as the province's town, Mehtar Lam)
    names = {title.name if title is not None else "", getattr(headline, "place_text", None) or ""}
    if title is None or body is None or not title.admin1_code or title.admin1_code != body.admin1_code:
        return False
    written = {_consonants(n) for n in names if n}
    # (or its district: "RAB arrests four militants in Gazipur" over "in Tongi, Gazipur", Tongi in Gazipur
    # district)
    return title.geo_precision != 3 and (
        _consonants(title.admin1 or "") in written
        or bool(body.admin2 and _consonants(body.admin2) in written)
    )


def _consonants(name: str) -> str:
    """A name's consonants, for the romanisations of one name ("Khōst" ~ "Khowst", "Kunduz" ~ "Qunduz" not)."""
    return re.sub(r"[^a-z]|[aeiouwyh]", "", _name_key(name))


_CONSEQUENCE_KINDS = frozenset({"kill", "wound"})
_REPULSE_VERBS = frozenset("repel repulse thwart foil halt stop counter".split())
_DAMAGE_KINDS = frozenset({"looting", "disruption"})
_STRIKE_KINDS = frozenset({"shelling", "missile", "air_strike", "drone_strike", "explosive", "grenade"})
_ANAPHOR_DETS = frozenset({"the", "this", "that", "these", "those"})
_ANAPHOR_QUANTIFIERS = frozenset("one two three some several both all each none many most part".split())


def _clause_place(c: Candidate) -> bool:
    """Was the candidate placed by its own clause (not by another clause of its sentence, its speaker's title
    or its paragraph's story)?"""
    return c.location is not None and not c.place_inherited


def _places_agree(a: Candidate, b: Candidate) -> bool:
    return _place_key(a.location) == _place_key(b.location) or (
        _contains(a.location, b.location) or _contains(b.location, a.location)
    )


def _anaphoric(ctx: DocContext, c: Candidate) -> bool:
    """Does the clause refer back to an event or weapon told before ("the strike", "one of the missiles",
    "it was struck")? Definite actors ("the Russian forces") do not count: notes name every actor so."""
    tokens, lowers = ctx.tokens, ctx.lowers
    trigger_tokens = {t.i for t in c.triggers}
    for i in c.domain:
        t = tokens[i]
        if lowers[i] in ("it", "they") and t.dep_ in ("nsubj", "nsubjpass", "dobj"):
            return True
        if i not in trigger_tokens and i not in ctx.weapon_spans and ctx.lemma(i) not in WEAPON_WORDS:
            continue
        if t.pos_ not in ("NOUN", "PROPN"):
            continue
        if any(ch.dep_ == "det" and ch.lower_ in _ANAPHOR_DETS for ch in t.children):
            return True
        head = t.head
        if t.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in _ANAPHOR_QUANTIFIERS:
            return True
    return False


def _story_event(ctx: DocContext, c: Candidate, told: list[Candidate]) -> Candidate | None:
    """The event told before that a later clause tells more of, or None.

    A clause that names its own place tells more of the event at that place told in its paragraph or the one
    before. A clause without a place of its own continues the last sentence that told an event: in its
    paragraph, or opening the next one. Either way the event is violent, of the same days, by a compatible
    actor; a repeat ("the strike") is of the same family of violence."""
    consequence = c.kind in _CONSEQUENCE_KINDS
    damage = c.kind in _DAMAGE_KINDS
    if getattr(c, "_debris", False):
        # "Air defence destroyed all of them; debris fell in two districts": what the interception brought down
        downed = [
            o
            for o in told
            if o.kind == "interception"
            and 0 <= c.paragraph - o.paragraph <= 1
            and (o.sent_index, o.trigger.i) < (c.sent_index, c.trigger.i)
        ]
        if downed:
            return downed[-1]
        # no interception told: the debris of the strike itself ("a woman was injured by debris and the blast
        # wave"), when the report tells one incident
        return _sole_antecedent(c, told, repeat=False, debris=True) if not _clause_place(c) else None
    repeat = (
        not consequence
        and not damage
        and c.kind in _STORY_KINDS
        and (_anaphoric(ctx, c) or _generic_retelling(c, told) or _fire_told_in_detail(c))
    )
    if c.kind in _LEAVING_KINDS and c.location is None:
        # "Poroshenko said 80 percent of the troops had pulled out in an orderly way", "the first 300 children
        # were taken to Belgorod": the withdrawal or evacuation told before, told again without a place
        kin = ("withdrawal", "capture", "recapture") if c.kind == "withdrawal" else ("displacement",)
        told_before = [
            o
            for o in told
            if o.kind in kin
            and 0 <= c.paragraph - o.paragraph <= 1
            and o.background == c.background
            and _dates_overlap(o, c, widen=True)
        ]
        return told_before[-1] if told_before else None
    fought = _fighting_told_before(c, told)
    if fought is not None:
        return fought
    if not (consequence or damage or repeat):
        return None
    found = _story_event_near(ctx, c, told, consequence=consequence, damage=damage, repeat=repeat)
    damage_of_strike = damage and c.actor1 is None  # "the building burned down" (not "rioters set fire")
    if found is None and (consequence or damage_of_strike or (repeat and _names_it_again(ctx, c))):
        found = _sole_antecedent(c, told, repeat=repeat)
        if found is not None and _clause_place(c) and _place_key(found.location) != _place_key(c.location):
            found = None  # told at a place of its own: another incident
    return found


def _fire_told_in_detail(c: Candidate) -> bool:
    """ "Soldiers engaged insurgents in Pech district on Tuesday. The patrol came under fire from a ridgeline;
    the force returned fire": fighting told with neither a place nor a day of its own tells the fight just told
    in more detail."""
    return c.kind == "clash" and c.location is None and c.undated and not c.background


def _fighting_told_before(c: Candidate, told: list[Candidate]) -> Candidate | None:
    """ "Taliban militants attacked checkpoints around Lashkar Gah. Clashes lasted several hours; 15 were
    killed.": fighting told with no side of its own ("clashes ensued", "fighting continued into the night"),
    at no other place, just after a battle is that battle, not another one."""
    if c.kind != "clash" or c.actor1 is not None or c.claim.source is not None:
        return None  # (a speaker's report of fighting, "authorities said there was fighting", is its own telling)
    fights = [
        o
        for o in told
        if (o.kind in _FIGHT_KINDS or o.typing.sub_event_type == "Armed clash")
        and 0 <= c.sent_index - o.sent_index <= 1
        and o.background == c.background
        and _dates_overlap(o, c, widen=True)
        and (not _clause_place(c) or _place_key(o.location) == _place_key(c.location))
    ]
    return fights[-1] if fights else None


def _names_it_again(ctx: DocContext, c: Candidate) -> bool:
    """Does the clause name its event again with a definite noun ("this attack", "the strike")? (Not "they
    attacked": a pronoun refers to the actors, who may have done something else.)"""
    return any(
        t.token.pos_ == "NOUN"
        and any(ch.dep_ == "det" and ch.lower_ in _ANAPHOR_DETS for ch in t.token.children)
        for t in c.triggers
    )


def _sole_antecedent(
    c: Candidate, told: list[Candidate], *, repeat: bool, debris: bool = False
) -> Candidate | None:
    """ "As a result of this attack, ..." or "two people were injured", paragraphs after the strike on the hotel
    was told: a definite repeat, or casualties, with no place of their own belong to the one incident the report
    has told before, however far back (not when it told several: then only the nearby ones count)."""
    kin = [
        o
        for o in told
        if (o.sent_index, o.trigger.i) < (c.sent_index, c.trigger.i)
        and o.kind in _STORY_KINDS
        and not o.background
        and (not repeat or o.family == c.family or {o.kind, c.kind} <= _STRIKE_KINDS | GENERIC_KINDS)
        and (debris or _actors_compatible(o, c))  # (debris: its interceptor was only inferred)
        and _dates_overlap(o, c, widen=c.undated or o.undated)
    ]
    placed = [o for o in kin if o.location is not None]  # (a place-less telling was folded or is vague)
    if not placed or len({_place_key(o.location) for o in placed}) != 1:
        return None
    key = _place_key(placed[0].location)
    if any(
        o.location is not None
        and _place_key(o.location) != key
        and (o.sent_index, o.trigger.i) < (c.sent_index, c.trigger.i)
        for o in told
    ):
        return None  # the report told something else elsewhere since ("Police detained two men in Odesa.")
    return max(placed, key=lambda o: (o.sent_index, -o.depth, -o.trigger.i))


def _story_event_near(
    ctx: DocContext, c: Candidate, told: list[Candidate], *, consequence: bool, damage: bool, repeat: bool
) -> Candidate | None:
    """The event told in the clause's paragraph or the one before that it tells more of (see _story_event)."""
    before = []
    for o in reversed(told):  # text order: only the paragraph and the one before matter
        if o.paragraph < c.paragraph - 1:
            break
        if (o.sent_index, o.trigger.i) < (c.sent_index, c.trigger.i):
            before.append(o)
    before.reverse()
    if not before:
        return None
    reach = 0 if damage else 1  # paragraphs back
    if _clause_place(c):
        # the same place: a tally for a whole region ("three civilians were killed in the region over the past
        # day") is a casualty report of its own, not the figures of one event in it
        pool = [
            o
            for o in before
            if 0 <= c.paragraph - o.paragraph <= reach and places_stage.same_place(o.location, c.location)
        ]
    else:
        last_sentence = max(o.sent_index for o in before)
        pool = [o for o in before if o.sent_index == last_sentence]
        gap = c.paragraph - pool[0].paragraph
        if gap > reach:
            return None
        if (
            gap == 1
            and not _fire_told_in_detail(c)
            and any(
                ctx.paragraph_of[i] == c.paragraph and not _names_the_event(ctx, i, pool)
                for i in range(last_sentence + 1, c.sent_index)
            )
        ):
            # the clause does not open its paragraph: it belongs to that paragraph's own story (unless the
            # paragraph opens on the event told before: "The strike targeted a group of fighters ... It killed 11")
            return None
    # "Ukrainian forces repelled the attack": the other side of the fight told before
    repulse = repeat and any(ctx.lemma(t.i) in _REPULSE_VERBS for t in c.triggers)
    fits = [
        o
        for o in pool
        # ("recaptured the district centre after heavy fighting. 23 Taliban were killed": the toll of the
        # fighting that took the place)
        if (o.kind in _STORY_KINDS or (consequence and o.kind in ("capture", "recapture")))
        and o.background == c.background
        and (repulse or _actors_compatible(o, c))
        and _dates_overlap(o, c, widen=c.undated or o.undated)
        and (not repeat or o.family == c.family or {o.kind, c.kind} <= _STRIKE_KINDS | GENERIC_KINDS)
    ]
    if not fits:
        return None
    same_place = [
        o for o in fits if c.location is not None and places_stage.same_place(o.location, c.location)
    ]
    # the nearest telling, and within one sentence its main clause
    return max(same_place or fits, key=lambda o: (o.sent_index, -o.depth, -o.trigger.i))


def _names_the_event(ctx: DocContext, sent_index: int, events: list[Candidate]) -> bool:
    """Does a sentence name one of ``events`` again by its noun with a definite determiner ("The strike
    targeted ...", "This raid followed ...")?"""
    nouns = {ctx.lemma(t.token.i) for o in events for t in o.triggers if t.token.pos_ == "NOUN"}
    if not nouns:
        return False
    return any(
        t.pos_ == "NOUN"
        and any(
            lemma == ctx.lemma(t.i) or (len(t.text) > 4 and lemma.endswith(ctx.lemma(t.i))) for lemma in nouns
        )
        and any(ch.dep_ == "det" and ch.lower_ in ("the", "this", "that") for ch in t.children)
        for t in ctx.sentences[sent_index]
    )


def _generic_retelling(c: Candidate, told: list[Candidate]) -> bool:
    """ "The enemy again attacked the port infrastructure of Odesa," the governor wrote (after "drones struck the
    port of Odesa overnight"): an attack told with no weapon of its own, at the very place of a strike told just
    before, is that strike told again (a quote, a summary)."""
    if c.kind != "attack" or c._weapon_kinds or not _clause_place(c):  # type: ignore[attr-defined]
        return False
    return any(
        o.kind in _STRIKE_KINDS
        and _place_key(o.location) == _place_key(c.location)
        and 0 <= c.paragraph - o.paragraph <= 1
        for o in told
    )


_STATE_KINDS = frozenset({"military", "police"})


def _opposed(a: Actor | None, b: Actor | None) -> bool:
    """A state's forces and an armed group: two sides, whatever their countries ("Militants attacked an army
    post. Soldiers beat back the attack.")."""
    if a is None or b is None:
        return False
    return (a.kind in _STATE_KINDS and b.kind == "armed_group") or (
        b.kind in _STATE_KINDS and a.kind == "armed_group"
    )


def _fold_story(ctx: DocContext, cands: list[Candidate]) -> list[Candidate]:
    """One event per incident: what a later clause tells of the event just told (its dead and wounded, "Two
    civilians were killed and eight wounded, the governor said."; its damage, "A residential building was set
    on fire."; or the event again, "One of the missiles hit a school") is that event, at its place and day, not
    another event. Casualties told with "also", "another", "more" add to the event's; otherwise they repeat
    them (the larger figure stands)."""
    out: list[Candidate] = []
    into: dict[int, Candidate] = {}
    for n, c in enumerate(cands):
        broad = _broad_story(ctx, c, out)
        if broad is not None:
            _told_as_part_of(c, broad)
            out.append(c)
            continue
        story = None if opens_another_incident(ctx, c.sent_index) else _story_event(ctx, c, cands[:n])
        while story is not None and id(story) in into:
            story = into[id(story)]
            if not _dates_overlap(story, c, widen=c.undated or story.undated):
                # "... responsible for the shooting on 5 January that killed two": the event it tells more of
                # was itself told again of another day; these dead are that other day's
                story = None
        if story is None or (story.title and not c.title):
            # (the body tells the headline's event in its own words, place and day: the headline folds into
            # the body's telling when the events are merged, not the body into the headline)
            out.append(c)
            continue
        into[id(c)] = story
        more = bool(_MORE_WORDS.search(ctx.sentence_text(c.sent_index)))
        # (or an item of a list of a toll, after the one that folded its own dead already: "four terrorists
        # neutralised; two soldiers killed; one civilian killed": each item counts its own)
        clauses = [
            o
            for o in cands[:n]
            if into.get(id(o)) is story
            and o.sent_index == c.sent_index
            and not o.domain & c.domain
            and _listed_apart(ctx, o, c)
        ]
        _add_the_dead(story, c.fatalities, c.dead_side, more or any(o.fatalities for o in clauses))
        story.injuries = _add_count(story.injuries, c.injuries, more or any(o.injuries for o in clauses))
        story.members += c.members
        for ev in c.evidence:
            if ev not in story.evidence:
                story.evidence.append(ev)
        for w in c.weapons:
            if w not in story.weapons:
                story.weapons.append(w)
        if story.actor2 is None and c.actor2 is not None:
            story.actor2 = c.actor2
        if (
            story.actor2 is None
            and c.actor1 is not None
            and (not _actors_compatible(story, c) or _opposed(story.actor1, c.actor1))
        ):
            story.actor2 = c.actor1  # the side that repelled it
        _take_claim(story, c)
    return out


_PART_KINDS = frozenset({"kill", "wound", "attack", "looting", "disruption"})


def _listed_apart(ctx: DocContext, a: Candidate, b: Candidate) -> bool:
    """Are two clauses of a sentence items of a list, a semicolon between them?"""
    if not a.domain or not b.domain:
        return False
    first, second = (a, b) if min(a.domain) < min(b.domain) else (b, a)
    return any(ctx.tokens[i].text == ";" for i in range(max(first.domain), min(second.domain) + 1))


def _broad_story(ctx: DocContext, c: Candidate, told: list[Candidate]) -> Candidate | None:
    """ "Russia launched a massive missile and drone attack across Ukraine. In Dnipro, a maternity hospital was
    hit and six people were killed.": a strike told for a whole country or region, then what it did at one
    place in it, by a clause with no doer of its own: that clause is the strike at that place (ACLED codes a
    country-wide attack place by place), not more of the country-wide telling nor an event of another kind."""
    if c.kind not in _PART_KINDS or getattr(c, "_agent", None) is not None or getattr(c, "_story", False):
        return None  # the place must be the sentence's own ("In Dnipro, six people were killed")
    if c.location is None or c.location.geo_precision == 3:
        return None
    for o in reversed(told):
        if o.paragraph < c.paragraph - 1:
            break
        if (
            o.kind in _STRIKE_KINDS
            and o.background == c.background
            and (
                _contains(o.location, c.location)
                # "shelled Nikopol district 12 times. In Marhanets, a man was injured": a district's town
                or (o.location is not None and places_stage.unit_contains(o.location, c.location))
            )
            and _dates_overlap(o, c, widen=c.undated or o.undated)
        ):
            return o
    return None


def _told_as_part_of(part: Candidate, whole: Candidate) -> None:
    """The strike told for a whole area, at one place of it: its kind, weapons and doer."""
    part.typing = whole.typing
    for w in whole.weapons:
        if w not in part.weapons:
            part.weapons.append(w)
    if part.actor1 is None:
        part.actor1 = whole.actor1


def _drop_denied(cands: list[Candidate]) -> list[Candidate]:
    """ "The Air Force denies Russian claims that a Su-27 was shot down": an act of violence the side it was
    done to denies, told only by that denial, did not take place as far as the report goes (ACLED codes none).
    A side denying its own act ("Kyiv denied that its forces had shelled a market") leaves the event with the
    status denied (the act happened, whose it was is contested); so does a denied claim of territory or of a
    deployment, which the control ledger weighs."""
    return [c for c in cands if not _denied_loss(c)]


def _denied_loss(c: Candidate) -> bool:
    if c.claim.status != "denied" or c.kind not in _VIOLENT_KINDS:
        return False
    denier = c.claim.source_country
    return denier is not None and (c.actor1 is None or c.actor1.country != denier)


_DRONE_WORDS = frozenset("vehicle uav shahed aircraft".split())
# abstract places counted by a bulletin ("in 143 areas"); a count of villages or towns is a real event's
# targets ("shelled five villages")
_AREA_UNITS = frozenset("area location direction sector".split())
SUMMARY_DAYS = 27
"""A country-wide casualty figure with no one named as its cause, over at least this many days ("In March,
OHCHR recorded 3,900 civilian casualties in Ukraine"), is a statistic, not an event."""


def _tally(c: Candidate) -> bool:
    """Is a strike or an interception told as a bulletin's sum: the areas it hit ("in 143 areas"), several kinds
    of targets ("hit 2 command posts, 3 areas of personnel concentration and an ammunition depot"), or several
    kinds of weapons brought down ("shot down two cruise missiles, five rockets and 27 UAVs")?"""
    if c.kind not in _STRIKE_KINDS | {"interception"}:
        return False
    heads = [numbers_stage.singularize(q.unit.split()[-1].lower()) for q in c.quantities]
    if any(h in _AREA_UNITS and q.count >= 2 for h, q in zip(heads, c.quantities, strict=True)):
        return True
    weapons = {h for h in heads if h in WEAPON_WORDS or h in _DRONE_WORDS}
    if c.kind == "interception":
        return len(weapons) >= 2
    return len(set(heads) - weapons - {"explosion", "strike", "shell", "round", "wave"}) >= 2


# what a war's running toll is told of: "the war has killed more than 40,000 people"
# (not "fighting" or "clashes": "clashes have killed 12 people in Tripoli" tells an event)
_WAR_NOUNS = frozenset({"war", "conflict", "insurgency", "hostilities", "crisis", "invasion"})


def _drop_war_tolls(cands: list[Candidate]) -> list[Candidate]:
    """A war's running toll ("The war ... has killed more than 40,000 people", "the conflict has killed
    thousands") is background, neither an event nor more dead of the event told before it."""
    out = []
    for c in cands:
        t = c.trigger
        # the subject of the verb, or of the verb it is coordinated with ("the war began ... and has killed")
        subjects = [ch for ch in t.children if ch.dep_ in ("nsubj", "nsubjpass", "agent")]
        if not subjects and t.dep_ == "conj":
            subjects = [ch for ch in t.head.children if ch.dep_ in ("nsubj", "nsubjpass")]
        if (
            c.kind in GENERIC_KINDS
            and any(lemma_of(ch) in _WAR_NOUNS for ch in subjects)
            and any(ch.dep_ == "aux" and ch.lemma_ == "have" for ch in t.children)
        ):
            log.debug("not an event: a war's running toll (%s)", t.text)
            continue
        out.append(c)
    return out


def _drop_tallies(ctx: DocContext, cands: list[Candidate]) -> list[Candidate]:
    """Bulletins sum up a day of war: "struck enemy manpower and equipment in 143 areas", "air defence shot down
    two cruise missiles, five rockets and 27 UAVs", and monitors a month: "recorded 3,900 civilian casualties in
    Ukraine in March". ACLED codes events where they happened; a tally that names no place at all, or a
    casualty figure for a whole country over a month, is no event."""
    out = []
    for c in cands:
        loc = c.location if c.location is not None else _fallback_location(ctx, c)
        if loc is None and _tally(c):
            log.debug("not an event: a tally without a place (%s)", c.trigger.text)
            continue
        span = c.span
        if (
            c.kind in GENERIC_KINDS
            and c.actor1 is None
            and loc is not None
            and loc.geo_precision == 3
            and not loc.admin1_code
            and span is not None
            and span.resolved
            and (span.end - span.start).days >= SUMMARY_DAYS  # type: ignore[operator]
        ):
            log.debug("not an event: a country-wide figure over a month (%s)", c.trigger.text)
            continue
        out.append(c)
    return out


_VIOLENT_KINDS = _STORY_KINDS | {"shootdown", "air_combat", "explosion", "bombing"}

RECALLED_DAYS = 30
_HANDS_KINDS = frozenset({"capture", "recapture", "withdrawal"})
_TAKING_KINDS = frozenset({"capture", "recapture"})
_FIGHT_KINDS = frozenset({"advance", "assault", "clash"})
"""How old an event told after the lead must be to count as history the report recalls (a fortnight-old
offensive is still the story's news; last year's withdrawal is its background)."""


def _drop_recalled(ctx: DocContext, cands: list[Candidate]) -> list[Candidate]:
    """A report of several paragraphs recalls older events after its lead ("Russian forces withdrew from Kherson
    a year ago", "besieged Chernihiv ... before withdrawing in early April 2022"): history, not news of the
    report. An event that ended more than ``RECALLED_DAYS`` before publication, told only after the lead
    paragraph, is no event of the report (in the lead it is the news: "Ukraine said on Tuesday it had retaken X
    last month"). A change of hands recalled at a place whose change of hands is the news ("Russia said it took
    Robotyne, one of the villages Kyiv retook last summer") stays: it is that place's history, which the control
    ledger keeps as background."""
    if ctx.document.published is None or len(set(ctx.paragraph_of)) < 2:
        return cands
    body = [i for i in range(len(ctx.sentences)) if i not in ctx.titles and i not in ctx.headings]
    if not body:
        return cands
    lead = ctx.paragraph_of[body[0]]
    cutoff = ctx.document.published - timedelta(days=RECALLED_DAYS)
    changed_hands = {
        _place_key(c.location) for c in cands if c.kind in _HANDS_KINDS and not c.background and c.location
    }
    return [
        c
        for c in cands
        if not (
            c.background
            and not (c.kind in _HANDS_KINDS and c.location and _place_key(c.location) in changed_hands)
            and c.paragraph > lead
            and not c.title
            and c.span is not None
            and c.span.end is not None
            and c.span.end < cutoff
        )
    ]


def _claim_origin(c: Candidate) -> tuple[int, bool, int]:
    """Where the telling whose speaker an event's claim names is: its paragraph, whether it was the headline
    (which only announces what the body tells), and its sentence."""
    return getattr(c, "_claim_from", (c.paragraph, c.title, c.sent_index))


def _takes_claim(target: Candidate, other: Candidate) -> bool:
    """Does an event take the claim of another telling of it? The claim is the speaker's whose statement
    tells the event: the first telling's (the body's before its headline's); a telling in the reporter's voice
    takes the speaker of a telling before it, or of the same story (its paragraph or the next); a speaker quoted
    in a later, unrelated paragraph never replaces it."""
    if not other.explicit_source:
        return False
    t_par, t_title, t_sent = _claim_origin(target)
    o_par, o_title, o_sent = _claim_origin(other)
    if not target.explicit_source:
        return t_title or o_title or o_par - t_par <= 1
    if t_title != o_title:
        return t_title
    if (o_par, o_sent) < (t_par, t_sent):
        return True
    return target.claim.source_country is None and other.claim.source_country is not None and o_par == t_par


def _take_claim(target: Candidate, other: Candidate) -> None:
    if _takes_claim(target, other):
        target.claim, target.explicit_source = other.claim, True
        target._claim_from = _claim_origin(other)  # type: ignore[attr-defined]
    elif _claim_origin(target)[1] and not _claim_origin(other)[1] and not target.explicit_source:
        # the body tells what the headline announced, in the reporter's voice: from now on the event's claim is
        # that telling's, and a speaker quoted in a later paragraph does not replace it
        target._claim_from = _claim_origin(other)  # type: ignore[attr-defined]


def _body_sentence(c: Candidate) -> int | None:
    """The first sentence of the body that tells an event; None for an event only a headline tells."""
    if hasattr(c, "_told_at"):
        return c._told_at  # type: ignore[attr-defined]
    return None if c.title else c.sent_index


def _told_at(c: Candidate) -> int:
    """The sentence an event is told at for what is told just after it: the body's first telling (a headline's
    sentence does not count, whatever headline the event was folded with), else its own."""
    told = _body_sentence(c)
    return c.sent_index if told is None else told


def _absorb(target: Candidate, other: Candidate, keep_place: bool = False) -> None:
    body = [b for b in (_body_sentence(target), _body_sentence(other)) if b is not None]
    target._told_at = min(body) if body else None  # type: ignore[attr-defined]
    target._unnamed = getattr(target, "_unnamed", False) or getattr(other, "_unnamed", False)  # type: ignore[attr-defined]
    target._claim_from = _claim_origin(target)  # type: ignore[attr-defined]
    _take_claim(target, other)
    headline_only = target.title and not other.title
    target.title = target.title and other.title  # an event the body tells is no longer the headline's alone
    target.members += other.members
    for ev in other.evidence:
        if ev not in target.evidence:
            target.evidence.append(ev)
    if (other.sent_index, other.depth) < (target.sent_index, target.depth):
        # the earlier (or more central) mention decides the event's salience
        target.sent_index, target.depth, target.trigger = other.sent_index, other.depth, other.trigger
    if target.actor1 is None:
        target.actor1 = other.actor1
    if (
        target.kind in _CROWD_KINDS
        and other.actor1 is not None
        and other.actor1.kind in ("police", "military")
        and other.actor1.country
        and (target.actor2 is None or target.actor2.country is None)
    ):
        target.actor2 = other.actor1  # the force that dispersed the demonstration
    if target.actor2 is None:
        # (the other side's telling names the opponent as its doer: "Police repelled an attack. About 20
        # insurgents attacked the checkpoint")
        opponent = (
            other.actor1
            if other.actor1 is not None
            and target.actor1 is not None
            and other.actor1.kind != target.actor1.kind
            else None
        )
        target.actor2 = opponent or other.actor2
    # a headline rounds ("kills dozens"): the body's own figure ("killed at least 124 people") is the count
    if target.fatalities is None or (headline_only and other.fatalities is not None):
        target.fatalities, target.dead_side = other.fatalities, other.dead_side
    elif (
        not target.title
        and not other.title
        and different_sides(target.dead_side, other.dead_side)
        # (told in words of their own: in a sentence of its own, or in a clause of its own of a sentence told
        # already: "eliminating seven of them, while an officer and two conscripts were martyred during the clash")
        and not target.domain & other.domain
    ):
        # each side's dead in a sentence of its own ("Four terrorists were killed." / "Sepoy X embraced
        # shahadat while fighting gallantly."): the fight's toll is their sum
        _add_the_dead(target, other.fatalities, other.dead_side, True)
    elif other.fatalities is not None and other.fatalities > target.fatalities and not other.title:
        # the event told again with more of its dead ("seven terrorists killed" / "killing seven terrorists ...
        # a member of the forces was martyred"): the fuller count
        target.fatalities, target.dead_side = other.fatalities, other.dead_side
    if target.injuries is None or (headline_only and other.injuries is not None):
        target.injuries = other.injuries
    for q in other.quantities:
        if q not in target.quantities:
            target.quantities.append(q)
    for w in other.weapons:
        if w not in target.weapons:
            target.weapons.append(w)
    cats = list(dict.fromkeys(target.typing.categories + other.typing.categories))
    sub = target.typing.sub_event_type
    if target.kind == "withdrawal" and other.typing.sub_event_type == "Armed clash":
        sub = "Armed clash"
    target.typing = Typing(target.kind, sub, cats)
    if other.span is not None and (
        target.span is None
        or (target.undated and not other.undated)
        or (
            other.span.resolved
            and target.span.resolved
            and (other.span.end - other.span.start) < (target.span.end - target.span.start)
        )
    ):
        target.span, target.undated = other.span, other.undated


_PROTEST_WINDOW = 2
_WEAPON_KINDS = frozenset(
    {"suicide", "chemical", "grenade", "explosive", "air_strike", "drone_strike", "missile", "shelling"}
)


_UNOPPOSED = re.compile(
    r"\b(unopposed|without (?:a |any )?(?:fight|fighting|resistance|battle|clashes|a shot)|no resistance|"
    r"(?:not|n't|never) (?:\w+ ){0,2}(?:any )?resistance|(?:the|an?) (?:deserted|vacated|abandoned)|handed over|"
    # ACLED notes: "No information on whether fighting took place" -- no fighting is known, so none is coded
    r"no (?:information|reports?|details?|data) (?:on|about|of|as to) whether (?:any )?"
    r"(?:fighting|clashes|battles?|hostilities)|no (?:fighting|clashes) (?:was|were) reported)\b",
    re.I,
)


_FULL_CONTROL = re.compile(r"\b(?:full|complete|total|entire)\s+control\b", re.I)
# a place left under siege or fire was fought for ("withdrew from the besieged railway hub")
_CONTESTED = re.compile(
    r"\b(?:besieged|encircled|embattled|under siege|surrounded|under (?:heavy )?(?:fire|shelling|pressure)|"
    r"(?:days|weeks|months) of (?:\w+ )?(?:fighting|shelling|battles?|clashes|assaults))\b",
    re.I,
)


def _resolve_transfers(ctx: DocContext, cands: list[Candidate]) -> None:
    """Ground taken without resistance, or after the other side withdrew, is a non-violent transfer of
    territory (ACLED): a capture with a withdrawal told in the same or the next sentence. A state retaking its
    own ground, or a taking that completes a fight ("full control"), after the other side withdrew stays a
    takeover."""
    for c in cands:
        if (
            c.kind not in ("capture", "recapture")
            or c.typing.sub_event_type == "Non-violent transfer of territory"
        ):
            continue
        if c._kinds and set(c._kinds) & {"clash", "assault", "attack", "kill", "shelling"}:  # type: ignore[attr-defined]
            continue
        withdrew = getattr(c, "_after_withdrawal", False)
        for o in cands:
            if (
                o.kind == "withdrawal"
                and 0 <= o.sent_index - c.sent_index <= 1
                and (
                    o.actor1 is None
                    or c.actor1 is None
                    or o.actor1.country != c.actor1.country
                    or o.actor1.name != c.actor1.name
                )
            ):
                withdrew = True
        lo, hi = c.sent_index, min(len(ctx.sentences) - 1, c.sent_index + 1)
        text = ctx.text[ctx.sentences[lo].start_char : ctx.sentences[hi].end_char]
        withdrew = withdrew or bool(re.search(r"\b(withdrawal|pull-?out|retreat)\s+of\b", text, re.I))
        # the other side's withdrawal leaves ground to a quiet taker; not when a state retakes its own ground
        # ("regained control of Kherson following the withdrawal of Russian forces") nor when the taking
        # completes a fight for the place ("took full control of Avdiivka after Ukrainian forces withdrew")
        contested = c.typing.sub_event_type == "Government regains territory" or bool(
            _FULL_CONTROL.search(ctx.sentence_text(c.sent_index)) or _CONTESTED.search(text)
        )
        quiet = bool(_UNOPPOSED.search(text)) or (withdrew and not contested)
        if re.search(
            r"\b(fighting|clash(?:es|ed)?|battles?|killing|killed|assault)\b",
            ctx.sentences[c.sent_index].text,
            re.I,
        ):
            quiet = False
        if quiet:
            c.typing = Typing(c.kind, "Non-violent transfer of territory", c.typing.categories)


_INTERCEPTED_STRIKES = frozenset({"drone_strike", "air_strike", "missile", "shelling", "attack"})
# weapons air defence brings down, by family: a missile and a rocket are one family
_AIRBORNE = {"drone": "drone", "missile": "missile", "rocket": "missile"}
_STRIKE_WEAPON = {"drone_strike": "drone", "missile": "missile"}
_TIME_NOUNS = frozenset("night day morning evening afternoon dawn weekend".split())
_COMPASS = frozenset("north south east west northeast northwest southeast southwest centre center".split())


def _airborne(kinds: Iterable[str]) -> set[str]:
    return {_AIRBORNE[k] for k in kinds if k in _AIRBORNE}


def _aimed_at_a_place(ctx: DocContext, c: Candidate) -> bool:
    """Does a strike name no target but a place ("attacked Kyiv with drones", "launched missiles at the
    south of Ukraine", "a terrorist attack on the city of Belgorod")? A strike that names what it hit ("struck
    port infrastructure", "hit a school") tells an impact of its own."""
    for trig in c.triggers:
        tok = trig.token
        objects = [x for x in tok.children if x.dep_ in ("dobj", "nsubjpass")]
        objects += [
            g
            for x in tok.children
            if x.dep_ == "prep" and x.lower_ in ("on", "at", "against", "into")
            for g in x.children
            if g.dep_ == "pobj"
        ]
        for o in objects:
            if o.pos_ == "PROPN" or o.ent_type_ in ("GPE", "LOC") or ctx.dated[o.i]:
                continue  # a place, or a time ("on the night of 15 May")
            lemma = ctx.lemma(o.i)
            if lemma in _TIME_NOUNS:
                continue
            if lemma in _PLACE_UNITS or lemma in _COMPASS or lemma in ("territory", "oblast", "capital"):
                continue
            if lemma in WEAPON_WORDS or o.i in ctx.weapon_spans:
                continue  # "launched drones": what was fired, not what was hit
            return False
    return True


_IMPACT = re.compile(
    r"\b(damag\w*|destroy\w*|hit|struck|kill\w*|wound\w*|injur\w*|dead|casualt\w*|fire broke|caught fire|"
    r"ablaze|impact\w*)\b",
    re.I,
)
_DEBRIS = re.compile(r"\b(debris|fragments?|wreckage|shrapnel of (?:the )?(?:downed|intercepted))\b", re.I)
_NO_IMPACT = re.compile(
    r"\b(?:no|not|without)\b(?:\s+\w+){0,3}\s+(?:casualties|damage|injur\w*|victims)\b", re.I
)


def _impact_told(ctx: DocContext, strike: Candidate, interception: Candidate) -> bool:
    """Does the story tell that some of the strike got through: damage, a hit or casualties told in another
    sentence of the paragraph near the strike (not the interception's, and not of debris: debris of what was
    brought down belongs to the interception)?"""
    lo = min(strike.sent_index, interception.sent_index)
    hi = min(len(ctx.sentences) - 1, max(strike.sent_index, interception.sent_index) + 2)
    for i in range(lo, hi + 1):
        if i in (strike.sent_index, interception.sent_index) or ctx.paragraph_of[i] != strike.paragraph:
            continue
        text = ctx.sentence_text(i)
        if _IMPACT.search(text) and not _DEBRIS.search(text) and not _NO_IMPACT.search(text):
            return True
    return False


def _fold_intercepted(ctx: DocContext, cands: list[Candidate]) -> list[Candidate]:
    """A strike told only as launched at a place, whose drones or missiles air defence then brought down ("the
    enemy attacked Kyiv with Shahed drones. Air defence destroyed all of them.", "30 missiles launched at Kyiv,
    29 of which were shot down"), is the interception: ACLED codes the disrupted weapons use, not a strike that
    hit nothing. The strike's actor is the interception's other side. A strike that names what it hit or
    killed someone stays an event of its own."""
    interceptions = [c for c in cands if c.kind == "interception"]
    if not interceptions:
        return cands
    dropped: set[int] = set()
    for c in cands:
        if c.kind not in _INTERCEPTED_STRIKES or c.fatalities or c.injuries:
            continue
        weapons = _airborne(c._weapon_kinds) | _airborne([_STRIKE_WEAPON.get(c.kind, "")])  # type: ignore[attr-defined]
        if not weapons or not _aimed_at_a_place(ctx, c):
            continue
        for o in interceptions:
            if (
                o.paragraph != c.paragraph
                or abs(o.sent_index - c.sent_index) > 1
                or o.background != c.background
            ):
                continue
            downed = _airborne(o._weapon_kinds)  # type: ignore[attr-defined]
            if downed and not downed & weapons:
                continue
            if not (c.location is None or o.location is None or _places_agree(c, o)):
                continue
            if _impact_told(ctx, c, o):
                break  # "A few were intercepted. Civilian infrastructure was damaged.": some got through
            if o.actor2 is None and c.actor1 is not None and c.actor1 != o.actor1:
                o.actor2 = c.actor1
            _absorb(o, c, keep_place=True)
            if o.location is None:
                o.location = c.location
            o.typing = Typing(
                "interception",
                "Disrupted weapons use",
                ["interception", *(k for k in o.typing.categories if k != "interception")],
            )
            dropped.add(id(c))
            break
    return [c for c in cands if id(c) not in dropped]


def _told_just_before(out: list[Candidate], c: Candidate, kinds: frozenset[str]) -> list[Candidate]:
    """The events of these kinds told in c's sentence or the one before (what an answer, "returned fire",
    "repelled the attack", answers): in c's paragraph, or closing the paragraph c's sentence opens (a press
    release gives each its paragraph)."""
    told = _told_at(c)
    return [
        o
        for o in out
        if o.kind in kinds
        and 0 <= told - _told_at(o) <= 1
        and (o.paragraph == c.paragraph or (c.paragraph == o.paragraph + 1 and told == _told_at(o) + 1))
    ]


def _told_there(c: Candidate, o: Candidate) -> bool:
    """Does c name no place of its own but o's (no place, only a region, or o's very place)?"""
    return (
        c.location is None
        or c.location.geo_precision == 3
        or _place_key(c.location) == _place_key(o.location)
    )


_AIR_KINDS = frozenset({"air_strike", "drone_strike"})
_STATE_ACTOR_KINDS = frozenset({"military", "police"})


def _fold_air_support(cands: list[Candidate]) -> list[Candidate]:
    """Air support called into a fight ("The patrol returned fire and called in close air support. An air
    weapons team engaged the insurgents, killing two.") is part of that fight: one armed clash, where the fight
    was, with the dead the strike caused. The strike is told after the fight (not with it: "raided a hideout
    with the support of airstrikes, which hit a wedding"), in its paragraph or the next, within two sentences,
    at its place (or in its region), by the side of the state's forces (or by no one named), not on civilians."""
    out: list[Candidate] = []
    for c in cands:
        # (a strike that hit civilians, "a nearby house where a wedding was being held", is an event of its own)
        if (
            c.kind in _AIR_KINDS
            and not c.title
            and not (c.actor2 is not None and c.actor2.kind == "civilians")
        ):
            fight = next(
                (
                    o
                    for o in reversed(out)
                    if o.typing.sub_event_type == "Armed clash"
                    and o.background == c.background
                    and 1 <= _told_at(c) - _told_at(o) <= 2
                    and c.paragraph in (o.paragraph, o.paragraph + 1)
                    and any(a is not None and a.kind in _STATE_ACTOR_KINDS for a in (o.actor1, o.actor2))
                    and (c.actor1 is None or c.actor1.kind in _STATE_ACTOR_KINDS)
                    and (o.location is None or _told_there(c, o))
                    and _dates_overlap(o, c, True)
                ),
                None,
            )
            if fight is not None:
                typing = fight.typing
                _absorb(fight, c, keep_place=True)
                fight.typing = typing
                continue
        out.append(c)
    return out


def _dead_of_both_sides(fire: Candidate, answer: Candidate) -> int | None:
    """The dead of an exchange of fire told side by side ("Three police officers were killed when the Taliban
    attacked a checkpoint. Police returned fire ... Five Taliban fighters were killed."): the first fire's dead
    and the answer's, when each names its own dead and they are of different sides; else None."""
    if fire.fatalities is None or answer.fatalities is None:
        return None
    a, b = fire.actor2, answer.actor2
    if (
        a is None
        or b is None
        or a == b
        or (a.country and b.country and a.country == b.country and a.kind == b.kind)
    ):
        return None
    return fire.fatalities + answer.fatalities


def _resolve_return_fire(cands: list[Candidate]) -> list[Candidate]:
    """Fire that was answered ("X shelled the town. Y responded with fire.", "Y fired back") was exchanged:
    ACLED codes one armed clash where the first fire was. The answer told in the same or the next sentence of
    the paragraph, with no other place of its own, folds into that fire."""
    out: list[Candidate] = []
    for c in cands:
        answer = c.kind == "clash" and any(return_fire(t.token, lemma_of(t.token)) for t in c.triggers)
        fired = _told_just_before(out, c, _FIRE_KINDS) if answer else []
        if fired and _told_there(c, fired[-1]):
            first = fired[-1]
            both_sides = _dead_of_both_sides(first, c)
            if first.actor2 is None and c.actor1 is not None and c.actor1 != first.actor1:
                first.actor2 = c.actor1
            _absorb(first, c, keep_place=True)
            if both_sides is not None:
                first.fatalities = both_sides
            cats = ["armed_clash", *(k for k in first.typing.categories if k != "armed_clash")]
            first.typing = Typing("clash", "Armed clash", cats)
            continue
        out.append(c)
    return out


_REPELLED_KINDS = frozenset({"attack", "assault", "clash", "advance", "kill", "wound"})


def _retells_the_repelled(repellings: list[Candidate], c: Candidate) -> bool:
    """Is an attack told just after its repelling ("Border police repelled an insurgent attack on a post in
    Dangam, killing seven insurgents. About 30 insurgents attacked the post with RPGs and mortars.") the attack
    that was repelled? Then it folds into the repelling's clash: its doers are the other side."""
    for r in reversed(repellings):
        if (
            0 <= _told_at(c) - _told_at(r) <= 1
            and c.paragraph in (r.paragraph, r.paragraph + 1)
            and r.background == c.background
            and (c.actor1 is None or c.actor1 != r.actor1)
            and (r.location is None or _told_there(c, r))
        ):
            if c.actor1 is not None and (
                r.actor2 is None or r.actor2.country is None or r.actor2 == r.actor1
            ):
                r.actor2 = c.actor1
            _absorb(r, c, keep_place=True)
            return True
    return False


def _resolve_repelled(cands: list[Candidate]) -> list[Candidate]:
    """An attack and its repelling told in turn ("ISWAP fighters attacked a base in Marte. Troops repelled the
    attack, killing 12 militants.") are one armed clash, at the attack's place: the defenders are the other
    side and the dead of the fighting count once. The repelling is told in the same or the next sentence of
    the paragraph and names no other place."""
    out: list[Candidate] = []
    repellings: list[Candidate] = []
    for c in cands:
        # (the verb may be no trigger of its own: "army units confronted the attack and inflicted heavy losses")
        repelling = any(
            repels_told_attack(t.token, lemma_of(t.token))
            or (t.token.dep_ == "conj" and repels_told_attack(t.token.head, lemma_of(t.token.head)))
            for t in c.triggers
        )
        if not repelling and c.kind in ("attack", "assault") and _retells_the_repelled(repellings, c):
            continue
        if repelling or any(repels_an_attack(t.token, lemma_of(t.token)) for t in c.triggers):
            repellings.append(c)
        attacks = (
            [o for o in _told_just_before(out, c, _REPELLED_KINDS) if o.background == c.background]
            if repelling
            else []
        )
        if attacks and _told_there(c, attacks[-1]):
            first = attacks[-1]
            if (
                c.actor1 is not None
                and c.actor1 != first.actor1
                and (first.actor2 is None or first.actor2.country is None)
            ):
                first.actor2 = c.actor1
            _absorb(first, c, keep_place=True)
            if first.typing.sub_event_type == "Attack":
                cats = ["armed_clash", *(k for k in first.typing.categories if k != "armed_clash")]
                first.typing = Typing("clash", "Armed clash", cats)
            continue
        out.append(c)
    return out


def _resolve_weapons(ctx: DocContext, cands: list[Candidate]) -> None:
    """An attack told without its weapon and a following sentence that names how it was done ("Security posts
    were hit by synchronised attacks. The attacks were carried out with grenades.") are one event: the
    attack takes the weapon's type. Chemical weapons used in an attack make it a chemical weapon attack."""
    for c in cands:
        if c.kind not in GENERIC_KINDS and c.kind not in (
            "shelling",
            "missile",
            "air_strike",
            "drone_strike",
        ):
            continue
        for o in cands:
            if o is c or o.kind not in _WEAPON_KINDS or o.background != c.background:
                continue
            if c.kind not in GENERIC_KINDS and o.kind != "chemical":
                continue
            gap = o.sent_index - c.sent_index
            if not (0 <= gap <= 2) or (gap == 0 and o.kind != "chemical"):
                continue
            if (
                c.location is not None
                and o.location is not None
                and _place_key(c.location) != _place_key(o.location)
                and not (_contains(c.location, o.location) or _contains(o.location, c.location))
            ):
                continue
            between = ctx.text[
                ctx.sentences[c.sent_index].start_char : ctx.sentences[o.sent_index].end_char
            ].lower()
            if re.search(r"\b(separate|another|other|earlier|previous|last (?:week|month|year))\b", between):
                continue
            cats = [*o.typing.categories, *(k for k in c.typing.categories if k not in o.typing.categories)]
            c.typing = Typing(o.kind, o.typing.sub_event_type, cats)
            for w in o.weapons:
                if w not in c.weapons:
                    c.weapons.append(w)
            break


def _resolve_protests(ctx: DocContext, cands: list[Candidate]) -> None:
    """A demonstration's sub-event type depends on what the neighbouring sentences tell (stones thrown, tear
    gas, people shot): the cues of the event's sentence and the two before and after it decide."""
    cache: dict[int, set[str]] = {}
    for c in cands:
        if c.kind not in ("protest", "protest_force", "riot", "clash"):
            continue
        cues: set[str] = set()
        lo = max(0, c.sent_index - _PROTEST_WINDOW)
        hi = min(len(ctx.sentences), c.sent_index + _PROTEST_WINDOW + 1)
        for i in range(lo, hi):
            if ctx.paragraph_of[i] != c.paragraph:
                continue  # the neighbouring paragraphs of an article tell other events
            if i not in cache:
                cache[i] = protest_cues(ctx.sentences[i])
            cues |= cache[i]
        kind = c.kind
        if kind == "clash":
            # "others clashed with police" in a report on demonstrations: a riot, not a battle
            sides = {a.kind for a in (c.actor1, c.actor2) if a is not None}
            if (
                "protest" not in cues
                or sides & {"military", "armed_group"}
                or not (
                    c._context & {"police", "policeman", "officer", "enforcement"}  # type: ignore[attr-defined]
                )
            ):
                continue
            kind = "riot"
        typing = protest_typing(kind, cues)
        if typing is not None:
            extra = [k for k in c.typing.categories if k not in typing.categories and k != "protest"]
            c.typing = Typing(typing.kind, typing.sub_event_type, typing.categories + extra)


def _protest_actors(cands: list[Candidate]) -> None:
    """Demonstrators are the actors of a protest or riot (people in the street are protesters, not just
    civilians), and the police its counterpart; in excessive force against protesters the force acts on them."""
    for c in cands:
        sub = c.typing.sub_event_type
        if sub not in (
            "Peaceful protest",
            "Protest with intervention",
            "Violent demonstration",
            "Excessive force against protesters",
        ):
            continue
        country = c.location.country if c.location else None
        crowd = [a for a in (c.actor1, c.actor2) if a is not None and a.kind in ("civilians", "protesters")]
        force = [a for a in (c.actor1, c.actor2) if a is not None and a.kind in ("police", "military")]
        protesters = make_actor("protesters", crowd[0].country if crowd else country)
        police = force[0] if force else None
        if sub == "Excessive force against protesters":
            c.actor1, c.actor2 = police or make_actor("police", country), protesters
        else:
            intervening = police or (
                make_actor("police", country) if sub == "Protest with intervention" else None
            )
            c.actor1, c.actor2 = protesters, intervening


def _dead_of_the_fight_before(cands: list[Candidate]) -> None:
    """ "The military personnel repelled the aggression. Eight of the aggressors lost their lives at the scene and
    one was detained.", "repelled the aggression, with the result that six aggressors lost their lives and two
    were detained": the dead a detention's sentence or clause tells died in the fight told just before or beside
    it (in its paragraph or the one before, at its place, on its days), not in the detention."""
    for c in cands:
        if c.kind != "arrest" or not c.fatalities:
            continue
        fights = [
            o
            for o in cands
            if o is not c
            and o.typing.sub_event_type in ("Armed clash", "Attack")
            and o.sent_index <= c.sent_index
            and 0 <= c.paragraph - o.paragraph <= 1
            and o.background == c.background
            and _places_agree(o, c)
            and _dates_overlap(o, c, widen=True)
        ]
        if fights:
            fight = max(fights, key=lambda o: o.sent_index)
            _add_the_dead(fight, c.fatalities, c.dead_side, False)
            c.fatalities, c.dead_side = None, None


_RAID_VERBS = frozenset({"storm", "raid"})


def _operation_launched(token: Token) -> bool:
    """ "launched a joint operation in the general area of X and apprehended two cadres": an operation told by
    its launching, no fight of its own."""
    return lemma_of(token) in ("launch", "conduct", "mount", "carry") and any(
        c.dep_ == "dobj" and lemma_of(c) == "operation" for c in token.children
    )


def _raids_that_arrested(ctx: DocContext, cands: list[Candidate]) -> list[Candidate]:
    """ "Operatives stormed a hideout of a kidnapping syndicate in Falgore Forest. The team succeeded in arresting
    seven suspects.": a raid told with no fighting (no fire exchanged, nobody killed or wounded) whose sentence,
    or the next, tells the detentions it made is that arrest operation, not an armed clash (ACLED's clashes are
    fights between armed sides; a raid meeting no resistance that ends in detentions is coded Arrests)."""
    out = []
    for c in cands:
        if (
            c.typing.sub_event_type == "Armed clash"
            and all(ctx.lemma(t.i) in _RAID_VERBS or _operation_launched(t.token) for t in c.triggers)
            and not c.fatalities
            and not c.injuries
        ):
            arrests = [
                o
                for o in cands
                if o.kind == "arrest"
                and 0 <= o.sent_index - c.sent_index <= 1
                and o.background == c.background
                and _places_agree(o, c)
                and _dates_overlap(o, c, widen=True)
            ]
            if arrests:
                arrest = arrests[0]
                if arrest.actor1 is None:
                    arrest.actor1 = c.actor1
                for ev in c.evidence:
                    if ev not in arrest.evidence:
                        arrest.evidence.insert(0, ev)
                continue
        out.append(c)
    return out


def _deployed_to_fight(cands: list[Candidate]) -> list[Candidate]:
    """ "Elements of the battalion deployed in the sector immediately engaged the assailants": forces moved in to
    fight in the sentence that tells the fight are part of it, no deployment of their own."""
    return [
        c
        for c in cands
        if not (
            c.kind == "deployment"
            and any(
                o is not c
                # (told in the sentence, or there and folded into the attack it repelled)
                and (o.sent_index == c.sent_index or (c.evidence and c.evidence[0] in o.evidence))
                and o.typing.sub_event_type in ("Armed clash", "Attack")
                and _actors_compatible(o, c)
                for o in cands
            )
        )
    ]


def _told_by_a_noun(c: Candidate) -> bool:
    """Is an event told by a noun (or a word modifying one: "shooting attack"), not by a verb of its own?"""
    t = c.trigger
    return t.pos_ not in ("VERB", "AUX") or t.dep_ in ("amod", "compound", "nmod")


def _order(cands: list[Candidate], titles: Collection[int] = ()) -> list[Candidate]:
    """The lead event first (the most central trigger of the first sentence that reports one), then text order.
    In a headline (``titles``: its sentences), whose parse is often wrong ("Three gunmen killed in Jenin; five
    suspects apprehended" has "apprehended" as its root), the first event it tells with a verb leads (not a noun
    naming an earlier one: "Suspect in Huwara attack apprehended")."""
    if not cands:
        return []
    first = min(c.sent_index for c in cands)
    lead = min(
        cands,
        key=lambda c: (
            c.sent_index,
            _told_by_a_noun(c) if first in titles else c.depth,
            c.trigger.i,
        ),
    )
    rest = sorted(
        (c for c in cands if c is not lead), key=lambda c: (min(s for s, _ in c.evidence), c.trigger.i)
    )
    return [lead, *rest]
