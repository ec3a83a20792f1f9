"""Text that came from a file or a person, shown on screen as the characters they typed.

Streamlit renders Markdown, LaTeX (between ``$``), emoji and icon codes (``:smile:``,
``:material/x:``) and colour directives (``:red[...]``) in ``st.markdown``, ``st.caption``,
``st.write``, titles and headers, alerts (``st.info`` ...), ``st.metric`` label, value *and*
delta, ``st.progress`` text, tab and expander labels, widget labels and help. A name such as
``![x](http://host/x.png)`` would make every viewer's browser fetch that image. Every user
string bound for one of those goes through :func:`literal`.

Plain-text elements need no escaping (the backslashes would show there): ``st.dataframe`` and
``st.data_editor`` cells and headers, ``st.selectbox`` options, ``st.text``, ``st.code``. Raw
HTML is never rendered (no ``unsafe_allow_html`` anywhere); ``<`` is escaped all the same.
Charts draw titles and labels as text, and their tooltips escape ``&`` and ``<`` (vega-tooltip's
default ``sanitize``, which Streamlit keeps); the deck writes text runs. Pure: no Streamlit
import.
"""

from __future__ import annotations

import re

#: ASCII punctuation that starts Markdown, LaTeX, emoji/colour directives, HTML or entities.
#: CommonMark lets a backslash escape any of them, which shows the character and nothing else.
SPECIALS = frozenset("\\`*_{}[]()<>#+-.!|~$:&")

# A line break could start a heading ("===" under a line) or a list: names are one line.
_LINE_BREAKS = re.compile(r"[\r\n\v\f\x85\u2028\u2029]+")
# GitHub-style "autolink literals" (http://..., www.x, a@b.c) are found in the text *after*
# escapes are resolved, so a backslash cannot stop them: an invisible WORD JOINER (U+2060)
# inside "://", after "www" and after "@" breaks the pattern without changing what one reads.
_AUTOLINKS = re.compile(r"(?<=:)(?=//)|(?<=\bwww)(?=\.)|(?<=@)", re.IGNORECASE)
WORD_JOINER = "\u2060"


def literal(text: object) -> str:
    """``text`` escaped for Streamlit Markdown, so it shows exactly as written: ``**b**`` stays
    ``**b**``, ``$x^2$`` no formula, ``[x](javascript:...)`` no link, ``<img ...>`` no element.

    Line breaks become one space; "://", "www." and "@" get an invisible word joiner so they
    never turn into a link. ``None`` becomes "None" (callers pass text).
    """
    one_line = _AUTOLINKS.sub(WORD_JOINER, _LINE_BREAKS.sub(" ", str(text)))
    return "".join("\\" + ch if ch in SPECIALS else ch for ch in one_line)
