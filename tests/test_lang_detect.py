"""Language detection: English, Ukrainian and Russian are told apart (by script, by the letters only one of
them has, else by py3langid's model); other languages are named so the refusal can say what they look like."""

from __future__ import annotations

import pytest

from spotrep.documents import make_document, require_supported_language
from spotrep.errors import UnsupportedLanguageError
from spotrep.lang.detect import detect_language, language_name


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Russian forces shelled the outskirts of Kharkiv overnight, the regional governor said.", "en"),
        ("A drone hit Sumy.", "en"),  # short: the benefit of the doubt
        ("Вночі окупанти атакували Запоріжжя ударними дронами, пошкоджено житловий будинок.", "uk"),
        ("Сили ППО збили 12 шахедів над Київщиною", "uk"),
        ("Мирне населення Маріуполя евакуюють гуманітарним коридором", "uk"),
        ("В Белгородской области в результате обстрела ранены двое мирных жителей, сообщил губернатор.", "ru"),
        ("Под Авдеевкой продолжаются бои", "ru"),
        ("Пожар на нефтебазе в Брянске после атаки беспилотника", "ru"),  # no ы/э/ё: the model decides
        # no letter of one language only: the words only one lexicon reads ("збили" against "сбили")
        ("Над Одещиною сили ППО збили 8 ударних БпЛА типу «Шахед».", "uk"),
        ("Над Белгородом сбиты 8 беспилотников.", "ru"),
        pytest.param(
            "Пожар на складе в Сумах после удара дронов.[Источник.](https://example.com/news/2024/05/"
            "voyska-rf-udarili-po-sumam-gorit-sklad-foto-video) Опубликовано:05/05,9.",
            "ru",
            id="links_in_latin_letters_do_not_make_a_russian_post_latin",
        ),
        pytest.param(
            "**Описание события:** > A Ukrainian drone strikes a fuel depot near Luhansk. QX42+7M Luhansk, "
            "Luhansk Oblast, Ukraine Source(s): https://t.me/somechannel/123 https://x.com/someone/status/1 "
            "Geolocation(s): https://x.com/another/status/2.",
            "en",
            id="an_english_report_under_a_russian_heading_with_codes_and_links_is_english",
        ),
        (
            "Der Angriff auf Charkiw dauerte die ganze Nacht, sagte der Gouverneur am Montag in einer Erklärung"
            " an die Presse und die Bevölkerung der Stadt.",
            "de",
        ),
        (
            "L'armée russe a bombardé la ville pendant toute la nuit, a déclaré le gouverneur lundi dans un"
            " communiqué adressé à la presse.",
            "fr",
        ),
        (
            "Руските сили атакуваха града през нощта, съобщи губернаторът на областта в понеделник сутринта"
            " пред журналисти.",
            "bg",
        ),
    ],
)  # fmt: skip
def test_the_language_of_a_report_is_detected(text, lang):
    assert detect_language(text) == lang


def test_a_report_in_another_language_is_refused_with_its_name():
    doc = make_document(
        "Der Angriff auf Charkiw dauerte die ganze Nacht, sagte der Gouverneur am Montag in einer Erklärung an"
        " die Presse und die Bevölkerung der Stadt."
    )
    with pytest.raises(
        UnsupportedLanguageError, match="looks like German; spotrep reads English, Russian and Ukrainian"
    ):
        require_supported_language(doc, name="report.txt")
    assert doc.lang == "de"


def test_a_language_given_is_kept_and_not_detected():
    doc = make_document("Под Авдеевкой продолжаются бои")
    doc.lang = "uk"
    require_supported_language(doc)
    assert doc.lang == "uk"


@pytest.mark.parametrize(("code", "name"), [("uk", "Ukrainian"), ("de", "German"), ("crh", "Crimean Tatar")])
def test_a_language_is_named_in_english(code, name):
    assert language_name(code).startswith(name)
