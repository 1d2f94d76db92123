"""Russian named entities (spotrep.lang.ru.ner) and how the place finder uses them: sentences written for these
tests. The rules are tested with a reader of written entities (always); the model's own reading only where
slovnet, navec and natasha's model files are installed."""

from __future__ import annotations

import importlib.util
import logging
import subprocess
import sys
from dataclasses import dataclass
from datetime import date

import pytest

from spotrep.documents import Document
from spotrep.lang import extract, lexicon_of
from spotrep.lang.places import find_places
from spotrep.lang.ru import ner

_MODEL = all(importlib.util.find_spec(name) for name in ("slovnet", "navec", "natasha"))
needs_model = pytest.mark.skipif(not _MODEL, reason="slovnet, navec or natasha is not installed")


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    type: str


def _reader(text: str, *spans: tuple[str, str]):
    """An entity reader that finds the given (words, type) in the text, counting its calls."""
    calls: list[str] = []

    def read(t: str):
        calls.append(t)
        return [_Span(text.index(words), text.index(words) + len(words), kind) for words, kind in spans]

    read.calls = calls  # type: ignore[attr-defined]
    return read


def _surfaces(text: str, reader=None) -> list[str]:
    return [m.surface for m in find_places(text, "ru", reader)]


# --- the rules, with written entities -----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "spans", "kept", "dropped"),
    [
        # a capitalised word that no entity covers and no preposition introduces is not a place
        ("По данным губернатора, удар пришелся по Белгороду.", [("Белгороду", "LOC")], ["Белгороду"], ["По"]),
        ("Украинские военные обстреляли Горловку.", [("Горловку", "LOC")], ["Горловку"], ["Украинские"]),
        ("Тем временем в Донецке продолжается обстрел.", [("Донецке", "LOC")], ["Донецке"], ["Тем"]),
        # a name after a preposition needs no entity
        ("Ракеты по Кременчугу выпустили бомбардировщики.", [], ["Кременчугу"], []),
        ("Взрывы прогремели в Одессе и в Николаеве.", [], ["Одессе", "Николаеве"], []),
        # a person's full name is not a place, even where the gazetteer has a town of that name
        (
            "Александр Камышин сообщил о повреждении вокзала в Харькове.",
            [("Александр Камышин", "PER"), ("Харькове", "LOC")],
            ["Харькове"],
            ["Камышин"],
        ),
        (
            "Владимир Путин провел совещание в Москве.",
            [("Владимир Путин", "PER"), ("Москве", "LOC")],
            ["Москве"],
            ["Владимир"],
        ),
        # one word read as a person is not enough: the model takes small towns for surnames
        (
            "Губернатор сообщил об обстреле Грайворона.",
            [("Грайворона", "PER")],
            ["Грайворона"],
            [],
        ),
        # an organisation over a place keeps it (a refinery named after its town)
        ("Горит Сызранский НПЗ, сообщают очевидцы.", [("Сызранский НПЗ", "ORG")], ["Сызранский"], []),
    ],
)
def test_places_the_named_entities_contradict_are_dropped(text, spans, kept, dropped):
    without = _surfaces(text)
    assert set(kept) <= set(without), without  # the finder alone finds the places kept
    found = _surfaces(text, _reader(text, *spans))
    for surface in kept:
        assert surface in found
    for surface in dropped:
        assert surface not in found


def test_the_model_is_not_asked_when_every_name_follows_a_preposition():
    text = "Ночью беспилотники атаковали нефтебазу под Новошахтинском и в Ростове."
    read = _reader(text)
    assert _surfaces(text, read) == _surfaces(text)
    assert read.calls == []


def test_the_model_is_asked_once_per_text():
    text = "Об этом сообщил мэр. Украинские военные обстреляли Горловку."
    read = _reader(text, ("Горловку", "LOC"))
    _surfaces(text, read)
    assert len(read.calls) == 1


def test_without_the_model_the_places_are_todays():
    text = "Владимир Путин провел совещание в Москве. По данным губернатора, обстрелян Белгород."
    assert _surfaces(text, lambda t: None) == _surfaces(text)


def test_ukrainian_has_no_entity_reader():
    assert lexicon_of("uk").entities is None
    assert lexicon_of("ru").entities is ner.entities


def test_a_missing_model_is_said_once_in_the_log_and_the_reader_gives_none(monkeypatch, caplog):
    ner._tagger.cache_clear()
    monkeypatch.setattr(ner, "_natasha_data", lambda: None)
    try:
        with caplog.at_level(logging.WARNING, logger=ner.__name__):
            assert ner.entities("Взрывы прогремели в Белгороде.") is None
            assert ner.entities("Взрывы прогремели в Курске.") is None
        warnings = [r for r in caplog.records if r.name == ner.__name__]
        assert len(warnings) == 1 and "named entities off" in warnings[0].getMessage()
    finally:
        ner._tagger.cache_clear()


def test_a_long_text_is_read_in_pieces_that_keep_their_offsets():
    line = "Взрывы прогремели в Белгороде, сообщил губернатор.\n"
    text = line * (ner.MAX_CHARS // len(line) + 5)
    pieces = ner._pieces(text)
    assert len(pieces) >= 2
    assert "".join(piece for _, piece in pieces) == text
    assert all(text[offset : offset + len(piece)] == piece for offset, piece in pieces)


def test_importing_the_russian_reader_loads_no_model_and_not_natasha():
    code = (
        "import sys; from spotrep.lang import lexicon_of; import spotrep.lang.extract; lexicon_of('ru'); "
        "print(sorted(m for m in ('slovnet', 'navec', 'natasha', 'pymorphy2') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@needs_model
def test_reading_entities_never_imports_natasha_or_pymorphy2():
    code = (
        "import sys; from spotrep.lang.ru.ner import entities; entities('Взрыв в Белгороде.'); "
        "print(sorted(m for m in ('natasha', 'pymorphy2') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# --- the model itself ---------------------------------------------------------------------------------------


@needs_model
@pytest.mark.parametrize(
    ("text", "words", "kind"),
    [
        ("Глава Белгородской области Вячеслав Гладков сообщил об обстреле.", "Вячеслав Гладков", "PER"),
        ("Минобороны России заявило о перехвате ракет.", "Минобороны", "ORG"),
        ("Минобороны России заявило о перехвате ракет.", "России", "LOC"),
        ("Беспилотник атаковал нефтебазу в Новошахтинске.", "Новошахтинске", "LOC"),
        ("Сергей Лысак сообщил, что ночью дрон атаковал Никополь.", "Сергей Лысак", "PER"),
        ("Сергей Лысак сообщил, что ночью дрон атаковал Никополь.", "Никополь", "LOC"),
    ],
)
def test_the_model_reads_people_places_and_organisations(text, words, kind):
    found = {(text[e.start : e.end], e.type) for e in ner.entities(text) or []}
    assert (words, kind) in found


@needs_model
@pytest.mark.parametrize(
    ("text", "place", "not_place"),
    [
        ("По данным губернатора, в результате удара по Белгороду ранены трое.", "Belgorod", "По"),
        ("Украинские военные обстреляли Горловку из артиллерии.", "Horlivka", "Украинские"),
        ("Об этом рассказал глава администрации Шебекино.", "Shebekino", "Об"),
        ("Во время атаки на Курск пострадал мужчина.", "Kursk", "Во"),
        ("Александр Камышин сообщил о повреждении вокзала в Харькове.", "Kharkiv", "Камышин"),
        ("Владимир Путин провел совещание в Москве.", "Moscow", "Владимир"),
    ],
)
def test_the_model_keeps_the_place_and_drops_the_word_that_is_not_one(text, place, not_place):
    found = find_places(text, "ru", ner.entities)
    assert place in [m.location.name for m in found]
    assert not_place not in [m.surface for m in found]


@needs_model
@pytest.mark.parametrize(
    "text",
    [
        "Взрывы прогремели в Одессе и Николаеве.",
        "Ракеты по Кременчугу выпустили стратегические бомбардировщики.",
        "Харьков снова под ударом: погибли двое.",
        "Запорожье подверглось ракетному удару.",
        "Константиновку обстреляли из РСЗО.",
        "Губернатор Вячеслав Гладков сообщил об обстреле Грайворона.",
    ],
)
def test_the_model_leaves_real_places_alone(text):
    assert _surfaces(text, ner.entities) == _surfaces(text)


@needs_model
def test_a_russian_report_has_its_event_at_the_place_not_at_a_sentence_word():
    doc = Document(
        id="ru-ner-1",
        text="По данным губернатора, ночью беспилотник атаковал нефтебазу. Пожар потушен, пострадавших нет. "
        "Атаке подвергся Новошахтинск.",
        published=date(2024, 5, 15),
    )
    places = {ev.location.name for ev in extract.extract_document(doc, "ru")}
    assert "Bozhou" not in places
    assert "Novoshakhtinsk" in places
