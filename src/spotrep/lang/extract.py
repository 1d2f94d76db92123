"""Events from reports in a language without a spaCy model (Ukrainian, Russian): a lexicon-driven reader.

Language-neutral: sentences, the choice of the event's kind, the place, the date, the figures, the sides and
the claim, and the Event record (with its evidence spans in the original text and an English note). What
differs by language is the ``Lexicon`` of ``lang/<code>/`` and the place finder's morphology
(``spotrep.lang.places``).

A sentence that names a kind of event (a strike, shelling, fighting, an interception ...) and is not denied
gives an event: at the places it names (else the report's first place: a headline's or dateline's), on the day
it names (else the report's, else the publication date), with the people it says were killed and wounded.
Events of one kind at one place on one day in one report are one event.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from ..dates.days import recent_weekday
from ..documents import Document
from ..model import Actor, Claim, Event, Evidence, Location
from . import LEXICON_LANGUAGES, lexicon_of
from .lexicon import Lexicon

log = logging.getLogger(__name__)

LANGUAGES = LEXICON_LANGUAGES  # every folder of spotrep.lang with a LEXICON (``lexicon_languages()``)
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[\"«“(]?[^\W\d_a-z])|\n+")
_NUMBER = re.compile(r"(?<![\w.,])(\d{1,4})(?![\w.,]\d)")
# an age: "62-річного чоловіка", "55-летняя женщина" is one person of that age, not 62 people
_AGE = re.compile(r"\s?[-–]\s?(?:річн|рiчн|літн|летн)")
_WORD = re.compile(r"[\w'’-]+")


@dataclass
class _Sentence:
    start: int
    end: int
    text: str
    lower: str


@dataclass
class _Found:
    kind: str
    weapon: str | None
    sentence: _Sentence
    places: list[Location] = field(default_factory=list)
    when: tuple[date, date] | None = None
    killed: int | None = None
    injured: int | None = None
    # the dead and wounded a later sentence tells at one of the places (index into places): "У Вовчанську
    # загинула жінка" after a list of shelled towns is Vovchansk's toll, not every town's
    at: dict[int, tuple[int | None, int | None]] = field(default_factory=dict)


def sentences(text: str) -> list[_Sentence]:
    out: list[_Sentence] = []
    start = 0
    for match in [*_SENTENCE_END.finditer(text), None]:
        end = match.start() if match else len(text)
        piece = text[start:end]
        stripped = piece.strip()
        if stripped:
            offset = start + (len(piece) - len(piece.lstrip()))
            out.append(_Sentence(offset, offset + len(stripped), stripped, stripped.lower()))
        if match:
            start = match.end()
    return out


def extract_document(doc: Document, lang: str) -> list[Event]:
    """The events of one Ukrainian or Russian document."""
    lex = lexicon_of(lang)
    parts = sentences(doc.text)
    mentions = _places(doc.text, lang, lex, doc.published)
    published = doc.published
    doc_when = None
    for s in parts:
        doc_when = _date_of(s.lower, lex, published)
        if doc_when:
            break
    doc_places = _best_places(mentions, 0, len(doc.text))
    doc_side = _side(doc.text.lower(), lex)
    doc_source = _source(doc.text.lower(), lex)
    found: list[_Found] = []
    for s in parts:
        hit = _kind(s.lower, lex)
        if hit is None or lex.rx("negation", lex.negation).search(s.lower):
            if found and hit is None:  # casualties told in the next sentence belong to the event before
                _later_casualties(found[-1], s, _best_places(mentions, s.start, s.end), lex)
            continue
        kind, weapon = hit
        f = _Found(kind, weapon, s)
        f.places = _best_places(mentions, s.start, s.end) or doc_places
        f.when = _date_of(s.lower, lex, published) or doc_when
        _casualties(f, s.lower, lex)
        found.append(f)
    return _events(doc, lang, lex, found, published, doc_side, doc_source)


def _kind(lower: str, lex: Lexicon) -> tuple[str, str | None] | None:
    for i, trigger in enumerate(lex.triggers):
        if lex.rx(f"trigger{i}", trigger.pattern).search(lower):
            weapon = trigger.weapon
            if weapon is None and trigger.kind in ("shelling", "interception"):
                # a generic word (a strike, an attack): a weapon named elsewhere says which; not an arrest,
                # a fight or ground taken, which weapons named beside them do not change
                for other in lex.triggers:
                    if other.weapon and lex.rx(f"w{other.pattern}", other.pattern).search(lower):
                        # shot down drones: an interception; a strike by drones: a drone strike
                        return (trigger.kind if trigger.kind == "interception" else other.kind), other.weapon
            return trigger.kind, weapon
    return None


def _places(text: str, lang: str, lex: Lexicon, on: date | None = None) -> list:
    try:
        from .places import LANGUAGES as PLACE_LANGUAGES
        from .places import find_places
    except ImportError:  # the Cyrillic place finder is not part of this build
        return []
    if lang not in PLACE_LANGUAGES:
        log.debug("no place reader for %s yet: its events take the document's place, if given", lang)
        return []
    return find_places(text, lang, lex.entities, on)


_KIND_RANK = {"settlement": 0, "hromada": 1, "raion": 2, "oblast": 3, "country": 4}


def _best_places(mentions: list, start: int, end: int) -> list[Location]:
    inside = [m for m in mentions if m.start >= start and m.end <= end]
    if not inside:
        return []
    best = min(_KIND_RANK.get(m.kind, 5) for m in inside)
    seen: dict[str | None, Location] = {}
    for m in inside:
        if _KIND_RANK.get(m.kind, 5) == best:
            seen.setdefault(m.location.name, m.location)
    return list(seen.values())


def _number_near(lower: str, at: int, lex: Lexicon, window: int = 40) -> int | None:
    before = lower[max(0, at - window) : at]
    after = lower[at : at + window]
    candidates: list[tuple[int, int]] = []
    for piece, base, sign in ((before, at - len(before), -1), (after, at, 1)):
        for m in _NUMBER.finditer(piece):
            one = bool(_AGE.match(piece, m.end()))
            candidates.append((abs(base + m.start() - at), 1 if one else int(m.group(1))))
        for m in _WORD.finditer(piece):
            value = lex.number_words.get(m.group(0))
            if value is not None:
                candidates.append((abs(base + m.start() - at), value))
        del sign
    if not candidates:
        return None
    return min(candidates)[1]


def _casualties(f: _Found, lower: str, lex: Lexicon, *, add: bool = False) -> None:
    for name, pattern in (("killed", lex.killed), ("injured", lex.injured)):
        m = lex.rx(name, pattern).search(lower)
        if not m:
            continue
        n = _number_near(lower, m.start(), lex)
        if n is None:
            continue
        current = getattr(f, name)
        setattr(f, name, n if current is None else (max(current, n) if not add else current))


def _later_casualties(f: _Found, s: _Sentence, places: list[Location], lex: Lexicon) -> None:
    """The dead and wounded a sentence after the event tells: at the event's places it names, when it names
    some of them, else at all of them."""
    from ..places import same_place

    named = [i for i, p in enumerate(f.places) if any(same_place(p, q) for q in places)]
    if not named or len(named) == len(f.places):
        _casualties(f, s.lower, lex, add=True)
        return
    told = _Found(f.kind, f.weapon, s)
    _casualties(told, s.lower, lex)
    if told.killed is None and told.injured is None:
        return
    for i in named:
        killed, injured = f.at.get(i, (None, None))
        f.at[i] = (
            killed if killed is not None else told.killed,
            injured if injured is not None else told.injured,
        )


def _date_of(lower: str, lex: Lexicon, published: date | None) -> tuple[date, date] | None:
    if published is None:
        return None
    months = "|".join(lex.months)
    m = lex.rx("day_month", rf"(\d{{1,2}})\s+({months})\w*(?:\s+(\d{{4}}))?").search(lower)
    if m:
        month = next(v for k, v in lex.months.items() if re.fullmatch(rf"{k}\w*", m.group(2)))
        year = int(m.group(3)) if m.group(3) else published.year
        try:
            day = date(year, month, int(m.group(1)))
        except ValueError:
            day = None
        if day is not None:
            if not m.group(3) and day > published + timedelta(days=31):
                day = day.replace(year=year - 1)
            if lex.rx("night_on_day", rf"{lex.night_on}\s+\d").search(lower):
                return day - timedelta(days=1), day
            return day, day
    if lex.rx("past_day", lex.past_day).search(lower):
        return published - timedelta(days=1), published
    if lex.rx("yesterday", lex.yesterday).search(lower):
        day = published - timedelta(days=1)
        return day, day
    for stem, weekday in lex.weekdays.items():
        if lex.rx(f"weekday{weekday}", rf"{stem}\w*").search(lower):
            day = recent_weekday(published, weekday)  # the arithmetic every language shares
            return day, day
    return None


def _side(lower: str, lex: Lexicon) -> str | None:
    best: tuple[int, str] | None = None
    for i, side in enumerate(lex.sides):
        m = lex.rx(f"side{i}", side.pattern).search(lower)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), side.country)
    return best[1] if best else None


def _side_near(lower: str, lex: Lexicon, kind: str) -> str | None:
    """The side named nearest the word of a kind of event ("Коригувала удари РФ ...: СБУ затримала": the SBU's
    side arrests, not Russia's)."""
    at = None
    for i, trigger in enumerate(lex.triggers):
        if trigger.kind == kind and (m := lex.rx(f"trigger{i}", trigger.pattern).search(lower)):
            at = m.start()
            break
    if at is None:
        return None
    best: tuple[int, str] | None = None
    for i, side in enumerate(lex.sides):
        for m in lex.rx(f"side{i}", side.pattern).finditer(lower):
            d = abs(m.start() - at)
            if best is None or d < best[0]:
                best = (d, side.country)
    return best[1] if best else None


def _source(lower: str, lex: Lexicon) -> tuple[str, str | None] | None:
    for i, source in enumerate(lex.sources):
        if lex.rx(f"source{i}", source.pattern).search(lower):
            return source.name, source.country
    return None


_STRIKES = {"shelling", "missile", "air_strike", "drone_strike", "explosive"}


def _actors(
    f: _Found, lex: Lexicon, doc_side: str | None, on: date | None
) -> tuple[Actor | None, Actor | None]:
    from ..actors import make_actor

    side = _side(f.sentence.lower, lex) or doc_side
    if side is None and f.kind in _STRIKES | {"interception"} and lex.code == "uk":
        side = "RU"  # Ukrainian reports of strikes and of what air defence shot down: Russia's
    if f.kind == "arrest":  # "СБУ затримала агента": the side's security services, no army
        side = _side_near(f.sentence.lower, lex, "arrest") or side
        return (make_actor("police", side) if side else None), None
    actor1 = make_actor("military", side) if side else None
    if f.kind == "interception":
        other = {"RU": "UA", "UA": "RU"}.get(side or "")
        return (make_actor("military", other) if other else None), actor1
    target_country = {"RU": "UA", "UA": "RU"}.get(side or "")
    civilians = (f.killed or f.injured) and lex.rx("civilians", lex.civilians).search(f.sentence.lower)
    if f.kind in _STRIKES and civilians:
        return actor1, make_actor("civilians", target_country)
    if f.kind in ("clash", "capture", "recapture") and target_country:
        return actor1, make_actor("military", target_country)
    return actor1, None


def _events(
    doc: Document,
    lang: str,
    lex: Lexicon,
    found: list[_Found],
    published: date | None,
    doc_side: str | None,
    doc_source: tuple[str, str | None] | None,
) -> list[Event]:
    from ..event_types import KINDS
    from ..notes import write_notes
    from ..taxonomy import event_type_of

    events: list[Event] = []
    index: dict[tuple, Event] = {}
    for f in found:
        kind = f.kind
        sub, categories = KINDS[kind]
        start, end = f.when or ((published, published) if published else (None, None))
        source = _source(f.sentence.lower, lex) or doc_source
        claim = Claim(
            source=source[0] if source else None,
            source_country=source[1] if source else None,
            status="claimed" if source and source[1] == "RU" and lang == "uk" else "reported",
        )
        evidence = Evidence(
            text=f.sentence.text, start=f.sentence.start, end=f.sentence.end, document_id=doc.id
        )
        actor1, actor2 = _actors(f, lex, doc_side, end)
        if kind == "capture" and actor1 is not None and actor1.country == "UA":
            kind = "recapture"
            sub, categories = KINDS[kind]
        for n, location in enumerate(f.places or [Location()]):
            killed, injured = f.at.get(n, (f.killed, f.injured))
            key = (sub, location.name, start)
            if key in index:
                ev = index[key]
                if evidence not in ev.evidence:
                    ev.evidence.append(evidence)
                if killed is not None:
                    ev.fatalities = max(ev.fatalities or 0, killed)
                if injured is not None:
                    ev.injuries = max(ev.injuries or 0, injured)
                continue
            ev = Event(
                document_id=doc.id,
                event_date=end,
                date_start=start,
                date_end=end,
                time_precision=1 if start is not None else None,
                event_type=event_type_of(sub),
                sub_event_type=sub,
                categories=list(categories),
                actor1=actor1,
                actor2=actor2,
                location=location,
                geo_precision=location.geo_precision,
                fatalities=killed,
                injuries=injured,
                weapons=[f.weapon] if f.weapon else [],
                claim=claim,
                evidence=[evidence],
                source=doc.source,
                url=doc.url,
                lang=lang,
            )
            ev.notes = write_notes(ev, kind)
            index[key] = ev
            events.append(ev)
    return events
