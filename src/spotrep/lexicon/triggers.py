"""Trigger vocabulary: words and constructions that report events, by internal event kind.

Kinds are this project's internal classes; ``spotrep.event_types`` maps a group of kinds (plus weapons, actors
and targets) to ACLED's sub-event type and the project's categories.
"""

from __future__ import annotations

# verbs (lemmas) that report an event on their own
VERB_TRIGGERS: dict[str, str] = {
    # battles
    "clash": "clash",
    "fight": "clash",
    "battle": "clash",
    "ambush": "clash",
    "skirmish": "clash",
    "repel": "clash",
    "repulse": "clash",
    "storm": "clash",
    "besiege": "clash",
    "encircle": "clash",
    "counterattack": "clash",
    "engage": "clash?",
    "raid": "attack?",
    "advance": "advance",
    "push": "advance?",
    "breach": "advance",
    "infiltrate": "advance?",
    "capture": "capture",
    "seize": "capture?",
    "sink": "attack?",
    "overrun": "capture",
    "occupy": "capture?",
    "conquer": "capture",
    "take": "capture?",
    "enter": "capture?",
    "encroach": "advance?",
    "retake": "recapture",
    "recapture": "recapture",
    "regain": "recapture",
    "liberate": "recapture",
    "reclaim": "recapture",
    "retook": "recapture",
    "free": "recapture?",
    "clear": "recapture?",
    "withdraw": "withdrawal",
    "retreat": "withdrawal",
    "pull": "withdrawal?",
    "abandon": "withdrawal?",
    "evacuate": "withdrawal?",
    "vacate": "withdrawal",
    "cede": "withdrawal",
    "remove": "withdrawal?",
    "surrender": "agreement",
    "flee": "withdrawal?",
    "release": "agreement?",
    "hand": "withdrawal?",
    # explosions / remote violence
    "shell": "shelling",
    "bombard": "shelling",
    "pound": "shelling",
    "shelled": "shelling",
    "bomb": "air_strike?",
    "airstrike": "air_strike",
    "strike": "attack?",
    "hit": "attack?",
    "target": "attack?",
    "fire": "attack?",
    "launch": "attack?",
    "explode": "explosive?",
    "detonate": "explosive?",
    "blow": "explosive?",
    # interception / disrupted weapons use
    "intercept": "interception",
    "down": "interception?",
    "shoot": "attack?",
    "neutralise": "interception?",
    "put": "kill?",  # "put 19 terrorists out of action" (only so: see event_types.triggers)
    "eliminate": "kill?",  # "two terrorists were eliminated" (people only: "eliminated the threat" is nothing)
    "neutralize": "interception?",
    "destroy": "destroy?",
    "defuse": "weapons_seizure",
    "deactivate": "weapons_seizure",
    "dismantle": "weapons_seizure?",
    "confiscate": "looting?",
    "expropriate": "looting",
    "recover": "weapons_seizure?",
    "find": "weapons_seizure?",
    "discover": "weapons_seizure?",
    "uncover": "weapons_seizure?",
    "foil": "weapons_seizure",
    "thwart": "weapons_seizure",
    "seized": "weapons_seizure?",
    "intercepted": "interception",
    # violence against civilians
    "kill": "kill",
    "assassinate": "attack",  # "gunmen assassinated a district commissioner"
    "martyr": "kill",  # "martyring 14 soldiers", "four soldiers were martyred" (Pakistan's army, and others)
    "murder": "attack",
    "massacre": "attack",
    "execute": "attack?",
    "behead": "attack",
    "stab": "attack",
    "slaughter": "attack",
    "gun": "attack?",
    "torture": "attack",
    "lynch": "mob",
    "attack": "attack",
    "assault": "attack?",
    "beat": "attack?",
    "injure": "wound",
    "wound": "wound",
    "maim": "wound",
    "hurt": "wound?",
    "die": "kill?",
    "burn": "destroy?",
    "rape": "sexual",
    "molest": "sexual",
    "abduct": "abduction",
    "kidnap": "abduction",
    # "forcibly disappeared two students" (transitive: see VERB_OBJECTS); "the man disappeared" tells no event
    "disappear": "abduction?",
    # demonstrations
    "protest": "protest",
    "demonstrate": "protest",
    "rally": "protest",
    "march": "protest?",
    "picket": "protest",
    "riot": "riot",
    "loot": "looting",
    "plunder": "looting",
    "ransack": "looting",
    "vandalise": "looting",
    "vandalize": "looting",
    "deface": "looting",
    "desecrate": "looting",
    "smash": "looting?",
    "paint": "?",
    "hold": "?",  # only with what it holds: "held journalists hostage"
    "torch": "looting",
    "pillage": "looting",
    "raze": "looting",
    "demolish": "looting?",
    "steal": "looting?",
    "pelt": "riot",
    # strategic developments
    "arrest": "arrest",
    "detain": "arrest",
    "apprehend": "arrest",
    "nab": "arrest",
    "jail": "arrest",
    "imprison": "arrest",
    "agree": "agreement?",
    "sign": "agreement?",
    "negotiate": "agreement?",
    "swap": "agreement?",
    "deploy": "deployment",
    "redeploy": "deployment",
    "dispatch": "deployment?",
    "send": "deployment?",
    "rush": "deployment?",
    "reinforce": "deployment",
    "mobilise": "deployment?",
    "mobilize": "deployment?",
    "station": "deployment?",
    "amass": "deployment",
    "move": "deployment?",
    "establish": "base?",
    "set": "base?",
    "build": "base?",
    "open": "base?",
    "cancel": "political?",
    "postpone": "political?",
    "expel": "political?",
    "sanction": "political",
    "impose": "political?",
    "declare": "political?",
    "resign": "political",
    "dismiss": "political?",
    "sack": "political?",
    "appoint": "political?",
    "recall": "political?",
    "ban": "political?",
    "suspend": "political?",
    "defect": "group_change",
    "merge": "group_change",
    "form": "group_change?",
    "disband": "group_change",
    "dissolve": "group_change?",
    "rename": "group_change?",
    "recruit": "group_change?",
    "pledge": "group_change?",
    "split": "group_change?",
    "close": "disruption?",
    "sabotage": "sabotage",
    "derail": "sabotage",
}

# nouns (lemmas) that name an event
NOUN_TRIGGERS: dict[str, str] = {
    "clash": "clash",
    "fighting": "clash",
    "fight": "clash?",
    "battle": "clash",
    "firefight": "clash",
    "gunfight": "clash",
    "gunbattle": "clash",
    "shootout": "clash",
    "skirmish": "clash",
    # ("killed in an encounter with the police", "an alleged confrontation with the police": a fight when the
    # sentence tells violence; a political confrontation is none)
    "confrontation": "clash?",
    "encounter": "clash?",
    "ambush": "clash",
    "combat": "clash",
    "hostility": "clash",
    "counterattack": "clash",
    "assault": "assault",
    "offensive": "assault",
    "counteroffensive": "assault",
    "counter-offensive": "assault",
    "raid": "attack?",
    "incursion": "advance",
    "advance": "advance",
    "breakthrough": "advance",
    "push": "advance?",
    "capture": "capture",
    "takeover": "capture",
    "seizure": "capture?",
    "fall": "capture?",
    "recapture": "recapture",
    "liberation": "recapture",
    "withdrawal": "withdrawal",
    "retreat": "withdrawal",
    "pullback": "withdrawal",
    "pullout": "withdrawal",
    "shelling": "shelling",
    "bombardment": "shelling",
    "barrage": "shelling",
    "artillery": "shelling?",
    "airstrike": "air_strike",
    "air strike": "air_strike",
    "bombing": "air_strike?",
    "air raid": "air_strike",
    "strike": "attack?",
    "attack": "attack",
    "explosion": "explosive?",
    "blast": "explosive?",
    "interception": "interception",
    "killing": "attack?",
    "assassination": "attack?",
    "massacre": "attack",
    "murder": "attack",
    "execution": "attack?",
    "rape": "sexual",
    "abduction": "abduction",
    "kidnapping": "abduction",
    "protest": "protest",
    "demonstration": "protest",
    "rally": "protest",
    "march": "protest?",
    "sit-in": "protest",
    "walkout": "protest",
    "vigil": "protest",
    "picket": "protest",
    "riot": "riot",
    "unrest": "riot?",
    "looting": "looting",
    "arson": "looting",
    "vandalism": "looting",
    "arrest": "arrest",
    "detention": "arrest?",
    "crackdown": "arrest?",
    "agreement": "agreement?",
    "deal": "agreement?",
    "ceasefire": "agreement?",
    "truce": "agreement?",
    "accord": "agreement?",
    "swap": "agreement?",
    "talk": "agreement?",
    "negotiation": "agreement?",
    "exchange": "agreement?",
    "handover": "withdrawal",
    "hand-over": "withdrawal",
    "surrender": "agreement",
    "deployment": "deployment",
    "reinforcement": "deployment?",
    "buildup": "deployment",
    "build-up": "deployment",
    "defection": "group_change",
    "merger": "group_change",
    "closure": "disruption?",
    "blackout": "disruption",
    "outage": "disruption",
    "sabotage": "sabotage",
    "death": "kill?",
    "casualty": "kill?",
}

# verbs that report an event only with certain objects (see VERB_OBJECTS)
for _verb in (
    "gain",
    "wrest",
    "fall",
    "reach",
    "leave",
    "punch",
    "break",
    "control",
    "drive",
    "flush",
    "oust",
    "expel",
    "exchange",
    "round",
    "drop",
    "inflict",
    "raise",
    "hoist",
):
    VERB_TRIGGERS.setdefault(_verb, "?")

# what is captured: places and positions
TERRITORY_NOUNS = frozenset(
    "control village town city settlement position territory area base site crossing checkpoint camp port "
    "airport airbase oilfield field capital district province region hill hilltop height mountain island "
    "neighbourhood neighborhood stronghold outpost post garrison bridge highway road junction border "
    "headquarters compound valley county municipality suburb outskirts locality enclave pocket castle fort "
    "fortress dam refinery mine plant facility factory station complex".split()
)

# irregular or mis-tagged word forms -> lemma (the parser sometimes tags past forms as nouns)
FORMS: dict[str, str] = {
    "retook": "retake",
    "took": "take",
    "overran": "overrun",
    "fought": "fight",
    "shot": "shoot",
    "struck": "strike",
    "hit": "hit",
    "fled": "flee",
    "pounding": "pound",
    "pounded": "pound",
    "shelled": "shell",
    "shelling": "shell",
    "downed": "down",
    "downs": "down",
    "blew": "blow",
    "beaten": "beat",
    "stole": "steal",
    "froze": "freeze",
    "sent": "send",
    "seized": "seize",
    "sank": "sink",
    "sunk": "sink",
    "kidnapped": "kidnap",
    "abducted": "abduct",
    "killed": "kill",
    "wounded": "wound",
    "injured": "injure",
    "raped": "rape",
    "bombed": "bomb",
    "torched": "torch",
    "looted": "loot",
    "lynched": "lynch",
    "ambushed": "ambush",
    "arrested": "arrest",
    "detained": "detain",
    "deployed": "deploy",
    "captured": "capture",
    "recaptured": "recapture",
    "liberated": "liberate",
    "retreated": "retreat",
    "withdrew": "withdraw",
    "withdrawn": "withdraw",
    "intercepted": "intercept",
    "airstrikes": "airstrike",
    "bases": "base",
}

# people "neutralised" in military press releases were killed ("troops neutralised 12 terrorists")
NEUTRALISED_PEOPLE = {
    w: "kill"
    for w in (
        "terrorist militant insurgent fighter gunman bandit jihadist attacker assailant soldier serviceman "
        "kidnapper rebel criminal commander element infiltrator intruder extremist operative cadre aggressor "
        "dacoit takfiri khariji khwarij khawarij miscreant outlaw"
    ).split()
}

# objects that make an ambiguous verb a trigger of a kind: verb lemma -> {object lemma: kind}
VERB_OBJECTS: dict[str, dict[str, str]] = {
    # "held journalists hostage", "held the villagers captive"
    "hold": {"hostage": "abduction", "hostages": "abduction", "captive": "abduction"},
    "take": {
        "control": "capture",
        "over": "capture",
        "village": "capture",
        "town": "capture",
        "city": "capture",
        "settlement": "capture",
        "position": "capture",
        "hostage": "abduction",
        "custody": "arrest",
        "part": "?",
        "place": "!",  # "the strike took place near Saakow": it happened there; nothing was taken
        "street": "protest",
        "civilian": "abduction",  # any civilian taken away ("took four men from the village as porters")
    },
    # a person as the object: taken into custody in a raid or an operation ("captured a Taliban facilitator",
    # "seized an IS commander"), not ground taken
    "capture": {
        **{
            w: "arrest"
            for w in (
                "leader commander facilitator suspect operative bombmaker financier emir militant insurgent "
                "smuggler kidnapper member official associate courier recruiter planner figure terrorist "
                "fighter bandit gunman assailant attacker individual jihadist rebel other"
            ).split()
        },
        "named": "arrest",  # a person named as the object (see event_types.triggers._object_kind)
        # one more of the people just counted: "three members died and a fourth, who was wounded, was captured"
        **{w: "arrest" for w in "second third fourth fifth sixth".split()},
    },
    "seize": {
        "control": "capture",
        "village": "capture",
        "town": "capture",
        "city": "capture",
        "settlement": "capture",
        "territory": "capture",
        "base": "capture",
        "area": "capture",
        "position": "capture",
        "site": "capture",
        "crossing": "capture",
        "checkpoint": "capture",
        "weapon": "weapons_seizure",
        "arm": "weapons_seizure",
        "ammunition": "weapons_seizure",
        "explosive": "weapons_seizure",
        "firearm": "weapons_seizure",
        "rifle": "weapons_seizure",
        "pistol": "weapons_seizure",
        "gun": "weapons_seizure",
        "round": "weapons_seizure",
        "grenade": "weapons_seizure",
        "cache": "weapons_seizure",
        "bomb": "weapons_seizure",
        "ied": "weapons_seizure",
        "drug": "arrest",
        "aid": "looting",
        "property": "looting",
        "grain": "looting",
        "belonging": "looting",
        "equipment": "looting",
        "car": "looting",
        "vehicle": "looting",
        "food": "looting",
        "cargo": "looting",
        "goods": "looting",
        "harvest": "looting",
        "livestock": "looting",
        "cattle": "looting",  # herds driven off: theft, not ground ("seized cattle from herders")
        "cow": "looting",
        "goat": "looting",
        "sheep": "looting",
        "camel": "looting",
        "money": "looting",
        "asset": "looting",
        "port": "capture",
        "airport": "capture",
        "oilfield": "capture",
        "camp": "capture",
        "headquarters": "capture",
    },
    "gain": {"control": "capture", "ground": "advance", "foothold": "advance"},
    "wrest": {"control": "capture"},
    "regain": {"control": "recapture"},
    "pull": {"back": "withdrawal", "out": "withdrawal"},
    "fall": {"back": "withdrawal"},
    "move": {
        "troop": "deployment",
        "force": "deployment",
        "reinforcement": "deployment",
        "soldier": "deployment",
        "unit": "deployment",
    },
    "send": {
        "hell": "kill",  # "seven terrorists were sent to hell" (Pakistan's army)
        "troop": "deployment",
        "reinforcement": "deployment",
        "force": "deployment",
        "soldier": "deployment",
        "unit": "deployment",
        "brigade": "deployment",
    },
    "dispatch": {
        "troop": "deployment",
        "reinforcement": "deployment",
        "force": "deployment",
        "soldier": "deployment",
        "unit": "deployment",
    },
    "rush": {
        "troop": "deployment",
        "reinforcement": "deployment",
        "force": "deployment",
        "soldier": "deployment",
        "unit": "deployment",
    },
    "mobilise": {"troop": "deployment", "reservist": "deployment", "force": "deployment"},
    "mobilize": {"troop": "deployment", "reservist": "deployment", "force": "deployment"},
    "station": {"troop": "deployment", "force": "deployment", "soldier": "deployment"},
    "establish": {
        "base": "base",
        "post": "base",
        "outpost": "base",
        "checkpoint": "base",
        "headquarters": "base",
        "camp": "base",
        "position": "base",
    },
    "set": {
        "base": "base",
        "post": "base",
        "outpost": "base",
        "checkpoint": "base",
        "headquarters": "base",
        "camp": "base",
        "position": "base",
        "off": "explosive",  # "set off a bomb"
    },
    "build": {"base": "base", "outpost": "base", "fortification": "base", "checkpoint": "base"},
    "open": {"base": "base", "office": "base", "fire": "attack", "headquarters": "base"},
    "cancel": {
        "trip": "political",
        "visit": "political",
        "meeting": "political",
        "summit": "political",
        "talk": "political",
        "travel": "political",
        "tour": "political",
        "election": "political",
    },
    "postpone": {
        "trip": "political",
        "visit": "political",
        "meeting": "political",
        "summit": "political",
        "talk": "political",
        "travel": "political",
        "tour": "political",
        "election": "political",
    },
    "expel": {"diplomat": "political", "ambassador": "political", "envoy": "political"},
    "recall": {"ambassador": "political", "envoy": "political"},
    "impose": {
        "sanction": "political",
        "curfew": "political",
        "law": "political",
        "emergency": "political",
        "blockade": "political",
    },
    "declare": {
        "law": "political",
        "emergency": "political",
        "ceasefire": "agreement",
        "truce": "agreement",
        "war": "political",
        "independence": "political",
        "mobilisation": "political",
    },
    "dismiss": {
        "minister": "political",
        "commander": "political",
        "general": "political",
        "chief": "political",
        "governor": "political",
    },
    "sack": {"minister": "political", "commander": "political", "general": "political", "chief": "political"},
    "appoint": {"minister": "political", "commander": "political", "chief": "political"},
    "ban": {"party": "political", "protest": "political", "rally": "political", "group": "political"},
    "suspend": {"flight": "disruption", "operation": "disruption", "service": "disruption"},
    "sign": {
        "agreement": "agreement",
        "deal": "agreement",
        "accord": "agreement",
        "treaty": "agreement",
        "ceasefire": "agreement",
        "truce": "agreement",
        "memorandum": "agreement",
        "pact": "agreement",
    },
    "reach": {
        "agreement": "agreement",
        "deal": "agreement",
        "accord": "agreement",
        "ceasefire": "agreement",
        "truce": "agreement",
    },
    "agree": {
        "ceasefire": "agreement",
        "truce": "agreement",
        "deal": "agreement",
        "swap": "agreement",
        "exchange": "agreement",
    },
    "swap": {"prisoner": "agreement", "body": "agreement", "detainee": "agreement"},
    # a raid on a site an armed group holds is a fight with it ("raided a Taliban prison", "raided a militant
    # hideout"); a raid on a house is a search or an arrest, told by its own verbs
    "raid": {
        "hideout": "clash",
        "camp": "clash",
        "prison": "clash",
        "den": "clash",
        "stronghold": "clash",
        "enclave": "clash",
        "base": "clash",
    },
    "destroy": {
        "drone": "interception",
        "missile": "interception",
        "uav": "interception",
        "rocket": "interception",
        "shahed": "interception",
        "projectile": "interception",
        "mine": "weapons_seizure",
        "ied": "weapons_seizure",
        "explosive": "weapons_seizure",
        "device": "weapons_seizure",
        "ammunition": "weapons_seizure",
        "weapon": "weapons_seizure",
        "cache": "weapons_seizure",
        "depot": "attack",
        "house": "looting",
        "home": "looting",
        "shop": "looting",
        "property": "looting",
        "vehicle": "looting",
        "crop": "looting",
        "church": "looting",
        "mosque": "looting",
        "school": "looting",
        "building": "looting",
    },
    "burn": {
        "house": "looting",
        "home": "looting",
        "shop": "looting",
        "vehicle": "looting",
        "car": "looting",
        "tyre": "riot",
        "tire": "riot",
        "church": "looting",
        "mosque": "looting",
        "village": "looting",
        "property": "looting",
        "building": "looting",
        "office": "looting",
        "flag": "protest",
        "effigy": "protest",
        "alive": "attack",  # "burned two herders alive"
        "death": "attack",  # "burned to death"
        # any other thing burned is property destroyed: "burned the school and the health centre"
        "thing": "looting",
    },
    "neutralise": {
        **NEUTRALISED_PEOPLE,
        "drone": "interception",
        "missile": "interception",
        "uav": "interception",
        "bomb": "weapons_seizure",
        "device": "weapons_seizure",
        "explosive": "weapons_seizure",
    },
    # "the counter-offensive put 19 terrorists out of action": how francophone armies' communiqués say killed
    "put": NEUTRALISED_PEOPLE,
    "eliminate": NEUTRALISED_PEOPLE,
    "neutralize": {
        **NEUTRALISED_PEOPLE,
        "drone": "interception",
        "missile": "interception",
        "uav": "interception",
        "bomb": "weapons_seizure",
        "device": "weapons_seizure",
        "explosive": "weapons_seizure",
    },
    "down": {
        "drone": "interception",
        "missile": "interception",
        "uav": "interception",
        "aircraft": "interception",
        "jet": "interception",
        "helicopter": "interception",
        "plane": "interception",
        "rocket": "interception",
    },
    "shoot": {"down": "interception", "dead": "attack"},
    "dismantle": {
        "bomb": "weapons_seizure",
        "device": "weapons_seizure",
        "ied": "weapons_seizure",
        "explosive": "weapons_seizure",
        "mine": "weapons_seizure",
    },
    "recover": {
        "weapon": "weapons_seizure",
        "arm": "weapons_seizure",
        "ammunition": "weapons_seizure",
        "firearm": "weapons_seizure",
        "rifle": "weapons_seizure",
        "explosive": "weapons_seizure",
        "gun": "weapons_seizure",
        "pistol": "weapons_seizure",
        "round": "weapons_seizure",
        "grenade": "weapons_seizure",
        "cache": "weapons_seizure",
        "body": "kill",
    },
    "find": {
        "weapon": "weapons_seizure",
        "arm": "weapons_seizure",
        "ammunition": "weapons_seizure",
        "cache": "weapons_seizure",
        "explosive": "weapons_seizure",
        "ied": "weapons_seizure",
        "bomb": "weapons_seizure",
        "firearm": "weapons_seizure",
        "device": "weapons_seizure",
        "rifle": "weapons_seizure",
        "grenade": "weapons_seizure",
        "body": "kill",
        "grave": "kill",
        "tunnel": "weapons_seizure",
        "depot": "weapons_seizure",
    },
    "clear": {"mine": "weapons_seizure", "landmine": "weapons_seizure", "explosive": "weapons_seizure"},
    "fire": {
        "missile": "missile",
        "rocket": "shelling",
        "shell": "shelling",
        "mortar": "shelling",
        "artillery": "shelling",
        "round": "shelling",
        "projectile": "shelling",
        "gas": "protest",
        "bullet": "attack",
        "shot": "attack",
        "grenade": "grenade",
    },
    "launch": {
        "missile": "missile",
        "rocket": "shelling",
        "drone": "drone_strike",
        "attack": "attack",
        "airstrike": "air_strike",
        "strike": "attack",
        "offensive": "assault",
        "assault": "assault",
        "raid": "attack",
        "operation": "clash?",
        "counteroffensive": "assault",
        "shahed": "drone_strike",
        "uav": "drone_strike",
        "bombardment": "shelling",
        "incursion": "advance",
    },
    "remove": {"unit": "withdrawal", "troop": "withdrawal", "force": "withdrawal", "soldier": "withdrawal"},
    "evacuate": {
        "unit": "withdrawal",
        "troop": "withdrawal",
        "force": "withdrawal",
        "soldier": "withdrawal",
        "position": "withdrawal",
        "garrison": "withdrawal",
    },
    "abandon": {
        "position": "withdrawal",
        "village": "withdrawal",
        "town": "withdrawal",
        "city": "withdrawal",
        "base": "withdrawal",
        "post": "withdrawal",
        "settlement": "withdrawal",
    },
    "leave": {"position": "withdrawal", "base": "withdrawal", "garrison": "withdrawal"},
    "close": {
        "airport": "disruption",
        "road": "disruption",
        "border": "disruption",
        "crossing": "disruption",
        "port": "disruption",
        "airspace": "disruption",
        "school": "disruption",
    },
    "blow": {"up": "explosive"},
    "form": {
        "brigade": "group_change",
        "unit": "group_change",
        "group": "group_change",
        "force": "group_change",
        "alliance": "group_change",
        "coalition": "group_change",
        "militia": "group_change",
        "battalion": "group_change",
    },
    "merge": {"group": "group_change", "force": "group_change"},
    "dissolve": {
        "group": "group_change",
        "militia": "group_change",
        "unit": "group_change",
        "parliament": "political",
        "government": "political",
    },
    "rename": {"group": "group_change", "unit": "group_change"},
    "recruit": {
        "fighter": "group_change",
        "soldier": "group_change",
        "child": "group_change",
        "member": "group_change",
        "militant": "group_change",
    },
    "pledge": {"allegiance": "group_change", "loyalty": "group_change"},
    "split": {"group": "group_change", "faction": "group_change"},
    "demolish": {
        "house": "looting",
        "home": "looting",
        "building": "looting",
        "shop": "looting",
        "structure": "looting",
        "property": "looting",
        "mosque": "looting",
        "church": "looting",
    },
    "confiscate": {
        "property": "looting",
        "aid": "looting",
        "grain": "looting",
        "belonging": "looting",
        "equipment": "looting",
        "car": "looting",
        "vehicle": "looting",
        "food": "looting",
        "phone": "looting",
        "cargo": "looting",
        "goods": "looting",
        "house": "looting",
        "land": "looting",
        "money": "looting",
        "asset": "looting",
        "livestock": "looting",
        "harvest": "looting",
    },
    "steal": {
        "belonging": "looting",
        "laptop": "looting",
        "phone": "looting",
        "camera": "looting",
        "car": "looting",
        "aid": "looting",
        "grain": "looting",
        "food": "looting",
        "property": "looting",
        "money": "looting",
        "cattle": "looting",
        "livestock": "looting",
        "vehicle": "looting",
        "goods": "looting",
        "railway": "looting",
        "equipment": "looting",
    },
    "engage": {
        "offensive": "assault",
        "assault": "assault",
        "counteroffensive": "assault",
        "fighting": "clash",
        "battle": "clash",
        "clash": "clash",
        "combat": "clash",
        "firefight": "clash",
        "gunfight": "clash",
        "hostility": "clash",
        "skirmish": "clash",
        # "engaged a group of insurgents", "an air weapons team engaged the fighters": fire at armed people
        "person": "clash",
        "position": "clash",
        "target": "clash",
        # "engaged the terrorists' location", "engaged their hideout"
        "location": "clash",
        "hideout": "clash",
        "den": "clash",
    },
    # ACLED: vandalism is property destruction
    "smash": {
        "window": "looting",
        "car": "looting",
        "vehicle": "looting",
        "office": "looting",
        "monument": "looting",
        "memorial": "looting",
        "statue": "looting",
        "plaque": "looting",
        "shop": "looting",
        "door": "looting",
        "glass": "looting",
        "property": "looting",
        "headstone": "looting",
        "grave": "looting",
    },
    "paint": {
        "graffiti": "looting",
        "swastika": "looting",
        "slogan": "looting",
        "inscription": "looting",
        "symbol": "looting",
    },
    "disappear": {
        "person": "abduction",
        "named": "abduction",
        "student": "abduction",
        "activist": "abduction",
    },
    "execute": {
        "person": "attack",  # any noun of a person (lexicon.actors.ACTOR_NOUNS)
        "civilian": "attack",
        "prisoner": "attack",
        "man": "attack",
        "people": "attack",
        "soldier": "attack",
        "woman": "attack",
        "hostage": "attack",
        "resident": "attack",
    },
    "beat": {
        "protester": "protest",
        "demonstrator": "protest",
        "civilian": "attack",
        "man": "attack",
        "woman": "attack",
        "journalist": "attack",
        "student": "attack",
        "people": "attack",
        "resident": "attack",
    },
    "free": {
        "town": "recapture",
        "village": "recapture",
        "city": "recapture",
        "area": "recapture",
        "settlement": "recapture",
        "territory": "recapture",
        "hostage": "agreement?",
        "prisoner": "agreement?",
    },
    "occupy": {
        "town": "capture",
        "village": "capture",
        "city": "capture",
        "area": "capture",
        "building": "protest?",
        "position": "capture",
        "settlement": "capture",
        "territory": "capture",
    },
    "enter": {"town": "capture", "village": "capture", "city": "capture", "settlement": "capture"},
    "push": {
        "back": "clash",
        "into": "advance",
        "forward": "advance",
        "toward": "advance",
        "towards": "advance",
        "deep": "advance",
        "deeper": "advance",
        "through": "advance",
    },
    "punch": {"through": "advance"},
    "break": {"through": "advance"},
    "march": {"protester": "protest", "demonstrator": "protest", "people": "protest"},
}

# people whose release is a negotiated act (ACLED: prisoner releases and exchanges are agreements)
RELEASED_PEOPLE = frozenset(
    "prisoner hostage detainee captive soldier fighter rebel member militant civilian people person man "
    "woman child crew sailor serviceman servicemen pow exchange".split()
)
# what is handed over in a transfer of territory
HANDED_OVER = frozenset(
    "control town city village base territory area district position camp post checkpoint region airport "
    "port crossing province".split()
)
# verbs of finding or taking weapons (ACLED: seizures, caches and defused bombs are disrupted weapons use)
SEIZURE_VERBS = frozenset(
    "find discover uncover seize confiscate recover unearth locate dismantle defuse destroy identify detect "
    "neutralise neutralize capture impound".split()
)
SEIZED_WEAPONS = frozenset(
    "weapon arm ammunition ammo explosive ied bomb mine landmine grenade cache depot stash arsenal rifle gun "
    "firearm pistol rocket missile mortar detonator munition round shell projectile device vest".split()
)

for _verb, _kind in (
    ("take", "capture"),
    ("seize", "capture"),
    ("occupy", "capture"),
    ("wrest", "capture"),
    ("control", "capture"),
    ("enter", "capture"),
    ("recover", "recapture"),
    ("regain", "recapture"),
    ("retake", "recapture"),
    ("reclaim", "recapture"),
):
    _table = VERB_OBJECTS.setdefault(_verb, {})
    for _noun in TERRITORY_NOUNS:
        _table.setdefault(_noun, _kind)
VERB_OBJECTS["exchange"] = {
    "fire": "clash",
    "gunfire": "clash",
    "shot": "clash",
    "prisoner": "agreement",
    "body": "agreement",
    "detainee": "agreement",
    "captive": "agreement",
    "pow": "agreement",
    "hostage": "agreement",
}
VERB_OBJECTS["swap"].update({"body": "agreement", "hostage": "agreement", "captive": "agreement"})
VERB_OBJECTS["round"] = {"up": "arrest"}
# bulletins: "inflicted losses on the manpower and equipment of the 14th brigade near X" is fighting there
# "raised the national flag over the town": a flag raised over a place marks its taking
VERB_OBJECTS["raise"] = {"flag": "capture"}
VERB_OBJECTS["hoist"] = {"flag": "capture"}
VERB_OBJECTS["inflict"] = {"loss": "clash", "losses": "clash", "casualty": "clash", "defeat": "clash"}
VERB_OBJECTS["drop"] = {
    "bomb": "air_strike",
    "barrel": "air_strike",
    "munition": "air_strike",
    "grenade": "grenade",
    "explosive": "drone_strike",
    "chlorine": "chemical",
    "gas": "chemical",
}
# the other side's armour, guns and positions destroyed, by means the report does not give: remote fire (drones,
# artillery, missiles) does most of it, and ACLED codes it as shelling; its troops destroyed, a battle
VERB_OBJECTS["destroy"].update(
    dict.fromkeys(
        "tank column convoy equipment armour armor launcher howitzer artillery radar stronghold dugout "
        "emplacement fortification bmp btr apc".split(),
        "shelling",
    )
    | dict.fromkeys("battalion company platoon squad detachment unit troop".split(), "clash")
)
# the other side's positions, strongholds and depots struck, hit or targeted, by means the report does not give:
# remote fire, which ACLED codes as shelling ("Ukrainian forces struck Russian positions near Kreminna"); a
# strike on anything else (a deal, a chord, a labour strike) is no event without a weapon or a victim
POSITION_STRIKE_VERBS = frozenset({"strike", "hit", "target", "pound"})
for _verb in POSITION_STRIKE_VERBS:
    VERB_OBJECTS.setdefault(_verb, {}).update(
        dict.fromkeys(
            "position stronghold depot manpower concentration emplacement fortification dugout trench "
            "headquarters".split(),
            "shelling",
        )
    )
# a ship sunk was attacked (its weapon types the strike: naval drones, missiles)
VERB_OBJECTS["sink"] = dict.fromkeys(
    "ship vessel boat warship cruiser frigate corvette submarine tug tanker ferry barge flagship".split(),
    "attack",
)
VERB_OBJECTS["take"]["mine"] = "?"
VERB_OBJECTS["seize"]["mine"] = "weapons_seizure"
VERB_OBJECTS["enter"]["control"] = "?"
VERB_OBJECTS["control"]["control"] = "?"
for _verb in ("drive", "push", "flush", "oust", "expel", "force", "chase", "kick"):
    VERB_OBJECTS.setdefault(_verb, {})["out"] = "capture"

# words that mark protest context (lemmas)
PROTEST_WORDS = frozenset(
    "protest protester protestor demonstration demonstrator rally march marcher sit-in picket strike striker "
    "demonstrate walkout vigil crowd".split()
)

# how authorities intervene in a protest (lemmas): dispersal without deadly force
PROTEST_INTERVENTION = frozenset(
    "disperse tear teargas water cannon baton arrest detain rubber pepper stun break block scuffle "
    "clear beat".split()
)

# deadly or severe force against protesters
PROTEST_FORCE = frozenset("kill shoot wound injure live ammunition brutally crackdown".split())

# violence by protesters themselves
RIOT_WORDS = frozenset(
    "riot rioter stone rock molotov petrol torched torching burn vandalise vandalize loot smash throw hurl "
    "pelt clash ransack storm set brick bottle".split()
)

# who protests: nouns whose verbs (other than speech) report a demonstration ("protesters poured into the
# streets", "demonstrators chanted slogans"); and nouns that do so with a gathering verb when the sentence
# speaks of a protest ("thousands of students gathered in a peaceful protest")
PROTESTER_NOUNS = frozenset("protester protestor demonstrator marcher rioter picketer".split())
CROWD_NOUNS = frozenset(
    "crowd people student worker farmer activist supporter resident villager youth teacher employee "
    "opponent woman man thousand hundred dozen tens striker trader driver doctor nurse lawyer pensioner "
    "member mother family relative".split()
)
GATHERING_VERBS = frozenset(
    "gather assemble march rally converge flood pour parade chant stage hold swarm boo take join mass walk "
    "demonstrate protest picket camp block occupy denounce demand participate sing wave".split()
)
# what rioters do (lemmas); with a protester as subject these make a violent demonstration
RIOT_VERBS = frozenset(
    "throw hurl pelt stone torch burn loot smash vandalise vandalize ransack storm clash fight attack damage "
    "destroy overturn barricade riot firebomb break pull tear set light attack assault injure wound beat "
    "block shut".split()
)
# what demonstrators block: roads and railways (ACLED: road blockades make a demonstration violent)
ROAD_NOUNS = frozenset(
    "road street highway railway rail railroad thoroughfare traffic motorway bridge junction intersection "
    "track route artery".split()
)
# words that do not make "riot" an event ("riot police", "anti-riot gear")
RIOT_GEAR_HEADS = frozenset("police policeman officer gear squad unit shield force troop control".split())

# hedges and intentions: a trigger under one of these (lemma of a governing verb) is not an asserted event
INTENTION_VERBS = frozenset(
    "seek try attempt plan aim intend want hope threaten vow prepare expect aspire wish mull consider "
    "propose urge call plot scheme warn demand ask need".split()
)
MODALS = frozenset("may might could would should must can shall".split())
HEDGE_ADVERBS = frozenset("possibly perhaps potentially maybe".split())

# speech and claim verbs (attribution)
SPEECH_VERBS = frozenset(
    "say tell announce report state claim insist add note confirm deny allege assert declare write post "
    "explain warn estimate assess indicate suggest reveal disclose acknowledge admit accuse blame cite quote "
    "tweet publish inform reiterate".split()
)
