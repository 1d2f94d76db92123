"""The territorial-control ledger: who holds a settlement according to whom, since when.

Each event of the categories ``territory_captured``, ``withdrawal``, ``advance`` or ``armed_clash`` located
at a settlement (geo precision 1 or 2) becomes one dated ledger entry of that settlement:

* ``territory_captured``: the controller is actor1's country (the side that takes it); the loser is actor2's
  country, else actor1's opponent.
* ``withdrawal``: the withdrawing side (actor1) loses. A full withdrawal ("withdrew from X") hands the place
  to the other side; a partial pull-back ("in certain spots", "near X", "to more advantageous positions", or a
  withdrawal located only near the settlement, geo precision 2) leaves it ``contested``.
* ``armed_clash`` and ``advance``: fighting inside the settlement (street fighting, "entered the town", or a
  clash located at the settlement itself) makes it ``contested``; fighting or an advance near it changes
  nothing (an entry with no controller, kept in the history).
* Background: an event that ended more than ``BACKGROUND_DAYS`` before the report that tells it ("Kyiv retook
  it last summer") is an entry with its own dates, in the reporter's voice (status ``reported``, the
  publisher as the source): the attribution verbs of a news sentence govern the news, not the background.

Each entry has a status as its source stated it: ``claimed`` (by the side that gains), ``reported`` (by
the losing side or by a third party), ``assessed`` (an analyst), ``denied``; it becomes ``confirmed`` when a
second side agrees (the losing side admits it, or an independent source reports it).

The status of a settlement on a date (``Ledger.status_at``) replays the entries up to that date: each change
of controller opens an episode (a later recapture flips the status with the new date; entries that agree
with the current controller support it); the episode's claim level is ``claimed`` (only the gaining side
says so), ``reported``, ``confirmed`` (two sides agree) or ``disputed`` (the other side denies it and has
not admitted it since). The status is a country code, ``contested`` or ``unknown``, with the reason.

Everything here is a pure function of ``Event`` records; ``spotrep.control.store`` feeds it from the store.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from ..model import Event, Evidence, Location

log = logging.getLogger(__name__)

CONTROL_CATEGORIES: tuple[str, ...] = ("territory_captured", "withdrawal", "advance", "armed_clash")
"""The event categories that say something about who holds a place."""

CONTESTED = "contested"
UNKNOWN = "unknown"

DEFAULT_OPPONENTS: Mapping[str, str] = {"UA": "RU", "RU": "UA"}
"""The other side of each belligerent, for events that name only one side."""

BACKGROUND_DAYS = 30
"""An event that ended this many days before the report that tells it is background, not news."""

DENIAL_LEAD_DAYS = 3
"""A denial dated up to this many days before the claim it denies still answers it (reports cross)."""

Effect = Literal["captured", "withdrawal", "partial_withdrawal", "fighting", "advance", "nearby"]
EntryStatus = Literal["claimed", "reported", "assessed", "confirmed", "denied"]
ClaimLevel = Literal["claimed", "reported", "confirmed", "disputed"]

EFFECT_WORDS: dict[str, str] = {
    "captured": "taken",
    "withdrawal": "withdrawal",
    "partial_withdrawal": "partial withdrawal",
    "fighting": "fighting inside it",
    "advance": "advance into it",
    "nearby": "fighting or advance nearby",
}

# --- cues in the evidence -----------------------------------------------------------------------------------

_PARTIAL_WITHDRAWAL = re.compile(
    r"\b(?:in (?:certain|some|several|a few) (?:spots|places|areas|sectors|positions|parts)"
    r"|(?:some|certain|several|a few) (?:of (?:its|their|our|the) )?positions"
    r"|partial(?:ly)?|parts? of|outskirts|approaches|near|around|areas"
    r"|(?:more )?(?:advantageous|favou?rable|better|new|prepared) (?:defensive )?(?:positions|lines)"
    r"|(?:second|fallback|defensive) lines?)\b",
    re.IGNORECASE,
)
_FULL_WITHDRAWAL = re.compile(
    r"\b(?:completely|fully|entirely|the (?:whole|entire)"
    r"|all (?:of )?(?:its|their|our) (?:troops|forces|units)"
    r"|withdr[ae]wn? (?:\w+ ){0,3}from|pulled (?:\w+ ){0,3}out of|retreated from|abandoned|left|vacated|ceded"
    r"|evacuated (?:\w+ ){0,2}from)\b",
    re.IGNORECASE,
)
_INSIDE = re.compile(
    r"\b(?:street(?:-to-street|-by-street)?|streets|house-to-house|building-to-building|urban|inside"
    r"|within (?:the )?(?:town|city|village|settlement)|(?:town|city|village) (?:itself|centre|center)"
    r"|(?:centre|center) of|blocks?|neighbou?rhoods?|entered|broke into|into the (?:town|city|village))\b",
    re.IGNORECASE,
)
_NEAR = re.compile(
    r"\b(?:near|nearby|outside|outskirts|approaches|around|towards?|in the direction of|direction|vicinity"
    r"|close to|\d+ ?(?:km|kilometres|kilometers|miles) (?:from|of|north|south|east|west))\b",
    re.IGNORECASE,
)


def _loose(text: str) -> str:
    from ..gazetteer.translit import loose_key

    return loose_key(text)


def place_sentences(evidence: Iterable[Evidence], name: str | None) -> list[str]:
    """The evidence sentences that name the place (any spelling variant); all of them when none does."""
    texts = [e.text for e in evidence]
    if not name:
        return texts
    from ..gazetteer.translit import name_key

    target = _loose(name)
    n = len(name_key(name).split())
    if not target or n == 0:
        return texts
    found = []
    for text in texts:
        words = name_key(text).split()
        if any(_loose(" ".join(words[i : i + n])) == target for i in range(len(words) - n + 1)):
            found.append(text)
    return found or texts


_NEAR_BEFORE = re.compile(
    r"(?:\b(?:near|nearby|outside|around|towards?|vicinity of|close to|closer to|outskirts of|approach(?:es)? to"
    r"|direction of|edge of|(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)? of"
    r"|(?:km|kilometres|kilometers|miles) (?:from|of)|beyond)"
    r"|\b(?:a|an|another|one|two|three|several|some) (?:\w+ )?(?:village|villages|settlement|settlements"
    r"|positions?|hamlet|locality|localities|town|heights?) (?:\w+ )?(?:near|outside|around|close to|west of"
    r"|east of|north of|south of))\s*(?:the\s+(?:\w+\s+){0,3}?(?:city|town|village|hub|stronghold|settlement)"
    r"\s+of\s+)?$",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_][\w'’]*")
_NEAR_AFTER = re.compile(
    r"^\s*(?:area|areas|district|raion|direction|directions|sector|axis|front|outskirts|region|oblast"
    r"|community|hromada)\b",
    re.IGNORECASE,
)


def names_the_settlement(texts: Iterable[str], name: str | None, precision: int | None) -> bool:
    """Whether a capture's evidence tells of the settlement itself, not of a place near it ("captured a village
    near X", "positions on the outskirts of X", "advanced in the X direction"): a place near X taken says
    nothing about who holds X. Decided from the words around the name; without the name in the evidence, from
    the precision (2 is near the settlement)."""
    if not name:
        return precision == 1
    from ..gazetteer.translit import name_key

    target = _loose(name)
    n = len(name_key(name).split())
    if not target or n == 0:
        return precision == 1
    seen = False
    for text in texts:
        words = list(_WORD.finditer(text))
        for i in range(len(words) - n + 1):
            if _loose(" ".join(w.group() for w in words[i : i + n])) != target:
                continue
            seen = True
            start, end = words[i].start(), words[i + n - 1].end()
            if not _NEAR_BEFORE.search(text[max(0, start - 80) : start]) and not _NEAR_AFTER.match(
                text[end : end + 20]
            ):
                return True
    return not seen and precision == 1


def is_partial_withdrawal(texts: Iterable[str], precision: int | None) -> bool:
    """Whether a withdrawal is a partial pull-back (contested) rather than the loss of the place."""
    joined = " ".join(texts)
    if _PARTIAL_WITHDRAWAL.search(joined):
        return True
    if _FULL_WITHDRAWAL.search(joined):
        return False
    return precision == 2


def is_inside(texts: Iterable[str], precision: int | None) -> bool:
    """Whether fighting (or an advance) happens inside the settlement rather than near it."""
    joined = " ".join(texts)
    if _INSIDE.search(joined):
        return True
    if _NEAR.search(joined):
        return False
    return precision == 1


# --- records ------------------------------------------------------------------------------------------------


class PlaceRef(BaseModel):
    """The settlement a ledger is about."""

    model_config = ConfigDict(frozen=True)

    key: str
    name: str | None = None
    country: str | None = None
    admin1: str | None = None
    admin1_code: str | None = None
    admin2: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    gazetteer_id: str | None = None

    @classmethod
    def from_location(cls, location: Location, key: str) -> PlaceRef:
        return cls(
            key=key,
            name=location.name,
            country=location.country,
            admin1=location.admin1,
            admin1_code=location.admin1_code,
            admin2=location.admin2,
            latitude=location.latitude,
            longitude=location.longitude,
            gazetteer_id=location.gazetteer_id,
        )

    def label(self) -> str:
        parts = [p for p in (self.admin1, self.admin1_code, self.country) if p]
        return f"{self.name} ({', '.join(parts)})" if parts else str(self.name or self.key)


class LedgerEntry(BaseModel):
    """One dated statement about who holds a settlement, by one source."""

    model_config = ConfigDict(extra="forbid")

    date: date
    date_start: date | None = None
    date_end: date | None = None
    controller: str | None  # ISO alpha-2 of the holder, "contested", or None (nothing changes hands)
    effect: Effect
    loser: str | None = None  # the side that loses it (captures and withdrawals)
    source: str | None = None
    source_country: str | None = None
    status: EntryStatus
    stated_status: EntryStatus  # as the source stated it (``status`` may be raised to confirmed)
    background: bool = False
    evidence: list[Evidence] = Field(default_factory=list)
    event_id: str = ""
    document_id: str = ""
    published: date | None = None
    reason: str = ""

    def who(self) -> str:
        name = self.source or "an unnamed source"
        return f"{name} ({self.source_country})" if self.source_country else name

    def history_dict(self) -> dict[str, Any]:
        """The entry as JSON-ready data (the ``history`` items of ``spotrep control``)."""
        return {
            "date": self.date.isoformat(),
            "controller": self.controller,
            "source": self.source,
            "source_country": self.source_country,
            "status": self.status,
            "evidence": [e.model_dump(mode="json", exclude_none=True) for e in self.evidence],
            "effect": self.effect,
            "stated_status": self.stated_status,
            "background": self.background,
            "date_start": self.date_start.isoformat() if self.date_start else None,
            "date_end": self.date_end.isoformat() if self.date_end else None,
            "event_id": self.event_id,
            "document_id": self.document_id,
            "reason": self.reason,
        }


class ControlStatus(BaseModel):
    """Who holds a settlement on a date, with the reason and the entries up to that date."""

    place: PlaceRef
    as_of: date
    status: str  # an ISO alpha-2 code, "contested" or "unknown"
    since: date | None = None
    claim_status: ClaimLevel | None = None
    reason: str
    history: list[LedgerEntry] = Field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "place": self.place.model_dump(mode="json"),
            "status": self.status,
            "as_of": self.as_of.isoformat(),
            "since": self.since.isoformat() if self.since else None,
            "claim_status": self.claim_status,
            "reason": self.reason,
            "history": [e.history_dict() for e in self.history],
        }


# --- events -> entries --------------------------------------------------------------------------------------


def is_settlement_event(event: Event) -> bool:
    """Located at a settlement (itself or near it), not at a region or country."""
    loc = event.location
    precision = event.geo_precision or loc.geo_precision
    if precision not in (1, 2) or not (loc.name and loc.name.strip()):
        return False
    return not (loc.gazetteer_id or "").startswith(("iso:", "area:"))


def event_place_key(event: Event) -> str | None:
    from ..store.dedup import place_key

    return place_key(event.location, event.geo_precision or event.location.geo_precision)


def _interval_end(event: Event) -> date | None:
    return event.date_end or event.event_date or event.date_start


def entry_from_event(
    event: Event,
    *,
    published: date | None = None,
    opponents: Mapping[str, str] = DEFAULT_OPPONENTS,
) -> LedgerEntry | None:
    """The ledger entry an event makes (None when it says nothing about who holds a settlement).

    ``published`` is the date of the report that tells the event (for telling background from news).
    """
    categories = set(event.categories)
    if not categories & set(CONTROL_CATEGORIES) or not is_settlement_event(event):
        return None
    when = event.event_date or event.date_start or event.date_end
    if when is None:
        log.debug("event %s: undated, no ledger entry", event.event_id)
        return None
    precision = event.geo_precision or event.location.geo_precision
    a1 = event.actor1.country if event.actor1 else None
    a2 = event.actor2.country if event.actor2 else None
    texts = place_sentences(event.evidence, event.location.name)

    controller: str | None
    loser: str | None = None
    if "territory_captured" in categories:
        if a1 is None:
            log.debug("event %s: a capture with no country for actor1, no ledger entry", event.event_id)
            return None
        effect: Effect
        if names_the_settlement(texts, event.location.name, precision):
            effect = "captured"
            controller, loser = a1, (a2 if a2 and a2 != a1 else opponents.get(a1))
            why = f"taken by {a1}"
        else:
            effect, controller, why = "nearby", None, f"a place near it taken by {a1}"
    elif "withdrawal" in categories:
        if a1 is None:
            log.debug("event %s: a withdrawal with no country for actor1, no ledger entry", event.event_id)
            return None
        loser = a1
        winner = a2 if a2 and a2 != a1 else opponents.get(a1)
        if is_partial_withdrawal(texts, precision):
            effect, controller, why = "partial_withdrawal", CONTESTED, f"partial withdrawal by {a1}"
        elif winner is None:
            effect, controller, why = "withdrawal", CONTESTED, f"withdrawal by {a1}, the other side unknown"
        else:
            effect, controller, why = "withdrawal", winner, f"withdrawal by {a1}"
    elif "armed_clash" in categories:
        if is_inside(texts, precision):
            effect, controller, why = "fighting", CONTESTED, "fighting inside it"
        else:
            effect, controller, why = "nearby", None, "fighting nearby"
    else:  # advance
        if is_inside(texts, precision):
            effect, controller, why = "advance", CONTESTED, f"advance into it by {a1 or 'a side'}"
            loser = a2 if a2 and a2 != a1 else (opponents.get(a1) if a1 else None)
        else:
            effect, controller, why = "nearby", None, f"advance nearby by {a1 or 'a side'}"

    claim = event.claim
    source, source_country = claim.source, claim.source_country
    stated: EntryStatus
    if claim.status == "denied":
        stated = "denied"
    elif claim.status in ("assessed", "confirmed"):
        stated = claim.status
    elif controller not in (None, CONTESTED) and source_country == controller:
        stated = "claimed"  # the side that gains says so
    elif controller not in (None, CONTESTED):
        stated = "reported"  # the losing side (an admission) or a third party
    else:
        stated = claim.status

    background = False
    end = _interval_end(event)
    if published is not None and end is not None and (published - end).days > BACKGROUND_DAYS:
        background = True
        if stated != "denied":
            stated = "reported"
            if event.source:
                source, source_country = event.source, None
        why += f" (background in a report of {published.isoformat()})"

    return LedgerEntry(
        date=when,
        date_start=event.date_start,
        date_end=event.date_end,
        controller=controller,
        effect=effect,
        loser=loser,
        source=source,
        source_country=source_country,
        status=stated,
        stated_status=stated,
        background=background,
        evidence=sorted(event.evidence, key=lambda e: e.text not in texts),  # the sentences naming it first
        event_id=event.event_id,
        document_id=event.document_id,
        published=published,
        reason=why,
    )


# --- ledgers ------------------------------------------------------------------------------------------------

_RANK = {CONTESTED: 0}  # within one day: fighting first, then captures (the outcome), then denials


def _order(entry: LedgerEntry) -> tuple:
    rank = 2 if entry.status == "denied" else _RANK.get(entry.controller or "", 1)
    return (entry.date, rank, entry.published or entry.date, entry.document_id, entry.event_id)


@dataclass
class _Episode:
    controller: str
    since: date
    entries: list[LedgerEntry] = field(default_factory=list)
    denials: list[LedgerEntry] = field(default_factory=list)


@dataclass
class Ledger:
    """The dated entries of one settlement, in order."""

    place: PlaceRef
    entries: list[LedgerEntry] = field(default_factory=list)
    opponents: Mapping[str, str] = field(default_factory=lambda: dict(DEFAULT_OPPONENTS))

    def add(self, entry: LedgerEntry) -> None:
        self.entries.append(entry)
        self.entries.sort(key=_order)

    def status_at(self, as_of: date) -> ControlStatus:
        """Who holds the settlement on ``as_of``, why, and the history up to that date."""
        return status_at(self, as_of)


def build_ledgers(
    events: Iterable[Event],
    *,
    published: Mapping[str, date | None] | None = None,
    opponents: Mapping[str, str] = DEFAULT_OPPONENTS,
) -> dict[str, Ledger]:
    """A ledger per settlement from events (keyed by the place key the store uses).

    ``published`` maps document ids to publication dates; a document without one is dated by its latest event
    (so that its older events are still recognised as background).
    """
    events = list(events)
    reference: dict[str, date] = {}
    for ev in events:
        when = _interval_end(ev)
        if when and (ev.document_id not in reference or when > reference[ev.document_id]):
            reference[ev.document_id] = when
    if published:
        reference.update({k: v for k, v in published.items() if v is not None})
    ledgers: dict[str, Ledger] = {}
    for ev in events:
        entry = entry_from_event(ev, published=reference.get(ev.document_id), opponents=opponents)
        if entry is None:
            continue
        key = event_place_key(ev)
        if key is None:
            continue
        ledger = ledgers.get(key)
        if ledger is None:
            ledger = ledgers[key] = Ledger(
                PlaceRef.from_location(ev.location, key), opponents=dict(opponents)
            )
        ledger.add(entry)
    return ledgers


def _side(entry: LedgerEntry, controller: str, loser: str | None) -> str:
    if entry.stated_status == "assessed" or entry.source_country is None:
        return "independent"
    if entry.source_country == controller:
        return "gainer"
    if loser is not None and entry.source_country == loser:
        return "loser"
    return "independent"


def _episode_loser(episode: _Episode, opponents: Mapping[str, str]) -> str | None:
    losers = Counter(e.loser for e in episode.entries if e.loser and e.loser != episode.controller)
    if losers:
        return losers.most_common(1)[0][0]
    return opponents.get(episode.controller)


def _level(episode: _Episode, opponents: Mapping[str, str]) -> tuple[ClaimLevel, str]:
    """The claim level of an episode and the words that explain it."""
    first = episode.entries[0]
    opening = (
        f"{EFFECT_WORDS[first.effect]}, {first.stated_status} by {first.who()} on {first.date.isoformat()}"
    )
    if episode.controller == CONTESTED:
        sides = {e.source_country or f"?{e.source}" for e in episode.entries}
        parts = [f"{EFFECT_WORDS[e.effect]} ({e.who()}, {e.date.isoformat()})" for e in episode.entries[:4]]
        level: ClaimLevel = (
            "confirmed"
            if len(sides) >= 2
            else ("claimed" if all(e.stated_status == "claimed" for e in episode.entries) else "reported")
        )
        return level, "; ".join(parts)
    loser = _episode_loser(episode, opponents)
    sides = {_side(e, episode.controller, loser) for e in episode.entries}
    if episode.denials:
        last = max(d.date for d in episode.denials)
        denial = max(episode.denials, key=lambda d: d.date)
        retracted = any(
            _side(e, episode.controller, loser) == "loser" and e.date >= last for e in episode.entries
        )
        if not retracted:
            return "disputed", f"{opening}; denied by {denial.who()} on {denial.date.isoformat()}"
    if len(sides) >= 2:
        agree = next(
            e
            for e in episode.entries
            if _side(e, episode.controller, loser) != _side(first, episode.controller, loser)
        )
        return "confirmed", (
            f"{opening}; confirmed by {agree.who()} on {agree.date.isoformat()}"
            f" ({EFFECT_WORDS[agree.effect]}, {agree.stated_status})"
        )
    if sides == {"gainer"}:
        other = loser or "the other side"
        return "claimed", f"{opening}; not confirmed by {other} or an independent source"
    return "reported", opening


def status_at(ledger: Ledger, as_of: date) -> ControlStatus:
    """Replay the ledger up to ``as_of``: the current controller, since when, how firmly, and why."""
    episodes: list[_Episode] = []
    pending: list[LedgerEntry] = []
    nearby: list[LedgerEntry] = []
    upto = [e for e in ledger.entries if e.date <= as_of]
    for entry in upto:
        if entry.controller is None:
            nearby.append(entry)
            continue
        current = episodes[-1] if episodes else None
        if entry.status == "denied":
            if current is not None and current.controller == entry.controller:
                current.denials.append(entry)
            else:
                pending.append(entry)
            continue
        if current is not None and current.controller == entry.controller:
            current.entries.append(entry)
            continue
        lead = timedelta(days=DENIAL_LEAD_DAYS)
        answered = [d for d in pending if d.controller == entry.controller and entry.date - d.date <= lead]
        pending = [d for d in pending if d not in answered]
        episodes.append(_Episode(entry.controller, entry.date, [entry], answered))

    levels: dict[int, ClaimLevel] = {}
    for ep in episodes:
        level, _ = _level(ep, ledger.opponents)
        for e in ep.entries:
            levels[id(e)] = level
    history = [
        e.model_copy(update={"status": "confirmed"})
        if levels.get(id(e)) == "confirmed" and e.status in ("claimed", "reported", "assessed")
        else e
        for e in upto
    ]
    if not episodes:
        if nearby:
            last = nearby[-1]
            reason = (
                f"no report of who holds it on or before {as_of.isoformat()}; {EFFECT_WORDS[last.effect]}"
                f" reported by {last.who()} on {last.date.isoformat()}"
            )
        else:
            reason = f"no report of who holds it on or before {as_of.isoformat()}"
        return ControlStatus(place=ledger.place, as_of=as_of, status=UNKNOWN, reason=reason, history=history)
    current = episodes[-1]
    level, words = _level(current, ledger.opponents)
    if current.controller == CONTESTED:
        reason = f"contested since {current.since.isoformat()}: {words}"
    else:
        reason = f"{current.controller} since {current.since.isoformat()}: {words}"
    if len(episodes) > 1:
        before = episodes[-2]
        reason += f" (before: {before.controller} since {before.since.isoformat()})"
    return ControlStatus(
        place=ledger.place,
        as_of=as_of,
        status=current.controller,
        since=current.since,
        claim_status=level,
        reason=reason,
        history=history,
    )
