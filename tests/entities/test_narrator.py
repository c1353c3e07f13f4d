"""The narrator of a first-person story (quotelib.entities.narrator), on invented passages."""

from __future__ import annotations

import quotelib
from quotelib.document.view import DocView
from quotelib.entities.mentions import find_entities
from quotelib.entities.narrator import find_narrator

VOCATIVE = """I had not slept all night. I went down to the study, where my old friend sat by \
the fire with the letter in his hand.

"Well, Harding, what do you make of it?" he asked.

"Nothing yet," I said. I took the letter from him and read it twice.

"Come, Harding, you must have some idea."

"I have one," I replied, "but I do not like it."
"""

INTRODUCTION = """I was born in a small town by the sea. My father kept the lighthouse, and I \
helped him when I could.

"Who are you?" the stranger asked me at the door.

"My name is Thomas Reed," I said. "My father keeps the light."
"""

UNNAMED = """I never learned the old man's name. I met him on the road in the spring, and I \
walked with him for a while.

"Where are you going?" he asked me.

"North," I said. "To the mountains."
"""

THIRD_PERSON = """Anna walked to the window. She looked out at the rain and sighed.

"I cannot stay here," she said. "I must go home. I am tired, and I miss my mother."

"Then go," her brother said. He did not look up from his book. "I will not stop you."
"""


def _speakers(text):
    return [(q.speaker.text, q.speaker_name, q.speaker_id) for q in quotelib.extract_quotes(text)]


def test_narrator_named_by_a_vocative_in_a_reply(nlp):
    found = find_narrator(DocView.build(nlp(VOCATIVE)))
    assert (found.words, found.how) == (("Harding",), "vocative")
    assert ("I", "Harding", "harding") in _speakers(VOCATIVE)


def test_narrator_named_by_a_self_introduction(nlp):
    found = find_narrator(DocView.build(nlp(INTRODUCTION)))
    assert (found.words, found.how) == (("Thomas", "Reed"), "introduction")
    assert ("I", "Thomas Reed", "thomas-reed") in _speakers(INTRODUCTION)


def test_narrator_never_named_is_keyed_narrator(nlp):
    found = find_narrator(DocView.build(nlp(UNNAMED)))
    assert (found.words, found.how) == ((), None)
    speakers = _speakers(UNNAMED)
    assert ("I", "the narrator", "narrator") in speakers
    assert all(name != "the narrator" for mention, name, _ in speakers if mention != "I")


def test_narrator_none_in_a_third_person_story(nlp):
    view = DocView.build(nlp(THIRD_PERSON))
    assert find_narrator(view) is None
    assert find_entities(view).narrator is None
    assert all(key != "narrator" for _, _, key in _speakers(THIRD_PERSON))


def test_narrator_is_never_he_or_she(nlp):
    # "he" after the narrator's turn is the stranger, or no one; never the narrator.
    entities = find_entities(DocView.build(nlp(INTRODUCTION)))
    assert entities.narrator is not None and entities.narrator.key == "thomas-reed"
    for quote in quotelib.extract_quotes(INTRODUCTION + '\n"Then take me to him," he said.\n'):
        if quote.speaker.text == "he":
            assert quote.speaker_id != "thomas-reed"
