"""Where an event goes when its sentence names no place it can be put at.

The order (docs/places.md, "Events without a place of their own"): the place of the story the sentence
continues (its paragraph's event, else the last place the paragraph names); else the region, or the country,
the text's places lie in; else the country of the side the event is done to; else no coordinates at all. An
actor's nationality is never a location: "Russian forces shelled X" with X unknown is not an event in Russia.

Every text here was written for these tests (the place names "Qwertivka" and "Zyxopil" exist nowhere).
"""

from __future__ import annotations

import pytest

import spotrep

from .conftest import requires_model

pytestmark = requires_model

PUBLISHED = "2024-05-15"


def events_of(text: str, published: str = PUBLISHED):
    return spotrep.extract(text, published=published)


def where(event) -> tuple[str | None, str | None, int | None]:
    loc = event.location
    return loc.name, loc.country, event.geo_precision


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Russian forces shelled Qwertivka.",
            (None, None, None),
            id="unknown_place_no_other_clue_gets_no_coordinates_not_the_attackers_country",
        ),
        pytest.param(
            "On 9 March 2022, Russian forces shelled Qwertivka. Casualties unknown.",
            (None, None, None),
            id="acled_style_note_with_an_unknown_place",
        ),
        pytest.param(
            "Russian forces shelled Ukrainian positions near Qwertivka.",
            ("Ukraine", "UA", 3),
            id="the_target_sides_country_when_the_text_names_no_place",
        ),
        pytest.param(
            "Ukrainian drones hit a Russian oil depot in Zyxopil overnight.",
            ("Russia", "RU", 3),
            id="a_strike_on_the_other_side_goes_to_the_targets_country",
        ),
        pytest.param(
            "Ukraine's air defence shot down 20 Russian drones overnight.",
            ("Ukraine", "UA", 3),
            id="an_interception_happens_over_the_interceptors_ground",
        ),
        pytest.param(
            "Ukrainian air defence shot down a Russian Su-34 bomber on Monday.",
            ("Ukraine", "UA", 3),
            id="a_jet_shot_down_falls_over_the_ground_of_the_side_that_fired",
        ),
        pytest.param(
            "Russian troops attacked positions near Qwertivka, the General Staff said.\n\n"
            "Earlier on Tuesday, Russian forces shelled Kupiansk and Vovchansk.",
            ("Kharkiv Oblast", "UA", 3),
            id="the_one_region_every_place_of_the_text_lies_in",
        ),
        pytest.param(
            "Russian troops attacked positions near Qwertivka, the General Staff said.\n\n"
            "Russian forces shelled Kupiansk in Kharkiv region and Huliaipole in Zaporizhzhia region.",
            ("Ukraine", "UA", 3),
            id="the_country_the_places_lie_in_when_they_span_regions",
        ),
    ],
)
def test_an_event_without_a_place_of_its_own(text, expected):
    first = events_of(text)[0]
    assert where(first) == expected


@pytest.mark.parametrize(
    ("text", "place", "count"),
    [
        pytest.param(
            "On 5 March 2022, Russian forces shelled Kupiansk. A Russian drone also hit a warehouse.",
            "Kupiansk",
            2,
            id="a_second_sentence_without_a_place_continues_the_story",
        ),
        pytest.param(
            "Police detained two men in Odesa on Monday. Later, Russian drones hit a warehouse.",
            "Odesa",
            2,
            id="the_story_place_comes_from_an_earlier_sentence_of_the_paragraph",
        ),
        pytest.param(
            "Russian missiles struck Kharkiv on Monday. One of the missiles hit a school in the city's Kyivskyi "
            "district, the mayor said.",
            "Kharkiv",
            1,
            id="a_part_of_the_city_told_before_is_that_city",
        ),
        pytest.param(
            "A Russian missile hit the port of Odesa on Monday.\n\n"
            "The strike damaged a grain silo, Odesa regional governor Oleh Kiper said.",
            "Odesa",
            1,
            id="the_speakers_region_does_not_replace_the_story_place_in_it",
        ),
    ],
)
def test_a_sentence_continuing_the_story_takes_its_place(text, place, count):
    events = events_of(text)
    assert len(events) == count
    assert {e.location.name for e in events} == {place}


def test_each_event_keeps_the_place_its_own_sentence_names():
    text = "Russian forces shelled Kupiansk on Monday. Russian drones hit a warehouse in Izium."
    assert [e.location.name for e in events_of(text)] == ["Kupiansk", "Izium"]


def test_a_story_place_does_not_cross_into_another_paragraph():
    text = "Russian forces shelled Kupiansk on Monday.\n\nIn Russia, drones hit a warehouse in Zyxopil."
    events = events_of(text)
    assert [e.location.country for e in events] == ["UA", "RU"]


@pytest.mark.parametrize(
    ("text", "place", "attacker"),
    [
        pytest.param(
            "Sumy came under a drone attack from the territory of the Russian Federation on Tuesday, the regional "
            "administration said.",
            "Sumy",
            "RU",
            id="came_under_attack_from_a_territory_places_it_at_the_target_and_names_that_state_the_attacker",
        ),
        pytest.param(
            "Sumy came under a drone attack on Tuesday.",
            "Sumy",
            None,
            id="a_war_city_the_tagger_takes_for_a_person_is_the_place_when_it_came_under_attack",
        ),
        pytest.param(
            "A missile strike from the Belgorod region hit Kharkiv overnight.",
            "Kharkiv",
            None,
            id="a_strike_from_a_region_lands_where_it_hit_not_where_it_came_from",
        ),
        pytest.param(
            "Kharkiv came under a missile attack from Russia on Monday.",
            "Kharkiv",
            "RU",
            id="came_under_attack_from_a_country_is_fire_from_its_forces",
        ),
    ],
)
def test_fire_is_placed_where_it_lands_and_its_origin_names_the_attacker(text, place, attacker):
    events = events_of(text)
    assert [e.location.name for e in events] == [place]
    if attacker:
        assert events[0].actor1 is not None and events[0].actor1.country == attacker


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "On 17 August 2024, armed bandits abducted 20 passengers along the Gusau-Funtua road in Tsafe LGA, "
            "Zamfara.",
            "Tsafe",
        ),
        ("Gunmen attacked travellers on the Kabul–Jalalabad highway in Sarobi district on Monday.", "Sarobi"),
    ],
)
def test_the_ends_of_a_road_are_not_where_on_it_the_event_was(text, place):
    """ "along the X-Y road in Z": the road runs between X and Y; the unit named beside it places the event."""
    assert [e.location.name for e in events_of(text)] == [place]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "In the occupied West Bank, Israeli forces killed two Palestinian gunmen during a raid on the Nur Shams "
            "camp near Tulkarm.",
            "Ţūlkarm",
        ),
        ("In Donbas, Russian forces attacked Ukrainian positions near Bakhmut on Monday.", "Bakhmut"),
    ],
)
def test_a_named_area_yields_to_the_settlement_its_sentence_names(text, place):
    assert [e.location.name for e in events_of(text)] == [place]


def test_a_road_named_alone_still_places_the_event_at_its_end():
    (event,) = events_of("Taliban fighters ambushed a convoy on the Kabul-Jalalabad highway on Monday.")
    assert event.location.name == "Kabul"


@pytest.mark.parametrize(
    ("text", "places"),
    [
        pytest.param(
            'The "Bristol" Hotel in Odesa was damaged by a Russian missile on Friday.',
            ["Odesa"],
            id="a_hotel_named_after_a_city_abroad_is_a_venue_not_that_city",
        ),
        pytest.param(
            "A Russian missile hit the Hotel Paris in central Kyiv overnight.",
            ["Kyiv"],
            id="hotel_before_a_city_name_is_a_venue",
        ),
        pytest.param(
            "Russian drones struck the Kharkiv airport overnight.",
            ["Kharkiv"],
            id="an_airport_named_after_its_city_is_in_it",
        ),
    ],
)
def test_a_venue_named_after_a_city_is_not_that_city(text, places):
    assert [e.location.name for e in events_of(text)] == places


def test_casualties_and_this_attack_told_paragraphs_later_belong_to_the_one_incident_told():
    text = (
        "Russian missiles struck the port of Izmail on Tuesday evening, the regional governor said.\n\n"
        "The port is one of the busiest on the Danube and has handled much of the country's grain since 2022.\n\n"
        "Its terminals were rebuilt last year with help from foreign partners, and traffic had grown since.\n\n"
        "As a result of this attack, a grain warehouse and two cranes were destroyed.\n\n"
        "According to the governor, two port workers were injured and taken to hospital."
    )
    events = events_of(text)
    assert [(e.location.name, e.injuries) for e in events] == [("Izmail", 2)]


@pytest.mark.parametrize(
    ("towns", "where_the_clash_is"),
    [
        pytest.param("Kherson", "Kherson", id="a_story_of_one_town_places_placeless_violence_at_that_town"),
        pytest.param(
            "Kherson and Beryslav", "Kherson Oblast", id="a_story_of_two_towns_leaves_it_at_their_region"
        ),
    ],
)
def test_placeless_violence_goes_to_the_one_town_the_story_is_told_of(towns, where_the_clash_is):
    text = (
        f"Russian forces shelled {towns} on Monday morning, the regional governor said.\n\n"
        "The city has been shelled almost daily since Ukrainian troops retook it in 2022, and many residents "
        "have left.\n\n"
        "On Tuesday evening, Ukrainian troops clashed with Russian forces on the islands in the Dnipro river."
    )
    clashes = [e for e in events_of(text) if e.sub_event_type == "Armed clash"]
    assert [e.location.name for e in clashes] == [where_the_clash_is]


def test_a_one_strike_story_keeps_its_fire_and_debris_as_that_strike_not_arson_or_an_interception():
    text = (
        "On the night of 12 March, Russian forces launched a missile attack on Mykolaiv, the mayor said.\n\n"
        "The main target was likely the city's port, but a shopping centre nearby was hit.\n\n"
        "As a result of the hit, a fire broke out. Despite the efforts of the rescuers, the building was almost "
        "completely burned down.\n\n"
        "There were no fatalities. One woman was injured by debris and the blast wave."
    )
    events = events_of(text, published="2024-03-13")
    assert [(e.sub_event_type, e.location.name) for e in events] == [
        ("Shelling/artillery/missile attack", "Mykolaiv")
    ]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "On 9 April 2022, Ukrainian air defence shot down a Russian cruise missile over Dnipropetrovsk "
            "region. [coded to Dnipro]",
            "Dnipro",
        ),
        (
            "On 3 July 2021, in Zzyxkone village (coded as Kani) (Kani township, Yinmarbin district, Sagaing "
            "region), a mine exploded near a military truck. Casualties unknown.",
            "Kani",
        ),
    ],
)
def test_the_coders_note_of_where_the_event_is_coded_places_it(text, place):
    """'[coded to X]', '(coded as X)': an ACLED note says where it codes its event; the event is there."""
    events = spotrep.extract(text, published="2022-04-10")
    assert events and all(e.location.name.startswith(place) for e in events)


def test_fatalities_coded_as_a_number_is_no_place():
    (event,) = spotrep.extract(
        "On 5 March 2022, Russian forces shelled Izium, Kharkiv. Fatalities coded as 10.",
        published="2022-03-06",
    )
    assert event.location.name == "Izium"
