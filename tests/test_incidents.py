"""One event per incident: what later clauses tell of the event just told (its dead and wounded, its damage,
the event again) is that event, at its place and day. And background is no event of the publication day.

Every text here was written for these tests, in the manner of ACLED-style notes and of wire copy.
"""

from __future__ import annotations

from datetime import date

import pytest

import spotrep

from .conftest import requires_model

pytestmark = requires_model


def events_of(text: str, published: str = "2024-05-15"):
    return spotrep.extract(text, published=published, source="Test Wire")


@pytest.mark.parametrize(
    ("text", "published", "place", "day", "fatalities", "injuries"),
    [
        pytest.param(
            "On 12 March 2022, Russian forces shelled Kupiansk, Kharkiv. Two civilians were killed and five "
            "were wounded.",
            "2022-03-12",
            "Kupiansk",
            "2022-03-12",
            2,
            5,
            id="note_casualties_in_the_next_sentence",
        ),
        pytest.param(
            "On 14 March 2022, Russian forces shelled Ukrainian positions near Izium, Kharkiv. During the day, "
            "one Ukrainian soldier was wounded at an unspecified location.",
            "2022-03-14",
            "Izium",
            "2022-03-14",
            None,
            1,
            id="note_wounded_at_an_unspecified_location_belongs_to_the_event_told",
        ),
        pytest.param(
            "On 14 March 2022, Russian forces shelled Balakliia, Kharkiv. A residential building was set on fire. "
            "There were no casualties.",
            "2022-03-14",
            "Balakliia",
            "2022-03-14",
            None,
            None,
            id="note_damage_in_the_next_sentence",
        ),
        pytest.param(
            "Russian forces shelled Kupiansk on Monday, killing two people. Two other residents were wounded.",
            "2024-05-15",
            "Kupiansk",
            "2024-05-13",
            2,
            2,
            id="wounded_told_after_the_killing_clause",
        ),
        pytest.param(
            "Russian missiles struck Dnipro on Tuesday.\n\nTwo civilians were killed and eight wounded, the "
            "governor said.",
            "2024-05-15",
            "Dnipro",
            "2024-05-14",
            2,
            8,
            id="casualty_summary_opening_the_next_paragraph",
        ),
        pytest.param(
            "Russian missiles struck Dnipro on Tuesday, killing three people. Another two people were also "
            "killed.",
            "2024-05-15",
            "Dnipro",
            "2024-05-14",
            5,
            None,
            id="also_another_adds_to_the_figures",
        ),
        pytest.param(
            "A Russian missile hit Dnipro on Tuesday, killing two people and wounding eight. Two people were "
            "killed and eight others wounded, the mayor said.",
            "2024-05-15",
            "Dnipro",
            "2024-05-14",
            2,
            8,
            id="the_same_figures_told_again_are_not_added",
        ),
        pytest.param(
            "Russian forces struck Kharkiv with glide bombs on Wednesday. One of the bombs hit a printing house, "
            "the mayor said.",
            "2024-05-15",
            "Kharkiv",
            "2024-05-15",
            None,
            None,
            id="one_of_the_bombs_is_the_strike_again",
        ),
        pytest.param(
            "On 3 May 2023, a missile strike on a railway station in Kramatorsk, Donetsk region, killed 9 "
            "civilians and injured 41.",
            "2023-05-03",
            "Kramatorsk",
            "2023-05-03",
            9,
            41,
            id="killed_and_injured_coordinated_are_one_toll",
        ),
        pytest.param(
            "A Russian airstrike hit a school in Lozova on Monday, local officials said, wounding at least six "
            "people.",
            "2024-05-15",
            "Lozova",
            "2024-05-13",
            None,
            6,
            id="a_toll_after_an_inserted_attribution_is_the_strikes",
        ),
        pytest.param(
            "Russian shelling hit the besieged city of Mariupol on Tuesday, killing four.",
            "2022-03-10",
            "Mariupol",
            "2022-03-08",
            4,
            None,
            id="a_besieged_city_is_a_state_not_a_battle",
        ),
        pytest.param(
            "Ukrainian troops push deeper into Russia's Kursk region\n\nUkrainian forces fought Russian troops "
            "near the town of Sudzha on Thursday, Russian officials said.",
            "2024-08-08",
            "Sudzha",
            "2024-08-08",
            None,
            None,
            id="a_headlines_advance_into_a_region_is_the_bodys_battle",
        ),
        pytest.param(
            "Russian missiles struck Zaporizhzhia on Sunday, killing two people.\n\nRussia's defence ministry "
            "said on Monday it had struck an army command post in Zaporizhzhia with Iskander missiles.",
            "2024-05-13",
            "Zaporizhzhia",
            "2024-05-12",
            2,
            None,
            id="the_other_sides_claim_dated_by_its_statement_is_the_same_strike",
        ),
        pytest.param(
            "Russian shelling killed two people in Nikopol on Monday.\n\nRussian forces withdrew from Kherson "
            "a year ago and have shelled the river towns almost daily since then.",
            "2024-05-15",
            "Nikopol",
            "2024-05-13",
            2,
            None,
            id="history_recalled_after_the_lead_is_no_event",
        ),
        pytest.param(
            "On 3 June 2023, Russian forces attempted to storm positions near Klishchiivka, Donetsk. Ukrainian "
            "forces repelled the attack.",
            "2023-06-03",
            "Klishchiivka",
            "2023-06-03",
            None,
            None,
            id="the_other_side_repelling_the_attack_is_the_same_battle",
        ),
        pytest.param(
            "On 5 May 2022, Russian and Ukrainian forces clashed in Rubizhne, Luhansk, after Russian tanks "
            "entered the town.",
            "2022-05-05",
            "Rubizhne",
            "2022-05-05",
            None,
            None,
            id="entering_told_as_what_led_to_a_battle_is_the_battle",
        ),
        pytest.param(
            "Ukrainian troops entered Lyman on Saturday, a spokesman said, as the counteroffensive pushed deep "
            "into occupied territory.",
            "2022-10-01",
            "Lyman",
            "2022-10-01",
            None,
            None,
            id="an_advance_at_no_named_place_beside_a_taking_is_its_context",
        ),
        pytest.param(
            "On 3 July 2022, Russian forces took full control of Lysychansk, Luhansk, after Ukrainian forces "
            "withdrew from the city.",
            "2022-07-03",
            "Lysychansk",
            "2022-07-03",
            None,
            None,
            id="the_withdrawal_a_taking_followed_is_the_same_transfer",
        ),
        pytest.param(
            "The SMM followed up on reports of a man injured by shelling in Zolote on 3 May.",
            "2021-05-05",
            "Zolote",
            "2021-05-03",
            None,
            1,
            id="the_person_a_casualty_participle_describes_is_counted",
        ),
        pytest.param(
            "At least six people were killed and 20 others wounded in a mortar attack on a market in Avdiivka, "
            "officials said on Monday.",
            "2024-05-15",
            "Avdiivka",
            "2024-05-13",
            6,
            20,
            id="the_cause_told_with_the_second_casualty_verb_is_the_cause_of_both",
        ),
        pytest.param(
            "Russian drones struck the port of Izmail overnight, injuring a worker, the governor said.\n\n"
            '"The enemy again attacked the port infrastructure of Izmail," he wrote on Telegram.',
            "2024-05-15",
            "Izmail",
            "2024-05-14",
            None,
            1,
            id="a_strike_told_again_in_a_quote_without_a_weapon_is_the_same_strike",
        ),
        pytest.param(
            "Russian drones struck the Black Sea city of Odesa overnight, injuring three people.",
            "2024-05-15",
            "Odesa",
            "2024-05-14",
            None,
            3,
            id="the_sea_describing_a_city_is_not_the_place",
        ),
        pytest.param(
            "Authorities began evacuating children from the border town of Shebekino on Wednesday.\n\nThe first "
            "200 children were taken to Belgorod and to Kursk, the governor said.",
            "2023-05-31",
            "Shebekino",
            "2023-05-31",
            None,
            None,
            id="civilians_taken_to_other_towns_are_the_evacuation_of_the_town_they_left",
        ),
        pytest.param(
            "Russian forces shelled Nikopol on Monday. Two people are reported to have been wounded.",
            "2024-05-13",
            "Nikopol",
            "2024-05-13",
            None,
            2,
            id="casualties_reported_to_have_been_suffered_count_as_the_event_s",
        ),
        pytest.param(
            "Seven soldiers died on Tuesday when a grenade was hurled into their truck in Kaya.",
            "2024-05-15",
            "Kaya",
            "2024-05-14",
            7,
            None,
            id="the_dead_of_the_clause_a_blast_is_told_in_as_the_cause",
        ),
        pytest.param(
            "Ukrainian forces regained control over Dymer after fighting Russian forces in the area.",
            "2024-05-15",
            "Dymer",
            "2024-05-15",
            None,
            None,
            id="fighting_told_as_the_way_a_place_was_taken",
        ),
        pytest.param(
            "On 2 August 2024, Russian forces shelled the Myrivska hromada (Nikopol raion, Dnipropetrovsk). "
            "Two women were wounded in Myrove.",
            "2024-08-03",
            "Myrivska hromada",
            "2024-08-02",
            None,
            2,
            id="the_wounded_of_a_hromada_told_at_its_centre",
        ),
        pytest.param(
            "M23 rebels shelled Rutshuru territory (North Kivu) on Monday. Three civilians were killed in "
            "Rutshuru.",
            "2024-07-24",
            "Rutshuru Territory",
            "2024-07-22",
            3,
            None,
            id="the_dead_of_a_territory_told_at_its_town",
        ),
        pytest.param(
            "RSF kills dozens in attack on village in Gezira state, activists say\n\n"
            "CAIRO, Oct 26 (Reuters) - Sudan's paramilitary Rapid Support Forces killed at least 124 people in an "
            "attack on the village of "
            "Hasaheisa in Gezira state on Friday, a pro-democracy group said on Saturday.\n\n"
            "The group said RSF fighters stormed the village and opened fire on residents. Many women were "
            "abducted, it said.",
            "2024-10-26",
            "Al Hasaheisa",
            "2024-10-25",
            124,
            None,
            id="a_headline_rounds_the_body_stormed_and_abducted_in_the_same_attack",
        ),
    ],
)
def test_an_incident_is_one_event(text, published, place, day, fatalities, injuries):
    events = events_of(text, published)
    assert [(e.location.name, str(e.event_date)) for e in events] == [(place, day)]
    (event,) = events
    assert (event.fatalities, event.injuries) == (fatalities, injuries)


@pytest.mark.parametrize(
    ("text", "published", "sub", "place"),
    [
        pytest.param(
            "Overnight, Russia attacked the Poltava region with 16 Shahed drones. Air defence destroyed all of "
            "them; debris damaged the roof of a warehouse.",
            "2024-06-02",
            "Disrupted weapons use",
            "Poltava Oblast",
            id="a_strike_whose_drones_were_all_downed_is_the_interception",
        ),
        pytest.param(
            "On 5 June 2023, Russian forces launched 20 cruise missiles at Kyiv city, Kyiv. Ukrainian air "
            "defence shot down 19 of them; debris fell on two districts.",
            "2023-06-05",
            "Disrupted weapons use",
            "Kyiv",
            id="missiles_launched_at_a_city_and_downed_are_the_interception",
        ),
        pytest.param(
            "Russian forces launched rockets at Zaporizhzhia on Monday. Some were intercepted. An industrial "
            "enterprise was damaged.",
            "2024-05-15",
            "Shelling/artillery/missile attack",
            "Zaporizhzhia",
            id="a_strike_that_got_through_is_the_strike",
        ),
        pytest.param(
            "On the night of 3 May, the enemy attacked with 12 Shahed strike UAVs launched from the Kursk region "
            "of Russia. All of them were destroyed over the Sumy region.",
            "2024-05-03",
            "Disrupted weapons use",
            "Sumy Oblast",
            id="a_launch_site_is_no_event_place",
        ),
    ],
)
def test_an_incident_is_one_event_of_its_type(text, published, sub, place):
    events = events_of(text, published)
    assert [(e.sub_event_type, e.location.name) for e in events][:1] == [(sub, place)], [
        (e.sub_event_type, e.location.name) for e in events
    ]
    if sub == "Disrupted weapons use":
        assert len(events) == 1, [(e.sub_event_type, e.location.name) for e in events]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        pytest.param(
            "Russian forces shelled Kupiansk on Monday. Two people were killed in Izium.",
            2,
            id="casualties_at_another_named_place_are_another_event",
        ),
        pytest.param(
            "Russian forces shelled Toretsk on Monday. Over the past day, three civilians were killed in the "
            "Donetsk region, the governor said.",
            2,
            id="a_tally_for_the_whole_region_is_a_casualty_report_of_its_own",
        ),
        pytest.param(
            "Russian forces shelled Kupiansk on Monday.\n\nPolice detained two men in Odesa. A woman was wounded.",
            3,
            id="casualties_inside_another_paragraphs_story_do_not_go_back",
        ),
        pytest.param(
            "Russian forces shelled Kupiansk on Monday.\n\nIn Odesa, police detained two men.\n\nTwo civilians "
            "were killed in Kherson.",
            3,
            id="casualties_two_paragraphs_on_are_their_own_event",
        ),
        pytest.param(
            "A roadside bomb exploded in Kabul on Monday, and gunmen attacked a checkpoint in Kandahar on Tuesday.",
            2,
            id="a_bomb_that_exploded_and_another_clause_with_its_own_doer",
        ),
    ],
)
def test_separate_incidents_stay_separate(text, count):
    assert len(events_of(text)) == count


def test_the_forces_of_the_sentence_before_are_the_state_s_of_the_event_s_country() -> None:
    """ "Security forces conducted an operation ... Four terrorists were killed": a press release's forces,
    named without their state, are the army of the country the event is in."""
    (event,) = events_of(
        "Security forces conducted an intelligence based operation near Miranshah, North Waziristan District. "
        "During the operation, four terrorists were killed.",
        "2023-06-12",
    )
    assert event.actor1 is not None and event.actor1.country == "PK"
    assert event.fatalities == 4


def test_a_toll_given_place_by_place_is_one_event_per_place() -> None:
    """ "killed four residents of the region: 3 in Kupiansk and 1 in Izium": each place has its own dead."""
    events = events_of(
        "Over the past day, Russian shelling killed four residents of Kharkiv region: 3 in Kupiansk and 1 in "
        "Izium.",
        "2024-05-15",
    )
    assert sorted((e.location.name, e.fatalities) for e in events) == [("Izium", 1), ("Kupiansk", 3)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Two people were killed in Kupiansk and one in Izium, the governor said.",
            [("Izium", 1), ("Kupiansk", 2)],
        ),
        (
            "On 5 March 2024, Russian shelling killed three people in Kherson and two in Nikopol.",
            [("Kherson", 3), ("Nikopol", 2)],
        ),
    ],
)
def test_a_count_told_before_its_verb_belongs_to_the_first_place(text, expected) -> None:
    """ "Two people were killed in X and one in Y": the count of the first place is the subject's."""
    events = events_of(text, "2024-03-06")
    assert sorted((e.location.name, e.fatalities) for e in events) == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Kharkiv has been hit repeatedly since the start of the invasion.", id="present_perfect_habit"
        ),
        pytest.param("Sumy region is regularly targeted by Russian drones.", id="present_habit"),
        pytest.param(
            "Russian forces have been pressing an offensive in the Kharkiv region since May 1.",
            id="a_state_lasting_since_weeks_ago",
        ),
        pytest.param(
            "Russia has shelled Nikopol almost daily since the summer of 2022.", id="since_a_past_season"
        ),
        pytest.param(
            "The city has come under Russian fire since Moscow launched its invasion.",
            id="since_clause_itself",
        ),
        pytest.param(
            "It was the deadliest attack on the city this year.", id="a_judgement_of_an_event_told_before"
        ),
        pytest.param(
            "Russia's months-long offensive in Donetsk region continued.", id="an_event_lasting_months"
        ),
        pytest.param(
            "Soldiers arriving in Kramatorsk described days of relentless shelling.", id="days_of_shelling"
        ),
        pytest.param(
            "Russia has repeatedly targeted Odesa's ports since pulling out of the grain deal.",
            id="what_a_since_clause_starts_from",
        ),
    ],
)
def test_background_yields_no_event(text):
    assert events_of(text) == []


@pytest.mark.parametrize(
    ("text", "day"),
    [
        pytest.param(
            "Russian forces repeatedly shelled Kupiansk on Monday.", "2024-05-13", id="past_tense_habit_word"
        ),
        pytest.param(
            "Russian forces have been pressing an offensive in the Kharkiv region since Monday.",
            "2024-05-13",
            id="since_a_day_of_this_week",
        ),
        pytest.param(
            "Russian forces captured Avdiivka in February after a months-long battle.",
            "2024-02-01",
            id="a_long_battle_before_the_event_is_only_its_circumstance",
        ),
        pytest.param(
            "Russia launched a new offensive in the Kharkiv region on May 10.",
            "2024-05-10",
            id="background_with_a_day_of_its_own_keeps_that_day",
        ),
    ],
)
def test_news_told_with_background_words_is_still_an_event(text, day):
    events = events_of(text)
    assert [str(e.event_date) for e in events] == [day]


def test_a_countrywide_monthly_casualty_figure_is_a_statistic() -> None:
    text = (
        "In April 2024, the mission recorded 500 civilian casualties in Ukraine: 180 killed and 320 injured."
    )
    assert events_of(text, "2024-05-03") == []


def test_a_withdrawal_told_again_and_its_destination_are_the_transfer_told_before() -> None:
    """ "withdrew from X, and separatists took control of the town. ... 80 percent of the troops had pulled out";
    "his fighters had withdrawn to Donetsk": one transfer, at the place left, not at the destination."""
    events = events_of(
        "Government troops withdrew from the besieged town of Vuhlehirsk on Tuesday, and Russia-backed separatists "
        "took control of the town despite a truce agreed in Minsk last week.\n\nThe commander said 90 percent of "
        "the troops had pulled out in an orderly way, and that his men had withdrawn to Artemivsk.",
        "2015-02-04",
    )
    assert [(e.sub_event_type, e.location.name, str(e.event_date)) for e in events] == [
        ("Non-state actor overtakes territory", "Vuhlehirsk", "2015-02-03")
    ]


@pytest.mark.parametrize(
    ("text", "recalled"),
    [
        pytest.param(
            "Russia said on Wednesday its troops had captured Klishchiivka, near Bakhmut.\n\nUkrainian forces had "
            "retaken Klishchiivka in September last year.",
            1,
            id="the_news_places_earlier_change_of_hands_stays_as_its_history",
        ),
        pytest.param(
            "Russia said on Wednesday its troops had captured Klishchiivka, near Bakhmut.\n\nUkrainian forces "
            "retook Kherson city in November 2022 after an eight-month occupation.",
            0,
            id="another_places_recalled_change_of_hands_is_no_event",
        ),
    ],
)
def test_a_recalled_change_of_hands_is_kept_only_as_the_history_of_the_place_in_the_news(
    text, recalled
) -> None:
    """The control ledger shows a place's history: a report telling that a village was taken, and that it had
    been retaken a year before, gives both; history of another place recalled after the lead is not the news."""
    events = events_of(text, published="2024-05-15")
    news = [e for e in events if e.event_date >= date(2024, 5, 1)]
    old = [e for e in events if e.event_date < date(2024, 1, 1)]
    assert [e.location.name for e in news if e.location] == ["Klishchiivka"]
    assert len(old) == recalled
    assert all(e.location and e.location.name == "Klishchiivka" for e in old)


@pytest.mark.parametrize(
    ("text", "fatalities", "injuries"),
    [
        pytest.param(
            "A Russian drone struck a minibus in Beryslav. Two passengers died at the scene.",
            2,
            None,
            id="the_dead_told_in_the_next_sentence",
        ),
        pytest.param(
            "A Russian drone struck a minibus in Beryslav. The driver was taken to hospital with shrapnel wounds.",
            None,
            1,
            id="the_wounded_taken_to_hospital_in_the_next_sentence",
        ),
        pytest.param(
            "Three civilians died in Beryslav after Russian shelling.",
            3,
            None,
            id="the_dead_of_the_clause_the_cause_is_told_in",
        ),
        pytest.param(
            "A Russian drone struck a minibus in Beryslav. Over 300 civilians have died in the district since "
            "March 2022.",
            None,
            None,
            id="a_toll_dated_apart_is_not_the_events",
        ),
        pytest.param(
            "A Russian drone struck a minibus in Beryslav. The regional governor said two people died.",
            2,
            None,
            id="the_dead_told_by_a_speaker",
        ),
    ],
)
def test_deaths_told_without_a_verb_of_killing_are_the_events(text, fatalities, injuries) -> None:
    """'Died' and 'taken to hospital' say that people died or were hurt, not what happened: they give their
    figures to the event they follow or are caused by."""
    events = [
        e for e in events_of(text, published="2024-05-15") if e.location and e.location.name == "Beryslav"
    ]
    assert len(events) == 1
    assert (events[0].fatalities, events[0].injuries) == (fatalities, injuries)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Russia launched a wave of missiles and drones at Ukraine overnight. In Lviv, a warehouse was hit and "
            "three people were killed.",
            [("Lviv", "Air/drone strike", 3, None)],
            id="a_countrywide_strike_told_at_one_city",
        ),
        pytest.param(
            "Russian forces fired rockets at Dnipropetrovsk region overnight. In Nikopol, two men were wounded. "
            "In Marhanets, a woman was killed.",
            [
                ("Marhanets", "Shelling/artillery/missile attack", 1, None),
                ("Nikopol", "Shelling/artillery/missile attack", None, 2),
            ],
            id="a_regionwide_strike_told_place_by_place",
        ),
        pytest.param(
            "Russian forces fired rockets at Dnipropetrovsk region overnight. Two men were wounded, the governor "
            "said.",
            [("Dnipropetrovsk Oblast", "Shelling/artillery/missile attack", None, 2)],
            id="casualties_without_a_place_stay_with_the_regionwide_strike",
        ),
        pytest.param(
            "Over the past day, the occupiers shelled Balakliia, Izium, Kupiansk and other settlements of the "
            "region. A 70-year-old woman was killed in Izium.",
            [
                ("Balakliia", "Shelling/artillery/missile attack", None, None),
                ("Izium", "Shelling/artillery/missile attack", 1, None),
                ("Kupiansk", "Shelling/artillery/missile attack", None, None),
            ],
            id="a_list_of_places_that_goes_on_in_words",
        ),
    ],
)
def test_a_strike_told_for_an_area_then_place_by_place_is_coded_at_each_place(text, expected) -> None:
    """ACLED codes a country- or region-wide attack at each place it hit: a later clause with no doer of its own
    that tells what happened at a place inside the area is the strike at that place, of the strike's kind."""
    events = events_of(text, published="2024-05-15")
    got = sorted((e.location.name, e.sub_event_type, e.fatalities, e.injuries) for e in events if e.location)
    assert got == sorted(expected)


@pytest.mark.parametrize(
    ("text", "place", "sub"),
    [
        pytest.param(
            "Looting: On 3 May 2022, Russian soldiers threatened the drivers of a bus of evacuees near Vasylivka, "
            "Zaporizhia and 'confiscated' their phones and money. No casualties.",
            "Vasylivka",
            "Looting/property destruction",
            id="the_label_made_event_is_at_the_sentences_settlement",
        ),
    ],
)
def test_an_event_a_notes_label_makes_is_placed_by_the_sentence_it_introduces(text, place, sub) -> None:
    events = events_of(text, published="2022-05-03")
    assert [(e.location.name if e.location else None, e.sub_event_type) for e in events] == [(place, sub)]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        pytest.param(
            "Russian forces captured Marinka and advanced towards Kurakhove.",
            "Marinka",
            id="a_taking_then_an_advance_towards_a_town",
        ),
        pytest.param(
            "Rebels seized the airport in Goma and pushed on towards Bukavu.",
            "Goma",
            id="a_seizure_then_a_push_towards_a_city",
        ),
    ],
)
def test_where_forces_headed_is_not_where_they_took_ground(text, place) -> None:
    events = events_of(text, published="2024-05-15")
    takings = [e for e in events if e.sub_event_type == "Non-state actor overtakes territory"]
    assert [e.location.name for e in takings if e.location] == [place]
