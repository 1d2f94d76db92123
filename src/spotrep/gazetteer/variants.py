"""Spelling variants of Ukrainian place names, as they appear in English-language reporting.

From the official Ukrainian name (Cyrillic) we generate: the official transliteration (Kupiansk), the
y-spelling of the media (Kupyansk), and Russian-style spellings obtained by turning the Ukrainian name into
its likely Russian form and romanising that (Kharkov, Krasnogorovka, Lukyantsy, Pokrovskoye, Ocheretino,
Velikaya Novosilka). The Russian forms are rule-based guesses: they are indexed with a lower score than names
GeoNames attests, so an attested name always wins over a generated one.
"""

from __future__ import annotations

import itertools
import re

from .translit import russian_to_latin, ukrainian_to_latin, ukrainian_to_latin_y

_APOS = re.compile(r"['’ʼ`´‘]")
_CONSONANTS = "бвгґджзклмнпрстфхцчшщ"
MAX_VARIANTS = 24


# ordinal words that tell apart villages of one name ("Новоселівка Друга", "Зорі Перші"): their Russian forms
# and the number reporting also writes ("Novoselivka-2", "Novoselovka Vtoraya")
_ORDINALS: dict[str, tuple[str, int]] = {
    "перша": ("первая", 1),
    "перше": ("первое", 1),
    "перший": ("первый", 1),
    "друга": ("вторая", 2),
    "друге": ("второе", 2),
    "другий": ("второй", 2),
    "третя": ("третья", 3),
    "третє": ("третье", 3),
    "третій": ("третий", 3),
}


def _russian_word_forms(word: str, *, last: bool, multi: bool) -> list[str]:
    """Likely Russian spellings (Cyrillic) of one word of a Ukrainian name."""
    w = _APOS.sub("ь", word)
    low = w.lower()
    if low in _ORDINALS:
        russian = _ORDINALS[low][0]
        return [russian.capitalize() if w[:1].isupper() else russian]
    forms: list[str] = []
    # endings first (the most regular correspondences)
    endings = (
        ("іївка", ("еевка",)),
        ("ївка", ("евка", "иевка")),
        ("івка", ("овка", "евка")),
        ("івськ", ("овск",)),
        ("івське", ("овское",)),
        ("ів", ("ов", "ев")),
        ("ці", ("цы",)),
        ("цьке", ("цкое",)),
        ("ське", ("ское",)),
        ("ине", ("ино",)),
        ("ий", ("ый", "ий")),
        ("ій", ("ий",)),
        ("ьк", ("к",)),
        ("нна", ("нная",)),
    )
    stems: list[str] = []
    for suffix, repls in endings:
        if low.endswith(suffix):
            stems = [w[: len(w) - len(suffix)] + r for r in repls]
            break
    if not stems:
        if last and len(low) > 3 and low.endswith("е") and low[-2] in _CONSONANTS:
            stems = [w[:-1] + "ое", w[:-1] + "о"]  # Вербове -> Вербовое, Роботине -> Роботино
        elif multi and not last and low.endswith("а"):
            stems = [w[:-1] + "ая"]  # Велика Новосілка -> Великая Новоселка
        elif multi and not last and low.endswith("е"):
            stems = [w[:-1] + "ое"]
        else:
            stems = [w]
    for stem in stems:
        base = stem.replace("і", "и").replace("І", "И").replace("є", "е").replace("Є", "Е")
        base = base.replace("ї", "йи").replace("Ї", "Йи").replace("ґ", "г").replace("Ґ", "Г")
        forms.append(base)
        # the Ukrainian і of a closed syllable is often Russian о or е (Новосілка ~ Новоселка)
        i_pos = stem.lower().rfind("і")
        if 0 < i_pos < len(stem) - 2:
            for vowel in ("е", "о"):
                alt = stem[:i_pos] + vowel + stem[i_pos + 1 :]
                forms.append(alt.replace("і", "и").replace("І", "И").replace("є", "е").replace("ї", "йи"))
    forms += [r for f in forms if (r := _russian_stems(f))]
    return list(dict.fromkeys(forms))


# the stems of the given names (and a few words) that villages are named after, Ukrainian against Russian: the
# regular endings above turn Олександрівка into Олександровка, but the Russian name is Александровка
# (Oleksandr/Aleksandr, Mykola/Nikolai, Olena/Elena, Kateryna/Ekaterina; Кам'янка/Каменка, Червоне/Красное)
_NAME_STEMS = (
    ("олександр", "александр"),
    ("олекс", "алекс"),
    ("олен", "елен"),
    ("катерин", "екатерин"),
    ("микол", "никол"),
    ("ганн", "анн"),
    ("гнат", "игнат"),
    ("камьян", "камен"),
    ("червон", "красн"),
    ("хрест", "крест"),
)
_STEM_PREFIXES = ("", "ново", "старо", "велико", "мало", "верхньо", "нижньо")


def _russian_stems(form: str) -> str | None:
    """The Russian form of a word whose stem is a given name's Ukrainian form ("Новоолександровка" ->
    "Новоалександровка"), or None."""
    low = form.lower()
    for prefix in _STEM_PREFIXES:
        for ukrainian, russian in _NAME_STEMS:
            if low.startswith(prefix + ukrainian):
                out = prefix + russian + low[len(prefix) + len(ukrainian) :]
                return out.capitalize() if form[:1].isupper() else out
    return None


def russian_style_forms(name: str) -> list[str]:
    """Russian-style Latin spellings of a Ukrainian name (``Красногорівка`` -> ``Krasnogorovka``, ...)."""
    words = name.split()
    per_word = [
        _russian_word_forms(w, last=(i == len(words) - 1), multi=len(words) > 1) for i, w in enumerate(words)
    ]
    out: list[str] = []
    for combo in itertools.islice(itertools.product(*per_word), 12):
        out.append(russian_to_latin(" ".join(combo)))
    return list(dict.fromkeys(out))


def _latin_tweaks(latin: str) -> list[str]:
    """Further English spellings of a romanised name."""
    out = [latin]
    if "zhzh" in latin.lower():
        out.append(re.sub("zhzh", "zh", latin, flags=re.I))
    low = latin.lower()
    if low.endswith("ske"):
        out += [latin[:-1] + "oye", latin[:-1] + "oe"]
    if low.endswith("yi") or low.endswith("yy"):
        out += [latin[:-2] + "y", latin[:-2] + "yi", latin[:-2] + "iy"]
    if re.search(r"\bYe", latin):
        out.append(
            re.sub(r"\bYe", "E", latin)
        )  # Russian Е- romanised without the y: "Elenovka", "Ekaterinovka"
    return out


def numbered_forms(name: str) -> list[str]:
    """An ordinal word as a number: "Новоселівка Друга" -> "Novoselivka 2" (the key of "Novoselivka-2")."""
    words = name.split()
    numbers = [_ORDINALS.get(w.lower()) for w in words]
    if not any(numbers):
        return []
    rest = " ".join(w for w, number in zip(words, numbers, strict=True) if number is None)
    digit = next(n[1] for n in numbers if n)
    if not rest:
        return []
    return [f"{ukrainian_to_latin(rest)} {digit}", f"{ukrainian_to_latin_y(rest)} {digit}"]


def ukrainian_romanisations(name: str) -> list[str]:
    """The spellings of a Ukrainian name that are romanisations of the name itself, not guesses at another
    language's form: the official transliteration's and the media's y-spelling's regular tweaks ("Vodyane",
    "Zaporizhia", "Lozivskyy"), and ordinal words as numbers. They are as much the village's name as the official
    form; the Russian-style forms of :func:`russian_style_forms` are guesses (both are among
    :func:`ukrainian_name_variants`)."""
    official = ukrainian_to_latin(name)
    forms = numbered_forms(name) + _latin_tweaks(official) + _latin_tweaks(ukrainian_to_latin_y(name))
    return [f for f in dict.fromkeys(forms) if f.lower() != official.lower()]


def ukrainian_name_variants(name: str) -> tuple[str, list[str]]:
    """(official transliteration, other variants) of a Ukrainian name given in Cyrillic.

    The official form comes first and is not repeated among the variants; at most MAX_VARIANTS variants.
    """
    official = ukrainian_to_latin(name)
    forms: list[str] = numbered_forms(name)
    forms += _latin_tweaks(official)
    forms += _latin_tweaks(ukrainian_to_latin_y(name))
    for f in russian_style_forms(name):
        forms += _latin_tweaks(f)
    seen = {official.lower()}
    variants: list[str] = []
    for f in forms:
        k = f.lower()
        if k not in seen:
            seen.add(k)
            variants.append(f)
    return official, variants[:MAX_VARIANTS]
