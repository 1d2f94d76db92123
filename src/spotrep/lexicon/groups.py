"""Armed groups and state forces by name, from the data file ``armed_groups.tsv`` (read once, on first use).

Each line names a group as ACLED names it, its kind in the record (``armed_group``, ``military``...), ACLED's kind
of actor (rebel, political militia, identity militia, external force, state forces), the country it fights in and
its aliases. ``match_group`` finds the longest alias starting at a token: an alias without lower-case letters (an
acronym: "KIA", "M23", "IS") only as a whole word written exactly so (or with a plural "s": "PDFs"); any other
alias in any case, hyphens and apostrophes as written or spaced ("al - Shabaab", "People 's").
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from ..errors import LexiconError

if TYPE_CHECKING:
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

DATA_FILE = "armed_groups.tsv"
KINDS = frozenset({"armed_group", "military", "police", "government"})
TYPES = frozenset({"rebel", "political militia", "identity militia", "external force", "state forces"})
MAX_WORDS = 10
"""The most tokens an alias spans ("Jama'at Nusrat al-Islam wal-Muslimin" is about nine)."""


@dataclass(frozen=True)
class Group:
    """One group of the lexicon."""

    acled: str  # its name in the records
    kind: str  # the record's kind
    type: str  # ACLED's kind of actor
    country: str | None
    local: bool  # "the Pauk PDF" names a local branch


@dataclass(frozen=True)
class _Lexicon:
    exact: dict[str, Group]  # acronyms, as written
    folded: dict[str, Group]  # other aliases, folded (``fold``)
    firsts: frozenset[str]  # the folded first words of the folded aliases


def fold(text: str) -> str:
    """A name for lookup: lower case, curly apostrophes straight, no space around hyphens, slashes and
    apostrophes, single spaces."""
    text = text.replace("’", "'").lower()
    text = re.sub(r"\s*([\-/])\s*", r"\1", text)
    text = re.sub(r"\s+'", "'", text)
    return " ".join(text.split())


def _is_acronym(alias: str) -> bool:
    return not any(ch.islower() for ch in alias)


@lru_cache(maxsize=1)
def lexicon() -> _Lexicon:
    """The groups of the data file, indexed by alias (read once)."""
    try:
        text = resources.files(__package__).joinpath(DATA_FILE).read_text(encoding="utf-8")
    except OSError as exc:
        raise LexiconError(
            f"cannot read the armed groups lexicon {DATA_FILE}: {exc}", file=DATA_FILE
        ) from exc
    return parse(text)


def parse(text: str, *, name: str = DATA_FILE) -> _Lexicon:
    """The lexicon of a data file's text (see the file's head for its columns)."""
    exact: dict[str, Group] = {}
    folded: dict[str, Group] = {}
    header = False
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if not header:
            header = True
            continue
        if len(cells) != 6:
            raise LexiconError(
                f"{name}:{number}: expected 6 tab-separated columns, got {len(cells)}", line=number
            )
        acled, kind, type_, country, local, aliases = (c.strip() for c in cells)
        if kind not in KINDS or type_ not in TYPES:
            raise LexiconError(f"{name}:{number}: unknown kind {kind!r} or type {type_!r}", line=number)
        group = Group(acled, kind, type_, country.upper() or None, local == "local")
        for alias in filter(None, (a.strip() for a in aliases.split("|"))):
            index, key = (exact, alias) if _is_acronym(alias) else (folded, fold(alias))
            if key in index and index[key] != group:
                log.warning("%s:%d: alias %r already names %s", name, number, alias, index[key].acled)
                continue
            index[key] = group
    firsts = {k.split()[0].split("-")[0].split("'")[0] for k in folded}
    # an acronym the tokenizer splits at its hyphen ("SPLA-IO", "CSP-DPA") is tried from its first part
    firsts |= {fold(k).split("-")[0] for k in exact if "-" in k}
    return _Lexicon(exact, folded, frozenset(firsts))


def group_by_name(acled: str) -> Group | None:
    """The group the records name so (its ACLED type, for exports and the web)."""
    lex = lexicon()
    for group in (*lex.exact.values(), *lex.folded.values()):
        if group.acled == acled:
            return group
    return None


def match_group(doc: Doc, start: int, limit: int | None = None) -> tuple[Group, int] | None:
    """The group whose alias is the longest starting at token ``start`` (ending before ``limit``), and the
    index after its last token; None when no alias starts there."""
    lex = lexicon()
    token = doc[start]
    text = token.text
    end_limit = min(len(doc), limit if limit is not None else len(doc), start + MAX_WORDS)
    best: tuple[Group, int] | None = None
    exact = lex.exact.get(text) or (
        lex.exact.get(text[:-1]) if text.endswith("s") and len(text) > 2 else None
    )
    if exact is not None:
        best = (exact, start + 1)
        # an acronym may open a longer acronym ("ULA/AA", "SSA-S"): tried below with the folded names too
    head = fold(text).split("-")[0].split("'")[0]
    if head not in lex.firsts and not (exact and end_limit > start + 1):
        return best
    for end in range(end_limit, start, -1):
        if best is not None and end <= best[1]:
            break
        span = doc[start:end].text
        group = lex.folded.get(fold(span)) or (lex.exact.get(span) if end > start + 1 else None)
        if group is not None:
            return group, end
    return best
