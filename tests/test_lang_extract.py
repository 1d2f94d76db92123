"""The lexicon-driven reader of Ukrainian and Russian reports (``spotrep.lang.extract``): the kind of event,
the day, the figures, the sides and the source, with the evidence in the original text. Sentences written for
these tests in the styles of oblast administrations, the General Staff, Telegram channels and Russian
bulletins."""

from __future__ import annotations

from datetime import date

import pytest

from spotrep.documents import make_document
from spotrep.lang.extract import extract_document, sentences
from spotrep.pipeline import extract

PUBLISHED = "2024-05-15"  # a Wednesday


def events_of(text: str, lang: str, published: str = PUBLISHED):
    return extract_document(make_document(text, published=published), lang)


@pytest.mark.parametrize(
    ("text", "lang", "sub_event_type"),
    [
        ("Вночі окупанти атакували Одесу ударними дронами, пошкоджено склад.", "uk", "Air/drone strike"),
        ("Сили ППО збили 12 шахедів над Київщиною.", "uk", "Disrupted weapons use"),
        ("Ворог завдав ракетного удару по Дніпру.", "uk", "Shelling/artillery/missile attack"),
        ("Росіяни скинули керовані авіабомби на Куп'янськ.", "uk", "Air/drone strike"),
        ("Тривають запеклі бої біля Часового Яру.", "uk", "Armed clash"),
        ("ЗСУ звільнили село Роботине.", "uk", "Government regains territory"),
        ("На Харківщині знищено склад боєприпасів окупантів.", "uk", "Shelling/artillery/missile attack"),
        ("ВСУ обстреляли Горловку из артиллерии.", "ru", "Shelling/artillery/missile attack"),
        ("Над Белгородской областью сбиты три беспилотника.", "ru", "Disrupted weapons use"),
        ("Беспилотник атаковал нефтебазу в Курской области.", "ru", "Air/drone strike"),
        ("В районе Работино продолжаются ожесточенные бои.", "ru", "Armed clash"),
        # attacks repelled are fighting; an arrest is the event, not the strikes the agent is held for
        ("Сили оборони відбили 22 атаки на Авдіївському напрямку.", "uk", "Armed clash"),
        ("Подразделения отбили 5 атак в районе Работино.", "ru", "Armed clash"),
        ("СБУ затримала у Харкові агента, який коригував ракетні удари по місту.", "uk", "Arrests"),
        ("В Москве задержан мужчина, поджёгший релейный шкаф на железной дороге.", "ru", "Arrests"),
    ],
)  # fmt: skip
def test_the_kind_of_event_is_read_from_the_words_of_the_genre(text, lang, sub_event_type):
    (event,) = events_of(text, lang)
    assert event.sub_event_type == sub_event_type
    assert event.evidence[0].text == text and text[event.evidence[0].start : event.evidence[0].end] == text


@pytest.mark.parametrize(
    ("text", "lang", "start", "end"),
    [
        ("Вчора ворог обстріляв Херсон.", "uk", "2024-05-14", "2024-05-14"),
        ("У ніч на 12 травня окупанти атакували Харків дронами.", "uk", "2024-05-11", "2024-05-12"),
        ("Минулої доби росіяни 80 разів обстріляли Сумщину.", "uk", "2024-05-14", "2024-05-15"),
        ("У понеділок ворог вдарив по Запоріжжю.", "uk", "2024-05-13", "2024-05-13"),
        ("3 грудня 2023 року ракета влучила в житловий будинок.", "uk", "2023-12-03", "2023-12-03"),
        ("Вчера вечером ВСУ обстреляли Белгород.", "ru", "2024-05-14", "2024-05-14"),
        ("В ночь на 10 мая беспилотники атаковали Курск.", "ru", "2024-05-09", "2024-05-10"),
        ("За прошедшие сутки сбиты 20 беспилотников.", "ru", "2024-05-14", "2024-05-15"),
        ("Ракетный удар по Одессе.", "ru", PUBLISHED, PUBLISHED),
    ],
)
def test_the_day_is_read_from_the_report_or_is_the_publication_date(text, lang, start, end):
    (event,) = events_of(text, lang)
    assert (event.date_start, event.date_end) == (date.fromisoformat(start), date.fromisoformat(end))


def test_a_date_in_december_read_in_january_is_last_years():
    (event,) = events_of("30 грудня ракета влучила в торговий центр.", "uk", published="2024-01-02")
    assert event.date_start == date(2023, 12, 30)


@pytest.mark.parametrize(
    ("text", "lang", "killed", "injured"),
    [
        ("Внаслідок ракетного удару загинули троє людей, ще семеро поранені.", "uk", 3, 7),
        ("Ракетний удар по Дніпру: 5 загиблих і 12 поранених.", "uk", 5, 12),
        ("Окупанти обстріляли Нікополь. Поранено двох чоловіків.", "uk", None, 2),
        ("В результате обстрела погибли двое мирных жителей, четверо ранены.", "ru", 2, 4),
        # an age is one person of that age
        ("Окупанти обстріляли Херсон. Поранено 62-річного чоловіка.", "uk", None, 1),
        ("ВСУ обстреляли Шебекино. Погибла 55-летняя женщина.", "ru", 1, None),
    ],
)
def test_the_killed_and_wounded_are_counted_in_words_and_figures(text, lang, killed, injured):
    (event,) = events_of(text, lang)
    assert (event.fatalities, event.injuries) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Коригувала удари РФ по школах Донеччини: СБУ затримала ворожу інформаторку.", "UA"),
        ("Окупанти затримали у Мелітополі місцевого активіста.", "RU"),
    ],
)
def test_an_arrest_is_by_the_security_services_of_the_side_named_beside_it(text, country):
    (event,) = events_of(text, "uk")
    assert event.sub_event_type == "Arrests"
    assert event.actor1.kind == "police" and event.actor1.country == country


def test_a_strike_on_people_is_on_civilians_and_by_the_side_named():
    (event,) = events_of("В результате обстрела ВСУ погибли двое мирных жителей Горловки.", "ru")
    assert event.actor1.country == "UA" and event.actor2.kind == "civilians" and event.actor2.country == "RU"


def test_a_ukrainian_report_of_a_strike_without_a_side_is_read_as_russias():
    (event,) = events_of("Уночі по Харкову випустили три ракети.", "uk")
    assert event.actor1.country == "RU"


def test_the_source_of_the_claim_is_named_in_english():
    (event,) = events_of("За даними Повітряних сил, ППО збила 17 дронів.", "uk")
    assert event.claim.source == "Ukrainian Air Force" and event.claim.source_country == "UA"
    (event,) = events_of("Минобороны России заявило, что ПВО сбила восемь ракет ATACMS.", "ru")
    assert event.claim.source == "Russian Ministry of Defence"


def test_a_denied_event_gives_nothing():
    assert events_of("Влучань у місті не було, повідомили у міськраді.", "uk") == []


def test_a_text_without_an_event_gives_nothing():
    assert events_of("Уряд ухвалив новий бюджет на наступний рік.", "uk") == []


def test_sentences_keep_their_offsets_in_the_text():
    text = "Перше речення.  Друге речення!\n\nТретє"
    assert [text[s.start : s.end] for s in sentences(text)] == ["Перше речення.", "Друге речення!", "Третє"]


def test_the_library_reads_ukrainian_and_russian_without_being_told_the_language():
    events = extract("Окупанти вдарили ракетами по Одесі, загинули двоє людей.", published=PUBLISHED)
    assert len(events) == 1 and events[0].fatalities == 2
    assert "missile" in events[0].notes or "strike" in events[0].notes  # the note is in English


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        # a known word starting a sentence is not a town abroad of its spelling (Атака: Ataq; Ей: Yei)
        ("Атака тривала всю ніч, у Миколаєві пошкоджено житлові будинки.", "uk", "Mykolaiv"),
        ("Атака продолжалась всю ночь, в Николаеве повреждены дома.", "ru", "Mykolaiv"),
        ("Ей оказали помощь после обстрела Херсона.", "ru", "Kherson"),
        ("По данным мэрии, ракета попала в здание Музея истории в Одессе.", "ru", "Odesa"),
        # capitalised names of buildings and saints mid-sentence are not foreign towns (Matera, Musei)
        ("Ракета влучила в будівлю Музею сучасного мистецтва в Одесі.", "uk", "Odesa"),
        ("Серед пошкоджених будівель храм Божої Матері в Одесі.", "uk", "Odesa"),
        ("Уламки пошкодили Морський вокзал і готель у Херсоні.", "uk", "Kherson"),
    ],
)  # fmt: skip
def test_capitalised_words_that_only_a_foreign_town_spells_are_not_places(text, lang, place):
    (event,) = events_of(text, lang)
    assert event.location.name == place and event.location.country == "UA"


@pytest.mark.parametrize(
    ("text", "lang", "country"),
    [("Делегація прибула у Варшаву.", "uk", "PL"), ("Делегация прилетела в Лондон.", "ru", "GB")],
)
def test_a_place_abroad_after_a_preposition_of_place_is_still_found(text, lang, country):
    from spotrep.lang.places import find_places

    assert [m.location.country for m in find_places(text, lang)] == [country]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Делегація прилетіла до Києва на переговори.", "uk"),
        ("Делегация прилетела в Москву на переговоры.", "ru"),
    ],
)
def test_arriving_by_air_is_not_a_hit(text, lang):
    assert events_of(text, lang) == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [("Уламки пошкодили дах школи в Херсоні.", "uk"), ("Вночі зафіксовано приліт у промзону Дніпра.", "uk"),
     ("Ночью зафиксирован прилёт по промзоне Белгорода.", "ru"), ("В Курске после прилетов горит склад.", "ru")],
)  # fmt: skip
def test_damage_in_any_verb_form_and_hits_as_nouns_are_events(text, lang):
    (event,) = events_of(text, lang)
    assert event.sub_event_type == "Shelling/artillery/missile attack"


@pytest.mark.parametrize("lang", ["uk", "ru"])
def test_the_benchmarks_generated_reports_are_read_as_their_language_and_each_reports_events(lang):
    from spotrep.lang.bench import generate_reports
    from spotrep.lang.detect import detect_language

    docs = list(generate_reports(lang, 10))
    assert [d.id for d in docs] == [d.id for d in generate_reports(lang, 10)]  # reproducible
    assert {detect_language(d.text) for d in docs} == {lang}
    assert all(extract_document(d, lang) for d in docs)


def test_a_toll_told_at_one_of_the_places_shelled_is_that_places():
    events = events_of(
        "Окупанти обстріляли Куп'янськ, Вовчанськ та Козачу Лопань. У Вовчанську загинула 55-річна жінка.",
        "uk",
    )
    assert sorted((e.location.name, e.fatalities) for e in events) == [
        ("Kozacha Lopan", None),
        ("Kupiansk", None),
        ("Vovchansk", 1),
    ]


@pytest.mark.parametrize(
    ("text", "units"),
    [
        (
            "Ворог атакував Нікопольську, Марганецьку та Покровську громади з артилерії.",
            {"Nikopolska hromada", "Marhanetska hromada", "Pokrovska hromada"},
        ),
        (
            "Ворог обстріляв прикордонні громади: Білопільську, Краснопільську та Хотінську.",
            {"Bilopilska hromada", "Krasnopilska hromada", "Khotinska hromada"},
        ),
        (
            "Знищено склади у Баштанському, Бериславському та Генічеському районах.",
            {"Bashtanskyi raion", "Beryslavskyi raion", "Henicheskyi raion"},
        ),
    ],
)
def test_each_adjective_of_a_list_before_a_unit_noun_names_a_unit(text, units):
    assert {e.location.name for e in events_of(text, "uk")} == units
