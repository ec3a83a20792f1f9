"""Text for a terminal: what came from a file or a person never reaches it as a control code.

A file name or an uploader such as ``"\\x1b]0;pwned\\x07"`` would retitle (or worse) the terminal
of the admin who runs the CLI. :func:`printable` shows every control and format character as
a visible escape; :func:`printable_output` applies it to everything the CLI writes, so no
message can forget it.
"""

from __future__ import annotations

import sys
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

#: Line structure the CLI writes itself.
KEPT = frozenset("\n\t")
#: Unicode categories written as escapes: controls (ESC, CR, BEL, C1), format characters
#: (bidi overrides, zero-width marks), surrogates, private use, line and paragraph separators.
ESCAPED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Zl", "Zp"})


def printable(text: str) -> str:
    """``text`` with each control or format character as an escape (``\\x1b``, ``\\u202e``).

    Newlines and tabs are kept. Printable text comes back unchanged (and fast).
    """
    if text.isprintable():
        return text
    return "".join(
        ch if ch in KEPT or unicodedata.category(ch) not in ESCAPED_CATEGORIES else escape(ch)
        for ch in text
    )


def escape(ch: str) -> str:
    """One character as Python writes it in a string literal: ``\\x1b``, ``\\u202e``."""
    code = ord(ch)
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


class PrintableStream:
    """A text stream that writes everything through :func:`printable`."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        return self._stream.write(printable(text))

    def __getattr__(self, name: str) -> object:
        return getattr(self._stream, name)


@contextmanager
def printable_output() -> Iterator[None]:
    """Route ``sys.stdout`` and ``sys.stderr`` through :func:`printable` inside the block."""
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = PrintableStream(out), PrintableStream(err)  # type: ignore[assignment]
    try:
        yield
    finally:
        sys.stdout, sys.stderr = out, err
