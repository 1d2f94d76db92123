"""Places in Ukrainian and Russian text (spotrep.lang.places): sentences written for these tests."""

from __future__ import annotations

import time

import pytest

from spotrep.errors import SpotrepError
from spotrep.lang.places import PlaceMention, find_places


def _by_surface(text: str, lang: str) -> dict[str, PlaceMention]:
    return {m.surface: m for m in find_places(text, lang)}


@pytest.mark.parametrize(
    ("lang", "text", "surface", "name", "place", "admin1"),
    [
        ("uk", "Вночі ворог атакував дронами об'єкти у Харкові.", "Харкові", "Харків", "Kharkiv", "UA-63"),
        ("uk", "Окупанти обстріляли околиці Харкова з РСЗВ.", "Харкова", "Харків", "Kharkiv", "UA-63"),
        ("uk", "Ракета влучила в склад під Києвом, є поранені.", "Києвом", "Київ", "Kyiv", "UA-30"),
        (
            "uk",
            "Противник штурмував позиції поблизу Великої Новосілки.",
            "Великої Новосілки",
            None,
            "Velyka Novosilka",
            "UA-14",
        ),
        (
            "uk",
            "У Кривому Розі після удару балістикою зруйновано будинок.",
            "Кривому Розі",
            "Кривий Ріг",
            "Kryvyi Rih",
            "UA-12",
        ),
        (
            "uk",
            "Сили оборони відбили шість атак біля Покровська.",
            "Покровська",
            "Покровськ",
            "Pokrovsk",
            "UA-14",
        ),
        (
            "uk",
            "Уламки збитого дрона впали у Ніжині, пошкоджено дах школи.",
            "Ніжині",
            "Ніжин",
            "Nizhyn",
            "UA-74",
        ),
        (
            "uk",
            "Армія РФ скинула керовані авіабомби на Запоріжжя.",
            "Запоріжжя",
            "Запоріжжя",
            "Zaporizhzhia",
            "UA-23",
        ),
        ("ru", "Ночью в Харькове прогремели взрывы, горит склад.", "Харькове", "Харьков", "Kharkiv", "UA-63"),
        (
            "ru",
            "Российские войска обстреляли Николаев ракетами.",
            "Николаев",
            "Николаев",
            "Mykolaiv",
            "UA-48",
        ),
        ("ru", "Удар пришёлся по промзоне в Запорожье.", "Запорожье", "Запорожье", "Zaporizhzhia", "UA-23"),
        ("ru", "Бои продолжаются в районе Артемовска.", "Артемовска", None, "Bakhmut", "UA-14"),
        ("ru", "В Кировограде слышали взрывы после тревоги.", "Кировограде", None, "Kropyvnytskyi", "UA-35"),
        ("ru", "Беспилотник атаковал нефтебазу в Белгороде.", "Белгороде", "Белгород", "Belgorod", "RU-BEL"),
        ("ru", "Губернатор сообщил о поражении подстанции в Курске.", "Курске", "Курск", "Kursk", "RU-KRS"),
        ("ru", "Обломки дрона упали на окраине Брянска.", "Брянска", "Брянск", "Bryansk", "RU-BRY"),
        # a name of two common words, inflected together, after "по" (the preposition of strikes)
        (
            "uk",
            "Авіація ворога завдала удару по Малим Проходам.",
            "Малим Проходам",
            None,
            "Mali Prokhody",
            "UA-63",
        ),
        ("uk", "Росіяни скинули КАБи поблизу Часового Яру.", "Часового Яру", None, "Chasiv Yar", "UA-14"),
        ("uk", "Ворог вдарив по Часів Яру з РСЗВ.", "Часів Яру", None, "Chasiv Yar", "UA-14"),
        ("uk", "Знову обстріляли Нову Каховку, є поранені.", "Нову Каховку", None, "Nova Kakhovka", "UA-65"),
        ("ru", "ВСУ нанесли удар по Новой Каховке.", "Новой Каховке", None, "Nova Kakhovka", "UA-65"),
        (
            "ru",
            "Склады горят в Каменке-Днепровской.",
            "Каменке-Днепровской",
            None,
            "Kamianka-Dniprovska",
            "UA-23",
        ),
        ("ru", "Авиация нанесла удар под Ореховым.", "Ореховым", None, "Orikhiv", "UA-23"),
        # a town whose name is an adjective, in another case than the noun after it
        (
            "uk",
            "Біля Кропивницького росіяни влучили в аеродром.",
            "Кропивницького",
            None,
            "Kropyvnytskyi",
            "UA-35",
        ),
        ("uk", "Під Хмельницьким дрони атакували підстанцію.", "Хмельницьким", None, "Khmelnytskyi", "UA-68"),
    ],
)
def test_settlements_in_any_case_resolve_to_the_gazetteer_place(lang, text, surface, name, place, admin1):
    found = _by_surface(text, lang)
    assert surface in found, found
    m = found[surface]
    assert m.kind == "settlement"
    if name is not None:
        assert m.name == name
    assert m.location.name == place
    assert m.location.admin1_code == admin1
    assert text[m.start : m.end] == surface


@pytest.mark.parametrize(
    ("lang", "text", "surface", "admin1"),
    [
        ("uk", "Дрони атакували аеродром у Краснодарському краї.", "Краснодарському краї", "RU-KDA"),
        ("ru", "В Ставропольском крае прогремели взрывы.", "Ставропольском крае", "RU-STA"),
        ("uk", "Увечері на Херсонщині пролунали вибухи.", "Херсонщині", "UA-65"),
        ("uk", "Донеччина залишається найгарячішою ділянкою фронту.", "Донеччина", "UA-14"),
        ("uk", "Ворог обстріляв прикордонні громади на Сумщині.", "Сумщині", "UA-59"),
        ("uk", "У Харківській області через обстріл знеструмлено село.", "Харківській області", "UA-63"),
        ("ru", "В Белгородской области сбиты три беспилотника.", "Белгородской области", "RU-BEL"),
        ("ru", "В Черниговской области уничтожен склад.", "Черниговской области", "UA-74"),
        ("ru", "Курская область вновь подверглась обстрелу.", "Курская область", "RU-KRS"),
    ],
)
def test_oblasts_named_by_adjective_or_by_their_shchyna_name(lang, text, surface, admin1):
    found = _by_surface(text, lang)
    assert surface in found, found
    assert found[surface].kind == "oblast"
    assert found[surface].location.admin1_code == admin1
    assert found[surface].location.geo_precision == 3


@pytest.mark.parametrize(
    ("lang", "text", "surface", "admin1"),
    [
        ("uk", "Окупанти вдарили по Новоселівці Харківської області.", "Новоселівці", "UA-63"),
        ("uk", "Під обстрілом опинилась Новоселівка на Полтавщині.", "Новоселівка", "UA-53"),
        ("uk", "Загинула жінка у Михайлівці Запорізької області.", "Михайлівці", "UA-23"),
        ("ru", "Обстреляна Михайловка Запорожской области.", "Михайловка", "UA-23"),
        # the Russian name of a village named after a saint's name is not its Ukrainian name's Russian spelling
        (
            "ru",
            "Освобождён населённый пункт Александровка Донецкой Народной Республики.",
            "Александровка",
            "UA-14",
        ),
        ("ru", "Нанесён удар по Николаевке Харьковской области.", "Николаевке", "UA-63"),
        ("ru", "ВСУ обстреляли Каменку Запорожской области.", "Каменку", "UA-23"),
    ],
)
def test_a_settlement_is_put_in_the_oblast_the_text_names(lang, text, surface, admin1):
    found = _by_surface(text, lang)
    assert surface in found, found
    assert found[surface].location.admin1_code == admin1


@pytest.mark.parametrize(
    ("lang", "text", "surface", "admin1"),
    [
        (
            "ru",
            "Губернатор Белгородской области сообщил, что ВСУ обстреляли село Журавлевка. Ранены двое.",
            "Журавлевка",
            "RU-BEL",
        ),
        ("uk", "Сумщина. Окупанти обстріляли село Курахівка, поранено чоловіка.", "Курахівка", "UA-59"),
    ],
)
def test_a_village_the_one_oblast_named_lacks_is_no_namesake_elsewhere(lang, text, surface, admin1):
    """The gazetteer knows no such village in the only oblast the text names: the village is left out (the
    oblast places the report), never put at a namesake in another oblast."""
    found = _by_surface(text, lang)
    assert surface not in found or found[surface].location.admin1_code == admin1
    assert any(m.kind == "oblast" and m.location.admin1_code == admin1 for m in found.values())


@pytest.mark.parametrize(
    ("lang", "text", "surface", "kind", "place"),
    [
        (
            "uk",
            "Ворог атакував населені пункти Покровського району.",
            "Покровського району",
            "raion",
            "Pokrovskyi raion",
        ),
        (
            "uk",
            "Внаслідок удару по Нікопольському району поранено двох людей.",
            "Нікопольському району",
            "raion",
            "Nikopolskyi raion",
        ),
        (
            "uk",
            "Обстріл Великописарівської громади тривав усю ніч.",
            "Великописарівської громади",
            "hromada",
            "Velykopysarivska hromada",
        ),
    ],
)
def test_raions_and_hromadas_named_by_their_adjective(lang, text, surface, kind, place):
    found = _by_surface(text, lang)
    assert surface in found, found
    assert found[surface].kind == kind
    assert found[surface].location.name == place


@pytest.mark.parametrize(
    ("lang", "text", "surface", "place"),
    [
        ("uk", "ЗСУ знищили техніку окупантів на Бердянському аеродромі.", "Бердянському", "Berdiansk"),
        ("uk", "Уражено нафтобазу поблизу Кременчуцького НПЗ.", "Кременчуцького", "Kremenchuk"),
        ("ru", "Пожар на Одесском НПЗ потушен к утру.", "Одесском", "Odesa"),
    ],
)
def test_an_adjective_of_place_before_a_noun_names_its_town(lang, text, surface, place):
    found = _by_surface(text, lang)
    assert surface in found, found
    assert found[surface].location.name == place


@pytest.mark.parametrize(
    ("lang", "text", "surface", "place"),
    [
        ("uk", "Окупанти поцілили у Кременчуцький нафтопереробний завод.", "Кременчуцький", "Kremenchuk"),
        ("uk", "Ракети влучили в Бердянський морський порт.", "Бердянський", "Berdiansk"),
        ("ru", "Удар пришёлся по Николаевскому судостроительному заводу.", "Николаевскому", "Mykolaiv"),
        ("ru", "Взрывы прогремели у Каховской ГЭС.", "Каховской", "Kakhovka"),
        ("uk", "Окупанти обстріляли Каховську ГЕС.", "Каховську", "Kakhovka"),
        ("uk", "Дрони атакували підстанцію біля Хмельницької АЕС.", "Хмельницької", "Khmelnytskyi"),
        (
            "ru",
            "Беспилотники атаковали Новошахтинский нефтеперерабатывающий завод.",
            "Новошахтинский",
            "Novoshakhtinsk",
        ),
    ],
)
def test_an_adjective_of_place_before_adjectives_and_a_noun_names_its_town(lang, text, surface, place):
    found = _by_surface(text, lang)
    assert found[surface].location.name == place


@pytest.mark.parametrize(
    ("lang", "text", "axis", "village"),
    [
        (
            "uk",
            "На Покровському напрямку ворог штурмував позиції біля Мирнограда.",
            "Покровському",
            "Мирнограда",
        ),
        ("ru", "На Купянском направлении противник атаковал у Синьковки.", "Купянском", "Синьковки"),
    ],
)
def test_a_fronts_axis_is_no_place_beside_the_village_it_names(lang, text, axis, village):
    surfaces = {m.surface for m in find_places(text, lang)}
    assert village in surfaces and axis not in surfaces, surfaces


@pytest.mark.parametrize(
    ("lang", "text", "city", "district"),
    [
        ("ru", "В Донецке в результате обстрела Киевского района погибли два мирных жителя.", "Донецке", "Киевского"),
        ("uk", "У Харкові внаслідок удару по Київському району постраждали троє людей.", "Харкові", "Київському"),
    ],
)  # fmt: skip
def test_a_citys_district_named_after_a_far_town_is_no_place_of_its_own(lang, text, city, district):
    surfaces = {m.surface: m for m in find_places(text, lang)}
    assert city in surfaces and not any(s.startswith(district) for s in surfaces), surfaces


def test_a_district_named_after_a_town_near_the_city_named_stays_that_town():
    surfaces = {m.surface: m for m in find_places("Обстріл Голосіївського району Києва.", "uk")}
    assert surfaces["Голосіївського"].location.admin1_code == "UA-30"


def test_a_fronts_axis_alone_still_places_the_report():
    surfaces = {m.surface for m in find_places("На Покровському напрямку ворог атакував 20 разів.", "uk")}
    assert "Покровському" in surfaces


@pytest.mark.parametrize(
    ("lang", "text", "not_places"),
    [
        ("uk", "Зеленський провів нараду з командуванням у Києві.", {"Зеленський"}),
        ("uk", "Путін знову погрожує ядерною зброєю.", {"Путін"}),
        ("uk", "Повітряні сили повідомили про збиття 20 дронів над Одесою.", {"Повітряні"}),
        ("uk", 'Бійці бригади "Азов" відбили штурм у Торецьку.', {"Азов"}),
        ("uk", "Вибухи пролунали вночі, повідомив Терехов.", {"Вибухи", "Терехов"}),
        ("ru", "Шойгу заявил об уничтожении склада под Купянском.", {"Шойгу"}),
        ("ru", "Взрывы слышны в городе, сообщил Путин.", {"Взрывы", "Путин"}),
        ("ru", "Бойцы «Азова» заняли оборону в Мариуполе.", {"Азова"}),
        ("uk", "Сили оборони знищили склад боєприпасів у районі Маріуполя.", {"Сили"}),
        ("uk", "Підрозділи Збройних Сил України відбили атаку біля Куп'янська.", {"Сил", "Збройних Сил"}),
        ("uk", "Це підтвердила Служба безпеки України.", {"Служба"}),
        ("uk", "Були потужні вибухи, – Казанський про знищення складу на Донеччині.", {"Казанський"}),
        ("uk", "ЗСУ знищили 3 склади боєприпасів на Таврійському напрямку.", {"Таврійському"}),
        ("ru", "Украинская армия нанесла удар по складу.", {"Украинская"}),
        ("uk", "Російські війська обстріляли прикордоння.", {"Російські"}),
        ("ru", "Войска Вооружённых Сил России продвинулись под Купянском.", {"Сил"}),
    ],
)
def test_people_organisations_and_common_words_are_not_places(lang, text, not_places):
    surfaces = {m.surface for m in find_places(text, lang)}
    assert not surfaces & not_places, surfaces


@pytest.mark.parametrize(
    ("lang", "text", "surface", "code"),
    [
        ("uk", "Росія запустила по Україні 40 ракет.", "Росія", "RU"),
        ("ru", "Удары по Украине продолжаются.", "Украине", "UA"),
    ],
)
def test_countries_are_countries(lang, text, surface, code):
    found = _by_surface(text, lang)
    assert found[surface].kind == "country"
    assert found[surface].location.country == code


def test_near_a_town_is_the_town_at_precision_two():
    (m,) = [m for m in find_places("Бої точаться поблизу Вугледара.", "uk") if m.kind == "settlement"]
    assert m.location.name == "Vuhledar"
    assert m.location.geo_precision == 2


def test_the_location_is_the_one_the_english_stage_gives_the_same_place():
    from spotrep.places import resolve_name

    (m,) = find_places("Удар по Харкову.", "uk")
    assert m.location == resolve_name("Kharkiv")


def test_a_language_other_than_ukrainian_or_russian_is_refused():
    with pytest.raises(SpotrepError):
        find_places("Вибух у Львові", "en")


def test_text_without_cyrillic_has_no_places():
    assert find_places("Explosions in Kharkiv", "uk") == []


def test_reports_are_read_fast_after_warm_up():
    text = "Вночі окупанти обстріляли Херсон і села Бериславського району, у Херсоні поранено двох людей."
    find_places(text, "uk")
    t0 = time.perf_counter()
    for _ in range(200):
        find_places(text, "uk")
    assert (time.perf_counter() - t0) / 200 < 0.005


@pytest.mark.parametrize(
    ("lang", "text", "surface", "admin1"),
    [
        ("ru", "ВСУ уничтожили российский склад боеприпасов в Красной Горе.", "Красной Горе", "UA-14"),
        ("ru", "Дроны обнаружили склад боеприпасов в Березовом под Угледаром.", "Березовом", "UA-14"),
    ],
)
def test_among_namesakes_in_ukraine_and_russia_the_one_at_the_front_on_the_date(lang, text, surface, admin1):
    from datetime import date

    found = {m.surface: m for m in find_places(text, lang, on=date(2023, 9, 1))}
    assert found[surface].location.admin1_code == admin1


def test_the_front_prior_leaves_a_city_its_name():
    from datetime import date

    found = {m.surface: m for m in find_places("Взрывы прогремели в Николаеве.", "ru", on=date(2022, 6, 22))}
    assert found["Николаеве"].location.name == "Mykolaiv"
    assert found["Николаеве"].location.admin1_code == "UA-48"


@pytest.mark.parametrize(
    ("lang", "text", "codes"),
    [
        (
            "ru",
            "Над Брянской, Курской и Белгородской областями уничтожены 15 беспилотников.",
            {"RU-BRY", "RU-KRS", "RU-BEL"},
        ),
        ("ru", "Над Запорожской и Херсонской областями сбиты дроны.", {"UA-23", "UA-65"}),
        ("uk", "Ворог атакував Харківську, Сумську та Полтавську області.", {"UA-63", "UA-59", "UA-53"}),
    ],
)
def test_each_adjective_of_a_list_before_oblasts_is_an_oblast(lang, text, codes):
    oblasts = [m for m in find_places(text, lang) if m.kind == "oblast"]
    assert {m.location.admin1_code for m in oblasts} == codes


def test_a_town_and_its_oblast_in_brackets_are_no_list():
    found = _by_surface("Повреждение электроподстанции в Луцке (Волынская область).", "ru")
    assert found["Луцке"].kind == "settlement" and found["Луцке"].location.name == "Lutsk"
