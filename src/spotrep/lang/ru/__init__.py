"""Russian: the words of Russian-language war reporting (the Russian defence ministry, governors of border
regions, war correspondents; and Russian-language Ukrainian outlets)."""

from __future__ import annotations

from ..lexicon import Lexicon, Side, Source, Trigger
from .ner import entities

W = r"\w*"

LEXICON = Lexicon(
    code="ru",
    triggers=(
        # an arrest first: the strikes an agent is held for are no strikes of that day ("задержали агента,
        # корректировавшего удары")
        Trigger(rf"(задержа{W}|задержан{W}|арестова{W}|арестован{W}|под стражу)", "arrest"),
        Trigger(
            rf"(сбил{W}|сбит{W}|уничтожен{W} (\d+ )?(беспилотн{W}|бпла|дрон{W}|ракет{W})|перехвач{W}|перехват{W}|пво)",
            "interception",
        ),
        Trigger(rf"(шахед{W}|герань{W}|дрон{W}|беспилотн{W}|бпла|fpv)", "drone_strike", "drone"),
        Trigger(rf"(авиаудар{W}|авиабомб{W}|каб{W}|фаб{W}|авиаци{W})", "air_strike", "aerial bomb"),
        Trigger(rf"(ракет{W}|искандер{W}|калибр{W}|х-\d+|кинжал{W}|atacms)", "missile", "missile"),
        Trigger(
            rf"(обстрел{W}|обстрелива{W}|обстрелял{W}|артиллери{W}|миномет{W}|рсзо|град{W} |снаряд{W}|хаймарс{W}|himars)",
            "shelling",
            "artillery",
        ),
        # attacks repelled are fighting, whatever the generic strike words say ("отбили 5 атак")
        Trigger(rf"(отбил{W}|отбит{W})( \d+| \w+)? (атак{W}|штурм{W})", "clash"),
        Trigger(
            rf"(удар{W}|атак{W}|атакова{W}|взрыв{W}|попадани{W}|прил[её]т(?:ы|ов|а|ом|е|ам|ами|у)?(?!\w)|поражен{W})",
            "shelling",
        ),
        Trigger(
            rf"(бо[йия]{W}|столкновени{W}|штурм{W}|наступлени(?!н){W}|отбил{W}|отражен{W}|контратак{W})",
            "clash",
        ),
        Trigger(rf"(ликвидир{W}|ликвидаци{W}|уничтожил{W} \d+ (военн|боевик|солдат|наемник){W})", "clash"),
        Trigger(rf"(освобо[дж]{W}|взял{W} под контроль|взят{W} под контроль)", "capture"),
        Trigger(rf"(захвати{W}|захвачен{W}|оккупирова{W})", "capture"),
        # what strikes leave: destroyed, damaged, burning (a depot, a substation, an airfield)
        Trigger(
            rf"(уничтож{W}|поврежд{W}|пожар{W}|разруш{W}|горит|горящ{W}|накрыл{W}|подрыв{W})", "shelling"
        ),
        Trigger(rf"(мина|мины|подорва{W}|растяжк{W}|взрывн{W} устройств{W})", "explosive", "explosive"),
    ),
    killed=rf"(погиб{W}|гибел{W}|убит{W}|убил{W}|смерт{W}|жертв{W}|тела|скончал{W})",
    injured=rf"(ранен{W}|ранил{W}|травм{W}|пострада{W}|госпитализир{W})",
    civilians=rf"(мирн{W} (жител{W}|населени{W})|граждан{W}|жител{W}|люд{W}|человек|дет{W}|ребен{W}|женщин{W}|мужчин{W})",
    number_words={
        "один": 1,
        "одна": 1,
        "одного": 1,
        "одну": 1,
        "два": 2,
        "две": 2,
        "двое": 2,
        "двух": 2,
        "три": 3,
        "трое": 3,
        "трех": 3,
        "трёх": 3,
        "четыре": 4,
        "четверо": 4,
        "пять": 5,
        "пятеро": 5,
        "шесть": 6,
        "шестеро": 6,
        "семь": 7,
        "семеро": 7,
        "восемь": 8,
        "девять": 9,
        "десять": 10,
        "двадцать": 20,
    },
    months={
        "январ": 1,
        "феврал": 2,
        "март": 3,
        "апрел": 4,
        "ма[яйе]": 5,
        "июн": 6,
        "июл": 7,
        "август": 8,
        "сентябр": 9,
        "октябр": 10,
        "ноябр": 11,
        "декабр": 12,
    },
    weekdays={
        "понедельник": 0,
        "вторник": 1,
        "сред": 2,
        "четверг": 3,
        "пятниц": 4,
        "суббот": 5,
        "воскресень": 6,
    },
    yesterday=r"(вчера)",
    today=r"(сегодня)",
    night_on=r"в ночь на",
    past_day=r"(за (прошедшие|минувшие|последние) сутки|в течение суток|за сутки)",
    sides=(
        Side(
            rf"(всу|украинск{W} (военн{W}|вооруженн{W}|сил{W}|войск{W}|боевик{W}|формировани{W})|киевск{W} режим{W}|нацист{W})",
            "UA",
        ),
        Side(
            rf"(вс рф|российск{W} (военн{W}|войск{W}|сил{W}|арми{W})|оккупант{W}|рашист{W}|россиян{W}|рф)",
            "RU",
        ),
    ),
    sources=(
        Source(
            rf"(минобороны (россии|рф)|министерств{W} обороны (россии|рф)|мо рф)",
            "Russian Ministry of Defence",
            "RU",
        ),
        Source(
            rf"(генштаб{W} всу|генеральн{W} штаб{W})", "General Staff of the Armed Forces of Ukraine", "UA"
        ),
        Source(rf"(воздушн{W} сил{W})", "Ukrainian Air Force", "UA"),
        Source(rf"(губернатор{W}|глав{W} (области|региона))", "governor", None),
        Source(rf"(мэр{W}|городск{W} совет{W}|глав{W} города)", "city council", None),
    ),
    negation=r"(не было|не зафиксировано|опроверг\w*|фейк\w*)",
    hearsay=r"(по словам|по данным|сообщил\w*|заяви\w*|утвержда\w*)",
    entities=entities,  # slovnet's news NER (natasha's weights), loaded on first use
)
