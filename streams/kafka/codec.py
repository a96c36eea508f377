"""The one Faust codec of the project: pydantic models and plain values as orjson bytes.

Values on every topic are plain UTF-8 JSON, readable by kcat or any Kafka client.
Decoding gives plain JSON values (dicts); agents validate them into models themselves, so
that bad input becomes a dead letter instead of an exception inside the stream.
"""

from __future__ import annotations

from typing import Any

from faust.serializers import codecs
from pydantic import BaseModel

from schemas import jsonbytes

__all__ = ["CODEC_NAME", "OrjsonCodec", "register_codec"]

CODEC_NAME = "dyadjson"


class OrjsonCodec(codecs.Codec):
    """pydantic models (``model_dump_json``) and JSON values (orjson) to bytes and back."""

    def _dumps(self, obj: Any) -> bytes:
        if isinstance(obj, BaseModel):
            return obj.__pydantic_serializer__.to_json(obj)
        return jsonbytes.dumps(obj)

    def _loads(self, s: bytes) -> Any:
        return jsonbytes.loads(s)


def register_codec() -> None:
    """Register the codec under ``CODEC_NAME`` (idempotent)."""
    if CODEC_NAME not in codecs.codecs:
        codecs.register(CODEC_NAME, OrjsonCodec())
