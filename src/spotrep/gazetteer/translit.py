"""Transliteration and name keys.

* :func:`ukrainian_to_latin` implements the official Ukrainian national transliteration (Cabinet of Ministers
  resolution No. 55 of 27 January 2010): the table used for Ukrainian place names on road signs, maps and in
  passports (Kharkiv, Zaporizhzhia, Lukiantsi, Kupiansk).
* :func:`ukrainian_to_latin_y` is the same table with the "y" spellings English-language media use inside
  words (Lukyantsi, Kupyansk, Zaporizhzhya), the most common non-official variant.
* :func:`russian_to_latin` is the simplified BGN/PCGN romanisation of Russian used by English-language news
  (Volchansk, Krasnoarmeysk, Rabotino, Artyomovsk -> Artemovsk).
* :func:`name_key` is the exact lookup key (case-, accent-, apostrophe- and hyphen-insensitive) and
  :func:`loose_key` a lossy, spelling-tolerant key (y/i/j, h/g/kh, doubled letters, -oye/-e endings...).
"""

from __future__ import annotations

import re
import unicodedata

# --- Ukrainian, official 2010 table ---------------------------------------------------------------
# (letter, at the start of a word, elsewhere)
_UA_TABLE: dict[str, tuple[str, str]] = {
    "а": ("a", "a"),
    "б": ("b", "b"),
    "в": ("v", "v"),
    "г": ("h", "h"),
    "ґ": ("g", "g"),
    "д": ("d", "d"),
    "е": ("e", "e"),
    "є": ("ye", "ie"),
    "ж": ("zh", "zh"),
    "з": ("z", "z"),
    "и": ("y", "y"),
    "і": ("i", "i"),
    "ї": ("yi", "i"),
    "й": ("y", "i"),
    "к": ("k", "k"),
    "л": ("l", "l"),
    "м": ("m", "m"),
    "н": ("n", "n"),
    "о": ("o", "o"),
    "п": ("p", "p"),
    "р": ("r", "r"),
    "с": ("s", "s"),
    "т": ("t", "t"),
    "у": ("u", "u"),
    "ф": ("f", "f"),
    "х": ("kh", "kh"),
    "ц": ("ts", "ts"),
    "ч": ("ch", "ch"),
    "ш": ("sh", "sh"),
    "щ": ("shch", "shch"),
    "ь": ("", ""),
    "ю": ("yu", "iu"),
    "я": ("ya", "ia"),
}
# the common English-media variant: y-forms inside words too
_UA_TABLE_Y = dict(_UA_TABLE)
_UA_TABLE_Y.update(
    {"є": ("ye", "ye"), "ї": ("yi", "yi"), "й": ("y", "y"), "ю": ("yu", "yu"), "я": ("ya", "ya")}
)

# --- Russian, simplified BGN/PCGN as used by English-language news --------------------------------
_RU_TABLE: dict[str, tuple[str, str]] = {
    "а": ("a", "a"),
    "б": ("b", "b"),
    "в": ("v", "v"),
    "г": ("g", "g"),
    "д": ("d", "d"),
    "е": ("ye", "e"),
    "ё": ("yo", "yo"),
    "ж": ("zh", "zh"),
    "з": ("z", "z"),
    "и": ("i", "i"),
    "й": ("y", "y"),
    "к": ("k", "k"),
    "л": ("l", "l"),
    "м": ("m", "m"),
    "н": ("n", "n"),
    "о": ("o", "o"),
    "п": ("p", "p"),
    "р": ("r", "r"),
    "с": ("s", "s"),
    "т": ("t", "t"),
    "у": ("u", "u"),
    "ф": ("f", "f"),
    "х": ("kh", "kh"),
    "ц": ("ts", "ts"),
    "ч": ("ch", "ch"),
    "ш": ("sh", "sh"),
    "щ": ("shch", "shch"),
    "ъ": ("", ""),
    "ы": ("y", "y"),
    "ь": ("", ""),
    "э": ("e", "e"),
    "ю": ("yu", "yu"),
    "я": ("ya", "ya"),
    # Ukrainian letters, so that a mixed or Ukrainian string never loses characters
    "і": ("i", "i"),
    "ї": ("yi", "yi"),
    "є": ("ye", "ye"),
    "ґ": ("g", "g"),
}
_RU_VOWELS = set("аеёиоуыэюяіїє")

APOSTROPHES = "'’ʼ`´‘ʹ"
_APOSTROPHE_SET = set(APOSTROPHES)
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def has_cyrillic(text: str) -> bool:
    return bool(_CYRILLIC.search(text))


def _cased(latin: str, upper: bool, next_upper: bool) -> str:
    if not upper or not latin:
        return latin
    if next_upper:  # the whole word is in capitals
        return latin.upper()
    return latin[0].upper() + latin[1:]


def _transliterate(text: str, table: dict[str, tuple[str, str]], *, ukrainian: bool) -> str:
    out: list[str] = []
    n = len(text)
    word_start = True
    for i, ch in enumerate(text):
        low = ch.lower()
        if ch in _APOSTROPHE_SET:
            # the apostrophe is part of a Ukrainian word and is not transliterated; keep word state
            continue
        entry = table.get(low)
        if entry is None:
            out.append(ch)
            word_start = not ch.isalpha()
            continue
        latin = entry[0] if word_start else entry[1]
        if ukrainian and low == "г" and i > 0 and text[i - 1].lower() == "з":
            latin = "gh"  # зг -> zgh (Zghurivka), to tell it apart from ж (zh)
        if not ukrainian and low == "е" and not word_start and i > 0:
            prev = text[i - 1].lower()
            if prev in _RU_VOWELS or prev in "ъь":
                latin = "ye"
        nxt = text[i + 1] if i + 1 < n else ""
        prv = text[i - 1] if i > 0 else ""
        in_capitals = ch.isupper() and (
            (nxt.isalpha() and nxt.isupper()) or (prv.isalpha() and prv.isupper())
        )
        out.append(_cased(latin, ch.isupper(), in_capitals))
        word_start = False
    return "".join(out)


def ukrainian_to_latin(text: str) -> str:
    """The official Ukrainian transliteration (2010): ``Лук’янці`` -> ``Lukiantsi``."""
    return _transliterate(text, _UA_TABLE, ukrainian=True)


def ukrainian_to_latin_y(text: str) -> str:
    """The English-media variant with y inside words: ``Лук’янці`` -> ``Lukyantsi``."""
    return _transliterate(text, _UA_TABLE_Y, ukrainian=True)


def russian_to_latin(text: str) -> str:
    """Simplified BGN/PCGN romanisation of Russian: ``Волчанск`` -> ``Volchansk``."""
    return _transliterate(text, _RU_TABLE, ukrainian=False)


# --- keys -----------------------------------------------------------------------------------------
_NON_WORD = re.compile(r"[^0-9a-z\u0400-\u04ff]+")
_SPECIAL = str.maketrans({"ß": "ss", "ø": "o", "æ": "ae", "œ": "oe", "đ": "d", "ł": "l", "ı": "i", "þ": "th"})


def name_key(text: str) -> str:
    """The exact lookup key: lower case, no accents, no apostrophes, words separated by one space.

    ``Vovchans'k``, ``Vovchans’k`` and ``VOVCHANSK`` share the key ``vovchansk``; ``Ivano-Frankivsk`` is
    ``ivano frankivsk``; ``Nad-e Ali`` is ``nad ali`` (a Persian izafe); ``Deir el-Balah`` is ``deir al balah``
    (the Arabic article). Cyrillic letters are kept (lower-cased), with й/ї/ё kept distinct.
    """
    text = text.lower().translate(_SPECIAL)
    if text.isascii():
        decomposed = text
    else:
        decomposed = unicodedata.normalize("NFD", text)
        # keep the Cyrillic letters whose breve/diaeresis makes them a different letter
        decomposed = (
            decomposed.replace("и\u0306", "й")
            .replace("і\u0308", "ї")
            .replace("е\u0308", "ё")
            .replace("у\u0306", "ў")
        )
        decomposed = "".join(c for c in decomposed if not unicodedata.combining(c))
    for a in APOSTROPHES:
        if a in decomposed:
            decomposed = decomposed.replace(a, "")
    key = _NON_WORD.sub(" ", decomposed).strip()
    if " e " in key or " i " in key:
        key = _IZAFE.sub("", key)
    if " " in key:
        key = _ARTICLE.sub(lambda m: " al" if m.start() else "al", key)
    return key


# the Persian izafe joining the words of a name, written or not: Sar-e Pul ~ Sar-i-Pul ~ Sar Pul, Nad-e Ali ~
# Nad Ali (the same for a standalone "e"/"i" meaning "and" in a name: both sides of a lookup drop it)
_IZAFE = re.compile(r"(?<=\w) [ei](?= \w)")
# the Arabic article, as each transliteration writes it: Deir el-Balah ~ Deir al-Balah, Ras el-Ain ~ Ras al-Ain,
# Deir ez-Zor ~ Deir al-Zor (only between two words of a name)
ARABIC_ARTICLES = frozenset("el ad ar ash az ed er esh ez ul".split())  # the forms folded into "al"
_ARTICLE = re.compile(rf"(?:(?<=\w) |^)(?:{'|'.join(sorted(ARABIC_ARTICLES))})(?= \w)")


_LOOSE_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), r)
    for p, r in (
        (r"shch|sch", "4"),  # щ
        (r"sh", "5"),  # ш
        (r"zh", "6"),  # ж
        (r"ch", "7"),  # ч
        (r"kh|g", "h"),  # х, г (Kharkiv/Harkiv, Krasnohorivka/Krasnogorivka)
        (r"ts|tz", "c"),  # ц
        (r"w", "v"),
        (r"[jy]", "i"),
        (r"(?<=[aeou])i(?=[aeou])", ""),  # a glide between vowels: Tabayevka ~ Tabaevka, Nikolayev ~ Nikolaev
        (r"(?<=[^aeiou\s])i(?=[aeou])", ""),  # -ia/-ya, -iu/-yu, -ie/-ye after a consonant
        (r"oie\b|oe\b", "e"),  # Russian neuter -oye/-oe ~ Ukrainian -e
        (r"aia\b", "a"),  # Russian feminine -aya ~ Ukrainian -a
        (r"(.)\1+", r"\1"),  # doubled letters (Zaporizhzhia ~ Zaporizhia, Kyiiv ~ Kyiv)
    )
)


def loose_key(text: str) -> str:
    """A lossy key that merges common spelling variants of one East Slavic name.

    ``Zaporizhzhia``, ``Zaporizhzhya`` and ``Zaporizhia`` share a loose key; so do ``Krasnohorivka`` and
    ``Krasnogorivka``, ``Pokrovske`` and ``Pokrovskoye``. Used as a second-chance index with a lower score.
    """
    key = name_key(text)
    if not key.isascii():
        return ""
    for pattern, repl in _LOOSE_RULES:
        key = pattern.sub(repl, key)
    return key


_DOUBLED = re.compile(r"([a-z])\1+")


def single_letters_key(key: str) -> str:
    """An exact key with its doubled Latin letters written once: how English copy often writes a name whose
    romanisation doubles a vowel or a consonant for its length (Somali ``Buulo Burte`` ~ ``Bulo Burte``,
    ``Baardheere`` ~ ``Bardhere``, ``Maiduguri``'s ``Gwoza`` ~ ``Gwozza``). A second-chance key for places
    outside the East Slavic countries, whose own loose key already merges doubled letters with more."""
    return _DOUBLED.sub(r"\1", key) if key.isascii() else key


_FINAL_H = re.compile(r"(?<=[aeiou])h$")
_NOT_SKELETON = re.compile(r"[^a-z0-9]")
_VOWELS_AFTER_FIRST = re.compile(r"(?<=.)[aeiouy]")


def skeleton_key(key: str) -> str:
    """The consonants of a name's loose key, its word breaks and doubled letters gone: one key for the many
    romanisations of a Persian, Pashto or Arabic unit name (``Nahri Sarraj`` ~ ``Nahr-e Saraj``, ``Zhari`` ~
    ``Zharey``, ``Garmser`` ~ ``Garmsir``, ``Shahwalikot`` ~ ``Shah Wali Kot``). It merges far too much to be
    looked up on its own: only among the units of a region the text names, and only when one unit there has
    it. "" for a name of fewer than two consonants. A final "h" after a vowel is dropped first (the Persian
    and Arabic ending written either way, at the end of the name: ``Chahar Darah`` ~ ``Chahar Dara``)."""
    loose = loose_key(_FINAL_H.sub("", key))
    skeleton = _DOUBLED.sub(r"\1", _VOWELS_AFTER_FIRST.sub("", _NOT_SKELETON.sub("", loose)))
    return skeleton if len(skeleton) >= 2 else ""


_WORD_FINAL_H = re.compile(r"(?<=[aeiou])h\b")


def skeleton_keys(key: str) -> tuple[str, ...]:
    """The skeleton of a name (``skeleton_key``), and that with the final "h" of each of its words dropped too
    (``Qarah Bagh`` ~ ``Qarabagh``), for units whose names join or split their words (``Shah Wali Kot`` keeps
    its own skeleton for ``Shahwalikot``)."""
    first = skeleton_key(key)
    second = skeleton_key(_WORD_FINAL_H.sub("", key))
    return tuple(k for k in dict.fromkeys((first, second)) if k)


# the adjectival endings of administrative unit names in their English spellings: Ukrainian -skyi/-ska/-ske
# (Lozivskyi raion, Mezhyritska hromada), Russian -sky/-skaya/-skoye, and the bare -sk of a town name
_ADMIN_ENDING = re.compile(r"(?<=[sz])k(?:yi|yy|iy|ii|ij|y|i|a|e|oye|oe|aya|aia|ogo|oho)?$")


def admin_stem(text: str) -> str:
    """The stem shared by an administrative adjective and the town it is named after, in one spelling.

    ``Lozivskyi`` (raion), ``Lozivska`` (hromada) and ``Lozivsky`` share ``lozivs``; ``Pokrovsk`` and
    ``Pokrovskyi`` share ``pokrovs``. Names without such an ending are their name key.
    """
    key = name_key(text)
    if not key.isascii():
        return key
    return _ADMIN_ENDING.sub("", key)
