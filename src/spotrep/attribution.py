"""Attribution: who says an event happened, that source's country, and how firm the claim is.

"a military spokesman said", "the Russian defense ministry claimed", "authorities in Vovchansk said",
"according to the General Staff", "..., the defense ministry said." The status follows the spec: reported
(stated as fact), claimed (a side's unverified claim, typically about its own success), denied, assessed
(an analyst's inference), confirmed (the other side or an independent source agrees).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
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
    # the words of the fuller name the text gave the speaker before ("Belgorod regional governor Vyacheslav
    # Gladkov" for "Gladkov said"): what the speaker is, when named again by name alone
    earlier_words: frozenset[str] = frozenset()

    @property
    def source_words(self) -> set[str]:
        return {w.lower() for w in self.source_text.replace("'s", "").split()} | self.earlier_words


def _np_span(head: Token) -> list[Token]:
    keep = [head]
    for child in head.children:
        if child.dep_ in ("compound", "amod", "det", "poss", "nmod", "prep", "nummod", "quantmod", "appos"):
            keep.extend(child.subtree)
    return sorted(keep, key=lambda t: t.i)


def _subject(verb: Token) -> Token | None:
    """The speaker: the subject of the speech verb; of two (a parse that makes the reported clause's subject a
    second subject: "militants carried out attacks ..., a security source said"), the one next to the verb."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subjects:
        return max(subjects, key=lambda c: c.i if c.i < verb.i else -1)
    if verb.dep_ == "conj" and verb.head.i != verb.i:
        return _subject(verb.head)
    return None


def _agent(verb: Token) -> Token | None:
    """The "by" phrase of a passive verb: its doer ("were confirmed killed by the governor" -> governor)."""
    for c in verb.subtree:
        if c.dep_ == "agent" and c.head.i in (verb.i, *(x.i for x in verb.children)):
            return next((x for x in c.children if x.dep_ == "pobj"), None)
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
            if subj.dep_ == "nsubjpass":
                # "three civilians were reported killed", "2 people were confirmed dead": what is said, not who
                # says it; the speaker of a passive is its agent ("were confirmed killed by the governor")
                subj = _agent(token)
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


SPEAKER_MEMORY = 24
"""How many speech acts back a speaker is looked for (a report names its speakers again within a few
paragraphs; the bound keeps a long document linear)."""

_PERSON_PRONOUNS = frozenset({"he", "she"})
_BODY_PRONOUNS = frozenset({"it", "they"})
_PERSON_TITLES = frozenset(
    "governor mayor spokesman spokeswoman spokesperson commander minister president head chief official "
    "officer general secretary adviser advisor ombudsman prosecutor lawmaker deputy".split()
)
_STATE_WORDS = frozenset(
    "ministry military army staff command government kremlin forces defence defense navy air "
    "headquarters".split()
)


def _content_words(text: str) -> set[str]:
    """The words that name a speaker ("Russia's defence ministry" -> russia, defence, ministry)."""
    return {
        w
        for w in (x.strip(".,'’\"").lower().removesuffix("'s").removesuffix("’s") for x in text.split())
        if w and w not in ("the", "a", "an", "of", "in", "for", "and")
    }


def _is_person(att: Attribution) -> bool:
    head = att.source_head
    if head is not None and head.ent_type_ == "PERSON":
        return True
    return bool(att.source_words & _PERSON_TITLES)


def resolve_speaker(att: Attribution, earlier: list[tuple[int, Attribution]], paragraph: int) -> Attribution:
    """The speaker of a speech act, with what the text said about it before.

    ``earlier`` are the speech acts told before it, each with its paragraph. A pronoun ("he said", "it
    said") names the last speaker of its kind (a person for he/she, a body for it/they). A speaker without a
    country takes the country of an earlier speaker it names again ("Syniehubov said" after "regional
    governor Oleh Syniehubov said"; "the ministry" after "Russia's defence ministry"); an unqualified state
    body ("the defence ministry said") speaks for the state whose voice the story last quoted, in its
    paragraph or the one before ("Russia said ... 'Units liberated X,' the defence ministry said").
    """
    head = att.source_head
    if head is None or not earlier:
        return att
    earlier = earlier[-SPEAKER_MEMORY:]
    low = head.lower_
    if low in _PERSON_PRONOUNS | _BODY_PRONOUNS:
        person = low in _PERSON_PRONOUNS
        for _par, other in reversed(earlier):
            if other.source_head is None or other.source_head.lower_ in _PERSON_PRONOUNS | _BODY_PRONOUNS:
                continue
            if _is_person(other) == person:
                return replace(
                    att,
                    source_text=other.source_text,
                    source_country=att.source_country or other.source_country,
                    mention=other.mention,
                    analyst=other.analyst,
                )
        return att
    named = _content_words(att.source_text)
    fuller = next(
        (o for _par, o in reversed(earlier) if named and named < _content_words(o.source_text)), None
    )
    if fuller is not None:  # "Gladkov" is the governor named before
        att = replace(att, earlier_words=frozenset(fuller.source_words))
    if att.source_country is not None:
        return att
    for _par, other in reversed(earlier):
        if other.source_country and named and named <= _content_words(other.source_text):
            return replace(att, source_country=other.source_country)
    words = att.source_words
    if (
        words & _STATE_WORDS
        and not words & CIVIL_SOURCE_WORDS
        and not words & {"regional", "local", "city", "oblast"}
    ):
        for par, other in reversed(earlier):
            if paragraph - par > 1:
                break
            if other.source_country and not other.analyst:
                return replace(att, source_country=other.source_country)
    return att


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
