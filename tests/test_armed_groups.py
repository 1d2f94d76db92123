"""Armed groups and state forces everywhere: the lexicon data file, how its aliases are matched in text, local
branches, groups the lexicon does not know kept by their own name, and ACLED's names of state forces by period.
Every sentence here was written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

import spotrep
from spotrep.actors import actor_from_token, with_period
from spotrep.entities import get_nlp
from spotrep.errors import LexiconError
from spotrep.lexicon.groups import TYPES, group_by_name, lexicon, parse
from spotrep.model import Actor


def _actors(sentence: str) -> dict[str, tuple[str, str | None, str]]:
    """The actor each noun of a sentence names: token text -> (name, country, kind)."""
    out = {}
    for token in get_nlp()(sentence):
        if token.pos_ in ("NOUN", "PROPN"):
            mention = actor_from_token(token)
            if mention is not None:
                out[token.text] = (mention.actor.name, mention.actor.country, mention.actor.kind)
    return out


def test_every_line_of_the_data_file_is_read():
    lex = lexicon()
    assert len({g.acled for g in (*lex.exact.values(), *lex.folded.values())}) >= 60
    assert all(g.type in TYPES for g in lex.folded.values())


def test_a_malformed_line_of_the_data_file_is_an_error_with_its_line():
    text = "acled\tkind\ttype\tcountry\tlocal\taliases\nX Front\tarmed_group\trebel\n"
    with pytest.raises(LexiconError) as info:
        parse(text, name="groups.tsv")
    assert "groups.tsv:2" in str(info.value)


def test_a_group_of_an_unknown_type_is_an_error():
    text = "acled\tkind\ttype\tcountry\tlocal\taliases\nX Front\tarmed_group\tbandits\t\t\tX Front\n"
    with pytest.raises(LexiconError):
        parse(text)


@pytest.mark.parametrize(
    ("sentence", "word", "name", "country"),
    [
        ("Taliban fighters overran a checkpoint.", "fighters", "Taliban", "AF"),
        ("A Haqqani network commander was detained.", "commander", "Haqqani Network", "AF"),
        ("ISKP militants bombed a mosque.", "militants", "Islamic State (Afghanistan)", "AF"),
        ("Fighters of Islamic State Khorasan Province attacked.", "Fighters", "Islamic State (Afghanistan)", "AF"),
        ("ISWAP fighters raided a base.", "fighters", "ISWAP: Islamic State West Africa Province", "NG"),
        ("JNIM fighters ambushed a convoy.", "fighters", "JNIM: Group for Support of Islam and Muslims", "ML"),
        ("Al-Shabaab militants stormed a hotel.", "militants", "Al Shabaab", "SO"),
        ("The Rapid Support Forces shelled the city.", "Forces", "Rapid Support Forces", "SD"),
        ("M23 rebels seized a town.", "rebels", "M23: March 23 Movement", "CD"),
        ("The KIA attacked a camp.", "KIA", "KIO/KIA: Kachin Independence Organization/Kachin Independence Army",
         "MM"),
        ("The Arakan Army took a base.", "Army", "AA: Arakan Army", "MM"),
        ("TNLA troops captured a town.", "troops", "TNLA: Ta'ang National Liberation Army", "MM"),
        ("Hamas gunmen fired rockets.", "gunmen", "Hamas Movement", "PS"),
        ("Hezbollah fighters fired missiles.", "fighters", "Hezbollah", "LB"),
        ("Houthi forces fired a missile.", "forces", "Ansar Allah", "YE"),
        ("Members of Viv Ansanm attacked a police station.", "Members", "Viv Ansanm", "HT"),
        ("The 400 Mawozo gang kidnapped missionaries.", "gang", "400 Mawozo", "HT"),
        ("Boko Haram insurgents raided a village.", "insurgents",
         "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad", "NG"),
        ("ADF rebels killed villagers.", "rebels", "ADF: Allied Democratic Forces", "CD"),
        ("CODECO militiamen attacked a camp.", "militiamen", "CODECO: Cooperative for Development of Congo", "CD"),
        ("Fano militiamen took the town.", "militiamen", "Fano Militia", "ET"),
        ("PKK militants attacked a patrol.", "militants", "PKK: Kurdistan Workers Party", "TR"),
        ("HTS fighters shelled a village.", "fighters", "Hayat Tahrir al-Sham", "SY"),
        ("Wagner mercenaries shelled the town.", "mercenaries", "Wagner Group", "RU"),
        ("Russian Volunteer Corps fighters crossed the border.", "fighters", "RDK: Russian Volunteer Corps", "RU"),
        ("Fighters of the Freedom of Russia Legion raided a village.", "Fighters", "Freedom of Russia Legion", "RU"),
        ("Members of the CJNG shot dead a police officer.", "Members", "CJNG: Jalisco New Generation Cartel", "MX"),
        ("Clan del Golfo gunmen killed two soldiers.", "gunmen", "AGC: Gaitanist Self-Defense Forces of Colombia",
         "CO"),
        ("Maoist rebels blew up a road.", "rebels", "CPI (Maoist): Communist Party of India (Maoist)", "IN"),
        ("NPA rebels ambushed an army patrol.", "rebels", "NPA: New People's Army", "PH"),
        ("BLA militants attacked a train.", "militants", "BLA: Balochistan Liberation Army", "PK"),
        ("Ambazonian separatists torched a school.", "separatists", "Ambazonian Separatists", "CM"),
        ("SPLA-IO forces attacked a barracks.", "forces",
         "SPLM/A-IO: Sudan People's Liberation Movement/Army-In Opposition", "SS"),
        ("FLA fighters downed a drone.", "fighters", "FLA: Azawad Liberation Front", "ML"),
        ("NRF fighters attacked a checkpoint.", "fighters", "NRF: National Resistance Front", "AF"),
        ("SAA troops shelled the village.", "troops", "Military Forces of Syria", "SY"),
        ("FAMa soldiers repelled the attack.", "soldiers", "Military Forces of Mali", "ML"),
        ("The Saudi-led coalition bombed the port.", "coalition", "Military Forces of Saudi Arabia", "YE"),
    ],
)  # fmt: skip
def test_a_named_group_is_the_actor_by_its_acled_name(sentence, word, name, country):
    assert _actors(sentence)[word][:2] == (name, country)


def test_an_acronym_matches_only_in_capitals():
    assert "KIA" in _actors("The KIA shelled the camp.")
    assert not any(
        name.startswith("KIO") for name, _, _ in _actors("The kia was parked by the camp.").values()
    )


def test_a_plural_acronym_names_the_group():
    assert _actors("PDFs attacked a police station.")["PDFs"][0] == "People's Defense Force"


@pytest.mark.parametrize(
    ("sentence", "word", "name"),
    [
        ("The Pauk PDF bombed a telecom tower.", "PDF", "People's Defense Force - Pauk"),
        ("The Khin-U PDF attacked the police station.", "PDF", "People's Defense Force - Khin-U"),
        ("The PDF bombed a telecom tower.", "PDF", "People's Defense Force"),
        ("The Myanmar PDF bombed a telecom tower.", "PDF", "People's Defense Force"),
    ],
)
def test_a_local_branch_is_named_after_its_place(sentence, word, name):
    assert _actors(sentence)[word][0] == name


@pytest.mark.parametrize(
    ("sentence", "word", "name"),
    [
        ("Gunmen of the Free Kivu Front attacked the village.", "Gunmen", "Free Kivu Front"),
        ("A militia calling itself the Lion Brigade seized the town.", "militia", "Lion Brigade"),
        ("Fighters known as the Desert Hawks Brigade attacked a convoy.", "Fighters", "Desert Hawks Brigade"),
    ],
)
def test_an_armed_group_the_lexicon_does_not_know_keeps_its_own_name(sentence, word, name):
    assert _actors(sentence)[word] == (name, None, "armed_group")


def test_a_states_numbered_unit_is_no_self_named_group():
    _name, country, kind = _actors("Ukraine's 47th Mechanized Brigade repelled an attack.")["Brigade"]
    assert (country, kind) == ("UA", "military")


@pytest.mark.parametrize(
    ("actor", "on", "name"),
    [
        (Actor(name="Military Forces of Afghanistan", country="AF", kind="military"), date(2013, 1, 25),
         "Military Forces of Afghanistan (2004-2021)"),
        (Actor(name="Military Forces of Afghanistan", country="AF", kind="military"), date(2023, 1, 1),
         "Military Forces of Afghanistan (2021-)"),
        (Actor(name="Police Forces of Afghanistan", country="AF", kind="police"), date(2013, 1, 25),
         "Police Forces of Afghanistan (2004-2021)"),
        (Actor(name="Military Forces of Myanmar", country="MM", kind="military"), date(2021, 9, 1),
         "Military Forces of Myanmar (2021-)"),
        (Actor(name="Military Forces of Russia Africa Corps", country="RU", kind="military"), date(2024, 6, 1),
         "Military Forces of Russia (2000-) Africa Corps"),
    ],
)  # fmt: skip
def test_state_forces_everywhere_are_named_by_their_governments_period(actor, on, name):
    assert with_period(actor, on).name == name


def test_the_afghan_army_by_its_acronym_is_afghanistans_forces():
    assert _actors("ANA soldiers cleared the village.")["soldiers"][:3] == (
        "Military Forces of Afghanistan",
        "AF",
        "military",
    )


def test_the_acled_type_of_a_group_is_known_by_its_name():
    assert group_by_name("Taliban").type == "rebel"
    assert group_by_name("People's Defense Force").type == "political militia"
    assert group_by_name("Wagner Group").type == "external force"
    assert group_by_name("No Such Front") is None


def test_a_raid_killing_a_taliban_leader_is_a_clash_with_the_taliban():
    events = spotrep.extract(
        "During a security operation in Andar district, Ghazni province, an Afghan and coalition force killed "
        "the Taliban leader responsible for planning and executing improvised explosive device attacks against "
        "Afghan and coalition forces.",
        published="2013-01-25",
    )
    assert (
        events[0].sub_event_type == "Armed clash"
    )  # the lead event; the IED attacks he planned are a record
    assert events[0].actor1.name == "Military Forces of Afghanistan (2004-2021)"
    assert events[0].actor2.name == "Taliban"


@pytest.mark.parametrize(
    ("sentence", "word", "name"),
    [
        # a group's name whose first word the parser takes for a verb ("IS" read as "is")
        ("Suspected IS Sahel militants burned the school of the village.", "militants", "Islamic State Sahel Province"),
        ("IS Sahel militants attacked a gold mine.", "militants", "Islamic State Sahel Province"),
        # a word before the phrase that opens no name leaves it as it is
        ("Yesterday Taliban fighters attacked a checkpoint.", "fighters", "Taliban"),
    ],
)  # fmt: skip
def test_a_group_s_name_split_off_its_phrase_still_names_it(sentence, word, name):
    assert _actors(sentence)[word][0] == name


@pytest.mark.parametrize(
    ("sentence", "word", "name"),
    [
        ("Armed men believed to be JNIM militants raided a gold mining site.", "men",
         "JNIM: Group for Support of Islam and Muslims"),
        ("Gunmen suspected to be al-Shabaab militants attacked a bus.", "Gunmen", "Al Shabaab"),
        ("Assailants suspected of being ISWAP fighters killed five farmers.", "Assailants",
         "ISWAP: Islamic State West Africa Province"),
    ],
)  # fmt: skip
def test_an_attacker_believed_to_be_a_group_is_that_group(sentence, word, name):
    assert _actors(sentence)[word][0] == name


def test_armed_men_are_an_armed_group_and_men_alone_civilians():
    assert _actors("Unknown armed men killed two herders.")["men"][2] == "armed_group"
    assert _actors("Soldiers detained two men at a checkpoint.")["men"][2] == "civilians"


@pytest.mark.parametrize("word", ["miners", "shepherds", "traders", "pupils", "imams"])
def test_the_trades_rural_attacks_kill_are_civilians(word):
    assert _actors(f"Militants killed six {word} near the village.")[word][2] == "civilians"


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("A missile hit a fire brigade in Kupiansk.", "brigade"),
        ("Shelling wounded three members of a rescue unit in Kherson.", "unit"),
    ],
)
def test_emergency_services_are_civilians_though_named_like_units(sentence, word):
    assert _actors(sentence)[word][2] == "civilians"


def test_an_army_brigade_stays_military():
    assert _actors("A missile hit a mechanised brigade near Pokrovsk.")["brigade"][2] == "military"


def test_paramilitary_forces_are_an_armed_group():
    assert _actors("Paramilitary forces attacked the town on Sunday.")["forces"][2] == "armed_group"
