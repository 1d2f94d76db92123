"""Places in their context: 'Settlement, Oblast', districts and communities at their administrative centre,
regions at their capital, same-name villages told apart by the document, and the spellings reporting uses.

Every sentence here is written for the test, in the styles of the genre (ACLED-style notes, wire copy,
General Staff bulletins, regional administrations' posts).
"""

from __future__ import annotations

import pytest

from spotrep.gazetteer.data import haversine_km
from spotrep.places import FRONT_NEAR_KM

from .places_fixtures import gazetteer, gazetteer_dir, nlp, places  # noqa: F401


def by_text(mentions, text: str):
    found = [m for m in mentions if m.text == text]
    assert found, (text, [m.text for m in mentions])
    return found[0]


def centre_point(gazetteer, name: str, code: str) -> tuple[float, float]:  # noqa: F811
    """The point of the most populous settlement of that name in the region."""
    entries = [
        e for e, q in gazetteer.lookup(name, loose=False) if q == 0 and gazetteer.admin1_code(e) == code
    ]
    assert entries, (name, code)
    best = max(entries, key=lambda e: gazetteer.population(e) or 0)
    return gazetteer.point(best)


# --- 'Settlement, Oblast' ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "settlement", "region", "code"),
    [
        ("Russian forces shelled Pavlohrad, Dnipropetrovsk.", "Pavlohrad", "Dnipropetrovsk", "UA-12"),
        ("Russian artillery hit Orikhiv, Zaporizhia, overnight.", "Orikhiv", "Zaporizhia", "UA-23"),
        ("On 3 May, clashes were reported in Dmytrivka, Kyiv.", "Dmytrivka", "Kyiv", "UA-32"),
        ("A Russian column was ambushed in Kamianske, Zaporozhye.", "Kamianske", "Zaporozhye", "UA-23"),
        ("Shelling damaged a school in Bilozerka, Kherson.", "Bilozerka", "Kherson", "UA-65"),
        ("Drones hit a farm near Novoukrainka, Kirovohrad.", "Novoukrainka", "Kirovohrad", "UA-35"),
        ("Drones hit a farm near Novoukrainka, Kirovograd.", "Novoukrainka", "Kirovograd", "UA-35"),
        ("An explosion was heard in Bashtanka, Nikolaev.", "Bashtanka", "Nikolaev", "UA-48"),
        ("LPR forces shelled Rubizhne, Lugansk, on Friday.", "Rubizhne", "Lugansk", "UA-09"),
        ("A missile struck Chuhuiv, Kharkov.", "Chuhuiv", "Kharkov", "UA-63"),
        (
            "Residents gathered in Kolomyia, Ivano-Frankivsk, to protest.",
            "Kolomyia",
            "Ivano-Frankivsk",
            "UA-26",
        ),
        ("Ukrainian drones hit Tyotkino, Kursk region.", "Tyotkino", "Kursk region", "RU-KRS"),
        ("Shells landed in Kozinka, Belgorod region.", "Kozinka", "Belgorod region", "RU-BEL"),
        # settlement, region, country: the country closes the chain
        ("Ukrainian forces shelled Glushkovo, Kursk, Russia.", "Glushkovo", "Kursk", "RU-KRS"),
        ("A drone hit an oil depot in Klintsy, Bryansk, Russia.", "Klintsy", "Bryansk", "RU-BRY"),
        (
            "Russian missiles struck Pavlohrad, Dnipropetrovsk, Ukraine.",
            "Pavlohrad",
            "Dnipropetrovsk",
            "UA-12",
        ),
    ],
)
def test_settlement_comma_oblast_puts_the_settlement_in_that_oblast(
    places,  # noqa: F811
    sentence,
    settlement,
    region,
    code,
) -> None:
    mentions = places(sentence)
    place = by_text(mentions, settlement)
    assert place.kind == "settlement"
    assert place.location.admin1_code == code
    qualifier = by_text(mentions, region)
    assert qualifier.kind == "region" and qualifier.location.admin1_code == code


@pytest.mark.parametrize(
    ("sentence", "names", "code"),
    [
        ("Russian forces shelled Avdiivka and Marinka, Donetsk.", ("Avdiivka", "Marinka"), "UA-14"),
        (
            "Explosions were heard in Kupiansk, Balakliia and Izium, Kharkiv.",
            ("Kupiansk", "Balakliia"),
            "UA-63",
        ),
    ],
)
def test_settlements_listed_before_an_oblast_share_it(places, sentence, names, code) -> None:  # noqa: F811
    mentions = places(sentence)
    for name in names:
        assert by_text(mentions, name).location.admin1_code == code


@pytest.mark.parametrize(
    ("sentence", "settlement", "code"),
    [
        ("A checkpoint in Motyzhyn village, Kyiv, came under fire.", "Motyzhyn", "UA-32"),
        ("Shelling hit Velykyi Burluk (Kharkiv region) in the morning.", "Velykyi Burluk", "UA-63"),
        ("Drones struck Mykolaivka in Sumy region overnight.", "Mykolaivka", "UA-59"),
        ("Drones struck Mykolaivka, Sumy oblast, overnight.", "Mykolaivka", "UA-59"),
        ("Two people were wounded in Novoselivka, Chernihiv region.", "Novoselivka", "UA-74"),
    ],
)
def test_a_named_oblast_is_a_hard_constraint_even_for_common_names(
    places,  # noqa: F811
    sentence,
    settlement,
    code,
) -> None:
    """Dozens of Mykolaivkas and Novoselivkas: the one in the oblast the text names, never another."""
    place = by_text(places(sentence), settlement)
    assert place.location.admin1_code == code
    assert all(c.location.admin1_code == code for c in place.candidates)


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("Russian missiles hit Kharkiv, Dnipro and Odesa on Monday.", ("Kharkiv", "Dnipro", "Odesa")),
        ("Air raid alerts sounded in Kyiv, Kharkiv.", ("Kyiv", "Kharkiv")),
        ("Missiles hit Kharkiv, Donetsk, Ukraine and Russia.", ("Kharkiv", "Donetsk")),
    ],
)
def test_a_list_of_cities_is_not_settlement_and_oblast(places, sentence, names) -> None:  # noqa: F811
    mentions = places(sentence)
    for name in names:
        m = by_text(mentions, name)
        assert m.kind == "settlement" and not m.qualifier


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The strikes hit Kyiv, Lviv, Odesa, Dnipro and Kharkiv.",
            {"Kyiv": "UA-30", "Lviv": "UA-46", "Odesa": "UA-51", "Kharkiv": "UA-63"},
        ),
        ("Sirens sounded in Kyiv, Lviv, Rivne or Lutsk overnight.", {"Kyiv": "UA-30", "Lviv": "UA-46"}),
        ("Missiles struck Kyiv, Lviv and Ternopil.", {"Kyiv": "UA-30", "Lviv": "UA-46"}),
        # the tagger takes "Orikhiv, Stepnohirsk" for one organisation: each item is a place
        (
            "Russian drones attacked Orikhiv, Stepnohirsk, Huliaipole and Mala Tokmachka.",
            {"Orikhiv": "UA-23", "Stepnohirsk": "UA-23", "Huliaipole": "UA-23"},
        ),
    ],
)
def test_the_members_of_a_plain_list_are_not_placed_in_one_another(places, sentence, expected) -> None:  # noqa: F811
    """ "A, B, C and D": a village named Kyiv in Lviv oblast is no reading of a list of cities."""
    mentions = places(sentence)
    for name, code in expected.items():
        m = by_text(mentions, name)
        assert m.location.admin1_code == code, m.why
        assert m.location.geo_precision == 1


def test_a_list_of_chains_keeps_each_settlements_oblast(places) -> None:  # noqa: F811
    mentions = places("Russian forces shelled Marhanets, Dnipropetrovsk, and Orikhiv, Zaporizhia.")
    assert by_text(mentions, "Marhanets").location.admin1_code == "UA-12"
    assert by_text(mentions, "Orikhiv").location.admin1_code == "UA-23"


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "Russian forces shelled Bakhmut, Donetsk. Ukrainian forces repelled 12 attacks in the area.",
            "Bakhmut",
        ),
        (
            "Explosions were heard in Melitopol, Zaporizhia. Residents of the area reported fires.",
            "Melitopol",
        ),
    ],
)
def test_the_area_after_settlement_comma_oblast_is_the_settlements(places, sentence, name) -> None:  # noqa: F811
    """ "X, Oblast ... in the area": the oblast only says where X lies; the area is X's."""
    mentions = places(sentence)
    area = next(m for m in mentions if m.anaphoric)
    assert area.location.name == by_text(mentions, name).location.name


def test_a_body_named_before_a_region_is_no_unknown_village_of_it(places) -> None:  # noqa: F811
    mentions = places("The report came from Reuters, Kyiv.")
    assert "Reuters" not in {m.text for m in mentions}


def test_a_speaker_after_the_comma_is_not_an_oblast(places) -> None:  # noqa: F811
    mentions = places("Russian units stormed Robotyne, Moscow claimed on Tuesday.")
    assert by_text(mentions, "Robotyne").location.admin1_code == "UA-23"


@pytest.mark.parametrize(
    ("sentence", "name", "code"),
    [
        ("Artillery hit Melovoi, Kursk region, the governor said.", "Melovoi", "RU-KRS"),
        ("Russian forces fired on Horinka, Kyiv.", "Horinka", "UA-32"),
        ("Ukrainian forces withdrew from Kruhlohorivka, Donetsk.", "Kruhlohorivka", "UA-14"),
        ("Shelling was reported near Verkhnozatyshne, Kharkiv.", "Verkhnozatyshne", "UA-63"),
        ("Shelling was reported near Vyshnevo-Polove, Kharkiv.", "Vyshnevo-Polove", "UA-63"),
        # the region named in the sentence, apart from the village: not a small namesake in another region
        (
            "Kharkiv region governor Oleh Syniehubov said Russian forces shelled Kurakhivka overnight.",
            "Kurakhivka",
            "UA-63",
        ),
        (
            "In Sumy region, a drone hit a car near Pervomaiske, the regional administration said.",
            "Pervomaiske",
            "UA-59",
        ),
        # the object of a verb of war, with or without a dated clause before it
        (
            "Ukrainian troops recaptured Stepovokamianka, Zaporizhia, the brigade said.",
            "Stepovokamianka",
            "UA-23",
        ),
        ("On 12 June 2024, Russian forces shelled Stepovokamianka, Zaporizhia.", "Stepovokamianka", "UA-23"),
        ("Russian aircraft bombed Pidlisnyky, Sumy region, overnight.", "Pidlisnyky", "UA-59"),
        # a chain that ends with the country: the name before it is still the region, not an item of a list
        (
            "On 8 August 2024, Ukrainian forces took control of Martynovka, Kursk, Russia.",
            "Martynovka",
            "RU-KRS",
        ),
        ("Drones struck Zzyxivka, Kharkiv, Ukraine, overnight.", "Zzyxivka", "UA-63"),
    ],
)
def test_a_place_the_gazetteer_lacks_in_the_named_region_gets_the_region(
    places,  # noqa: F811
    sentence,
    name,
    code,
) -> None:
    """Only a namesake's spelling variant elsewhere: the region the text names, never the namesake."""
    m = by_text(places(sentence), name)
    assert m.location.admin1_code == code
    assert m.location.geo_precision == 3


# --- districts and communities at their administrative centre ------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "text", "centre", "code"),
    [
        (
            "Russian troops shelled the Pavlohrad district overnight.",
            "Pavlohrad district",
            "Pavlohrad",
            "UA-12",
        ),
        (
            "Drones attacked the Lozivskyi district of Kharkiv region.",
            "Lozivskyi district",
            "Lozova",
            "UA-63",
        ),
        ("Shelling hit the Mezhyritska community on Sunday.", "Mezhyritska community", "Mezhyrich", "UA-12"),
        ("Guided bombs fell on Synelnykove raion.", "Synelnykove raion", "Synelnykove", "UA-12"),
        (
            "The enemy shelled the Velykopysarivska territorial community 14 times.",
            "Velykopysarivska territorial community",
            "Velyka Pysarivka",
            "UA-59",
        ),
        ("Artillery struck the Nikopol hromada again.", "Nikopol hromada", "Nikopol", "UA-12"),
        (
            "A drone hit a car in the Bilopilska village council.",
            "Bilopilska village council",
            "Bilopillia",
            "UA-59",
        ),
        ("Fighting continued in the Pokrovsk district.", "Pokrovsk district", "Pokrovsk", "UA-14"),
    ],
)
def test_districts_and_communities_sit_at_their_administrative_centre(
    places,  # noqa: F811
    gazetteer,  # noqa: F811
    sentence,
    text,
    centre,
    code,
) -> None:
    m = by_text(places(sentence), text)
    assert m.location.admin1_code == code
    assert m.location.geo_precision == 2
    lat, lon = centre_point(gazetteer, centre, code)
    assert haversine_km(m.location.latitude, m.location.longitude, lat, lon) < 1
    assert f"administrative centre of {m.location.name}: {centre}" in m.reason


def test_a_district_in_a_named_oblast(places) -> None:  # noqa: F811
    m = by_text(
        places("Shelling was recorded in the Nikopol district, Dnipropetrovsk region."), "Nikopol district"
    )
    assert m.location.admin1_code == "UA-12" and m.location.geo_precision == 2


# --- regions at their capital -------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "text", "code", "capital"),
    [
        ("Air defence shot down three missiles in Volyn region.", "Volyn region", "UA-07", "Lutsk"),
        ("Shelling continued in the Sumy region.", "Sumy region", "UA-59", "Sumy"),
        ("Ukrainian forces struck targets in Kursk region.", "Kursk region", "RU-KRS", "Kursk"),
        ("The Kyiv region was under air alert.", "Kyiv region", "UA-32", "Kyiv"),
        ("A drone was downed over the Kirovohrad region.", "Kirovohrad region", "UA-35", "Kropyvnytskyi"),
        ("Missiles were shot down over annexed Crimea.", "annexed Crimea", "UA-43", "Simferopol"),
    ],
)
def test_a_region_named_alone_sits_at_its_administrative_centre(
    places,  # noqa: F811
    gazetteer,  # noqa: F811
    sentence,
    text,
    code,
    capital,
) -> None:
    """ACLED's codebook: a region-only mention is coded to the region's capital, at geo_precision 3."""
    m = by_text(places(sentence), text)
    assert m.location.admin1_code == code and m.location.geo_precision == 3
    country = code[:2]
    entries = [
        e for e, q in gazetteer.lookup(capital, loose=False) if q == 0 and gazetteer.country(e) == country
    ]
    lat, lon = gazetteer.point(max(entries, key=lambda e: gazetteer.population(e) or 0))
    assert haversine_km(m.location.latitude, m.location.longitude, lat, lon) < 1


# --- same-name villages told apart by the document ------------------------------------------------------
def test_a_region_named_in_another_sentence_of_the_report(places) -> None:  # noqa: F811
    text = (
        "Russian forces kept up attacks in the Kharkiv region on Thursday, the governor said. "
        "Two civilians were wounded when shells hit Kozacha Lopan."
    )
    assert by_text(places(text), "Kozacha Lopan").location.admin1_code == "UA-63"


def test_a_report_about_a_russian_region_keeps_russian_spellings_in_it(places) -> None:  # noqa: F811
    text = (
        "Ukrainian troops pushed deeper into Russia's Kursk region on Tuesday. "
        "Heavy fighting was reported near Sudzha. Russian forces said they had retaken Podol."
    )
    mentions = places(text)
    assert by_text(mentions, "Sudzha").location.admin1_code == "RU-KRS"
    assert by_text(mentions, "Podol").location.country == "RU"


def test_the_russian_region_of_the_passage_in_a_report_about_several_regions(places) -> None:  # noqa: F811
    text = (
        "Russia said its forces had captured a village near Pokrovsk in Donetsk region. "
        "In Russia's Kursk region, the ministry said its forces had retaken Melovoi and Podol."
    )
    mentions = places(text)
    for name in ("Melovoi", "Podol"):
        assert by_text(mentions, name).location.admin1_code == "RU-KRS"


def test_other_places_of_a_short_note_pull_a_village_across_sentences(places) -> None:  # noqa: F811
    text = "Russian forces attacked Kupiansk on Monday. Later, shelling hit Petropavlivka."
    assert by_text(places(text), "Petropavlivka").location.admin1_code == "UA-63"


def test_a_hromada_centre_wins_over_plain_villages_of_its_name(gazetteer) -> None:  # noqa: F811
    """Among villages of one name in one oblast, with no other clue, the one that is a hromada centre."""
    from collections import defaultdict

    from spotrep.gazetteer.data import RANK_HROMADA, SRC_KATOTTG
    from spotrep.gazetteer.regions import FRONT_REGIONS
    from spotrep.places import resolve_name

    data = gazetteer.data
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    for e in range(len(data.names)):
        if data.kind[e] == 0 and data.codes[data.country[e]] == "UA" and data.source[e] == SRC_KATOTTG:
            groups[(data.names[e], data.codes[data.admin1[e]] or "")].append(e)
    checked = 0
    for (name, code), entries in sorted(groups.items()):
        centres = [e for e in entries if data.rank[e] == RANK_HROMADA]
        if len(entries) < 2 or len(centres) != 1 or code in FRONT_REGIONS:
            continue  # (in a front-line region, the distance to the front is a clue too)
        same = [e for e, q in gazetteer.lookup(name, loose=False) if gazetteer.admin1_code(e) == code]
        if sorted(same) != sorted(entries):
            continue  # a GeoNames place of that name too: its population decides
        loc = resolve_name(name, admin1_code=code)
        assert loc.gazetteer_id == gazetteer.gazetteer_id(centres[0]), (name, code)
        checked += 1
        if checked == 20:
            break
    assert checked >= 5


# --- the front line on the report's date ------------------------------------------------------------------
def _front_km(loc, on):
    from spotrep.gazetteer.frontline import front_distance_km

    return front_distance_km(loc.latitude, loc.longitude, on, country=loc.country, border=True)


@pytest.mark.parametrize(
    ("sentence", "text", "code", "published"),
    [
        ("Russian forces fired mortars near Stepove, Zaporizhzhia region.", "Stepove", "UA-23", "2023-08-20"),
        (
            "Russian forces shelled Novomykhailivka, Zaporizhzhia region.",
            "Novomykhailivka",
            "UA-23",
            "2023-06-10",
        ),
    ],
)
def test_among_namesakes_of_an_oblast_the_one_near_the_front_on_the_date(
    places,  # noqa: F811
    sentence,
    text,
    code,
    published,
) -> None:
    """Villages known only to KATOTTG tie on every other clue; the one near the front that day is the likelier."""
    from datetime import date

    on = date.fromisoformat(published)
    m = by_text(places(sentence, on=on), text)
    assert m.location.admin1_code == code
    near = _front_km(m.location, on)
    others = [_front_km(c.location, on) for c in m.candidates if c.location.admin1_code == code]
    assert near <= max(FRONT_NEAR_KM, min(others))  # within FRONT_NEAR_KM of the line, all count as at it


@pytest.mark.parametrize(
    ("sentence", "text", "published", "raion"),
    [
        # the Izium front of spring 2022, then the Kupiansk front of 2024
        (
            "Russian forces shelled Vovchyi Yar, Kharkiv region.",
            "Vovchyi Yar",
            "2022-05-15",
            "Iziumskyi raion",
        ),
        (
            "Russian forces shelled Vovchyi Yar, Kharkiv region.",
            "Vovchyi Yar",
            "2024-06-01",
            "Kupianskyi raion",
        ),
        # the line of contact of 2016 east of Luhansk, then the Kreminna front of 2023
        ("Mortars hit Pishchane, Luhansk region.", "Pishchane", "2016-06-01", "Shchastynskyi raion"),
        ("Mortars hit Pishchane, Luhansk region.", "Pishchane", "2023-06-01", "Siverskodonetskyi raion"),
    ],
)
def test_the_report_date_decides_which_namesake_is_at_the_front(
    places,  # noqa: F811
    sentence,
    text,
    published,
    raion,
) -> None:
    """The same sentence on two dates: the front had moved, and so has the village meant."""
    from datetime import date

    m = by_text(places(sentence, on=date.fromisoformat(published)), text)
    assert m.location.admin2 == raion
    assert "front line on " + published in m.reason


def test_without_a_named_oblast_the_namesake_at_the_front_wins_across_oblasts(places) -> None:  # noqa: F811
    """A monitoring report names a village and no oblast: of a Kharkiv-region town and a Donetsk-region
    village of one name, the one on the line of contact that day."""
    from datetime import date

    sentence = "The monitors recorded 14 explosions near Pivdenne."
    assert by_text(places(sentence), "Pivdenne").location.admin1_code == "UA-63"
    m = by_text(places(sentence, on=date(2021, 6, 1)), "Pivdenne")
    assert m.location.admin1_code == "UA-14" and "front line on 2021-06-01" in m.reason


@pytest.mark.parametrize(
    ("sentence", "text", "code"),
    [
        # a former name (renamed Sokolohirsk in 2024) against a larger city's own name elsewhere
        ("The monitors recorded ten explosions near Pervomaisk.", "Pervomaisk", "UA-09"),
        # the media's y-spelling of a village KATOTTG alone knows, against a town GeoNames spells that way
        ("Small-arms fire was heard in both directions of the front line near Vodyane.", "Vodyane", "UA-14"),
    ],
)
def test_a_former_name_or_a_romanisation_is_weighed_at_the_front_like_the_official_name(
    places,  # noqa: F811
    sentence,
    text,
    code,
) -> None:
    """Monitoring reports of the line of contact (2015-2022) name villages with no oblast, in the spelling of
    the time: the namesake at the front that day wins whether the text uses its official name, a former one or
    another romanisation."""
    from datetime import date

    m = by_text(places(sentence, on=date(2021, 6, 10)), text)
    assert m.location.admin1_code == code
    assert "front line on 2021-06-10" in m.reason


@pytest.mark.parametrize(
    ("sentence", "text", "published", "focus"),
    [
        # before the war (April 2014) there is no front
        ("Russian forces shelled Vovchyi Yar, Kharkiv region.", "Vovchyi Yar", "2013-05-15", None),
        # a report about another country's theatre
        ("Russian forces shelled Vovchyi Yar, Kharkiv region.", "Vovchyi Yar", "2022-05-15", "SY"),
        # a lone village of its oblast has no namesake there to be told apart from
        ("Russian troops shelled Robotyne, Zaporizhzhia region.", "Robotyne", "2023-08-20", None),
    ],
)
def test_no_front_prior_without_a_front_a_war_theatre_or_namesakes(
    places,  # noqa: F811
    sentence,
    text,
    published,
    focus,
) -> None:
    from datetime import date

    m = by_text(places(sentence, on=date.fromisoformat(published), focus_country=focus), text)
    assert "front line" not in m.reason
    assert all(not any("front line" in why for why in c.why) for c in m.candidates)


def test_the_front_prior_stays_below_the_region_the_text_names(places) -> None:  # noqa: F811
    """'X, Y region' is a hard constraint: a namesake at the front in another oblast never wins."""
    from datetime import date

    m = by_text(places("Shelling hit Pishchane, Kharkiv region.", on=date(2023, 6, 1)), "Pishchane")
    assert m.location.admin1_code == "UA-63"


# --- "near X" --------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        ("Moscow claims capture of village near Pokrovsk", "Pokrovsk"),
        ("Russian troops advanced outside Vuhledar, the General Staff said.", "Vuhledar"),
        ("Fighting raged in the Kreminna area.", "Kreminna"),
    ],
)
def test_near_x_is_flagged_and_at_precision_2(places, sentence, text) -> None:  # noqa: F811
    m = by_text(places(sentence), text)
    assert m.near and m.location.geo_precision == 2


def test_a_place_itself_is_not_near(places) -> None:  # noqa: F811
    assert not by_text(places("Russian forces captured Ocheretyne."), "Ocheretyne").near


# --- spellings ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "text", "name", "code", "precision"),
    [
        ("Mortars were fired near Zolote-5, Luhansk.", "Zolote-5", "Zolote", "UA-09", 2),
        ("Shelling hit Novoselivka-2, Donetsk.", "Novoselivka-2", "Novoselivka Druha", "UA-14", 1),
        (
            "Shelling hit Novoselovka Vtoraya, Donetsk.",
            "Novoselovka Vtoraya",
            "Novoselivka Druha",
            "UA-14",
            1,
        ),
        ("Shelling hit Novoselivka Persha, Donetsk.", "Novoselivka Persha", "Novoselivka Persha", "UA-14", 1),
        ("Enemy drones attacked Genichesk overnight.", "Genichesk", "Henichesk", "UA-65", 1),
        ("The LPR said it shelled Lisichansk.", "Lisichansk", "Lysychansk", "UA-09", 1),
        ("Fighting continued around Severodonetsk.", "Severodonetsk", "Siverskodonetsk", "UA-09", 2),
        ("Fighting raged for Artemovsk.", "Artemovsk", "Bakhmut", "UA-14", 1),
        ("Russian troops stormed Tabaevka, Kharkiv region.", "Tabaevka", "Tabaivka", "UA-63", 1),
        ("Russian troops stormed Kam'yanske, Zaporizhzhia region.", "Kam'yanske", "Kamianske", "UA-23", 1),
    ],
)
def test_spellings_reporting_uses(places, sentence, text, name, code, precision) -> None:  # noqa: F811
    m = by_text(places(sentence), text)
    assert m.location.name == name and m.location.admin1_code == code
    assert m.location.geo_precision >= precision


# --- affiliation ------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        ("Donetsk rebels shot down two drones over Horlivka.", "Donetsk"),
        ("Ukrainian troops fired mortars at LPR positions near Zolote.", "LPR"),
        ("Luhansk separatists shelled Popasna.", "Luhansk"),
    ],
)
def test_a_place_naming_an_armed_group_is_not_the_event_place(places, sentence, text) -> None:  # noqa: F811
    mentions = places(sentence)
    assert all(m.metonymy and m.affiliation for m in mentions if m.text == text)
    assert any(not m.metonymy and m.kind == "settlement" for m in mentions)


@pytest.mark.parametrize(
    ("name", "settlement", "code"), [("Zolote-4", "Zolote", "UA-09"), ("Zolote 3", "Zolote", "UA-09")]
)
def test_resolve_name_reads_a_numbered_part_as_its_settlement(gazetteer, name, settlement, code) -> None:  # noqa: F811
    from spotrep.places import resolve_name

    loc = resolve_name(name)
    assert (loc.name, loc.admin1_code, loc.geo_precision) == (settlement, code, 2)


# --- headings of regional posts ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        (
            "Kremenchuk: a Russian missile hit an industrial enterprise. One person was killed.",
            "Kremenchuk",
            "UA-53",
        ),
        (
            "Kramatorsk: the Russians hit the city centre with a missile in the morning.",
            "Kramatorsk",
            "UA-14",
        ),
        ("Enerhodar: the AFU attacked the city with kamikaze drones overnight.", "Enerhodar", "UA-23"),
        ("Update at 14:00.\nNikopol: the enemy shelled the town with heavy artillery.", "Nikopol", "UA-12"),
    ],
)
def test_a_post_heading_x_colon_names_the_place(places, text, name, code) -> None:  # noqa: F811
    """Regional administrations open a post with the place and a colon; spaCy often reads it as a person."""
    m = by_text(places(text), name)
    assert m.location.admin1_code == code and not m.metonymy


@pytest.mark.parametrize(
    "text",
    [
        "Zelensky: we will respond to every strike.",
        "Shmyhal: the government allocated funds for repairs.",
    ],
)
def test_a_speaker_heading_is_no_place(places, text) -> None:  # noqa: F811
    assert places(text) == []


# --- which unit contains which ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "outer", "inner", "contains"),
    [
        ("Lviv region: a missile hit a facility in Stryi district.", "Lviv region", "Stryi district", True),
        (
            "Novhorod-Siverskyi district: mortars hit the Semenivka community.",
            "Novhorod-Siverskyi district",
            "Semenivka community",
            True,
        ),
        (
            "Sumy region: drones hit the Krasnopillia community.",
            "Sumy region",
            "Krasnopillia community",
            True,
        ),
        (
            "Kharkiv region: shelling hit Izium district and Chuhuiv district.",
            "Izium district",
            "Chuhuiv district",
            False,
        ),
        ("Odesa region: drones hit Izmail district.", "Izmail district", "Odesa region", False),
        (
            "Dnipropetrovsk region: shelling hit the Nikopol district.",
            "Dnipropetrovsk region",
            "Nikopol district",
            True,
        ),
        ("Kherson region: shelling hit the Nikopol district.", "Kherson region", "Nikopol district", False),
    ],
)
def test_unit_contains_reads_oblast_raion_and_hromada(places, text, outer, inner, contains) -> None:  # noqa: F811
    from spotrep.places import unit_contains

    mentions = places(text)
    a, b = by_text(mentions, outer).location, by_text(mentions, inner).location
    assert unit_contains(a, b) is contains


# --- a district heading --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "name", "raion"),
    [
        (
            "Synelnykove district. Russian troops shelled Ivanivka in the afternoon.",
            "Ivanivka",
            "Synelnykivskyi raion",
        ),
        ("Kamianske district: the enemy attacked Lozuvatka with drones.", "Lozuvatka", "Kamianskyi raion"),
        ("Kramatorsk district. The occupiers shelled Sofiivka.", "Sofiivka", "Kramatorskyi raion"),
        ("Volnovakha district: Russian forces shelled Blahodatne.", "Blahodatne", "Volnovaskyi raion"),
        (
            "Synelnykove district. In the morning, the enemy hit the Pokrovske community with a missile.",
            "Pokrovske community",
            "Synelnykivskyi raion",
        ),
    ],
)
def test_a_district_named_in_the_passage_picks_its_namesake(places, text, name, raion) -> None:  # noqa: F811
    """A regional post's district heading says which of an oblast's namesakes the place after it is."""
    m = by_text(places(text), name)
    assert m.location.admin2 == raion
    assert "in the district named in the passage" in m.reason


# --- districts of a city ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "name", "city", "code"),
    [
        (
            "A drone dropped explosives on a man in the Dniprovskyi district of Kherson.",
            "Dniprovskyi district",
            "Kherson",
            "UA-65",
        ),
        (
            "Debris fell on the Darnytskyi district of the capital overnight.",
            "Darnytskyi district",
            "Kyiv",
            "UA-30",
        ),
        (
            "Missile debris damaged cars in Kyiv's Solomianskyi district.",
            "Solomianskyi district",
            "Kyiv",
            "UA-30",
        ),
        (
            "A glide bomb hit the Saltivskyi district, the mayor of Kharkiv said.",
            "Saltivskyi district",
            "Kharkiv",
            "UA-63",
        ),
        # a former name the codifier no longer lists: the city it is a district of
        (
            "Shelling hit a market in the Kirovskyi district of Donetsk city.",
            "Kirovskyi district",
            "Donetsk",
            "UA-14",
        ),
        ("Shells landed in the Leninskyi district of Luhansk.", "Leninskyi district", "Luhansk", "UA-09"),
    ],
)
def test_a_city_district_is_placed_at_its_city(places, text, name, city, code) -> None:  # noqa: F811
    """ACLED codes an event in a district of a city to the city (precision 1), never to a raion elsewhere
    that shares the district's adjective."""
    m = by_text(places(text), name)
    assert m.location.admin1_code == code and m.location.geo_precision == 1
    assert city in m.location.name


def test_a_raion_of_an_oblast_is_no_city_district(places) -> None:  # noqa: F811
    m = by_text(
        places("Russian artillery shelled the Pokrovsk district of Donetsk region."), "Pokrovsk district"
    )
    assert m.location.name == "Pokrovskyi raion" and m.location.geo_precision == 2


# --- vague areas of a named place ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The Russians carried out 27 attacks on the border areas and settlements of Sumy oblast.", "UA-59"),
        ("Ukrainian forces shelled border villages of the Kursk region overnight.", "RU-KRS"),
        ("Russian troops fired on the border areas of Chernihiv region with mortars.", "UA-74"),
        # "in": the region the area lies in, not the attackers' country nor the theatre
        ("Russian troops shelled border areas in Sumy region overnight.", "UA-59"),
        ("Russian forces shelled settlements along the front line in Kherson region.", "UA-65"),
        ("Ukrainian drones hit border villages in the Bryansk region on Sunday.", "RU-BRY"),
    ],
)
def test_a_vague_area_of_a_named_region_is_that_region(places, text, code) -> None:  # noqa: F811
    """The attackers' nationality before 'border areas' is not where they are when the text says whose
    areas they are."""
    m = next(m for m in places(text) if m.kind == "area")
    assert m.location.admin1_code == code and m.location.geo_precision == 3


def test_a_nationality_places_border_areas_without_a_named_owner(places) -> None:  # noqa: F811
    m = next(
        m
        for m in places("Russian air defences destroyed 17 drones across several border areas.")
        if m.kind == "area"
    )
    assert m.location.country == "RU"


def test_a_list_of_communities_is_not_one_inside_another(places) -> None:  # noqa: F811
    mentions = places("The Bilopillia, Krasnopillia and Esman communities came under fire.")
    assert all("explicit region context" not in m.reason for m in mentions)
    assert {m.location.admin1_code for m in mentions} == {"UA-59"}


# --- "Ukraine's capital" ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("Russian troops stormed toward Ukraine's capital on Saturday.", "Kyiv"),
        ("Drones were shot down on the approaches to Russia's capital overnight.", "Moscow"),
        ("Explosions were heard in Ukraine’s capital Monday night.", "Kyiv"),
    ],
)
def test_a_countrys_capital_is_the_capital_city(places, text, city) -> None:  # noqa: F811
    m = next(m for m in places(text) if m.anaphoric)
    assert m.location.name == city and m.location.geo_precision == 1


def test_a_countrys_capital_before_its_name_is_the_name(places) -> None:  # noqa: F811
    mentions = places("Missiles hit Ukraine's capital Kyiv overnight.")
    assert not any(m.anaphoric for m in mentions)
    assert by_text(mentions, "Kyiv").location.admin1_code == "UA-30"


# --- names that are no place in a war report ---------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "A group of attack drones is moving from the Black Sea towards the coast.",
        "Kalibr missiles were launched from the Caspian overnight.",
        "Warships of the Black Sea Fleet left the Sea of Azov.",
        "Units of the Battlegroup Sever advanced into the depth of the enemy's defence.",
        "The Vostok group of forces repelled four attacks.",
        "The occupiers dropped a KAB on the outskirts, the regional governor said.",
        "Ukrainian forces fired Tochka missiles at the positions.",
        "Sea drones hit the patrol ship Sergei Kotov overnight.",
        "The frigate Admiral Makarov and the corvette Vyshgorod left port.",
    ],
)
def test_seas_military_groupings_and_weapons_are_no_places(places, text) -> None:  # noqa: F811
    """A gazetteer knows a small place of each of these names somewhere (Cea for 'Sea', Sever do Vouga, Kāb,
    Caspian in Michigan; Vyshhorod for a corvette); in a war report they name a sea, a grouping, a ship or a
    weapon."""
    assert [m.text for m in places(text) if m.kind != "area"] == []


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        ("Russian drones struck the Black Sea port of Odesa overnight.", "Odesa", "UA-51"),
        ("Russian forces shelled Kherson from across the Dnipro river.", "Kherson", "UA-65"),
        ("A drone launched from the Sea of Azov hit Berdiansk.", "Berdiansk", "UA-23"),
    ],
)
def test_places_beside_a_sea_or_river_stay_places(places, text, name, code) -> None:  # noqa: F811
    assert by_text(places(text), name).location.admin1_code == code


def test_in_a_war_report_a_small_foreign_place_is_no_reading_of_an_alias(places) -> None:  # noqa: F811
    """'Sea' is an alternate name of Cea (Spain): in a report about Ukraine that reading is dropped, and with it
    the mention."""
    mentions = places("Russian forces shelled Kupiansk. Debris fell into the Sea, officials in Kharkiv said.")
    assert "Sea" not in [m.text for m in mentions]
    assert {m.location.country for m in mentions} == {"UA"}


# --- a vague area near a named place ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The mission recorded 12 explosions in both directions of the front line near Zolote.", "Zolote"),
        ("Shelling continued along the frontline near Avdiivka.", "Avdiivka"),
        ("Russian troops shelled border areas around Vovchansk.", "Vovchansk"),
    ],
)
def test_a_vague_area_near_a_place_is_that_place_vicinity(places, text, name) -> None:  # noqa: F811
    mentions = places(text)
    assert [m.text for m in mentions if m.kind == "area"] == []
    assert by_text(mentions, name).near


def test_a_vague_area_alone_stays(places) -> None:  # noqa: F811
    mentions = places("Fighting raged along the front line, the General Staff said.")
    assert [m.kind for m in mentions] == ["area"]


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        ("Ukrainian forces fired at positions near Bairak, Donetsk.", "Bairak", "UA-14"),
        ("Mortar fire was reported near Bairak, Luhansk region.", "Bairak", "UA-09"),
    ],
)
def test_a_village_the_named_oblast_lacks_is_that_oblast_not_a_namesake_elsewhere(
    places,  # noqa: F811
    text,
    name,
    code,
) -> None:
    """The gazetteer knows Bairaks in Kharkiv, Poltava and Sumy oblasts only: the text says the place is in
    another oblast, so that oblast is given (precision 3), never a namesake elsewhere."""
    m = by_text(places(text), name)
    assert m.location.admin1_code == code and m.location.geo_precision == 3


@pytest.mark.parametrize(
    ("text", "group", "place"),
    [
        ("Members of Svoboda held a torch march in Nikopol, Dnipropetrovsk.", "Svoboda", "Nikopol"),
        ("Supporters of Batkivshchyna rallied in Poltava on Sunday.", "Batkivshchyna", "Poltava"),
    ],
)
def test_members_of_a_party_name_no_place(places, text, group, place) -> None:  # noqa: F811
    """'Members of X', 'supporters of X': a party or a movement (Svoboda is also a village name)."""
    mentions = places(text)
    assert group not in [m.text for m in mentions]
    assert by_text(mentions, place).location.country == "UA"


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        # a hromada and its centre, at one point
        (
            dict(name="Marhanetska hromada", admin2="Nikopolskyi raion", gazetteer_id="katottg:UA1208001"),
            dict(name="Marhanets", admin2="Nikopolskyi raion", gazetteer_id="geonames:701855"),
            True,
        ),
        # a raion (named as its raion) and its centre
        (
            dict(name="Nikopolskyi raion", admin2="Nikopolskyi raion", gazetteer_id="katottg:UA1208000"),
            dict(name="Nikopol", admin2="Nikopolskyi raion", gazetteer_id="geonames:700051"),
            True,
        ),
        # two settlements at one point (a village known only by its hromada's centre) stay two places
        (
            dict(name="Pokrovske", admin2="Nikopolskyi raion", gazetteer_id="katottg:UA1208005"),
            dict(name="Marhanets", admin2="Nikopolskyi raion", gazetteer_id="geonames:701855"),
            False,
        ),
        # a district of the world's second level and its town
        (
            dict(name="Rutshuru Territory", gazetteer_id="admin2:CD-NK:rutshuru-territory"),
            dict(name="Rutshuru", gazetteer_id="geonames:206047"),
            True,
        ),
    ],
)
def test_a_unit_and_the_town_it_is_coded_to_are_one_place(a, b, same) -> None:
    from spotrep.model import Location
    from spotrep.places import same_place

    common = dict(country="UA", admin1_code="UA-12", latitude=47.63088, longitude=34.6245, geo_precision=2)
    loc_a, loc_b = Location(**{**common, **a}), Location(**{**common, **b, "geo_precision": 1})
    assert same_place(loc_a, loc_b) is same
    assert same_place(loc_b, loc_a) is same
    far = loc_b.model_copy(update={"latitude": 47.9})
    assert not same_place(loc_a, far)


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        (
            "Authorities announced the evacuation of 18 settlements near the front, including Enerhodar and "
            "Vasylivka.",
            {"Enerhodar", "Vasylivka"},
        ),
        ("Shelling hit several villages, notably Kozacha Lopan and Dergachi.", {"Kozacha Lopan", "Dergachi"}),
    ],
)
def test_the_members_of_a_set_of_places_are_places(places, sentence, names) -> None:  # noqa: F811
    """'18 settlements, including X and Y': X and Y are places, whatever the tagger took them for."""
    assert names <= {m.text for m in places(sentence) if m.location is not None}


def test_a_person_including_in_a_list_of_people_is_no_place(places) -> None:  # noqa: F811
    mentions = places("Five officials, including Enerhodar Petrenko, resigned.")
    assert "Enerhodar" not in {m.text for m in mentions}


def test_a_village_named_bare_sentences_after_a_region_keeps_its_namesake(places) -> None:  # noqa: F811
    """A note's cross-reference ("fatalities coded to the Kurakhivka event") two sentences after another region:
    the village the gazetteer knows, not the earlier region."""
    mentions = places(
        "Russian forces shelled Izium, Kharkiv. Two houses were damaged. Casualties were coded to the Kurakhivka "
        "event."
    )
    assert by_text(mentions, "Kurakhivka").location.admin1_code == "UA-14"


# --- a village "near" a town, among many namesakes -----------------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "village", "town", "code"),
    [
        ("Debris fell near Novoselivka, near Kropyvnytskyi, damaging a barn.", "Novoselivka", "Kropyvnytskyi",
         "UA-35"),
        ("A drone hit a farm near Mykolaivka, near Myrhorod, overnight.", "Mykolaivka", "Myrhorod", "UA-53"),
    ],
)  # fmt: skip
def test_a_village_near_a_town_is_the_namesake_near_that_town(places, sentence, village, town, code) -> None:  # noqa: F811
    """A name that some eighty villages share keeps every one of them as a candidate, so that the one near the
    town the text names can win (not the namesakes that score best on their own, near the front)."""
    found = places(sentence, on=None)
    v, t = by_text(found, village), by_text(found, town)
    assert v.location.admin1_code == t.location.admin1_code == code
    assert (
        haversine_km(v.location.latitude, v.location.longitude, t.location.latitude, t.location.longitude)
        < 60
    )


# --- the seat of a district ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "text", "code"),
    [
        ("Taliban fighters overran the Nahr-e Saraj district headquarters in Helmand.",
         "Nahr-e Saraj district headquarters", "AF-HEL"),
        ("Afghan forces cleared the Khan Abad district centre (Kunduz) on Monday.", "Khan Abad district centre",
         "AF-KDZ"),
    ],
)  # fmt: skip
def test_a_district_centre_is_the_town_that_is_its_seat(places, sentence, text, code) -> None:  # noqa: F811
    m = by_text(places(sentence), text)
    assert m.kind == "settlement" and m.location.admin1_code == code and m.location.geo_precision == 1


# --- names that are no places ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "sentence",
    [
        "Police detained four suspected IS-KP members in a night raid.",
        "Rioters threw stones and Molotov cocktails at the police.",
    ],
)
def test_a_group_abbreviation_and_a_thrown_cocktail_are_no_places(places, sentence) -> None:  # noqa: F811
    assert [m.text for m in places(sentence)] == []


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("Thousands rallied on Svobody square in Kharkiv on Sunday.", ["Kharkiv"]),
        ("A shell hit a house on Kyivska street in Sumy.", ["Sumy"]),
    ],
)
def test_a_street_or_a_square_named_after_a_town_is_no_town(places, sentence, names) -> None:  # noqa: F811
    assert [m.text for m in places(sentence)] == names
