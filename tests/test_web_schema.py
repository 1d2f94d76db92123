"""The HTTP API against its own OpenAPI document: a short, seeded schemathesis run in process (ASGI).

Every operation gets a few generated requests and schemathesis' boundary values (its coverage phase): none may
answer 500, and every answer must be one the document declares (status code, content type, headers, body
schema). Skips when schemathesis (the dev extra) is not installed.
"""

from __future__ import annotations

import tempfile
import warnings
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the serve extra is not installed")
pytest.importorskip("xstatic.pkg.leaflet", reason="the serve extra is not installed")
schemathesis = pytest.importorskip("schemathesis", reason="schemathesis (the dev extra) is not installed")

from hypothesis import HealthCheck, seed, settings  # noqa: E402
from schemathesis.specs.openapi.checks import positive_data_acceptance  # noqa: E402

from spotrep.documents import make_document  # noqa: E402
from spotrep.store import Store  # noqa: E402
from spotrep.web import Settings, create_app  # noqa: E402

from .store_fakes import keyword_extract  # noqa: E402
from .test_web_api import REPORTS, TOKEN  # noqa: E402

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

EXAMPLES = 12
"""Generated requests per operation (besides the boundary values): the whole run takes well under a minute."""

AUTH = {"Authorization": f"Bearer {TOKEN}"}

# schemathesis parametrizes when the module is collected, so the app (over a database of the test reports, in
# a temporary directory removed at exit) is made then; one operation's writes are seen by the others' reads.
_DATA = tempfile.TemporaryDirectory(prefix="spotrep-schema-")


def _app():
    path = str(Path(_DATA.name) / "events.db")
    with Store.open(path) as store:
        docs = [make_document(t, published=p, source=s, url=u) for t, p, s, u in REPORTS]
        store.ingest(docs, extractor=keyword_extract)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        # no extraction worker: posted documents stay queued, and a POST waits at most 0.2 s for them
        return create_app(path, settings=Settings(api_token=TOKEN, tiles=None, max_wait_seconds=0.2))


# not GET /api/stream: an endless response by design (Server-Sent Events; tests/test_web_stream.py checks it)
schema = schemathesis.openapi.from_asgi("/openapi.json", _app()).exclude(path="/api/stream")


@schema.parametrize()
@seed(13)
@settings(max_examples=EXAMPLES, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
def test_every_operation_answers_as_its_openapi_document_says(case):
    # Not checked: that every request the document allows is accepted. Filter values the document cannot
    # spell out (a known event type, a country's name, a date) are refused with 400 and a code, as documented.
    case.call_and_validate(headers=AUTH, excluded_checks=[positive_data_acceptance])
