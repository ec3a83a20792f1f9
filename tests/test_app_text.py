"""User text is text: the one helper (:func:`scorecard.ui.text.literal`) on its own, then every
page of a dataset whose names, titles, departments, themes, goal metrics, file name, uploader and
currency are Markdown / LaTeX / HTML payloads, through AppTest: no element that renders Markdown
receives a payload unescaped. (The browser test checks what the browser finally draws.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1 import element_tree as et

from scorecard.dataset import Dataset
from scorecard.store import Store
from scorecard.ui.text import WORD_JOINER as WJ
from scorecard.ui.text import literal
from tests.browser import PAYLOADS

APP = Path(__file__).resolve().parent.parent / "app.py"
#: Every page file, so a new page is covered without editing this test.
PAGES = tuple(sorted(p.stem for p in (APP.parent / "pages").glob("*.py")))
TIMEOUT = 180  # a shared machine; bounds a hang, not a speed assertion


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("**b**", r"\*\*b\*\*"),
        ("[x](javascript:alert(1))", r"\[x\]\(javascript\:alert\(1\)\)"),
        # WJ: an invisible word joiner, so GitHub's autolinks cannot find a URL or an address
        ("![x](http://127.0.0.1:9/x.png)", r"\!\[x\]\(http\:" + WJ + r"//127\.0\.0\.1\:9/x\.png\)"),
        ("www.x.com, Ana@x.com", "www" + WJ + r"\.x\.com, Ana@" + WJ + r"x\.com"),
        ("$x^2$", r"\$x^2\$"),
        ("<img src=x onerror=alert(1)>", r"\<img src=x onerror=alert\(1\)\>"),
        (
            ":red[r] :material/home: `c` ~s~ # h | t &lt;",
            r"\:red\[r\] \:material/home\: \`c\` \~s\~ \# h \| t \&lt;",
        ),
        ("Ada Byrne", "Ada Byrne"),  # plain text is left alone
        ("line one\r\n===\nline\u2028two", r"line one === line two"),  # no heading from a break
    ],
)
def test_literal_escapes_every_markup_trigger(text: str, escaped: str):
    assert literal(text) == escaped


def markdown_texts(at: AppTest) -> list[str]:
    """Every string the page hands to an element that renders Markdown."""
    texts: list[str] = []
    for node in at._tree:
        if isinstance(node, (et.Markdown, et.Title, et.Header, et.Subheader, et.AlertBase)):
            texts.append(str(node.value))
        elif isinstance(node, et.Metric):
            texts += [node.label, node.value, node.delta]
        elif isinstance(node, et.Progress):
            texts.append(node.text)
        elif isinstance(node, (et.Expander, et.Tab)):
            texts.append(node.label)
    return texts


@pytest.fixture
def published(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, warm_server: None, payload_dataset: Dataset
) -> Store:
    url = f"sqlite:///{tmp_path / 'scorecard.db'}"
    monkeypatch.setenv("SCORECARD_DATABASE_URL", url)
    store = Store(url)
    store.publish(
        payload_dataset,
        uploader="Mia " + " ".join(PAYLOADS),
        file_name=PAYLOADS[0] + " " + PAYLOADS[3] + ".xlsx",
        sha256="payloads",
    )
    return store


def test_no_page_hands_a_payload_to_markdown_unescaped(published: Store):
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT).run()
    # The sidebar names the uploader and the file, escaped.
    caption = " ".join(c.value for c in at.sidebar.caption)
    assert literal("Mia " + " ".join(PAYLOADS)) in caption
    assert literal(PAYLOADS[0] + " " + PAYLOADS[3] + ".xlsx") in caption
    for page in PAGES:
        at.switch_page(f"pages/{page}.py").run()
        assert not at.exception, (page, [e.value for e in at.exception])
        texts = markdown_texts(at)
        assert texts, page
        leaks = [(t, p) for t in texts for p in PAYLOADS if p in t]
        assert leaks == [], page
    # The person's card: the name as a heading, escaped, and the title line under it.
    at.switch_page("pages/scorecards.py").run()
    headings = [s.value for s in at.subheader]
    assert literal(PAYLOADS[0]) in headings


def test_no_page_renders_raw_html():
    # literal() relies on Streamlit never rendering HTML; st.html or unsafe_allow_html would
    # turn an escaped "<img ...>" back into an element.
    sources = [*(APP.parent / "pages").glob("*.py"), *(APP.parent / "scorecard").rglob("*.py"), APP]
    found = [
        str(p)
        for p in sources
        if "unsafe_allow_html=True" in p.read_text() or "st.html(" in p.read_text()
    ]
    assert found == []
