"""Is a trigger an asserted event? Negation, modality, intention, purpose and conditionals say no.

"Kharkiv was not threatened", "Moscow may be trying to force Ukraine to divert troops", "to hold back Russian
advances", "if Russia attacks": none of these report an event. Reported speech is not a hedge: the claim
stage says who asserts it ("the ministry claimed to have taken control" is an asserted, claimed event). An attempt
that was made is no intention either: "attempted an offensive, which was unsuccessful" and "tried to break
through the defence" report the fighting (ACLED codes them as armed clashes).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .codebook import ATTEMPTED_ACTIONS, made_attempt
from .lexicon.triggers import FORMS, HEDGE_ADVERBS, INTENTION_VERBS, MODALS, SPEECH_VERBS
from .wordcache import lemma_lower

if TYPE_CHECKING:
    from spacy.tokens import Token

# verbs whose infinitive complement happened ("forced to withdraw", "continued to shell", "claimed to have taken")
_FACTIVE_XCOMP = frozenset(
    "continue begin start manage force compel oblige allow enable help claim say report appear seem use "
    "happen go keep resume fail proceed be get come cause lead push "
    # "is known to have been killed", "are believed to have died", "were confirmed to be dead": told as news
    "know believe think understand confirm estimate presume fear".split()
)
# nouns that put what depends on them out of the real world ("a threat of attack", "in a bid to capture")
_IRREALIS_NOUNS = frozenset(
    "threat fear risk possibility danger prospect plan attempt bid effort intention aim goal chance "
    "ability capability readiness call demand request warning order rumour rumor speculation".split()
)
_FUTURE = frozenset({"will", "shall", "'ll", "wo"})
_NEGATIONS = frozenset({"not", "n't", "never", "no", "without"})


def _negated(token: Token, children: list[Token] | None = None) -> bool:
    for child in token.children if children is None else children:
        dep = child.dep_
        if dep == "neg" or (dep == "det" and child.lower_ == "no"):
            return True
        # "No drones were shot down", "no one was killed"
        if dep in ("nsubj", "nsubjpass") and (
            child.lower_ in ("nobody", "none")
            or any(c.dep_ == "det" and c.lower_ == "no" for c in child.children)
        ):
            return True
    return False


def _modal(token: Token, children: list[Token] | None = None) -> bool:
    for child in token.children if children is None else children:
        dep = child.dep_
        if dep == "aux" and (child.lower_ in MODALS or child.lower_ in _FUTURE):
            return True
        if dep == "advmod" and child.lower_ in HEDGE_ADVERBS:
            return True
    return False


def _has_to(token: Token, children: list[Token] | None = None) -> bool:
    return any(
        c.dep_ == "aux" and c.lower_ == "to" for c in (token.children if children is None else children)
    )


def _in_question(token: Token) -> bool:
    """Does the token's sentence end with a question mark? The same as ``token.sent.text.rstrip().endswith("?")``
    without building the sentence and its text: the last token of the sentence that is not whitespace decides."""
    doc = token.doc
    if doc.user_hooks or doc.user_span_hooks or doc.user_token_hooks:
        return token.sent.text.rstrip().endswith("?")  # custom sentence boundaries: ask spaCy
    length = len(doc)
    i = token.i + 1
    while i < length and not doc[i].is_sent_start:
        i += 1
    i -= 1  # the sentence's last token
    while True:
        text = doc[i].text.rstrip()
        if text:
            return text.endswith("?")
        if i == 0 or doc[i].is_sent_start:
            return False
        i -= 1


def _attempt_made(verb: Token, trigger: Token) -> bool:
    """Is ``verb`` an attempt that was made at a military action (the trigger): "attempted an offensive",
    "tried to storm the village"? Such an attempt happened, whatever its outcome."""
    action = FORMS.get(trigger.lower_) or lemma_lower(trigger)
    return action in ATTEMPTED_ACTIONS and made_attempt(verb)


def _made_possible(token) -> bool:
    """ "The reaction of our forces made it possible to neutralise five assailants": what was made possible
    happened (how francophone armies' communiqués, "a permis de", say it in English)."""
    head = token.head
    return lemma_lower(head) == "possible" and lemma_lower(head.head) in ("make", "render")


def why_not_asserted(trigger: Token, *, question: bool | None = None) -> str | None:
    """The reason a trigger does not report an event, or None when it does.

    ``question``: whether the trigger's sentence is a question, when the caller knows it already (it is worked
    out from the tokens otherwise)."""
    if _in_question(trigger) if question is None else question:
        return "question"
    token = trigger
    steps = 0
    while True:
        children = list(token.children)  # read once: token.children builds new tokens on every access
        if _negated(token, children):
            # "denied that it shelled" is a denial (the claim stage records it), not a negation
            return "negated"
        if _modal(token, children):
            return "modal or future"
        lemma = lemma_lower(token)
        if (
            token.i != trigger.i
            and lemma in INTENTION_VERBS
            and token.pos_ in ("VERB", "AUX")
            and not _attempt_made(token, trigger)
        ):
            return f"intention ({token.text})"
        if token.i != trigger.i and lemma in _IRREALIS_NOUNS and token.pos_ == "NOUN":
            return f"irrealis ({token.text})"
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in children):
            return "conditional"
        dep = token.dep_
        if dep == "xcomp" and _has_to(token, children) and lemma not in SPEECH_VERBS:
            # ("wishes to inform the public that bandits invaded ...": a wish to tell, what is told happened)
            head_lemma = lemma_lower(token.head)
            if head_lemma in INTENTION_VERBS:
                if not _attempt_made(token.head, trigger):
                    return f"intention ({token.head.text})"
            elif head_lemma not in _FACTIVE_XCOMP:
                return f"purpose ({token.text})"
        elif dep in ("advcl", "acl", "relcl") and _has_to(token, children) and not _made_possible(token):
            return f"purpose ({token.text})"
        if (
            dep == "pcomp"
            and token.head.lower_ == "from"
            and lemma_lower(token.head.head) in ("prevent", "stop", "deter", "keep", "bar", "ban", "refrain")
        ):
            return "prevented"
        if lemma in SPEECH_VERBS and token.i != trigger.i:
            # the quote's own hedges were checked on the way up; the speaker's stance is the claim stage's job
            return None
        head = token.head
        if head.i == token.i or steps > 12:
            return None
        if _semicolon_between(token, head):
            # "the strike killed 20 militants; no civilians were reported injured": the parser hangs the first
            # clause on the second, whose negation is its own
            return None
        token = head
        steps += 1


def _semicolon_between(token: Token, head: Token) -> bool:
    """Is a clause separated from the clause it hangs on by a semicolon (a clause of its own)?"""
    if token.dep_ not in ("ccomp", "conj", "parataxis", "advcl"):
        return False
    lo, hi = sorted((token.i, head.i))
    return any(c.text == ";" and lo < c.i < hi for c in head.children)


def is_asserted(trigger: Token) -> bool:
    return why_not_asserted(trigger) is None
