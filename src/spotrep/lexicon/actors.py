"""Who acts: nationality words, countries and capitals used as actors, armed groups, and actor nouns."""

from __future__ import annotations

# demonyms and adjectives -> ISO 3166-1 alpha-2
DEMONYMS: dict[str, str] = {
    "russian": "RU", "russians": "RU", "ukrainian": "UA", "ukrainians": "UA", "belarusian": "BY",
    "belarusians": "BY", "syrian": "SY", "syrians": "SY", "iraqi": "IQ", "iraqis": "IQ", "turkish": "TR",
    "turk": "TR", "turks": "TR", "israeli": "IL", "israelis": "IL", "palestinian": "PS", "palestinians": "PS",
    "iranian": "IR", "iranians": "IR", "afghan": "AF", "afghans": "AF", "pakistani": "PK", "indian": "IN",
    "nigerian": "NG", "nigerians": "NG", "somali": "SO", "somalis": "SO", "yemeni": "YE", "yemenis": "YE",
    "saudi": "SA", "saudis": "SA", "emirati": "AE", "libyan": "LY", "libyans": "LY", "egyptian": "EG",
    "egyptians": "EG", "sudanese": "SD", "ethiopian": "ET", "malian": "ML", "burkinabe": "BF", "nigerien": "NE",
    "chadian": "TD", "cameroonian": "CM", "congolese": "CD", "kenyan": "KE", "american": "US", "americans": "US",
    "u.s.": "US", "us": "US", "british": "GB", "french": "FR", "german": "DE", "polish": "PL", "georgian": "GE",
    "armenian": "AM", "armenians": "AM", "azerbaijani": "AZ", "azeri": "AZ", "chinese": "CN", "burmese": "MM",
    "myanmar": "MM", "filipino": "PH", "philippine": "PH", "colombian": "CO", "mexican": "MX",
    "venezuelan": "VE", "brazilian": "BR", "lebanese": "LB", "jordanian": "JO", "moldovan": "MD",
    "romanian": "RO", "lithuanian": "LT", "latvian": "LV", "estonian": "EE", "finnish": "FI", "kazakh": "KZ",
    "chechen": "RU", "north korean": "KP", "south korean": "KR", "japanese": "JP", "mozambican": "MZ",
    "bangladeshi": "BD", "sri lankan": "LK", "nepali": "NP", "thai": "TH", "indonesian": "ID",
    "algerian": "DZ", "tunisian": "TN", "moroccan": "MA", "zimbabwean": "ZW", "south african": "ZA",
    "ugandan": "UG", "rwandan": "RW", "burundian": "BI", "tanzanian": "TZ", "eritrean": "ER", "haitian": "HT",
    "peruvian": "PE", "chilean": "CL", "argentinian": "AR", "argentine": "AR", "canadian": "CA",
    "australian": "AU", "italian": "IT", "spanish": "ES", "dutch": "NL", "belgian": "BE", "greek": "GR",
    "serbian": "RS", "bosnian": "BA", "hungarian": "HU", "czech": "CZ", "slovak": "SK", "bulgarian": "BG",
    "swedish": "SE", "norwegian": "NO", "danish": "DK", "qatari": "QA", "kuwaiti": "KW", "bahraini": "BH",
    "omani": "OM", "tajik": "TJ", "kyrgyz": "KG", "uzbek": "UZ", "mongolian": "MN", "vietnamese": "VN",
    "cambodian": "KH", "malaysian": "MY", "kurdish": None, "soviet": "RU", "ivorian": "CI",
    "senegalese": "SN", "ghanaian": "GH", "central african": "CF", "south sudanese": "SS",
}

# countries and their capitals used as actors ("Russia launched", "Moscow said", "Kyiv retook")
COUNTRY_ACTORS: dict[str, str] = {
    "russia": "RU", "russian federation": "RU", "moscow": "RU", "kremlin": "RU", "the kremlin": "RU",
    "ukraine": "UA", "kyiv": "UA", "kiev": "UA", "belarus": "BY", "minsk": "BY",
    "united states": "US", "u.s.": "US", "us": "US", "usa": "US", "america": "US", "washington": "US",
    "pentagon": "US", "the pentagon": "US", "white house": "US", "the white house": "US",
    "britain": "GB", "uk": "GB", "united kingdom": "GB", "london": "GB", "france": "FR", "paris": "FR",
    "germany": "DE", "berlin": "DE", "poland": "PL", "warsaw": "PL", "china": "CN", "beijing": "CN",
    "iran": "IR", "tehran": "IR", "turkey": "TR", "turkiye": "TR", "ankara": "TR", "syria": "SY",
    "damascus": "SY", "iraq": "IQ", "baghdad": "IQ", "israel": "IL", "jerusalem": "IL", "tel aviv": "IL",
    "afghanistan": "AF", "kabul": "AF", "pakistan": "PK", "islamabad": "PK", "india": "IN",
    "new delhi": "IN", "delhi": "IN", "saudi arabia": "SA", "riyadh": "SA", "yemen": "YE", "sanaa": "YE",
    "libya": "LY", "tripoli": "LY", "egypt": "EG", "cairo": "EG", "sudan": "SD", "khartoum": "SD",
    "ethiopia": "ET", "addis ababa": "ET", "mali": "ML", "bamako": "ML", "nigeria": "NG", "abuja": "NG",
    "somalia": "SO", "mogadishu": "SO", "kenya": "KE", "nairobi": "KE", "georgia": "GE", "tbilisi": "GE",
    "armenia": "AM", "yerevan": "AM", "azerbaijan": "AZ", "baku": "AZ", "north korea": "KP",
    "pyongyang": "KP", "south korea": "KR", "seoul": "KR", "japan": "JP", "tokyo": "JP",
    "venezuela": "VE", "caracas": "VE", "colombia": "CO", "bogota": "CO", "lebanon": "LB", "beirut": "LB",
    "jordan": "JO", "amman": "JO", "myanmar": "MM", "naypyidaw": "MM", "moldova": "MD", "chisinau": "MD",
}

# armed groups and other named actors: lower-case name -> (canonical, country or None, kind)
NAMED_ACTORS: dict[str, tuple[str, str | None, str]] = {
    "hamas": ("Hamas", "PS", "armed_group"),
    "hezbollah": ("Hezbollah", "LB", "armed_group"),
    "islamic state": ("Islamic State", None, "armed_group"),
    "isis": ("Islamic State", None, "armed_group"),
    "isil": ("Islamic State", None, "armed_group"),
    "daesh": ("Islamic State", None, "armed_group"),
    "is": ("Islamic State", None, "armed_group"),
    "al-shabaab": ("Al Shabaab", "SO", "armed_group"),
    "al shabaab": ("Al Shabaab", "SO", "armed_group"),
    "boko haram": ("Boko Haram", "NG", "armed_group"),
    "iswap": ("Islamic State West Africa Province", "NG", "armed_group"),
    "taliban": ("Taliban", "AF", "armed_group"),
    "houthis": ("Houthis", "YE", "armed_group"),
    "houthi": ("Houthis", "YE", "armed_group"),
    "huthi": ("Houthis", "YE", "armed_group"),
    "huthis": ("Houthis", "YE", "armed_group"),
    "ansar allah": ("Houthis", "YE", "armed_group"),
    "pkk": ("PKK", "TR", "armed_group"),
    "ypg": ("YPG", "SY", "armed_group"),
    "sdf": ("Syrian Democratic Forces", "SY", "armed_group"),
    "syrian democratic forces": ("Syrian Democratic Forces", "SY", "armed_group"),
    "hayat tahrir al-sham": ("Hayat Tahrir al-Sham", "SY", "armed_group"),
    "hts": ("Hayat Tahrir al-Sham", "SY", "armed_group"),
    "free syrian army": ("Free Syrian Army", "SY", "armed_group"),
    "fsa": ("Free Syrian Army", "SY", "armed_group"),
    "al-qaeda": ("Al Qaeda", None, "armed_group"),
    "al qaeda": ("Al Qaeda", None, "armed_group"),
    "aqap": ("AQAP", "YE", "armed_group"),
    "jnim": ("JNIM", "ML", "armed_group"),
    "farc": ("FARC", "CO", "armed_group"),
    "eln": ("ELN", "CO", "armed_group"),
    "m23": ("M23", "CD", "armed_group"),
    "adf": ("ADF", "CD", "armed_group"),
    "ttp": ("Tehrik-i-Taliban Pakistan", "PK", "armed_group"),
    "arakan army": ("Arakan Army", "MM", "armed_group"),
    "tatmadaw": ("Military Forces of Myanmar", "MM", "military"),
    "wagner": ("Wagner Group", "RU", "armed_group"),
    "wagner group": ("Wagner Group", "RU", "armed_group"),
    "rosgvardia": ("Rosgvardia", "RU", "military"),
    "fsb": ("FSB", "RU", "government"),
    "sbu": ("SBU", "UA", "government"),
    "security service of ukraine": ("SBU", "UA", "government"),
    "azov": ("Azov Brigade", "UA", "military"),
    "verkhovna rada": ("Verkhovna Rada", "UA", "government"),
    "idf": ("Military Forces of Israel", "IL", "military"),
    "israel defense forces": ("Military Forces of Israel", "IL", "military"),
    "hashd al-shaabi": ("Popular Mobilization Forces", "IQ", "armed_group"),
    "hashd al-sha'abi": ("Popular Mobilization Forces", "IQ", "armed_group"),
    "popular mobilization forces": ("Popular Mobilization Forces", "IQ", "armed_group"),
    "nato": ("NATO", None, "military"),
    "un": ("United Nations", None, "other"),
    "united nations": ("United Nations", None, "other"),
    "isw": ("Institute for the Study of War", "US", "other"),
    "institute for the study of war": ("Institute for the Study of War", "US", "other"),
}

# heads of state and government often named as actors: surname -> (country, kind)
LEADERS: dict[str, str] = {
    "zelensky": "UA", "zelenskyy": "UA", "zelenskiy": "UA", "syrskyi": "UA", "zaluzhnyi": "UA",
    "umerov": "UA", "kuleba": "UA", "sybiha": "UA", "yermak": "UA", "shmyhal": "UA", "budanov": "UA",
    "putin": "RU", "shoigu": "RU", "lavrov": "RU", "peskov": "RU", "gerasimov": "RU", "belousov": "RU",
    "zakharova": "RU", "medvedev": "RU", "kadyrov": "RU", "prigozhin": "RU", "lukashenko": "BY",
    "erdogan": "TR", "assad": "SY", "netanyahu": "IL", "khamenei": "IR", "biden": "US", "trump": "US",
    "macron": "FR", "scholz": "DE", "sunak": "GB", "starmer": "GB", "tusk": "PL", "duda": "PL",
}

# actor nouns (lemmas) -> kind
ACTOR_NOUNS: dict[str, str] = {
    # military
    "force": "military", "troop": "military", "army": "military", "military": "military",
    "soldier": "military", "serviceman": "military", "servicemen": "military", "unit": "military",
    "battalion": "military", "brigade": "military", "regiment": "military", "division": "military",
    "paratrooper": "military", "trooper": "military", "ranger": "military", "combatant": "armed_group", "marine": "military", "navy": "military", "airforce": "military",
    "defence": "military", "defense": "military", "artillery": "military", "gunner": "military",
    "sniper": "military", "commando": "military", "occupier": "military", "invader": "military",
    "conscript": "military", "reservist": "military", "pilot": "military", "warplane": "military",
    "jet": "military", "aircraft": "military", "drone": "military", "missile": "military",
    "reinforcement": "military", "guard": "military", "legion": "military", "fleet": "military",
    "warship": "military", "helicopter": "military",
    # armed groups
    "militant": "armed_group", "rebel": "armed_group", "insurgent": "armed_group", "fighter": "armed_group",
    "jihadist": "armed_group", "terrorist": "armed_group", "separatist": "armed_group",
    "militia": "armed_group", "militiaman": "armed_group", "militiamen": "armed_group",
    "guerrilla": "armed_group", "extremist": "armed_group", "gunman": "armed_group", "gunmen": "armed_group",
    "bandit": "armed_group", "attacker": "armed_group", "assailant": "armed_group", "kidnapper": "armed_group",
    "abductor": "armed_group", "bomber": "armed_group", "partisan": "armed_group", "mercenary": "armed_group",
    "group": "armed_group", "gang": "armed_group", "pirate": "armed_group", "hoodlum": "armed_group",
    "vigilante": "armed_group",
    # police
    "police": "police", "policeman": "police", "policemen": "police", "policewoman": "police",
    "officer": "police", "cop": "police", "gendarme": "police", "constable": "police", "gendarmerie": "police",
    "patrol": "police",
    # protesters and rioters
    "protester": "protesters", "protestor": "protesters", "demonstrator": "protesters",
    "activist": "protesters", "marcher": "protesters", "striker": "protesters", "rioter": "protesters",
    "crowd": "protesters", "mob": "protesters",
    # civilians
    "civilian": "civilians", "resident": "civilians", "villager": "civilians", "people": "civilians",
    "person": "civilians", "woman": "civilians", "man": "civilians", "child": "civilians",
    "children": "civilians", "farmer": "civilians", "worker": "civilians", "student": "civilians",
    "journalist": "civilians", "teacher": "civilians", "family": "civilians", "passenger": "civilians",
    "driver": "civilians", "shopper": "civilians", "worshipper": "civilians", "pilgrim": "civilians",
    "refugee": "civilians", "migrant": "civilians", "girl": "civilians", "boy": "civilians",
    "baby": "civilians", "inhabitant": "civilians", "doctor": "civilians", "nurse": "civilians",
    "medic": "civilians", "volunteer": "civilians", "tourist": "civilians", "victim": "civilians",
    "pensioner": "civilians", "youth": "civilians", "herder": "civilians", "fisherman": "civilians",
    "fishermen": "civilians", "trader": "civilians", "pedestrian": "civilians", "prisoner": "civilians",
    # government
    "government": "government", "ministry": "government", "minister": "government",
    "president": "government", "governor": "government", "mayor": "government", "official": "government",
    "authority": "government", "authorities": "government", "administration": "government",
    "parliament": "government", "cabinet": "government", "spokesman": "government",
    "spokesperson": "government", "spokeswoman": "government", "prime": "government", "premier": "government",
    "diplomat": "government", "ambassador": "government", "envoy": "government", "regime": "government",
    "junta": "government", "kremlin": "government", "prosecutor": "government", "council": "government",
    "staff": "military", "command": "military", "commander": "military", "general": "military",
}

# nouns that say the noun phrase names an institution that speaks for a state
INSTITUTION_WORDS = frozenset(
    "ministry minister government president governor mayor official officials authority authorities "
    "administration parliament cabinet spokesman spokesperson spokeswoman kremlin staff command "
    "headquarters presidency office council prosecutor service agency".split()
)

# civilian-side institutions (they speak for the territory where the event happened)
CIVIL_INSTITUTION_WORDS = frozenset(
    "interior police governor mayor administration authorities authority emergency prosecutor rescue "
    "health hospital council residents officials".split()
)
