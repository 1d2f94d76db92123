"""A generated corpus of war reports, for benchmarks and scale tests (no real data involved).

Each document is a short article assembled from sentence templates in the style of agency reporting, with
places, actors, numbers and dates drawn from small lists by a seeded random generator, so a corpus is
reproducible from ``(n, seed)``.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta

from .documents import Document

PLACES_UA = [
    ("Kharkiv", "Kharkiv region"),
    ("Vovchansk", "Kharkiv region"),
    ("Kupiansk", "Kharkiv region"),
    ("Lyptsi", "Kharkiv region"),
    ("Izium", "Kharkiv region"),
    ("Pokrovsk", "Donetsk region"),
    ("Chasiv Yar", "Donetsk region"),
    ("Kostiantynivka", "Donetsk region"),
    ("Toretsk", "Donetsk region"),
    ("Kramatorsk", "Donetsk region"),
    ("Sloviansk", "Donetsk region"),
    ("Ocheretyne", "Donetsk region"),
    ("Robotyne", "Zaporizhzhia region"),
    ("Orikhiv", "Zaporizhzhia region"),
    ("Huliaipole", "Zaporizhzhia region"),
    ("Kherson", "Kherson region"),
    ("Beryslav", "Kherson region"),
    ("Nikopol", "Dnipropetrovsk region"),
    ("Sumy", "Sumy region"),
    ("Odesa", "Odesa region"),
    ("Mykolaiv", "Mykolaiv region"),
]
PLACES_RU = [
    ("Belgorod", "Belgorod region"),
    ("Kursk", "Kursk region"),
    ("Bryansk", "Bryansk region"),
    ("Shebekino", "Belgorod region"),
    ("Novorossiysk", "Krasnodar region"),
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
NUMBERS = [
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "12",
    "15",
    "17",
    "21",
    "30",
]

TEMPLATES = [
    "Russian forces shelled {place} in {region} on {day}, killing {n} civilians and wounding {m} others, "
    "the regional governor said.",
    "Ukraine's air force said it had shot down {k} of {k2} Shahed drones launched overnight over {region}.",
    "The Ukrainian General Staff said its troops had repelled {k} Russian assaults near {place} over the past "
    "24 hours.",
    "Russia's defence ministry claimed its forces had captured the village of {place2}, in {region2}.",
    "A Ukrainian drone attack set fire to an oil depot in Russia's {ru_region} on {day} night, the regional "
    "governor said.",
    "Police in {region} said a landmine explosion wounded {n} farmers working in a field near {place}.",
    "Ukrainian units pulled back from positions near {place} after heavy fighting, a military spokesman said.",
    "Russian aerial defence systems intercepted {k} drones over {ru_region} overnight, the defence ministry said.",
    "Hundreds of people rallied in central Kyiv on {day} to demand the return of prisoners of war.",
    "Russian glide bombs struck residential buildings in {place}, injuring {n} people, emergency services said.",
    "Intense street fighting continued in {place} on {day}, local authorities said.",
    "Officials said more than {big} Russian troops had been deployed to {region}.",
    "Moscow may be preparing a new offensive in the summer, some Western analysts said.",
    "The SBU security service said it had detained a man suspected of spying for Russia in {place}.",
    "Ukraine's forces retook the village of {place2} last week, the army said on {day}.",
]
# sentences that report no event: background, quotes, politics, diplomacy, economy, boilerplate (most of a real
# article is made of these)
BACKGROUND = [
    "The regional governor told reporters that schools in {region} would stay closed until further notice.",
    "Officials in Kyiv have repeatedly asked Western allies for more air defence systems.",
    "President Volodymyr Zelenskiy is expected to travel to Brussels next week for talks with European leaders.",
    "The Kremlin said the talks in Geneva had been useful but that no agreement was in sight.",
    "{place} had a population of about {big} before the war.",
    "Prices for bread and fuel in {region} have doubled since the start of the year, residents say.",
    '"We are tired, but we are not going anywhere," said Olena, a teacher who asked that her surname be withheld.',
    "Analysts at the Institute for the Study of War said Moscow was trying to stretch Ukrainian defences thin.",
    "The European Union agreed on a new package of sanctions on Russian banks and energy companies.",
    "Moscow denies targeting civilians and says it strikes only military infrastructure.",
    "Ukraine's parliament passed a law lowering the age of mobilisation to 25.",
    "The United Nations said it was still waiting for permission to send a convoy to {place}.",
    "Reuters could not independently verify the reports from the battlefield.",
    "Many residents of {place} spend their nights in basements and metro stations.",
    "Grain exports from the port of Odesa reached their highest level in a year in {month}.",
    "The International Monetary Fund approved the next tranche of its loan programme for Kyiv.",
    "Volunteers in {place} have set up kitchens that feed hundreds of elderly people every day.",
    "Russian President Vladimir Putin said the economy was coping well with Western sanctions.",
    "Both sides say they are open to negotiations, but on terms the other rejects.",
    "The city council met on {day} to discuss repairs to the heating network before winter.",
    "Electricity supplies in {region} were restored after several hours of scheduled outages.",
    "NATO foreign ministers will meet in Prague later this month.",
    "The governor urged residents of frontline villages to leave for safer areas.",
    "Kyiv says it needs more long-range weapons to push the front line back.",
]
BOILERPLATE = [
    "Reporting by the spotrep example desk; editing by the night desk",
    "Our Standards: The Trust Principles.",
    "Additional reporting by staff in Kyiv and Moscow.",
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August"]
HEADLINES = [
    "Russian strikes kill {n} in {place}",
    "Ukraine pulls back near {place} as Russia presses offensive",
    "Drones target {ru_region} as fighting rages near {place}",
    "Air defences down {k} drones overnight",
]


def _fill(rng: random.Random, template: str, *, month: bool = False) -> str:
    """A template filled with drawn places, days, numbers (the draws in a fixed order: the same seed gives the
    same text)."""
    place, region = rng.choice(PLACES_UA)
    place2, region2 = rng.choice(PLACES_UA)
    ru_place, ru_region = rng.choice(PLACES_RU)
    day = rng.choice(WEEKDAYS)
    values = {"month": rng.choice(MONTHS)} if month else {}
    return template.format(
        place=place,
        region=region,
        place2=place2,
        region2=region2,
        ru_region=ru_region,
        ru_place=ru_place,
        day=day,
        n=rng.choice(NUMBERS),
        m=rng.choice(NUMBERS),
        k=rng.randrange(5, 40),
        k2=rng.randrange(40, 60),
        big=f"{rng.randrange(5, 60) * 1000:,}",
        **values,
    )


def generate_articles(
    n: int,
    *,
    seed: int = 11,
    paragraphs: tuple[int, int] = (18, 32),
    events: float = 0.25,
    start: date = date(2024, 5, 1),
) -> Iterator[Document]:
    """``n`` reproducible articles of a real news article's length (id ``article-<i>``): a headline, an event
    lead, then ``paragraphs`` paragraphs of one to three sentences where a sentence reports an event with
    probability ``events`` (the rest is background, quotes, politics) and a closing credit line."""
    rng = random.Random(seed)
    for i in range(n):
        published = start + timedelta(days=rng.randrange(60))

        def fill(template: str) -> str:
            return _fill(rng, template, month=True)

        def sentence() -> str:
            return fill(rng.choice(TEMPLATES if rng.random() < events else BACKGROUND))

        body = [fill(rng.choice(TEMPLATES[:8]))]
        for _ in range(rng.randint(*paragraphs)):
            body.append(" ".join(sentence() for _ in range(rng.choice((1, 1, 2, 2, 3)))))
        body.append(rng.choice(BOILERPLATE))
        text = fill(rng.choice(HEADLINES)) + "\n\n" + "\n\n".join(body) + "\n"
        yield Document(id=f"article-{i}", text=text, published=published, source="synthetic")


def generate_documents(
    n: int, *, seed: int = 7, sentences: tuple[int, int] = (6, 12), start: date = date(2024, 5, 1)
) -> Iterator[Document]:
    """``n`` reproducible synthetic articles (id ``synthetic-<i>``) with publication dates over 60 days."""
    rng = random.Random(seed)
    for i in range(n):
        published = start + timedelta(days=rng.randrange(60))

        def fill(template: str) -> str:
            return _fill(rng, template)

        count = rng.randint(*sentences)
        body = [fill(rng.choice(TEMPLATES)) for _ in range(count)]
        text = fill(rng.choice(HEADLINES)) + "\n\n" + "\n\n".join(body) + "\n"
        yield Document(id=f"synthetic-{i}", text=text, published=published, source="synthetic")
