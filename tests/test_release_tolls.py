"""Military communiqués' tolls and datelines: how armies of South Asia, Africa and the Middle East count their
own dead and the enemy's ("fell with arms in hand", "sent to hell", "brave sons of soil"), tolls given as a list
("Provisional toll: ..."), the dead of several clauses of one sentence, a fight told again ("The attack began
with ..."), and the date lines and datelines releases carry. Every sentence here was written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

import spotrep
from spotrep.numbers import find_casualties
from spotrep.numbers.sides import FORCES, HOSTILE, OWN, dead_side, different_sides
from spotrep.wire import read_dateline


def _first(text: str, published: date | None = date(2021, 6, 8)):
    found = spotrep.extract(text, published=published)
    assert found, text
    return found[0]


# --- the dead in the words of communiqués ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        ("Six soldiers fell with arms in hand during the assault.", 6),
        ("Three gendarmes fell in action near the bridge.", 3),
        ("Two volunteers fell in combat.", 2),
        ("Troops sent 9 terrorists to hell.", 9),
        ("After an intense exchange of fire, nine khwarij were sent to hell.", 9),
        ("Two brave sons of soil embraced shahadat.", 2),
        ("During the fire, three brave sons of the soil, having fought gallantly, embraced shahadat.", 3),
        ("Sepoy Imran Ali, 27 years old, resident of Chakwal, embraced shahadat.", 1),
        ("Naik Asif Khan, aged 31, embraced shahadat while fighting gallantly.", 1),
        ("Sergeant Luis Pardo, a native of Tumaco, Nariño, lost his life.", 1),
        ("Ali Musa, a resident of Kano, was killed on the spot.", 1),
        ("Three of our comrades sacrificed their lives during the fighting.", 3),
        ("Six of our heroes ascended as martyrs in the battle.", 6),
        ("At least four of the suspects were lynched by the crowd.", 4),
        ("- five (5) soldiers fallen on the field of honour;", 5),
        ("Private Armen Sargsyan (born in 2003) received a fatal gunshot wound.", 1),
        ("- between fifteen (15) and twenty (20) terrorists neutralised;", 15),
        ("Constable Musa Bello, 29 years old, son of a farmer, died on the spot.", 1),
        ("Between 12 and 20 militants, including the suicide bomber, were killed in the fighting.", 12),
    ],
)
def test_the_dead_in_the_words_of_communiques(sentence, killed):
    assert find_casualties(sentence).fatalities == killed


@pytest.mark.parametrize(
    "sentence",
    [
        "He fell in love with the town.",
        "The town fell in the first week of the offensive.",
        "The convoy was sent to the border.",
    ],
)
def test_falling_and_sending_that_kill_no_one(sentence):
    assert find_casualties(sentence).fatalities is None


@pytest.mark.parametrize(
    ("phrase", "side"),
    [
        ("two brave sons of soil embraced shahadat", FORCES),
        ("Havildar Sher Ali embraced shahadat", FORCES),
        ("nine khwarij were sent to hell", HOSTILE),
        ("two of our comrades were martyred", OWN),
        ("one member of the criminal structure died in the combat", HOSTILE),
        # the labels of a toll's list
        ("On the friendly side", FORCES),
        ("On the enemy side", HOSTILE),
        # soldiers and the militiamen who fight beside them
        ("five soldiers and three VDP fell with arms in hand", FORCES),
    ],
)
def test_whose_dead_a_communique_counts(phrase, side):
    assert dead_side(phrase) == side


# --- tolls ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # the toll as a copula's complement
        (
            "On Friday, terrorists attacked the army post of Kaya.\n\nThe provisional toll is at least twelve "
            "terrorists neutralised and a large quantity of arms recovered.",
            12,
        ),
        # the toll as a list after its label
        (
            "On Friday, terrorists attacked the army camp of Kaya.\n\nProvisional toll: five assailants "
            "neutralised; on our side, one soldier killed; two civilians killed and four wounded.",
            8,
        ),
        # a list of each side's dead
        (
            "On Friday, a patrol was ambushed by terrorists near Kaya. The toll is as follows:\n"
            "- On the friendly side: three soldiers killed, five wounded;\n"
            "- On the enemy side: about fifteen terrorists neutralised, motorcycles recovered.",
            18,
        ),
        # each side's line, its dead told by a noun
        (
            "On Friday, an army unit was the target of an ambush near Douentza. The unit repelled the "
            "assailants.\n\nProvisional toll:\nOn the friendly side: 2 dead, 5 wounded, 1 vehicle destroyed.\n"
            "On the enemy side: 11 terrorists neutralised, weapons recovered.",
            13,
        ),
        # each side's dead in a clause of its own
        (
            "On Friday, terrorists attacked a checkpoint near Rafah. The forces engaged the terrorist elements and "
            "killed six of them, while a captain and a soldier were martyred during the clash.",
            8,
        ),
        # the main clause's dead beside the wounding told after it
        (
            "On Friday, terrorists attacked the army camp of Kaya. The troops repelled the assailants. On our "
            "side, four soldiers fell with arms in hand and nine others were wounded.",
            4,
        ),
    ],
)
def test_a_communique_s_toll_is_the_fight_s(text, killed):
    first = _first(text, date(2022, 11, 26))
    assert first.sub_event_type == "Armed clash"
    assert first.fatalities == killed


def test_a_suicide_bomber_among_the_dead_of_a_blast_makes_it_a_suicide_bombing():
    first = _first(
        "Ten people, including the suicide bomber, were killed in a blast at a market in Maiduguri."
    )
    assert (first.sub_event_type, first.fatalities) == ("Suicide bomb", 10)


def test_a_suicide_bomber_among_the_dead_of_a_fight_leaves_it_a_fight():
    first = _first("Eight militants, including the suicide bomber, were killed in the fighting near Kismayo.")
    assert (first.sub_event_type, first.fatalities) == ("Armed clash", 8)


def test_a_suicide_bomber_is_no_warplane():
    found = spotrep.extract("A suicide bomber killed four people at a checkpoint in Mogadishu.")
    assert "Air/drone strike" not in {e.sub_event_type for e in found}


# --- one fight, told again -----------------------------------------------------------------------------------


def test_an_attack_confronted_is_the_attack_told_before():
    text = (
        "Gunmen attacked a number of military points near Jisr al-Shughur at dawn today.\n\n"
        "Army units deployed in the area confronted the attack and inflicted heavy losses on the attackers, "
        "killing 9 militants. One soldier was martyred while repelling the attack."
    )
    found = spotrep.extract(text, published=date(2023, 10, 23))
    assert [e.sub_event_type for e in found] == ["Armed clash"]
    assert found[0].fatalities == 10


def test_a_fight_told_again_by_its_noun_is_that_fight():
    text = (
        "On Tuesday, a supply convoy was ambushed by gunmen near Ayorou, in the Tillabéri region. The attack "
        "began with a roadside bomb, followed by heavy fire.\n\nFive soldiers were killed and seven wounded."
    )
    first = _first(text, date(2022, 2, 17))
    assert first.sub_event_type == "Armed clash"
    assert first.fatalities == 5


@pytest.mark.parametrize(
    ("sentence", "kinds"),
    [
        (
            "Troops engaged the terrorists' hideout near Mir Ali and after an exchange of fire, four terrorists "
            "were sent to hell.",
            {"Armed clash"},
        ),
        ("Militants attacked military points near Jisr al-Shughur on Monday.", {"Armed clash"}),
        ("Gunmen attacked a camp for displaced people near Jisr al-Shughur on Monday.", {"Attack"}),
    ],
)
def test_fights_in_the_words_of_communiques(sentence, kinds):
    found = spotrep.extract(sentence, published=date(2023, 3, 7))
    assert found and found[0].sub_event_type in kinds


@pytest.mark.parametrize(
    "sentence",
    [
        "This failed attack demonstrates the resolve of our troops to protect the people of Jowhar.",
        "Troops launched a joint search operation in the fields near Tarn Taran on Monday.",
        "The suspect was taken to the police camp in Yala for questioning.",
        "Police recovered a drone-dropped consignment of heroin near Tarn Taran on Monday.",
        "Police intercepted at a checkpoint in Delmas a minibus carrying six suspects on Monday.",
    ],
)
def test_words_of_fights_that_tell_no_fight(sentence):
    found = spotrep.extract(sentence, published=date(2024, 3, 13))
    assert not {e.sub_event_type for e in found} & {
        "Peaceful protest",
        "Armed clash",
        "Air/drone strike",
        "Non-state actor overtakes territory",
        "Disrupted weapons use",
    }


def test_a_crowd_demonstrating_its_anger_still_protests():
    found = spotrep.extract("Students demonstrated their anger at the fee rise in Nairobi on Monday.")
    assert found and found[0].sub_event_type == "Peaceful protest"


def test_a_person_taken_into_custody_is_still_arrested():
    found = spotrep.extract("A man was taken into custody in Yala on Monday.", published=date(2023, 9, 8))
    assert found and found[0].sub_event_type == "Arrests"


# --- dates and datelines -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("head", "day"),
    [
        (
            "PESHAWAR, June 7:\n\nSecurity forces killed two terrorists.\n\nIssued on 7 June 2021.",
            date(2021, 6, 7),
        ),
        ("Posted on: May 3, 2019\n\nTwo soldiers were wounded.", date(2019, 5, 3)),
        ("Press Release No. 112/2020, 9 October 2020\n\nTroops were attacked.", date(2020, 10, 9)),
        ("No PR-41/2022-ISPR\n\nRAWALPINDI, April 9: Troops were attacked.", date(2022, 4, 9)),
        ("ISPR, No PR-77/2021, Dated: 2 Sep 2021\n\nTroops were attacked.", date(2021, 9, 2)),
        (
            "NAKURU, Kenya, Jan 5 – Police repulsed an attack.\n\nIssued by: Police Spokesperson, 5th January 2019",
            date(2019, 1, 5),
        ),
        ("Lusaka, May 4, 2020.\n\nPolice arrested two men.", date(2020, 5, 4)),
        ("Quetta, 9 September 2021 (Thursday)\n\nPolice arrested two men.", date(2021, 9, 9)),
        ("Press Statement\n14 Saur 1401 (4 May 2022)\n\nPolice arrested two men.", date(2022, 5, 4)),
    ],
)
def test_the_date_lines_of_releases(head, day):
    dateline = read_dateline(head)
    assert dateline is not None and dateline.day == day


@pytest.mark.parametrize("head", ["Monday, March 3: troops attacked.", "Note, March 3: nothing happened."])
def test_a_weekday_or_a_word_before_a_day_is_no_dateline(head):
    assert read_dateline(head) is None


def test_a_day_of_the_month_of_writing_dates_the_incident():
    text = (
        "Amritsar, March 13, 2024: On 4th instant, troops apprehended two smugglers near village Rajatal, "
        "District Amritsar."
    )
    assert _first(text, None).event_date == date(2024, 3, 4)


def test_a_background_day_does_not_stop_a_paragraph_going_on_with_the_lead():
    text = (
        "Press Statement – 8 September 2023\n\n"
        "On 7 September 2023, a combined force cordoned off a house in Rueso district, Narathiwat province.\n\n"
        "The officers arrested a man who was wanted for a bomb attack on a ranger patrol on 14 July 2023."
    )
    arrests = [e for e in spotrep.extract(text) if e.sub_event_type == "Arrests"]
    assert arrests and arrests[0].event_date == date(2023, 9, 7)


# --- provinces -----------------------------------------------------------------------------------------------


def test_a_headline_s_province_holds_the_body_s_town():
    text = (
        "Three rebels killed in Northern Samar clash\n\n"
        "Posted on: June 21, 2022\n\n"
        "Three rebels were killed in an encounter with troops in Las Navas, Northern Samar, on Monday, "
        "June 20, 2022."
    )
    found = spotrep.extract(text)
    assert found[0].event_date == date(2022, 6, 20)
    assert found[0].location is not None and found[0].location.name == "Las Navas"
    assert len([e for e in found if e.sub_event_type == "Armed clash"]) == 1


def test_where_the_beaten_side_fled_is_not_where_it_fought():
    text = (
        "On Friday, a patrol was ambushed near Boulkessi, in the Mopti region. The patrol repelled the assailants, "
        "who fled towards the Gourma forest."
    )
    found = spotrep.extract(text, published=date(2022, 3, 19))
    assert [e.sub_event_type for e in found] == ["Armed clash"]
    assert found[0].location is not None and found[0].location.admin1_code == "ML-5"


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # each side's dead in the sentence's two clauses, the main one telling its dead with no trigger word
        (
            "On Saturday, police engaged bandits in a gun duel at Kurfi village. Two officers, Inspector Musa "
            "Bello, 41, and Sergeant Ali Sani, 35, paid the supreme price while five bandits were neutralised.",
            7,
        ),
        # the dead of the sides told in two sentences, soldiers and militiamen together
        (
            "On Thursday, terrorists attacked a unit near Kaya. The troops repelled the assailants and neutralised "
            "at least twenty terrorists.\n\nUnfortunately, three soldiers and two VDP fell with arms in hand "
            "during the fighting.",
            25,
        ),
        # the attack told again by its noun, with the weapons it was fought with
        (
            "On the 4th of this month, PDF units ambushed a column of junta troops near Monywa. In the attack, "
            "carried out with landmines and small arms, at least nine junta soldiers were killed. Two PDF "
            "fighters sacrificed their lives.",
            11,
        ),
    ],
)
def test_the_dead_of_every_side_of_one_fight_add_up(text, killed):
    first = _first(text, date(2023, 3, 6))
    assert first.sub_event_type == "Armed clash"
    assert first.fatalities == killed


def test_where_the_wounded_were_taken_is_not_where_the_blast_was():
    text = (
        "On Saturday, a patrol struck an improvised explosive device near Mandouri, in the Savanes region. The "
        "explosion killed two soldiers and wounded four others, who were evacuated to Dapaong."
    )
    found = spotrep.extract(text, published=date(2023, 7, 17))
    assert [(e.sub_event_type, e.fatalities) for e in found] == [("Remote explosive/landmine/IED", 2)]


def test_a_day_before_the_main_verb_dates_the_story_and_a_national_is_no_place():
    text = (
        "Acting on specific information, a battalion of the Assam Rifles on 03 Nov 2022 recovered 5 kg of heroin "
        "near Zokhawthar, Champhai District, Mizoram. One individual, a Myanmar national aged 41, was apprehended "
        "with the consignment.\n\nAizawl / 04 Nov 2022"
    )
    arrests = [e for e in spotrep.extract(text) if e.sub_event_type == "Arrests"]
    assert arrests and arrests[0].event_date == date(2022, 11, 3)
    assert arrests[0].location is not None and arrests[0].location.admin1_code == "IN-MZ"


@pytest.mark.parametrize(
    ("a", "b", "differ"),
    [
        (OWN, FORCES, True),
        (OWN, None, True),
        (OWN, OWN, False),
        (HOSTILE, FORCES, True),
        (None, FORCES, False),
    ],
)
def test_the_teller_s_own_dead_are_nobody_else_s(a, b, differ):
    assert different_sides(a, b) is differ


def test_the_fighting_a_position_was_taken_in_is_the_taking():
    text = (
        "On December 3, Arakan Army fighters captured the junta's outpost at Kyauktan after fierce fighting. "
        "During the fighting, at least 12 junta soldiers were killed and 9 were captured. Three of our comrades "
        "were martyred."
    )
    found = spotrep.extract(text, published=date(2023, 12, 5))
    assert found[0].sub_event_type == "Non-state actor overtakes territory"
    assert found[0].fatalities == 15
    assert "Arrests" in {e.sub_event_type for e in found}


def test_the_dead_of_the_lead_fight_told_after_another_incident_are_the_lead_s():
    text = (
        "MAIDUGURI – 9 May 2023\n\n"
        "Troops repelled an attack by terrorists on their location in Dikwa on Sunday. Seven terrorists were "
        "neutralised in the encounter.\n\n"
        "The attackers belonged to the faction that attacked troops at Marte on 2 May 2023, in which three "
        "terrorists were neutralised.\n\n"
        "Regrettably, one gallant soldier paid the supreme price in the course of the encounter."
    )
    first = _first(text, None)
    assert (first.sub_event_type, first.event_date, first.fatalities) == ("Armed clash", date(2023, 5, 7), 8)


def test_the_dead_a_release_lists_one_a_line_are_counted():
    text = (
        "No PR-41/2022-ISPR\n\n"
        "RAWALPINDI, April 9: Yesterday, security forces conducted an operation in general area Mir Ali, North "
        "Waziristan District. During intense exchange of fire, four terrorists were sent to hell. However, the "
        "following brave sons of soil, having fought gallantly, embraced shahadat:\n"
        "a. Havildar Sher Khan (age 35 years, resident of District Karak)\n"
        "b. Sepoy Amir Ali (age 22 years, resident of District Bannu)\n"
        "c. Sepoy Zia Gul (age 24 years, resident of District Swat)\n\n"
        "Sanitisation operation is being carried out in the area."
    )
    first = _first(text, None)
    assert (first.sub_event_type, first.event_date, first.fatalities) == ("Armed clash", date(2022, 4, 8), 7)


def test_a_birth_year_dates_nothing():
    text = (
        "Tuesday, 4 July 2023\n\nOn Monday, units of the enemy opened fire at our combat positions near Sotk.\n\n"
        "As a result, Private Armen Sargsyan (born in 2003) received a fatal gunshot wound."
    )
    first = _first(text, None)
    assert (first.sub_event_type, first.event_date, first.fatalities) == ("Armed clash", date(2023, 7, 3), 1)


def test_an_attack_on_a_base_with_rifles_and_explosives_is_a_fight_told_with_its_dead():
    text = (
        "At dawn this Saturday, members of the ELN attacked with rifles and explosives a military base in the "
        "municipality of Saravena, Arauca. The troops repelled the attack. As a result, Professional Soldier Luis "
        "Mora, 25, lost his life, and four other soldiers were wounded and evacuated to Tame hospital. One member "
        "of the armed group died in the combat."
    )
    first = _first(text, date(2022, 9, 19))
    assert (first.sub_event_type, first.fatalities) == ("Armed clash", 2)
    assert first.location is not None and first.location.name == "Saravena"


def test_a_place_the_target_is_located_at_is_where_the_fire_was():
    text = (
        "On Tuesday, units of the armed forces of Azerbaijan opened fire at Armenian combat positions located in "
        "the vicinity of Sotk, Gegharkunik province."
    )
    first = _first(text, date(2023, 6, 21))
    assert first.location is not None and first.location.admin1_code == "AM-GR"


@pytest.mark.parametrize(
    ("head", "place", "day"),
    [
        ("Press Release\nNairobi, 5 May 2022\n\nPolice arrested two men.", "Nairobi", date(2022, 5, 5)),
        ("Multan, 14 July 2023 (Friday)\n\nPolice arrested two men.", "Multan", date(2023, 7, 14)),
        # a title closed by its date is no city
        (
            "Daily Security Update, Oct. 2, 2010\n\nKABUL, Afghanistan – Troops detained a man.",
            "Kabul",
            date(2010, 10, 2),
        ),
        ("Press Statement, 3 May 2021\n\nPolice arrested two men.", None, date(2021, 5, 3)),
    ],
)
def test_a_city_and_its_date_alone_on_a_line_are_a_dateline(head, place, day):
    dateline = read_dateline(head)
    assert dateline is not None and (dateline.place, dateline.day) == (place, day)
