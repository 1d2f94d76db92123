"""The ``languages`` section of ``spotrep bench``: words per second of English, Ukrainian and Russian reports
on one core, each read as the pipeline reads it (English through spaCy, Ukrainian and Russian through the
lexicon reader), so that "Ukrainian and Russian documents are extracted at least as fast per word as English"
is measured, not assumed.

The corpora are generated here and in ``spotrep.synthetic`` (the English one), from sentences written for the
project in the styles of the genre (oblast administrations, the General Staff, the Air Force, Russian
governors and the Russian defence ministry), dense in events, places, dates and figures as the English one
is. Words are counted alike in every language (runs of letters or digits), so the figures compare.
"""

from __future__ import annotations

import random
import re
import time
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

from ..benchmark import section
from ..documents import Document

ROUNDS = 2  # runs per language; the fastest counts
_WORDS = re.compile(r"[^\W_]+(?:['’ʼ-][^\W_]+)*")

# settlements: (nominative, locative, genitive, dative, accusative); oblasts: (locative or genitive, instrumental)
_UK_PLACES = (
    ("Харків", "Харкові", "Харкова", "Харкову", "Харків"), ("Херсон", "Херсоні", "Херсона", "Херсону", "Херсон"),
    ("Одеса", "Одесі", "Одеси", "Одесі", "Одесу"), ("Нікополь", "Нікополі", "Нікополя", "Нікополю", "Нікополь"),
    ("Суми", "Сумах", "Сум", "Сумах", "Суми"), ("Покровськ", "Покровську", "Покровська", "Покровську", "Покровськ"),
    ("Дніпро", "Дніпрі", "Дніпра", "Дніпру", "Дніпро"),
    ("Миколаїв", "Миколаєві", "Миколаєва", "Миколаєву", "Миколаїв"),
)  # fmt: skip
_UK_OBLASTS = (
    ("Харківщині", "Харківщиною"), ("Херсонщині", "Херсонщиною"), ("Одещині", "Одещиною"),
    ("Сумщині", "Сумщиною"), ("Донеччині", "Донеччиною"), ("Запорізькій області", "Запорізькою областю"),
)  # fmt: skip
_RU_PLACES = (
    ("Белгород", "Белгороде", "Белгорода", "Белгороду", "Белгород"), ("Курск", "Курске", "Курска", "Курску", "Курск"),
    ("Брянск", "Брянске", "Брянска", "Брянску", "Брянск"), ("Горловка", "Горловке", "Горловки", "Горловке", "Горловку"),
    ("Донецк", "Донецке", "Донецка", "Донецку", "Донецк"), ("Херсон", "Херсоне", "Херсона", "Херсону", "Херсон"),
    ("Харьков", "Харькове", "Харькова", "Харькову", "Харьков"), ("Одесса", "Одессе", "Одессы", "Одессе", "Одессу"),
)  # fmt: skip
_RU_OBLASTS = (
    ("Белгородской области", "Белгородской областью"), ("Курской области", "Курской областью"),
    ("Брянской области", "Брянской областью"), ("Харьковской области", "Харьковской областью"),
)  # fmt: skip
_UK_MONTHS = ("травня", "червня", "липня")
_RU_MONTHS = ("мая", "июня", "июля")
_UK_NUMBERS = ("двоє", "троє", "четверо", "п'ятеро", "двох", "трьох")
_RU_NUMBERS = ("двое", "трое", "четверо", "пятеро", "двух", "трех")

_UK_SENTENCES = (
    "У ніч на {day} {month} окупанти атакували {acc} ударними дронами, пошкоджено житловий будинок.",
    "Сили ППО збили {k} шахедів над {obl_ins}, повідомили Повітряні сили.",
    "Ворог завдав ракетного удару по {dat}, загинули {n} людей, ще {m} поранені.",
    "Минулої доби росіяни {k} разів обстріляли громади на {obl} з артилерії та мінометів.",
    "Тривають запеклі бої поблизу {gen}, ЗСУ відбили {k} штурмів, повідомив Генштаб.",
    "Окупанти скинули керовані авіабомби на {acc}, поранено {n} цивільних.",
    "Внаслідок обстрілу у {loc} спалахнула пожежа на складі, постраждали {n} працівників.",
    "Начальник ОВА повідомив, що вчора ворог вдарив по промисловому об'єкту в {loc}.",
    "На {obl} вибухівка спрацювала під трактором, травмовано {n} чоловіків.",
    "За даними обласної прокуратури, {n} мешканців загинули після удару по {dat}.",
)
_RU_SENTENCES = (
    "В ночь на {day} {month} беспилотники ВСУ атаковали {acc}, повреждены жилые дома.",
    "Над {obl_ins} средствами ПВО сбиты {k} беспилотников, сообщило Минобороны России.",
    "В результате обстрела {gen} погибли {n} мирных жителей, еще {m} ранены.",
    "За прошедшие сутки ВСУ {k} раз обстреляли населенные пункты {obl} из артиллерии.",
    "В районе {gen} продолжаются ожесточенные бои, отражены {k} атак.",
    "Губернатор сообщил, что вчера в {loc} после удара дрона загорелся склад, пострадали {n} человек.",
    "По данным оперативного штаба, в {loc} в результате атаки ранены {n} мирных жителей.",
    "Ракетный удар по {dat}: погибли {n} человек, повреждена подстанция.",
    "В {loc} сдетонировало взрывное устройство, пострадали {n} мужчин.",
    "Минобороны России заявило, что ПВО сбила {k} ракет над {obl_ins}.",
)
_UK_HEADLINES = ("Удар по {dat}: є загиблі", "Нічна атака дронів на {acc}", "Обстріли {gen}")
_RU_HEADLINES = ("Удар по {dat}: есть погибшие", "Ночная атака дронов на {acc}", "Обстрел {gen}")


def generate_reports(
    lang: str, n: int, *, seed: int = 7, sentences: tuple[int, int] = (6, 12), start: date = date(2024, 5, 1)
) -> Iterator[Document]:
    """``n`` reproducible synthetic reports in Ukrainian or Russian (id ``synthetic-<lang>-<i>``)."""
    uk = lang == "uk"
    places, oblasts = (_UK_PLACES, _UK_OBLASTS) if uk else (_RU_PLACES, _RU_OBLASTS)
    months, numbers = (_UK_MONTHS, _UK_NUMBERS) if uk else (_RU_MONTHS, _RU_NUMBERS)
    templates, headlines = (_UK_SENTENCES, _UK_HEADLINES) if uk else (_RU_SENTENCES, _RU_HEADLINES)
    rng = random.Random(seed)
    for i in range(n):
        published = start + timedelta(days=rng.randrange(60))

        def fill(template: str) -> str:
            _nom, loc, gen, dat, acc = rng.choice(places)
            obl, obl_ins = rng.choice(oblasts)
            return template.format(
                loc=loc,
                gen=gen,
                dat=dat,
                acc=acc,
                obl=obl,
                obl_ins=obl_ins,
                day=rng.randint(1, 28),
                month=rng.choice(months),
                n=rng.choice(numbers),
                m=rng.choice(numbers),
                k=rng.randrange(3, 40),
            )

        body = [fill(rng.choice(templates)) for _ in range(rng.randint(*sentences))]
        text = fill(rng.choice(headlines)) + "\n\n" + "\n\n".join(body) + "\n"
        yield Document(
            id=f"synthetic-{lang}-{i}", text=text, published=published, source="synthetic", lang=lang
        )


def count_words(text: str) -> int:
    return len(_WORDS.findall(text))


def corpus(lang: str, n_docs: int) -> list[Document]:
    if lang == "en":
        from ..synthetic import generate_documents

        docs = list(generate_documents(n_docs))
        for d in docs:
            d.lang = "en"
        return docs
    return list(generate_reports(lang, n_docs))


@section("languages")
def bench_languages(n_docs: int = 200, **_: Any) -> dict[str, Any]:
    """Words per second (one process, one core) of each language's generated corpus, read end to end by
    ``extract_documents``; and Ukrainian's and Russian's speed over English's."""
    from ..pipeline import extract_documents

    out: dict[str, Any] = {}
    for lang in ("en", "uk", "ru"):
        docs = corpus(lang, n_docs)
        list(extract_documents([d.model_copy() for d in docs[:5]]))  # warm up: model, gazetteer, lexicons
        words = sum(count_words(d.text) for d in docs)
        runs: list[tuple[float, int]] = []
        for _round in range(ROUNDS):
            fresh = [d.model_copy() for d in docs]
            t0 = time.perf_counter()
            events = sum(len(ev) for _, ev in extract_documents(fresh, batch_size=16))
            runs.append((time.perf_counter() - t0, events))
        best = min(runs)
        out[lang] = {
            "documents": n_docs,
            "words": words,
            "events": best[1],
            "seconds": round(best[0], 3),
            "words_per_second": round(words / best[0]),
            # the first pass, before the per-word caches (morphology, place lookups) hold this corpus's words
            "first_run_words_per_second": round(words / runs[0][0]),
        }
    for lang in ("uk", "ru"):
        out[f"{lang}_over_en"] = round(out[lang]["words_per_second"] / out["en"]["words_per_second"], 2)
    return out
