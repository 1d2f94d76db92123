"""Hand-written lexicons of the war's geography: region names in English, Russian federal subjects' centres,
country short names, demonyms and vague areas.

These are domain knowledge, not data: the codes are checked against ``pycountry`` and the centres against
GeoNames when the gazetteer is built (a missing or ambiguous one fails the build's self-check and the tests).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..lexicon.actors import DEMONYMS as _ACTOR_DEMONYMS


@dataclass(frozen=True)
class RegionInfo:
    code: str  # ISO 3166-2
    name: str  # English name, as the admin1 of a Location
    bases: tuple[str, ...]  # names used before "region"/"oblast"/"krai" ("Kharkiv", "Kharkov")
    standalone: tuple[str, ...] = ()  # names that denote the region on their own ("Crimea", "Tatarstan")
    centre: str | None = None  # the administrative centre, as GeoNames names it (used to map admin1 codes)
    adjectives: tuple[str, ...] = field(default=())  # "Crimean"


# Ukraine: 24 oblasts, the Autonomous Republic of Crimea and the two cities with special status.
UA_REGIONS: tuple[RegionInfo, ...] = (
    RegionInfo(
        "UA-05", "Vinnytsia Oblast", ("Vinnytsia", "Vinnytsya", "Vinnitsa", "Vinnytska", "Vinnitskaya")
    ),
    RegionInfo("UA-07", "Volyn Oblast", ("Volyn", "Volyn'", "Volynska", "Volhynia"), ("Volyn", "Volhynia")),
    RegionInfo(
        "UA-09",
        "Luhansk Oblast",
        ("Luhansk", "Lugansk", "Luhanska", "Luganskaya"),
        ("Luhansk People's Republic", "Lugansk People's Republic", "LPR", "LNR", "Luhanshchyna"),
    ),
    RegionInfo(
        "UA-12",
        "Dnipropetrovsk Oblast",
        ("Dnipropetrovsk", "Dnepropetrovsk", "Dnipro", "Dnipropetrovska", "Dnepropetrovskaya"),
        ("Dnipropetrovshchyna",),
    ),
    RegionInfo(
        "UA-14",
        "Donetsk Oblast",
        ("Donetsk", "Donetska", "Donetskaya"),
        ("Donetsk People's Republic", "DPR", "DNR", "Donechchyna"),
    ),
    RegionInfo("UA-18", "Zhytomyr Oblast", ("Zhytomyr", "Zhitomir", "Zhytomyrska")),
    RegionInfo(
        "UA-21",
        "Zakarpattia Oblast",
        ("Zakarpattia", "Zakarpattya", "Transcarpathian", "Zakarpatska"),
        ("Zakarpattia", "Transcarpathia", "Zakarpattya"),
    ),
    RegionInfo(
        "UA-23",
        "Zaporizhzhia Oblast",
        (
            "Zaporizhzhia",
            "Zaporizhia",
            "Zaporizhzhya",
            "Zaporozhye",
            "Zaporozhie",
            "Zaporizka",
            "Zaporozhskaya",
        ),
        ("Zaporizhzhia Oblast",),
    ),
    RegionInfo("UA-26", "Ivano-Frankivsk Oblast", ("Ivano-Frankivsk", "Ivano-Frankovsk", "Ivano-Frankivska")),
    RegionInfo("UA-30", "Kyiv", (), ()),
    RegionInfo("UA-32", "Kyiv Oblast", ("Kyiv", "Kiev", "Kyivska", "Kievskaya"), ("Kyivshchyna",)),
    RegionInfo(
        "UA-35",
        "Kirovohrad Oblast",
        ("Kirovohrad", "Kirovograd", "Kropyvnytskyi", "Kirovohradska", "Kirovogradskaya"),
    ),
    RegionInfo("UA-40", "Sevastopol", (), ()),
    RegionInfo(
        "UA-43",
        "Crimea",
        ("Crimea", "Crimean", "Krym"),
        (
            "Crimea",
            "Crimean peninsula",
            "Autonomous Republic of Crimea",
            "Republic of Crimea",
            "Crimean Peninsula",
            "Krym",
        ),
        adjectives=("Crimean",),
    ),
    RegionInfo("UA-46", "Lviv Oblast", ("Lviv", "Lvov", "Lvivska"), ("Lvivshchyna",)),
    RegionInfo("UA-48", "Mykolaiv Oblast", ("Mykolaiv", "Mykolayiv", "Nikolaev", "Nikolayev", "Mykolaivska")),
    RegionInfo("UA-51", "Odesa Oblast", ("Odesa", "Odessa", "Odeska", "Odesskaya"), ("Odeshchyna",)),
    RegionInfo("UA-53", "Poltava Oblast", ("Poltava", "Poltavska", "Poltavskaya"), ("Poltavshchyna",)),
    RegionInfo("UA-56", "Rivne Oblast", ("Rivne", "Rovno", "Rivnenska")),
    RegionInfo("UA-59", "Sumy Oblast", ("Sumy", "Sumska", "Sumskaya"), ("Sumshchyna",)),
    RegionInfo("UA-61", "Ternopil Oblast", ("Ternopil", "Ternopol", "Ternopilska")),
    RegionInfo(
        "UA-63", "Kharkiv Oblast", ("Kharkiv", "Kharkov", "Kharkivska", "Kharkovskaya"), ("Kharkivshchyna",)
    ),
    RegionInfo("UA-65", "Kherson Oblast", ("Kherson", "Khersonska", "Khersonskaya"), ("Khersonshchyna",)),
    RegionInfo(
        "UA-68", "Khmelnytskyi Oblast", ("Khmelnytskyi", "Khmelnytskyy", "Khmelnitsky", "Khmelnytska")
    ),
    RegionInfo("UA-71", "Cherkasy Oblast", ("Cherkasy", "Cherkassy", "Cherkaska")),
    RegionInfo(
        "UA-74", "Chernihiv Oblast", ("Chernihiv", "Chernigov", "Chernihivska"), ("Chernihivshchyna",)
    ),
    RegionInfo("UA-77", "Chernivtsi Oblast", ("Chernivtsi", "Chernovtsy", "Chernivetska"), ("Bukovina",)),
)

# The administrative centre of each Ukrainian region, by its official name (Kyiv Oblast is governed from the
# capital, Crimea from Simferopol). ACLED codes a mention of a whole region to its centre.
UA_CENTRES: dict[str, str] = {
    "UA-05": "Vinnytsia",
    "UA-07": "Lutsk",
    "UA-09": "Luhansk",
    "UA-12": "Dnipro",
    "UA-14": "Donetsk",
    "UA-18": "Zhytomyr",
    "UA-21": "Uzhhorod",
    "UA-23": "Zaporizhzhia",
    "UA-26": "Ivano-Frankivsk",
    "UA-30": "Kyiv",
    "UA-32": "Kyiv",
    "UA-35": "Kropyvnytskyi",
    "UA-40": "Sevastopol",
    "UA-43": "Simferopol",
    "UA-46": "Lviv",
    "UA-48": "Mykolaiv",
    "UA-51": "Odesa",
    "UA-53": "Poltava",
    "UA-56": "Rivne",
    "UA-59": "Sumy",
    "UA-61": "Ternopil",
    "UA-63": "Kharkiv",
    "UA-65": "Kherson",
    "UA-68": "Khmelnytskyi",
    "UA-71": "Cherkasy",
    "UA-74": "Chernihiv",
    "UA-77": "Chernivtsi",
}

# Russia: the 83 federal subjects ISO 3166-2 lists (the annexed Ukrainian regions keep their UA codes).
RU_REGIONS: tuple[RegionInfo, ...] = (
    RegionInfo(
        "RU-AD", "Adygea", ("Adygea", "Adygeya"), ("Adygea", "Adygeya", "Republic of Adygea"), "Maykop"
    ),
    RegionInfo("RU-AL", "Altai Republic", ("Altai Republic",), ("Altai Republic",), "Gorno-Altaysk"),
    RegionInfo("RU-ALT", "Altai Krai", ("Altai", "Altay"), ("Altai Krai",), "Barnaul"),
    RegionInfo("RU-AMU", "Amur Oblast", ("Amur",), (), "Blagoveshchensk"),
    RegionInfo("RU-ARK", "Arkhangelsk Oblast", ("Arkhangelsk",), (), "Arkhangelsk"),
    RegionInfo("RU-AST", "Astrakhan Oblast", ("Astrakhan",), (), "Astrakhan"),
    RegionInfo(
        "RU-BA", "Bashkortostan", ("Bashkortostan", "Bashkiria"), ("Bashkortostan", "Bashkiria"), "Ufa"
    ),
    RegionInfo(
        "RU-BEL", "Belgorod Oblast", ("Belgorod", "Bilhorod", "Belgorodskaya"), ("Belgorodchina",), "Belgorod"
    ),
    RegionInfo("RU-BRY", "Bryansk Oblast", ("Bryansk", "Briansk", "Bryanskaya"), (), "Bryansk"),
    RegionInfo("RU-BU", "Buryatia", ("Buryatia", "Buryatiya"), ("Buryatia", "Buryatiya"), "Ulan-Ude"),
    RegionInfo(
        "RU-CE", "Chechnya", ("Chechnya", "Chechen"), ("Chechnya", "Chechen Republic"), "Grozny", ("Chechen",)
    ),
    RegionInfo("RU-CHE", "Chelyabinsk Oblast", ("Chelyabinsk",), (), "Chelyabinsk"),
    RegionInfo("RU-CHU", "Chukotka", ("Chukotka",), ("Chukotka",), "Anadyr"),
    RegionInfo(
        "RU-CU", "Chuvashia", ("Chuvashia", "Chuvash"), ("Chuvashia", "Chuvash Republic"), "Cheboksary"
    ),
    RegionInfo("RU-DA", "Dagestan", ("Dagestan", "Daghestan"), ("Dagestan", "Daghestan"), "Makhachkala"),
    RegionInfo("RU-IN", "Ingushetia", ("Ingushetia",), ("Ingushetia",), "Magas"),
    RegionInfo("RU-IRK", "Irkutsk Oblast", ("Irkutsk",), (), "Irkutsk"),
    RegionInfo("RU-IVA", "Ivanovo Oblast", ("Ivanovo",), (), "Ivanovo"),
    RegionInfo("RU-KAM", "Kamchatka Krai", ("Kamchatka",), ("Kamchatka",), "Petropavlovsk-Kamchatsky"),
    RegionInfo("RU-KB", "Kabardino-Balkaria", ("Kabardino-Balkaria",), ("Kabardino-Balkaria",), "Nalchik"),
    RegionInfo(
        "RU-KC", "Karachay-Cherkessia", ("Karachay-Cherkessia",), ("Karachay-Cherkessia",), "Cherkessk"
    ),
    RegionInfo("RU-KDA", "Krasnodar Krai", ("Krasnodar",), ("Kuban",), "Krasnodar"),
    RegionInfo("RU-KEM", "Kemerovo Oblast", ("Kemerovo",), ("Kuzbass",), "Kemerovo"),
    RegionInfo("RU-KGD", "Kaliningrad Oblast", ("Kaliningrad",), (), "Kaliningrad"),
    RegionInfo("RU-KGN", "Kurgan Oblast", ("Kurgan",), (), "Kurgan"),
    RegionInfo("RU-KHA", "Khabarovsk Krai", ("Khabarovsk",), (), "Khabarovsk"),
    RegionInfo(
        "RU-KHM",
        "Khanty-Mansi Autonomous Okrug",
        ("Khanty-Mansi", "Khanty-Mansiysk"),
        ("Yugra",),
        "Khanty-Mansiysk",
    ),
    RegionInfo("RU-KIR", "Kirov Oblast", ("Kirov",), (), "Kirov"),
    RegionInfo("RU-KK", "Khakassia", ("Khakassia",), ("Khakassia",), "Abakan"),
    RegionInfo("RU-KL", "Kalmykia", ("Kalmykia",), ("Kalmykia",), "Elista"),
    RegionInfo("RU-KLU", "Kaluga Oblast", ("Kaluga",), (), "Kaluga"),
    RegionInfo("RU-KO", "Komi", ("Komi",), ("Komi Republic",), "Syktyvkar"),
    RegionInfo("RU-KOS", "Kostroma Oblast", ("Kostroma",), (), "Kostroma"),
    RegionInfo("RU-KR", "Karelia", ("Karelia",), ("Karelia",), "Petrozavodsk"),
    RegionInfo("RU-KRS", "Kursk Oblast", ("Kursk", "Kurskaya"), (), "Kursk"),
    RegionInfo("RU-KYA", "Krasnoyarsk Krai", ("Krasnoyarsk",), (), "Krasnoyarsk"),
    RegionInfo("RU-LEN", "Leningrad Oblast", ("Leningrad",), (), "Gatchina"),
    RegionInfo("RU-LIP", "Lipetsk Oblast", ("Lipetsk",), (), "Lipetsk"),
    RegionInfo("RU-MAG", "Magadan Oblast", ("Magadan",), (), "Magadan"),
    RegionInfo("RU-ME", "Mari El", ("Mari El",), ("Mari El",), "Yoshkar-Ola"),
    RegionInfo("RU-MO", "Mordovia", ("Mordovia",), ("Mordovia",), "Saransk"),
    RegionInfo("RU-MOS", "Moscow Oblast", ("Moscow", "Moskovskaya"), ("Podmoskovye",), "Krasnogorsk"),
    RegionInfo("RU-MOW", "Moscow", (), (), "Moscow"),
    RegionInfo("RU-MUR", "Murmansk Oblast", ("Murmansk",), (), "Murmansk"),
    RegionInfo("RU-NEN", "Nenets Autonomous Okrug", ("Nenets",), (), "Naryan-Mar"),
    RegionInfo("RU-NGR", "Novgorod Oblast", ("Novgorod",), (), "Velikiy Novgorod"),
    RegionInfo(
        "RU-NIZ", "Nizhny Novgorod Oblast", ("Nizhny Novgorod", "Nizhniy Novgorod"), (), "Nizhniy Novgorod"
    ),
    RegionInfo("RU-NVS", "Novosibirsk Oblast", ("Novosibirsk",), (), "Novosibirsk"),
    RegionInfo("RU-OMS", "Omsk Oblast", ("Omsk",), (), "Omsk"),
    RegionInfo("RU-ORE", "Orenburg Oblast", ("Orenburg",), (), "Orenburg"),
    RegionInfo("RU-ORL", "Oryol Oblast", ("Oryol", "Orel", "Orlov"), (), "Orël"),
    RegionInfo("RU-PER", "Perm Krai", ("Perm",), (), "Perm"),
    RegionInfo("RU-PNZ", "Penza Oblast", ("Penza",), (), "Penza"),
    RegionInfo("RU-PRI", "Primorsky Krai", ("Primorsky", "Primorye"), ("Primorye",), "Vladivostok"),
    RegionInfo("RU-PSK", "Pskov Oblast", ("Pskov",), (), "Pskov"),
    RegionInfo("RU-ROS", "Rostov Oblast", ("Rostov", "Rostovskaya"), (), "Rostov-na-Donu"),
    RegionInfo("RU-RYA", "Ryazan Oblast", ("Ryazan",), (), "Ryazan"),
    RegionInfo("RU-SA", "Sakha (Yakutia)", ("Sakha", "Yakutia"), ("Yakutia", "Sakha Republic"), "Yakutsk"),
    RegionInfo("RU-SAK", "Sakhalin Oblast", ("Sakhalin",), (), "Yuzhno-Sakhalinsk"),
    RegionInfo("RU-SAM", "Samara Oblast", ("Samara",), (), "Samara"),
    RegionInfo("RU-SAR", "Saratov Oblast", ("Saratov",), (), "Saratov"),
    RegionInfo(
        "RU-SE",
        "North Ossetia-Alania",
        ("North Ossetia",),
        ("North Ossetia", "North Ossetia-Alania"),
        "Vladikavkaz",
    ),
    RegionInfo("RU-SMO", "Smolensk Oblast", ("Smolensk",), (), "Smolensk"),
    RegionInfo("RU-SPE", "Saint Petersburg", (), (), "Saint Petersburg"),
    RegionInfo("RU-STA", "Stavropol Krai", ("Stavropol",), (), "Stavropol"),
    RegionInfo("RU-SVE", "Sverdlovsk Oblast", ("Sverdlovsk", "Sverdlovskaya"), (), "Yekaterinburg"),
    RegionInfo("RU-TA", "Tatarstan", ("Tatarstan",), ("Tatarstan", "Republic of Tatarstan"), "Kazan"),
    RegionInfo("RU-TAM", "Tambov Oblast", ("Tambov",), (), "Tambov"),
    RegionInfo("RU-TOM", "Tomsk Oblast", ("Tomsk",), (), "Tomsk"),
    RegionInfo("RU-TUL", "Tula Oblast", ("Tula",), (), "Tula"),
    RegionInfo("RU-TVE", "Tver Oblast", ("Tver",), (), "Tver"),
    RegionInfo("RU-TY", "Tuva", ("Tuva", "Tyva"), ("Tuva", "Tyva"), "Kyzyl"),
    RegionInfo("RU-TYU", "Tyumen Oblast", ("Tyumen",), (), "Tyumen"),
    RegionInfo("RU-UD", "Udmurtia", ("Udmurtia", "Udmurt"), ("Udmurtia",), "Izhevsk"),
    RegionInfo("RU-ULY", "Ulyanovsk Oblast", ("Ulyanovsk",), (), "Ulyanovsk"),
    RegionInfo("RU-VGG", "Volgograd Oblast", ("Volgograd",), (), "Volgograd"),
    RegionInfo("RU-VLA", "Vladimir Oblast", ("Vladimir",), (), "Vladimir"),
    RegionInfo("RU-VLG", "Vologda Oblast", ("Vologda",), (), "Vologda"),
    RegionInfo("RU-VOR", "Voronezh Oblast", ("Voronezh", "Voronezhskaya"), (), "Voronezh"),
    RegionInfo(
        "RU-YAN", "Yamalo-Nenets Autonomous Okrug", ("Yamalo-Nenets", "Yamal"), ("Yamal",), "Salekhard"
    ),
    RegionInfo("RU-YAR", "Yaroslavl Oblast", ("Yaroslavl",), (), "Yaroslavl"),
    RegionInfo(
        "RU-YEV",
        "Jewish Autonomous Oblast",
        ("Jewish Autonomous",),
        ("Jewish Autonomous Oblast",),
        "Birobidzhan",
    ),
    RegionInfo("RU-ZAB", "Zabaykalsky Krai", ("Zabaykalsky", "Zabaikalsky", "Trans-Baikal"), (), "Chita"),
)

REGIONS: dict[str, RegionInfo] = {r.code: r for r in (*UA_REGIONS, *RU_REGIONS)}

# Region nouns that follow a base name ("Kharkiv region", "Belgorod Oblast", "Krasnodar Krai").
REGION_NOUNS = frozenset(
    {
        "region",
        "regions",
        "oblast",
        "oblasts",
        "province",
        "provinces",
        "krai",
        "kray",
        "territory",
        "republic",
        "okrug",
        "oblast'",
        "governorate",
        "countryside",  # "in Daraa countryside", "Idlib countryside": the governorate around its city (Syria)
        "state",
        "division",
        "prefecture",
        "county",  # Kenya's and Liberia's first-level units: "Lamu County"
        "department",  # Colombia's, Benin's: "Cauca department"
    }
)
# Second-level units: Ukraine's and Russia's raions, Afghanistan's districts, Nigeria's local government areas
# ("Gwoza LGA"), Mali's cercles ("Douentza cercle")
DISTRICT_NOUNS = frozenset(
    # ("circle": how English communiqués of Mali and Burkina Faso translate cercle, "Djenné circle")
    {
        "district",
        "districts",
        "raion",
        "rayon",
        "raions",
        "rayons",
        "lga",
        "lgas",
        "cercle",
        "cercles",
        "circle",
        "circles",
    }
)
# Units named after their main town ("Mohnyin township", "Kutum locality", "Dangila woreda"): the town inside
# the region the text names.
# (Cameroon's and Pakistan's subdivisions, Bangladesh's upazilas, India's taluks, the sub-prefectures of Chad and
# the Central African Republic: each named after its seat)
TOWNSHIP_NOUNS = frozenset(
    {
        "township",
        "townships",
        "tehsil",
        "commune",
        "municipality",
        "subdistrict",
        "locality",
        "woreda",
        "subdivision",
        "sub-division",
        "upazila",
        "upazilla",
        "taluk",
        "taluka",
        "sub-prefecture",
        "subprefecture",
    }
)

# Names of first-level regions outside Ukraine and Russia that pycountry and GeoNames do not carry: ACLED's
# halves of Myanmar's Shan and Bago, and the older English names still in use. Checked against pycountry by
# the build.
WORLD_REGION_ALIASES: dict[str, tuple[str, ...]] = {
    # Israel: pycountry names its districts in Arabic ("Ash Shamali"); reports and GeoNames in English
    "IL-Z": ("Northern District",),
    "IL-D": ("Southern District",),
    "IL-M": ("Central District",),
    "IL-HA": ("Haifa District",),
    "IL-TA": ("Tel Aviv District",),
    "IL-JM": ("Jerusalem District",),
    # Belarus: pycountry names its oblasts in Belarusian ("Homieĺskaja voblasć"); GeoNames and reports in English
    "BY-BR": ("Brest", "Brest Oblast", "Brest Region"),
    "BY-HO": ("Gomel Oblast", "Gomel Region", "Gomel", "Homel"),
    "BY-HR": ("Grodnenskaya", "Grodno Oblast", "Grodno Region", "Grodno", "Hrodna"),
    "BY-MA": ("Mogilev", "Mogilev Oblast", "Mogilev Region", "Mahilyow"),
    "BY-MI": ("Minsk", "Minsk Oblast", "Minsk Region"),
    "BY-VI": ("Vitebsk", "Vitebsk Oblast", "Vitebsk Region", "Vitsebsk"),
    "BY-HM": ("Minsk City",),
    "MM-17": ("Shan-North", "Shan-South", "Shan-East", "Northern Shan", "Southern Shan", "Eastern Shan"),
    "MM-02": ("Bago-East", "Bago-West", "Pegu"),
    "MM-06": ("Rangoon",),
    # Caracas: GeoNames keeps the name of Venezuela's capital district before 1999
    "VE-A": ("Distrito Federal",),
    "MM-07": ("Irrawaddy",),
    "MM-16": ("Arakan",),
    "MM-13": ("Karen",),
    "MM-12": ("Karenni",),
    "MM-05": ("Tenasserim",),
    "MM-03": ("Magwe",),
    "MM-18": ("Naypyidaw", "Naypyitaw", "Nay Pyi Taw"),
    # Afghanistan's provinces in the romanisations of the Afghan government, the UN, ISAF and the press
    "AF-WAR": ("Wardak", "Maidan Wardak", "Wardag", "Vardak"),
    "AF-URU": ("Uruzgan", "Oruzgan", "Urozgan", "Orozgan"),
    "AF-GHO": ("Ghor",),
    "AF-PIA": ("Paktya", "Paktia"),
    "AF-DAY": ("Daykundi", "Daikundi"),
    "AF-NIM": ("Nimruz", "Nimroz"),
    "AF-PAN": ("Panjshir", "Panjsher", "Panjsheer"),
    "AF-JOW": ("Jawzjan", "Jouzjan"),
    "AF-NUR": ("Nooristan", "Nurestan"),
    "AF-ZAB": ("Zabol",),
    "AF-HER": ("Hirat",),
    "AF-LOG": ("Lowgar",),
    "AF-NAN": ("Ningarhar", "Nangrahar"),
    "AF-KDZ": ("Kondoz", "Konduz", "Qunduz"),
    "AF-KNR": ("Konar", "Kunarha"),
    "AF-SAR": ("Sar-e Pol", "Sar-e Pul", "Sar-i-Pul", "Sari Pul"),
    "AF-BDS": ("Badakshan",),
    "AF-BAM": ("Bamian",),
    "AF-HEL": ("Hilmand",),
    # Lebanon, Yemen, Iraq, Syria: the English names wire copy and monitoring reports use
    "LB-JL": ("Mount Lebanon",),
    "LB-BI": ("Bekaa", "Beqaa", "Biqa"),
    "LB-AK": ("Akkar",),
    "LB-BH": ("Baalbek-Hermel", "Baalbek-Hermil"),
    "LB-NA": ("Nabatieh", "Nabatiye", "Nabatiyeh"),
    "LB-BA": ("Beirut",),
    "YE-SD": ("Saadah", "Saada", "Sadah"),
    "YE-HD": ("Hadramawt", "Hadramout", "Hadhramaut", "Hadramaut"),
    "YE-SA": (
        "Amanat al Asimah",
        "Amanat Al Asimah",
        "Sanaa City",
        "Amanat Alasimah",
    ),
    "YE-DA": ("Ad Dali", "Al Dhale", "Dhale"),
    "YE-BA": ("Al Bayda", "Bayda"),
    "YE-HU": ("Hodeidah", "Hudaydah"),
    "YE-TA": ("Taizz", "Taiz"),
    "IQ-NI": (
        "Ninewa",
        "Nineveh",
        "Ninawa",
        "Ninevah",
    ),
    "IQ-MU": ("Muthanna", "Al Muthanna"),
    "IQ-QA": ("Qadissiya", "Al-Qadisiyah", "Diwaniyah"),
    "IQ-DQ": ("Dhi Qar", "Dhi-Qar", "Thi Qar"),
    "IQ-SD": (
        "Salah al-Din",
        "Salah ad-Din",
        "Salahuddin",
        "Saladin",
        "Salahaddin",
        "Salah al Din",
    ),
    "IQ-KA": ("Kerbala", "Karbala"),
    "IQ-BA": ("Basrah", "Basra"),
    "SY-RD": ("Rural Damascus", "Damascus Countryside", "Rif Dimashq"),
    "SY-DY": ("Deir ez-Zor", "Deir-ez-Zor", "Deir Ezzor", "Deir al-Zour"),
    "SY-RA": ("Ar-Raqqa", "Raqqa"),
    "SY-HA": ("Al-Hasakeh", "Hasakah", "Hasakeh"),
    "SY-SU": ("As-Sweida", "Sweida", "Suwayda"),
    "SY-LA": ("Lattakia", "Latakia"),
    "SY-TA": ("Tartous", "Tartus"),
    "SY-QU": ("Quneitra",),
    # Ethiopia, Sudan, Somalia, Nigeria, Pakistan, Mali
    # Cameroon: pycountry names two regions in French; English reports use the English names
    "CM-AD": ("Adamawa",),
    "CM-EN": ("Extreme North", "Extreme-North", "Extrême-Nord"),
    "ET-HA": ("Harari",),
    "ET-BE": ("Benshangul/Gumuz", "Benishangul-Gumuz", "Benishangul Gumuz"),
    "ET-SN": ("SNNPR", "SNNP"),
    "ET-OR": ("Oromia", "Oromiya"),
    "ET-TI": ("Tigray",),
    "ET-AM": ("Amhara",),
    "SD-GZ": ("Al Jazirah", "Al Jazeera", "Aj Jazirah"),
    "SO-GA": ("Galgaduud", "Galgadud"),
    "SO-SD": (
        "Middle Shabelle",
        "Middle Shabeelle",
        "Middle Shabele",
    ),
    "SO-SH": (
        "Lower Shabelle",
        "Lower Shabeelle",
        "Lower Shabele",
    ),
    "SO-JH": ("Lower Juba",),
    "SO-JD": ("Middle Juba",),
    "SO-HI": ("Hiraan", "Hiran"),
    "SO-BN": ("Banadir", "Benadir"),
    "NG-FC": ("Federal Capital Territory", "FCT"),
    # names of four letters or fewer are found alone only from this table (others are common words: "Gulf")
    "NG-YO": ("Yobe",),
    "NG-KO": ("Kogi",),
    "NG-AB": ("Abia",),
    "NG-OG": ("Ogun",),
    "NG-OS": ("Osun",),
    "NG-IM": ("Imo",),
    "NG-ED": ("Edo",),
    "SO-GE": ("Gedo",),
    "SO-SO": ("Sool",),
    "ET-AF": ("Afar",),
    "PK-IS": ("Islamabad Capital Territory",),
    "PK-JK": ("Azad Kashmir", "Azad Jammu and Kashmir", "AJK"),
    "PK-KP": ("KP", "Khyber-Pakhtunkhwa"),
    "ML-10": ("Taoudeni", "Taoudenni"),
    "ML-6": ("Timbuktu", "Tombouctou"),
    # the English names of governorates, states and provinces that military releases use
    "IQ-BB": ("Babylon",),
    "PH-14": (
        "Maguindanao",
        "Maguindanao del Norte",
        "Maguindanao del Sur",
    ),
    "YE-AD": ("Aden",),
    "YE-SU": (
        "Socotra",
        "Soqatra",
    ),
}

# English short names of countries that pycountry spells differently (pycountry covers the rest).
COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "US": ("United States", "United States of America", "USA", "U.S.", "U.S.A.", "US", "America"),
    "GB": ("United Kingdom", "UK", "U.K.", "Britain", "Great Britain"),
    "RU": ("Russia", "Russian Federation"),
    "UA": ("Ukraine",),
    "BY": ("Belarus", "Byelorussia"),
    "MD": ("Moldova",),
    "KP": ("North Korea", "DPRK"),
    "KR": ("South Korea",),
    "IR": ("Iran",),
    "SY": ("Syria",),
    "TR": ("Turkey", "Türkiye", "Turkiye"),
    "CZ": ("Czech Republic", "Czechia"),
    "VN": ("Vietnam",),
    "TW": ("Taiwan",),
    "VE": ("Venezuela",),
    "BO": ("Bolivia",),
    "TZ": ("Tanzania",),
    "CD": ("Democratic Republic of the Congo", "DR Congo", "DRC"),
    "CG": ("Republic of the Congo",),
    "LA": ("Laos",),
    "NL": ("Netherlands", "Holland"),
    "VA": ("Vatican",),
    "PS": ("Palestine",),
    "GE": ("Georgia",),
    "MK": ("North Macedonia",),
    "BN": ("Brunei",),
}

# Adjectives of countries (and a few regions): places only when they qualify a place noun
# ("Russian territory"). The country adjectives are the actors' lexicon (one list for the project).
DEMONYMS: dict[str, str] = {
    **{word: code for word, code in _ACTOR_DEMONYMS.items() if code and " " not in word and word != "us"},
    "belarussian": "BY",
    "belorussian": "BY",
    "crimean": "UA-43",
    "chechen": "RU-CE",
}

# Nouns that make a preceding demonym or region name a place ("Russian territory", "Crimean peninsula").
PLACE_NOUNS = frozenset(
    {
        "territory",
        "territories",
        "soil",
        "land",
        "lands",
        "airspace",
        "peninsula",
        "side",
        "border",
        "borders",
        "frontier",
        "region",
        "regions",
        "area",
        "areas",
        "oblast",
        "oblasts",
        "province",
        "provinces",
        "waters",
        "hinterland",
        "interior",
        "mainland",
        "coast",
    }
)

# Areas wider than a settlement that are not ISO regions: (names, country, covered ISO regions or None).
AREAS: tuple[tuple[tuple[str, ...], str, tuple[str, ...]], ...] = (
    (("Donbas", "Donbass"), "UA", ("UA-14", "UA-09")),
    (("Sloboda Ukraine", "Slobozhanshchyna"), "UA", ("UA-63", "UA-59")),
    (("West Bank",), "PS", ()),
    (("Gaza Strip",), "PS", ()),
)

# The war's geography: front-line regions get a prior, rear regions struck often a smaller one.
FRONT_REGIONS = frozenset({"UA-14", "UA-09", "UA-63", "UA-23", "UA-65", "RU-BEL", "RU-KRS"})
REAR_WAR_REGIONS = frozenset(
    {"UA-43", "UA-40", "UA-59", "UA-12", "UA-74", "UA-48", "RU-BRY", "RU-ROS", "RU-VOR", "RU-KDA"}
)
WAR_REGIONS = FRONT_REGIONS | REAR_WAR_REGIONS
WAR_COUNTRIES = frozenset({"UA", "RU"})

# Settlement names that GeoNames and KATOTTG do not give for notable places of the war: Russian-language and
# pre-2016 names of villages too small for GeoNames' cities500. (alias, official Ukrainian name, ISO region)
EXTRA_ALIASES: tuple[tuple[str, str, str], ...] = (
    ("Rabotino", "Роботине", "UA-23"),
    ("Rabotyne", "Роботине", "UA-23"),
    ("Dimitrov", "Мирноград", "UA-14"),
    ("Krasnyi Lyman", "Лиман", "UA-14"),
    ("Krasny Liman", "Лиман", "UA-14"),
    ("Artemovsk", "Бахмут", "UA-14"),
    ("Kommunarsk", "Алчевськ", "UA-09"),
    ("Kirovohrad", "Кропивницький", "UA-35"),
    ("Novaya Kakhovka", "Нова Каховка", "UA-65"),
    ("Aleshki", "Олешки", "UA-65"),
    ("Golaya Pristan", "Гола Пристань", "UA-65"),
    ("Ugledar", "Вугледар", "UA-14"),
    ("Kurakhovo", "Курахове", "UA-14"),
    ("Selidovo", "Селидове", "UA-14"),
    ("Chasov Yar", "Часів Яр", "UA-14"),
    ("Volnovakha", "Волноваха", "UA-14"),
    ("Kremennaya", "Кремінна", "UA-09"),
    ("Kupyansk-Uzlovoy", "Куп’янськ-Вузловий", "UA-63"),
    ("Liptsy", "Липці", "UA-63"),
    ("Staromayorskoye", "Старомайорське", "UA-14"),
    ("Urozhaynoye", "Урожайне", "UA-14"),
    ("Pervomayskoye", "Первомайське", "UA-14"),
    ("Verbovoye", "Вербове", "UA-23"),
    ("Novoprokopovka", "Новопрокопівка", "UA-23"),
    ("Pyatikhatki", "П’ятихатки", "UA-23"),
    ("Krynki", "Кринки", "UA-65"),
)
