"""Ukrainian: the words of Ukrainian war reporting (oblast administrations, the General Staff, the Air Force,
city councils, Telegram channels)."""

from __future__ import annotations

from ..lexicon import Lexicon, Side, Source, Trigger

W = r"[\w'’]*"  # the rest of a word

LEXICON = Lexicon(
    code="uk",
    triggers=(
        # an arrest first: the strikes an agent is held for are no strikes of that day ("затримали агента, який
        # коригував ракетні удари")
        Trigger(rf"(затрима{W}|затриман{W}|заарештува{W}|арештува{W}|заарештован{W}|під варту)", "arrest"),
        Trigger(rf"(збил{W}|збит{W}|знешкодж{W}|перехопл{W}|перехопи{W})", "interception"),
        Trigger(rf"(шахед{W}|дрон{W}|безпілотн{W}|бпла|ударн{W} бпла|fpv)", "drone_strike", "drone"),
        Trigger(
            rf"(авіаудар{W}|авіабомб{W}|кабами|каб{W}|керован{W} авіа{W}|авіаці{W})",
            "air_strike",
            "aerial bomb",
        ),
        Trigger(rf"(ракет{W}|іскандер{W}|калібр{W}|х-\d+|кинджал{W})", "missile", "missile"),
        Trigger(
            rf"(обстріл{W}|обстрілю{W}|артилері{W}|мінометн{W}|рсзв|град{W} |гармат{W}|снаряд{W})",
            "shelling",
            "artillery",
        ),
        # attacks repelled are fighting, whatever the generic strike words say ("відбили 22 атаки")
        Trigger(rf"(відбил{W}|відбито)( \d+| \w+)? (атак{W}|штурм{W})", "clash"),
        Trigger(
            rf"(удар{W}|вдари{W}|атак{W}|атакува{W}|вибух{W}|влучан{W}|влучен{W}|влучи{W}|поцілил{W}|приліт(?!\w)|прильот{W}|накри{W}|гати{W}|підрив{W})",
            "shelling",
        ),
        Trigger(
            rf"(бо[їяю]{W}|бій|боєзіткнен{W}|зіткнен{W}|штурм{W}|наступ(?!н){W}|відбил{W}|відбито|контратак{W})",
            "clash",
        ),
        Trigger(
            rf"(ліквідува{W}|ліквідован{W}|знищили {W} ?окупант{W}|знищили \d+ (росіян|окупант){W})", "clash"
        ),
        Trigger(rf"(звільнил{W}|звільнен{W}|визволил{W}|деокупува{W})", "recapture"),
        Trigger(rf"(захопил{W}|захопленн{W}|окупувал{W}|окупован{W} (село|місто|селище))", "capture"),
        # what strikes leave: destroyed, damaged, burning (a depot, a substation, an airfield)
        Trigger(rf"(знищ{W}|пошкод{W}|пожеж{W}|зруйнова{W}|руйнуван{W}|горить|палає|палаюч{W})", "shelling"),
        Trigger(rf"(міна|міни|мін |підірва{W}|розтяжк{W}|вибухов{W} пристр{W})", "explosive", "explosive"),
    ),
    killed=rf"(загин{W}|загибл{W}|вбит{W}|вбив{W}|убит{W}|смерт{W}|жертв{W}|тіла|помер{W})",
    injured=rf"(поранен{W}|поранил{W}|травм{W}|постражд{W}|госпіталізов{W})",
    civilians=rf"(цивільн{W}|мирн{W} (жител{W}|населен{W})|жител{W}|мешкан{W}|люд{W}|дит{W}|жінк{W}|чолові{W})",
    number_words={
        "один": 1,
        "одна": 1,
        "одну": 1,
        "одного": 1,
        "одне": 1,
        "два": 2,
        "дві": 2,
        "двоє": 2,
        "двох": 2,
        "три": 3,
        "троє": 3,
        "трьох": 3,
        "чотири": 4,
        "четверо": 4,
        "чотирьох": 4,
        "п'ять": 5,
        "п’ять": 5,
        "п'ятеро": 5,
        "п’ятеро": 5,
        "шість": 6,
        "шестеро": 6,
        "сім": 7,
        "семеро": 7,
        "вісім": 8,
        "восьмеро": 8,
        "дев'ять": 9,
        "дев’ять": 9,
        "десять": 10,
        "десятеро": 10,
        "двадцять": 20,
    },
    months={
        "січ": 1,
        "лют": 2,
        "берез": 3,
        "квіт": 4,
        "трав": 5,
        "черв": 6,
        "лип": 7,
        "серп": 8,
        "верес": 9,
        "жовт": 10,
        "листопад": 11,
        "груд": 12,
    },
    weekdays={
        "понеділ": 0,
        "вівтор": 1,
        "серед": 2,
        "четвер": 3,
        "п'ятниц": 4,
        "п’ятниц": 4,
        "субот": 5,
        "неділ": 6,
    },
    yesterday=r"(вчора|учора)",
    today=r"(сьогодні)",
    night_on=r"(?:у|в) ніч (?:на|проти)",
    past_day=r"(минулої доби|за минулу добу|протягом доби|за добу)",
    sides=(
        Side(rf"(окупант{W}|рашист{W}|росіян{W}|загарбник{W}|ворог{W}|зс рф|рф|росі{W}|російськ{W})", "RU"),
        Side(rf"(зсу|сили оборони|захисник{W}|українськ{W} (військ{W}|сил{W}|бійц{W})|сбу|гур)", "UA"),
    ),
    sources=(
        Source(rf"(повітрян{W} сил{W})", "Ukrainian Air Force", "UA"),
        Source(rf"(генштаб{W}|генеральн{W} штаб{W})", "General Staff of the Armed Forces of Ukraine", "UA"),
        Source(
            rf"(ова|обласн{W} військов{W} адміністрац{W}|начальник{W} ова|голов{W} ова)",
            "regional military administration",
            "UA",
        ),
        Source(rf"(міськ{W} рад{W}|мер{W}|міськ{W} голов{W})", "city council", "UA"),
        Source(
            rf"(мінооборони рф|міноборони рф|міноборони росії|мінобо{W} рф)",
            "Russian Ministry of Defence",
            "RU",
        ),
        Source(rf"(губернатор{W})", "governor", None),
        Source(rf"(двс|держприкордонслужб{W}|дснс)", "State Emergency Service of Ukraine", "UA"),
    ),
    negation=r"(не було|не зафіксовано|спростува\w*|фейк\w*)",
    hearsay=r"(за словами|за даними|повідомил\w*|заяви\w*|стверджу\w*)",
)
