"""Pieces of hostile text, shared by the property tests and ``benchmarks/fuzz.py``.

Quote marks of every kind, apostrophes, line and paragraph breaks, cue words,
names, several scripts, emoji, combining marks, zero-width and bidirectional
controls, NUL, lone surrogates, HTML tags and entities.
"""

QUOTE_MARKS = ['"', "“", "”", "‘", "’", "'", "''", "«", "»", "„", "‚", "‹", "›", "`"]
APOSTROPHES = ["’s", "'s", "s’", "n’t", "’90s", "rock ’n’ roll", "O’Brien"]
BREAKS = ["\n", "\n\n", "\r\n", "\r", "\u2028", "\u2029", "\t", " "]
CUES = [
    "said",
    "says",
    "told reporters",
    "according to",
    "warned that",
    "added",
    ":",
    "—",
    "believes",
    "did not mention",
    "called for",
    "was quoted as saying",
]
NAMES = [
    "Xi Jinping",
    "Putin",
    "Mr. Lee",
    "He",
    "she",
    "They",
    "officials",
    "the spokesman",
    "the United Nations",
    "UN",
]
WORDS = ["the", "plan", "is", "dead", "we", "will", "win", "and", "a", "deal", ".", ",", "?"]
SCRIPTS = ["Привет мир", "你好，世界", "مرحبا بالعالم", "שלום", "नमस्ते", "こんにちは", "Γειά σου"]
ODDITIES = [
    "\u200b",
    "\u200c",
    "\u200d",
    "\ufeff",
    "\u202e",
    "\u202d",
    "\u2066",
    "\u2069",
    "\x00",
    "\x07",
    "\x1b",
    "\ud800",
    "\udfff",
    "e\u0301",
    "\u0308\u0308",
    "😀",
    "👩‍👩‍👧",
    "🇺🇳",
    "\U0010ffff",
    "\ufffd",
]
HTML = [
    "<p>",
    "</p>",
    "<br/>",
    "<script>alert(1)</script>",
    "&amp;",
    "&quot;",
    "&#8220;",
    "&nbsp;",
    '<a href="x">',
    "]]>",
    "<!-- c -->",
]
