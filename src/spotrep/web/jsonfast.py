"""JSON encoding for large responses: orjson when it is installed (the serve extra has it), else the standard
library with the same output (UTF-8, compact)."""

from __future__ import annotations

import json
from typing import Any

try:
    import orjson
except ImportError:  # the standard library is a correct, slower fallback
    orjson = None


def dumps_json(data: Any) -> bytes:
    if orjson is not None:
        return orjson.dumps(data)
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
