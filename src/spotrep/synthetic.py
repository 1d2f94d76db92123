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
HEADLINES = [
    "Russian strikes kill {n} in {place}",
    "Ukraine pulls back near {place} as Russia presses offensive",
    "Drones target {ru_region} as fighting rages near {place}",
    "Air defences down {k} drones overnight",
]


def generate_documents(
    n: int, *, seed: int = 7, sentences: tuple[int, int] = (6, 12), start: date = date(2024, 5, 1)
) -> Iterator[Document]:
    """``n`` reproducible synthetic articles (id ``synthetic-<i>``) with publication dates over 60 days."""
    rng = random.Random(seed)
    for i in range(n):
        published = start + timedelta(days=rng.randrange(60))

        def fill(template: str) -> str:
            place, region = rng.choice(PLACES_UA)
            place2, region2 = rng.choice(PLACES_UA)
            ru_place, ru_region = rng.choice(PLACES_RU)
            return template.format(
                place=place,
                region=region,
                place2=place2,
                region2=region2,
                ru_region=ru_region,
                ru_place=ru_place,
                day=rng.choice(WEEKDAYS),
                n=rng.choice(NUMBERS),
                m=rng.choice(NUMBERS),
                k=rng.randrange(5, 40),
                k2=rng.randrange(40, 60),
                big=f"{rng.randrange(5, 60) * 1000:,}",
            )

        count = rng.randint(*sentences)
        body = [fill(rng.choice(TEMPLATES)) for _ in range(count)]
        text = fill(rng.choice(HEADLINES)) + "\n\n" + "\n\n".join(body) + "\n"
        yield Document(id=f"synthetic-{i}", text=text, published=published, source="synthetic")
