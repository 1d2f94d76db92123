"""Whole wire-service articles in, the events a reader of each would list out.

Each article was written for this file in the manner of an agency or outlet (headline, dateline, lead, quotes,
background paragraphs); none is copied from a real report or an evaluation set. What they check, together:

- a headline announces an event the body tells: one event, typed and placed as the body tells it;
- a dateline's city is not an event's place;
- casualties told in later sentences or paragraphs ("Two port workers were killed.", "he said") are the
  figures of the incident just told, not events of their own;
- a repeat ("One of the bombs hit ...", "it was struck by an FPV drone") is the same event;
- each event keeps its own speaker's claim: "X said." closing a paragraph, "According to X" opening one, a
  pronoun speaker, an unqualified ministry after its country was named; never a speaker of a later paragraph;
- background ("has been hit repeatedly since 2022", "is regularly targeted", "since it pulled out of a deal",
  "a months-long advance", "It is the largest attack ...") yields no event dated at publication;
- a capture of "a village near X" is not a capture of X in the control ledger.

Expected events are matched on sub-event type, place (name or first-level region) and date; figures and claims
are then compared. An article yields exactly its expected events.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

import spotrep
from spotrep.control.ledger import UNKNOWN, build_ledgers

from .conftest import requires_model

pytestmark = requires_model


@dataclass(frozen=True)
class Want:
    sub: str
    place: str  # the location's name, or its ISO 3166-2 first-level region ("RU-KRS")
    day: str
    fatalities: int | None = None
    injuries: int | None = None
    claim: str | None = None  # a word of the claim's source (the publisher when nobody is quoted)
    claim_country: str | None = None


REUTERS_KHARKIV = """Russian glide bombs kill three in Kharkiv, governor says

KHARKIV, Ukraine, May 22 (Reuters) - Russian forces struck Kharkiv with two glide bombs on Wednesday, killing \
three people and wounding 11 others, regional governor Oleh Syniehubov said.

One of the bombs hit a printing house in the city's Kyivskyi district, Syniehubov said on Telegram. A fire broke \
out and rescuers were working at the site.

"The occupiers are terrorising the civilian population," Mayor Ihor Terekhov said.

Russia's defence ministry said its forces had struck Ukrainian army positions and fuel depots in the Kharkiv \
region with missiles overnight. It did not comment on the strike on the city.

Russia launched a new offensive in the Kharkiv region on May 10, opening a new front in the war. Kharkiv, \
Ukraine's second-largest city, has been hit repeatedly since the start of the full-scale invasion in February 2022.

(Reporting by Max Hunder; Editing by Alex Richardson)
"""

AFP_POKROVSK = """Moscow claims capture of village near Pokrovsk

Russia said Sunday its troops had captured a village near the key logistics hub of Pokrovsk in eastern Ukraine, \
the latest gain in a months-long advance.

"Units of the Centre group of forces liberated the settlement of Novohrodivka," the defence ministry said in a \
statement.

Kyiv did not immediately comment on the claim. Ukraine's General Staff said its forces had repelled 42 Russian \
attacks in the Pokrovsk sector over the past day.

Moscow has occupied around a fifth of Ukraine's territory, including the Crimean peninsula, which it annexed in 2014.
"""

AP_ODESA = """Russian missile attack on Odesa port kills 2, wounds 8

ODESA, Ukraine (AP) - A Russian ballistic missile struck the port of Odesa late Monday, killing two people and \
wounding eight, Ukrainian officials said Tuesday.

The missile hit a civilian cargo ship docked at the port, Odesa regional Gov. Oleh Kiper said. Two port workers \
were killed. Eight others were wounded, including a truck driver, he said.

Separately, Ukraine's air force said it had shot down 21 of 24 Russian drones launched overnight at several regions.

In Russia, a Ukrainian drone attack sparked a fire at an oil refinery in the Krasnodar region, local authorities \
said. No one was hurt.

Russia has repeatedly targeted Ukraine's Black Sea ports since it pulled out of a deal that allowed grain exports \
in July 2023.
"""

KYIV_INDEPENDENT_SUMY = """Russian drone strike on bus in Sumy Oblast kills 1, injures 5

Russian forces launched a drone strike on a civilian bus in the village of Bilopillia in Sumy Oblast on the \
morning of Aug. 12, killing one person and injuring five, the regional military administration reported.

The bus was carrying passengers to the city of Sumy when it was struck by an FPV drone, the administration said.

Sumy Oblast, which borders Russia, is regularly targeted by Russian drones, artillery and guided aerial bombs. \
Over the past day, Russian forces shelled 11 communities in the oblast, the administration said. A total of 87 \
explosions were recorded.

Separately, in Kharkiv Oblast, a 63-year-old man was injured in a Russian artillery strike on the village of \
Kupiansk-Vuzlovyi, Governor Oleh Syniehubov said.
"""

BROADCASTER_KURSK = """Ukraine says it has taken control of Sudzha in Kursk region

Ukraine's top commander says his forces have taken full control of the Russian town of Sudzha, in the Kursk \
region, more than a week after launching a surprise cross-border incursion.

"The town of Sudzha has been cleared of Russian troops," Gen Oleksandr Syrskyi said in a video address on Thursday.

Russia's defence ministry said its troops were repelling attacks near the villages of Martynovka and Malaya \
Loknya and that Ukraine had lost up to 300 servicemen over the past day.

It is the largest attack on Russian soil since World War Two.
"""

REGIONAL_AGENCY_ZAPORIZHZHIA = """Russian strikes kill man, wound two in Zaporizhzhia region

Over the past day, Russian troops carried out 412 strikes on 10 settlements in Zaporizhzhia region, Governor \
Ivan Fedorov said on Telegram.

According to Fedorov, the occupiers launched eight air strikes on Huliaipole, Malokaterynivka and Stepnohirsk. \
245 drones of various types attacked Orikhiv, Mala Tokmachka and Huliaipole.

A 57-year-old man was killed in Huliaipole. Another two people were wounded in Stepnohirsk.

There were 46 reports of damage to houses, cars and infrastructure facilities.
"""

RUSSIAN_AGENCY_DRONES = """Russian air defenses down 15 Ukrainian drones over three regions

MOSCOW, June 10. /TASS/. Russian air defense systems destroyed 15 Ukrainian drones over the Belgorod, Kursk and \
Bryansk regions overnight, the Russian Defense Ministry reported.

"On-duty air defense assets intercepted and destroyed nine unmanned aerial vehicles over the Belgorod Region, \
four over the Kursk Region and two over the Bryansk Region," the ministry said.

Belgorod Region Governor Vyacheslav Gladkov said that debris from a downed drone damaged a private house in the \
town of Shebekino. No one was hurt, he said.
"""

WIRE_HORLIVKA = """Blast at Horlivka market kills five

There was an explosion from artillery shelling in the centre of Horlivka on Saturday, which killed five people at \
a market, the Russian-installed mayor said.

Ukrainian officials said Russian forces fired at the market themselves to discredit Kyiv. Russian officials accuse \
Ukraine of shelling.
"""

SHELL = "Shelling/artillery/missile attack"
AIR = "Air/drone strike"
CLASH = "Armed clash"
INTERCEPT = "Disrupted weapons use"
TAKEN = "Non-state actor overtakes territory"

ARTICLES = [
    pytest.param(
        REUTERS_KHARKIV,
        "2024-05-22",
        "Reuters",
        [
            Want(AIR, "Kharkiv", "2024-05-22", 3, 11, "Syniehubov", "UA"),
            Want(SHELL, "Kharkiv Oblast", "2024-05-21", claim="defence ministry", claim_country="RU"),
            # background with a day of its own keeps that day
            Want(CLASH, "Kharkiv Oblast", "2024-05-10", claim="Reuters"),
        ],
        id="reuters_glide_bombs_headline_dateline_repeat_and_background",
    ),
    pytest.param(
        AFP_POKROVSK,
        "2024-07-21",
        "AFP",
        [
            Want(TAKEN, "Novohrodivka", "2024-07-21", claim_country="RU"),
            Want(CLASH, "Pokrovsk", "2024-07-20", claim="General Staff", claim_country="UA"),
        ],
        id="afp_village_near_a_town_then_named_in_a_quote",
    ),
    pytest.param(
        AP_ODESA,
        "2024-10-15",
        "AP",
        [
            Want(SHELL, "Odesa", "2024-10-14", 2, 8, "officials", "UA"),
            Want(INTERCEPT, "Ukraine", "2024-10-14", claim="air force", claim_country="UA"),
            Want(AIR, "RU-KDA", "2024-10-15", claim="local authorities", claim_country="RU"),
        ],
        id="ap_casualty_summary_paragraph_and_a_pronoun_speaker",
    ),
    pytest.param(
        KYIV_INDEPENDENT_SUMY,
        "2024-08-12",
        "The Kyiv Independent",
        [
            Want(AIR, "Bilopillia", "2024-08-12", 1, 5, "military administration", "UA"),
            Want(SHELL, "Sumy Oblast", "2024-08-11", claim="administration", claim_country="UA"),
            Want(SHELL, "Kupiansk-Vuzlovyi", "2024-08-12", None, 1, "Syniehubov", "UA"),
        ],
        id="online_outlet_repeat_by_pronoun_and_a_habit_in_background",
    ),
    pytest.param(
        BROADCASTER_KURSK,
        "2024-08-15",
        "BBC",
        [
            Want(TAKEN, "Sudzha", "2024-08-15", claim="commander", claim_country="UA"),
            Want(CLASH, "RU-KRS", "2024-08-14", claim="defence ministry", claim_country="RU"),
        ],
        id="broadcaster_cross_border_incursion_and_a_judgement_sentence",
    ),
    pytest.param(
        REGIONAL_AGENCY_ZAPORIZHZHIA,
        "2024-09-03",
        "Ukrinform",
        [
            Want(AIR, "Huliaipole", "2024-09-03", 1, None, "Fedorov", "UA"),
            Want(AIR, "Malokaterynivka", "2024-09-03", claim="Fedorov", claim_country="UA"),
            Want(AIR, "Stepnohirsk", "2024-09-03", None, 2, "Fedorov", "UA"),
            Want(AIR, "Orikhiv", "2024-09-03", claim="Fedorov", claim_country="UA"),
            Want(AIR, "Mala Tokmachka", "2024-09-03", claim="Fedorov", claim_country="UA"),
        ],
        id="regional_agency_according_to_the_governor_and_casualties_by_place",
    ),
    pytest.param(
        RUSSIAN_AGENCY_DRONES,
        "2024-06-10",
        "TASS",
        [
            Want(INTERCEPT, "RU-BEL", "2024-06-09", claim="Defense Ministry", claim_country="RU"),
            Want(INTERCEPT, "RU-KRS", "2024-06-09", claim="Defense Ministry", claim_country="RU"),
            Want(INTERCEPT, "RU-BRY", "2024-06-09", claim="Defense Ministry", claim_country="RU"),
        ],
        id="russian_agency_slashed_dateline_and_a_list_of_regions",
    ),
    pytest.param(
        WIRE_HORLIVKA,
        "2024-01-21",
        "wire",
        # the headline's blast is the shelling the lead tells; each side blaming the other is no event of its own
        [Want(SHELL, "Horlivka", "2024-01-20", 5, claim="mayor", claim_country="RU")],
        id="headline_blast_is_the_body_s_shelling_and_blame_is_no_event",
    ),
]


def _matches(event, want: Want) -> bool:
    loc = event.location
    return (
        event.sub_event_type == want.sub
        and want.place in (loc.name, loc.admin1_code, loc.admin1)
        and str(event.event_date) == want.day
    )


@pytest.mark.parametrize(("text", "published", "source", "wanted"), ARTICLES)
def test_an_article_yields_the_events_a_reader_lists(text, published, source, wanted):
    events = spotrep.extract(text, published=published, source=source)
    got = [(e.sub_event_type, e.location.name, str(e.event_date)) for e in events]
    assert len(events) == len(wanted), got
    left = list(events)
    for want in wanted:
        found = next((e for e in left if _matches(e, want)), None)
        assert found is not None, (want, got)
        left.remove(found)
        assert (found.fatalities, found.injuries) == (want.fatalities, want.injuries), want
        if want.claim is not None:
            assert want.claim.lower() in (found.claim.source or "").lower(), (want, found.claim)
        if want.claim_country is not None:
            assert found.claim.source_country == want.claim_country, (want, found.claim)


@pytest.mark.parametrize(("text", "published", "source", "wanted"), ARTICLES)
def test_no_event_sits_at_the_city_the_report_was_filed_from(text, published, source, wanted):
    events = spotrep.extract(text, published=published, source=source)
    for event in events:
        for ev in event.evidence:
            assert "(Reuters)" not in ev.text and "(AP)" not in ev.text and "/TASS/" not in ev.text


def test_a_village_taken_near_a_town_leaves_the_town_unclaimed_in_the_ledger():
    events = spotrep.extract(AFP_POKROVSK, published="2024-07-21", source="AFP")
    ledgers = {x.place.name: x for x in build_ledgers(events).values()}
    assert ledgers["Novohrodivka"].status_at(date(2024, 7, 22)).status == "RU"
    assert ledgers["Pokrovsk"].status_at(date(2024, 7, 22)).status == UNKNOWN  # fighting in its sector only


def test_a_headline_capture_near_a_town_alone_is_no_capture_of_the_town():
    text = (
        "Moscow claims capture of village near Pokrovsk\n\nRussia said on Sunday its troops had captured a "
        "village near Pokrovsk in eastern Ukraine.\n"
    )
    events = spotrep.extract(text, published="2024-07-21", source="AFP")
    (event,) = events
    assert (event.location.name, event.geo_precision) == ("Pokrovsk", 2)
    assert event.sub_event_type == TAKEN
    status = next(iter(build_ledgers(events).values())).status_at(date(2024, 7, 22))
    assert status.status == UNKNOWN
