"""A language is a folder: a package ``spotrep/lang/<code>/`` whose ``__init__`` defines a ``LEXICON`` adds
the language to detection, to the languages spotrep accepts and to the lexicon reader, with no edit elsewhere.

The folder here is made up for the test (a small Esperanto lexicon written for it) and put on the package's
path only while the test runs.
"""

from __future__ import annotations

import textwrap

import pytest

import spotrep
import spotrep.lang as lang
from spotrep.documents import make_document, require_supported_language
from spotrep.errors import UnsupportedLanguageError

ESPERANTO = textwrap.dedent(
    """
    from spotrep.lang.lexicon import Lexicon, Side, Source, Trigger

    LEXICON = Lexicon(
        code="eo",
        triggers=(Trigger(r"(bombad\\w*|pafad\\w*)", "shelling", "artillery"),),
        killed=r"(mortig\\w*|mort\\w*)",
        injured=r"(vundit\\w*)",
        civilians=r"(civil\\w*)",
        number_words={"du": 2, "tri": 3},
        months={"januar": 1, "februar": 2, "mart": 3, "april": 4, "maj": 5, "junio": 6},
        weekdays={"lunde": 0, "marde": 1},
        yesterday=r"(hieraŭ)",
        today=r"(hodiaŭ)",
        night_on=r"(en la nokto al)",
        past_day=r"(dum la pasinta tago)",
        sides=(Side(r"(rusa\\w* arme\\w*)", "RU"),),
        sources=(Source(r"(guberniestro)", "governor", None),),
        negation=r"(ne okazis)",
    )
    """
)

TEXT = (
    "La rusa armeo bombadis la urbon hieraŭ vespere kaj la guberniestro diris, ke du civiluloj estis mortigitaj "
    "dum la atako sur la urbo kaj ke la domoj de la civiluloj estas detruitaj."
)


@pytest.fixture
def esperanto_folder(tmp_path, monkeypatch):
    folder = tmp_path / "eo"
    folder.mkdir()
    (folder / "__init__.py").write_text(ESPERANTO, encoding="utf-8")
    monkeypatch.setattr(lang, "__path__", [*lang.__path__, str(tmp_path)])
    lang.lexicon_languages.cache_clear()
    lang.lexicon_of.cache_clear()
    yield
    lang.lexicon_languages.cache_clear()
    lang.lexicon_of.cache_clear()


def test_the_folders_of_spotrep_lang_are_the_languages_read_besides_english():
    assert lang.supported() == ("en", "ru", "uk")
    assert all(lang.lexicon_of(code).code == code for code in lang.lexicon_languages())


def test_without_its_folder_a_language_is_refused_with_its_name():
    doc = make_document(TEXT)
    with pytest.raises(
        UnsupportedLanguageError, match="looks like Esperanto; spotrep reads English, Russian"
    ):
        require_supported_language(doc)


def test_a_new_folder_with_a_lexicon_is_detected_accepted_and_read(esperanto_folder):
    assert "eo" in lang.supported()
    assert lang.script_of("eo") == "Latin"
    doc = make_document(TEXT)
    require_supported_language(doc)
    assert doc.lang == "eo"
    events = spotrep.extract(TEXT, published="2024-05-15")
    assert [(e.sub_event_type, e.fatalities, str(e.event_date)) for e in events] == [
        ("Shelling/artillery/missile attack", 2, "2024-05-14")
    ]
    assert events[0].actor1 is not None and events[0].actor1.country == "RU"
