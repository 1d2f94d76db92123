"""Locust users for `make loadtest`: analysts paging and filtering events (see loadtest/run.py).

Each user waits 0.5-1.5 s between requests (a person or a dashboard polling, not a tight loop). Every read
is to /api/events and is reported under that one name, whatever its filters and format. With LOAD_WRITERS=W,
W of the users are newsrooms posting reports (``POST /api/documents``) instead.
"""

from __future__ import annotations

import os
import random
import uuid
from datetime import date, timedelta

from locust import FastHttpUser, between, task

REGIONS = ["Kharkiv", "Donetsk", "Zaporizhzhia", "Kherson", "Sumy", "UA-14", "UA-63", "Belgorod Oblast"]
TYPES = ["Battles", "Explosions/Remote violence", "Air/drone strike", "Shelling/artillery/missile attack"]
START = date(2022, 2, 24)
DAYS = 3 * 365


def month() -> tuple[str, str]:
    first = START + timedelta(days=random.randrange(DAYS - 31))
    return first.isoformat(), (first + timedelta(days=30)).isoformat()


class Analyst(FastHttpUser):
    wait_time = between(0.5, 1.5)

    @task(5)
    def newest_page(self) -> None:
        self.client.get("/api/events", params={"order": "desc", "limit": 100}, name="/api/events")

    @task(3)
    def filtered(self) -> None:
        since, until = month()
        params = {
            "admin1": random.choice(REGIONS),
            "type": random.choice(TYPES),
            "since": since,
            "until": until,
        }
        self.client.get("/api/events", params=params, name="/api/events")

    @task(2)
    def paging(self) -> None:
        params = {"limit": 100, "offset": random.randrange(0, 2000, 100), "admin1": random.choice(REGIONS)}
        self.client.get("/api/events", params=params, name="/api/events")

    @task(2)
    def map_layer(self) -> None:
        since, until = month()
        params = {"format": "geojson", "order": "desc", "limit": 500, "since": since, "until": until}
        self.client.get("/api/events", params=params, name="/api/events")


# --- writers (LOAD_WRITERS > 0): newsrooms posting reports while analysts read ----------------------------------

WRITERS = int(os.environ.get("LOAD_WRITERS", "0"))
TOKEN = os.environ.get("SPOTREP_API_TOKEN", "")
POSTED = os.environ.get("LOAD_POSTED_LOG")
PLACES = ["Kharkiv", "Sumy", "Odesa", "Zaporizhzhia", "Kherson", "Pokrovsk", "Kramatorsk", "Nikopol"]
WEAPONS = ["drone", "missile", "guided aerial bomb", "artillery shell"]
SAYS = ["the regional governor said", "Ukraine's air force said", "local officials said on Telegram"]


def report(n: int) -> str:
    """A short wire report of a strike, different each time (``n`` makes the text unique)."""
    place, weapon, says = random.choice(PLACES), random.choice(WEAPONS), random.choice(SAYS)
    killed, wounded = random.randrange(0, 6), random.randrange(1, 15)
    return (
        f"A Russian {weapon} hit a residential area of {place} overnight, killing {killed} people and wounding"
        f" {wounded}, {says}. Emergency services were still searching the rubble on Tuesday morning.\n\n"
        f"Air defence units shot down {random.randrange(5, 40)} drones over the region, the military said."
        f" (Report {n}-{uuid.uuid4().hex[:8]}.)"
    )


if WRITERS > 0:  # only then is there a Newsroom user class

    class Newsroom(FastHttpUser):
        """Posts a report and moves on (202: extraction happens in the server's worker processes)."""

        fixed_count = WRITERS
        wait_time = between(0.5, 1.5)

        def on_start(self) -> None:
            self.sent = 0

        @task
        def post_report(self) -> None:
            self.sent += 1
            body = {"text": report(self.sent), "published": "2024-05-21", "source": "loadtest"}
            headers = {"Authorization": f"Bearer {TOKEN}"}
            with self.client.post(
                "/api/documents", json=body, headers=headers, name="POST /api/documents", catch_response=True
            ) as response:
                if response.status_code != 202:
                    response.failure(f"{response.status_code}: {response.text[:200]}")
                    return
                if POSTED:  # every accepted document's id, for run.py's check that each is stored once
                    with open(POSTED, "a", encoding="utf-8") as fh:
                        fh.write(response.json()["document_id"] + "\n")
