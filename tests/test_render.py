"""``quotelib.render``: the highlighted HTML page, escaped and self-contained."""

from __future__ import annotations

import copy
import html
from html.parser import HTMLParser

import attrs
import pytest

import quotelib
from quotelib.records import Quote, TextSpan
from quotelib.render import COLORS, CUE_COLORS

TEXT = '"We will not back down," Mayor Jane Smith said on Monday.\n\nCritics argued that the plan was "reckless".'


class _Page(HTMLParser):
    """The tags, attributes and text of a page, as a browser's parser reads them."""

    def __init__(self, page: str) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str | None]] = []
        self.text: list[str] = []
        self.feed(page)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes.extend(attrs)

    def handle_data(self, data):
        self.text.append(data)

    def joined(self) -> str:
        return " ".join(" ".join(self.text).split())


def _hostile_quote(text: str) -> Quote:
    """A quote whose content, speaker and name hold markup and both quote characters."""
    content_start = text.index("<script>")
    content_end = text.index("</script>") + len("</script>")
    speaker_start = text.index("Bob")
    speaker_end = speaker_start + len('Bob "The Cat" O\'Neil')
    return Quote(
        kind="direct",
        content=TextSpan.from_offsets(text, content_start, content_end),
        content_parts=[TextSpan.from_offsets(text, content_start, content_end)],
        speaker=TextSpan.from_offsets(text, speaker_start, speaker_end),
        cue=TextSpan.from_offsets(text, text.index("said"), text.index("said") + 4),
        speaker_name='Bob "The Cat" O\'Neil <img src=x onerror=alert(1)>',
    )


def test_render_escapes_script_quotes_and_markup_everywhere():
    text = "<script>alert('x')</script> said Bob \"The Cat\" O'Neil."
    page = quotelib.render(text, [_hostile_quote(text)], title='<u>"T"</u>')
    parsed = _Page(page)
    assert "script" not in parsed.tags
    assert "img" not in parsed.tags and "u" not in parsed.tags
    assert all(
        name in ("style", "lang", "charset", "name", "content", "class", "title")
        for name, _ in parsed.attributes
    )
    shown = parsed.joined()
    assert "<script>alert('x')</script>" in shown
    assert '#1 Bob "The Cat" O\'Neil <img src=x onerror=alert(1)>' in shown
    assert '<u>"T"</u>' in shown


def test_render_escapes_a_script_found_by_extraction():
    text = '"<script>alert(1)</script> is not a plan," the mayor said.'
    page = quotelib.render(text)
    assert "<script>" not in page
    assert "#1 the mayor" in _Page(page).joined()


def test_render_labels_each_quote_content_speaker_and_cue():
    quotes = quotelib.extract_quotes(TEXT)
    shown = _Page(quotelib.render(TEXT, quotes)).joined()
    for number, quote in enumerate(quotes, 1):
        assert f"#{number} {quote.speaker_name} · {quote.cue_class}" in shown
        assert f"#{number} cue" in shown
    assert shown.count("#1") >= 3 and shown.count("#2") >= 3


def _luminance(color: str) -> float:
    """The relative luminance of a ``#rrggbb`` colour (WCAG 2)."""
    channels = [int(color[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_render_has_a_readable_colour_for_each_cue_class():
    assert list(CUE_COLORS) == list(quotelib.CUE_CLASSES)
    every = [*CUE_COLORS.values(), *COLORS.values()]
    assert len(set(every)) == len(every)  # no colour stands for two things
    for color in CUE_COLORS.values():  # displaCy writes labels in black on the colour
        assert (_luminance(color) + 0.05) / 0.05 >= 4.5, color


def test_render_legend_names_each_cue_class_with_its_colour_and_description():
    page = quotelib.render(TEXT)
    for name, description in quotelib.CUE_CLASSES.items():
        swatch = f'<i style="background: {CUE_COLORS[name]}"></i>{name}</span>'
        assert swatch in page
        assert f'title="{html.escape(description, quote=True)}"' in page


@pytest.mark.parametrize(
    "text, label",
    [
        ("He denied that the talks had failed.", "#1 He · denial"),
        ("The minister admitted that mistakes were made.", "#1 The minister · concession"),
        ('"We will appeal," the mayor said.', "#1 the mayor · neutral"),
    ],
)
def test_render_marks_a_cue_with_its_class_in_words_and_colour(text, label):
    page = quotelib.render(text)
    [quote] = quotelib.extract_quotes(text)
    shown = _Page(page).joined()
    assert label in shown
    assert f"{quote.cue.text} ({quote.cue_class})" in shown  # in the list of quotes too
    start = page.index("#1 cue")  # the cue, in the colour of its class
    assert (
        f"background: {CUE_COLORS[quote.cue_class]}" in page[page.rindex("<span", 0, start) : start]
    )


def test_render_a_quote_without_a_cue_has_no_class_mark():
    text = '"The economy is strong." — Janet Yellen'
    [quote] = quotelib.extract_quotes(text)
    assert quote.cue is None
    shown = _Page(quotelib.render(text, [quote])).joined()
    assert "#1 cue" not in shown and "#1 Janet Yellen" in shown
    assert not any(f"· {name}" in shown for name in quotelib.CUE_CLASSES)


def test_render_lists_each_quote_with_its_confidence():
    text = '"We will appeal," Mayor Jane Smith said.'
    [quote] = quotelib.extract_quotes(text)
    page = quotelib.render(text, [quote])
    assert f"confidence {quote.confidence:.2f}</span></li>" in page
    hand_built = attrs.evolve(quote, confidence=None)
    assert "confidence" not in quotelib.render(text, [hand_built]).split('<ol class="quotes">')[1]


def test_render_keeps_paragraphs_and_declares_utf8():
    page = quotelib.render(TEXT, title="Council")
    assert page.count('<div class="paragraph">') == 2
    assert '<meta charset="utf-8">' in page
    assert "<title>Council</title>" in page
    assert "http://" not in page and "https://" not in page


def test_render_reads_the_quotes_stored_by_the_component(nlp):
    pipeline = copy.deepcopy(nlp)
    pipeline.add_pipe("quotelib")
    doc = pipeline(TEXT)
    assert quotelib.render(doc) == quotelib.render(TEXT, quotelib.extract_quotes(TEXT))
    assert quotelib.render(nlp(TEXT)) == quotelib.render(TEXT)


def test_render_without_quotes_says_so():
    page = quotelib.render("The weather was fine.")
    assert "No quotes found." in page
    assert "The weather was fine." in _Page(page).joined()


def test_render_rejects_quotes_of_another_text():
    quotes = quotelib.extract_quotes(TEXT)
    with pytest.raises(ValueError, match="quote 1 does not index this text"):
        quotelib.render("A different text altogether, long enough to slice.", quotes)


def test_render_rejects_what_is_not_text():
    with pytest.raises(TypeError, match="'text_or_doc' must be a str or a spacy Doc"):
        quotelib.render(42)


def test_render_seed_article_labels_its_speakers(seed):
    text, _ = seed
    shown = _Page(quotelib.render(text)).joined()
    assert "Xi Jinping" in shown and "Vladimir Putin" in shown
    quotes = quotelib.extract_quotes(text)
    assert f"#{len(quotes)} cue" in shown


def test_render_page_writer_escapes_ids_and_errors_in_every_file(tmp_path):
    from quotelib.io.pages import PageWriter

    text = '"We will appeal," the mayor said.'
    hostile = "<script>alert(1)</script>/a.txt"
    for target in (tmp_path / "all.html", tmp_path / "pages"):
        writer = PageWriter(target)
        writer.write(hostile, text, quotelib.extract_quotes(text), None)
        writer.write("<b>bad</b>", None, None, "no 'text' field <here>")
        writer.close()
    files = [tmp_path / "all.html", *sorted((tmp_path / "pages").iterdir())]
    assert [f.name for f in files] == ["all.html", "0001-a.html", "index.html"]
    for path in files:
        parsed = _Page(path.read_text(encoding="utf-8"))
        assert "script" not in parsed.tags and "here" not in parsed.tags
    shown = _Page((tmp_path / "pages" / "index.html").read_text(encoding="utf-8")).joined()
    assert "<b>bad</b>: no 'text' field <here>" in shown
    shown = _Page((tmp_path / "all.html").read_text(encoding="utf-8")).joined()
    assert hostile in shown and "Not read: no 'text' field <here>" in shown


def test_render_lone_surrogates_give_a_page_that_encodes_to_utf8():
    text = '"We will \ud800 appeal," the mayor said.'
    page = quotelib.render(text, title="t\udfff")
    page.encode("utf-8")  # no UnicodeEncodeError
    shown = _Page(page).joined()
    assert "We will \ufffd appeal," in shown and "t\ufffd" in shown
