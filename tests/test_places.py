"""find_places: mentions, disambiguation traps, regions, vague areas, anaphora and metonymy."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from spotrep.gazetteer.data import haversine_km

from .conftest import SHARED
from .places_fixtures import gazetteer, gazetteer_dir, nlp, places  # noqa: F401


def by_text(mentions, text: str):
    found = [m for m in mentions if m.text == text]
    assert found, (text, [m.text for m in mentions])
    return found[0]


def test_offsets_and_sentences_point_into_the_text(places, nlp) -> None:  # noqa: F811
    text = "Shelling hit Kupiansk on Monday. Later, drones struck Kherson and the Odesa region."
    doc = nlp(text)
    from spotrep.places import find_places

    mentions = find_places(doc)
    assert [m.text for m in mentions] == ["Kupiansk", "Kherson", "Odesa region"]
    for m in mentions:
        assert doc.text[m.start : m.end] == m.text
    assert [m.sentence_index for m in mentions] == [0, 1, 1]
    assert all(m.candidates and m.reason for m in mentions)


@pytest.mark.parametrize(
    ("sentence", "text", "code", "precision"),
    [
        ("Ukraine said it had pulled back troops in the Kharkiv region.", "Kharkiv region", "UA-63", 3),
        ("Russia claimed control of a village in Zaporizhzhia oblast.", "Zaporizhzhia oblast", "UA-23", 3),
        ("Fighting raged in Donetsk Oblast on Sunday.", "Donetsk Oblast", "UA-14", 3),
        ("Drones closed two airports in the region of Tatarstan.", "the region of Tatarstan", "RU-TA", 3),
        ("Missiles were shot down over annexed Crimea.", "annexed Crimea", "UA-43", 3),
        ("Air defences were active over the Crimean peninsula.", "Crimean peninsula", "UA-43", 3),
        ("A drone hit a substation in Russia's Belgorod region.", "Belgorod region", "RU-BEL", 3),
        ("Shelling was reported in the Kherson province.", "Kherson province", "UA-65", 3),
        ("Explosions shook Krasnodar Krai overnight.", "Krasnodar Krai", "RU-KDA", 3),
        ("Russian forces pressed on in the Pokrovsk district.", "Pokrovsk district", "UA-14", 2),
        ("Ukrainian forces struck targets in Kursk region.", "Kursk region", "RU-KRS", 3),
        ("The Kyiv region was under air alert.", "Kyiv region", "UA-32", 3),
        (
            "Occupation officials in the Luhansk People's Republic said.",
            "Luhansk People's Republic",
            "UA-09",
            3,
        ),
    ],
)
def test_regions_resolve_at_region_precision(places, sentence, text, code, precision) -> None:  # noqa: F811
    m = by_text(places(sentence), text)
    assert m.kind == "region"
    assert m.location.admin1_code == code
    assert m.location.geo_precision == precision


def test_coordinated_regions(places) -> None:  # noqa: F811
    mentions = places("Russian forces shelled the Kharkiv and Sumy regions overnight.")
    assert [(m.text, m.location.admin1_code) for m in mentions] == [
        ("Kharkiv", "UA-63"),
        ("Sumy regions", "UA-59"),
    ]
    assert all(m.kind == "region" for m in mentions)


def test_coordinated_areas_are_near_the_settlements(places) -> None:  # noqa: F811
    mentions = places("In certain spots in Lyptsi and Vovchansk areas, units were moved to better positions.")
    lyptsi, vovchansk = by_text(mentions, "Lyptsi"), by_text(mentions, "Vovchansk")
    assert lyptsi.location.admin1_code == vovchansk.location.admin1_code == "UA-63"
    assert lyptsi.location.geo_precision == vovchansk.location.geo_precision == 2


@pytest.mark.parametrize(
    ("sentence", "text", "code"),
    [
        ("Russian troops captured Ocheretyne, the defence ministry said.", "Ocheretyne", "UA-14"),
        ("Fighting continued near Robotyne and Verbove.", "Verbove", "UA-23"),
        ("Ukrainian marines held a foothold in Krynky.", "Krynky", "UA-65"),
        ("Heavy fighting was reported around Chasiv Yar.", "Chasiv Yar", "UA-14"),
        (
            "Russian forces advanced towards Kupiansk-Vuzlovyi and Velyka Novosilka.",
            "Velyka Novosilka",
            "UA-14",
        ),
        ("Shelling hit Nova Kakhovka and Hola Prystan.", "Nova Kakhovka", "UA-65"),
        ("Russian units stormed Rabotino, Moscow claimed.", "Rabotino", "UA-23"),
        ("Drones attacked Yelabuga, 1,200 km from the border.", "Yelabuga", "RU-TA"),
        ("Ukrainian troops entered Sudzha in the Kursk region.", "Sudzha", "RU-KRS"),
    ],
)
def test_settlements_named_in_war_reporting(places, sentence, text, code) -> None:  # noqa: F811
    m = by_text(places(sentence), text)
    assert m.kind == "settlement"
    assert m.location.admin1_code == code


def test_near_a_settlement_is_precision_2(places) -> None:  # noqa: F811
    m = by_text(places("South of Krasnohorivka, Donetsk Oblast, Russian forces attacked."), "Krasnohorivka")
    assert m.location.admin1_code == "UA-14"
    assert m.location.geo_precision == 2
    assert "explicit region context" in m.reason


# --- traps ----------------------------------------------------------------------------------------
def test_a_person_named_stanislav_is_not_the_village(places) -> None:  # noqa: F811
    mentions = places("Stanislav Doshchitsyn, a local official, said the situation was calm.")
    assert not any("Stanislav" in m.text for m in mentions)


def test_the_village_stanislav_is_a_place(places) -> None:  # noqa: F811
    m = by_text(places("Russian artillery shelled Stanislav in Kherson region overnight."), "Stanislav")
    assert m.location.admin1_code == "UA-65"
    assert m.location.name == "Stanislav"


def test_the_village_zaporizhzhia_is_not_the_city(places) -> None:  # noqa: F811
    m = by_text(
        places("Residents of the village of Zaporizhzhia in Dnipropetrovsk region were evacuated."),
        "Zaporizhzhia",
    )
    assert m.location.admin1_code == "UA-12"
    city = by_text(places("Missiles hit the city of Zaporizhzhia on Friday."), "Zaporizhzhia")
    assert city.location.admin1_code == "UA-23"
    assert (city.candidates[0].population or 0) > 500_000


def test_volchansk_in_sverdlovsk_is_not_vovchansk(places) -> None:  # noqa: F811
    m = by_text(places("A factory in Volchansk in Sverdlovsk region was evacuated."), "Volchansk")
    assert m.location.country == "RU" and m.location.admin1_code == "RU-SVE"
    m = by_text(places("Russian forces attacked Volchansk near the border with Russia."), "Volchansk")
    assert m.location.admin1_code == "UA-63"


def test_kazan_russia_and_kazan_turkey(places) -> None:  # noqa: F811
    m = by_text(places("A drone hit a residential building in Kazan, the capital of Tatarstan."), "Kazan")
    assert m.location.admin1_code == "RU-TA"
    m = by_text(places("Officials in Kazan, a district of Ankara, said a factory burned."), "Kazan")
    assert m.location.country == "TR"


def test_a_trip_to_spain_is_a_country_mention(places) -> None:  # noqa: F811
    m = by_text(places("The president postponed upcoming trips, including one to Spain."), "Spain")
    assert m.kind == "country" and m.location.country == "ES" and m.location.geo_precision == 3


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        # the tagger calls these towns dates; a word that names no day, month or season and holds no digit is not
        ("Positioned in Svitlodarsk, the monitors heard 14 explosions.", "Svitlodarsk"),
        ("Stationed in Avdiivka, the team heard bursts of fire.", "Avdiivka"),
    ],
)
def test_a_town_the_tagger_calls_a_date_is_a_place(places, sentence, place) -> None:  # noqa: F811
    m = by_text(places(sentence), place)
    assert m.location is not None and m.location.country == "UA"


@pytest.mark.parametrize(
    "sentence", ["Shelling resumed on Monday.", "Fighting continued into the night of May."]
)
def test_a_day_or_a_month_stays_a_date(places, sentence) -> None:  # noqa: F811
    assert not [m for m in places(sentence) if m.location is not None]


@pytest.mark.parametrize(
    ("sentence", "place", "region", "code"),
    [
        (
            "Russian troops detained the head of Kupiansk, Kharkiv, Hennadii Matsehora.",
            "Kupiansk",
            "Kharkiv",
            "UA-63",
        ),
        (
            "Soldiers abducted the mayor of Dniprorudne, Zaporizhzhia, Yevhen Matveyev, on Sunday.",
            "Dniprorudne",
            "Zaporizhzhia",
            "UA-23",
        ),
    ],
)
def test_a_person_named_after_a_place_and_its_region_ends_the_chain(
    places,  # noqa: F811
    sentence,
    place,
    region,
    code,
) -> None:
    mentions = places(sentence)
    m = by_text(mentions, place)
    assert m.location is not None and m.location.admin1_code == code, m.location
    assert by_text(mentions, region).kind == "region"


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        ("Kyiv said the attack on Kupiansk killed two people.", "Kyiv"),
        ("Moscow launched a surprise ground assault on the region.", "Moscow"),
        ("One of the settlements Kyiv retook last year.", "Kyiv"),
        ("Kyiv's forces retreated from Avdiivka.", "Kyiv"),
        ("Russia advanced on multiple axes, the ministry said.", "Russia"),
        # the side accused of an attack, not where it happened
        ("Local officials accused Ukraine of shelling the market.", "Ukraine"),
        ("The governor blamed Moscow for the strike on the power plant.", "Moscow"),
    ],
)
def test_a_capital_or_country_speaking_is_the_government(places, sentence, text) -> None:  # noqa: F811
    assert by_text(places(sentence), text).metonymy


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        ("Missiles struck Kyiv overnight.", "Kyiv"),
        ("The army sent more troops to Kharkiv.", "Kharkiv"),
        ("The two villages are close to the border with Russia.", "Russia"),
        ("Explosions were heard in Moscow on Tuesday.", "Moscow"),
    ],
)
def test_a_capital_as_a_place_is_not_metonymy(places, sentence, text) -> None:  # noqa: F811
    assert not by_text(places(sentence), text).metonymy


def test_demonyms_of_actors_are_not_places(places) -> None:  # noqa: F811
    mentions = places("Russian forces and Ukrainian officials met; Russian occupiers fled.")
    assert mentions == []


# --- vague areas ----------------------------------------------------------------------------------
def test_territory_and_border_areas_resolve_to_the_country(places) -> None:  # noqa: F811
    mentions = places(
        "Drones flew some 1,000 kilometres inside Russian territory. Russian air defences intercepted "
        "17 drones across several border areas."
    )
    territory = by_text(mentions, "Russian territory")
    assert territory.kind == "country" and territory.location.country == "RU"
    border = by_text(mentions, "border areas")
    assert border.kind == "area" and border.location.country == "RU" and border.location.geo_precision == 3
    assert border.location.admin1_code is None


def test_russian_border_regions(places) -> None:  # noqa: F811
    m = by_text(places("Shelling of Russian border regions intensified."), "Russian border regions")
    assert m.kind == "area" and m.location.country == "RU" and m.location.geo_precision == 3


def test_eastern_ukraine_is_the_country_at_precision_3(places) -> None:  # noqa: F811
    m = by_text(places("Fighting intensified in eastern Ukraine."), "Ukraine")
    assert m.kind == "area" and m.location.country == "UA" and m.location.geo_precision == 3


def test_the_front_line_takes_the_focus_country(places) -> None:  # noqa: F811
    mentions = places(
        "Russian forces attacked Kupiansk and Lyman. Troops were diverted from other areas of the front line."
    )
    m = by_text(mentions, "the front line")
    assert m.kind == "area" and m.location.country == "UA"


# --- anaphora -------------------------------------------------------------------------------------
def test_the_region_and_the_border_town(places) -> None:  # noqa: F811
    mentions = places(
        "Russian forces attacked the Kharkiv region last week. Officials in Vovchansk reported street "
        "fighting in the border town. More than 30,000 troops were deployed to the northeastern region."
    )
    town = by_text(mentions, "the border town")
    assert town.anaphoric and town.location.name == "Vovchansk"
    region = by_text(mentions, "the northeastern region")
    assert region.anaphoric and region.location.admin1_code == "UA-63" and region.location.geo_precision == 3


def test_the_area_skips_foreign_countries(places) -> None:  # noqa: F811
    mentions = places(
        "Three civilians were killed in the Kharkiv region. The president postponed a trip to Spain and sent "
        "reinforcements to the area."
    )
    area = by_text(mentions, "the area")
    assert area.anaphoric and area.location.admin1_code == "UA-63"


def test_the_regional_hub_followed_by_its_name_is_not_an_anaphor(places) -> None:  # noqa: F811
    mentions = places("The regional hub, the country's second-largest city of Kharkiv, was not threatened.")
    assert not any(m.anaphoric for m in mentions)
    assert by_text(mentions, "Kharkiv").location.admin1_code == "UA-63"


def test_the_capital(places) -> None:  # noqa: F811
    m = by_text(places("Air raid sirens sounded in the Ukrainian capital."), "the Ukrainian capital")
    assert m.anaphoric and m.location.name == "Kyiv"
    m = by_text(places("Drones were downed near the Russian capital."), "the Russian capital")
    assert m.location.name == "Moscow"


def test_the_city_after_a_city(places) -> None:  # noqa: F811
    mentions = places("Occupation authorities in Donetsk said the city was shelled.")
    assert by_text(mentions, "the city").location.name == "Donetsk"


def test_focus_country_can_be_given(places) -> None:  # noqa: F811
    m = by_text(places("Fighting continued near Ocheretyne.", focus_country="UA"), "Ocheretyne")
    assert "focus country UA" in " ".join(m.candidates[0].why)


def test_an_empty_text_has_no_places(places) -> None:  # noqa: F811
    assert places("") == []
    assert places("The weather was fine and nothing happened.") == []


# --- the seed report ------------------------------------------------------------------------------
SEED = SHARED / "eval" / "seed"


@pytest.mark.skipif(not (SEED / "article.txt").is_file(), reason="shared evaluation data not present")
def test_every_place_of_the_seed_report_is_within_25_km_or_in_its_region(places) -> None:  # noqa: F811
    text = (SEED / "article.txt").read_text(encoding="utf-8")
    mentions = [m for m in places(text) if m.location is not None and not m.metonymy]
    gold = [json.loads(line) for line in Path(SEED / "gold.jsonl").read_text().splitlines() if line.strip()]
    for g in gold:
        loc = g.get("location") or {}
        if "lat" in loc:
            named = [m for m in mentions if m.text == loc["name"] or m.location.name == loc["name"]]
            assert named, loc["name"]
            for m in named:
                d = haversine_km(m.location.latitude, m.location.longitude, loc["lat"], loc["lon"])
                assert d <= loc["radius_km"], (loc["name"], d)
        elif "admin1_code" in loc:
            assert any(m.location.admin1_code == loc["admin1_code"] for m in mentions), loc
    codes = {m.location.admin1_code for m in mentions}
    assert {"UA-63", "UA-23", "RU-TA", "UA-43"} <= codes


def test_answers_kept_across_documents_change_no_result(places, monkeypatch) -> None:  # noqa: F811
    """The gazetteer answers kept across documents (lookups, scores, distances, locations) are a speed-up only:
    with tables emptied at every other answer, every mention, candidate and reason is the same."""
    from spotrep.places import resolver as places_resolver
    from spotrep.places import scoring as places_scoring

    texts = [
        "Russian forces shelled Kupiansk and Vovchansk in the Kharkiv region overnight, officials said.",
        "Ukraine said it had pulled back near Robotyne in Zaporizhzhia oblast; Rabotino was under fire.",
        "Drones struck Kazan in Tatarstan and a refinery near Novorossiysk, 1,000 km inside Russian territory.",
    ]

    def snapshot() -> list:
        return [
            [
                (m.text, m.start, m.location, m.reason, [(c.location, c.score, c.why) for c in m.candidates])
                for m in ms
            ]
            for ms in (places(t) for t in texts + texts)
        ]

    places_scoring._MEMOS.clear()
    kept = snapshot()
    monkeypatch.setattr(places_scoring, "MEMO_LIMIT", 2)
    monkeypatch.setattr(places_resolver, "MEMO_LIMIT", 2)
    places_scoring._MEMOS.clear()
    assert snapshot() == kept
