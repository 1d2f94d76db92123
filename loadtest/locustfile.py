"""Locust users for `make loadtest`: analysts paging and filtering events (see loadtest/run.py).

Each user waits 0.5-1.5 s between requests (a person or a dashboard polling, not a tight loop). Every request
is to /api/events and is reported under that one name, whatever its filters and format.
"""

from __future__ import annotations

import random
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
