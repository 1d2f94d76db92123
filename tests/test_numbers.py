"""Numbers, counted quantities and casualty figures (spotrep.numbers)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from spotrep.numbers import (
    Casualties,
    QuantityMention,
    find_casualties,
    find_quantities,
    parse_number,
    vague_count,
)

PARSE_TABLE: list[tuple[str, int | None]] = [
    ("17", 17),
    ("11", 11),
    ("0", 0),
    ("30,000", 30_000),
    ("1,234,567", 1_234_567),
    ("1 000", 1_000),
    ("10\u00a0000", 10_000),
    ("1.5 million", 1_500_000),
    ("2.5m", 2_500_000),
    ("3bn", 3_000_000_000),
    ("10k", 10_000),
    ("30 thousand", 30_000),
    ("2 million", 2_000_000),
    ("three", 3),
    ("Three", 3),
    ("eleven", 11),
    ("twenty-five", 25),
    ("twenty five", 25),
    ("forty", 40),
    ("one hundred and twenty", 120),
    ("one hundred twenty", 120),
    ("a hundred", 100),
    ("two hundred", 200),
    ("two thousand", 2_000),
    ("a thousand", 1_000),
    ("a dozen", 12),
    ("two dozen", 24),
    ("half a dozen", 6),
    ("ten thousand", 10_000),
    ("three hundred thousand", 300_000),
    ("fifty-five thousand six hundred and one", 55_601),
    ("one million two hundred thousand", 1_200_000),
    ("a million", 1_000_000),
    ("zero", 0),
    ("dozens", None),
    ("several", None),
    ("many", None),
    ("1.5", None),
    ("7.5", None),
    ("two three", None),
    ("hundred", None),
    ("thousand two", None),
    ("and", None),
    ("a", None),
    ("", None),
    ("F-16", None),
    ("drones", None),
    ("twenty twenty", None),
    ("one and two", None),
]


@pytest.mark.parametrize(("text", "value"), PARSE_TABLE)
def test_parse_number_reads_digits_and_words(text: str, value: int | None) -> None:
    assert parse_number(text) == value


VAGUE_TABLE: list[tuple[str, tuple[int, str] | None]] = [
    ("dozens", (24, "at_least")),
    ("Dozens of", (24, "at_least")),
    ("scores", (40, "at_least")),
    ("hundreds", (200, "at_least")),
    ("thousands", (2_000, "at_least")),
    ("tens of thousands", (20_000, "at_least")),
    ("hundreds of thousands", (200_000, "at_least")),
    ("several", (3, "at_least")),
    ("a few", (2, "at_least")),
    ("several hundred", (300, "at_least")),
    ("a few dozen", (24, "at_least")),
    ("a couple of", (2, "approximately")),
    ("a number of", None),
    ("many", None),
    ("numerous", None),
    ("17", None),
]


@pytest.mark.parametrize(("text", "expected"), VAGUE_TABLE)
def test_vague_count_gives_a_documented_lower_bound(text: str, expected: tuple[int, str] | None) -> None:
    assert vague_count(text) == expected


# (sentence, [(mention text, count, unit, qualifier), ...])
QUANTITY_TABLE: list[tuple[str, list[tuple[str, int, str, str]]]] = [
    ("Air defences shot down 17 drones overnight.", [("17 drones", 17, "drone", "exact")]),
    (
        "Ukraine fired 10 ATACMS missiles at the airfield.",
        [("10 ATACMS missiles", 10, "ATACMS missile", "exact")],
    ),
    (
        "More than 30,000 Russian forces massed near the border.",
        [("More than 30,000 Russian forces", 30_000, "force", "at_least")],
    ),
    ("The strikes closed two airports in the west.", [("two airports", 2, "airport", "exact")]),
    ("Police seized seven illegal firearms.", [("seven illegal firearms", 7, "firearm", "exact")]),
    ("They found 108 assorted rounds of ammunition.", [("108 assorted rounds", 108, "round", "exact")]),
    (
        "The destroyers launched 59 Tomahawk cruise missiles.",
        [("59 Tomahawk cruise missiles", 59, "Tomahawk cruise missile", "exact")],
    ),
    ("Russia launched 47 Shahed drones.", [("47 Shahed drones", 47, "Shahed drone", "exact")]),
    ("It received 12 HIMARS from the US.", [("12 HIMARS", 12, "HIMARS", "exact")]),
    ("About 200 people gathered.", [("About 200 people", 200, "person", "approximately")]),
    ("Up to 5,000 soldiers took part.", [("Up to 5,000 soldiers", 5_000, "soldier", "at_most")]),
    ("Some 1,500 civilians were evacuated.", [("Some 1,500 civilians", 1_500, "civilian", "approximately")]),
    ("Nearly 40 tanks were lost.", [("Nearly 40 tanks", 40, "tank", "approximately")]),
    ("At least 12 buildings were damaged.", [("At least 12 buildings", 12, "building", "at_least")]),
    ("Fewer than 100 fighters remain.", [("Fewer than 100 fighters", 100, "fighter", "at_most")]),
    ("As many as 300 vehicles were seen.", [("As many as 300 vehicles", 300, "vehicle", "at_most")]),
    ("An estimated 2,000 troops arrived.", [("An estimated 2,000 troops", 2_000, "troop", "approximately")]),
    ("Roughly 60 shells fell on the town.", [("Roughly 60 shells", 60, "shell", "approximately")]),
    ("Upwards of 500 prisoners were exchanged.", [("Upwards of 500 prisoners", 500, "prisoner", "at_least")]),
    ("The army deployed 30,000+ troops.", [("30,000+ troops", 30_000, "troop", "at_least")]),
    ("Over 1,000 residents fled.", [("Over 1,000 residents", 1_000, "resident", "at_least")]),
    ("Dozens of drones were launched.", [("Dozens of drones", 24, "drone", "at_least")]),
    ("Hundreds of troops crossed the river.", [("Hundreds of troops", 200, "troop", "at_least")]),
    ("Several villages were shelled.", [("Several villages", 3, "village", "at_least")]),
    (
        "Between 20 and 30 Shahed drones were involved.",
        [("Between 20 and 30 Shahed drones", 20, "Shahed drone", "at_least")],
    ),
    ("Russia fired 10-15 missiles.", [("10-15 missiles", 10, "missile", "at_least")]),
    ("1.5 million people fled the region.", [("1.5 million people", 1_500_000, "person", "exact")]),
    ("Twenty-five soldiers were captured.", [("Twenty-five soldiers", 25, "soldier", "exact")]),
    (
        "One hundred and twenty detainees were freed.",
        [("One hundred and twenty detainees", 120, "detainee", "exact")],
    ),
    ("A dozen armoured vehicles advanced.", [("A dozen armoured vehicles", 12, "armoured vehicle", "exact")]),
    ("Three F-16 jets arrived.", [("Three F-16 jets", 3, "F-16 jet", "exact")]),
    (
        "Russia launched 3 Kh-101 cruise missiles.",
        [("3 Kh-101 cruise missiles", 3, "Kh-101 cruise missile", "exact")],
    ),
    ("The unit destroyed 14 Russian tanks.", [("14 Russian tanks", 14, "tank", "exact")]),
    (
        "Officials counted 6 civilians, including 2 women.",
        [("6 civilians", 6, "civilian", "exact"), ("2 women", 2, "woman", "exact")],
    ),
    (
        "Two children and three men were rescued.",
        [("Two children", 2, "child", "exact"), ("three men", 3, "man", "exact")],
    ),
    ("Police arrested 14 suspects.", [("14 suspects", 14, "suspect", "exact")]),
    ("They seized 2 AK-47 rifles.", [("2 AK-47 rifles", 2, "AK-47 rifle", "exact")]),
    ("One drone was downed.", [("One drone", 1, "drone", "exact")]),
    ("Seventeen of the drones were shot down.", [("Seventeen of the drones", 17, "drone", "exact")]),
    (
        "The convoy had 40 trucks and 12 buses.",
        [("40 trucks", 40, "truck", "exact"), ("12 buses", 12, "bus", "exact")],
    ),
    ("Israel intercepted 99 percent of 300 projectiles.", [("300 projectiles", 300, "projectile", "exact")]),
    ("The bombers dropped 20 glide bombs.", [("20 glide bombs", 20, "glide bomb", "exact")]),
    ("Ukraine received 31 Abrams tanks.", [("31 Abrams tanks", 31, "Abrams tank", "exact")]),
    ("Sappers cleared 150 anti-tank mines.", [("150 anti-tank mines", 150, "anti-tank mine", "exact")]),
    (
        "They found 5 improvised explosive devices.",
        [("5 improvised explosive devices", 5, "improvised explosive device", "exact")],
    ),
    ("Militants planted 4 IEDs.", [("4 IEDs", 4, "IED", "exact")]),
    ("The strike hit 9 warehouses.", [("9 warehouses", 9, "warehouse", "exact")]),
    (
        "Two Bradley fighting vehicles were destroyed.",
        [("Two Bradley fighting vehicles", 2, "Bradley fighting vehicle", "exact")],
    ),
    ("More than a dozen casualties arrived.", [("More than a dozen casualties", 12, "casualty", "at_least")]),
    ("Scores of protesters were detained.", [("Scores of protesters", 40, "protester", "at_least")]),
    (
        "Air defences shot down 29 of 31 Shahed drones.",
        [("29", 29, "Shahed drone", "exact"), ("31 Shahed drones", 31, "Shahed drone", "exact")],
    ),
    (
        "At least 20 of the 30 missiles were intercepted.",
        [("At least 20", 20, "missile", "at_least"), ("30 missiles", 30, "missile", "exact")],
    ),
    ("Russia has lost 493,100 personnel.", [("493,100 personnel", 493_100, "personnel", "exact")]),
    (
        "Some 4,000 Wagner fighters were deployed.",
        [("Some 4,000 Wagner fighters", 4_000, "Wagner fighter", "approximately")],
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), QUANTITY_TABLE)
def test_find_quantities_reads_count_unit_and_qualifier(
    sentence: str, expected: list[tuple[str, int, str, str]]
) -> None:
    found = [(q.text, q.count, q.unit, q.qualifier) for q in find_quantities(sentence)]
    assert found == expected


NOT_QUANTITIES = [
    "The town lies 30 kilometres from the front.",
    "Moscow is 1,000 km away.",
    "The missile flew 620 miles.",
    "A 7.5 magnitude earthquake struck.",
    "Fighting went on for 24 hours.",
    "The attack on 15 May was the worst.",
    "In 2024 the war entered its third year.",
    "A 28-year-old woman was hurt.",
    "A man aged 20 was detained.",
    "Turnout was 40% in the city.",
    "Turnout was 40 per cent.",
    "The US pledged $500,000 in aid.",
    "The package is worth $1 billion.",
    "It has a population of 20,000 people.",
    "It is the second-largest city.",
    "They marched in the 77 th Great March.",
    "An F-16 and an Su-34 collided.",
    "The S-300 and Kh-101 are Russian systems.",
    "The crash closed route 15.",
    "Police sealed off the 7600 block.",
    "The strike began at 5 p.m.",
    "It was a seven-year-old insurgency.",
    "She has a two-week-old son.",
    "The 47th Brigade attacked.",
    "They fired 155-mm shells.",
    "The blast was 3 times louder.",
    "Article 15 forbids it.",
    "Hryvnia fell 2.5 percent.",
    "It cost 500 million dollars.",
    "The 2022 invasion changed everything.",
]


@pytest.mark.parametrize("sentence", NOT_QUANTITIES)
def test_measures_times_money_ages_and_names_are_not_quantities(sentence: str) -> None:
    assert find_quantities(sentence) == []


# (sentence, fatalities, injuries, killed_or_wounded, qualifier_fatalities, qualifier_injuries)
CASUALTY_TABLE: list[tuple[str, int | None, int | None, int | None, str, str]] = [
    ("Three civilians had been killed in the shelling.", 3, None, None, "exact", "exact"),
    ("A Russian drone had wounded two policemen in Kherson.", None, 2, None, "exact", "exact"),
    ("The strike hit a bus, killing 6 civilians, including 2 women.", 6, None, None, "exact", "exact"),
    ("At least 38 people were killed.", 38, None, None, "at_least", "exact"),
    ("The army killed at least 40 civilians.", 40, None, None, "at_least", "exact"),
    ("The attack left at least two dead and 20 others injured.", 2, 20, None, "at_least", "exact"),
    ("One killed, four injured in Kharkiv strike.", 1, 4, None, "exact", "exact"),
    ("The blast left one baby dead.", 1, None, None, "exact", "exact"),
    ("The death toll rose to 12.", 12, None, None, "exact", "exact"),
    ("The death toll from Saturday's strike has risen to at least 21.", 21, None, None, "at_least", "exact"),
    ("12 dead after missile strike on Odesa", 12, None, None, "exact", "exact"),
    ("Rescuers recovered the bodies of five soldiers.", 5, None, None, "exact", "exact"),
    ("Shelling killed or wounded at least 26 civilians.", None, None, 26, "exact", "exact"),
    ("Twenty people were killed or injured in the blast.", None, None, 20, "exact", "exact"),
    ("The brigade suffered 40 casualties.", None, None, 40, "exact", "exact"),
    ("A civilian was killed and three others were wounded.", 1, 3, None, "exact", "exact"),
    ("Two people died.", 2, None, None, "exact", "exact"),
    ("Two men later succumbed to their injuries.", 2, None, None, "exact", "exact"),
    ("A woman was seriously injured.", None, 1, None, "exact", "exact"),
    ("Five people were hurt.", None, 5, None, "exact", "exact"),
    ("The army reported casualties.", None, None, None, "exact", "exact"),
    ("A woman was killed.", 1, None, None, "exact", "exact"),
    ("The bomber detonated his vest, killing himself.", 1, None, None, "exact", "exact"),
    ("The bomber blew himself up at the checkpoint.", 1, None, None, "exact", "exact"),
    ("The shell hit a house, killing a woman and her two children.", 3, None, None, "exact", "exact"),
    ("Troops killed 18 suspected militants.", 18, None, None, "exact", "exact"),
    ("Dozens injured in Dnipro.", None, 24, None, "exact", "at_least"),
    ("There were no casualties.", 0, 0, None, "exact", "exact"),
    ("No one was hurt.", 0, 0, None, "exact", "exact"),
    ("The drone was shot down without casualties.", 0, 0, None, "exact", "exact"),
    ("No casualties were reported.", 0, 0, None, "exact", "exact"),
    ("Nobody was injured in the attack.", None, 0, None, "exact", "exact"),
    ("No one was killed but seven people were injured.", 0, 7, None, "exact", "exact"),
    ("The strike killed 2 and wounded 3.", 2, 3, None, "exact", "exact"),
    ("Two were killed in the strike and another died in hospital.", 3, None, None, "exact", "exact"),
    ("A 55-year-old man is dead.", 1, None, None, "exact", "exact"),
    ("Six people, including two children, were killed.", 6, None, None, "exact", "exact"),
    ("Russian shelling killed a man in Kherson and injured his wife.", 1, 1, None, "exact", "exact"),
    ("17 drones killed two people.", 2, None, None, "exact", "exact"),
    ("Over the past 24 hours, 5 people were killed.", 5, None, None, "exact", "exact"),
    ("In 2 attacks, 5 people were killed.", 5, None, None, "exact", "exact"),
    ("Five people were injured, two of them seriously.", None, 5, None, "exact", "exact"),
    ("Ten people were wounded, one of whom later died in hospital.", 1, 10, None, "exact", "exact"),
    ("The missile strike killed three and wounded dozens.", 3, 24, None, "exact", "at_least"),
    ("Twenty-five soldiers were killed in action.", 25, None, None, "exact", "exact"),
    ("A man and a woman were killed.", 2, None, None, "exact", "exact"),
    ("One person was killed and 12 were wounded.", 1, 12, None, "exact", "exact"),
    ("Russian strike kills 3, injures 12 in Kharkiv", 3, 12, None, "exact", "exact"),
    ("The attack killed one person and injured three others.", 1, 3, None, "exact", "exact"),
    ("More than 100 people were injured.", None, 100, None, "exact", "at_least"),
    ("Around 50 people were wounded.", None, 50, None, "exact", "approximately"),
    ("Two soldiers were killed and a civilian was wounded.", 2, 1, None, "exact", "exact"),
    ("Gunmen shot dead four villagers.", 4, None, None, "exact", "exact"),
    ("Two men were shot dead at a checkpoint.", 2, None, None, "exact", "exact"),
    ("A soldier was fatally wounded.", 1, None, None, "exact", "exact"),
    (
        "Israeli strikes killed at least 35 Palestinians, raising the death toll to 35,173.",
        35_173,
        None,
        None,
        "exact",
        "exact",
    ),
    ("Three policemen sustained injuries.", None, 3, None, "exact", "exact"),
    ("Two civilians were killed and five wounded.", 2, 5, None, "exact", "exact"),
    ("The blast left 5 people dead and 12 injured.", 5, 12, None, "exact", "exact"),
    ("Two children were among the 9 people killed.", 9, None, None, "exact", "exact"),
    ("A teenager died of his wounds.", 1, None, None, "exact", "exact"),
    ("Seven servicemen lost their lives.", 7, None, None, "exact", "exact"),
    ("The shelling wounded a 70-year-old woman.", None, 1, None, "exact", "exact"),
    ("Three people, among them a child, were injured.", None, 3, None, "exact", "exact"),
    ("The strike claimed the lives of 11 people.", 11, None, None, "exact", "exact"),
    ("Russian forces fired 30 shells at Nikopol.", None, None, None, "exact", "exact"),
    ("Two were killed on 15 May.", 2, None, None, "exact", "exact"),
    ("The 28-year-old driver was killed.", 1, None, None, "exact", "exact"),
    ("Hundreds of people were injured.", None, 200, None, "exact", "at_least"),
    ("Two people were killed in 2022.", 2, None, None, "exact", "exact"),
    ("Killed: 4. Injured: 9.", None, None, None, "exact", "exact"),
    (
        "Since October 7, more than 35,000 Palestinians have been killed.",
        35_000,
        None,
        None,
        "at_least",
        "exact",
    ),
    ("The mine killed a tractor driver and injured his 12-year-old son.", 1, 1, None, "exact", "exact"),
    ("Four of the wounded are in serious condition.", None, None, None, "exact", "exact"),
    (
        "The death toll from Monday's strike on the hospital and other sites in Kyiv rose to 33.",
        33,
        None,
        None,
        "exact",
        "exact",
    ),
    ("A drone hit a minibus, injuring the driver and three passengers.", None, 4, None, "exact", "exact"),
    ("Police said a police officer was left dead and 5 others wounded.", 1, 5, None, "exact", "exact"),
    ("The number of injured has risen to 30.", None, 30, None, "exact", "exact"),
    ("There were no immediate reports of casualties.", 0, 0, None, "exact", "exact"),
    ("Israeli strikes killed 40 people overnight, including 12 children.", 40, None, None, "exact", "exact"),
    ("Russian troops executed three Ukrainian prisoners of war.", 3, None, None, "exact", "exact"),
    (
        "Twelve people were killed in the attack, and 3 more died in hospital.",
        15,
        None,
        None,
        "exact",
        "exact",
    ),
    ("The attack killed two people, one of them a child.", 2, None, None, "exact", "exact"),
    ("Ukraine's military said 12 Russian soldiers were killed.", 12, None, None, "exact", "exact"),
    ("The strike killed at least 14 and wounded 50.", 14, 50, None, "at_least", "exact"),
    ("Three people died and 12 were injured when the missile hit.", 3, 12, None, "exact", "exact"),
    ("An 80-year-old woman died after the attack.", 1, None, None, "exact", "exact"),
    ("Three civilians, a man and two women, were killed.", 3, None, None, "exact", "exact"),
    ("A man, a woman and a child were killed.", 3, None, None, "exact", "exact"),
    ("The Israeli military said it killed dozens of fighters.", 24, None, None, "at_least", "exact"),
    ("The 12 dead included three children.", 12, None, None, "exact", "exact"),
    ("A strike on Kharkiv killed a 9-year-old boy and his grandmother.", 2, None, None, "exact", "exact"),
    ("Five Ukrainian soldiers were captured.", None, None, None, "exact", "exact"),
    ("The strike injured 11 people, four of them critically.", None, 11, None, "exact", "exact"),
    ("The toll from the attack rose to 25 dead and 100 injured.", 25, 100, None, "exact", "exact"),
    ("A man was killed when a drone hit his car; his wife survived.", 1, None, None, "exact", "exact"),
    ("Three soldiers were killed in action and two went missing.", 3, None, None, "exact", "exact"),
    ("At least two people were killed and more than 10 injured.", 2, 10, None, "at_least", "at_least"),
    ("Two civilians and a soldier were wounded.", None, 3, None, "exact", "exact"),
    # taken to hospital with wounds: the wounded of war reporting's passive
    ("The 52-year-old driver was hospitalised.", None, 1, None, "exact", "exact"),
    ("Two women were taken to hospital with shrapnel wounds.", None, 2, None, "exact", "exact"),
    (
        "A teenager was rushed to the hospital with a mine-blast injury and burns.",
        None,
        1,
        None,
        "exact",
        "exact",
    ),
    ("A soldier had been admitted on Sunday with a concussion.", None, 1, None, "exact", "exact"),
    ("The weapons were taken to a depot with other equipment.", None, None, None, "exact", "exact"),
    ("The wounded were taken to hospital.", None, None, None, "exact", "exact"),
    # a person told before, as the object of the casualty verb
    ("A drone dropped a grenade on a farmer, killing him.", 1, None, None, "exact", "exact"),
    ("The shell hit her yard, wounding her and her grandson.", None, 2, None, "exact", "exact"),
    ("The strike wounded her husband.", None, 1, None, "exact", "exact"),
    ("Shelling hit their street, wounding them.", None, None, None, "exact", "exact"),
    # ACLED's coder's figure ("Fatalities coded as 10"): it supersedes what the reports counted
    ("Fatalities coded as 10.", 10, None, None, "exact", "exact"),
    ("The fatalities were coded as 3 for lack of a figure.", 3, None, None, "exact", "exact"),
    ("Two soldiers were killed; fatalities coded as 4.", 4, None, None, "exact", "exact"),
    # asides that say who the counted were are not more of them
    ("31 people, mostly women and children, were killed.", 31, None, None, "exact", "exact"),
    ("The shelling killed two men, both farmers, and wounded a boy.", 2, 1, None, "exact", "exact"),
    ("The driver, a 61-year-old man, was killed on the spot.", 1, None, None, "exact", "exact"),
    ("A woman, a man and a child were killed.", 3, None, None, "exact", "exact"),
    # Pakistan's army's words for a soldier killed
    ("During the exchange of fire, two soldiers embraced shahadat.", 2, None, None, "exact", "exact"),
    ("A sepoy embraced martyrdom while three others were injured.", 1, 3, None, "exact", "exact"),
    # a group named with a slash, a unit by its number, a relative clause between the dead and the verb
    ("Troops neutralised seven Boko Haram/ISWAP terrorists near Bama.", 7, None, None, "exact", "exact"),
    (
        "Three soldiers of the Army's 12th Battalion were killed in the ambush.",
        3,
        None,
        None,
        "exact",
        "exact",
    ),
    (
        "Four militants who had attacked the checkpoint in the night were killed by the guards.",
        4,
        None,
        None,
        "exact",
        "exact",
    ),
    (
        "Six terrorists who were hiding in a cave were neutralized in an air strike.",
        6,
        None,
        None,
        "exact",
        "exact",
    ),
    # killed "to death" by the means: mobs, knives, stones
    ("A crowd of villagers beat to death a man accused of theft.", 1, None, None, "exact", "exact"),
    ("Residents beat a suspected thief to death at the market.", 1, None, None, "exact", "exact"),
    ("Two women accused of witchcraft were stoned to death.", 2, None, None, "exact", "exact"),
    ("The gunmen hacked three farmers to death with machetes.", 3, None, None, "exact", "exact"),
    ("Police beat the protesters with batons.", None, None, None, "exact", "exact"),
    # the dead of both sides of a fight, counted once
    ("Officials said 15 fighters from both sides were killed.", 15, None, None, "exact", "exact"),
    ("Some 40 militants on each side were killed in the clashes.", 40, None, None, "approximately", "exact"),
    # a person named, and a count of others
    (
        "The strike killed Taliban commander Mullah Karim and two other insurgents.",
        3,
        None,
        None,
        "exact",
        "exact",
    ),
    ("Troops shot dead Abu Hamza and four others near the border.", 5, None, None, "exact", "exact"),
    # an abbreviation with full stops inside the counted phrase
    ("Two U.S. service members were killed in the operation.", 2, None, None, "exact", "exact"),
    ("Three U.N. peacekeepers were wounded near the base.", None, 3, None, "exact", "exact"),
    # soldiers named with their ranks
    (
        "Staff Sergeant John Miller was killed when his vehicle struck a mine.",
        1,
        None,
        None,
        "exact",
        "exact",
    ),
    (
        "Captain Asif Raza and Lance Naik Gul Khan, having fought bravely, embraced shahadat.",
        2,
        None,
        None,
        "exact",
        "exact",
    ),
    ("General Smith said two soldiers were wounded.", None, 2, None, "exact", "exact"),
    # who a named soldier was, in brackets, is no more dead; the idioms of Nigeria's and others' armies
    (
        "Havildar Karim Dad (age 35 years, resident of Chitral) and Sepoy Ali Raza (age 21 years, resident of "
        "Jhelum) embraced shahadat, while two soldiers got injured.",
        2,
        2,
        None,
        "exact",
        "exact",
    ),
    ("Sadly, three gallant troops paid the supreme price.", 3, None, None, "exact", "exact"),
    (
        "Lance Naik Asad Ali, age 28 years, resident of Swabi, and Sepoy Umar Farooq, age 20 years, resident of "
        "Chakwal, embraced shahadat.",
        2,
        None,
        None,
        "exact",
        "exact",
    ),
    # a group named after what it is, with its acronym
    (
        "Four members of the Bangsamoro Islamic Freedom Fighters (BIFF) were killed in the clash.",
        4,
        None,
        None,
        "exact",
        "exact",
    ),
    ("Three terrorists of the banned outfit Lashkar-e-Taiba were killed.", 3, None, None, "exact", "exact"),
    (
        "Troops neutralised nine Islamic State West Africa Province (ISWAP) terrorists near Marte.",
        9,
        None,
        None,
        "exact",
        "exact",
    ),
    # francophone armies' communiqués: "put out of action", "fell on the field of honour"
    ("Eleven terrorists were put out of action during the sweep.", 11, None, None, "exact", "exact"),
    ("One soldier fell on the field of honour.", 1, None, None, "exact", "exact"),
    ("The radar was put out of action by the strike.", None, None, None, "exact", "exact"),
    # "eliminated", "neutralising five of them": killed
    ("Four infiltrators were eliminated near the fence.", 4, None, None, "exact", "exact"),
    ("Troops engaged the gunmen, neutralising three of them.", 3, None, None, "exact", "exact"),
    # a person named with his role, and those killed with him
    (
        "Commandos killed senior ISIS emir Abu Bakr al-Zubaidi and three of his guards in the raid.",
        4,
        None,
        None,
        "exact",
        "exact",
    ),
    (
        "The force killed a Taliban shadow governor, Mullah Rahim Akhund, and one other insurgent.",
        2,
        None,
        None,
        "exact",
        "exact",
    ),
    (
        "The strike killed Hassan Ali Dhoore, a senior al-Shabaab leader wanted for attacks in Mogadishu, and one "
        "of his drivers.",
        2,
        None,
        None,
        "exact",
        "exact",
    ),
    ("One policeman made the ultimate sacrifice in the line of duty.", 1, None, None, "exact", "exact"),
    ("The company paid the ultimate price for its mistakes.", None, None, None, "exact", "exact"),
    # a soldier of a named unit; bombers who died in their own blast
    ("A soldier of the 12th Mechanised Brigade was killed on Sunday.", 1, None, None, "exact", "exact"),
    ("A member of the Civilian JTF was killed at the gate.", 1, None, None, "exact", "exact"),
    (
        "Two female suicide bombers blew themselves up at a mosque, killing a vigilante.",
        3,
        None,
        None,
        "exact",
        "exact",
    ),
    ("Three attackers blew themselves up near the barracks.", 3, None, None, "exact", "exact"),
    # an aside with no comma before it
    (
        "During the exchange of fire, six terrorists including a commander were killed.",
        6,
        None,
        None,
        "exact",
        "exact",
    ),
    # a long unit name before the people counted
    (
        "Two International Security Assistance Force service members died after a blast.",
        2,
        None,
        None,
        "exact",
        "exact",
    ),
    (
        "A U.S. Marine died of wounds sustained in a rocket attack on the base.",
        1,
        None,
        None,
        "exact",
        "exact",
    ),
    ("One KDF soldier lost his life and two others were injured.", 1, 2, None, "exact", "exact"),
    ("Three Afghan National Police officers were martyred in the attack.", 3, None, None, "exact", "exact"),
    ("Two Kenya Defence Forces soldiers were killed by a roadside bomb.", 2, None, None, "exact", "exact"),
    # one of the people of someone, and a side whose dead are not counted
    ("The commander and one of his bodyguards were killed.", 2, None, None, "exact", "exact"),
    ("A village elder and one of her sons were shot dead at a checkpoint.", 2, None, None, "exact", "exact"),
    ("Four policemen and an unknown number of attackers were killed.", 4, None, None, "exact", "exact"),
    ("An undetermined number of fighters were killed in the clash.", None, None, None, "exact", "exact"),
    # the people just told, counted again
    (
        "The gunmen seized the mayor, his wife and son, and later killed all three.",
        3,
        None,
        None,
        "exact",
        "exact",
    ),
    ("The blast killed all 12 passengers of the minibus.", 12, None, None, "exact", "exact"),
    ("The fighting went on all three days and left 4 dead.", 4, None, None, "exact", "exact"),
    # a person named by a long title
    (
        "A North Atlantic Treaty Organization service member died following an insurgent attack today.",
        1,
        None,
        None,
        "exact",
        "exact",
    ),
]


@pytest.mark.parametrize(("sentence", "fatalities", "injuries", "kow", "q_f", "q_i"), CASUALTY_TABLE)
def test_find_casualties_reads_killed_and_wounded(
    sentence: str, fatalities: int | None, injuries: int | None, kow: int | None, q_f: str, q_i: str
) -> None:
    c = find_casualties(sentence)
    assert (c.fatalities, c.injuries, c.killed_or_wounded) == (fatalities, injuries, kow)
    assert c.qualifier_fatalities == q_f
    assert c.qualifier_injuries == q_i


def test_casualty_spans_point_at_the_phrases_used() -> None:
    sentence = "A civilian was killed and three others were wounded."
    c = find_casualties(sentence)
    assert [sentence[s:e] for s, e in c.spans] == ["A civilian was killed", "three others were wounded"]


def test_casualty_spans_are_offsets_into_the_original_text_despite_asides_and_spacing() -> None:
    sentence = "Shelling  hit the town.  Six people,   including two children,  were   killed."
    c = find_casualties(sentence)
    assert c.fatalities == 6
    ((s, e),) = c.spans
    assert sentence[s:e] == "Six people,   including two children,  were   killed"


def test_one_another_is_not_a_quantity() -> None:
    assert find_quantities("They blamed one another.") == []


def test_nothing_said_gives_no_figures_and_no_spans() -> None:
    assert find_casualties("Russian forces advanced near Pokrovsk.") == Casualties(None, None, ())


def test_quantity_mentions_are_frozen_dataclasses() -> None:
    (q,) = find_quantities("Air defences shot down 17 drones.")
    assert isinstance(q, QuantityMention)
    with pytest.raises(AttributeError):
        q.count = 3  # type: ignore[misc]


# ----------------------------------------------------------------------------- properties

ONES = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def below_thousand(n: int, hyphen: bool, use_and: bool) -> str:
    hundreds, rest = divmod(n, 100)
    parts = []
    if hundreds:
        parts.append(f"{ONES[hundreds]} hundred")
    if rest:
        if rest < 20:
            words = ONES[rest]
        else:
            tens, ones = divmod(rest, 10)
            words = TENS[tens] + (("-" if hyphen else " ") + ONES[ones] if ones else "")
        if hundreds and use_and:
            parts.append("and")
        parts.append(words)
    return " ".join(parts)


def to_words(n: int, hyphen: bool, use_and: bool) -> str:
    if n == 0:
        return "zero"
    thousands, rest = divmod(n, 1000)
    parts = []
    if thousands:
        parts.append(below_thousand(thousands, hyphen, use_and) + " thousand")
    if rest:
        if thousands and use_and and rest < 100:
            parts.append("and")
        parts.append(below_thousand(rest, hyphen, use_and))
    return " ".join(parts)


@settings(max_examples=400)
@given(n=st.integers(0, 999_999), hyphen=st.booleans(), use_and=st.booleans(), upper=st.booleans())
def test_number_words_round_trip(n: int, hyphen: bool, use_and: bool, upper: bool) -> None:
    words = to_words(n, hyphen, use_and)
    if upper:
        words = words.capitalize()
    assert parse_number(words) == n, words


@given(n=st.integers(0, 10**12), style=st.sampled_from(["plain", "comma", "space", "nbsp"]))
def test_parse_number_of_a_formatted_integer_returns_it(n: int, style: str) -> None:
    text = {
        "plain": str(n),
        "comma": f"{n:,}",
        "space": f"{n:,}".replace(",", " "),
        "nbsp": f"{n:,}".replace(",", "\u00a0"),
    }[style]
    assert parse_number(text) == n


UNITS = [
    ("drones", "drone"), ("missiles", "missile"), ("soldiers", "soldier"), ("tanks", "tank"),
    ("Shahed drones", "Shahed drone"), ("armoured vehicles", "armoured vehicle"), ("people", "person"),
]  # fmt: skip


@given(n=st.integers(2, 10**7), unit=st.sampled_from(UNITS), comma=st.booleans())
def test_a_counted_noun_phrase_gives_its_count_and_unit(n: int, unit: tuple[str, str], comma: bool) -> None:
    number = f"{n:,}" if comma else str(n)
    sentence = f"Officials said {number} {unit[0]} were involved."
    (q,) = find_quantities(sentence)
    assert (q.count, q.unit, q.qualifier) == (n, unit[1], "exact")


SENTENCE_WORDS = [
    "17", "drones", "more than", "30,000", "Russian", "forces", "at least", "two", "killed", "wounded",
    "people", "were", "and", "a", "woman", "her", "children", "F-16", "route", "15", "May", "2024", "$500",
    "%", "km",
    "twenty-five", "one hundred and", "dozens of", "including", ",", ".", "the", "of", "bodies", "no one",
    "was", "hurt", "casualties", "up to", "aged", "28-year-old", "death toll", "rose to", "12", "1.5 million",
    "+", "-", "between", "HIMARS", "another", "died", "injured", "himself",
]  # fmt: skip


@settings(max_examples=300)
@given(words=st.lists(st.sampled_from(SENTENCE_WORDS), max_size=16))
def test_offsets_always_slice_to_the_mention_text(words: list[str]) -> None:
    text = " ".join(words)
    last = 0
    for q in find_quantities(text):
        assert text[q.start : q.end] == q.text
        assert q.start >= last
        last = q.end
        assert q.count >= 0 and q.unit
        assert q.qualifier in ("exact", "at_least", "at_most", "approximately")
    c = find_casualties(text)
    for s, e in c.spans:
        assert 0 <= s < e <= len(text)
    for value in (c.fatalities, c.injuries, c.killed_or_wounded):
        assert value is None or value >= 0


def test_a_pattern_gated_on_words_that_go_together_is_tried_only_when_all_are_there() -> None:
    # the cheap word test before a costly casualty pattern: one of the single words, or every group of a pair
    from spotrep.numbers import _Lazy

    rx = _Lazy(r"\w+", needs=("wounded", ("taken|rushed", "wound|burns")))
    assert rx.search("Two were wounded") is not None
    assert rx.search("She was taken to hospital with burns") is not None
    assert rx.search("She was taken to the station") is None  # a taking, no wound
    assert rx.search("Burns and wounds everywhere") is None  # wounds, no taking
    assert rx.search("TAKEN with WOUNDS") is not None  # the test ignores case, as the patterns do


@pytest.mark.parametrize(
    "phrase, side",
    [
        ("killing 11 ISIS terrorists", "Islamic State"),
        ("Four al-Shabaab militants were killed", "Al Shabaab"),
        ("19 insurgents were neutralised", "hostile"),
        ("two gallant soldiers paid the supreme price", "forces"),
        ("Naik Ahmed Ali (age 29 years, resident of Swat) embraced shahadat", "forces"),
        ("three police officers were killed", "forces"),
        ("five Afghan civilians were killed", "civilians"),
        ("12 people died", None),  # people of any side
        ("killing two soldiers and four civilians", None),  # several sides: no one side
        ("an assessment confirmed both men were killed", None),  # people told before, of whatever side
        ("the two soldiers died", None),
    ],
)
def test_the_side_of_the_dead_is_read_from_the_people_counted(phrase, side):
    from spotrep.numbers.sides import dead_side

    assert dead_side(phrase) == side


@pytest.mark.parametrize(
    "a, b, differ",
    [
        ("Islamic State", "forces", True),
        ("Islamic State", "SDF: Syrian Democratic Forces", True),
        ("hostile", "forces", True),
        ("hostile", "Islamic State", False),  # "the terrorists" may be the group named before
        ("forces", "forces", False),
        (None, "forces", False),
    ],
)
def test_only_two_sides_known_and_different_differ(a, b, differ):
    from spotrep.numbers.sides import different_sides

    assert different_sides(a, b) is differ


def test_the_phrases_of_the_dead_are_told_apart_from_those_of_the_wounded():
    text = "Four militants were killed and two soldiers were wounded."
    found = find_casualties(text)
    assert [text[a:b] for a, b in found.fatal_spans] == ["Four militants were killed"]
    assert len(found.spans) == 2


@pytest.mark.parametrize(
    "sentence, fatalities, injuries",
    [
        # the members of a group told by what it is, unnamed
        ("Three members of the armed group died in combat.", 3, None),
        ("Two members of a criminal gang were killed in the raid.", 2, None),
        ("Four members of the dissident structure died in the fighting.", 4, None),
        # a rank the armies of Latin America use in English
        ("Regrettably, Professional Soldier Carlos Ruiz Peña also lost his life.", 1, None),
        ("Patrolman Luis Ortega lost his life and another officer was wounded.", 1, 1),
        # a named person with others after "along with"
        (
            "Special forces raided a compound, killing a senior ISIS financier, Abu Omar al-Tikriti, along "
            "with two other armed ISIS operatives.",
            3,
            None,
        ),
        # "both": two (not two kinds of people)
        ("Both gunmen were shot dead by the guards.", 2, None),
        ("Both suicide bombers died when their car exploded at the gate.", 2, None),
        ("The blast killed both soldiers and civilians.", None, None),
        # how francophone communiqués say killed, active
        ("The counter-offensive put 23 terrorists out of action.", 23, None),
        ("The gendarmes put about fifteen assailants out of action near the border.", 15, None),
        # a wounded man who died where he was taken
        (
            "A policeman was shot and taken to the district hospital, where he succumbed to his wounds.",
            1,
            None,
        ),
        ("The village where he grew up was shelled.", None, None),
        # a plural is no singular person ("the other insurgents" are not one more)
        ("The force returned fire, killing the leader and the other insurgents.", 1, None),
    ],
)
def test_the_dead_of_releases_in_their_own_words(sentence, fatalities, injuries):
    found = find_casualties(sentence)
    assert (found.fatalities, found.injuries) == (fatalities, injuries)


@pytest.mark.parametrize(
    "text, side",
    [
        # "N of them", "one of whom": the people named before in the sentence
        ("The troops engaged the bandits with heavy fire, neutralising seven of them.", "hostile"),
        ("Police confronted the kidnappers, killing two of them.", "hostile"),
        ("Three soldiers were wounded, one of whom later died in hospital.", "forces"),
        ("Gunmen opened fire on the villagers, killing four of them.", "civilians"),
    ],
)
def test_the_dead_counted_among_people_told_before_are_of_their_side(text, side):
    from spotrep.numbers.sides import side_of_the_dead

    assert side_of_the_dead(text, find_casualties(text)) == side


@pytest.mark.parametrize(
    "sentence, fatalities, injuries",
    [
        # a person's age after the name is no count
        ("Constable John Okafor, 35, was killed when gunmen opened fire.", 1, None),
        ("During the exchange of fire, Sepoy Ali Khan, 24, embraced shahadat.", 1, None),
        ("Private Musa Bello (27) paid the supreme price.", 1, None),
        # names in any Latin script
        ("Sergeant Mehmet Yıldırım was martyred.", 1, None),
        # wounded, then dead: the dead
        ("Two soldiers were wounded and later died in hospital.", 2, None),
        (
            "Corporal Ahmet Demir was heavily wounded and, despite all medical interventions, was martyred.",
            1,
            None,
        ),
        ("A policeman was shot and later succumbed to his injuries.", 1, None),
        ("Three soldiers were wounded and two others died.", 2, 3),
        # the nouns of killing and wounding
        ("The clash resulted in the killing of 8 militants and the destruction of 3 vehicles.", 8, None),
        ("The attack resulted in the martyrdom of two soldiers and the wounding of four others.", 2, 4),
        ("The operation led to the neutralisation of 12 terrorists.", 12, None),
        # where the dead came from
        ("Two peacekeepers from the Chadian contingent were killed and four others seriously wounded.", 2, 4),
        ("Three soldiers from the 5th battalion were killed in the ambush.", 3, None),
        # people added to a list
        ("The blasts killed four civilians in addition to the two suicide bombers.", 6, None),
        ("The raid killed three militants as well as a soldier.", 4, None),
        # a number spelt out, then glossed in figures
        ("Troops repulsed the attackers, killing nine (9) of them.", 9, None),
        ("Four (4) officers lost their lives, while two (2) others sustained serious injuries.", 4, 2),
    ],
)
def test_the_dead_of_releases_told_with_ages_glosses_and_nouns(sentence, fatalities, injuries):
    found = find_casualties(sentence)
    assert (found.fatalities, found.injuries) == (fatalities, injuries)


@pytest.mark.parametrize(
    "phrase, side",
    [
        ("the killing of 8 takfiri elements", "hostile"),
        ("five khwarij were sent to hell", "hostile"),
        ("three miscreants were killed", "hostile"),
        ("an officer and two conscripts were martyred", "forces"),
    ],
)
def test_the_words_of_armies_for_their_enemies_name_a_hostile_side(phrase, side):
    from spotrep.numbers.sides import dead_side

    assert dead_side(phrase) == side


@pytest.mark.parametrize(
    "phrase, side",
    [
        # a state's forces in lower case
        ("a member of the law enforcement forces was martyred", "forces"),
        ("two security forces personnel were killed", "forces"),
        # both sides together are no one side
        ("the terrorists and security forces", None),
        # a pronoun or "who" stands for the person named before it
        ("Officers shot the gunman, who was killed at the scene.", "hostile"),
        ("Medics treated the victim, who was taken to hospital, where he later succumbed.", "civilians"),
    ],
)
def test_the_side_of_state_forces_in_lower_case_and_of_pronouns(phrase, side):
    from spotrep.numbers.sides import dead_side, side_of_the_dead

    found = find_casualties(phrase)
    got = side_of_the_dead(phrase, found) if found.fatalities else dead_side(phrase)
    assert got == side


@pytest.mark.parametrize(
    "sentence, fatalities",
    [
        # a range: the lowest figure, as ACLED records it
        ("Between 12 and 15 fatalities were reported.", 12),
        ("Between 12 and 15 people were killed in the clashes.", 12),
        ("Between three and four civilians died.", 3),
        ("12 to 15 people were killed.", 12),
        ("12-15 people were killed.", 12),
        # no range: one number, or two groups of people
        ("Twenty-five soldiers were killed in action.", 25),
        ("Gunmen killed 12 soldiers and 15 civilians.", 27),
    ],
)
def test_a_range_of_dead_counts_its_lowest_figure(sentence, fatalities):
    assert find_casualties(sentence).fatalities == fatalities
