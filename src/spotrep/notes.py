"""ACLED-style notes: one sentence that says what happened, where, when, who, and who says so."""

from __future__ import annotations

import re
from datetime import date

from .model import Event

_PHRASES = {
    "clash": "clashed with {actor2} in",
    "assault": "launched a ground assault in",
    "advance": "advanced in",
    "capture": "took control of",
    "recapture": "retook",
    "withdrawal": "withdrew from positions in",
    "shelling": "shelled",
    "missile": "carried out a missile strike on",
    "air_strike": "carried out an air strike on",
    "drone_strike": "carried out a drone strike in",
    "interception": "intercepted {what} over",
    "weapons_seizure": "seized or neutralised weapons in",
    "explosive": "detonated an explosive device in",
    "suicide": "carried out a suicide bombing in",
    "grenade": "threw a grenade in",
    "chemical": "used a chemical weapon in",
    "attack": "attacked {actor2} in",
    "kill": "killed {actor2} in",
    "wound": "wounded {actor2} in",
    "sexual": "committed sexual violence in",
    "abduction": "abducted {actor2} in",
    "protest": "demonstrated in",
    "protest_force": "used force against protesters in",
    "riot": "rioted in",
    "mob": "carried out mob violence in",
    "looting": "looted or destroyed property in",
    "arrest": "arrested {actor2} in",
    "agreement": "reached an agreement in",
    "deployment": "deployed {what} to",
    "base": "established a base in",
    "political": "made a political move in",
    "group_change": "changed its organisation or activity in",
    "disruption": "disrupted infrastructure in",
    "sabotage": "carried out sabotage in",
    "shootdown": "shot down {what} over",
    "air_combat": "shot down {what} in air combat over",
    "explosion": "caused an explosion in",
    "displacement": "displaced civilians from",
}


def _plural(unit: str, count: int) -> str:
    """ "missile" -> "missiles" when there are several (proper names such as "ATACMS" stay as they are)."""
    if count == 1 or unit.endswith("s") or unit[-1:].isupper():
        return unit
    if unit.endswith("y") and unit[-2:-1] not in "aeiou":
        return unit[:-1] + "ies"
    return unit + "es" if unit.endswith(("sh", "ch", "x")) else unit + "s"


def _day(d: date | None) -> str:
    return f"{d.day} {d:%B %Y}" if d else "an unknown date"


def _when(event: Event) -> str:
    if event.date_start and event.date_end and (event.date_end - event.date_start).days > 1:
        return f"Between {_day(event.date_start)} and {_day(event.date_end)}"
    return f"On {_day(event.event_date)}"


_PERIOD = re.compile(r" \(\d{4}-(?:\d{4})?\)")


def _plain(name: str) -> str:
    """An actor's name as a note says it: without ACLED's period of government ('Military Forces of Russia')."""
    return _PERIOD.sub("", name)


def write_notes(event: Event, kind: str) -> str:
    """The ACLED-style note of an event of an internal kind."""
    a1 = _plain(event.actor1.name) if event.actor1 else "unidentified actors"
    a2 = (
        _plain(event.actor2.name)
        if event.actor2
        else ("civilians" if kind in ("attack", "kill", "wound") else "")
    )
    what = (
        ", ".join(f"{q.count:,} {_plural(q.unit, q.count)}" for q in event.quantities)
        or ", ".join(event.weapons)
        or "forces"
    )
    if kind in ("interception", "shootdown", "air_combat") and not event.quantities:
        what = ", ".join(event.weapons) or ("projectiles" if kind == "interception" else "an aircraft")
    phrase = _PHRASES.get(kind, "were involved in an event in").format(
        actor2=a2 or "opposing forces", what=what
    )
    loc = event.location
    where = loc.name or "an unknown location"
    if loc.admin1 and loc.admin1 != loc.name:
        where += f" ({loc.admin1})"
    if event.geo_precision == 2:
        where = f"the area of {where}"
    details = []
    if event.fatalities is not None:
        details.append(f"{event.fatalities} killed")
    if event.injuries is not None:
        details.append(f"{event.injuries} injured")
    tail = f" [{', '.join(details)}]" if details else ""
    claim = event.claim
    source = ""
    if claim.source:
        verb = {
            "claimed": "as claimed by",
            "denied": "denied by",
            "assessed": "as assessed by",
            "confirmed": "as confirmed by",
        }.get(claim.status, "according to")
        who = f"the {claim.source}" if claim.source[:1].islower() else claim.source
        source = f", {verb} {who}"
    return f"{_when(event)}, {a1} {phrase} {where}{tail}{source}."
