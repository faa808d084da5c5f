"""Schemathesis against the OpenAPI document, request bodies included: every operation is called
with generated parameters and bodies (valid and invalid), and every answer must be no server
error and conform to the document (status declared, content type, body schema, headers).

Bounded: a few examples an operation, so that it runs in seconds (``NEWSINT_EXAMPLES=200``
searches harder; ``newsint bench robustness`` runs more). Not checked: that every
schema-valid body is analysed. The schema says a body is text; whether it is English news
prose that can be analysed (422 when not, naming why) no schema can say.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from newsint.bench.robustness_live import register_media_types
from newsint.settings import Settings
from newsint.web.app import create_app

EXAMPLES = int(os.environ.get("NEWSINT_EXAMPLES", "8"))
register_media_types()  # JSON Lines, gzip and WARC bodies
_store = Path(tempfile.mkdtemp(prefix="newsint-schema-")) / "schema.db"
app = create_app(Settings(db_url=f"sqlite:///{_store}", max_bytes=20_000, api_workers=0))
schema = schemathesis.openapi.from_asgi("/openapi.json", app)


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
def test_the_api_keeps_to_its_openapi_document(case: schemathesis.Case) -> None:
    case.call_and_validate(excluded_checks=[positive_data_acceptance])
