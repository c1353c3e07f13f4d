"""Markup in: HTML pages read as text, with every offset on the page as given (issue 13)."""

from __future__ import annotations

import html as html_module
import json
import os

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import quotelib
import quotelib.text.html_text as html_text
import quotelib.text.markup as markup_module
from quotelib.cli import app
from quotelib.records import Quote, TextSpan
from quotelib.text.markup import PlainText, plain_text
from tests.hostile_alphabet import HTML, QUOTE_MARKS

EXAMPLES = int(os.environ.get("QUOTELIB_HYPOTHESIS_EXAMPLES", "1000"))


def spans_of(quote: Quote) -> list[TextSpan]:
    """Every span a quote holds, whatever its fields."""
    spans = []
    for value in attrs.astuple(quote, recurse=False):
        items = value if isinstance(value, tuple) else (value,)
        spans += [item for item in items if isinstance(item, TextSpan)]
    return spans


def check_pieces(page: str, plain: PlainText) -> None:
    """Each character of the plain text is read from where the map says, in order."""
    pieces, text = plain.pieces, plain.text
    ends = [*pieces.starts[1:], len(text)]
    assert list(pieces.starts) == sorted(set(pieces.starts)) and (not text or pieces.starts[0] == 0)
    previous = 0
    for start, end, raw_start, raw_end in zip(
        pieces.starts, ends, pieces.raw_starts, pieces.raw_ends
    ):
        assert previous <= raw_start <= raw_end <= len(page)
        previous = raw_end
        part, raw = text[start:end], page[raw_start:raw_end]
        if len(part) == len(raw):  # character by character: as written, or whitespace as a space
            assert all(p == r or (p == " " and r.isspace()) for p, r in zip(part, raw)), (part, raw)
        elif raw:  # a character reference (the standard library drops what HTML5 keeps)
            decoded = html_module.unescape(raw)
            assert raw.startswith("&") and (decoded == "" or part.strip() == decoded.strip())
        else:  # a break, where its tag starts
            assert part in ("\n", "\n\n") and page[raw_start] == "<"


# --- the plain text, without the model -------------------------------------------------------

PLAIN = [
    ("&ldquo;It is over,&rdquo; she said.", "“It is over,” she said."),
    ("&quot;no&quot; &#8217; &#x2019; &#X2019", '"no" ’ ’ ’'),
    ("&amp &ampx &notit; &notin; &AMP; &lt;p&gt;", "& &x ¬it; ∉ & <p>"),
    ("&am<b></b>p; &foo; &#xZZ; &#; &", "&amp; &foo; &#xZZ; &#; &"),
    ("&#0; &#xD800; &#x110000; &#99999999999; &#128; &#x9D;", "\ufffd \ufffd \ufffd \ufffd € \x9d"),
    ("&#00000000065;&#x00041;", "AA"),
    ('a<![CDATA[ x > "y" ]]>b', "ab"),
    ('a<!-- "q" -- > -> --!> b', "a b"),
    ('a<!-- "q," he said -- >still--> b<!--> c<!---> d<!----> e', "a b c d e"),
    ("<!DOCTYPE html><?xml version='1.0'?>a </ x>b</>c", "a bc"),
    ('<script>s = "</p>“no”"; // </scripts\n</SCRIPT >a<style>q{content:"“"}</style>b', "ab"),
    ("<title>A “title”</title><noscript>Enable it</noscript><template><p>x</template>a", "a"),
    ('<a title=\'say "hi" > x\' href="a\'b">link</a><P CLASS=x>Para</P>', "link\n\nPara"),
    ('<img src=x alt="a > b"/>a<br/>b<BR>c</br>d', "a\nb\nc\nd"),
    ("a<br><br>b<br> <br/>\n<br>c", "a\n\nb\n\nc"),
    ("<div>\n  <p>\n    One\n    line\n  </p>\n  <p>Two</p>\n</div>", "One line\n\nTwo"),
    (
        "<ul><li>One</li><li>Two</li></ul><h2>Three</h2><table><tr><td>4</td><td>5</td></tr></table>",
        "One\n\nTwo\n\nThree\n\n4\n\n5",
    ),
    (
        "Ends said.  Two spaces\tand a tab, a\n new line",
        "Ends said.  Two spaces and a tab, a new line",
    ),
    ("x <b>y</b>  <i> z</i>&#32;&#10;w", "x y z w"),
    ("a&nbsp;&nbsp;b\u2028c\u2029d\x85e", "a\xa0\xa0b c d e"),
    ("<pre>  line 1\n\n   line 2\n</pre>after", "line 1\n\n   line 2\n\nafter"),
    # Spaces typed next to a break are kept; the source's line breaks and tabs are not.
    ("<p>said. </p>\n<p> Next<br>\n\tline <br>\n end</p>", "said. \n\n Next\nline \nend"),
    ("<p>unclosed <b>bold<p>next", "unclosed bold\n\nnext"),
    ("<p>cut here</p><p", "cut here"),
    ('<p>cut <a href="x', "cut"),
    ("a < b <3 and <", "a < b <3 and <"),
    ("</", "</"),
    ("", ""),
    ("<p></p> \n <br>", ""),
]


@pytest.mark.parametrize("page, expected", PLAIN, ids=[page[:30] for page, _ in PLAIN])
def test_markup_plain_text_of_hostile_html(page, expected):
    plain = plain_text(page, "html")
    assert plain.text == expected
    check_pieces(page, plain)


def test_markup_plain_text_maps_each_character_to_where_it_is_read():
    page = "<p>&ldquo;Hi,&rdquo; <b>she</b> said.</p>\n<p>Yes.</p>"
    plain = plain_text(page)
    assert plain.text == "“Hi,” she said.\n\nYes."
    read = [page[slice(*plain.raw_offsets(i, i + 1))] for i in range(len(plain.text))]
    assert read[:6] == ["&ldquo;", "H", "i", ",", "&rdquo;", " "]
    assert read[15:17] == ["", ""]  # the blank line, where </p> starts
    assert plain.raw_offsets(15, 15) == (page.index("</p>"),) * 2
    assert plain.raw_offsets(6, 9) == (page.index("she"), page.index("she") + 3)
    assert plain.raw_offsets(0, len(plain.text)) == (3, page.rindex("</p>"))
    assert plain.raw_offsets(len(plain.text), len(plain.text)) == (len(page),) * 2
    with pytest.raises(ValueError, match=r"offsets \(3, 99\) do not fit a plain text of length"):
        plain.raw_offsets(3, 99)


def test_markup_plain_text_of_a_long_page_is_compact():
    page = "<p>" + "“Quoted,” she said &amp; left. " * 20_000 + "</p>"
    plain = plain_text(page)
    assert len(plain.text) == 31 * 20_000 - 1 - 4 * 20_000
    assert len(plain.pieces.starts) == 2 * 20_000 + 1  # text and entity alternate
    assert plain.pieces.starts.itemsize == 8  # machine integers, not Python objects


def test_markup_raw_quote_moves_every_span_field_also_a_new_one():
    @attrs.frozen(kw_only=True)
    class Extended(Quote):
        extra: TextSpan | None = None
        extras: tuple[TextSpan, ...] = ()

    page = "<p>&ldquo;Go,&rdquo; <b>he</b> told <i>Ann</i>.</p>"
    plain = plain_text(page)
    assert plain.text == "“Go,” he told Ann."

    def span(start, end):
        return TextSpan.from_offsets(plain.text, start, end)

    content = span(1, 4)
    quote = Extended(
        kind="direct",
        content=content,
        content_parts=(content,),
        speaker=span(6, 8),
        cue=span(9, 13),
        addressee=span(14, 17),
        speaker_name="he",
        extra=span(0, 5),
        extras=(span(14, 17),),
    )
    moved = plain.raw_quote(quote)
    assert [s.text for s in spans_of(moved)] == [
        "Go,",
        "Go,",
        "he",
        "told",
        "Ann",
        "&ldquo;Go,&rdquo;",
        "Ann",
    ]
    assert all(page[s.start : s.end] == s.text for s in spans_of(moved))
    assert moved.speaker_name == "he" and quote.speaker.text == "he"  # a new record
    assert quote.content.start == 1 and moved.content.start == page.index("Go")


def test_markup_options_are_checked():
    with pytest.raises(
        ValueError, match=r"'markup' must be None or one of \('html',\) \(got 'xml'\)"
    ):
        quotelib.extract_quotes("<p>x</p>", markup="xml")
    with pytest.raises(ValueError, match=r"'markup' must be None or one of"):
        quotelib.pipe(["<p>x</p>"], markup="text")
    with pytest.raises(TypeError, match=r"'text' must be a str to read as html \(got 42 that is"):
        plain_text(42)


@pytest.mark.parametrize("module", [markup_module, html_text])
def test_markup_all_is_sorted_and_complete(module):
    public = {
        name
        for name, value in vars(module).items()
        if not name.startswith("_")
        and (name.isupper() or getattr(value, "__module__", None) == module.__name__)
    }
    assert module.__all__ == sorted(module.__all__)
    assert set(module.__all__) == public


_SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
TAGS = ["<p>", "</p>", "<br>", "<b>", "</b>", "<pre>", "</pre>", "<script>", "</script>"]
MARKUP = ["<", ">", "&", ";", "#", "x", "=", '"', "'", "/", "!", "--", "[CDATA[", "]]>", "amp"]
pages = st.lists(
    st.one_of(
        st.sampled_from(HTML + TAGS + MARKUP + QUOTE_MARKS),
        st.sampled_from([" ", "\n", "\t", "\r\n", "\u2028", "&#10;", "&nbsp;", "&#x2019;"]),
        st.text(max_size=6),
    ),
    max_size=40,
).map("".join)


@_SETTINGS
@given(pages)
def test_markup_plain_text_never_raises_and_maps_in_order(page):
    plain = plain_text(page)
    check_pieces(page, plain)
    assert plain_text(page) == plain
    n = len(plain.text)
    for start, end in ((0, n), (n // 3, n - n // 3), (n // 2, n // 2)):
        raw_start, raw_end = plain.raw_offsets(start, end)
        assert 0 <= raw_start <= raw_end <= len(page)


# --- quotes on pages, through the model ------------------------------------------------------

# (page, [(speaker, content parts)]): each span's text is the HTML it covers.
QUOTES = [
    ("&ldquo;It is over,&rdquo; she said.", [("she", ["It is over,"])]),
    ("The senator said &quot;no&quot; to the plan.", [("The senator", ["no"])]),
    (
        '<div><p><b>&ldquo;We <i>will</i> win,&rdquo;</b> said <a href="/m">Mayor Jane Smith</a>.'
        "</p></div>",
        [("Mayor Jane Smith", ["We <i>will</i> win,"])],
    ),
    (
        "<p>&ldquo;Prices rose &am<b></b>p; fell,&rdquo; the minister said.</p>",
        [("the minister", ["Prices rose &am<b></b>p; fell,"])],
    ),
    (
        "<p>&ldquo;We need &foo; and &#xZZ; now&#0;,&rdquo; she said.</p>",
        [("she", ["We need &foo; and &#xZZ; now&#0;,"])],
    ),
    (
        '<p>&ldquo;It is done,<![CDATA[ "not this," he said ]]>&rdquo; she said.</p>',
        [("she", ["It is done,"])],
    ),
    (
        '<!-- "A fake," he said -- > -> still --><p>&ldquo;A real one,&rdquo; she said.</p>'
        '<!-- "And," he said -->',
        [("she", ["A real one,"])],
    ),
    (
        '<script>var q = "“Fake,” he said";</script><style>q:before { content: "“"; }</style>'
        "<p>“Real,” she said.</p>",
        [("she", ["Real,"])],
    ),
    (
        "<p><a title='say \"hi\" > x'>&ldquo;Hi there,&rdquo;</a> he said.</p>",
        [("he", ["Hi there,"])],
    ),
    (
        "<P><B>“We won,”</B> she said.</P><BR><DIV>“We lost,” he said.</DIV>",
        [("she", ["We won,"]), ("he", ["We lost,"])],
    ),
    ('<p>“We won,”<img src="x.png"/> she said.<br/></p>', [("she", ["We won,"])]),
    (
        "<p>“We won,” <b>she said.<p>“We lost,” he said.",
        [("she", ["We won,"]), ("he", ["We lost,"])],
    ),
    ("<p>“We won,” she said.</p><p", [("she", ["We won,"])]),
    # Lines that look wrapped: the <br> are wraps inside the quotation.
    (
        "<p>“We won the vote tonight<br>and we will win it again,”<br>she said.</p>",
        [("she", ["We won the vote tonight<br>and we will win it again,"])],
    ),
    # One statement a line: each <br> ends a paragraph, as a line break of a text.
    (
        "<p>Smith said the plan was dead.<br>Jones said it was alive.</p>",
        [("Smith", ["the plan was dead"]), ("Jones", ["it was alive"])],
    ),
    (
        "<p>&ldquo;We won.</p>\n<p>&ldquo;We will win again,&rdquo; she said.</p>",
        [("she", ["We won.", "We will win again,"])],
    ),
    (
        "<p>Critics argued that the plan was &#8220;reckless&#8221;.</p>",
        [("Critics", ["the plan was &#8220;reckless&#8221;"])],
    ),
]


@pytest.mark.parametrize("page, expected", QUOTES, ids=[page[:40] for page, _ in QUOTES])
def test_markup_quotes_of_hostile_pages_on_exact_offsets(page, expected):
    quotes = quotelib.extract_quotes(page, markup="html")
    found = [(q.speaker and q.speaker.text, [p.text for p in q.content_parts]) for q in quotes]
    assert found == expected
    for quote in quotes:
        for span in spans_of(quote):
            assert page[span.start : span.end] == span.text


@pytest.mark.parametrize("page, expected", QUOTES[:6], ids=[page[:40] for page, _ in QUOTES[:6]])
def test_markup_quotes_of_a_page_are_those_of_its_plain_text(page, expected):
    plain = plain_text(page)
    on_page = quotelib.extract_quotes(page, markup="html")
    on_text = quotelib.extract_quotes(plain.text)
    assert on_page == [plain.raw_quote(quote) for quote in on_text]


def test_markup_issue_examples():
    # Regression: markup was read as text, so the content was "ldquo;It is over,&rdquo".
    [quote] = quotelib.extract_quotes("&ldquo;It is over,&rdquo; she said.", markup="html")
    assert (quote.content.text, quote.speaker.text, quote.content.start) == (
        "It is over,",
        "she",
        7,
    )
    [quote] = quotelib.extract_quotes("The senator said &quot;no&quot; to the plan.", markup="html")
    assert quote.kind == "direct" and quote.content.text == "no"


def test_markup_doc_is_refused():
    doc = quotelib.load_pipeline()("“Yes,” she said.")
    with pytest.raises(
        TypeError, match=r"'text' must be a str to read as html \(got a spacy Doc\)"
    ):
        quotelib.extract_quotes(doc, markup="html")
    with pytest.raises(TypeError, match=r"'texts' item 0 must be a str to read as html"):
        quotelib.pipe([doc], markup="html")


@settings(_SETTINGS, max_examples=max(EXAMPLES // 5, 10))
@given(pages)
def test_markup_quotes_of_any_page_slice_the_page(page):
    quotes = quotelib.extract_quotes(page, markup="html")
    for quote in quotes:
        for span in spans_of(quote):
            assert page[span.start : span.end] == span.text


PAGES = [
    "<p>&ldquo;We will not back down,&rdquo; Mayor Jane Smith said.</p>",
    "<p>Officials warned that the storm could cause <b>flooding</b>.</p>",
    "<p>Nothing here.</p>",
]


def test_markup_pipe_reads_pages_as_extract_quotes_does_in_two_processes():
    one = [quotelib.extract_quotes(page, markup="html") for page in PAGES]
    assert [len(quotes) for quotes in one] == [1, 1, 0]
    assert list(quotelib.pipe(PAGES, markup="html")) == one
    pairs = [(page, n) for n, page in enumerate(PAGES)]
    two = list(quotelib.pipe(pairs, markup="html", as_tuples=True, n_process=2, batch_size=1))
    assert two == [(quotes, n) for n, quotes in enumerate(one)]


def test_markup_cli_extract_and_show_read_html(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(PAGES[0], encoding="utf-8")
    records = tmp_path / "pages.jsonl"
    records.write_text(
        "".join(json.dumps({"id": n, "text": p}) + "\n" for n, p in enumerate(PAGES))
    )
    runner = CliRunner()
    result = runner.invoke(app, ["extract", str(page), str(records), "--markup", "html"])
    assert result.exit_code == 0, result.output
    answers = [json.loads(line) for line in result.stdout.splitlines()]
    [quote] = answers[0]["quotes"]
    assert quote["content_text"] == "We will not back down,"
    assert PAGES[0][slice(*quote["content"])] == quote["content_text"]
    assert [a["quotes"] for a in answers[1:]] == [
        [q.to_dict() for q in quotelib.extract_quotes(p, markup="html")] for p in PAGES
    ]
    as_text = runner.invoke(app, ["extract", str(page)])
    as_text_quotes = json.loads(as_text.stdout)["quotes"]
    assert [q["content_text"] for q in as_text_quotes] != ["We will not back down,"]
    shown = runner.invoke(app, ["show", str(page), "--markup", "html"])
    assert shown.exit_code == 0, shown.output
    assert "Mayor Jane Smith" in shown.stdout and "ldquo" not in shown.stdout
