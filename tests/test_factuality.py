"""Which triggers report events: negation, modality, intention, purpose and conditionals say no."""

from __future__ import annotations

import pytest

from spotrep.event_types import find_triggers
from spotrep.factuality import why_not_asserted


def _trigger(nlp, sentence: str, word: str):
    doc = nlp(sentence)
    sent = next(iter(doc.sents))
    for trig in find_triggers(sent):
        if trig.token.text == word:
            return trig.token
    raise AssertionError(f"no trigger {word!r} in {[t.token.text for t in find_triggers(sent)]}")


@pytest.mark.parametrize(
    "sentence, word",
    [
        ("Russian forces shelled Kherson on Monday.", "shelled"),
        ("The ministry said its troops had captured the village of Krynky.", "captured"),
        ("The defence ministry claimed to have taken control of Robotyne.", "taken"),
        ("Ukrainian units were forced to withdraw from Avdiivka.", "withdraw"),
        ("Russian artillery continued to pound Vovchansk overnight.", "pound"),
        ("Militants attacked a checkpoint, killing three soldiers.", "attacked"),
        ("Kyiv said its air defences had shot down 17 drones.", "shot"),
        # an attempt that was made happened, whatever its outcome (ACLED: a failed offensive is a clash)
        ("Russian forces attempted an offensive near Marinka, which was unsuccessful.", "offensive"),
        ("The enemy tried to break through the defence near Krynky.", "break"),
        ("Russian units have tried to storm the village three times.", "storm"),
        # told as known or believed: news, however hedged
        ("As of now, one person is known to have been killed in Kramatorsk.", "killed"),
        ("Four soldiers are believed to have been captured near Bakhmut.", "captured"),
    ],
)
def test_asserted_events(nlp, sentence, word):
    assert why_not_asserted(_trigger(nlp, sentence, word)) is None


@pytest.mark.parametrize(
    "sentence, word, reason",
    [
        ("The regional capital was not shelled on Tuesday.", "shelled", "negated"),
        ("Officials said the city was not attacked by the offensive.", "attacked", "negated"),
        ("Moscow may be trying to capture Chasiv Yar before the summer.", "capture", "intention"),
        ("Russia could launch a new offensive in the north.", "offensive", "modal"),
        ("Analysts warned that Russia would attack Kharkiv in the spring.", "attack", "modal"),
        ("Russian forces seek to encircle the town.", "encircle", "intention"),
        ("The army plans to recapture the village next month.", "recapture", "intention"),
        ("Kyiv sent reinforcements to hold back Russian advances.", "advances", "purpose"),
        ("Troops were deployed in order to prevent an attack on the bridge.", "attack", "purpose"),
        ("If Russia attacks Kharkiv, the city will be evacuated.", "attacks", "conditional"),
        ("Did Russian forces shell the hospital?", "shell", "question"),
        ("Officials raised fears of a new assault on Sumy.", "assault", "irrealis"),
        # attempts under way or planned are aims, not events
        ("Russia is trying to capture the whole of Donetsk region.", "capture", "intention"),
        ("The militants will attempt to storm the base.", "storm", "intention"),
    ],
)
def test_not_asserted(nlp, sentence, word, reason):
    why = why_not_asserted(_trigger(nlp, sentence, word))
    assert why is not None and why.startswith(reason)
