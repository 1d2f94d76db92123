"""ACLED's event taxonomy (exact spelling) and the project's finer categories."""

from __future__ import annotations

EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}

SUB_EVENT_TYPES: dict[str, str] = {sub: etype for etype, subs in EVENT_TYPES.items() for sub in subs}

# ACLED's disorder types, used by the ACLED CSV export.
DISORDER_TYPES: dict[str, str] = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Riots": "Political violence",
    "Protests": "Demonstrations",
    "Strategic developments": "Strategic developments",
}

CATEGORIES: tuple[str, ...] = (
    "armed_clash",
    "shelling",
    "air_strike",
    "drone_strike",
    "missile_strike",
    "interception",
    "mine_ied",
    "attack_on_civilians",
    "casualty_report",
    "territory_captured",
    "withdrawal",
    "advance",
    "deployment",
    "political",
    "infrastructure_disruption",
    "arrest",
    "agreement",
    "protest",
    "riot",
    "sabotage",
    # additions of this project (the spec allows more; these keep their meaning)
    "abduction",
    "sexual_violence",
    "chemical_weapon",
    "suicide_bomb",
    "grenade",
    "weapons_seizure",
    "base_established",
    "looting",
    "group_change",
    "aircraft_downed",  # a manned aircraft shot down (ground fire: shelling; another aircraft: armed clash)
    "displacement",  # civilians evacuated, fleeing, deported (ACLED: Other)
)


def event_type_of(sub_event_type: str) -> str:
    """The ACLED event type a sub-event type belongs to (KeyError if unknown)."""
    return SUB_EVENT_TYPES[sub_event_type]
