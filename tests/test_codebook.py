"""ACLED codebook conventions (spotrep.codebook): how constructions are typed, checked on sentences written for
this table in the styles of the genres the project reads (ACLED-style notes, monitoring-mission daily reports,
General Staff and ministry bulletins, regional administrations' posts, wire copy). None is copied from an
evaluation set. Each row names the convention it checks; the lead event must have the sub-event type given.
"""

from __future__ import annotations

import pytest

from .conftest import requires_model

pytestmark = requires_model

PUBLISHED = "2023-06-14"


def row(text: str, behaviour: str, sub: str, cats: set[str] | None = None) -> pytest.param:
    return pytest.param(text, sub, cats or set(), id=behaviour)


SHELLING = "Shelling/artillery/missile attack"
CLASH = "Armed clash"
AIR = "Air/drone strike"
IED = "Remote explosive/landmine/IED"

TABLE = [
    # ---------------------------------------------------------------- aircraft shot down
    row(
        "Ukrainian air defence units shot down a Russian Su-34 bomber over the Luhansk region on Monday.",
        "manned_jet_downed_by_air_defence_is_shelling",
        SHELLING,
        {"aircraft_downed"},
    ),
    row(
        "A Russian Ka-52 helicopter was shot down by Ukrainian paratroopers near Bakhmut.",
        "helicopter_downed_by_ground_troops_is_shelling",
        SHELLING,
        {"aircraft_downed"},
    ),
    row(
        "A Ukrainian MiG-29 shot down a Russian Su-25 over the Zaporizhzhia region, the air force said.",
        "aircraft_downed_by_another_aircraft_is_a_clash",
        CLASH,
        {"aircraft_downed"},
    ),
    row(
        "On 31 January 2024, Russian forces shot down a Ukrainian Su-27 near Kupiansk, Kharkiv.",
        "a_jet_named_after_a_nationality_the_parser_took_for_the_object",
        SHELLING,
        {"aircraft_downed"},
    ),
    row(
        "Ukrainian pilots shot down a Russian Su-35 with a MiG-29 over the Black Sea.",
        "aircraft_downed_with_another_aircraft_is_a_clash",
        CLASH,
        {"aircraft_downed"},
    ),
    row(
        "Ukrainian air defences downed 23 Shahed drones over the Odesa region overnight.",
        "drones_brought_down_stay_an_interception",
        "Disrupted weapons use",
        {"interception"},
    ),
    row(
        "Air defence intercepted two cruise missiles over Kyiv on Sunday morning.",
        "missiles_intercepted_stay_an_interception",
        "Disrupted weapons use",
    ),
    # ---------------------------------------------------------------- strikes whose weapon is unsaid
    row(
        "On 12 May 2024, Russian forces struck an apartment building in Kharkiv, killing 2 civilians.",
        "a_strike_by_an_army_of_the_war_is_remote_fire_not_an_attack_in_person",
        SHELLING,
    ),
    row(
        "On 12 May 2024, Russian soldiers struck a detained man with rifle butts in Vovchansk.",
        "a_beating_with_rifle_butts_stays_an_attack",
        "Attack",
    ),
    # ---------------------------------------------------------------- camps of the displaced
    row(
        "Gunmen attacked a displacement camp in North Darfur on Sunday, killing at least 30 people.",
        "an_attack_on_a_camp_of_the_displaced_is_an_attack_on_civilians",
        "Attack",
    ),
    row(
        "Boko Haram fighters stormed an IDP camp near Dikwa, killing 9 residents.",
        "an_idp_camp_stormed_is_an_attack_on_civilians",
        "Attack",
    ),
    row(
        "ISWAP militants attacked a military camp near Dikwa, killing 9 soldiers.",
        "an_attack_on_a_military_camp_stays_a_clash",
        CLASH,
    ),
    # ---------------------------------------------------------------- hand-thrown explosives
    row(
        "Two unknown men threw a homemade bomb into the house of a ward administrator in Mandalay on Sunday.",
        "a_bomb_thrown_by_hand_is_a_grenade_attack",
        "Grenade",
    ),
    row(
        "A bomb was hurled at the office of the ruling party in Dhaka, wounding two guards.",
        "a_bomb_hurled_at_an_office_is_a_grenade_attack",
        "Grenade",
    ),
    row(
        "Protesters threw petrol bombs at police lines in Nairobi on Tuesday.",
        "petrol_bombs_thrown_by_protesters_stay_a_riot",
        "Violent demonstration",
    ),
    # ---------------------------------------------------------------- strikes from aircraft
    row(
        "On 3 May 2023, Russian air forces bombed Bilohorivka, Luhansk. Two houses were destroyed.",
        "air_forces_bombed_a_village",
        AIR,
    ),
    row(
        "Russian aviation launched a missile strike on Kramatorsk from aircraft over the Azov Sea.",
        "missile_strike_from_aircraft_is_an_air_strike",
        AIR,
    ),
    row(
        "Russian forces hit Kupiansk with airborne missiles on Tuesday, the regional governor said.",
        "airborne_missiles_are_an_air_strike",
        AIR,
    ),
    row(
        "A guided aerial bomb hit an apartment block in Kostiantynivka, wounding six residents.",
        "guided_aerial_bomb_is_an_air_strike",
        AIR,
    ),
    row(
        "Two KABs struck the outskirts of Vovchansk overnight, the regional administration reported.",
        "kab_is_an_air_strike_not_an_ied",
        AIR,
    ),
    row(
        "Russian drones hit a residential building in Sumy, damaging 40 apartments.",
        "drones_hitting_a_building_is_a_drone_strike",
        AIR,
        {"drone_strike"},
    ),
    row(
        "Russian drones destroyed a residential building in Odesa overnight, the governor said.",
        "drones_destroying_a_building_is_a_drone_strike",
        AIR,
        {"drone_strike"},
    ),
    row(
        "Shelling damaged three houses and a school in Nikopol on Sunday.",
        "shelling_damaging_houses_is_shelling",
        SHELLING,
    ),
    row(
        "Russian aircraft struck Kharkiv with KAB bombs overnight.",
        "bombs_named_by_an_aerial_system_are_an_air_strike",
        AIR,
    ),
    row(
        "Russian troops destroyed a church in the occupied village, residents said.",
        "troops_destroying_a_church_is_property_destruction",
        "Looting/property destruction",
    ),
    row(
        "Unidentified assailants bombed a telecom mast near the town, local media said.",
        "unknown_assailants_bombing_is_an_ied",
        IED,
    ),
    row(
        "The Yaw Defence Force bombed and destroyed two power pylons near the township on Friday.",
        "named_group_bombing_power_lines_is_an_ied",
        IED,
    ),
    row(
        "The Malian air force struck a camp of jihadist fighters near Niono on Tuesday.",
        "an_air_force_striking_is_an_air_strike",
        AIR,
    ),
    row(
        "The Nigerian Air Force struck insurgent hideouts near Gwoza, killing 20 fighters.",
        "an_air_force_killing_fighters_is_still_an_air_strike",
        AIR,
    ),
    row(
        "Israel bombed a house in Rafah overnight, the health ministry said.",
        "a_state_bombing_is_an_air_strike",
        AIR,
    ),
    row(
        "A local resistance group attacked a military supply train with mines near the village.",
        "attack_with_mines_is_an_ied",
        IED,
    ),
    # ---------------------------------------------------------------- unexploded ordnance and mines
    row(
        "A 54-year-old man stepped on a mine while picking mushrooms near Izium.",
        "stepping_on_a_mine",
        IED,
    ),
    row(
        "A combine harvester ran over an anti-tank mine in a field near Beryslav, injuring the driver.",
        "harvester_runs_over_an_anti_tank_mine",
        IED,
    ),
    row(
        "An unexploded shell detonated in a private yard in Kupiansk, wounding a teenager.",
        "unexploded_shell_going_off_is_an_ied",
        IED,
    ),
    row(
        "Two children were injured when unexploded ordnance went off in a field near Balakliia.",
        "unexploded_ordnance_accident",
        IED,
    ),
    row(
        "Insurgents set off a bomb as an army convoy passed through the district on Friday.",
        "setting_off_a_bomb_is_an_ied_not_a_base",
        IED,
    ),
    row(
        "Police discovered a large cache of ammunition believed to belong to a criminal gang.",
        "cache_found_with_a_clause_hung_on_the_verb",
        "Disrupted weapons use",
    ),
    row(
        "Bandits killed seven villagers and abducted 30 others in a night raid in Katsina state.",
        "an_abduction_with_killings_is_an_attack",
        "Attack",
        {"abduction"},
    ),
    row(
        "Gunmen abducted 20 worshippers from a church in Kaduna state on Sunday.",
        "an_abduction_without_further_violence_is_an_abduction",
        "Abduction/forced disappearance",
    ),
    row(
        "Gunmen on motorcycles stormed a village in Zamfara state, killing 12 residents and burning houses.",
        "armed_men_storming_a_village_of_civilians_attack_them",
        "Attack",
    ),
    row(
        "Gunmen on motorcycles stormed a village in Zamfara state, shooting residents and burning houses.",
        "the_residents_shot_in_the_storming_are_its_victims",
        "Attack",
    ),
    row(
        "Government forces and Kurdish fighters clashed in Qamishli, killing and wounding several people.",
        "two_armed_sides_clashing_among_people_still_fight",
        CLASH,
    ),
    row(
        "The Russians attacked the border communities of Bilopillia and Krasnopillia during the day.",
        "an_army_attacking_places_far_from_the_front_shells_them",
        SHELLING,
    ),
    row(
        "Russian troops attacked Krasnohorivka again on Tuesday.",
        "an_army_attacking_a_front_line_village_fights_for_it",
        CLASH,
    ),
    row(
        "Russian soldiers attacked a civilian car near Kherson.",
        "an_army_attacking_a_car_is_no_attack_on_the_place",
        "Attack",
    ),
    row(
        "Ukrainian forces shelled the village of Gornal with cluster munitions, the governor said.",
        "cluster_munitions_fired_are_shelling",
        SHELLING,
    ),
    row(
        "Russian aircraft dropped cluster bombs on the outskirts of Kupiansk.",
        "cluster_bombs_dropped_are_an_air_strike",
        AIR,
    ),
    # ---------------------------------------------------------------- displacement
    row(
        "On 2 April 2023, 58 civilians, including 11 children, were evacuated from Orikhiv, Zaporizhia.",
        "civilians_evacuated_from_a_town",
        "Other",
        {"displacement"},
    ),
    row(
        "On 6 May 2023, occupation authorities announced the evacuation of 18 settlements near the front line.",
        "evacuation_of_settlements_announced",
        "Other",
        {"displacement"},
    ),
    row(
        "Local authorities ordered the evacuation of Kupiansk, Kharkiv, on Wednesday.",
        "evacuation_of_a_town_ordered",
        "Other",
        {"displacement"},
    ),
    row(
        "About 1,200 people left Avdiivka over the past week, the city administration said.",
        "people_left_a_town",
        "Other",
        {"displacement"},
    ),
    row(
        "Thousands of residents fled the border villages after the attacks intensified.",
        "residents_fled",
        "Other",
        {"displacement"},
    ),
    row(
        "Occupation authorities deported 300 children from Kherson region to Crimea.",
        "children_deported",
        "Other",
        {"displacement"},
    ),
    # ---------------------------------------------------------------- monitoring-mission reports
    row(
        "The SMM recorded 14 explosions near Zolote, Luhansk region.",
        "monitors_recording_explosions_is_shelling",
        SHELLING,
    ),
    row(
        "On 9 February, the Mission observed a total of 6 projectiles involving unknown weapons near Horlivka.",
        "monitors_observing_projectiles_is_shelling",
        SHELLING,
    ),
    row(
        "Monitors heard 22 bursts of small-arms fire 2km east of Popasna.",
        "bursts_of_small_arms_fire_is_a_clash",
        CLASH,
    ),
    row(
        "The SMM observed 31 shots/bursts of fire involving heavy machine guns near Svitlodarsk.",
        "heavy_machine_gun_bursts_is_shelling",
        SHELLING,
    ),
    row(
        "The SMM observed 17 explosions in both directions of the contact line near Avdiivka.",
        "explosions_in_both_directions_is_a_clash",
        CLASH,
    ),
    row(
        "In Luhansk region, the SMM recorded 96 ceasefire violations, including 40 explosions.",
        "explosions_counted_among_ceasefire_violations",
        SHELLING,
    ),
    row(
        "The Mission recorded 40 explosions and bursts of fire involving small arms/unknown weapons near Pisky.",
        "small_arms_with_unknown_weapons_is_a_clash",
        CLASH,
    ),
    # ---------------------------------------------------------------- fire between forces
    row(
        "On 4 March, rebel forces fired small arms at government positions near Marinka, Donetsk.",
        "small_arms_at_positions_is_a_clash",
        CLASH,
    ),
    row(
        "Ukrainian forces fired 120mm mortars and grenade launchers at the positions of the militia near Pisky.",
        "mortars_and_grenade_launchers_are_shelling",
        SHELLING,
    ),
    row(
        "Separatist forces fired automatic grenade launchers at Ukrainian positions near Shyrokyne.",
        "grenade_launchers_are_not_grenades",
        SHELLING,
    ),
    row(
        "Rebel forces fired anti-tank guided missiles and heavy machine guns at positions near Avdiivka.",
        "atgm_and_heavy_machine_guns_are_shelling",
        SHELLING,
    ),
    row(
        "Government forces fired grenade launchers and small arms at rebel positions near Zaitseve.",
        "any_small_arms_make_a_clash",
        CLASH,
    ),
    row(
        "Russian forces fired unspecified weapons at the positions of Ukrainian forces near Bilohorivka.",
        "unspecified_weapons_at_positions_is_a_clash",
        CLASH,
    ),
    row(
        "Russian forces fired tanks at Ukrainian positions near Vuhledar. Ukrainian forces fired back.",
        "fire_answered_is_a_clash",
        CLASH,
    ),
    row(
        "Russian forces shelled Orikhiv on Monday. Ukrainian forces responded with fire.",
        "shelling_answered_with_fire_is_a_clash",
        CLASH,
    ),
    row(
        "Russian forces fired at Hirnyk, Donetsk. One civilian was killed.",
        "fire_at_a_town_is_shelling",
        SHELLING,
    ),
    row(
        "Russian forces fired heavy weapons at Toretsk, killing two civilians.",
        "heavy_weapons_at_a_town_is_shelling",
        SHELLING,
    ),
    row(
        "Russian soldiers fired small arms at a civilian car near Vasylivka, wounding the driver.",
        "shooting_at_a_car_is_an_attack",
        "Attack",
    ),
    row(
        "Gunmen opened fire on a cafe in the city centre, killing three people.",
        "gunmen_opening_fire_on_a_cafe_is_an_attack",
        "Attack",
    ),
    row(
        "Russian forces fired small arms and artillery at cars of evacuees near Kupiansk, wounding a woman.",
        "small_arms_with_artillery_at_cars_is_an_attack",
        "Attack",
    ),
    row(
        "Rebels fired mortars, anti-tank missiles and small arms at army positions near the town.",
        "small_arms_with_missiles_at_positions_is_a_clash",
        CLASH,
    ),
    row(
        "Insurgents attacked a police checkpoint with rifles and mortars, killing two officers.",
        "attack_with_rifles_and_mortars_is_a_clash",
        CLASH,
    ),
    row(
        "Russian forces attempted an offensive in the direction of Marinka, which was unsuccessful.",
        "unsuccessful_offensive_is_a_clash",
        CLASH,
    ),
    row(
        "The enemy tried to break through our defence near Novomykhailivka and was repelled.",
        "attempt_to_break_through_is_a_clash",
        CLASH,
    ),
    row(
        "Russian troops tried to capture the village of Krasnohorivka but were driven back.",
        "attempted_capture_is_a_clash_not_a_capture",
        CLASH,
    ),
    row(
        "The enemy conducted unsuccessful offensive actions in the area of Novopavlivka.",
        "offensive_actions_in_a_bulletin_are_a_clash",
        CLASH,
    ),
    row(
        "The enemy used 31 Shahed-type attack drones overnight, 24 of which were destroyed by air defence.",
        "attack_drones_are_weapons_and_of_which_names_them",
        "Disrupted weapons use",
    ),
    row(
        "Russian forces engaged in an offensive in the direction of Siversk.",
        "engaged_in_an_offensive",
        CLASH,
    ),
    # ---------------------------------------------------------------- arson, vandalism, seizures
    row(
        "Unknown persons set fire to the car of a local councillor in Kharkiv.",
        "set_fire_to_a_car",
        "Looting/property destruction",
    ),
    row(
        "Unknown men set a village council building on fire overnight.",
        "set_a_building_on_fire",
        "Looting/property destruction",
    ),
    row(
        "Jihadists seized an abandoned missile-launching site near the air base.",
        "a_site_named_after_weapons_is_territory",
        "Non-violent transfer of territory",
    ),
    row(
        "Vandals smashed the windows of a Hungarian cultural centre in Uzhhorod.",
        "smashed_windows",
        "Looting/property destruction",
    ),
    row(
        "Unknown people painted graffiti on a Soviet war memorial in Lviv.",
        "graffiti_on_a_memorial",
        "Looting/property destruction",
    ),
    row(
        "Russian soldiers seized humanitarian aid destined for residents of Nova Kakhovka.",
        "humanitarian_aid_seized",
        "Looting/property destruction",
    ),
    row(
        "An arson attack destroyed the office of a veterans' association in Odesa.",
        "arson_attack_on_an_office",
        "Looting/property destruction",
    ),
    row(
        "Business owners said attacks on shops and other property had cost them millions.",
        "attacks_on_property_alone_are_property_destruction",
        "Looting/property destruction",
    ),
    # ---------------------------------------------------------------- demonstrations
    row(
        "Members of a nationalist party held a torchlight march in Lviv to mark the anniversary.",
        "torchlight_march",
        "Peaceful protest",
    ),
    row(
        "Around 300 people gathered in the central square of Cherkasy to commemorate the fallen defenders.",
        "gathering_to_commemorate",
        "Peaceful protest",
    ),
    row(
        "Some 200 residents gathered outside the city council in support of the mayor.",
        "gathering_in_support",
        "Peaceful protest",
    ),
    row(
        "Residents protested in Kakhovka against the occupation. Russian soldiers beat people up at the rally.",
        "beating_protesters_is_an_intervention",
        "Protest with intervention",
    ),
    row(
        "Hundreds of students defied a ban to march through the capital, blocking the main highway.",
        "purpose_clause_shares_its_subject_road_blocked",
        "Violent demonstration",
    ),
    row(
        "Russian soldiers dispersed a pro-Ukrainian rally in Nova Kakhovka with stun grenades.",
        "stun_grenades_disperse_a_rally",
        "Protest with intervention",
    ),
    row(
        "Residents of Enerhodar threw Molotov cocktails at a Russian armoured vehicle.",
        "civilians_throwing_molotovs_outside_a_protest_is_mob_violence",
        "Mob violence",
    ),
    row(
        "A gathering of soldiers at a market in Baidoa was attacked with a grenade.",
        "a_gathering_of_soldiers_is_no_demonstration",
        "Grenade",
    ),
    # ---------------------------------------------------------------- munitions dropped and bombs
    row(
        "A Russian drone dropped a grenade on a car near Nikopol, wounding the driver.",
        "grenade_dropped_from_a_drone_is_a_drone_strike",
        AIR,
    ),
    row(
        "In the Bilopillia community, a quadcopter dropped two explosive devices on a farm building.",
        "explosive_device_dropped_by_a_quadcopter_is_no_ied",
        AIR,
    ),
    row(
        "Explosives were dropped on a minibus in Beryslav on Friday morning, the administration said.",
        "explosives_dropped_without_a_dropper_named",
        AIR,
    ),
    row(
        "On 13 September 2024, Russian forces dropped a bomb on Zolochiv, Kharkiv, injuring 3 civilians.",
        "a_bomb_an_army_dropped_with_victims_is_an_air_strike_not_an_ied",
        AIR,
    ),
    row(
        "Government troops dropped two bombs on a market in the town, wounding 14 traders.",
        "bombs_dropped_on_a_market_are_an_air_strike",
        AIR,
    ),
    row(
        "Al-Shabaab detonated a VBIED at a checkpoint in Baidoa. Three soldiers were killed.",
        "a_vbied_is_a_car_bomb_not_a_clash",
        "Remote explosive/landmine/IED",
    ),
    row(
        "CODECO militia attacked a displaced persons camp near Djugu, killing eight IDPs.",
        "a_camp_of_displaced_persons_is_no_military_camp",
        "Attack",
    ),
    row(
        "Ukrainian forces launched ATACMS missiles at a Russian airfield in Crimea, destroying two aircraft.",
        "aircraft_destroyed_on_the_ground_are_the_target_not_the_weapon",
        SHELLING,
    ),
    row(
        "A mortar bomb exploded near a bus stop in Avdiivka, wounding two women.",
        "a_mortar_bomb_is_a_heavy_weapons_round",
        SHELLING,
    ),
    row(
        "A Russian bomb hit the village council building in Borova on Thursday, killing one official.",
        "a_states_bomb_falls_from_its_aircraft",
        AIR,
    ),
    row(
        "Russian troops pounded Kupiansk with artillery and glide bombs overnight, wounding three residents.",
        "the_instrument_of_a_strike_types_it",
        AIR,
    ),
    row(
        "On 29 May 2022, Russian forces hit Kremenchuk, Poltava, with Kh-59 missiles launched from Su-34 "
        "aircraft.",
        "missiles_launched_from_aircraft_are_an_air_strike",
        AIR,
    ),
    row(
        "On 26 December 2023, Ukrainian aircraft sank the Russian landing ship Novocherkassk in the port of "
        "Feodosia with cruise missiles.",
        "a_ship_sunk_was_attacked_with_what_sank_it",
        AIR,
    ),
    row(
        "On 5 March 2024, Ukrainian sea drones sank the patrol ship Sergei Kotov near the Kerch Strait.",
        "a_ship_sunk_by_sea_drones_is_a_drone_strike",
        AIR,
    ),
    row(
        "On 3 March 2022, Ukrainian forces destroyed a Russian armoured column on the road to Makariv.",
        "enemy_armour_destroyed_by_unstated_means_is_shelling",
        SHELLING,
    ),
    row(
        "On 6 March 2022, Russian forces destroyed a Ukrainian platoon defending Irpin.",
        "enemy_troops_destroyed_is_a_battle",
        CLASH,
    ),
    row(
        "On 1 March 2022, Ukrainian forces destroyed a Russian supply convoy with Bayraktar drones near Ivankiv.",
        "the_instrument_of_a_destruction_types_it",
        AIR,
    ),
    row(
        "On 2 April 2022, Russian forces struck an oil depot in Lutsk with air-launched cruise missiles.",
        "air_launched_missiles_are_an_air_strike",
        AIR,
    ),
    row(
        "On 9 March 2022, Russian forces launched a missile strike from the air on the airfield in Ozerne.",
        "a_missile_strike_from_the_air_is_an_air_strike",
        AIR,
    ),
    row(
        "On 11 March 2022, Russian aviation struck a residential area of Okhtyrka.",
        "aviation_striking_is_an_air_strike",
        AIR,
    ),
    row(
        "On 11 March 2022, Russian planes attacked the outskirts of Izium.",
        "planes_attacking_is_an_air_strike",
        AIR,
    ),
    row(
        "On 14 July 2022, Russian forces hit the centre of Vinnytsia with Kalibr missiles launched from a "
        "submarine in the Black Sea.",
        "missiles_launched_from_the_sea_stay_a_missile_strike",
        SHELLING,
    ),
    row(
        "The SMM observed a total of 45 bursts of fire involving heavy machineguns near Zolote.",
        "bursts_of_heavy_machinegun_fire_are_shelling",
        SHELLING,
    ),
    row(
        "Positioned near Shyrokyne, the SMM heard 30 bursts of heavy-machine-gun fire 2km east.",
        "hyphenated_heavy_machine_gun_is_heavy",
        SHELLING,
    ),
    row(
        "In Pisky, the SMM saw a fresh crater in a garden, assessed as caused by a 120mm mortar round.",
        "a_fresh_crater_a_monitor_saw_is_shelling",
        SHELLING,
    ),
    row(
        "Russian forces seized the nuclear power plant in Enerhodar on Friday after heavy fighting.",
        "a_plant_seized_is_territory",
        "Non-state actor overtakes territory",
    ),
    row(
        "In the Huliaipole direction, the enemy made 3 unsuccessful attempts to break through our defences "
        "near Staromaiorske.",
        "attempts_to_break_through_are_fighting",
        CLASH,
    ),
    row(
        "In the Kupiansk direction, units of the battlegroup inflicted losses on enemy manpower near Synkivka.",
        "inflicted_losses_near_a_village_are_fighting",
        CLASH,
    ),
    row(
        "In the Toretsk direction, the enemy attacked 12 times near Niu-York and Shcherbynivka.",
        "attacks_counted_by_a_bulletin_are_fighting",
        CLASH,
    ),
    row(
        "Kursk: as a result of the air defence system's work, fragments fell on the roof of a garage.",
        "debris_after_air_defence_is_an_interception",
        "Disrupted weapons use",
    ),
    row(
        "Zaporizhzhia region: 2 killed, 6 wounded in Russian shelling over the past day.",
        "a_headline_tally_is_its_shellings",
        SHELLING,
    ),
    row(
        "Ukrainian naval drones struck a landing ship near Feodosia in temporarily occupied Crimea.",
        "temporarily_occupied_is_a_state",
        AIR,
    ),
    row(
        "Hundreds of residents rallied peacefully in Sumy following the arrest of a local activist.",
        "an_arrest_a_protest_follows_is_its_grievance_not_its_dispersal",
        "Peaceful protest",
    ),
    row(
        "Border guards intercepted a retired army officer and 14 foreigners near the border crossing.",
        "people_intercepted_are_arrested",
        "Arrests",
    ),
    # ---------------------------------------------------------------- labels of notes
    row(
        "Looting: On 5 March 2022, Russian soldiers took cars from residents of Ivankiv, Kyiv.",
        "a_notes_label_names_the_kind_of_its_event",
        "Looting/property destruction",
    ),
    row(
        "Displacement:\nOn 8 April 2022, 3,000 people were evacuated from Kramatorsk, Donetsk.",
        "a_label_on_its_own_line_names_the_next_sentences_kind",
        "Other",
        {"displacement"},
    ),
    # ---------------------------------------------------------------- interceptions
    row(
        "Air defence forces destroyed 14 unmanned aerial vehicles over the Voronezh region overnight.",
        "unmanned_aerial_vehicles_destroyed_are_drones_intercepted",
        "Disrupted weapons use",
        {"interception"},
    ),
    row(
        "Overnight the enemy attacked the Mykolaiv region with 11 Shahed drones. All 11 were shot down.",
        "all_of_the_weapons_told_before_were_intercepted",
        "Disrupted weapons use",
    ),
    row(
        "Air defence units shot down seven rockets over the Kursk region on Sunday evening.",
        "rockets_shot_down_are_intercepted_not_fired",
        "Disrupted weapons use",
    ),
    # ---------------------------------------------------------------- territory
    row(
        "On 2 April 2023, Ukrainian forces regained control over Dovhenke, Kharkiv. No information on whether "
        "fighting took place.",
        "regained_control_without_known_fighting",
        "Non-violent transfer of territory",
    ),
    row(
        "Rebel fighters entered Kidal on Sunday and met no resistance.",
        "fighters_entering_a_town_without_resistance",
        "Non-violent transfer of territory",
    ),
    row(
        "On 3 July 2022, Russian forces took full control of Lysychansk, Luhansk, after Ukrainian forces withdrew "
        "from the city.",
        "full_control_after_a_withdrawal_completes_a_fight",
        "Non-state actor overtakes territory",
    ),
    row(
        "On 1 April 2022, Ukrainian forces regained control of Irpin, Kyiv, following the withdrawal of Russian "
        "forces.",
        "a_state_retaking_its_ground_after_the_enemy_withdrew_regains_it",
        "Government regains territory",
    ),
    row(
        "Separatists abandoned their stronghold of Lysychansk on Sunday, and government forces raised the "
        "national flag over the town after weeks of fighting.",
        "a_flag_raised_over_a_town_its_holders_abandoned_regains_it",
        "Government regains territory",
    ),
    row(
        "Government troops withdrew from the besieged town of Vuhlehirsk on Tuesday, and Russia-backed "
        "separatists took control of the town.",
        "a_town_left_under_siege_was_fought_for",
        "Non-state actor overtakes territory",
    ),
    row(
        "Russian forces withdrew completely from the village of Pidlypne.",
        "complete_withdrawal",
        "Non-violent transfer of territory",
    ),
    # ---------------------------------------------------------------- explosions
    row(
        "An explosion occurred at the entrance of a police station in Melitopol on Sunday night.",
        "explosion_at_a_building_is_an_ied",
        IED,
    ),
    row(
        "Several explosions rocked Belgorod as rockets were fired from across the border.",
        "explosions_with_rockets_named_are_shelling",
        SHELLING,
    ),
    # ---------------------------------------------------------------- "came under fire"
    row(
        "The town of Orikhiv came under heavy fire overnight, the regional governor said.",
        "a_settlement_under_fire_is_shelled",
        SHELLING,
    ),
    row(
        "Sumy came under fire again on Thursday morning.",
        "a_war_city_the_tagger_takes_for_a_person_under_fire_is_shelled",
        SHELLING,
    ),
    row(
        "Ukrainian positions near Staromaiorske came under small-arms fire on Wednesday.",
        "troops_under_small_arms_fire_are_in_a_clash",
        CLASH,
    ),
    row(
        "A Ukrainian patrol came under fire near the village of Krynky.",
        "troops_under_fire_at_all_are_in_a_clash",
        CLASH,
    ),
]

NO_EVENT = [
    pytest.param(
        "The defence minister came under fire from lawmakers over the procurement scandal.",
        id="a_person_under_fire_from_critics_is_criticised_not_shot_at",
    ),
    pytest.param(
        "The government has come under fire for its handling of the evacuation.",
        id="a_government_under_fire_is_criticised",
    ),
    "The ferry sank in a storm off the coast on Tuesday.",
    pytest.param(
        "Six military planes entered the air defence identification zone on Monday.",
        id="aircraft_entering_a_zone_take_no_ground",
    ),
    pytest.param("The SMM saw old craters near the school in Pisky.", id="old_craters_are_no_event"),
    pytest.param(
        "The army completed the evacuation of its equipment from the base on Monday.",
        id="evacuating_equipment_displaces_nobody",
    ),
    pytest.param(
        "EU foreign ministers agreed on Monday to fund more artillery ammunition for Ukraine.",
        id="allies_agreeing_on_their_own_business_is_no_conflict_agreement",
    ),
    pytest.param(
        "Monitors continued to support adherence to the local ceasefire around the pumping station.",
        id="a_ceasefire_in_force_is_no_new_agreement",
    ),
    pytest.param(
        "The SMM saw four self-propelled howitzers near Staromarivka, in violation of the withdrawal lines.",
        id="withdrawal_lines_are_a_line_not_a_withdrawal",
    ),
    pytest.param(
        "Air raid alert in the Sumy region! Proceed to the nearest shelter.", id="an_air_raid_alert"
    ),
    pytest.param(
        "A group of Shahed drones is heading from the south towards Kremenchuk.",
        id="weapons_in_flight_are_a_warning_not_a_deployment",
    ),
    pytest.param(
        "The Air Force denies Russian claims that two Ukrainian MiG-29s were shot down over Dnipropetrovsk "
        "oblast.",
        id="a_loss_denied_by_the_side_that_suffered_it",
    ),
    pytest.param(
        "Artillery units struck clusters of enemy manpower and military equipment in 112 areas over the past day.",
        id="strikes_in_many_areas_without_a_place_are_a_tally",
    ),
    pytest.param(
        "During the day, air defence systems shot down three Neptune missiles, four HIMARS rockets and 31 "
        "unmanned aerial vehicles.",
        id="interceptions_of_several_weapons_without_a_place_are_a_tally",
    ),
    pytest.param(
        "The total combat losses of the enemy over the past day amounted to 1,140 personnel.",
        id="combat_losses_are_a_tally_not_a_clash",
    ),
    pytest.param(
        "Soldiers of the 95th air assault brigade received new armoured vehicles.",
        id="an_air_assault_brigade_is_no_air_strike",
    ),
    pytest.param(
        "The enemy lost up to 90 servicemen, a tank and three infantry fighting vehicles.",
        id="fighting_vehicles_are_equipment_not_fighting",
    ),
    pytest.param(
        "The brigade dug new fighting positions along the river.",
        id="fighting_positions_are_a_kind_of_position",
    ),
    pytest.param(
        "Russia is trying to capture the whole of the Donbas region.", id="present_attempt_is_an_aim"
    ),
    pytest.param(
        "Schools reopened in the occupied districts of the Zaporizhzhia region.", id="occupied_as_a_state"
    ),
    pytest.param(
        "Aid workers visited a school housing displaced families in Gaza City on Saturday.",
        id="displaced_families_are_who_they_are_not_a_displacement",
    ),
    pytest.param("The OSCE noted that ceasefire violations decreased in March.", id="ceasefire_violations"),
    pytest.param(
        "The cease-fire agreement is set to take effect at midnight on Friday.",
        id="set_is_no_arson_of_a_cease_fire",
    ),
]


def _lead(text: str):
    from spotrep import extract

    events = extract(text, published=PUBLISHED)
    assert events, f"no event in {text!r}"
    return events[0], events


@pytest.mark.parametrize("text, sub, cats", TABLE)
def test_codebook_convention_types_the_lead_event(text: str, sub: str, cats: set[str]) -> None:
    ev, events = _lead(text)
    got = f"{ev.sub_event_type} {ev.categories} (all: {[e.sub_event_type for e in events]})"
    assert ev.sub_event_type == sub, got
    assert cats <= set(ev.categories), got


@pytest.mark.parametrize(
    "text",
    [
        "On 5 March 2024, Russian forces dropped a grenade from a drone on civilians in Beryslav, injuring two.",
        "A Russian quadcopter dropped two grenades on a car near Kherson on Tuesday.",
    ],
)
def test_a_grenade_dropped_from_a_drone_is_the_drone_strike_alone(text: str) -> None:
    from spotrep import extract

    assert [e.sub_event_type for e in extract(text, published=PUBLISHED)] == [AIR]


@pytest.mark.parametrize(
    "text",
    [
        "On 8 February 2024, Ukrainian forces shelled Horlivka, Donetsk (Russian-occupied).",
        "Russian forces shelled the Ukrainian-held town of Kupiansk overnight.",
        "Rebels fired mortars at Houthi-controlled districts of Taiz on Sunday.",
    ],
)
def test_who_holds_a_place_named_in_a_compound_is_no_capture(text: str) -> None:
    """ "Russian-occupied", "Ukrainian-held": the holder of the place shelled, not a place taken that day."""
    from spotrep import extract

    assert [e.sub_event_type for e in extract(text, published=PUBLISHED)] == [SHELLING]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "On 18 June 2024, Ukrainian police detained a man in Lviv city, Lviv, suspected of setting fire to a "
            "military vehicle.",
            ["Arrests"],
        ),
        ("Police arrested two men accused of planting a bomb near the mosque in Kano.", ["Arrests"]),
        ("Security forces arrested a man on suspicion of attacking a police station in Gao.", ["Arrests"]),
        ("Police detained a teenager for setting fire to a railway relay box in Kyiv.", ["Arrests"]),
        ("A court in Kharkiv sentenced a man to 15 years for shelling the city in 2022.", []),
        # an accusation with no arrest is how the deed itself is reported
        ("Rebels were accused of killing 12 villagers in Beni on Tuesday.", ["Attack"]),
        # the crowd whose action an arrest broke up stays
        (
            "Police detained 20 people for protesting outside the parliament in Tbilisi.",
            ["Protest with intervention"],
        ),
    ],
)
def test_a_deed_told_as_the_grounds_of_an_arrest_is_no_event_of_its_own(
    text: str, expected: list[str]
) -> None:
    from spotrep import extract

    assert [e.sub_event_type for e in extract(text, published=PUBLISHED)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "On 8 December 2023, Russian forces attacked Ukrainian positions near Avdiivka with armoured vehicles; "
        "Ukrainian forces destroyed 5 tanks.",
        "Russian troops stormed Ukrainian positions near Krynky on Tuesday, and Ukrainian artillery destroyed two "
        "of their armoured vehicles.",
    ],
)
def test_the_fire_of_the_side_attacked_is_part_of_the_battle(text: str) -> None:
    """Artillery and drones used inside a ground battle are part of the battle (ACLED): one armed clash."""
    from spotrep import extract

    assert [e.sub_event_type for e in extract(text, published=PUBLISHED)] == ["Armed clash"]


def test_a_wars_running_toll_is_no_event_nor_more_dead_of_the_one_before() -> None:
    from spotrep import extract

    text = (
        "A drone strike hit a market in Omdurman on Saturday, killing 12 civilians.\n\n"
        "The war between the army and the RSF began in April 2023 and has killed more than 40,000 people."
    )
    events = extract(text, published=PUBLISHED)
    assert [(e.location.name, e.fatalities) for e in events] == [("Omdurman", 12)]


@pytest.mark.parametrize("text", NO_EVENT)
def test_codebook_non_events_yield_nothing(text: str) -> None:
    from spotrep import extract

    events = extract(text, published=PUBLISHED)
    assert events == [], [(e.sub_event_type, e.evidence[0].text) for e in events]


def test_one_event_for_a_count_of_several_kinds() -> None:
    """ "7 explosions/shots/bursts of fire" is one count of one observation: one event, not three."""
    from spotrep import extract

    events = extract(
        "The SMM observed a total of 7 explosions/shots/bursts of fire involving unknown weapons near Krymske.",
        published=PUBLISHED,
    )
    assert len(events) == 1, [e.sub_event_type for e in events]


def test_answered_fire_folds_into_one_event() -> None:
    from spotrep import extract

    events = extract(
        "Russian forces shelled Orikhiv on Monday. Ukrainian forces responded with fire.", published=PUBLISHED
    )
    assert [e.sub_event_type for e in events] == [CLASH]
    assert "shelling" in events[0].categories


def test_explosions_and_gunfire_counted_apart_are_two_events() -> None:
    """ "heard 9 explosions and 25 bursts of small-arms fire": the explosions are shelling, the bursts a clash."""
    from spotrep import extract

    events = extract(
        "Positioned in Horlivka, the SMM heard 9 undetermined explosions and 25 bursts of small-arms fire 2km "
        "north.",
        published=PUBLISHED,
    )
    assert sorted(e.sub_event_type for e in events) == [CLASH, SHELLING]


def test_warning_shots_at_a_demonstration_are_its_dispersal() -> None:
    from spotrep import extract

    events = extract(
        "On 20 March 2022, about 500 people protested in Nova Kakhovka, Kherson. Russian soldiers fired into the "
        "air to disperse them.",
        published="2022-03-20",
    )
    assert [e.sub_event_type for e in events] == ["Protest with intervention"]


def test_the_axis_a_bulletin_names_is_not_the_event_place() -> None:
    from spotrep import extract

    events = extract(
        "In the Kherson direction, the enemy made 2 unsuccessful attempts to dislodge our units near Krynky.",
        published=PUBLISHED,
    )
    assert [e.location.name for e in events] == ["Krynky"]


def test_debris_after_an_interception_is_that_interception() -> None:
    from spotrep import extract

    events = extract(
        "Overnight the enemy attacked Dnipro with Shahed drones. Air defence destroyed all of them; debris fell in "
        "two districts of the city.",
        published=PUBLISHED,
    )
    assert [e.sub_event_type for e in events] == ["Disrupted weapons use"]


def test_weapons_destroyed_with_explosives_are_a_disposal_not_a_bombing() -> None:
    """'with explosives' names how seized weapons were disposed of; only remote fire names an attack."""
    from spotrep import extract

    events = extract("Police destroyed the seized weapons with explosives in Kyiv.", published=PUBLISHED)
    assert [e.sub_event_type for e in events] == ["Disrupted weapons use"]


def _parsed(words, heads, deps, pos, ents):
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    return Doc(
        Vocab(), words=words, heads=heads, deps=deps, pos=pos, lemmas=[w.lower() for w in words], ents=ents
    )


def test_a_group_named_after_its_town_bombs_from_the_ground() -> None:
    from spotrep.codebook import bombing_kind

    # the tagger's GPE over "Kalay PDF" makes no state of the group
    doc = _parsed(
        ["The", "Kalay", "PDF", "bombed", "a", "tower", "."],
        [2, 2, 3, 3, 5, 3, 3],
        ["det", "compound", "nsubj", "ROOT", "det", "dobj", "punct"],
        ["DET", "PROPN", "PROPN", "VERB", "DET", "NOUN", "PUNCT"],
        ["O", "B-GPE", "I-GPE", "O", "O", "O", "O"],
    )
    assert bombing_kind(doc[3]) == "explosive"


def test_a_state_bombs_from_the_air() -> None:
    from spotrep.codebook import bombing_kind

    doc = _parsed(
        ["Israel", "bombed", "a", "house", "."],
        [1, 1, 3, 1, 1],
        ["nsubj", "ROOT", "det", "dobj", "punct"],
        ["PROPN", "VERB", "DET", "NOUN", "PUNCT"],
        ["B-GPE", "O", "O", "O", "O"],
    )
    assert bombing_kind(doc[1]) == "air_strike"


@pytest.mark.parametrize(
    ("text", "dead", "attacker", "defender"),
    [
        (
            "On 3 March 2023, ISWAP fighters attacked a military base in Monguno. Troops repelled the attack, "
            "killing 12 militants.",
            12,
            "ISWAP",
            "Nigeria",
        ),
        (
            "Al-Shabaab militants stormed an army base near Afgoye on Sunday. Soldiers repulsed the assault, "
            "killing eight of the attackers, the army said.",
            8,
            "Al Shabaab",
            "Somalia",
        ),
        (
            "Militants attacked an army post near Djibo on Sunday. Soldiers beat back the attack, killing 15 "
            "assailants.",
            15,
            "Unidentified Armed Group",
            "Burkina Faso",
        ),
    ],
)
def test_an_attack_and_its_repelling_are_one_clash(text, dead, attacker, defender) -> None:
    from spotrep import extract

    events = extract(text, published=PUBLISHED)
    assert [e.sub_event_type for e in events] == [CLASH], [(e.sub_event_type, e.fatalities) for e in events]
    assert events[0].fatalities == dead
    assert attacker in events[0].actor1.name
    assert events[0].actor2 is not None and defender in events[0].actor2.name


def test_an_attack_repelled_elsewhere_is_another_event() -> None:
    from spotrep import extract

    events = extract(
        "Gunmen attacked a police station in Kaduna on Monday. In a separate incident, soldiers repelled an "
        "attack on a checkpoint in Zaria.",
        published=PUBLISHED,
    )
    assert len(events) == 2, [(e.sub_event_type, e.location and e.location.name) for e in events]


@pytest.mark.parametrize(
    ("text", "country", "other"),
    [
        (
            "On 16 March 2022, 112 people, including 27 children, were evacuated from Vuhledar, Donetsk.",
            "UA",
            None,
        ),
        ("About 3,000 residents fled Kidal on Tuesday as fighting neared the town.", "ML", None),
        (
            "On 19 March 2023, Russian forces deported 40 residents of Oleshky, Kherson, to Crimea.",
            "UA",
            "RU",
        ),
    ],
)
def test_the_displaced_are_the_first_actor(text, country, other) -> None:
    from spotrep import extract

    found = [e for e in extract(text, published=PUBLISHED) if e.sub_event_type == "Other"]
    assert found, text
    assert found[0].actor1 is not None and found[0].actor1.kind == "civilians"
    assert found[0].actor1.country == country
    if other:
        assert found[0].actor2 is not None and found[0].actor2.country == other


@requires_model
@pytest.mark.parametrize(
    "text, sub_event_type",
    [
        # crowds of civilians fighting with sticks, stones and knives: mob violence
        (
            "Youths of two clans fought with sticks, stones and knives at the market in Gambella on Monday.",
            "Mob violence",
        ),
        (
            "Groups of youths from two clans fought with sticks, stones and knives at the market in Gambella.",
            "Mob violence",
        ),
        ("Youths from two villages clashed with machetes near Gambella town on Monday.", "Mob violence"),
        # a crowd's justice on a supposed offender
        ("Villagers beat a suspected thief to death in Kano on Monday.", "Mob violence"),
        (
            "A group of residents beat to death a man accused of stealing a motorcycle in Aden.",
            "Mob violence",
        ),
        # armed groups, or firearms, make it a clash
        ("Youths armed with guns and machetes clashed near Gambella town on Monday.", "Armed clash"),
        ("Militants armed with knives clashed with police in Kashgar on Monday.", "Armed clash"),
    ],
)
def test_crowds_fighting_with_crude_weapons_or_punishing_an_offender_are_mob_violence(text, sub_event_type):
    import spotrep

    found = spotrep.extract(text, published=PUBLISHED)
    assert found and found[0].sub_event_type == sub_event_type
