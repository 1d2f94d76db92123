"""Transliteration (official Ukrainian 2010 table, media y-spelling, Russian BGN/PCGN), keys and variants."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from spotrep.gazetteer.translit import (
    loose_key,
    name_key,
    russian_to_latin,
    single_letters_key,
    skeleton_key,
    ukrainian_to_latin,
    ukrainian_to_latin_y,
)
from spotrep.gazetteer.variants import (
    MAX_VARIANTS,
    russian_style_forms,
    ukrainian_name_variants,
    ukrainian_romanisations,
)

UKRAINIAN_LETTERS = "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя"


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [
        # examples of the 2010 resolution's table
        ("Алушта", "Alushta"),
        ("Борщагівка", "Borshchahivka"),
        ("Згорани", "Zghorany"),
        ("Розгон", "Rozghon"),
        ("Ґалаґан", "Galagan"),
        ("Єнакієве", "Yenakiieve"),
        ("Гаєвич", "Haievych"),
        ("Короп’є", "Koropie"),
        ("Їжакевич", "Yizhakevych"),
        ("Кадиївка", "Kadyivka"),
        ("Йосипівка", "Yosypivka"),
        ("Стрий", "Stryi"),
        ("Олексій", "Oleksii"),
        ("Щербухи", "Shcherbukhy"),
        ("Гоща", "Hoshcha"),
        ("Юрій", "Yurii"),
        ("Корюківка", "Koriukivka"),
        ("Яготин", "Yahotyn"),
        ("Костянтин", "Kostiantyn"),
        ("Знам’янка", "Znamianka"),
        ("Феодосія", "Feodosiia"),
        ("Ужгород", "Uzhhorod"),
        ("Хмельницький", "Khmelnytskyi"),
        # places of the war
        ("Харків", "Kharkiv"),
        ("Запоріжжя", "Zaporizhzhia"),
        ("Лук’янці", "Lukiantsi"),
        ("Куп’янськ", "Kupiansk"),
        ("Роботине", "Robotyne"),
        ("Часів Яр", "Chasiv Yar"),
        ("Кривий Ріг", "Kryvyi Rih"),
        ("Київ", "Kyiv"),
        ("Вовчанськ", "Vovchansk"),
        ("Очеретине", "Ocheretyne"),
        ("Авдіївка", "Avdiivka"),
    ],
)
def test_official_ukrainian_transliteration(cyrillic: str, latin: str) -> None:
    assert ukrainian_to_latin(cyrillic) == latin


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [
        ("Лук’янці", "Lukyantsi"),
        ("Куп’янськ", "Kupyansk"),
        ("Запоріжжя", "Zaporizhzhya"),
        ("Щастя", "Shchastya"),
    ],
)
def test_media_y_spelling(cyrillic: str, latin: str) -> None:
    assert ukrainian_to_latin_y(cyrillic) == latin


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [
        ("Волчанск", "Volchansk"),
        ("Красноармейск", "Krasnoarmeysk"),
        ("Ерёмовка", "Yeryomovka"),
        ("Работино", "Rabotino"),
        ("Белгород", "Belgorod"),
        ("Авдеевка", "Avdeyevka"),
        ("Суджа", "Sudzha"),
    ],
)
def test_russian_romanisation(cyrillic: str, latin: str) -> None:
    assert russian_to_latin(cyrillic) == latin


def test_words_in_capitals_stay_in_capitals() -> None:
    assert ukrainian_to_latin("ЩАСТЯ") == "SHCHASTIA"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Vovchans'k", "Vovchansk"),
        ("Vovchans’k", "VOVCHANSK"),
        ("Ivano-Frankivsk", "Ivano Frankivsk"),
        ("Kraków", "Krakow"),
        ("  Nova   Kakhovka ", "nova kakhovka"),
    ],
)
def test_name_key_ignores_case_accents_apostrophes_and_hyphens(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Zaporizhzhia", "Zaporizhia"),
        ("Zaporizhzhia", "Zaporizhzhya"),
        ("Kupiansk", "Kupyansk"),
        ("Lukiantsi", "Lukyantsi"),
        ("Krasnohorivka", "Krasnogorivka"),
        ("Pokrovske", "Pokrovskoye"),
        ("Kharkiv", "Harkiv"),
        ("Velyka Novosilka", "Velikaya Novosilka"),
    ],
)
def test_loose_key_merges_common_spelling_variants(a: str, b: str) -> None:
    assert loose_key(a) == loose_key(b)


@pytest.mark.parametrize(
    ("doubled", "single"),
    [
        ("Baardheere", "Bardhere"),
        ("Buulo Burte", "Bulo Burte"),
        ("Afgooye", "Afgoye"),
        ("Hagadera", "Hagadera"),
    ],
)
def test_single_letters_key_writes_doubled_letters_once(doubled: str, single: str) -> None:
    assert single_letters_key(name_key(doubled)) == name_key(single)


def test_single_letters_key_leaves_cyrillic_alone() -> None:
    assert single_letters_key("сосонка") == "сосонка" and single_letters_key("ззз") == "ззз"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # romanisations of Persian and Pashto district names in wire copy, notes and gazetteers
        ("Nahri Sarraj", "Nahr-e Saraj"),
        ("Zhari", "Zharey"),
        ("Garmser", "Garmsir"),
        ("Nawzad", "Naw Zad"),
        ("Maiwand", "Maywand"),
        ("Shahwalikot", "Shah Wali Kot"),
        ("Chahar Darah", "Chahar Dara"),  # the final h of a Persian name written or not
        ("Sayedabad", "Sayyidabad"),
        ("Dihrawud", "Deh Rawud"),
        ("Komondjari", "Komandjoari"),
    ],
)
def test_skeleton_key_merges_romanisations_of_a_unit_name(a: str, b: str) -> None:
    assert skeleton_key(name_key(a)) == skeleton_key(name_key(b)) != ""


@pytest.mark.parametrize(("a", "b"), [("Nad Ali", "Nawa"), ("Sangin", "Musa Qala"), ("Seno", "Soum")])
def test_skeleton_key_keeps_different_unit_names_apart(a: str, b: str) -> None:
    assert skeleton_key(name_key(a)) != skeleton_key(name_key(b))


def test_skeleton_key_of_a_too_short_name_is_empty() -> None:
    assert skeleton_key("ai") == "" and skeleton_key("") == ""


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz -'", max_size=30))
@settings(max_examples=200, deadline=None)
def test_skeleton_key_has_no_word_breaks_and_no_vowel_after_its_first_letter(text: str) -> None:
    sk = skeleton_key(text)
    assert " " not in sk and "-" not in sk
    assert not any(ch in "aeiouy" for ch in sk[1:])


@pytest.mark.parametrize(("a", "b"), [("Kharkiv", "Kherson"), ("Lyman", "Liman River"), ("Sumy", "Sambir")])
def test_loose_key_keeps_different_names_apart(a: str, b: str) -> None:
    assert loose_key(a) != loose_key(b)


@pytest.mark.parametrize(
    ("cyrillic", "expected"),
    [
        ("Харків", "Kharkov"),
        ("Красногорівка", "Krasnogorovka"),
        ("Лук’янці", "Lukyantsy"),
        ("Покровське", "Pokrovskoye"),
        ("Очеретине", "Ocheretino"),
        ("Велика Новосілка", "Velikaya Novoselka"),
        ("Нова Каховка", "Novaya Kakhovka"),
        ("Авдіївка", "Avdeyevka"),
        ("Вербове", "Verbovoye"),
        ("Кремінна", "Kremennaya"),
        ("Часів Яр", "Chasov Yar"),
        ("Кринки", "Krinki"),
    ],
)
def test_russian_style_variants_of_ukrainian_names(cyrillic: str, expected: str) -> None:
    official, variants = ukrainian_name_variants(cyrillic)
    assert expected in variants
    assert official == ukrainian_to_latin(cyrillic)


@pytest.mark.parametrize(
    ("cyrillic", "romanised", "guessed"),
    [
        ("Водяне", "Vodyane", "Vodyanoye"),
        ("Михайлівка", "Mykhaylivka", "Mikhaylovka"),
        ("Новоселівка Друга", "Novoselivka 2", "Novoselovka Vtoraya"),
        ("Лозівський", "Lozivskyy", "Lozovskiy"),
    ],
)
def test_romanisations_of_the_name_are_told_apart_from_russian_style_guesses(
    cyrillic: str, romanised: str, guessed: str
) -> None:
    """The media's y-spelling is the village's own name romanised; a Russian-style form is a guess at another
    language's name, so the gazetteer trusts it less."""
    forms = {f.lower() for f in ukrainian_romanisations(cyrillic)}
    assert romanised.lower() in forms
    assert guessed.lower() not in forms
    assert guessed.lower() in {v.lower() for v in ukrainian_name_variants(cyrillic)[1]}


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.text(alphabet=UKRAINIAN_LETTERS, min_size=2, max_size=12), min_size=1, max_size=3).map(
        lambda ws: " ".join(w[0].upper() + w[1:] for w in ws)
    )
)
def test_romanisations_are_variants_and_never_the_official_form(name: str) -> None:
    official, variants = ukrainian_name_variants(name)
    lowered = {v.lower() for v in variants}
    for f in ukrainian_romanisations(name):
        assert f.lower() != official.lower()
        assert f.lower() in lowered or len(variants) == MAX_VARIANTS


ukrainian_words = st.text(alphabet=UKRAINIAN_LETTERS + "’", min_size=1, max_size=14).filter(
    lambda w: w[0] != "’" and any(ch != "ь" and ch != "’" for ch in w)
)
ukrainian_names = st.lists(ukrainian_words, min_size=1, max_size=3).map(
    lambda ws: " ".join(w[0].upper() + w[1:] for w in ws)
)


@settings(max_examples=300, deadline=None)
@given(ukrainian_names)
def test_transliterations_are_ascii_and_leave_no_cyrillic(name: str) -> None:
    for f in (ukrainian_to_latin, ukrainian_to_latin_y, russian_to_latin):
        out = f(name)
        assert out.isascii(), (name, out)
        assert len(out.split()) == len(name.split())


@settings(max_examples=300, deadline=None)
@given(ukrainian_names)
def test_variants_are_bounded_distinct_and_never_repeat_the_official_form(name: str) -> None:
    official, variants = ukrainian_name_variants(name)
    assert len(variants) <= MAX_VARIANTS
    lowered = [v.lower() for v in variants]
    assert len(set(lowered)) == len(lowered)
    assert official.lower() not in lowered
    assert all(v.isascii() for v in variants)
    assert all(len(v.split()) == len(name.split()) for v in russian_style_forms(name))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=30))
def test_keys_are_idempotent(text: str) -> None:
    k = name_key(text)
    assert name_key(k) == k
    assert loose_key(k) == loose_key(text)


@pytest.mark.parametrize(
    ("ukrainian", "russian"),
    [
        # villages named after given names: Oleksandr/Aleksandr, Mykola/Nikolai, Olena/Elena, Kateryna/Ekaterina
        ("Олександрівка", "Aleksandrovka"),
        ("Новоолександрівка", "Novoaleksandrovka"),
        ("Миколаївка", "Nikolayevka"),
        ("Катеринівка", "Yekaterinovka"),
        # and words Russian says otherwise: Кам'янка/Каменка, Червоне/Красное
        ("Кам'янка", "Kamenka"),
        ("Червона Поляна", "Krasnaya Polyana"),
    ],
)
def test_russian_names_of_villages_named_after_given_names(ukrainian, russian) -> None:
    assert russian in russian_style_forms(ukrainian)


def test_russian_ye_is_also_written_e() -> None:
    _, variants = ukrainian_name_variants("Оленівка")
    assert "Yelenovka" in variants and "Elenovka" in variants
