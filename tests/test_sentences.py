"""The project's sentence table: sentences in the style of agency conflict reporting, each with the event the
pipeline must report first (ACLED sub-event type, categories, casualties, quantities, actor, claim, dates).

Every sentence here was written for this table (none is copied from an evaluation set). The publication
date of each text is Wednesday 15 May 2024 unless a row says otherwise. Rows name the behaviour they check.
"""

from __future__ import annotations

from datetime import date

import pytest

from spotrep.taxonomy import CATEGORIES, SUB_EVENT_TYPES

from .conftest import requires_model

pytestmark = requires_model

PUBLISHED = "2024-05-15"


def row(text: str, behaviour: str, sub: str, **expect) -> pytest.param:
    expect["sub"] = sub
    return pytest.param(text, expect, id=behaviour)


# (text, expectations) -- keys: sub (sub_event_type of the lead event), cats (categories it must have),
# fat / inj (fatalities / injuries), qty ((count, qualifier or None) that must be among the quantities),
# a1 (actor1 country), status / src (claim status / claim source country), date / start / end (ISO dates),
# prec (time precision), published (another publication date)
TABLE = [
    # ------------------------------------------------------------------------------------ Armed clash
    row(
        "Ukrainian and Russian troops clashed near Vovchansk on Tuesday, the General Staff said.",
        "clash_between_armies_on_a_weekday",
        "Armed clash",
        cats={"armed_clash"},
        date="2024-05-14",
    ),
    row(
        "Fierce fighting raged in the streets of Chasiv Yar overnight, regional officials said.",
        "street_fighting_overnight",
        "Armed clash",
        date="2024-05-14",
        end="2024-05-15",
    ),
    row(
        "Sudanese army soldiers fought Rapid Support Forces fighters in Omdurman on Monday.",
        "army_fights_paramilitaries",
        "Armed clash",
        date="2024-05-13",
    ),
    row(
        "Jihadist fighters attacked an army outpost in northern Burkina Faso, killing 12 soldiers.",
        "militants_attacking_an_outpost_is_a_battle",
        "Armed clash",
        fat=12,
    ),
    row(
        "Two soldiers were killed when insurgents ambushed a patrol near Mopti.",
        "soldiers_killed_in_an_ambush_is_a_battle",
        "Armed clash",
        fat=2,
    ),
    row(
        "Russian troops launched a ground assault on the village of Robotyne last week.",
        "ground_assault_last_week",
        "Armed clash",
        cats={"armed_clash", "advance"},
        a1="RU",
        start="2024-05-06",
        end="2024-05-12",
        prec=2,
    ),
    row(
        "Ukrainian forces repelled fourteen Russian attacks near Pokrovsk over the past 24 hours.",
        "repelled_attacks_over_the_past_day",
        "Armed clash",
        start="2024-05-14",
        end="2024-05-15",
    ),
    row(
        "Government troops and al-Shabaab militants exchanged fire in the Lower Shabelle region on Sunday.",
        "exchange_of_fire",
        "Armed clash",
        date="2024-05-12",
    ),
    row(
        "Russian forces advanced on several axes in the Kharkiv region, pounding border villages with "
        "artillery.",
        "artillery_inside_a_ground_advance_is_the_battle",
        "Armed clash",
        cats={"advance"},
        a1="RU",
    ),
    row(
        "Myanmar's army clashed with Arakan Army fighters near Maungdaw, leaving dozens of combatants dead.",
        "clash_in_myanmar",
        "Armed clash",
    ),
    row(
        "Scores of Afghan soldiers were killed when Taliban fighters stormed their checkpoints.",
        "soldiers_killed_when_posts_stormed",
        "Armed clash",
    ),
    row(
        "Pro-government militiamen battled RSF fighters for control of El Fasher on Friday.",
        "battle_for_control_is_a_clash",
        "Armed clash",
        date="2024-05-10",
    ),
    # ------------------------------------------------------------------- Government regains territory
    row(
        "Ukrainian troops recaptured the village of Staromaiorske in the Donetsk region, the defence "
        "ministry said.",
        "state_forces_recapture_a_village",
        "Government regains territory",
        a1="UA",
        cats={"territory_captured"},
    ),
    row(
        "The Malian army retook the town of Kidal from separatist rebels on Tuesday.",
        "army_retakes_a_town_from_rebels",
        "Government regains territory",
        date="2024-05-14",
    ),
    row(
        "Afghan special forces raided a Taliban prison in Ghazni province and freed 25 prisoners on Monday.",
        "a_raid_on_an_armed_group_s_prison_is_a_fight_and_its_freed_prisoners_no_agreement",
        "Armed clash",
        a1="AF",
        published="2020-02-21",
    ),
    row(
        "Troops raided a militant hideout near Gwoza on Monday.",
        "a_raid_on_a_hideout_is_a_fight",
        "Armed clash",
    ),
    row(
        "Russia and Ukraine conducted a prisoner exchange on Friday, freeing 95 prisoners each.",
        "prisoners_freed_in_an_exchange_are_an_agreement",
        "Agreement",
    ),
    row(
        "The Taliban seized Kunduz from government forces on Sunday.",
        "a_city_the_tagger_takes_for_a_person_seized_under_its_own_name",
        "Non-state actor overtakes territory",
        published="2021-08-10",
    ),
    row(
        "On 2 April 2022, Ukrainian forces retook Lukashivka, Chernihiv.",
        "a_verb_the_tagger_reads_as_part_of_a_name_with_its_subject_before_it",
        "Government regains territory",
        a1="UA",
        date="2022-04-02",
    ),
    row(
        "On 14 July 2021, ANDSF retook control of Kunduz city (Kunduz) from the Taliban.",
        "retook_control_with_an_acronym_subject",
        "Government regains territory",
        a1="AF",
        published="2021-07-15",
        date="2021-07-14",
    ),
    row(
        "Syrian government forces seized control of two villages in Idlib province.",
        "government_forces_seize_control",
        "Government regains territory",
    ),
    row(
        "Iraqi security forces drove Islamic State militants out of the town of Rashad.",
        "driving_militants_out_of_a_town",
        "Government regains territory",
    ),
    row(
        "Nigerian troops liberated the town of Damasak from Boko Haram fighters.",
        "troops_liberate_a_town",
        "Government regains territory",
    ),
    # ------------------------------------------------------------ Non-state actor overtakes territory
    row(
        "M23 rebels seized the mining town of Rubaya in North Kivu on Tuesday.",
        "rebels_seize_a_town",
        "Non-state actor overtakes territory",
        date="2024-05-14",
    ),
    row(
        "Jihadists took control of the town of Djibo after a day of heavy fighting.",
        "jihadists_take_a_town_after_fighting",
        "Non-state actor overtakes territory",
    ),
    row(
        "Russian forces captured the village of Ocheretyne in Ukraine's Donetsk region, the Russian defence "
        "ministry claimed.",
        "foreign_forces_capture_a_village",
        "Non-state actor overtakes territory",
        a1="RU",
        status="claimed",
        src="RU",
    ),
    # a verb that takes ground only with a place as its object ("seized weapons" is a seizure)
    row(
        "On 12 June 2024, Russian forces seized Staromaiorske, Donetsk, the defence ministry in Moscow said.",
        "forces_seize_a_named_village",
        "Non-state actor overtakes territory",
        a1="RU",
        date="2024-06-12",
    ),
    row(
        "Russian troops occupied Lyptsi and Hlyboke on Friday.",
        "troops_occupy_named_villages",
        "Non-state actor overtakes territory",
        date="2024-05-10",
    ),
    row(
        "Separatist fighters took Debaltseve in February after weeks of fighting.",
        "fighters_take_a_named_town",
        "Non-state actor overtakes territory",
        published="2015-03-01",
    ),
    row(
        "A sabotage and reconnaissance group crossed into Bryansk region and clashed with border guards near "
        "Klimovo on Thursday.",
        "a_raiding_group_entering_and_fighting_is_a_clash",
        "Armed clash",
        date="2024-05-09",
    ),
    row(
        "Rebel fighters entered Kalehe and clashed with the army on Sunday.",
        "fighters_entering_a_town_to_fight_is_a_clash",
        "Armed clash",
        date="2024-05-12",
    ),
    row(
        "Houthi fighters captured the district capital after a week-long siege.",
        "houthis_capture_a_district_capital",
        "Non-state actor overtakes territory",
    ),
    row(
        "Arakan Army fighters overran a border guard post in Rakhine State on Saturday.",
        "rebels_overrun_a_post",
        "Non-state actor overtakes territory",
        date="2024-05-11",
    ),
    # ------------------------------------------------------------- Non-violent transfer of territory
    row(
        "Islamic State militants entered the town unopposed after government troops pulled out.",
        "town_entered_unopposed",
        "Non-violent transfer of territory",
    ),
    row(
        "Separatist fighters took over the base after the army withdrew from it on Sunday.",
        "base_taken_after_withdrawal",
        "Non-violent transfer of territory",
    ),
    row(
        "UN peacekeepers handed over their camp at Ber to the Malian army.",
        "camp_handed_over",
        "Non-violent transfer of territory",
    ),
    row(
        "The rebels occupied the abandoned village without a fight.",
        "village_occupied_without_a_fight",
        "Non-violent transfer of territory",
    ),
    row(
        "Ukrainian units pulled back from positions near Krasnohorivka, the army said.",
        "units_pull_back",
        "Non-violent transfer of territory",
        cats={"withdrawal"},
    ),
    # ---------------------------------------------------------- Shelling/artillery/missile attack
    row(
        "Soldiers of the 47th brigade shot down a Russian Ka-52 helicopter with a Stinger near Avdiivka, the "
        "General Staff said.",
        "soldiers_who_down_a_side_s_aircraft_are_its_enemy",
        "Shelling/artillery/missile attack",
        a1="UA",
    ),
    row(
        "Ukrainian forces struck Russian positions near Kreminna overnight, the General Staff said.",
        "positions_struck_without_a_weapon_are_remote_fire",
        "Shelling/artillery/missile attack",
        a1="UA",
    ),
    row(
        "Russian troops hit a Ukrainian ammunition depot near Kostiantynivka on Friday.",
        "a_depot_hit_without_a_weapon_is_remote_fire",
        "Shelling/artillery/missile attack",
        a1="RU",
    ),
    row(
        "Russian forces shelled Nikopol overnight, damaging several houses, the regional governor said.",
        "town_shelled_overnight",
        "Shelling/artillery/missile attack",
        cats={"shelling"},
        a1="RU",
        status="reported",
    ),
    row(
        "A Russian missile strike on Odesa killed four people on Monday.",
        "missile_strike_kills_four",
        "Shelling/artillery/missile attack",
        cats={"missile_strike"},
        fat=4,
        a1="RU",
        date="2024-05-13",
    ),
    row(
        "Israeli tanks shelled the outskirts of Rafah on Thursday, Palestinian witnesses said.",
        "tank_shelling",
        "Shelling/artillery/missile attack",
        date="2024-05-09",
    ),
    row(
        "Mortar rounds fired by militants struck a market in Mogadishu, wounding seven civilians.",
        "mortar_rounds_wound_seven",
        "Shelling/artillery/missile attack",
        inj=7,
    ),
    row(
        "Russia launched 30 cruise missiles at Ukraine's energy facilities overnight.",
        "missile_salvo_with_a_count",
        "Shelling/artillery/missile attack",
        qty=[(30, None)],
        a1="RU",
    ),
    row(
        "Rockets fired from Gaza hit the Israeli town of Sderot on Saturday.",
        "rockets_hit_a_town",
        "Shelling/artillery/missile attack",
        date="2024-05-11",
    ),
    row(
        "Army artillery pounded RSF positions in Khartoum North on Wednesday.",
        "artillery_pounds_positions",
        "Shelling/artillery/missile attack",
        date="2024-05-15",
    ),
    # ------------------------------------------------------------------------ Air/drone strike
    row(
        "A Russian drone attack on Kharkiv wounded nine people on Thursday.",
        "drone_attack_wounds_nine",
        "Air/drone strike",
        cats={"drone_strike"},
        inj=9,
        a1="RU",
    ),
    row(
        "Israeli warplanes struck a house in Deir al-Balah, killing five members of one family.",
        "warplanes_strike_a_house",
        "Air/drone strike",
        cats={"air_strike"},
        fat=5,
    ),
    row(
        "Military jets bombed a village in Myanmar's Sagaing Region, killing at least 20 villagers.",
        "jets_bomb_a_village",
        "Air/drone strike",
        fat=20,
    ),
    row(
        "A US drone strike killed two al-Shabaab commanders near Jilib on Saturday.",
        "drone_strike_kills_commanders",
        "Air/drone strike",
        fat=2,
        a1="US",
    ),
    row(
        "Ukrainian drones attacked an oil refinery in Russia's Krasnodar region overnight.",
        "drones_attack_a_refinery",
        "Air/drone strike",
        a1="UA",
    ),
    row(
        "Turkish airstrikes hit PKK targets in northern Iraq, the defence ministry said.",
        "airstrikes_hit_targets",
        "Air/drone strike",
        a1="TR",
    ),
    row(
        "A Shahed drone slammed into a residential building in Odesa, injuring three people.",
        "named_drone_injures_three",
        "Air/drone strike",
        inj=3,
    ),
    # --------------------------------------------------------------------------- Suicide bomb
    row(
        "A suicide bomber killed three police officers at a checkpoint in Kabul on Monday.",
        "suicide_bomber_at_a_checkpoint",
        "Suicide bomb",
        cats={"suicide_bomb"},
        fat=3,
    ),
    row(
        "An attacker blew himself up outside a mosque in Peshawar during Friday prayers.",
        "blew_himself_up",
        "Suicide bomb",
    ),
    row(
        "Two female suicide bombers attacked a market in Maiduguri on Sunday.",
        "suicide_bombers_attack_a_market",
        "Suicide bomb",
        date="2024-05-12",
    ),
    row(
        "A suicide car bomb exploded outside an army base in Mogadishu, killing six soldiers.",
        "suicide_car_bomb",
        "Suicide bomb",
        fat=6,
    ),
    # ----------------------------------------------------------- Remote explosive/landmine/IED
    row(
        "A roadside bomb killed four soldiers in Balochistan on Tuesday.",
        "roadside_bomb_kills_soldiers",
        "Remote explosive/landmine/IED",
        cats={"mine_ied"},
        fat=4,
    ),
    row(
        "Three children were wounded when a landmine exploded near a village in the Kherson region.",
        "landmine_wounds_children",
        "Remote explosive/landmine/IED",
        inj=3,
    ),
    row(
        "A car bomb went off outside a hotel in Mogadishu, killing eight people.",
        "car_bomb_kills_eight",
        "Remote explosive/landmine/IED",
        fat=8,
    ),
    row(
        "An improvised explosive device struck a UN convoy near Kidal on Friday.",
        "ied_strikes_a_convoy",
        "Remote explosive/landmine/IED",
        date="2024-05-10",
    ),
    row(
        "A tractor hit an anti-tank mine in a field near Izium, killing the driver.",
        "tractor_hits_a_mine",
        "Remote explosive/landmine/IED",
        fat=1,
    ),
    # ------------------------------------------------------------------------------- Grenade
    row(
        "A grenade thrown into a bar in Bujumbura wounded 11 people.",
        "grenade_thrown_into_a_bar",
        "Grenade",
        cats={"grenade"},
        inj=11,
    ),
    row(
        "Unknown attackers hurled a grenade at a police station in Srinagar on Friday.",
        "grenade_hurled_at_a_police_station",
        "Grenade",
        date="2024-05-10",
    ),
    row(
        "Two people died in a grenade attack on a bus stop in Mindanao.",
        "deaths_in_a_grenade_attack",
        "Grenade",
        fat=2,
    ),
    row(
        "A Russian drone dropped a grenade on a car in Kherson, wounding two men.",
        "drone_dropped_grenade_is_a_drone_strike",
        "Air/drone strike",
        inj=2,
    ),
    # ------------------------------------------------------------------------- Chemical weapon
    row(
        "Government aircraft dropped chlorine gas on the rebel-held town, activists said.",
        "chlorine_dropped_on_a_town",
        "Chemical weapon",
        cats={"chemical_weapon"},
    ),
    row(
        "Dozens of people suffered breathing problems after a sarin attack on a suburb of Damascus.",
        "sarin_attack",
        "Chemical weapon",
    ),
    row(
        "Russian troops fired shells filled with toxic gas at Ukrainian positions near Bakhmut.",
        "shells_with_toxic_gas",
        "Chemical weapon",
    ),
    # ------------------------------------------------------------------------- Sexual violence
    row(
        "Soldiers raped at least 12 women during a raid on a village in South Kivu, the UN said.",
        "soldiers_rape_women",
        "Sexual violence",
        cats={"sexual_violence"},
    ),
    row(
        "Militiamen sexually assaulted displaced women at a camp near El Geneina.",
        "sexual_assault_at_a_camp",
        "Sexual violence",
    ),
    row(
        "Gunmen abducted and raped two girls in Zamfara State on Monday.",
        "rape_with_abduction_is_sexual_violence",
        "Sexual violence",
        date="2024-05-13",
    ),
    # ------------------------------------------------------------------------------------ Attack
    row(
        "Gunmen killed 14 villagers in an attack on a village in Plateau State on Sunday night.",
        "gunmen_kill_villagers",
        "Attack",
        cats={"attack_on_civilians"},
        fat=14,
        date="2024-05-12",
    ),
    row(
        "Unidentified assailants shot dead a journalist in Gaza City.",
        "journalist_shot_dead",
        "Attack",
        fat=1,
    ),
    row(
        "Settlers attacked Palestinian farmers near Nablus, injuring three.",
        "settlers_attack_farmers",
        "Attack",
        inj=3,
    ),
    row(
        "RSF fighters executed at least 20 civilians in a village near El Fasher, witnesses said.",
        "execution_of_civilians",
        "Attack",
        fat=20,
    ),
    row("Militants beheaded two civilians in a village in Cabo Delgado.", "beheading_of_civilians", "Attack"),
    # ----------------------------------------------------------- Abduction/forced disappearance
    row(
        "Gunmen kidnapped 30 students from a school in Kaduna State on Thursday.",
        "students_kidnapped",
        "Abduction/forced disappearance",
        cats={"abduction"},
    ),
    row(
        "Armed men abducted a local official from his home near Gao.",
        "official_abducted",
        "Abduction/forced disappearance",
    ),
    row(
        "Russian soldiers took three civilians hostage in the village of Lyptsi.",
        "hostage_taking",
        "Abduction/forced disappearance",
    ),
    # ------------------------------------------------------------------------- Peaceful protest
    row(
        "Thousands of people marched through Tbilisi on Sunday to protest against the foreign agents law.",
        "march_through_a_capital",
        "Peaceful protest",
        cats={"protest"},
        date="2024-05-12",
    ),
    row(
        "Hundreds of farmers rallied outside the parliament in Warsaw on Tuesday.",
        "farmers_rally",
        "Peaceful protest",
        date="2024-05-14",
    ),
    row(
        "Protesters gathered peacefully in central Belgrade to demand the resignation of the government.",
        "protesters_gather",
        "Peaceful protest",
    ),
    row(
        "Teachers staged a sit-in outside the education ministry in Nairobi.",
        "teachers_sit_in",
        "Peaceful protest",
    ),
    row(
        "Relatives of the hostages held a vigil in Tel Aviv on Saturday night.",
        "vigil",
        "Peaceful protest",
        date="2024-05-11",
    ),
    row(
        "Demonstrators chanted slogans against police brutality outside the court in Dhaka.",
        "slogans_against_brutality_are_no_violence",
        "Peaceful protest",
    ),
    # ----------------------------------------------------------------- Protest with intervention
    row(
        "Police fired tear gas to disperse protesters in Dakar on Friday.",
        "tear_gas_is_an_intervention",
        "Protest with intervention",
        date="2024-05-10",
    ),
    row(
        "Riot police used water cannon against demonstrators in Tbilisi overnight.",
        "water_cannon_against_demonstrators",
        "Protest with intervention",
    ),
    row(
        "Police arrested 40 protesters during a rally in Istanbul on Sunday.",
        "arrests_at_a_rally",
        "Protest with intervention",
    ),
    row(
        "Security forces broke up a sit-in by students in Khartoum.",
        "sit_in_broken_up",
        "Protest with intervention",
    ),
    # ------------------------------------------------------- Excessive force against protesters
    row(
        "Security forces opened fire on protesters in Nairobi, killing three people.",
        "live_fire_on_protesters",
        "Excessive force against protesters",
        fat=3,
    ),
    row(
        "Police shot dead two demonstrators during a protest in Lagos.",
        "demonstrators_shot_dead",
        "Excessive force against protesters",
    ),
    row(
        "Soldiers beat peaceful demonstrators with batons in Yangon, leaving dozens injured.",
        "peaceful_demonstrators_beaten",
        "Excessive force against protesters",
    ),
    # ------------------------------------------------------------------ Violent demonstration
    row(
        "Protesters threw stones at police and set cars on fire in Noumea.",
        "stones_thrown_at_police",
        "Violent demonstration",
        cats={"riot"},
    ),
    row(
        "Demonstrators blocked roads with burning tyres in Port-au-Prince.",
        "roads_blocked_with_burning_tyres",
        "Violent demonstration",
    ),
    row(
        "Rioters looted shops and torched a police station in Dhaka.",
        "rioters_loot_and_burn",
        "Violent demonstration",
    ),
    row(
        "A protest against fuel prices turned violent in Nairobi as demonstrators clashed with police.",
        "protest_turns_violent",
        "Violent demonstration",
    ),
    # --------------------------------------------------------------------------- Mob violence
    row(
        "An angry mob lynched a man accused of theft in a village in western Kenya.",
        "mob_lynching",
        "Mob violence",
    ),
    row(
        "A mob beat two men to death over rumours of cattle theft in Jharkhand.",
        "mob_beats_men_to_death",
        "Mob violence",
    ),
    # ------------------------------------------------------------------------------ Agreement
    row(
        "Russia and Ukraine exchanged 75 prisoners of war each on Friday.",
        "prisoner_exchange",
        "Agreement",
        cats={"agreement"},
        date="2024-05-10",
    ),
    row(
        "The warring parties signed a ceasefire agreement in Jeddah on Saturday.",
        "ceasefire_signed",
        "Agreement",
    ),
    row(
        "Hamas released four hostages in exchange for 120 Palestinian prisoners.",
        "hostages_released_in_exchange",
        "Agreement",
    ),
    row(
        "Around 200 Islamic State fighters surrendered to Kurdish forces near Baghuz.",
        "fighters_surrender",
        "Agreement",
    ),
    row(
        "The government and the rebels began peace talks in Doha on Monday.",
        "peace_talks_begin",
        "Agreement",
        date="2024-05-13",
    ),
    # -------------------------------------------------------------------------------- Arrests
    row(
        "Police arrested three men suspected of planning attacks in Kyiv.",
        "suspects_arrested",
        "Arrests",
        cats={"arrest"},
    ),
    row(
        "The SBU detained a Russian agent in Odesa on Tuesday, the security service said.",
        "agent_detained",
        "Arrests",
        date="2024-05-14",
    ),
    row(
        "Security forces rounded up dozens of suspected militants in Kashmir.",
        "militants_rounded_up",
        "Arrests",
    ),
    row(
        "Turkish police detained 25 people suspected of links to Islamic State.",
        "people_detained_with_a_count",
        "Arrests",
        qty=[(25, None)],
    ),
    # --------------------------------------------------------------- Change to group/activity
    row(
        "Dozens of soldiers defected to the rebels in Kachin State.",
        "soldiers_defect",
        "Change to group/activity",
        cats={"group_change"},
    ),
    row(
        "Several armed factions merged to form a new coalition in Idlib.",
        "factions_merge",
        "Change to group/activity",
    ),
    row(
        "The Wagner group was disbanded after its founder's death.",
        "group_disbanded",
        "Change to group/activity",
    ),
    row(
        "Jihadist groups in the Sahel formed a new alliance on Monday.",
        "alliance_formed",
        "Change to group/activity",
    ),
    # ------------------------------------------------------------------ Disrupted weapons use
    row(
        "Air defence forces shot down 17 drones over the Mykolaiv region overnight.",
        "drones_shot_down",
        "Disrupted weapons use",
        cats={"interception"},
        qty=[(17, None)],
    ),
    row("Police defused a bomb planted under a bridge in Quetta.", "bomb_defused", "Disrupted weapons use"),
    row(
        "Soldiers discovered a cache of weapons and ammunition in a cave near Gao.",
        "weapons_cache_found",
        "Disrupted weapons use",
        cats={"weapons_seizure"},
    ),
    row(
        "Ukrainian air defences intercepted ten missiles over Kyiv on Thursday.",
        "missiles_intercepted",
        "Disrupted weapons use",
        qty=[(10, None)],
        a1="UA",
    ),
    row(
        "Security forces seized 200 kilograms of explosives in a raid in Sinai.",
        "explosives_seized",
        "Disrupted weapons use",
    ),
    row(
        "Israeli forces intercepted a rocket fired from Lebanon on Saturday.",
        "rocket_intercepted",
        "Disrupted weapons use",
        a1="IL",
    ),
    row(
        "Sappers cleared more than 300 landmines from farmland near Kherson last month.",
        "landmines_cleared",
        "Disrupted weapons use",
        qty=[(300, "at_least")],
    ),
    # ------------------------------------------------------- Headquarters or base established
    row(
        "Russian troops set up a new base near the village of Lyptsi.",
        "base_set_up",
        "Headquarters or base established",
        cats={"base_established"},
    ),
    row(
        "Turkish forces established two observation posts in northern Syria.",
        "observation_posts_established",
        "Headquarters or base established",
    ),
    row(
        "The rebels opened a new headquarters in the captured town.",
        "headquarters_opened",
        "Headquarters or base established",
    ),
    # -------------------------------------------------------------- Looting/property destruction
    row(
        "Militants torched dozens of houses in a village in Cabo Delgado.",
        "houses_torched",
        "Looting/property destruction",
        cats={"looting"},
    ),
    row(
        "RSF fighters looted the central market in Wad Madani.",
        "market_looted",
        "Looting/property destruction",
    ),
    row(
        "Partisans derailed a freight train near Bryansk, the railway said.",
        "train_derailed_is_sabotage",
        "Looting/property destruction",
        cats={"sabotage"},
    ),
    row(
        "Settlers burned Palestinian cars and homes in the village of Huwara.",
        "cars_and_homes_burned",
        "Looting/property destruction",
    ),
    row(
        "Militants burned the school and the health centre of a village near Djibo on Saturday.",
        "any_building_burned_is_property_destroyed",
        "Looting/property destruction",
    ),
    row(
        "Gunmen burned granaries and market stalls in Kaya on Tuesday.",
        "granaries_and_stalls_burned",
        "Looting/property destruction",
    ),
    row(
        "Militants burned two herders alive near Menaka on Sunday.",
        "people_burned_alive_is_an_attack",
        "Attack",
    ),
    # ---------------------------------------------------------------------------------- Other
    row(
        "Ukraine sent additional troops to the Kharkiv region to stop the Russian advance.",
        "reinforcements_sent",
        "Other",
        cats={"deployment"},
        a1="UA",
    ),
    row(
        "Around 400 civilians were evacuated from Vovchansk by volunteers on Tuesday.",
        "civilians_evacuated_is_displacement",
        "Other",
        cats={"displacement"},
    ),
    row(
        "More than 30,000 Russian troops have been deployed along the northern border.",
        "troops_deployed_with_a_count",
        "Other",
        cats={"deployment"},
        qty=[(30000, "at_least")],
        a1="RU",
    ),
    row(
        "President Zelensky postponed all foreign visits, his office said.",
        "visits_postponed",
        "Other",
        cats={"political"},
    ),
    row(
        "The government imposed a curfew in the capital on Tuesday.",
        "curfew_imposed",
        "Other",
        cats={"political"},
        date="2024-05-14",
    ),
    row(
        "Authorities closed two airports in Tatarstan on Sunday.",
        "airports_closed",
        "Other",
        cats={"infrastructure_disruption"},
    ),
    # ------------------------------------------------------------------------ casualty reports
    row(
        "Three civilians were killed in the Donetsk region over the past 24 hours, the regional governor "
        "said.",
        "regional_tally_is_a_casualty_report",
        "Attack",
        cats={"casualty_report"},
        fat=3,
        start="2024-05-14",
        end="2024-05-15",
    ),
    row(
        "Two people were wounded in Russian shelling of the Kherson region over the past day, the governor "
        "said.",
        "shelling_tally",
        "Shelling/artillery/missile attack",
        inj=2,
    ),
    # -------------------------------------------------------------------- numbers written as words
    row(
        "Twenty-three people were killed when gunmen attacked a village in Zamfara.",
        "number_word_compound",
        "Attack",
        fat=23,
    ),
    row("Gunmen killed a dozen worshippers at a mosque in Niger on Friday.", "a_dozen", "Attack", fat=12),
    row(
        "Russian shelling killed two and wounded five in Kupiansk on Monday.",
        "killed_two_wounded_five",
        "Shelling/artillery/missile attack",
        fat=2,
        inj=5,
    ),
    row(
        "An airstrike killed at least seven people and wounded more than 20 in Khan Younis.",
        "at_least_and_more_than",
        "Air/drone strike",
        fat=7,
    ),
    row(
        "Air defences destroyed twenty-nine Shahed drones overnight, the air force said.",
        "number_word_drones",
        "Disrupted weapons use",
        qty=[(29, None)],
    ),
    row(
        "Nine soldiers were killed when militants ambushed their convoy in northern Mali.",
        "number_word_fatalities",
        "Armed clash",
        fat=9,
    ),
    row(
        "A missile strike on Dnipro wounded 14 people, including three children.",
        "digits_injuries",
        "Shelling/artillery/missile attack",
        inj=14,
    ),
    # ------------------------------------------------------------------------- dates, relative
    row(
        "Russian forces shelled Kherson yesterday, the regional administration said.",
        "yesterday",
        "Shelling/artillery/missile attack",
        date="2024-05-14",
        prec=1,
    ),
    row(
        "Russian drones struck Kharkiv last week, killing two people.",
        "last_week",
        "Air/drone strike",
        start="2024-05-06",
        end="2024-05-12",
        prec=2,
    ),
    row(
        "Ukrainian troops shot down a Russian Su-25 jet over Donetsk on 3 March 2024.",
        "explicit_date",
        "Shelling/artillery/missile attack",
        date="2024-03-03",
        prec=1,
    ),
    row(
        "Gunmen abducted 12 farmers in Katsina State on April 28.",
        "month_and_day",
        "Abduction/forced disappearance",
        date="2024-04-28",
    ),
    row(
        "Militants attacked a police station in Dagestan on Sunday evening, killing two policemen.",
        "weekday_before_publication",
        "Armed clash",
        date="2024-05-12",
    ),
    row(
        "Clashes erupted overnight in Zaporizhzhia region, the regional governor said.",
        "overnight",
        "Armed clash",
        start="2024-05-14",
        end="2024-05-15",
    ),
    row(
        "The army recaptured the town of Maiduguri on Monday, a military spokesman said.",
        "weekday_published_on_a_saturday",
        "Government regains territory",
        published="2024-05-18",
        date="2024-05-13",
    ),
    # ------------------------------------------------------------------------------ attribution
    row(
        "Russian forces shelled the town of Vovchansk, according to the local military administration.",
        "according_to",
        "Shelling/artillery/missile attack",
        status="reported",
    ),
    row(
        "The Russian defence ministry claimed its forces had taken control of the village of Berdychi.",
        "ministry_claimed",
        "Non-state actor overtakes territory",
        status="claimed",
        src="RU",
        a1="RU",
    ),
    row(
        "The ministry denied reports that troops had been sent to the border.",
        "denied_report_of_a_deployment",
        "Other",
        status="denied",
    ),
    row(
        "Kyiv denied that its forces had shelled a market in Donetsk.",
        "denied",
        "Shelling/artillery/missile attack",
        status="denied",
        src="UA",
    ),
    row(
        "Analysts assessed that Russian forces had captured the village of Ocheretyne.",
        "analysts_assessed",
        "Non-state actor overtakes territory",
        status="assessed",
    ),
    row(
        "Ukrainian air defences shot down 17 drones over the Kharkiv region overnight, the air force said.",
        "trailing_the_air_force_said",
        "Disrupted weapons use",
        status="claimed",
        src="UA",
        a1="UA",
    ),
    row(
        "A missile hit an apartment block in Kramatorsk, killing five people, the interior ministry said.",
        "trailing_the_interior_ministry_said",
        "Shelling/artillery/missile attack",
        fat=5,
        status="reported",
    ),
    row(
        "Gunmen killed six villagers in Benue State, police spokesman Sewuese Anene said.",
        "named_police_spokesman_said",
        "Attack",
        fat=6,
    ),
    row(
        "Israeli jets struck a refugee camp in central Gaza, the health ministry in Gaza said on Tuesday.",
        "health_ministry_said",
        "Air/drone strike",
        a1="IL",
    ),
    # ---------------------------------------------------------------- other conflicts, mixed
    row(
        "JNIM fighters attacked a military camp in central Mali, killing 15 soldiers, the army said.",
        "sahel_camp_attack",
        "Armed clash",
        fat=15,
    ),
    row(
        "A Turkish drone strike killed three members of the YPG near Kobani.",
        "drone_strike_syria",
        "Air/drone strike",
        fat=3,
        a1="TR",
    ),
    row(
        "Police in Dhaka fired rubber bullets and tear gas at stone-throwing students.",
        "stone_throwers_met_with_rubber_bullets",
        "Violent demonstration",
    ),
    row(
        "Suspected herders killed 11 farmers in an attack on Yelwata village in Benue State.",
        "herders_kill_farmers",
        "Attack",
        fat=11,
    ),
    row(
        "Israeli forces arrested 20 Palestinians in overnight raids across the West Bank.",
        "overnight_arrest_raids",
        "Arrests",
    ),
    row(
        "Houthi forces fired an anti-ship missile at a cargo vessel in the Red Sea.",
        "anti_ship_missile",
        "Shelling/artillery/missile attack",
    ),
    row(
        "The junta's aircraft bombed a school in Sagaing, killing 10 children.",
        "junta_bombs_a_school",
        "Air/drone strike",
        fat=10,
    ),
    row(
        "Anti-government protesters stormed the parliament building in Nairobi.",
        "parliament_stormed",
        "Violent demonstration",
    ),
    # a politician's or a party's following that storms or wrecks buildings riots; an armed group's attacks
    row(
        "Supporters of the former president stormed and vandalised the Congress building in Lima.",
        "politicians_supporters_storm_congress",
        "Violent demonstration",
    ),
    row(
        "Opposition supporters ransacked the offices of the electoral commission in Lubumbashi.",
        "opposition_supporters_ransack_office",
        "Violent demonstration",
    ),
    row(
        "Taliban supporters stormed a police checkpoint in Kandahar.",
        "armed_groups_supporters_storm_checkpoint",
        "Armed clash",
    ),
    row(
        "Hezbollah fighters fired anti-tank missiles at an Israeli army position near Metula.",
        "anti_tank_missiles",
        "Shelling/artillery/missile attack",
    ),
    row(
        "Hundreds of Russian soldiers were moved to the Belgorod region over the weekend.",
        "troops_moved",
        "Other",
        cats={"deployment"},
    ),
    row(
        "Rebels shot down a military helicopter over Kachin State on Wednesday.",
        "helicopter_shot_down_by_ground_fire_is_shelling",
        "Shelling/artillery/missile attack",
        cats={"aircraft_downed"},
        date="2024-05-15",
    ),
    row("The army and the RSF agreed to a three-day truce in Khartoum.", "agreed_to_a_truce", "Agreement"),
    row(
        "Police detained 12 people after clashes between rival supporters in Tbilisi.",
        "arrests_after_clashes",
        "Arrests",
    ),
    row("Villagers found the bodies of 17 men executed by militants near Mopti.", "bodies_found", "Attack"),
    row(
        "A bomb hidden in a motorcycle exploded at a market in Pattani, wounding four.",
        "motorcycle_bomb",
        "Remote explosive/landmine/IED",
        inj=4,
    ),
    row(
        "Police officers were attacked with petrol bombs by rioters in Belfast.",
        "petrol_bombs",
        "Violent demonstration",
    ),
    row(
        "Sudanese army jets struck RSF positions in Nyala, killing dozens of fighters.",
        "jets_strike_positions",
        "Air/drone strike",
    ),
    row(
        "The militants ambushed a convoy of the Mozambican army near Mocimboa da Praia.",
        "convoy_ambushed",
        "Armed clash",
    ),
    row(
        "A Ukrainian sea drone struck a Russian landing ship near Sevastopol.",
        "sea_drone",
        "Air/drone strike",
    ),
    row(
        "Masked men set fire to a polling station in Kinshasa on election day.",
        "polling_station_burned",
        "Looting/property destruction",
    ),
    row(
        "Bandits abducted 25 passengers from a bus on the Kaduna-Abuja highway.",
        "passengers_abducted",
        "Abduction/forced disappearance",
    ),
    row(
        "A drone launched from Yemen was intercepted over the southern city of Eilat.",
        "drone_intercepted_passive",
        "Disrupted weapons use",
    ),
    row(
        "Pakistani security forces killed eight militants in a raid in North Waziristan.",
        "raid_kills_militants",
        "Armed clash",
    ),
    row(
        "Police used batons to disperse striking workers outside a factory in Dhaka.",
        "batons_against_strikers",
        "Protest with intervention",
    ),
    row(
        "Thousands of Israelis demonstrated in Tel Aviv for a hostage deal on Saturday.",
        "demonstration_for_a_deal",
        "Peaceful protest",
    ),
    row(
        "Russian forces advanced 2 kilometres near Avdiivka, the Institute for the Study of War assessed.",
        "isw_assessed_advance",
        "Armed clash",
        status="assessed",
    ),
    row(
        "A landmine blast killed two deminers in the Kharkiv region on Monday.",
        "landmine_blast",
        "Remote explosive/landmine/IED",
        fat=2,
    ),
    row(
        "Government forces dropped barrel bombs on villages in Darfur, residents said.",
        "barrel_bombs",
        "Air/drone strike",
    ),
    row(
        "Fighters loyal to the general stormed a prison and freed hundreds of inmates.",
        "prison_stormed",
        "Armed clash",
    ),
    row(
        "The Ukrainian navy said it had destroyed a Russian patrol boat with sea drones.",
        "patrol_boat_destroyed_by_sea_drones",
        "Air/drone strike",
    ),
    row(
        "Police dispersed a crowd of opposition supporters with tear gas in Kampala.",
        "crowd_dispersed",
        "Protest with intervention",
    ),
    row(
        "Four civilians were killed by Russian artillery fire in Beryslav on Sunday.",
        "artillery_fire_kills_civilians",
        "Shelling/artillery/missile attack",
        fat=4,
        cats={"attack_on_civilians"},
    ),
    row(
        "Demonstrators hurled petrol bombs at riot police in Athens.",
        "petrol_bombs_at_riot_police",
        "Violent demonstration",
    ),
    row(
        "Ukraine's military intelligence said its agents blew up a railway bridge in the Samara region.",
        "bridge_blown_up",
        "Remote explosive/landmine/IED",
    ),
    row(
        "Armed groups from the two communities clashed in the Kasai region, leaving 12 dead.",
        "communal_clash",
        "Armed clash",
    ),
    row(
        "The warring sides swapped the bodies of fallen soldiers on Thursday.", "bodies_swapped", "Agreement"
    ),
    # a note's second sentence that opens with its figure is a sentence of its own
    row(
        "On 13 May 2024, Russian aircraft dropped 3 guided aerial bombs on Vovchansk, Kharkiv. 1 civilian was "
        "killed and a school was destroyed.",
        "figure_opens_the_toll_sentence",
        "Air/drone strike",
        fat=1,
    ),
    # the toll the event's noun is told in
    row(
        "The death toll from the Russian missile strike on the centre of Sumy rose to 14 on Wednesday, officials "
        "said.",
        "toll_of_the_strike_rose",
        "Shelling/artillery/missile attack",
        fat=14,
    ),
    row(
        "The number of people killed in the drone attack on Kharkiv on Tuesday rose to 9.",
        "number_killed_in_the_attack_rose",
        "Air/drone strike",
        fat=9,
    ),
    # a tank that holds water is property, not armour
    row(
        "Settlers destroyed a water tank and olive trees belonging to a farmer near Hebron on Tuesday.",
        "water_tank_destroyed",
        "Looting/property destruction",
    ),
    # hostages held are abducted
    row(
        "Gunmen held twelve bus passengers hostage near Guayaquil for several hours on Tuesday.",
        "staff_held_hostage",
        "Abduction/forced disappearance",
    ),
    # a town entered and looted before the raiders withdrew changed no hands
    row(
        "Insurgents entered Macomia town on Tuesday and looted shops and warehouses before withdrawing.",
        "raid_that_withdrew",
        "Looting/property destruction",
    ),
    # an air force that fires strikes from the air
    row(
        "On 13 May 2024, the Russian air force fired at a hospital in Vovchansk, Kharkiv. 2 people were killed.",
        "air_force_fired_at",
        "Air/drone strike",
        fat=2,
    ),
    # killed "to death" with the hands, stones or blades: a killing whatever the verb alone says
    row(
        "On 4 March 2024, gunmen beat a farmer to death in Dori.",
        "beaten_to_death",
        "Attack",
        fat=1,
    ),
    # residents punishing a supposed offender: a crowd's justice, mob violence (ACLED), however few they were
    row(
        "On 4 March 2024, residents beat a suspected cattle thief to death in Dori.",
        "beaten_to_death_by_residents",
        "Mob violence",
        fat=1,
    ),
    row(
        "On 4 March 2024, a mob stoned two suspected thieves to death in Kaya.",
        "stoned_to_death_by_a_mob",
        "Mob violence",
        fat=2,
    ),
    # the toll of the fighting that took a place, told in the next sentence, is the takeover's
    row(
        "On 4 March 2024, army commandos recaptured the town of Arbinda from the militants after heavy "
        "fighting. The ministry said 12 militants were killed.",
        "toll_of_a_recapture",
        "Government regains territory",
        fat=12,
    ),
    # people killed make a raid that also burned houses an attack
    row(
        "On 4 March 2024, gunmen attacked the village of Kabeke, killing three people and burning twenty huts.",
        "killing_and_burning_is_an_attack",
        "Attack",
        fat=3,
    ),
    # bombs fired from afar are a heavy weapon's rounds
    row(
        "On 7 February 2024, the rebels fired several bombs from the hills onto Minova, killing two civilians.",
        "bombs_fired_onto_a_town",
        "Shelling/artillery/missile attack",
        fat=2,
    ),
    # a negation after a semicolon is its clause's own
    row(
        "On 22 February 2019, US forces conducted an airstrike against militants near Jilib. According to the "
        "command, the strike killed 20 militants; no civilians were reported injured.",
        "negation_after_a_semicolon",
        "Air/drone strike",
        fat=20,
    ),
    # ACLED's tally in a sentence of its own
    row(
        "On 4 March 2024, militants attacked an army camp in Bourem. Both sides claimed victory. 30 fatalities "
        "coded.",
        "tally_in_a_sentence_of_its_own",
        "Armed clash",
        fat=30,
    ),
    # armed people engaged: a fight
    row(
        "On 4 March 2024, soldiers engaged a group of insurgents in the Pech district of Kunar province.",
        "engaged_insurgents",
        "Armed clash",
    ),
    # civilians taken away are abducted, not ground taken (the village they were taken from)
    row(
        "On 4 March 2024, soldiers took six men from Kyauk Pyin village to carry supplies as porters.",
        "civilians_taken_from_a_village",
        "Abduction/forced disappearance",
    ),
    row(
        "On 4 March 2024, the militants took five farmers from their fields near Mora.",
        "farmers_taken_from_their_fields",
        "Abduction/forced disappearance",
    ),
    # who makes or lays bombs is no bomb going off
    row(
        "On 4 March 2024, an air weapons team killed two IED emplacers near Sangin.",
        "bomb_layers_killed",
        "Air/drone strike",
        fat=2,
    ),
    # a strike an air force carries out is flown
    row(
        "On 4 March 2024, the Nigerian Air Force carried out strikes on terrorist camps near Bama.",
        "air_force_carried_out_strikes",
        "Air/drone strike",
    ),
]

# sentences that report no event: negation, speculation, intention, purpose, conditions, questions, futures
NON_EVENTS = [
    "Police seized Ivanov at his home.",  # a person's name the gazetteer might read as a place
    pytest.param("The two sides struck a deal in Istanbul on Friday.", id="a_deal_struck_is_no_strike"),
    pytest.param("The ruling hit the company's share price.", id="a_price_hit_is_no_strike"),
    "The separatists took Kyiv's proposal as a sign of weakness.",
    pytest.param(
        "Russian forces did not shell Kharkiv on Tuesday, the governor said.", id="negated_shelling"
    ),
    pytest.param(
        "Moscow may be trying to encircle the town before the summer.", id="speculation_may_be_trying"
    ),
    pytest.param("Officials said Kharkiv was not under threat of a new assault.", id="denied_threat"),
    pytest.param("Engineers are digging trenches to stop a Russian offensive.", id="purpose_clause"),
    pytest.param("Will Russia attack Kharkiv again this summer?", id="question"),
    pytest.param("If the rebels capture the town, aid deliveries will stop.", id="conditional"),
    pytest.param("The army will launch a counteroffensive in the spring.", id="future"),
    pytest.param("The militants plan to seize the port city.", id="intention_plan"),
    pytest.param("Analysts warned that Russia could attack Sumy within weeks.", id="warning_with_modal"),
    pytest.param("No drones were shot down over the capital overnight.", id="no_drones"),
    pytest.param("Russia is preparing to launch a new offensive in the north.", id="preparing_to"),
    pytest.param("Fears of an attack on the city have grown in recent days.", id="fear_of_attack"),
    pytest.param("The president called for an end to the fighting.", id="call_for_an_end"),
    pytest.param("The candles burned for hours at the memorial in Kyiv.", id="a_fire_burning_is_no_arson"),
    # the attacks a person or a place is for: a role, no incident
    pytest.param(
        "Troops were searching for a commander who directs IED attacks on army convoys.",
        id="role_directs_attacks",
    ),
    pytest.param(
        "Soldiers cleared a forest that had been used by the militants to stage attacks on the road.",
        id="role_place_used_to_stage_attacks",
    ),
    pytest.param(
        "The commander is believed to have coordinated attacks against police in the province.",
        id="role_believed_to_have_coordinated",
    ),
    pytest.param("He led a cell responsible for attacks on banks in the capital.", id="role_responsible_for"),
    pytest.param(
        "The commander directs the production of IEDs and plans attacks on police.",
        id="role_directs_production",
    ),
    pytest.param(
        "He coordinated weapons transfers and planned attacks on army posts.", id="role_planned_attacks"
    ),
    pytest.param(
        "The commander was responsible for the planning and execution of attacks against the army.",
        id="role_planning_and_execution_of_attacks",
    ),
    pytest.param(
        "The raid targeted a militant known to manufacture and emplace roadside bombs in the area.",
        id="role_known_to_manufacture_bombs",
    ),
    pytest.param(
        "The commander was responsible for the kidnapping and murder of local officials.",
        id="role_responsible_for_the_kidnapping",
    ),
    pytest.param(
        "He arranged the movement of suicide bombers into the city.", id="role_movement_of_suicide_bombers"
    ),
    pytest.param(
        "The cache consisted of 40 mortar rounds and 20 kilograms of homemade explosives.",
        id="what_a_cache_held_is_no_explosion",
    ),
]


def _lead(text: str, published: str):
    from spotrep import extract

    events = extract(text, published=published)
    assert events, f"no event in {text!r}"
    return events[0], events


@pytest.mark.parametrize("text, expect", TABLE)
def test_lead_event_of_sentence(text: str, expect: dict) -> None:
    published = expect.get("published", PUBLISHED)
    ev, events = _lead(text, published)
    got = f"{ev.sub_event_type} {ev.categories} (all: {[e.sub_event_type for e in events]})"
    assert ev.sub_event_type == expect["sub"], got
    assert ev.event_type == SUB_EVENT_TYPES[expect["sub"]]
    if "cats" in expect:
        assert expect["cats"] <= set(ev.categories), got
    if "fat" in expect:
        assert ev.fatalities == expect["fat"]
    if "inj" in expect:
        assert ev.injuries == expect["inj"]
    for count, qualifier in expect.get("qty", []):
        assert any(
            q.count == count and (qualifier is None or q.qualifier == qualifier) for q in ev.quantities
        ), ev.quantities
    if "a1" in expect:
        assert ev.actor1 is not None and ev.actor1.country == expect["a1"], ev.actor1
    if "status" in expect:
        assert ev.claim.status == expect["status"], ev.claim
    if "src" in expect:
        assert ev.claim.source_country == expect["src"], ev.claim
    if "date" in expect:
        assert ev.event_date == date.fromisoformat(expect["date"])
    if "start" in expect:
        assert ev.date_start == date.fromisoformat(expect["start"])
    if "end" in expect:
        assert ev.date_end == date.fromisoformat(expect["end"])
    if "prec" in expect:
        assert ev.time_precision == expect["prec"]


@pytest.mark.parametrize("text", NON_EVENTS)
def test_sentence_that_reports_no_event_yields_none(text: str) -> None:
    from spotrep import extract

    events = extract(text, published=PUBLISHED)
    assert events == [], [(e.sub_event_type, e.evidence[0].text) for e in events]


def test_table_covers_every_acled_sub_event_type() -> None:
    covered = {p.values[1]["sub"] for p in TABLE}
    assert covered == set(SUB_EVENT_TYPES)


def test_table_covers_every_project_category_the_pipeline_produces() -> None:
    from spotrep.event_types import KINDS

    produced = {c for _sub, cats in KINDS.values() for c in cats} | {"casualty_report"}
    covered = set().union(*(p.values[1].get("cats", set()) for p in TABLE))
    assert produced <= set(CATEGORIES)
    assert produced <= covered, produced - covered


def test_table_is_large_enough() -> None:
    assert len(TABLE) + len(NON_EVENTS) >= 170


@pytest.mark.parametrize(
    "text",
    [
        "Air defences destroyed 25 drones overnight: 12 over the Voronezh region, 8 over the Kursk region and 5 "
        "over the Oryol region.",
        "Overnight, 25 drones were shot down: 12 over the territory of the Voronezh region, 8 over the Kursk region "
        "and 5 over the Oryol region, the ministry said.",
    ],
)
def test_drones_downed_region_by_region_are_an_event_a_region(text: str) -> None:
    from spotrep import extract

    events = extract(text, published=PUBLISHED)
    assert {e.location.admin1_code for e in events} == {"RU-VOR", "RU-KRS", "RU-ORL"}, [
        (e.sub_event_type, e.location.name) for e in events
    ]
    assert {e.sub_event_type for e in events} == {"Disrupted weapons use"}
