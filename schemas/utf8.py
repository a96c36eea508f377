"""Text files as users hand them in: UTF-8, a leading byte-order mark skipped (Windows tools
write one), and the first bad byte named when the bytes are not UTF-8."""

from __future__ import annotations

__all__ = ["BLANK", "BOM", "NotUTF8", "decode"]

BOM = b"\xef\xbb\xbf"  # a UTF-8 byte-order mark
BLANK = BOM + b" \t\r\n"  # what an empty input may still hold


class NotUTF8(ValueError):
    """Bytes that are not UTF-8; ``detail`` names the first bad byte: "byte 24 is 0xe9"."""

    def __init__(self, detail: str) -> None:
        super().__init__(f"not UTF-8 text: {detail}")
        self.detail = detail


def decode(data: bytes) -> str:
    """``data`` as text, a leading BOM skipped; raises ``NotUTF8`` naming the first bad byte."""
    body = data.removeprefix(BOM)
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise NotUTF8(f"byte {exc.start + len(data) - len(body)} is 0x{body[exc.start]:02x}") from None
