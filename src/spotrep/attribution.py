"""Attribution: who says an event happened, that source's country, and how firm the claim is.

"a military spokesman said", "the Russian defense ministry claimed", "authorities in Vovchansk said",
"according to the General Staff", "..., the defense ministry said." The status follows the spec: reported
(stated as fact), claimed (a side's unverified claim, typically about its own success), denied, assessed
(an analyst's inference), confirmed (the other side or an independent source agrees).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .actors import ActorMention, actor_from_token, nationality_of
from .lexicon.triggers import SPEECH_VERBS
from .wordcache import lemma_lower

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_CLAIM_VERBS = frozenset({"claim", "allege", "boast", "assert"})
_DENY_VERBS = frozenset({"deny", "reject", "dismiss", "refute"})
_CONFIRM_VERBS = frozenset({"confirm", "acknowledge", "admit", "concede", "verify"})
_ASSESS_VERBS = frozenset(
    {"assess", "estimate", "believe", "suggest", "indicate", "think", "judge", "conclude"}
)
_ANALYST_WORDS = frozenset(
    {
        "analyst",
        "analysts",
        "expert",
        "experts",
        "isw",
        "observer",
        "observers",
        "monitor",
        "think-tank",
        "institute",
        "researcher",
        "researchers",
    }
)
# kinds a side reports about its own success: when that side says so, it is a claim
SUCCESS_KINDS = frozenset(
    {
        "capture",
        "recapture",
        "interception",
        "advance",
        "weapons_seizure",
        "assault",
        "air_strike",
        "drone_strike",
        "missile",
        "shelling",
        "clash",
    }
)
# civilian-side institutions speak for the territory where the event happened
CIVIL_SOURCE_WORDS = frozenset(
    "interior police governor mayor administration authorities authority emergency prosecutor rescue health "
    "hospital council residents resident local officials official witnesses witness medics".split()
)
MILITARY_SOURCE_WORDS = frozenset(
    "military defence defense army staff command spokesman spokesperson forces force commander general "
    "brigade navy air".split()
)


@dataclass
class Attribution:
    """A speech act in a sentence: who speaks, the verb, and the tokens its content covers."""

    verb: Token | None
    source_head: Token | None
    source_text: str
    source_country: str | None
    lemma: str
    covers: set[int] = field(default_factory=set)
    source_tokens: set[int] = field(default_factory=set)
    mention: ActorMention | None = None
    analyst: bool = False

    @property
    def source_words(self) -> set[str]:
        return {w.lower() for w in self.source_text.replace("'s", "").split()}


def _np_span(head: Token) -> list[Token]:
    keep = [head]
    for child in head.children:
        if child.dep_ in ("compound", "amod", "det", "poss", "nmod", "prep", "nummod", "quantmod", "appos"):
            keep.extend(child.subtree)
    return sorted(keep, key=lambda t: t.i)


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return child
    if verb.dep_ == "conj" and verb.head.i != verb.i:
        return _subject(verb.head)
    return None


def find_attributions(sent: Span) -> list[Attribution]:
    """The speech acts of a sentence with the token indices each one covers."""
    out: list[Attribution] = []
    doc = sent.doc
    start, end = sent.start, sent.end
    for token in sent:
        lemma = lemma_lower(token)
        if lemma in SPEECH_VERBS and token.pos_ == "VERB":
            subj = _subject(token)
            if (
                subj is None
                and token.dep_ == "acl"
                and token.head.pos_ in ("NOUN", "PROPN")
                and (token.i + 1 >= end or doc[token.i + 1].is_punct)
                and token.i > start + 2
            ):
                # "..., the Institute for the Study of War assessed." parsed as a participle of its speaker
                speaker = token.head
                while (
                    speaker.dep_ in ("pobj", "prep", "appos")
                    and speaker.head.i != speaker.i
                    and speaker.head.pos_ in ("NOUN", "PROPN", "ADP")
                    and speaker.head.i > start + 1
                    and speaker.dep_ != "appos"
                ):
                    speaker = speaker.head
                np = _np_span(speaker)
                first = min(t.i for t in np)
                covers = set(range(start, min(first, end)))  # the sentence before the speaker
                out.append(_make(token, speaker, np, lemma, covers))
                continue
            if subj is None:
                continue
            np = _np_span(subj)
            subj_tokens = {t.i for t in subj.subtree}
            covers = {t.i for t in token.subtree} - subj_tokens
            if token.dep_ in ("ROOT", "parataxis") and token.i > start + 2:
                # "..., the defense ministry said." covers the whole sentence before it
                covers |= set(range(start, min(min(subj_tokens), end)))
            out.append(_make(token, subj, np, lemma, covers, subj_tokens))
        elif token.lower_ == "according" and token.i + 1 < end and doc[token.i + 1].lower_ == "to":
            to = doc[token.i + 1]
            pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
            if pobj is None:
                continue
            np = _np_span(pobj)
            covers = set(range(start, end)) - {t.i for t in pobj.subtree}
            out.append(_make(token, pobj, np, "report", covers))
    return out


def _make(
    verb: Token,
    head: Token,
    np: list[Token],
    lemma: str,
    covers: set[int],
    head_tokens: set[int] | None = None,
) -> Attribution:
    """The attribution of a speech act; ``head_tokens`` are the indices of the head's subtree when the caller
    has them already."""
    kept = [t for t in np if not (t.dep_ == "det" and t.i == np[0].i)]
    # the phrase as written (its own spacing), without a leading article
    text = "".join(t.text_with_ws for t in kept).strip() if kept else ""
    mention = actor_from_token(head)
    country = nationality_of(np) or (mention.actor.country if mention else None)
    analyst = bool({t.lower_ for t in np} & _ANALYST_WORDS)
    return Attribution(
        verb,
        head,
        text,
        country,
        lemma,
        covers,
        set(head_tokens) if head_tokens is not None else {t.i for t in head.subtree},
        mention,
        analyst,
    )


def attribution_for(trigger_index: int, attributions: list[Attribution]) -> Attribution | None:
    """The innermost speech act whose content covers a token."""
    best = None
    for a in attributions:
        if trigger_index in a.covers and (best is None or len(a.covers) < len(best.covers)):
            best = a
    return best


def claim_status(
    att: Attribution | None, *, kind: str, actor1_country: str | None, source_country: str | None
) -> str:
    """How firm a claim is, from the speech verb, the speaker and whose success it reports."""
    if att is None:
        return "reported"
    lemma = att.lemma
    if lemma in _DENY_VERBS:
        return "denied"
    if att.analyst or lemma in _ASSESS_VERBS:
        return "assessed"
    if lemma in _CONFIRM_VERBS:
        if source_country and actor1_country and source_country != actor1_country:
            return "confirmed"
        return "reported"
    if lemma in _CLAIM_VERBS:
        return "claimed"
    if kind in SUCCESS_KINDS and source_country and actor1_country and source_country == actor1_country:
        return "claimed"
    return "reported"
