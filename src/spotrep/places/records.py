"""What the places stage gives (``PlaceMention``, ``Candidate``) and what it keeps of a mention while it resolves it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..model import Location

if TYPE_CHECKING:
    pass


@dataclass
class Candidate:
    """One gazetteer entry considered for a mention."""

    location: Location
    kind: str  # "settlement" | "region" | "country"
    population: int | None
    score: float
    why: list[str]


@dataclass
class PlaceMention:
    """A place named (or referred to) in a document, with the entry it resolves to."""

    start: int
    end: int
    text: str
    kind: str  # "settlement" | "region" | "country" | "area"
    location: Location | None
    candidates: list[Candidate]
    reason: str
    sentence_index: int = 0
    anaphoric: bool = False
    metonymy: bool = False  # a capital or country standing for its government ("Kyiv said")
    # "near X", "outside X", "X area": the event is close to X, not in it (precision 2); a capture "near X"
    # is not a capture of X
    near: bool = False
    # a region named only to say where the settlement before it lies ("Orikhiv, Zaporizhia"): not a place of
    # its own for the event
    qualifier: bool = False
    # a place name that says whose an armed group is ("Donetsk rebels", "LPR positions"); metonymy is set too
    affiliation: bool = False
    # the text writes the place's own name (not an alternate name, a spelling variant or a loose match)
    own_name: bool = False

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data."""
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind,
            "location": self.location.model_dump() if self.location else None,
            "reason": self.reason,
            "sentence_index": self.sentence_index,
            "anaphoric": self.anaphoric,
            "metonymy": self.metonymy,
            "near": self.near,
            "qualifier": self.qualifier,
            "affiliation": self.affiliation,
            "candidates": [
                {
                    "location": c.location.model_dump(),
                    "kind": c.kind,
                    "population": c.population,
                    "score": c.score,
                    "why": c.why,
                }
                for c in self.candidates
            ],
        }


# --- internal mention record ----------------------------------------------------------------------
@dataclass
class _Cand:
    entry: int
    quality: int
    base: float
    why: list[str]
    bonus: float = 0.0
    bonus_why: list[str] = field(default_factory=list)
    ctx: float = 0.0  # proximity and focus (recomputed each round)
    ctx_why: list[str] = field(default_factory=list)

    @property
    def score(self) -> float:
        return self.base + self.bonus + self.ctx


@dataclass
class _Mention:
    tok_start: int
    tok_end: int  # exclusive
    start: int
    end: int
    text: str
    kind: str  # settlement | region | country | area
    cands: list[_Cand] = field(default_factory=list)
    precision: int | None = None  # forced minimum precision (2 for "near X", "X area")
    precision_why: str = ""
    class_hint: int = 0
    anaphor: str | None = None  # region | area | settlement | country | capital
    anaphor_dir: tuple[int, int] | None = None
    demonym_country: str | None = None
    vague: bool = False
    metonymy: bool = False
    accepted_by: str = ""
    fixed_location: Location | None = None
    fixed_reason: str = ""
    winner: _Cand | None = None
    within: frozenset[str] = frozenset()  # ISO regions the text puts the place in ("Orikhiv, Zaporizhia")
    within_text: str = ""  # the words that name them
    # the unit below those regions the text puts it in ("X tehsil of Y district")
    within_unit: int | None = None
    qualifier: bool = False  # a region named only as the region of the settlement before it
    near: bool = False  # "near X", "outside X", "X area": a place close to X, not X itself
    affiliation: bool = False  # "Donetsk rebels": whose the armed group is

    def top(self) -> _Cand | None:
        return max(self.cands, key=lambda c: c.score) if self.cands else None
