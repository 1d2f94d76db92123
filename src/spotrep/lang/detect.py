"""Which language a document is in: English, Ukrainian, Russian (the languages spotrep reads), or another.

Script first: a text mostly in Latin letters is English when enough of its words are English function words
(``documents.looks_english``, as before: English results do not change); a text mostly in Cyrillic letters is
Ukrainian or Russian by the letters only one of them has (і ї є ґ against ы э ё), and otherwise by py3langid's
model (shipped inside its wheel; loaded once, on first use). Whatever else is named by py3langid's code, so the
message can say what it looks like.
"""

from __future__ import annotations

import functools
import logging
import re

from . import lexicon_languages, script_of, supported

log = logging.getLogger(__name__)

NAMES = {"en": "English", "uk": "Ukrainian", "ru": "Russian"}

_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
_UKRAINIAN_ONLY = set("іїєґІЇЄҐ")
_RUSSIAN_ONLY = set("ыэёЫЭЁ")
_OTHER_CYRILLIC = set("ўЎђЂјЈљЉњЊћЋџЏқҚңҢөӨүҮұҰһҺәӘ")  # Belarusian, Serbian/Macedonian, Kazakh ...
# links, addresses and handles are in Latin letters whatever the language of the text around them
_NOT_LANGUAGE = re.compile(
    r"(?:https?://|www\.)\S+|\S+@\S+\.\w+|(?<!\w)[@#]\w+|\b[\w-]+\.(?:com|net|org|ua|ru)/\S*"
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
SAMPLE = 20_000
MIN_WORDS_LATIN_MODEL = 20  # Latin texts this long that look English are asked to the model too
MIN_LETTERS_FOR_MODEL = 12
CLEARLY_ENGLISH = 0.10


def is_cyrillic(char: str) -> bool:
    return "\u0400" <= char <= "\u04ff"


def detect_language(text: str) -> str:
    """The ISO 639-1 code of the text's language (``en``, ``uk``, ``ru``, or another one's)."""
    from ..documents import english_share, looks_english

    sample = _NOT_LANGUAGE.sub(" ", text[:SAMPLE])
    letters = _LETTER.findall(sample)
    if not letters:
        return "en"  # nothing to tell by: figures, punctuation (the English pipeline finds nothing)
    cyrillic = sum(1 for c in letters if is_cyrillic(c))
    if cyrillic * 2 < len(letters):
        if not looks_english(sample):
            found = _model_guess(sample)
            if found in _latin_languages():
                return found  # a language of a folder of spotrep.lang written in Latin letters
            return "xx" if found in supported() else found  # Latin letters, not English nor ours: named
        words = _WORD.findall(sample)
        if len(words) < MIN_WORDS_LATIN_MODEL:
            return "en"  # short: the benefit of the doubt
        if english_share([w.lower() for w in words]) >= CLEARLY_ENGLISH:
            return "en"  # a tenth of its words are English function words: English with names and codes in it
        ranked = _model_ranking(sample)[:3]
        if not ranked or "en" in ranked:  # English, or near it (a creole, a text quoting English)
            return "en"
        return ranked[0] if ranked[0] not in ("uk", "ru") else "en"
    chars = set(letters)
    if chars & _OTHER_CYRILLIC:
        return _model_guess(sample, fallback="xx")
    uk = sum(1 for c in letters if c in _UKRAINIAN_ONLY)
    ru = sum(1 for c in letters if c in _RUSSIAN_ONLY)
    if uk and not ru:
        return "uk"
    if ru and not uk:
        return "ru"
    if uk and ru:  # quotes of one language in the other: the more frequent marks win
        return "uk" if uk >= ru else "ru"
    if "ъ" not in chars and "Ъ" not in chars:  # Bulgarian writes ъ as a vowel; Russian hardly uses it
        # no letter tells them apart ("Над Одещиною сили ППО збили 8 БпЛА"): the words of war reporting only
        # one of the two lexicons has ("збили" against "сбили"), else the model
        return _lexicon_vote(sample) or _model_guess(sample, within=("uk", "ru"))
    guess = _model_guess(sample, within=("uk", "ru", "bg", "mk", "sr", "be", "kk"))
    if guess in ("uk", "ru"):
        return guess
    if len(letters) < MIN_LETTERS_FOR_MODEL * 4:  # a short headline: the model's other guesses are noise
        return _model_guess(sample, within=("uk", "ru"))
    return guess


@functools.cache
def _word_patterns(code: str) -> tuple[re.Pattern[str], ...]:
    """The word patterns of a language's lexicon (its triggers, casualty words, sides and day words)."""
    from . import lexicon_of

    lex = lexicon_of(code)
    patterns = [t.pattern for t in lex.triggers]
    patterns += [lex.killed, lex.injured, lex.yesterday, lex.today, *(side.pattern for side in lex.sides)]
    return tuple(re.compile(p) for p in patterns)


def _lexicon_vote(sample: str) -> str | None:
    """Ukrainian or Russian by the words of a text that only one of the two lexicons reads; None on a tie."""
    uk_rx, ru_rx = _word_patterns("uk"), _word_patterns("ru")
    votes = {"uk": 0, "ru": 0}
    for word in {w.lower() for w in _WORD.findall(sample)}:
        in_uk = any(rx.match(word) for rx in uk_rx)
        in_ru = any(rx.match(word) for rx in ru_rx)
        if in_uk != in_ru:
            votes["uk" if in_uk else "ru"] += 1
    if votes["uk"] == votes["ru"]:
        return None
    return "uk" if votes["uk"] > votes["ru"] else "ru"


def _latin_languages() -> frozenset[str]:
    return frozenset(code for code in lexicon_languages() if script_of(code) == "Latin")


def _model_guess(text: str, *, within: tuple[str, ...] | None = None, fallback: str = "xx") -> str:
    model = _model(within)
    if model is None:
        return fallback
    code, _score = model.classify(text)
    return str(code)


def _model_ranking(text: str) -> list[str]:
    model = _model(None)
    return [] if model is None else [str(code) for code, _score in model.rank(text)]


@functools.cache
def _model(within: tuple[str, ...] | None):
    try:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier
    except ImportError:
        log.warning("py3langid is not installed: languages other than en/uk/ru are not named")
        return None
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE)
    if within:
        identifier.set_languages(list(within))
    return identifier


def language_name(code: str) -> str:
    """An English name for a language code (the code itself when unknown)."""
    if code in NAMES:
        return NAMES[code]
    try:
        import pycountry

        found = pycountry.languages.get(alpha_2=code) or pycountry.languages.get(alpha_3=code)
    except (ImportError, KeyError, LookupError):
        found = None
    return found.name if found is not None else code
