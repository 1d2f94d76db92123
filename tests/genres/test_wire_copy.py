"""Genre table: wire-service copy (Reuters, AFP, AP) on the Russia-Ukraine war, 2014-2025.

Wire copy opens with a dateline ("KYIV, May 15 (Reuters) -", "DNIPRO, Ukraine (AP) —"), puts the event, its
place, its day ("on Wednesday") and its toll in the lead, attributes it ("officials said", "the regional governor
said"), then adds quotes, the other side's claim or denial, and background (earlier attacks, the front line, the
war's history). The dateline names where the reporter files from, not where the event happened. A headline names
the event shortly and often by the nearest well-known town ("village near Pokrovsk"). Background and quoted
denials are no new events; one incident told in several paragraphs is one event.

Two tables: leads (the first paragraph alone, as feeds carry it) and whole articles. Every text was written for
this table from the genre's conventions; none is copied from an evaluation set.
"""

from __future__ import annotations

import pytest

from ..conftest import requires_model
from .matching import (
    AIR,
    ATTACK,
    CLASH,
    INTERCEPT,
    OTHER,
    OVERTAKE,
    REGAIN,
    SHELL,
    Case,
    assert_row,
    case,
    quiet,
    want,
)

pytestmark = requires_model

LEADS = [
    case(
        "lead_glide_bombs_on_a_border_town_weekday",
        "KHARKIV, Ukraine, May 15 (Reuters) - Russian forces pounded the northeastern Ukrainian town of "
        "Vovchansk with glide bombs on Wednesday, killing two civilians, regional governor Oleh Syniehubov said.",
        "2024-05-15",
        want(AIR, "Vovchansk", "UA-63", "2024-05-15", fat=2, a1="RU"),
        max_events=1,
    ),
    case(
        "lead_missile_on_an_apartment_building",
        "DNIPRO, Ukraine (AP) — A Russian missile struck a nine-story apartment building in the southeastern "
        "Ukrainian city of Dnipro on Saturday, killing at least 12 people and wounding 64, officials said.",
        "2023-01-14",
        want(SHELL, "Dnipro", "UA-12", "2023-01-14", fat=12, inj=64, a1="RU"),
        max_events=1,
    ),
    case(
        "lead_drones_downed_mostly_over_a_region",
        "KYIV (AFP) - Ukraine said Tuesday its air defences had downed 36 of 40 drones launched by Russia "
        "overnight, most of them over the Kyiv region.",
        "2024-10-08",
        want(INTERCEPT, "Kyiv region", "UA-32", "2024-10-08", tol=1, a1="UA"),
        max_events=2,
    ),
    case(
        "lead_fighting_inside_russia_near_a_town",
        "MOSCOW, Aug 7 (Reuters) - Russian troops were fighting Ukrainian forces that had crossed into the Kursk "
        "region near the town of Sudzha for a second day on Wednesday, Russia's defence ministry said.",
        "2024-08-07",
        want(CLASH, "Sudzha", "RU-KRS", "2024-08-07"),
        max_events=1,
    ),
    case(
        "lead_ukrainian_shelling_of_a_russian_city",
        "BELGOROD, Russia (AP) — Ukrainian shelling killed two people in the Russian border city of Belgorod on "
        "Friday, the regional governor said.",
        "2024-03-22",
        want(SHELL, "Belgorod", "RU-BEL", "2024-03-22", fat=2, a1="UA"),
        max_events=1,
    ),
    case(
        "lead_guided_bomb_on_a_high_rise",
        "KHARKIV, Ukraine, Aug 30 (Reuters) - A Russian guided bomb hit a high-rise apartment block in "
        "Ukraine's second-largest city of Kharkiv on Friday, killing six people including a child, officials "
        "said.",
        "2024-08-30",
        want(AIR, "Kharkiv", "UA-63", "2024-08-30", fat=6, a1="RU"),
        max_events=1,
    ),
    case(
        "lead_military_says_it_recaptured_a_village",
        "KYIV, Aug 28 (Reuters) - Ukraine's military said on Monday it had recaptured the village of Robotyne in "
        "the southeastern Zaporizhzhia region, a small but symbolic gain in its counteroffensive.",
        "2023-08-28",
        want(REGAIN, "Robotyne", "UA-23", "2023-08-28", tol=1, a1="UA"),
        max_events=1,
    ),
    case(
        "lead_ministry_says_forces_captured_a_village",
        "MOSCOW, May 5 (Reuters) - Russia's defence ministry said on Sunday its forces had captured the village "
        "of Ocheretyne in eastern Ukraine's Donetsk region.",
        "2024-05-05",
        want(OVERTAKE, "Ocheretyne", "UA-14", "2024-05-05", tol=1, a1="RU"),
        max_events=1,
    ),
    case(
        "lead_airstrike_on_a_maternity_hospital_dateline_elsewhere",
        "LVIV, Ukraine (AP) — A Russian airstrike devastated a maternity hospital in the besieged port city of "
        "Mariupol on Wednesday, Ukrainian officials said, wounding at least 17 people.",
        "2022-03-09",
        want(AIR, "Mariupol", "UA-14", "2022-03-09", inj=17, a1="RU"),
        max_events=1,
    ),
    case(
        "lead_missile_strike_on_a_town_since_renamed",
        "KYIV, July 4 (Reuters) - A Russian missile strike on the town of Pervomaiskyi in Ukraine's Kharkiv "
        "region wounded 43 people, including 12 children, the regional governor said on Tuesday.",
        "2023-07-04",
        want(SHELL, "Pervomaiskyi", "UA-63", "2023-07-04", tol=1, inj=43),
        max_events=1,
    ),
    case(
        "lead_missile_overnight_said_on_thursday",
        "ZAPORIZHZHIA, Ukraine, Oct 19 (Reuters) - A Russian missile hit a residential building in the southern "
        "Ukrainian city of Zaporizhzhia overnight, killing two people, officials said on Thursday.",
        "2023-10-19",
        want(SHELL, "Zaporizhzhia", "UA-23", "2023-10-19", tol=1, fat=2),
        max_events=1,
    ),
    case(
        "lead_childrens_hospital_in_a_nationwide_barrage",
        "KYIV, July 8 (Reuters) - A Russian missile struck Ukraine's largest children's hospital in Kyiv on "
        "Monday as part of a barrage that killed at least 31 people across the country, officials said.",
        "2024-07-08",
        want(SHELL, "Kyiv", "UA-30", "2024-07-08", a1="RU"),
    ),
    case(
        "lead_first_day_seizure_of_a_plant",
        "KYIV, Feb 24 (Reuters) - Russian forces seized the Chernobyl nuclear power plant on Thursday after a "
        "fierce battle, a Ukrainian presidential adviser said.",
        "2022-02-24",
        want(OVERTAKE, "Chornobyl", "UA-32", "2022-02-24", a1="RU"),
    ),
    case(
        "lead_street_fighting_in_the_capital",
        "KYIV, Ukraine (AP) — Russian troops stormed toward Ukraine's capital Saturday, and street fighting broke "
        "out as city officials urged residents to take shelter.",
        "2022-02-26",
        want(CLASH, "Kyiv", "UA-30", "2022-02-26"),
    ),
    case(
        "lead_missile_on_a_market",
        "KOSTIANTYNIVKA, Ukraine (AP) — A Russian missile struck a busy market in the eastern Ukrainian city of "
        "Kostiantynivka on Wednesday, killing 16 people and wounding dozens, officials said.",
        "2023-09-06",
        want(SHELL, "Kostiantynivka", "UA-14", "2023-09-06", fat=16),
        max_events=1,
    ),
    case(
        "lead_saboteurs_fire_on_villagers_in_a_russian_region",
        "MOSCOW, March 2 (Reuters) - Russia said on Thursday that Ukrainian saboteurs had crossed into its "
        "Bryansk region and opened fire on villagers, killing two people, in what President Vladimir Putin called "
        "a terrorist attack.",
        "2023-03-02",
        want(ATTACK, "Bryansk region", "RU-BRY", "2023-03-02", fat=2),
        max_events=1,
    ),
    case(
        "lead_daytime_missiles_all_shot_down",
        "KYIV, May 29 (Reuters) - Ukraine's air defences shot down all 11 ballistic and cruise missiles Russia "
        "fired at Kyiv in a rare daytime attack on Monday, officials said.",
        "2023-05-29",
        want(INTERCEPT, "Kyiv", "UA-30", "2023-05-29", a1="UA"),
    ),
    case(
        "lead_energy_infrastructure_and_the_capital",
        "KYIV, Oct 31 (Reuters) - Russia pounded energy infrastructure across Ukraine with missile strikes on "
        "Monday, knocking out power and water supplies in Kyiv and other cities.",
        "2022-10-31",
        want(SHELL, "Kyiv", "UA-30", "2022-10-31", a1="RU"),
    ),
    case(
        "lead_each_side_accuses_the_other_of_shelling_a_plant",
        "KYIV, Aug 5 (Reuters) - Ukraine and Russia accused each other on Friday of shelling Europe's largest "
        "nuclear power plant, near the town of Enerhodar in southern Ukraine.",
        "2022-08-05",
        want(SHELL, "Enerhodar", "UA-23", "2022-08-05"),
        max_events=1,
    ),
    case(
        "lead_ballistic_missiles_on_a_training_institute",
        "KYIV, Sept 3 (Reuters) - Two Russian ballistic missiles struck a military training institute and a "
        "nearby hospital in the central Ukrainian city of Poltava on Tuesday, killing 41 people and wounding more "
        "than 180, President Volodymyr Zelenskiy said.",
        "2024-09-03",
        want(SHELL, "Poltava", "UA-53", "2024-09-03", fat=41, a1="RU"),
        max_events=1,
    ),
    case(
        "lead_drone_strike_in_one_city_of_a_nationwide_attack",
        "KYIV, Nov 17 (Reuters) - Russia launched a massive missile and drone attack on Ukraine's energy system "
        "on Sunday. In the southern city of Mykolaiv, a drone strike killed two people, the governor said.",
        "2024-11-17",
        want(AIR, "Mykolaiv", "UA-48", "2024-11-17", fat=2),
    ),
    case(
        "lead_2015_mortar_hits_a_trolleybus",
        "DONETSK, Ukraine, Jan 22 (Reuters) - A mortar bomb hit a trolleybus in the rebel-held city of Donetsk "
        "on Thursday, killing at least eight people, local officials said.",
        "2015-01-22",
        want(SHELL, "Donetsk", "UA-14", "2015-01-22", fat=8),
        max_events=1,
    ),
    case(
        "lead_2014_rebels_seize_a_coastal_town",
        "NOVOAZOVSK, Ukraine (AP) — Pro-Russian rebels backed by Russian tanks and troops seized the town of "
        "Novoazovsk on the Sea of Azov on Wednesday, opening a new front in the conflict.",
        "2014-08-28",
        want(OVERTAKE, "Novoazovsk", "UA-14", "2014-08-27"),
        max_events=1,
    ),
    case(
        "lead_2017_fighting_around_a_government_held_town",
        "AVDIYIVKA, Ukraine, Jan 30 (Reuters) - Fighting between Ukrainian troops and pro-Russian separatists "
        "around the government-held town of Avdiyivka killed at least eight people on Monday, officials on both "
        "sides said.",
        "2017-01-30",
        want(CLASH, "Avdiivka", "UA-14", "2017-01-30"),
        max_events=1,
    ),
    case(
        "lead_bomb_on_a_school_where_villagers_sheltered",
        "KYIV, May 8 (Reuters) - As many as 60 people were feared dead after a Russian bomb struck a school in "
        "the eastern Ukrainian village of Bilohorivka where about 90 people were sheltering, the governor of "
        "Luhansk region said on Sunday.",
        "2022-05-08",
        want(AIR, "Bilohorivka", "UA-09", "2022-05-08", tol=1, a1="RU"),
        max_events=1,
    ),
    case(
        "lead_missiles_on_a_region_overnight",
        "KYIV (AFP) - Russian missiles struck the Odesa region overnight, damaging port infrastructure and "
        "wounding two people, the governor said Saturday.",
        "2024-06-01",
        want(SHELL, "Odesa region", "UA-51", "2024-06-01", tol=1, inj=2),
        max_events=1,
    ),
    case(
        "lead_troops_enter_a_town_in_a_counteroffensive",
        "KYIV, Sept 10 (Reuters) - Ukrainian troops entered the strategic eastern town of Kupiansk on Saturday, "
        "a Ukrainian official said, as Kyiv's lightning counteroffensive pushed deep into Russian-held territory.",
        "2022-09-10",
        want(REGAIN, "Kupiansk", "UA-63", "2022-09-10", a1="UA"),
        max_events=1,
    ),
    case(
        "lead_russia_accuses_helicopters_of_hitting_a_depot",
        "MOSCOW, April 1 (Reuters) - Russia accused Ukraine on Friday of attacking a fuel depot in the Russian "
        "city of Belgorod with helicopters, the first reported Ukrainian air strike on Russian soil.",
        "2022-04-01",
        want(AIR, "Belgorod", "RU-BEL", "2022-04-01", a1="UA"),
        max_events=1,
    ),
    case(
        "lead_christmas_day_missiles_on_a_city",
        "KYIV, Dec 25 (Reuters) - Russia launched a massive Christmas Day attack on Ukraine's energy system. In "
        "Kharkiv, at least six people were injured when missiles hit the city, Governor Oleh Syniehubov said.",
        "2024-12-25",
        want(SHELL, "Kharkiv", "UA-63", "2024-12-25", inj=6),
    ),
    quiet(
        "lead_expected_offensive_is_no_event",
        "KYIV, May 15 (Reuters) - Ukraine expects Russia to launch a new offensive in the northeast in the "
        "coming weeks, a senior intelligence official said on Wednesday.",
        "2024-05-15",
    ),
    quiet(
        "lead_analysts_likely_to_intensify",
        "WASHINGTON (AP) — Russian forces are likely to intensify their attacks near Pokrovsk in the coming "
        "days, analysts at the Institute for the Study of War said.",
        "2024-08-26",
    ),
    quiet(
        "lead_kremlin_denial_alone",
        "MOSCOW (AFP) - The Kremlin on Tuesday denied that Russian forces had struck a hospital in Kharkiv, "
        "calling the reports a provocation.",
        "2024-02-06",
    ),
    quiet(
        "lead_allies_agree_on_air_defence_deliveries",
        "BRUSSELS, June 14 (Reuters) - NATO defence ministers agreed on Friday to step up deliveries of air "
        "defence systems to Ukraine.",
        "2024-06-14",
    ),
    quiet(
        "lead_anniversary_background",
        "KYIV, March 18 (Reuters) - Ten years after Russia annexed Crimea, Ukrainians who fled the peninsula in "
        "2014 say they still hope to return home.",
        "2024-03-18",
    ),
]

ARTICLES = [
    case(
        "article_kherson_shelling_with_russian_claim_paragraph",
        "Russian shelling kills three in Kherson, wounds eight\n\n"
        "KYIV, Nov 6 (Reuters) - Russian artillery shelled the southern Ukrainian city of Kherson on Monday, "
        "killing three people and wounding eight, the regional governor said.\n\n"
        "Oleksandr Prokudin said on the Telegram messaging app that shells hit a residential area and a bus "
        "stop in the city's Dniprovskyi district. \"The Russian army continues to terrorise the civilian "
        'population," he wrote.\n\n'
        "Russian forces withdrew from Kherson and the west bank of the Dnipro river a year ago and have shelled "
        "the city almost daily from positions across the river since then.\n\n"
        "Russia's defence ministry said separately that its forces had struck Ukrainian military targets in the "
        "Kherson direction. It did not mention the city.\n\n"
        "Reuters could not independently verify the reports.",
        "2023-11-06",
        want(SHELL, "Kherson", "UA-65", "2023-11-06", fat=3, inj=8, a1="RU"),
        max_events=2,
    ),
    case(
        "article_kursk_incursion_villages_and_drone_on_an_ambulance",
        "Ukrainian troops push deeper into Russia's Kursk region\n\n"
        "MOSCOW (AP) — Ukrainian forces fought Russian troops near the town of Sudzha in Russia's Kursk region "
        "on Thursday, the third day of the largest cross-border attack of the war, Russian officials said.\n\n"
        "Acting Kursk Governor Alexei Smirnov said a Ukrainian drone hit an ambulance near Sudzha, killing the "
        "driver and a paramedic. Thousands of residents of the Sudzha and Korenevo districts have been "
        "evacuated, he said.\n\n"
        "Russia's Defense Ministry said its air defenses had shot down four Ukrainian Tochka-U missiles over "
        "the Kursk region overnight.\n\n"
        "Kyiv has not commented on the operation. Ukrainian forces have struck targets inside Russia before, "
        "but the raid into the Kursk region is the deepest since Moscow's full-scale invasion in February 2022.",
        "2024-08-08",
        want(CLASH, "Sudzha", "RU-KRS", "2024-08-08"),
        want(AIR, "Sudzha", "RU-KRS", "2024-08-08", fat=2, a1="UA"),
        want(INTERCEPT, "Kursk region", "RU-KRS", "2024-08-08", tol=1, a1="RU"),
        # evacuations are displacement, ACLED's "Other", one per district (at its administrative centre)
        want(OTHER, "Sudzha", "RU-KRS", "2024-08-08"),
        want(OTHER, "Korenevo", "RU-KRS", "2024-08-08"),
        max_events=5,
    ),
    case(
        "article_odesa_port_drones_and_interceptions",
        "Russian drones hit Odesa port, grain silos damaged\n\n"
        "KYIV (AFP) - Russian drones struck port infrastructure in the Ukrainian Black Sea city of Odesa "
        "overnight, damaging grain silos and injuring two port workers, regional governor Oleh Kiper said "
        "Tuesday.\n\n"
        '"The enemy again attacked the port infrastructure of Odesa," Kiper wrote on Telegram, adding that a '
        "fire at the port had been put out by morning.\n\n"
        "Ukraine's air force said its air defences had destroyed 15 of the 18 Shahed drones launched by Russia, "
        "most of them over the Odesa and Mykolaiv regions.\n\n"
        "Russia has repeatedly targeted Ukraine's southern ports since pulling out of a UN-brokered deal that "
        "allowed Ukraine to export grain across the Black Sea in July 2023.",
        "2024-09-10",
        want(AIR, "Odesa", "UA-51", "2024-09-10", tol=1, inj=2, a1="RU"),
        want(INTERCEPT, "Odesa region", "UA-51", "2024-09-10", tol=1, a1="UA"),
        max_events=4,
    ),
    case(
        "article_2014_separatists_abandon_a_stronghold",
        "Ukraine raises flag over rebel stronghold of Slaviansk\n\n"
        "KIEV, July 5 (Reuters) - Pro-Russian separatists abandoned their stronghold of Slaviansk in eastern "
        "Ukraine on Saturday, and government forces raised the national flag over the town after months of "
        "fighting.\n\n"
        '"Slaviansk has been cleared of the terrorists," Defence Minister Valery Heletey said in a statement. '
        "Rebel commander Igor Strelkov said his fighters had withdrawn to Donetsk, the region's main city, "
        "about 100 km to the south.\n\n"
        "Government forces also took control of the neighbouring town of Kramatorsk, officials said.\n\n"
        "The rebels declared independence for the Donetsk and Luhansk regions in May after Russia annexed "
        "Crimea in March.",
        "2014-07-05",
        want(REGAIN, "Sloviansk", "UA-14", "2014-07-05", a1="UA"),
        want(REGAIN, "Kramatorsk", "UA-14", "2014-07-05", a1="UA"),
        max_events=3,
    ),
    case(
        "article_2015_retreat_from_a_rail_hub",
        "Ukrainian troops pull out of Debaltseve as rebels take town\n\n"
        "ARTEMIVSK, Ukraine (AP) — Ukrainian troops withdrew from the besieged railway hub of Debaltseve on "
        "Wednesday, and Russia-backed separatists took control of the town despite a cease-fire agreed in Minsk "
        "last week.\n\n"
        "President Petro Poroshenko said 80 percent of the troops had pulled out in an orderly way. Soldiers "
        "arriving in Artemivsk, about 50 kilometers (30 miles) to the northwest, described days of relentless "
        "shelling.\n\n"
        '"They were pounding us from all sides," one soldier said.\n\n'
        "At least 13 Ukrainian soldiers were killed and more than 150 wounded in the fighting over the past "
        "day, a military spokesman said.",
        "2015-02-18",
        want(OVERTAKE, "Debaltseve", "UA-14", "2015-02-18"),
        max_events=3,
    ),
    case(
        "article_ballistic_missiles_on_a_city_centre_with_moscow_claim",
        "Russian missiles kill 34 in Ukraine's Sumy on Palm Sunday\n\n"
        "KYIV, April 13 (Reuters) - Two Russian ballistic missiles struck the centre of the northern Ukrainian "
        "city of Sumy on Sunday as residents gathered for Palm Sunday, killing 34 people, including two "
        "children, and injuring 117, Ukrainian officials said.\n\n"
        "The missiles hit a university building and a street crowded with people, acting mayor Artem "
        "Kobzar said. Videos posted online showed bodies lying in the street near a burning bus.\n\n"
        "Russia's defence ministry said on Monday it had struck a meeting of Ukrainian commanders in Sumy with "
        "two Iskander-M missiles, and accused Kyiv of using civilians as a shield.\n\n"
        "Sumy lies about 30 km from the Russian border and has come under frequent attack since Ukrainian "
        "forces pushed into Russia's Kursk region last August.",
        "2025-04-14",
        want(SHELL, "Sumy", "UA-59", "2025-04-13", fat=34, inj=117, a1="RU"),
        max_events=2,
    ),
    case(
        "article_russian_border_town_shelled_and_evacuated",
        "Russia evacuates children from shelled border town\n\n"
        "MOSCOW (AFP) - Russian authorities on Wednesday began evacuating children from the border town of "
        "Shebekino after days of Ukrainian shelling, Belgorod regional governor Vyacheslav Gladkov said.\n\n"
        "Gladkov said shelling overnight had wounded two women in Shebekino and set an administrative building "
        'on fire. "The situation in Shebekino is very tense," he wrote on Telegram.\n\n'
        "The first 300 children were taken to the regional capital Belgorod and to Voronezh, he said.\n\n"
        "Pro-Ukrainian Russian armed groups claimed an incursion into the Belgorod region last week; Kyiv denies "
        "any involvement.",
        "2023-05-31",
        want(SHELL, "Shebekino", "RU-BEL", "2023-05-31", tol=1, inj=2, a1="UA"),
        want(OTHER, "Shebekino", "RU-BEL", "2023-05-31"),
        max_events=3,
    ),
    case(
        "article_drone_at_a_nuclear_plant_town_each_side_blames_the_other",
        "Drone hits training centre at Zaporizhzhia nuclear plant, IAEA says\n\n"
        "VIENNA, April 7 (Reuters) - A drone struck the training centre of the Russian-held Zaporizhzhia nuclear "
        "power plant near Enerhodar on Sunday, killing one person and wounding six, the plant's "
        "Russian-installed management said, blaming Ukraine.\n\n"
        "Ukraine's military intelligence denied any involvement and said the incident was a Russian "
        "provocation.\n\n"
        'The International Atomic Energy Agency said its inspectors had confirmed the impact. "This is a major '
        'escalation," IAEA chief Rafael Grossi said.\n\n'
        "Russian forces seized the plant, Europe's largest, in March 2022.",
        "2024-04-07",
        want(AIR, "Enerhodar", "UA-23", "2024-04-07", fat=1, inj=6),
        max_events=2,
    ),
    case(
        "article_headline_names_the_nearby_town_body_the_village",
        "Moscow claims capture of village near Pokrovsk\n\n"
        "MOSCOW (AFP) - Russia said Tuesday its troops had captured Novoselivka Persha, a village in eastern "
        "Ukraine's Donetsk region, as its forces press towards the logistics hub of Pokrovsk.\n\n"
        '"Units of the Centre group of forces liberated the settlement of Novoselivka Persha," the defence '
        "ministry said in its daily briefing.\n\n"
        "Ukraine's army said its troops had repelled 21 Russian attacks in the Pokrovsk direction over the past "
        "day. AFP could not independently verify the claims.",
        "2024-07-09",
        want(OVERTAKE, "Novoselivka Persha", "UA-14", "2024-07-09", tol=1, a1="RU"),
        max_events=2,
    ),
    case(
        "article_missile_on_a_theatre_square",
        "Russian missile hits Chernihiv theatre square, kills seven\n\n"
        "CHERNIHIV, Ukraine (AP) — A Russian missile slammed into the central square of the northern Ukrainian "
        "city of Chernihiv on Saturday, killing seven people, including a 6-year-old girl, and wounding 144, "
        "officials said.\n\n"
        "The missile hit near the city's drama theater, where a gathering of drone makers was being held, "
        "President Volodymyr Zelenskyy said.\n\n"
        "Russian forces besieged Chernihiv, about 140 kilometers (90 miles) north of Kyiv, in the first weeks of "
        "the invasion before withdrawing from the north in early April 2022.",
        "2023-08-19",
        want(SHELL, "Chernihiv", "UA-74", "2023-08-19", fat=7, inj=144, a1="RU"),
        max_events=1,
    ),
    case(
        "article_toll_of_a_strike_rises_the_next_day",
        "Death toll from missile strike on Kryvyi Rih rises to 19\n\n"
        "KYIV, Ukraine (AP) — The death toll from a Russian ballistic missile strike on a residential area of the "
        "central Ukrainian city of Kryvyi Rih rose to 19 on Monday, including nine children, regional officials "
        "said.\n\n"
        "The missile struck near a playground on Friday evening. More than 70 people were wounded.\n\n"
        "Russia's Defense Ministry said it had targeted a meeting of military officers in a restaurant.",
        "2025-04-07",
        want(SHELL, "Kryvyi Rih", "UA-12", "2025-04-04", tol=3, fat=19, a1="RU"),
        max_events=1,
    ),
]

TABLE = LEADS + ARTICLES


@pytest.mark.parametrize("row", TABLE)
def test_wire_copy_yields_the_events_acled_would_code(row: Case) -> None:
    assert_row(row)
