"""Military press releases and briefings: detentions, captures of people, caches found and what they held, the
ranks a release names among the dead, and the Persian names of Afghan districts. Every sentence here was written
for these tests, in the style of coalition and ministry releases."""

from __future__ import annotations

from datetime import date

import pytest

import spotrep
from spotrep.numbers import find_casualties

PUBLISHED = date(2012, 3, 14)


def events(text: str):
    return spotrep.extract(text, published=PUBLISHED)


@pytest.mark.parametrize(
    "sentence",
    [
        "Afghan forces captured a Taliban facilitator in Nad-e Ali district, Helmand province, on Tuesday.",
        "Special forces captured two senior al-Shabaab commanders near Kismayo on Monday.",
        "An Afghan and coalition security force detained two suspected insurgents in Zharay district, Kandahar "
        "province, yesterday.",
        "Police captured a suspected bombmaker during a raid in Kunduz on Monday.",
        # a person named as the object: taken, not ground
        "The Army captured alias 'El Flaco', a leader of the Clan del Golfo, in Caucasia, Antioquia, on Wednesday.",
        "Special forces captured Abu Hassan al-Iraqi, an ISIS commander, in a raid near Kirkuk on Monday.",
        "Partner forces captured a senior ISIS official and two of his associates near Hasakah on Monday.",
    ],
)
def test_people_taken_in_a_raid_are_arrests(sentence):
    found = events(sentence)
    assert found and found[0].sub_event_type == "Arrests", [(e.sub_event_type, e.location) for e in found]


@pytest.mark.parametrize(
    "headline",
    ["IMU commander captured in Kunduz", "Senior Taliban leader captured in Kunduz province"],
)
def test_a_headline_s_person_captured_is_an_arrest_not_ground_taken(headline):
    text = (
        f"{headline}\n\nKABUL, Afghanistan – An Afghan and coalition security force captured a senior Taliban "
        "commander in Chahar Darah district, Kunduz province, yesterday."
    )
    assert [e.sub_event_type for e in events(text)] == ["Arrests"]


@pytest.mark.parametrize(
    ("sentence", "sub_event_type"),
    [
        ("U.S. forces conducted a strike near Jilib, Somalia, on Monday.", "Air/drone strike"),
        (
            "Coalition forces carried out a strike on an ISIS headquarters near Raqqa on Monday.",
            "Air/drone strike",
        ),
        (
            "Russian forces carried out a strike on Zaporizhzhia on Monday.",
            "Shelling/artillery/missile attack",
        ),
        ("Russian forces carried out a strike with Shahed drones on Odesa on Monday.", "Air/drone strike"),
        (
            "U.S. Central Command conducted a precision strike against ISIS leaders near Mayadin, Syria, Monday.",
            "Air/drone strike",
        ),
    ],
)
def test_a_strike_armed_forces_carry_out_is_a_strike_from_afar(sentence, sub_event_type):
    found = events(sentence)
    assert found and found[0].sub_event_type == sub_event_type, [e.sub_event_type for e in found]


@pytest.mark.parametrize(
    "sentence",
    [
        "Dock workers carried out a strike at the port of Mombasa on Monday.",
        "The meeting took place in Kunduz city on Monday.",
    ],
)
def test_a_labour_strike_and_a_meeting_that_took_place_are_no_violence(sentence):
    assert [e.sub_event_type for e in events(sentence) if e.sub_event_type != "Peaceful protest"] == []


def test_a_country_naming_who_struck_is_no_place():
    found = events("U.S. strike kills senior al-Shabaab commander in Somalia\n")
    assert found and found[0].location is not None and found[0].location.country == "SO"


def test_a_one_word_district_the_gazetteer_lacks_is_no_namesake_abroad():
    found = events(
        "Afghan forces detained two suspected insurgents in Bakwa district, Farah province, yesterday."
    )
    assert found and found[0].location.admin1_code == "AF-FRA"


@pytest.mark.parametrize(
    ("district", "province", "code"),
    [("Muqur", "Ghazni", "AF-GHA"), ("Kohistan", "Kapisa", "AF-KAP")],
)
def test_a_district_known_only_in_another_province_is_not_read_there(district, province, code):
    """Several provinces have districts of one name (Muqur in Ghazni and in Badghis); the gazetteer lists one of
    them: a district named with its province is in that province."""
    found = events(f"Afghan forces detained two suspected insurgents in {district} district, {province} province, "
                   "yesterday.")  # fmt: skip
    assert found and found[0].location.admin1_code == code


@pytest.mark.parametrize(
    "sentence",
    [
        "The facilitator built and supplied roadside bombs and suicide vests to fighters in Zabul province.",
        "A patrol observed three insurgents emplacing an improvised explosive device on a road in Nawa district, "
        "Helmand province, on Tuesday.",
    ],
)
def test_bombs_made_supplied_or_being_laid_went_off_nowhere(sentence):
    assert [e.sub_event_type for e in events(sentence) if e.sub_event_type != "Armed clash"] == []


def test_capturing_a_village_is_still_ground_taken():
    found = events("Russian troops captured the village of Robotyne on Monday.")
    assert found and found[0].event_type == "Battles"


@pytest.mark.parametrize(
    "sentence",
    [
        "The security force also found and destroyed a weapons cache containing 12 rocket-propelled grenades "
        "and 200 pounds of homemade explosives.",
        "Police seized a truck holding 40 kilograms of explosives near Kandahar on Monday.",
        "Soldiers discovered a cache including mortar rounds and hand grenades in Sangin district on Monday.",
    ],
)
def test_the_contents_of_a_cache_found_are_no_explosion(sentence):
    assert [e.sub_event_type for e in events(sentence)] == ["Disrupted weapons use"]


def test_a_bomb_holding_nails_that_went_off_is_still_an_explosion():
    found = events("A bomb containing nails exploded in a market in Kandahar on Monday.")
    assert [e.sub_event_type for e in found] == ["Remote explosive/landmine/IED"]


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        (
            "A Taliban leader was killed during a security operation in Andar district, Ghazni province, on Monday.",
            1,
        ),
        ("An al-Qaeda facilitator was killed in an operation near Mosul on Monday.", 1),
        ("A suspected bombmaker was killed when his device exploded in Kandahar on Monday.", 1),
    ],
)
def test_a_rank_or_role_killed_counts_one(sentence, killed):
    found = events(sentence)
    assert found and found[0].fatalities == killed, [(e.sub_event_type, e.fatalities) for e in found]


@pytest.mark.parametrize(
    ("sentence", "district", "region"),
    [
        ("Fighting broke out in Nad-e Ali district, Helmand province, on Monday.", "Nad ‘Ali", "AF-HEL"),
        ("Fighting broke out in Nad Ali district, Helmand province, on Monday.", "Nad ‘Ali", "AF-HEL"),
    ],
)
def test_a_persian_izafe_is_spelt_either_way(sentence, district, region):
    found = events(sentence)
    assert found and found[0].location is not None
    assert found[0].location.name == district and found[0].location.admin1_code == region


@pytest.mark.parametrize(
    ("sentence", "sub_event_type"),
    [
        (
            "An air weapons team engaged and killed three insurgents in Sangin district, Helmand province, on "
            "Monday.",
            "Air/drone strike",
        ),
        (
            "In Nad-e Ali district, Helmand province, an air weapons team engaged and killed three insurgents "
            "who were emplacing an improvised explosive device.",
            "Air/drone strike",
        ),
        # the device the dead were readying did not go off: the fight is the event
        (
            "Troops killed two militants who were planting a roadside bomb near Kandahar on Monday.",
            "Armed clash",
        ),
        # a device that went off is
        ("Militants planted a roadside bomb that killed two soldiers near Kandahar on Monday.", None),
    ],
)
def test_what_the_dead_were_readying_is_not_the_weapon(sentence, sub_event_type):
    found = events(sentence)
    expected = sub_event_type or "Remote explosive/landmine/IED"
    assert [e.sub_event_type for e in found] == [expected]


def test_a_paragraph_going_on_with_also_keeps_the_story_s_place_and_day():
    text = (
        "An Afghan and coalition security force detained two suspected insurgents during a search in Kandahar "
        "province yesterday.\n\nThe security force also found and destroyed a weapons cache containing 12 "
        "rocket-propelled grenades."
    )
    found = {e.sub_event_type: e for e in events(text)}
    cache = found["Disrupted weapons use"]
    assert cache.location is not None and cache.location.admin1_code == "AF-KAN"
    assert cache.event_date == date(2012, 3, 13)


def test_the_paragraphs_that_tell_how_the_lead_operation_went_keep_its_place_and_day():
    """The lead names where and when the operation was ("... an operation in Dand district, Kandahar province,
    yesterday, in search of a bombmaker who supplies IEDs to fighters in Kabul"), with no event of its own; the
    paragraphs after it tell what happened there, without a day or a place of their own."""
    text = (
        "KANDAHAR, Afghanistan – An Afghan and coalition security force conducted an operation in Dand district, "
        "Kandahar province, yesterday, in search of a bombmaker who supplies IEDs to fighters in Kabul.\n\n"
        "As the force entered the compound, two armed insurgents opened fire on it. The force returned fire, "
        "killing both insurgents.\n\n"
        "The security force detained three suspected insurgents after questioning them at the scene."
    )
    found = spotrep.extract(text, published=date(2012, 3, 14))
    assert found
    for e in found:
        assert e.location is not None and e.location.admin1_code == "AF-KAN", (e.sub_event_type, e.location)
        assert e.event_date == date(2012, 3, 13), (e.sub_event_type, e.event_date)


def test_an_attack_told_after_its_repelling_is_the_repelled_attack():
    text = (
        "Afghan Border Police repel attack in Paktika\n\n"
        "BAGRAM AIRFIELD, Afghanistan – Afghan Border Police repelled an insurgent attack on a checkpoint in "
        "Bermal district, Paktika province, yesterday, killing five insurgents.\n\n"
        "About 20 insurgents attacked the checkpoint with machine guns and rocket-propelled grenades before dawn. "
        "Two border policemen were wounded."
    )
    found = events(text)
    assert [e.sub_event_type for e in found] == ["Armed clash"]
    assert found[0].fatalities == 5 and found[0].event_date == date(2012, 3, 13)
    assert {found[0].actor1.kind, found[0].actor2.kind} != {"police"}  # the attackers are the other side


def test_the_dead_of_an_attack_and_of_the_fire_that_answered_it_add_up():
    text = (
        "Two Afghan National Police officers were killed when Taliban fighters attacked a checkpoint in "
        "Pul-e Khumri, Baghlan province, last night.\n\n"
        "Police returned fire and the attackers fled after an hour. Four Taliban fighters were killed."
    )
    found = events(text)
    assert [e.sub_event_type for e in found] == ["Armed clash"]
    assert found[0].fatalities == 6


def test_a_headline_of_killings_is_the_body_s_first_dated_telling_of_dead():
    text = (
        "Insurgents kill district governor, driver in Kunar\n\n"
        "JALALABAD, Afghanistan (March 14, 2012) – Insurgents killed a district governor and his driver in an "
        "ambush in Asadabad, Kunar province, yesterday.\n\n"
        "Gunmen fired on the governor's car as it left a school. A guard was wounded.\n\n"
        '"This attack shows the cruelty of the insurgency in Kunar," a spokesman said.'
    )
    found = spotrep.extract(text)
    assert found[0].fatalities == 2 and found[0].event_date == date(2012, 3, 13), [
        (e.sub_event_type, e.fatalities, e.event_date) for e in found
    ]


def test_air_support_called_into_a_fight_is_that_fight():
    text = (
        "KANDAHAR, Afghanistan – A coalition patrol was attacked by insurgents with small-arms fire in Maiwand "
        "district, Kandahar province, yesterday. The patrol returned fire and called for support. An air weapons "
        "team engaged the insurgents, killing three."
    )
    found = events(text)
    assert [(e.sub_event_type, e.fatalities) for e in found] == [("Armed clash", 3)]


def test_a_second_dated_incident_is_not_the_lead_s_story():
    text = (
        "An Afghan and coalition security force conducted an operation in Dand district, Kandahar province, "
        "yesterday.\n\n"
        "In Helmand province, Afghan forces detained two suspected insurgents in Nad-e Ali district on Sunday.\n\n"
        "The force also recovered two rifles."
    )
    found = {e.sub_event_type: e for e in events(text)}
    assert found["Arrests"].location.admin1_code == "AF-HEL"
    assert found["Arrests"].event_date == date(2012, 3, 11)


@pytest.mark.parametrize(
    "sentence",
    [
        "The leader was responsible for coordinating attacks on police and for acquiring weapons and IED "
        "materials for fighters in the district.",
        "He was responsible for smuggling suicide bombers into Kabul and for planning ambushes on convoys.",
    ],
)
def test_what_a_leader_was_responsible_for_doing_is_no_incident(sentence):
    assert events(sentence) == []


@pytest.mark.parametrize(
    ("province", "code"),
    [("Wardag", "AF-WAR"), ("Lowgar", "AF-LOG"), ("Zabol", "AF-ZAB"), ("Konar", "AF-KNR"), ("Kondoz", "AF-KDZ"),
     ("Urozgan", "AF-URU"), ("Sar-e Pol", "AF-SAR"), ("Ningarhar", "AF-NAN")],
)  # fmt: skip
def test_a_province_in_another_romanisation_is_the_province(province, code):
    found = events(f"Afghan forces detained two suspected insurgents in {province} province yesterday.")
    assert found and found[0].location.admin1_code == code


def test_a_headline_in_title_case_and_its_lead_give_one_event():
    text = (
        "Afghan, Coalition Forces Detain Insurgents in Kandahar\n\nAn Afghan and coalition security force "
        "detained two suspected insurgents during a search in Zharay district, Kandahar province, yesterday.\n"
    )
    found = events(text)
    assert [e.sub_event_type for e in found] == ["Arrests"]
    assert found[0].event_date == date(2012, 3, 13)


@pytest.mark.parametrize(
    ("sentence", "sub_event_type", "killed"),
    [
        (
            "Troops on Monday neutralised 12 Boko Haram terrorists during a clearance operation in Borno State.",
            "Armed clash",
            12,
        ),
        (
            "Russian forces neutralised up to 40 Ukrainian servicemen near Avdiivka, the ministry said.",
            None,
            40,
        ),
        # and in the passive, as Sahel communiqués say it
        (
            "The army repelled an attack on its detachment in Titao. Some 10 terrorists were neutralised.",
            "Armed clash",
            10,
        ),
        # things neutralised are no dead
        (
            "Air defence forces neutralised 12 drones over Kursk region overnight.",
            "Disrupted weapons use",
            None,
        ),
        ("Sappers neutralised two explosive devices near Kherson on Monday.", "Disrupted weapons use", None),
        ("Two drones were neutralised over Belgorod overnight.", "Disrupted weapons use", None),
    ],
)
def test_people_neutralised_in_a_release_were_killed(sentence, sub_event_type, killed):
    found = events(sentence)
    assert found, sentence
    if sub_event_type:
        assert found[0].sub_event_type == sub_event_type
    assert found[0].fatalities == killed


def test_the_forces_told_again_with_the_are_the_story_s_forces():
    text = (
        "Afghan National Army soldiers killed four insurgents during an operation in Sangin district, Helmand "
        "province, yesterday.\n\nDuring the operation, the soldiers also detained one suspected insurgent."
    )
    found = {e.sub_event_type: e for e in events(text)}
    assert found["Arrests"].actor1 is not None
    assert found["Arrests"].actor1.name == found["Armed clash"].actor1.name
    assert found["Arrests"].actor1.country == "AF"


def test_unnamed_forces_without_the_are_the_country_s_own_not_the_story_s():
    # "soldiers" without "the" are not the story's unit told again; outside the Russia-Ukraine war, soldiers no
    # nationality qualifies are the forces of the country they are in
    text = (
        "Coalition soldiers killed four insurgents in Sangin district, Helmand province, yesterday.\n\n"
        "In Kunduz, soldiers detained one suspected insurgent on Monday."
    )
    found = {e.sub_event_type: e for e in events(text)}
    assert found["Arrests"].actor1 is not None and found["Arrests"].actor1.country == "AF"


@pytest.mark.parametrize(
    ("sentence", "sub_event_type", "actor1"),
    [
        (
            "Gunmen shot dead five villagers in Kaduna on Monday.",
            "Attack",
            "Unidentified Armed Group (Nigeria)",
        ),
        # no place the gazetteer knows: no country to name the group after
        ("Gang members shot dead five people in Martissant on Monday.", "Attack", "Unidentified Armed Group"),
        (
            "A suicide bomber blew himself up at a mosque in Peshawar, killing 59 worshippers.",
            "Suicide bomb",
            None,
        ),
    ],
)
def test_who_shot_dead_or_blew_himself_up(sentence, sub_event_type, actor1):
    found = events(sentence)
    assert found and found[0].sub_event_type == sub_event_type
    assert found[0].actor1 is not None and found[0].actor1.kind == "armed_group"
    if actor1:
        assert found[0].actor1.name == actor1


@pytest.mark.parametrize(
    ("sentence", "killed", "wounded"),
    [
        ("The airstrike resulted in the deaths of four insurgents in Paktika province on Monday.", 4, None),
        ("The airstrike caused the death of a Taliban commander in Logar province on Monday.", 1, None),
        ("The operation left nine insurgents dead in Zabul province on Monday.", 9, None),
        ("The blast left three soldiers dead and five wounded in Kandahar on Monday.", 3, 5),
        ("Coalition forces killed two enemy fighters and wounded a third in Kunar province on Monday.", 2, 1),
        (
            "Four insurgents were killed and two others wounded when commandos raided a compound in Logar.",
            4,
            2,
        ),
        # soldiers "martyred" (how the army of Pakistan, and others, say killed)
        (
            "Terrorists attacked a military convoy in Gwadar District on Friday, martyring 14 soldiers.",
            14,
            None,
        ),
        ("Terrorists attacked a checkpoint in Bannu on Friday. Four soldiers were martyred.", 4, None),
        # the dead named, not counted
        (
            "Coalition aircraft conducted a strike in Idlib on Monday, killing Hurras al-Din senior leader "
            "Abd-al-Rahman al-Shami.",
            1,
            None,
        ),
        ("Unidentified gunmen killed Ali Hassan and Omar Farah in Beledweyne on Monday.", 2, None),
        # an assassination is a killing
        ("Gunmen assassinated two tribal elders in Bannu on Monday.", 2, None),
        ("Gunmen assassinated Ali Omar and Farah Aden in Mogadishu on Monday.", 2, None),
    ],
)
def test_the_dead_a_release_counts(sentence, killed, wounded):
    found = events(sentence)
    assert found, sentence
    assert (found[0].fatalities, found[0].injuries) == (killed, wounded)


def test_the_death_of_a_named_person_is_no_count():
    from spotrep.numbers.casualties import find_casualties

    assert find_casualties("The death of Navalny was announced on Friday.").fatalities is None


def test_left_dead_by_an_error_is_no_event():
    assert (
        events("A company at the centre of a gas bungle that left one baby dead has blamed a subcontractor.")
        == []
    )


# --- a release without a publication date is dated by its dateline ----------------------------------------------


@pytest.mark.parametrize(
    ("head", "place", "day"),
    [
        ("RAWALPINDI, March 12, 2021: ", "Rawalpindi", date(2021, 3, 12)),  # a colon after the date
        ("ISLAMABAD, 12 March 2021: ", "Islamabad", date(2021, 3, 12)),
        ("Herat, 4 June 2019: ", "Herat", date(2019, 6, 4)),  # ordinary case, with a full date
        ("KANDAHAR, Afghanistan – Aug. 9, 2016 – ", "Kandahar", date(2016, 8, 9)),  # the date between dashes
        ("GAROWE – 21 May 2018: ", "Garowe", date(2018, 5, 21)),
        ("Mosul – 2 October 2017: ", "Mosul", date(2017, 10, 2)),
        (
            "KISMAYO, Somalia (AFRICOM) April 7, 2018 — ",
            "Kismayo",
            date(2018, 4, 7),
        ),  # the date after the issuer
        ("JOS – Tuesday, 14 May 2019: ", "Jos", date(2019, 5, 14)),  # with its weekday
        ("POPAYÁN, Colombia, 9 November 2020 - ", "Popayán", date(2020, 11, 9)),  # capitals with accents
        ("ODESA, 16 July 2023. ", "Odesa", date(2023, 7, 16)),  # a full stop after the date
        ("Army Headquarters, Abuja, 30 March 2021 — ", "Army Headquarters", date(2021, 3, 30)),
    ],
)
def test_a_release_s_dateline_dates_it(head, place, day):
    from spotrep.wire import dateline_spans, read_dateline

    text = head + "Troops killed two militants in a raid on Sunday."
    dateline = read_dateline(text)
    assert dateline is not None and (dateline.place, dateline.day) == (place, day)
    assert dateline_spans(text) == [(0, len(head))]  # masked whole: its date is no date of the event


@pytest.mark.parametrize(
    "text",
    [
        "On Monday, 5 May 2014: a day to remember for the garrison.",
        "In Kabul, 7 May 2019: the attack was the worst of the year.",
        "On 5 March 2022, Russian forces shelled Kharkiv.",
    ],
)
def test_a_sentence_opening_with_a_date_is_no_dateline(text):
    from spotrep.wire import dateline_spans

    assert dateline_spans(text) == []


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("QUETTA, 9 April 2020: Security forces killed three terrorists in Kech District last night.",
         date(2020, 4, 8)),
        ("ABUJA – Friday, 17 September 2021: Troops neutralised 4 terrorists in Borno State on Tuesday.",
         date(2021, 9, 14)),
        ("KISMAYO, Somalia (AFRICOM) April 7, 2018 — U.S. forces conducted an airstrike near Kismayo on April 5, "
         "killing two militants.", date(2018, 4, 5)),
        ("Herat, 4 June 2019: Afghan forces killed five Taliban in Shindand district yesterday.", date(2019, 6, 3)),
    ],
)  # fmt: skip
def test_relative_days_count_from_the_release_s_dateline(text, day):
    found = spotrep.extract(text)
    assert found and found[0].event_date == day, [(e.sub_event_type, e.event_date) for e in found]


# --- what a release counts and where it places the incident -----------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        ("Six members of the New People's Army were killed in an encounter in Samar on Monday.", 6),
        ("Troops killed two commanders of the Islamic State West Africa Province near Monguno on Monday.", 2),
        ("Four fighters of Hayat Tahrir al-Sham were killed in a strike near Idlib on Monday.", 4),
    ],
)
def test_the_dead_counted_as_members_of_a_named_group(sentence, killed):
    found = events(sentence)
    assert found and found[0].fatalities == killed, [(e.sub_event_type, e.fatalities) for e in found]


@pytest.mark.parametrize(
    ("sentence", "region"),
    [
        ("Troops of Operation Lafiya Dole killed five terrorists near Bama on Monday.", "NG-BO"),
        ("Troops of Operation Whirl Stroke arrested three suspects in Benue State on Monday.", "NG-BE"),
    ],
)
def test_the_name_of_an_operation_is_no_place(sentence, region):
    found = events(sentence)
    assert found and found[0].location is not None
    assert found[0].location.admin1_code == region


@pytest.mark.parametrize(
    ("sentence", "region"),
    [
        # the governorate without its Arabic article
        ("Iraqi forces killed four ISIS militants in a raid in Anbar province on Monday.", "IQ-AN"),
        ("Police arrested two suspects in Najaf province on Monday.", "IQ-NA"),
        # the English names of regions whose ISO names differ
        (
            "Iraqi jets struck an ISIS hideout in Nineveh province on Monday, killing three militants.",
            "IQ-NI",
        ),
        ("Security forces killed two ISIS militants in Salahuddin province on Monday.", "IQ-SD"),
        ("Soldiers killed four gunmen in an ambush in Michoacán state on Monday.", "MX-MIC"),
        ("Somali forces killed six al-Shabaab fighters in Lower Shabelle region on Monday.", "SO-SH"),
        ("Soldiers killed three militants in Maguindanao province on Monday.", "PH-14"),
    ],
)
def test_a_release_s_province_by_its_english_name(sentence, region):
    found = events(sentence)
    assert found and found[0].location is not None
    assert found[0].location.admin1_code == region, found[0].location


# --- the figures of issue 16 on releases written to measure, never studied ---------------------------------------


def test_releases_without_a_publication_date_are_read_well_enough():
    """The measure set (tests/data/press_releases_measure.jsonl) is never read for failures: only its figures
    are kept, a little below those reached, so that a regression shows."""
    import importlib.util
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    spec = importlib.util.spec_from_file_location("press_releases", root / "tools" / "press_releases.py")
    assert spec is not None and spec.loader is not None
    scorer = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = scorer  # its dataclasses look their module up
    spec.loader.exec_module(scorer)
    figures = scorer.score(root / "tests" / "data" / "press_releases_measure.jsonl").figures
    assert figures["date"] >= 0.95, figures  # reached 1.0 (41/41)
    assert figures["province"] >= 0.87, figures  # 0.902 (37/41)
    assert figures["killed"] >= 0.92, figures  # 0.951 (39/41)
    assert figures["arrests"] >= 0.93, figures  # 1.0 (15/15)
    assert figures["false_arrests"] <= 0.05, figures


@pytest.mark.parametrize(
    ("sentence", "region"),
    [
        # GeoNames' English name of the province matched to ISO's: by an alias, by the opening words of ISO's
        # name ("Michoacán de Ocampo"), with its apostrophes folded ("Ta‘izz", "Tāʻizz"), without its article
        ("Iraqi forces killed two ISIS militants in a raid near Mosul on Monday.", "IQ-NI"),
        ("Soldiers killed four gunmen in Apatzingán on Monday.", "MX-MIC"),
        ("Police arrested three suspects in Coatzacoalcos on Monday.", "MX-VER"),
        ("Houthi fighters shelled Taiz on Monday, killing two civilians.", "YE-TA"),
        ("Iraqi police arrested two smugglers in Basra on Monday.", "IQ-BA"),
    ],
)
def test_a_city_s_province_though_geonames_and_iso_name_it_differently(sentence, region):
    found = events(sentence)
    assert found and found[0].location is not None
    assert found[0].location.admin1_code == region, found[0].location


@pytest.mark.parametrize(
    ("sentence", "region"),
    [
        # the gazetteer knows only the first word of the name ("Bulo" is a village of the Philippines): the
        # province the release names for it places the incident
        ("Soldiers killed 12 militants in Bulo Burde district of Hiiraan region on Monday.", "SO-HI"),
        (
            "Jets struck an ISIS hideout in the Wadi Hauran area of Anbar province on Monday, killing four.",
            "IQ-AN",
        ),
        ("Troops killed three insurgents in Tarin Kowt district, Uruzgan province, on Monday.", "AF-URU"),
    ],
)
def test_a_name_the_gazetteer_knows_only_in_part_is_placed_by_its_province(sentence, region):
    found = events(sentence)
    assert found and found[0].location is not None
    assert found[0].location.admin1_code == region, found[0].location


@pytest.mark.parametrize(
    ("text", "region"),
    [
        # the country opening a command's name says whose the command is, not where the strike was; the
        # dateline's blank length once made the tagger read "U.S." as the place
        (
            "MOGADISHU, Somalia (AFRICOM) Feb. 3, 2019 — U.S. Africa Command conducted an air strike against "
            "al-Shabaab militants near Jilib, Middle Juba region, on Feb. 1, killing 24 militants.",
            "SO-JD",
        ),
        (" " * 44 + "U.S. Africa Command conducted an air strike near Kismayo on Monday, killing two.", "SO-JH"),
    ],
)  # fmt: skip
def test_a_country_opening_a_command_s_name_is_no_place(text, region):
    found = events(text)
    assert found and found[0].location is not None
    assert found[0].location.admin1_code == region, found[0].location


@pytest.mark.parametrize(
    ("sentence", "region"),
    [
        # the kind the text names: Nigeria's Plateau State, not Benin's Plateau department
        ("Troops killed four bandits in Plateau State on Monday.", "NG-PL"),
        # a county is Kenya's (and Liberia's) first-level unit; a forest, a range of hills named before it lie in it
        ("Police arrested four terror suspects in Boni forest, Lamu County, on Monday.", "KE-21"),
        ("KDF soldiers killed four militants in Garissa County on Monday.", "KE-07"),
        ("Soldiers killed two militants in the Hamrin mountains of Diyala province on Monday.", "IQ-DI"),
    ],
)
def test_the_kind_of_province_a_release_names(sentence, region):
    found = events(sentence)
    assert found and found[0].location is not None
    assert found[0].location.admin1_code == region, found[0].location


@pytest.mark.parametrize(
    ("sentence", "region"),
    [
        (
            "Iraqi forces killed nine ISIS fighters in the Hamrin Mountains, Salah ad Din province, on Sunday.",
            "IQ-SD",
        ),
        (
            "Coalition aircraft struck an ISIS cache near Abu Kamal, Dayr az Zawr province, on Monday.",
            "SY-DY",
        ),
    ],
)
def test_an_arabic_article_written_apart_joins_the_name(sentence, region):
    found = events(sentence)
    assert found and found[0].location is not None
    assert found[0].location.admin1_code == region


def test_a_sentence_telling_no_event_dates_the_next_by_its_relative_day():
    text = (
        "RAWALPINDI, July 3 - Security forces conducted an intelligence based operation in North Waziristan "
        "District yesterday on reported presence of terrorists. During the operation, 4 terrorists were killed."
    )
    found = spotrep.extract(text, published=date(2024, 7, 3))
    assert found and str(found[0].event_date) == "2024-07-02"
    assert found[0].fatalities == 4


def test_an_attack_on_troops_repelled_in_the_next_paragraph_is_one_clash():
    found = spotrep.extract(
        "MEXICO CITY, May 9, 2021 – Yesterday, personnel of the Mexican Army patrolling the municipality of "
        "Tepalcatepec, Michoacan, were attacked by armed civilians.\n\nThe troops repelled the aggression, "
        "resulting in four aggressors killed and one detained."
    )
    clashes = [e for e in found if e.sub_event_type == "Armed clash"]
    assert len(clashes) == 1 and clashes[0].fatalities == 4, [(e.sub_event_type, e.fatalities) for e in found]
    assert found[0] is clashes[0]
    assert clashes[0].event_date == date(2021, 5, 8)


def test_a_soldier_who_embraced_shahadat_is_counted_beside_the_wounded():
    found = spotrep.extract(
        "RAWALPINDI, 3 March 2021: Terrorists fired on a security forces patrol near Mir Ali, North Waziristan, "
        "yesterday. During the exchange of fire, one soldier embraced shahadat while two others got injured."
    )
    assert found and (found[0].fatalities, found[0].injuries) == (1, 2), [
        (e.fatalities, e.injuries) for e in found
    ]


def test_the_dateline_country_keeps_an_unknown_village_out_of_another_country():
    """ "near Kuchai": only an alternate name of a town of Malaysia reads it; the release is filed in India."""
    found = spotrep.extract(
        "RANCHI, 11 May 2021 – Security forces recovered eight improvised explosive devices planted by Maoists "
        "in a forest near Kuchai yesterday."
    )
    assert found and all(e.location is None or e.location.country == "IN" for e in found), [
        e.location for e in found
    ]


@pytest.mark.parametrize(
    "note",
    [
        "On 3 November 2021, an IED exploded under a VDP vehicle on the road between Fada N'Gourma and "
        "Natiaboani (Gourma, Est), coded to Fada N'Gourma. 2 VDP members were killed.",
        "On 3 November 2021, an IED exploded under a VDP vehicle between Fada N'Gourma and Natiaboani (Gourma, "
        "Est). Coded to Fada N'Gourma. 2 VDP members were killed.",
    ],
)
def test_the_coders_word_places_the_event_bracketed_or_not(note):
    found = spotrep.extract(note, published="2021-11-04")
    assert found and found[0].location.name.startswith("Fada"), [e.location for e in found]


@pytest.mark.parametrize(
    "text, killed",
    [
        (
            "Coalition aircraft conducted an airstrike against Taliban fighters in Nawa district, Helmand province, "
            "on Monday. The airstrike was conducted after Taliban fighters attacked an Afghan army checkpoint in "
            "the area. Four insurgents were killed.",
            4,
        ),
        (
            "The Air Force carried out a strike on militant positions near Bosaso on Friday. The strike was "
            "carried out after the militants attacked a police post nearby.",
            None,
        ),
    ],
)
def test_an_attack_told_in_a_clause_of_time_is_not_the_strike_s_doer(text, killed):
    # "after militants attacked": an event of its own, before the strike; the strike keeps its doer and its dead
    found = events(text)
    strike = found[0]
    assert strike.sub_event_type == "Air/drone strike", [(e.sub_event_type, e.actor1) for e in found]
    assert strike.actor1 is not None and strike.actor1.kind == "military", strike.actor1
    assert strike.fatalities == killed
    assert [e.sub_event_type for e in found].count("Air/drone strike") == 1


@pytest.mark.parametrize(
    "sentence",
    [
        "The Nigerian Air Force carried out strikes on terrorist hideouts in Sambisa forest on Tuesday.",
        "The air force conducted a raid on militant camps near Damboa on Monday.",
        "The Pakistan Air Force launched an attack on hideouts in North Waziristan on Sunday.",
    ],
)
def test_a_strike_an_air_force_carries_out_is_flown(sentence):
    found = events(sentence)
    assert found and found[0].sub_event_type == "Air/drone strike", [
        (e.sub_event_type, e.actor1) for e in found
    ]


def test_a_strike_a_ground_unit_carries_out_is_not_flown():
    found = events("Special forces carried out a raid on a militant compound near Kismayo on Monday.")
    assert all(e.sub_event_type != "Air/drone strike" for e in found)


@pytest.mark.parametrize(
    "release, day, killed, province",
    [
        (
            # the headline names the province by its town; the body dates the operation
            "Afghan Forces Kill Nine Insurgents in Ghazni\n\nKABUL, Afghanistan (Oct. 12, 2011) - Afghan "
            "National Security Forces killed nine insurgents during a clearing operation in Andar district, "
            "Ghazni province, Oct. 10.\n\nThe district had been used by insurgents to stage attacks along the "
            "highway. The force also seized six rifles.",
            date(2011, 10, 10),
            9,
            "AF-GHA",
        ),
        (
            # a quote that calls the bombing "this attack" is no incident of the release's own day
            "Coalition Condemns Bombing of Market in Zabul\n\nKABUL, Afghanistan (May 16, 2012) - Three "
            "Afghan civilians were wounded when an insurgent bomb exploded near a market in Qalat district, "
            'Zabul province, yesterday.\n\n"This attack shows the insurgents\' disregard for Afghan lives," '
            "a coalition spokesman said.",
            date(2012, 5, 15),
            None,
            "AF-ZAB",
        ),
        (
            "Senior Taliban Leader Killed in Kunduz\n\nKABUL, Afghanistan (Oct. 16, 2010) - Afghan and "
            "coalition forces killed a senior Taliban leader and two other insurgents in Chahar Darah "
            "district, Kunduz province, Thursday.",
            date(2010, 10, 14),
            3,
            "AF-KDZ",
        ),
    ],
)
def test_a_release_s_headline_is_the_incident_its_body_dates(release, day, killed, province):
    found = spotrep.extract(release)
    lead = found[0]
    assert (lead.event_date, lead.fatalities) == (day, killed), [
        (e.event_date, e.sub_event_type, e.fatalities) for e in found
    ]
    assert lead.location is not None and lead.location.admin1_code == province
    assert not [e for e in found if e.event_date != day and e.sub_event_type == lead.sub_event_type]


def test_a_service_member_who_died_after_an_attack_is_one_killed():
    found = spotrep.extract(
        "KABUL, Afghanistan (July 4, 2012) - An International Security Assistance Force service member died "
        "following an insurgent attack in southern Afghanistan today."
    )
    assert found and found[0].fatalities == 1 and found[0].event_date == date(2012, 7, 4)


def test_a_headline_s_detention_is_the_one_the_body_dates():
    found = spotrep.extract(
        "Afghan forces arrest five insurgents in Logar\n\nKABUL, Afghanistan (Sept. 5, 2013) - Afghan National "
        "Security Forces arrested five suspected insurgents during an operation in Pul-e Alam district, Logar "
        "province, on Tuesday.\n\nThe forces also seized two rifles."
    )
    assert found[0].sub_event_type == "Arrests" and found[0].event_date == date(2013, 9, 3), [
        (e.event_date, e.sub_event_type) for e in found
    ]
    assert [e.sub_event_type for e in found].count("Arrests") == 1


def test_fire_told_in_detail_after_the_lead_is_the_lead_s_fight():
    found = spotrep.extract(
        "Soldiers engage insurgents in Kunar\n\nBAGRAM AIRFIELD, Afghanistan (April 29, 2010) - Afghan soldiers "
        "engaged a group of insurgents in the Pech district of Kunar province on Tuesday.\n\nThe patrol was "
        "moving through the valley when it came under small-arms fire. The force returned fire; one insurgent "
        "was killed."
    )
    assert [(e.sub_event_type, e.event_date, e.fatalities) for e in found] == [
        ("Armed clash", date(2010, 4, 27), 1)
    ]


def test_a_bomb_facilitator_captured_is_an_arrest_not_a_seizure():
    found = events(
        "Coalition forces captured a Taliban improvised explosive device facilitator in Deh Rawud district, "
        "Uruzgan province, yesterday."
    )
    assert found and found[0].sub_event_type == "Arrests", [e.sub_event_type for e in found]


@pytest.mark.parametrize(
    "release, day",
    [
        (
            # the headline names no place the gazetteer reads
            "ISAF strike kills Taliban commander\n\nKABUL, Afghanistan (Dec. 2, 2009) - An ISAF precision "
            "airstrike killed a Taliban commander in the Garmsir district of Helmand province yesterday.",
            date(2009, 12, 1),
        ),
        (
            # the headline's town names the province in another spelling (Khost, Khowst)
            "Coalition forces detain six suspected militants in Khost\n\nBAGRAM AIRFIELD, Afghanistan (June 12, "
            "2009) - Coalition forces detained six suspected militants on Wednesday during an operation in "
            "Khowst province's Terayzai district.",
            date(2009, 6, 10),
        ),
    ],
)
def test_a_headline_is_the_incident_its_body_dates_whatever_it_names(release, day):
    found = spotrep.extract(release)
    assert [e.event_date for e in found] == [day], [(e.event_date, e.sub_event_type) for e in found]


def test_a_headline_naming_the_province_read_as_its_town_is_the_body_s_incident():
    found = spotrep.extract(
        "Combined force kills Taliban leader in Laghman\n\nKABUL, Afghanistan (April 4, 2012) - An Afghan and "
        "coalition security force killed a Taliban leader and two other insurgents in the Alingar district of "
        "Laghman province yesterday."
    )
    assert [(e.event_date, e.fatalities) for e in found] == [(date(2012, 4, 3), 3)], [
        (e.event_date, e.location and e.location.name) for e in found
    ]


@pytest.mark.parametrize(
    "release, day",
    [
        (
            "KABUL, Afghanistan (Jan. 25, 2013) - An Afghan and coalition security force detained two suspected "
            "insurgents during an operation targeting a Haqqani leader in Khost province yesterday.",
            date(2013, 1, 24),
        ),
        (
            "KABUL, Afghanistan (Jan. 25, 2013) - A combined force killed eight militants during a raid targeting "
            "a Taliban network in Shah Joy district of Zabul province Wednesday night.",
            date(2013, 1, 23),
        ),
    ],
)
def test_the_day_closing_an_operation_s_description_dates_the_operation(release, day):
    found = spotrep.extract(release)
    assert found and found[0].event_date == day, [(e.event_date, e.sub_event_type) for e in found]


@pytest.mark.parametrize(
    "text, killed",
    [
        # each side's dead in a sentence of its own: the operation's toll is their sum
        (
            "MAIDUGURI, Nigeria – 14 March 2012 – Troops repelled an attack by ISWAP terrorists on a base in "
            "Marte, Borno State, on Tuesday. In the ensuing firefight, 11 terrorists were neutralised. "
            "Regrettably, two soldiers paid the supreme price.",
            13,
        ),
        (
            "SOUTHWEST ASIA (March 14, 2012) – Syrian Democratic Forces cleared ISIS remnants in Hajin, Deir "
            "ez-Zor province, Tuesday, killing 9 ISIS terrorists in street fighting. Three SDF fighters were "
            "killed in the clashes.",
            12,
        ),
        # the same side's dead told twice are the same dead
        (
            "KABUL, Afghanistan (March 14, 2012) – Insurgents attacked a police checkpoint in Pul-e Khumri, "
            "Baghlan province, yesterday, killing four policemen. Four police officers were killed in the "
            "attack, the ministry said.",
            4,
        ),
    ],
)
def test_each_side_s_dead_told_apart_add_up(text, killed):
    found = events(text)
    assert found[0].fatalities == killed, [(e.sub_event_type, e.fatalities) for e in found]


def test_the_blast_told_after_a_suicide_bombing_is_that_bombing():
    text = (
        "A suicide bomber attacked a police convoy in Kandahar city this morning, killing two policemen and a "
        "civilian. Nine more civilians were wounded in the blast and taken to Mirwais hospital."
    )
    found = events(text)
    assert [e.sub_event_type for e in found] == ["Suicide bomb"]
    assert found[0].fatalities == 3 and found[0].injuries == 9


def test_a_roadside_bomb_and_the_blast_told_next_are_one_event():
    text = "A roadside bomb exploded near Konduga on Tuesday. The blast wounded three soldiers."
    found = events(text)
    assert [e.sub_event_type for e in found] == ["Remote explosive/landmine/IED"]
    assert found[0].injuries == 3


@pytest.mark.parametrize(
    "text",
    [
        "RAWALPINDI, March 14 (ISPR): Two terrorists were killed in Datta Khel, North Waziristan. Sepoy Imran "
        "Khan (age 23 years, resident of Jhelum) embraced shahadat.",
        "Four Terrorists Killed, Soldier Embraces Shahadat in North Waziristan IBO",
    ],
)
def test_a_soldier_s_home_and_an_abbreviation_are_no_places_of_the_event(text):
    found = events(text)
    assert found and all(e.location is None or e.location.country in (None, "PK") for e in found)
    assert all(e.location is None or e.location.name != "Jhelum" for e in found)


def test_a_resident_detained_is_detained_where_he_lives():
    found = events("Police detained a resident of Peshawar on Monday over links to the TTP.")
    assert found[0].location is not None and found[0].location.name == "Peshawar"


@pytest.mark.parametrize(
    "text, types",
    [
        (
            "Troops engaged bandits at a village near Tsafe, Zamfara State, on Tuesday, neutralising four of the "
            "criminals and rescuing nine kidnapped victims.",
            ["Armed clash"],
        ),
        ("The abducted schoolgirls were released in Jangebe, Zamfara State, on Tuesday.", []),
        (
            "Gunmen kidnapped 14 travellers near Birnin Gwari, Kaduna State, on Tuesday.",
            ["Abduction/forced disappearance"],
        ),
    ],
)
def test_captives_freed_were_taken_before_the_report(text, types):
    assert [e.sub_event_type for e in events(text)] == types


def test_a_person_killed_named_after_his_role_counts_one():
    found = events(
        "A coalition airstrike killed senior ISIS financier Abu Omar al-Tunisi near Mosul on Monday."
    )
    assert found[0].fatalities == 1


def test_an_operation_s_night_dates_the_paragraphs_that_tell_how_it_went():
    text = (
        "RAWALPINDI, March 14 (ISPR): During the night of 12 March 2012, security forces conducted an "
        "intelligence based operation in Datta Khel, North Waziristan District.\n\n"
        "During intense exchange of fire, three terrorists were killed.\n\n"
        "Naik Tariq Mehmood (age 30 years, resident of Mardan) embraced shahadat while fighting gallantly."
    )
    found = spotrep.extract(text)
    assert found[0].event_date == date(2012, 3, 12)
    assert found[0].fatalities == 4, [(e.sub_event_type, e.fatalities) for e in found]
    assert found[0].location is not None and found[0].location.admin1_code == "PK-KP"


def test_the_dead_told_beside_the_wounded_of_an_incident_are_its_dead():
    text = (
        "A military vehicle on patrol struck an improvised explosive device near Elwak, Mandera County, on "
        "Tuesday.\n\nTwo soldiers lost their lives and three others were injured in the incident."
    )
    found = events(text)
    assert [e.sub_event_type for e in found] == ["Remote explosive/landmine/IED"]
    assert (found[0].fatalities, found[0].injuries) == (2, 3)


@pytest.mark.parametrize(
    "headline, place",
    [
        # English words a title-case headline capitalises are no towns (Beed's alias "Bid", a village "Sector")
        ("Infiltration Bid Foiled in Uri Sector, Three Infiltrators Killed", "Uri"),
        ("Troops Repel Attack on Post Near Sector 7, Kill Two Militants in Tangdhar Sector", "Tangdhār"),
        # the first word of a valley's name is no town called Wadi
        ("Iraqi Forces Raid ISIS Hideout in Wadi al-Tharthar, Anbar Province", "Al Anbar"),
    ],
)
def test_a_title_case_headline_s_words_are_no_places(headline, place):
    from spotrep.entities import get_nlp
    from spotrep.places import find_places

    found = [m.location.name for m in find_places(get_nlp()(headline)) if m.location is not None]
    assert found and all(name == place or place in name for name in found), found


def test_a_stronghold_captured_is_ground_taken_whoever_held_it():
    found = events(
        "Troops captured the insurgent stronghold of Mocímboa da Praia, Cabo Delgado Province, on Tuesday."
    )
    assert found and found[0].sub_event_type != "Arrests", [e.sub_event_type for e in found]


@pytest.mark.parametrize(
    ("sentence", "types"),
    [
        # the bombmaker's trade, however the parser joins its objects
        (
            "The facilitator, Mullah Karim, built and supplied roadside bombs and suicide vests to insurgent cells "
            "in Kandahar province.",
            [],
        ),
        # a bomb that went off, after a verb of making told of something else
        (
            "Officials produced evidence that a roadside bomb killed three soldiers near Kandahar city on Tuesday.",
            ["Remote explosive/landmine/IED"],
        ),
    ],
)
def test_bombs_made_are_no_blast_but_a_bomb_that_killed_is(sentence, types):
    assert [e.sub_event_type for e in events(sentence)] == types


def test_what_a_strike_killed_told_with_it_is_the_strike_s_toll():
    text = (
        "Coalition Strike Kills Militants in Kunar\n\n"
        "KABUL, Afghanistan (March 14, 2012) – Coalition aircraft conducted a strike in Chawkay district, Kunar "
        "province, on March 12.\n\n"
        "The strike targeted a group of fighters gathering to attack a border post. It killed seven insurgents.\n\n"
        "No civilians were harmed."
    )
    found = events(text)
    assert [(e.sub_event_type, e.fatalities) for e in found] == [("Air/drone strike", 7)]


@pytest.mark.parametrize(
    "text, killed",
    [
        # "N of them": the people the troops engaged; the soldier who fell is the other side's dead
        (
            "MAIDUGURI – 14 March 2012 – Troops of Operation LAFIYA DOLE repelled an attack on their base at "
            "Damasak, Borno State, on 12 March 2012. The troops engaged the terrorists with superior firepower, "
            "neutralising nine of them.\n\nUnfortunately, one soldier paid the supreme price while two others "
            "were wounded.",
            10,
        ),
        # "one of whom later died": a soldier among the wounded; a civilian "also" killed adds up
        (
            "DAMATURU – 14 March 2012 – Troops repelled an attack by ISWAP terrorists on Buni Yadi, Yobe State, on "
            "12 March 2012. Six terrorists were neutralised in the encounter.\n\nThree soldiers were wounded, one "
            "of whom later died at the military hospital in Damaturu. A civilian was also killed by a stray "
            "bullet during the exchange.",
            8,
        ),
        # francophone: "put out of action", the friendly side's toll told first
        (
            "Ouagadougou, 14 March 2012 – During the night of 11 to 12 March 2012, the military detachment of "
            "Arbinda, in the Soum province, was the target of an attack by armed terrorist individuals.\n\nThe "
            "provisional toll on the friendly side is 4 soldiers killed. The counter-offensive put 15 terrorists "
            "out of action.",
            19,
        ),
        # the dead a detention's clause tells died in the fight
        (
            "Mexico City, 14 March 2012. On 12 March, soldiers patrolling near Aguililla, Michoacán, were attacked "
            "by armed civilians. The troops repelled the aggression, with the result that four aggressors lost "
            "their lives and three were detained.",
            4,
        ),
    ],
)
def test_each_side_s_dead_told_in_a_release_s_own_words_add_up(text, killed):
    found = events(text)
    assert found[0].fatalities == killed, [(e.sub_event_type, e.fatalities) for e in found]


def test_where_the_wounded_died_is_not_where_they_were_hurt():
    text = (
        "DAMATURU – 14 March 2012 – Troops repelled an attack on Buni Yadi, Yobe State, on 12 March 2012.\n\n"
        "Two soldiers were wounded, one of whom later died at the military hospital in Damaturu. A civilian was "
        "also killed."
    )
    assert {e.location.name for e in events(text)} == {"Buni Yadi"}


def test_a_later_paragraph_telling_only_a_soldier_s_death_adds_him_to_the_lead_operation():
    text = (
        "Troops Kill Four Insurgents in Helmand\n\n"
        "KABUL, Afghanistan (March 14, 2012) - Afghan troops killed four insurgents during an operation in "
        "Nad-e Ali district, Helmand province, yesterday.\n\n"
        "The insurgents had planned attacks on the district centre. Weapons were seized.\n\n"
        "Regrettably, one soldier paid the supreme price."
    )
    assert events(text)[0].fatalities == 5


@pytest.mark.parametrize(
    "sentence, types",
    [
        # "recovered two suicide vests": a seizure, no suicide bombing
        (
            "Troops recovered two suicide vests and three rifles in Marte, Borno State, on Monday.",
            ["Disrupted weapons use"],
        ),
        ("Police seized a suicide vest at a checkpoint in Kano on Monday.", ["Disrupted weapons use"]),
        # the wounded evacuated: no unit withdrew
        (
            "Troops clashed with bandits in Tsafe, Zamfara State, on Monday. The wounded soldiers have been "
            "evacuated to a medical facility.",
            ["Armed clash"],
        ),
        # eliminated people were killed
        ("Troops eliminated two terrorists in Shopian on Monday.", ["Armed clash"]),
        # put out of action (not "put in custody")
        ("The army put 12 assailants out of action near Djibo on Monday.", ["Armed clash"]),
    ],
)
def test_release_verbs_of_seizing_moving_and_killing(sentence, types):
    assert [e.sub_event_type for e in events(sentence)] == types


def test_a_wish_to_inform_the_public_tells_what_happened():
    text = (
        "The State Police Command wishes to inform the public that on 12 March 2012, armed bandits invaded a "
        "village near Gusau, Zamfara State, and abducted nine villagers."
    )
    assert [e.sub_event_type for e in events(text)] == ["Abduction/forced disappearance"]


def test_a_dateless_lead_is_the_operation_the_body_dates():
    text = (
        "AIR STRIKES NEUTRALISE 14 BANDITS IN ZAMFARA\n\n"
        "ABUJA — The Defence Headquarters says the Air Component has neutralised 14 bandits in air "
        "interdiction missions in Zamfara State.\n\n"
        "The Director said that on Tuesday 6 March 2012, following credible intelligence, the Air Component "
        "conducted air strikes on a hideout near Maru. Fourteen bandits were neutralised."
    )
    found = spotrep.extract(text)
    assert [(e.sub_event_type, str(e.event_date), e.fatalities) for e in found] == [
        ("Air/drone strike", "2012-03-06", 14)
    ]


def test_a_headline_s_district_town_is_the_body_s_place_in_that_district():
    text = (
        "RAB arrests three militants with explosives in Gazipur\n\n"
        "Dhaka, 14 March 2012: The Rapid Action Battalion arrested three suspected members of a banned group in "
        "a drive in Tongi, Gazipur, on Monday night."
    )
    found = spotrep.extract(text)
    assert [(e.sub_event_type, str(e.event_date)) for e in found] == [("Arrests", "2012-03-12")]


def test_a_date_closing_a_sentence_that_tells_no_event_dates_the_operation():
    text = (
        "BAGHDAD, Iraq (March 14, 2012) — Iraqi forces, supported by Coalition aircraft, conducted a clearance "
        "operation against remnants in the Wadi al-Shay area south of Kirkuk on March 11.\n\n"
        "During the operation, the forces came under fire from fighters hiding in caves. Seven fighters were "
        "killed."
    )
    found = spotrep.extract(text)
    assert found and {str(e.event_date) for e in found} == {"2012-03-11"}


@pytest.mark.parametrize(
    "text, country, not_name",
    [
        ("Terrorists attacked the FAMa on Monday.", "ML", "Fama"),
        # a village the gazetteer lacks, in a cercle named after its town (tagged a person)
        ("Terrorists attacked FAMa units near Sofara, Djenné circle, on Monday.", "ML", "Mali"),
        # a village the gazetteer lacks, with its country named: no namesake abroad (Bonn, Germany)
        ("Militants attacked Boni, Mali, on Monday, killing three soldiers.", "ML", "Bonn"),
        # a country's name is the country, not a prefecture abroad of that name (Mali, Guinea)
        ("Militants attacked Djenné, Mali, on Monday.", "ML", "Labe"),
    ],
)
def test_acronyms_and_countries_after_a_comma_keep_places_in_the_country(text, country, not_name):
    found = events(text)
    assert found and all(e.location.country == country for e in found), [e.location for e in found]
    assert all(e.location.name != not_name for e in found)


@pytest.mark.parametrize(
    "sentence, sub_event_type",
    [
        # an armed group aiming at forces attacks them
        (
            "Army units on patrol near Djenné were targeted by armed terrorist groups on Monday.",
            "Armed clash",
        ),
        ("Militants targeted a police checkpoint in Bannu on Monday.", "Armed clash"),
    ],
)
def test_an_armed_group_targeting_forces_attacks_them(sentence, sub_event_type):
    found = events(sentence)
    assert found and found[0].sub_event_type == sub_event_type


@pytest.mark.parametrize(
    "sentence",
    [
        "The campaign targeted young voters in Bannu on Monday.",
        "Police targeted drug dealers with new patrols in Bannu.",
    ],
)
def test_targeting_by_no_armed_group_is_no_attack(sentence):
    assert events(sentence) == []


def test_captives_freed_from_a_base_were_held_before_the_report():
    text = (
        "PEMBA, 14 March 2012 – Government forces attacked an insurgent base near Mocímboa da Praia, Cabo "
        "Delgado province, on Monday, killing six insurgents. The forces freed four women and two children who "
        "had been held captive at the base."
    )
    assert "Abduction/forced disappearance" not in [e.sub_event_type for e in events(text)]


def test_a_headline_naming_deaths_then_detentions_leads_with_the_deaths():
    text = (
        "Two gunmen killed during counterterrorism activity in Nablus; four suspects apprehended\n\n"
        "JERUSALEM, March 14, 2012 — Security forces operated early this morning in Nablus. During the activity, "
        "gunmen opened fire at the forces, who responded with live fire. Two gunmen were killed.\n\n"
        "Four wanted suspects were apprehended."
    )
    found = events(text)
    assert found[0].fatalities == 2 and found[0].sub_event_type != "Arrests"


@pytest.mark.parametrize(
    "sentence, killed",
    [
        ("Two members of the Defence and Security Forces lost their lives and three were wounded.", 2),
        (
            "Constable Ravi Kumar of the state police sustained gunshot injuries and died on the way to hospital.",
            1,
        ),
        ("Two CPI (Maoist) cadres were killed in an exchange of fire with the police.", 2),
    ],
)
def test_the_dead_named_by_their_force_or_by_their_wounds_first(sentence, killed):
    assert find_casualties(sentence).fatalities == killed


def test_the_dead_of_a_state_force_named_in_capitals_are_the_forces_dead():
    from spotrep.numbers.sides import dead_side

    assert dead_side("two members of the Defence and Security Forces lost their lives") == "forces"
    assert dead_side("five members of the Rapid Support Forces were killed") == "Rapid Support Forces"


def test_a_village_known_only_abroad_is_placed_in_the_district_the_text_names():
    text = (
        "Ranchi, 14 March 2012: Two Maoists were killed in an encounter with security forces in the forests near "
        "Khukhra in Giridih district on Monday."
    )
    found = events(text)
    assert found and found[0].location.country == "IN" and found[0].location.name == "Giridih"


def test_a_helicopter_raid_is_fought_on_the_ground_and_counts_those_named_with_others():
    text = (
        "TAMPA, Fla. (March 14, 2012) — U.S. forces conducted a helicopter raid in Deir ez-Zor province today, "
        "killing an ISIS Syria Province official known as Abu Umar al-Shami and two other ISIS members."
    )
    found = events(text)
    assert [(e.sub_event_type, e.fatalities) for e in found] == [("Armed clash", 3)]


def test_an_earlier_strike_a_relative_clause_tells_keeps_its_own_day():
    text = (
        "TAMPA, Fla. (March 14, 2012) — U.S. forces conducted a raid in Deir ez-Zor province today, killing an "
        "ISIS official.\n\nToday's operation follows a March 5 strike in the same province in which two ISIS "
        "facilitators were killed."
    )
    found = spotrep.extract(text)
    assert [(str(e.event_date), e.fatalities) for e in found] == [("2012-03-14", 1), ("2012-03-05", 2)]


def test_a_headline_leads_with_what_it_tells_not_with_the_earlier_attack_it_names():
    text = (
        "Suspect in Hawara attack apprehended in Nablus\n\n"
        "JERUSALEM, March 14, 2012 — Security forces apprehended a suspect in Nablus overnight. The suspect is "
        "accused of carrying out the shooting attack in Hawara on March 6, in which two civilians were injured."
    )
    assert events(text)[0].sub_event_type == "Arrests"


def test_the_dead_a_sentence_of_detentions_tells_died_in_the_fight_before():
    text = (
        "MEXICO CITY, March 14, 2012 – Army personnel patrolling in the municipality of Reynosa, Tamaulipas, were "
        "attacked last night by armed civilians.\n\nThe military personnel repelled the aggression. Five of the "
        "gunmen lost their lives at the scene and two were detained."
    )
    found = events(text)
    assert (found[0].sub_event_type, found[0].fatalities) == ("Armed clash", 5)
    assert all(not e.fatalities for e in found if e.sub_event_type == "Arrests")


@pytest.mark.parametrize(
    "headline, sub_event_type",
    [
        ("Security Cabinet announces capture of cartel regional leader", "Arrests"),
        ("Army announces the capture of two Taliban commanders in Helmand", "Arrests"),
        ("Russia claims capture of Krasnohorivka", "Non-state actor overtakes territory"),
    ],
)
def test_the_capture_of_a_person_is_an_arrest_of_a_place_ground_taken(headline, sub_event_type):
    found = events(headline)
    assert found and found[0].sub_event_type == sub_event_type


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # the dead of the other side told in a clause beside the fight, by no trigger word of its own
        (
            "Troops on Tuesday neutralised 12 terrorists in Gwoza LGA of Borno State, while one soldier paid the "
            "supreme price.",
            13,
        ),
        ("Troops killed 12 terrorists in Gwoza, Borno State, on Tuesday, while one soldier died.", 13),
        ("Troops killed 12 terrorists in Gwoza, Borno State, on Tuesday, and one soldier lost his life.", 13),
        # the outcome told in a relative clause
        (
            "Forces exchanged fire with gunmen near Sheikh Zuweid, North Sinai, on Saturday, which resulted in the "
            "killing of 8 gunmen. During the exchange of fire, an officer and two conscripts were martyred.",
            11,
        ),
        # a soldier wounded who then died, with his rank and name
        (
            "PKK terrorists opened harassment fire on a base in the Çukurca district of Hakkari yesterday evening. "
            "Specialist Sergeant Ali Kaya was heavily wounded and, despite all medical interventions, was "
            "martyred at the hospital.",
            1,
        ),
        # the toll told by nouns in the next paragraph
        (
            "A military vehicle struck a landmine in the Jebel Chaambi area, Kasserine Governorate, this morning."
            "\n\nThe explosion resulted in the death of a soldier and the injury of three others.",
            1,
        ),
        # a bomb in capitals, as releases spell it
        (
            "A police vehicle ran over an Improvised Explosive Device in Mandera East, Mandera County, this "
            "morning. Four (4) officers lost their lives on the spot.",
            4,
        ),
    ],
)
def test_the_toll_of_the_lead_operation_counts_every_side_told(text, killed):
    found = spotrep.extract(text, published=date(2022, 7, 12))
    assert found, text
    assert found[0].fatalities == killed


def test_an_incident_told_with_meanwhile_is_not_the_lead_s():
    text = (
        "PKK terrorists attacked a base in the Çukurca district of Hakkari yesterday evening; a sergeant was "
        "martyred.\n\nMeanwhile, 4 terrorists who were preparing for an attack were neutralised by commandos."
    )
    found = spotrep.extract(text, published=date(2022, 7, 12))
    assert found[0].fatalities == 1
    assert any(e.fatalities == 4 for e in found[1:])


def test_dead_of_another_day_told_in_a_relative_clause_are_not_the_lead_s():
    text = (
        "At 07.40 hrs today, three rangers were injured by a bomb in Rueso district, Narathiwat province.\n\n"
        "Authorities believe the attack was carried out by the group responsible for the shooting on 5 January "
        "in Bacho district that killed two village defence volunteers."
    )
    found = spotrep.extract(text, published=date(2012, 1, 12))
    assert found[0].event_date == date(2012, 1, 12)
    assert not found[0].fatalities


@pytest.mark.parametrize(
    "text",
    [
        "Police stormed a hideout of kidnappers in Doguwa, Kano State, on Monday and arrested seven suspects.",
        "Operatives stormed a hideout of a notorious kidnapping syndicate in Falgore Forest, Doguwa Local "
        "Government Area of Kano State, on Monday. The team succeeded in arresting seven (7) suspects.",
        "A detachment of the army intercepted and apprehended 23 individuals in Tamanrasset on Tuesday.",
    ],
)
def test_a_raid_or_a_stop_that_meets_no_resistance_and_detains_is_an_arrest(text):
    found = spotrep.extract(text, published=date(2020, 1, 16))
    assert found[0].sub_event_type == "Arrests"
    assert "Abduction/forced disappearance" not in {e.sub_event_type for e in found}


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        ("Troops raided a militant hideout in Gwoza, Borno State, killing five terrorists.", "Armed clash"),
        ("Air defence intercepted 17 drones over Kyiv region overnight.", "Disrupted weapons use"),
    ],
)
def test_a_raid_that_fought_and_drones_intercepted_stay_what_they_were(text, sub_event_type):
    found = spotrep.extract(text, published=date(2020, 1, 16))
    assert found[0].sub_event_type == sub_event_type


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # a date line with its time after a bar, and dates in figures after a label
        ("POLICE SPOKESPERSON\n14 March 2016 | 17:55\n\nA man was stabbed near the market this afternoon.",
         date(2016, 3, 14)),
        ("Press statement\nDate: 09/11/2019\n\nGunmen killed two traders in Kano yesterday.", date(2019, 11, 8)),
        ("Press statement\n25.06.2020\n\nGunmen killed two traders in Kano yesterday.", date(2020, 6, 24)),
        # a communiqué telling its incident after "that", its date first
        ("The Ministry informs the public that on Thursday 15 September 2016, at about 5 a.m., a group of "
         "terrorists attempted to infiltrate Kolofata.\n\nSoldiers engaged the assailants, killing six of them.",
         date(2016, 9, 15)),
    ],
)  # fmt: skip
def test_a_release_dated_by_a_line_of_its_own_or_by_its_communique_s_opening(text, day):
    found = spotrep.extract(text)
    assert found and found[0].event_date == day, [(e.sub_event_type, e.event_date) for e in found]


def test_the_attacker_shot_dead_and_the_victim_who_died_later_are_two_dead():
    text = (
        "This afternoon, a terrorist armed with a knife stabbed a 63-year-old man near the Damascus Gate in "
        "Jerusalem. Officers stationed nearby shot the terrorist, who was killed at the scene. Paramedics treated "
        "the victim, who was evacuated to hospital in critical condition, where he later succumbed to his wounds."
    )
    found = spotrep.extract(text, published=date(2016, 3, 14))
    assert found[0].fatalities == 2


def test_attackers_captured_after_a_fight_are_detained_not_ground_taken():
    text = (
        "Soldiers engaged the assailants near Kolofata on Thursday. Six terrorists were killed and two others "
        "captured."
    )
    found = spotrep.extract(text, published=date(2016, 9, 17))
    kinds = [e.sub_event_type for e in found]
    assert "Arrests" in kinds and "Non-state actor overtakes territory" not in kinds


def test_forces_deployed_to_the_fight_they_fought_are_no_deployment():
    text = (
        "Elements of the Rapid Intervention Battalion deployed in the sector immediately engaged the assailants "
        "near Kolofata on Thursday, killing six of them."
    )
    found = spotrep.extract(text, published=date(2016, 9, 17))
    assert [e.sub_event_type for e in found] == ["Armed clash"]


def test_the_body_s_fuller_toll_of_the_headline_s_clash_stands():
    text = (
        "Law enforcement forces clash with terrorist group in Busra al-Harir, seven terrorists killed\n\n"
        "Law enforcement forces today clashed with an armed terrorist group in the town of Busra al-Harir in "
        "Daraa countryside, killing seven terrorists.\n\nThe source added that a member of the law enforcement "
        "forces was martyred and three others were injured during the clash."
    )
    found = spotrep.extract(text, published=date(2012, 4, 19))
    assert found[0].fatalities == 8
    assert found[0].location is not None and found[0].location.admin1_code == "SY-DR"


def test_the_country_infiltrators_came_from_is_not_where_they_were_met():
    text = (
        "A military source said that at dawn on Saturday, the Eastern Military Zone foiled an attempt to infiltrate "
        "and smuggle narcotics from Syrian territory into the Kingdom, in the Ruwaished area. Three smugglers "
        "were killed."
    )
    found = spotrep.extract(text, published=date(2022, 2, 27))
    assert found[0].location is not None and found[0].location.country == "JO"


@pytest.mark.parametrize(
    ("text", "sub_event_type", "killed"),
    [
        # what a reaction "made it possible" to do was done (francophone communiqués in English)
        (
            "On Sunday, soldiers on patrol near Kumbo fell into an ambush. The vigorous reaction of our forces made "
            "it possible to neutralise five of the assailants and to capture one other.",
            "Armed clash",
            5,
        ),
        # armies' words for meeting the enemy
        (
            "On Sunday, the joint forces came into contact with insurgents near Awasse, Cabo Delgado. Eleven "
            "insurgents were killed in the fighting.",
            "Armed clash",
            11,
        ),
        # fire toward armed men is a fight
        (
            "On Sunday, an IDF force fired toward three armed terrorists near the fence. The three were killed.",
            "Armed clash",
            3,
        ),
        # shot fatally: killed
        (
            "One man was fatally shot during a confrontation with the police in Spanish Town on Tuesday.",
            None,
            1,
        ),
    ],
)
def test_communiques_idioms_of_fighting_and_killing(text, sub_event_type, killed):
    found = spotrep.extract(text, published=date(2019, 5, 14))
    assert found, text
    if sub_event_type:
        assert found[0].sub_event_type == sub_event_type
    assert found[0].fatalities == killed


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        # weapons carried are no weapons used
        (
            "Three terrorists armed with rifles and hand grenades were killed by troops near the fence on Sunday.",
            {"Armed clash"},
        ),
        # carried out: done
        (
            "Coalition aircraft carried out 6 airstrikes on Houthi positions around Al Hazm on Sunday.",
            {"Air/drone strike"},
        ),
        # one other of the people told before, captured: detained, no ground taken
        (
            "Troops neutralised five assailants and captured one other near Kumbo on Sunday.",
            {"Armed clash", "Arrests"},
        ),
    ],
)
def test_weapons_carried_are_no_event_and_one_other_captured_is_detained(text, kinds):
    found = spotrep.extract(text, published=date(2019, 5, 14))
    assert {e.sub_event_type for e in found} == kinds


def test_a_dateline_with_three_qualifiers_dates_the_release():
    from spotrep.wire import read_dateline

    text = (
        "CAMP ZZYX, Awang, Datu Odin Sinsuat, Maguindanao – (August 6, 2015) – Two soldiers were wounded in a "
        "firefight with gunmen in Datu Saudi Ampatuan, Maguindanao on Wednesday."
    )
    dateline = read_dateline(text)
    assert dateline is not None and dateline.day == date(2015, 8, 6)
    found = spotrep.extract(text)
    assert found and found[0].event_date == date(2015, 8, 5)


def test_a_lead_s_undated_arrest_is_the_body_s_dated_one():
    text = (
        "Harare, 9 March 2021\n\nThe Police confirms the arrest of four suspects in connection with a spate of "
        "armed robbery cases in Harare. The suspects were arrested on 7 March 2021 at a house in Zzyxville, "
        "Harare, by detectives acting on a tip-off."
    )
    found = spotrep.extract(text)
    arrests = [e for e in found if e.sub_event_type == "Arrests"]
    assert [e.event_date for e in arrests] == [date(2021, 3, 7)]


def test_an_issuer_s_name_in_capitals_before_the_dateline_is_no_dateline():
    from spotrep.wire import read_dateline

    text = (
        "COMBINED JOINT TASK FORCE – OPERATION INHERENT RESOLVE\nPRESS RELEASE\n\nBAGHDAD, Iraq – (Sept. 3, "
        "2021) – Partner forces detained four suspected Daesh members near Al-Shaddadi in Hasakah province, "
        "Syria, Sept. 1."
    )
    dateline = read_dateline(text)
    assert dateline is not None and (dateline.place, dateline.day) == ("Baghdad", date(2021, 9, 3))
    found = spotrep.extract(text)
    assert found[0].event_date == date(2021, 9, 1)
    assert found[0].location is not None and found[0].location.admin1_code == "SY-HA"
