"""quotelib.corpus: people and quote groups across a golden corpus of twelve short articles.

The articles (tests/corpus_articles.py, written for these tests) hold
the traps: Bill and Hillary Clinton and a bare "Clinton"; Vladimir Putin as
"Vladimir Putin", "Putin", "Mr. Putin" and "President Putin"; pronouns
resolved in many articles; an anonymous official in nearly every one; one
wire quote re-published with edits in five; a quote that opens the same
way but says something else. They run through quotelib's extraction.
"""

from __future__ import annotations

import json
import random
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import quotelib
from quotelib.cli.app import app
from quotelib.corpus.groups import near_duplicates, quote_words
from quotelib.corpus.index import CorpusIndex
from quotelib.corpus.read import index_records
from tests.corpus_articles import ARTICLES
from tests.optional import need

DOCS = ARTICLES
GOLDEN = Path(tempfile.mkdtemp()) / "golden.jsonl"  # the articles as a JSONL input
GOLDEN.write_text("".join(json.dumps(doc) + "\n" for doc in DOCS), encoding="utf-8")

#: key -> (name, kind, aliases, quotes, documents, by_kind, gender, gender_evidence)
PEOPLE = {
    "vladimir-putin": (
        "Vladimir Putin",
        "named",
        ["Putin", "Vladimir Putin"],
        12,
        6,
        {"direct": 6, "indirect": 6},
        "male",
        {"he": 3, "Mr.": 1},
    ),
    "elena-marsh": (
        "Elena Marsh",
        "named",
        ["Elena Marsh"],
        6,
        2,
        {"direct": 2, "indirect": 4},
        "female",
        {"she": 2, "Ms.": 1},
    ),
    "hillary-clinton": (
        "Hillary Clinton",
        "named",
        ["Hillary Clinton"],
        3,
        1,
        {"direct": 1, "indirect": 2},
        "female",
        {"Mrs.": 1, "she": 1},
    ),
    "bill-clinton": (
        "Bill Clinton",
        "named",
        ["Bill Clinton"],
        2,
        1,
        {"direct": 1, "indirect": 1},
        "male",
        {"Mr.": 1},
    ),
    "clinton?": ("Clinton", "ambiguous", ["Clinton"], 1, 1, {"direct": 1}, "unknown", {}),
    "tribune-03#unresolved-1": ("he", "unresolved", ["he"], 1, 1, {"direct": 1}, "male", {"he": 1}),
}
#: The anonymous officials: one key per document, never merged ("official" twice).
OFFICIALS = [
    "courier-01#government-official",
    "courier-03#city-official",
    "gazette-02#regional-official",
    "herald-01#senior-official",
    "herald-02#official",
    "tribune-01#campaign-official",
    "tribune-03#official",
]
WIRE = [["courier-01", 0], ["gazette-01", 1], ["gazette-02", 0], ["herald-01", 1], ["herald-02", 0]]


@pytest.fixture(scope="module")
def answers() -> list[dict]:
    """The golden articles' answers, as ``quotelib extract`` writes them, with their metadata."""
    quotes = quotelib.pipe([doc["text"] for doc in DOCS])
    return [
        {
            "id": doc["id"],
            "outlet": doc["outlet"],
            "date": doc["date"],
            "quotes": [q.to_dict() for q in found],
        }
        for doc, found in zip(DOCS, quotes)
    ]


def _index(answers: list[dict], **options) -> CorpusIndex:
    index = CorpusIndex(**options)
    for answer in answers:
        assert index.add_answer(answer)
    return index


def test_corpus_golden_people(answers):
    people = {p.key: p for p in _index(answers).people()}
    assert sorted(people) == sorted([*PEOPLE, *OFFICIALS])
    for key, (name, kind, aliases, quotes, docs, by_kind, gender, evidence) in PEOPLE.items():
        person = people[key]
        got = (person.name, person.kind, list(person.aliases), person.quotes, person.documents)
        assert got == (name, kind, aliases, quotes, docs), key
        assert (person.by_kind, person.gender, person.gender_evidence) == (
            by_kind,
            gender,
            evidence,
        )
    assert people["clinton?"].candidates == ("bill-clinton", "hillary-clinton")
    assert all(people[key].kind == "anonymous" and people[key].quotes == 1 for key in OFFICIALS)
    assert [p.key for p in _index(answers).people()][:3] == [
        "vladimir-putin",
        "elena-marsh",
        "hillary-clinton",
    ]


def test_corpus_golden_groups(answers):
    [wire] = _index(answers, date_field="date").groups()
    assert [list(m) for m in wire.members] == WIRE
    assert wire.speaker == "vladimir-putin" and wire.documents == 5
    assert wire.earliest == ("gazette-01", "2024-03-03")
    assert wire.text.startswith("We will not let the gas pipeline project fail")
    sanctions = answers[8]["quotes"][1]["content_text"]  # opens the same way, says else
    assert sanctions.startswith("We will not let the sanctions")
    assert ["gazette-03", 1] not in WIRE


def test_corpus_group_by_counts_per_value(answers):
    people = _index(answers, group_by="outlet").people()
    putin = {p.group: p.quotes for p in people if p.key == "vladimir-putin"}
    assert putin == {"Gazette": 7, "Herald": 4, "Courier": 1}


def test_corpus_order_of_documents_does_not_matter(answers):
    expected = _index(answers, date_field="date")
    shuffled = list(answers)
    random.Random(7).shuffle(shuffled)
    again = _index(shuffled, date_field="date")
    assert again.people() == expected.people()
    assert again.groups() == expected.groups()


def test_corpus_merge_of_parts_equals_the_whole(answers):
    whole = _index(answers, date_field="date")
    merged = _index(answers[7:], date_field="date").merge(_index(answers[:7], date_field="date"))
    assert (merged.people(), merged.groups()) == (whole.people(), whole.groups())
    with pytest.raises(ValueError, match="cannot merge an index by group_by='outlet'"):
        whole.merge(CorpusIndex(group_by="outlet"))


def test_corpus_index_records_of_texts_equals_of_answers(answers):
    from_texts = index_records(DOCS, date_field="date")
    assert from_texts.people() == _index(answers, date_field="date").people()
    assert from_texts.groups() == _index(answers, date_field="date").groups()


@pytest.mark.parametrize(
    "bad, reason",
    [
        ({"id": "x", "error": "cannot read x"}, "is an error: cannot read x"),
        (
            {"id": "y", "quotes": [{"kind": "shouted", "content_text": "Hi"}]},
            "'kind' must be one of",
        ),
        ({"id": "z", "quotes": [{"kind": "direct"}]}, "'content_text' must be a str"),
        ({"id": "w", "quotes": "none"}, "has no 'quotes' list"),
        (["not", "an", "object"], "must be a JSON object"),
    ],
    ids=["error-answer", "bad-kind", "no-content", "quotes-not-list", "array"],
)
def test_corpus_bad_answer_is_skipped_and_named(answers, bad, reason):
    index = _index(answers[:2])
    assert not index.add_answer(bad, "line 3 of out.jsonl")
    [problem] = index.skipped
    assert problem.startswith("line 3 of out.jsonl") and reason in problem
    assert index.people() == _index(answers[:2]).people()  # the good ones all counted


@pytest.mark.parametrize(
    "first, second, same",
    [
        (
            "We will keep the hospital open for as long as it takes.",
            "We will keep the hospital open for as long as it takes",
            True,
        ),
        (
            "We will keep the hospital open for as long as it takes, and we will win.",
            "We will keep the hospital open for as long as it takes",
            True,
        ),
        (
            "I will keep the hospital open for as long as it takes.",
            "[He] will keep the hospital open for as long as it takes.",
            True,
        ),
        (
            "We will keep the hospital open for as long as it takes.",
            "We will keep the old hospital open for as long as it takes.",
            True,
        ),
        (
            "We will keep the hospital open for as long as it takes.",
            "We will close the hospital in May because the money has run out.",
            False,
        ),
        ("Thank you all.", "Thank you all", True),
        ("Thank you all.", "Thank you, friends.", False),
    ],
    ids=[
        "punctuation",
        "trimmed-end",
        "bracketed-pronoun",
        "word-inserted",
        "same-opening-other-words",
        "short-same",
        "short-different",
    ],
)
def test_corpus_same_quotation(first, second, same):
    words = sorted({quote_words(first), quote_words(second)})
    assert (len(words) == 1 or near_duplicates(words) == [(0, 1)]) is same


def _run(*args: str):
    result = CliRunner().invoke(app, list(args))
    return result


def test_corpus_cli_speakers_formats(tmp_path, answers):
    extracted = tmp_path / "out.jsonl"
    extracted.write_text("".join(json.dumps(a) + "\n" for a in answers), encoding="utf-8")
    result = _run("speakers", str(extracted), "--format", "jsonl")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows[0]["key"] == "vladimir-putin" and rows[0]["quotes"] == 12
    assert {"key", "name", "aliases", "quotes", "documents", "by_kind", "gender_evidence"} <= set(
        rows[0]
    )
    table = _run("speakers", str(extracted))
    assert table.stdout.splitlines()[1].split()[:3] == ["vladimir-putin", "Vladimir", "Putin"]
    csv_out = _run("speakers", str(extracted), "--format", "csv", "--group-by", "outlet")
    assert csv_out.stdout.splitlines()[0].startswith("key,name,kind,aliases,quotes,documents")
    assert len(csv_out.stdout.splitlines()) == 1 + len(rows) + 3  # Putin in 3 outlets, Marsh in 2
    pd = need("pandas")
    need("pyarrow")
    parquet = tmp_path / "people.parquet"
    assert (
        _run("speakers", str(extracted), "--format", "parquet", "-o", str(parquet)).exit_code == 0
    )
    frame = pd.read_parquet(parquet)
    assert list(frame["key"][:2]) == ["vladimir-putin", "elena-marsh"]
    assert _run("speakers", str(extracted), "--format", "parquet").exit_code == 2  # no file


def test_corpus_cli_groups_from_texts(tmp_path):
    result = _run("groups", str(GOLDEN), "--format", "jsonl", "--date-field", "date")
    assert result.exit_code == 0, result.output
    [group] = [json.loads(line) for line in result.stdout.splitlines()]
    assert group["members"] == WIRE and group["speaker"] == "vladimir-putin"
    assert group["earliest"] == ["gazette-01", "2024-03-03"]
    assert _run("groups", str(GOLDEN)).stdout.splitlines()[1].startswith("   5  vladimir-putin  We")
    csv_out = _run("groups", str(GOLDEN), "--format", "csv").stdout.splitlines()
    assert csv_out[0] == "text,speaker,members,documents,earliest" and len(csv_out) == 2


def test_corpus_cli_bad_lines_named_and_the_rest_counted(tmp_path, answers):
    mixed = tmp_path / "mixed.jsonl"
    lines = [json.dumps(a) for a in answers[:3]] + ["not json", '{"id": "e", "error": "boom"}']
    mixed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = _run("speakers", str(mixed), "--format", "jsonl")
    assert result.exit_code == 1
    assert "line 4 of" in result.stderr and "is an error: boom" in result.stderr
    assert "3 documents" in result.stderr and "2 records skipped" in result.stderr
    assert json.loads(result.stdout.splitlines()[0])["key"] == "vladimir-putin"
    assert _run("speakers", str(tmp_path / "missing.jsonl")).exit_code == 2


def test_corpus_dask_local_cluster_equals_one_process(answers):
    db = need("dask.bag")
    distributed = need("distributed")
    from quotelib.corpus.cluster import index_bag

    expected = _index(answers, group_by="outlet", date_field="date")
    cluster = distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        dashboard_address=":0",
        silence_logs=40,
    )
    with cluster, distributed.Client(cluster, set_as_default=False) as client:
        bag = db.from_sequence(DOCS, npartitions=4)
        index = client.compute(index_bag(bag, group_by="outlet", date_field="date")).result()
    assert index.people() == expected.people()
    assert index.groups() == expected.groups()
    assert index.documents == expected.documents and index.skipped == []


def test_corpus_extract_parquet_carries_metadata(tmp_path):
    pq = need("pyarrow.parquet")
    out = tmp_path / "quotes.parquet"
    result = _run("extract", str(GOLDEN), "--format", "parquet", "-o", str(out), "-q")
    assert result.exit_code == 0, result.output
    table = pq.read_table(out).to_pylist()
    assert len(table) == 32  # the golden articles' quotes, one row each
    first = table[0]
    assert (first["doc_id"], first["outlet"], first["date"]) == (
        "herald-01",
        "Herald",
        "2024-03-04",
    )
    assert first["speaker_name"] == "Vladimir Putin" and first["content_parts"] == [
        [first["content_start"], first["content_end"]]
    ]
    assert "text" not in first  # the text is not metadata
    refused = _run("extract", str(GOLDEN), "--format", "parquet")
    assert refused.exit_code == 2 and "needs an output file" in refused.stderr


def test_corpus_import_leaves_textacy_datasketch_and_pyarrow_out():
    import subprocess
    import sys

    code = (
        "import sys, quotelib, quotelib.corpus, quotelib.cli.corpus, quotelib.cli; "
        "print(sorted({m.split('.')[0] for m in sys.modules} & "
        "{'textacy', 'datasketch', 'pyarrow', 'dask'}))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
    assert quotelib.CorpusIndex is CorpusIndex and "CorpusIndex" in quotelib.__all__


def _said(name: str, how: str = "name", cue_class: str | None = None, **more) -> dict:
    quote = {
        "kind": "indirect",
        "content_text": "the plan was sound",
        "speaker_text": name,
        "speaker_name": name,
        "speaker_id": name.lower().replace(" ", "-"),
        "speaker_resolution": how,
        **more,
    }
    if cue_class is not None:
        quote["cue_class"] = cue_class
    return quote


def test_corpus_by_cue_class_counted_only_when_quotes_carry_one():
    index = CorpusIndex()
    index.add("d1", [_said("Ann Lee", cue_class="speech"), _said("Ann Lee", cue_class="belief")])
    index.add("d2", [_said("Lee", cue_class="speech"), _said("Tom Fry")])
    lee, fry = index.people()
    assert (lee.key, lee.quotes, lee.by_cue_class) == ("ann-lee", 3, {"belief": 1, "speech": 2})
    assert (fry.key, fry.by_cue_class) == ("tom-fry", None)


@pytest.mark.parametrize(
    "names, expected",
    [
        (["José Martí", "Jose Marti"], ["jose-marti"]),
        (["Donald J. Trump", "Donald Trump", "Mr. Trump"], ["donald-trump"]),
        (["Senator Ann Lee", "Lee", "Tom Lee"], ["ann-lee", "lee?", "tom-lee"]),
        (["The President"], ["president"]),
    ],
    ids=["accents", "middle-initial-and-title", "ambiguous-surname", "title-alone"],
)
def test_corpus_person_keys(names, expected):
    index = CorpusIndex()
    for number, name in enumerate(names):
        index.add(f"d{number}", [_said(name)])
    assert sorted(p.key for p in index.people()) == expected


def test_corpus_unresolved_pronouns_never_merged_across_documents():
    index = CorpusIndex()
    index.add("d1", [_said("He", how="unresolved", speaker_id="unresolved-1")])
    index.add("d2", [_said("She", how="unresolved", speaker_id="unresolved-1")])
    people = {p.key: p for p in index.people()}
    assert sorted(people) == ["d1#unresolved-1", "d2#unresolved-1"]
    assert (people["d1#unresolved-1"].gender, people["d2#unresolved-1"].gender) == (
        "male",
        "female",
    )


def test_corpus_cli_no_groups_still_writes_a_csv_header(tmp_path):
    one = tmp_path / "one.jsonl"
    one.write_text(json.dumps({"id": "a", "quotes": [_said("Ann Lee")]}) + "\n", encoding="utf-8")
    result = _run("groups", str(one), "--format", "csv")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == ["text,speaker,members,documents,earliest"]


_NAMES = ["Ann Lee", "Lee", "Tom Lee", "Mr. Fry", "Tom Fry", "She", "an official"]
_HOW = {"She": "unresolved", "an official": "anonymous"}
_TEXTS = [
    "We will keep the hospital open for as long as it takes.",
    "[we] will keep the hospital open for as long as it takes",
    "The bridge will reopen in May after the repairs are done.",
]


@settings(max_examples=25, deadline=None)
@given(
    st.lists(
        st.lists(st.tuples(st.sampled_from(_NAMES), st.sampled_from(_TEXTS)), max_size=4),
        min_size=1,
        max_size=6,
    ),
    st.randoms(use_true_random=False),
    st.integers(min_value=1, max_value=5),
)
def test_corpus_any_order_and_split_gives_the_same_index(documents, rng, cut):
    def quotes(said):
        return [
            _said(name, how=_HOW.get(name, "name"), kind="direct", content_text=text)
            for name, text in said
        ]

    whole = CorpusIndex()
    for number, said in enumerate(documents):
        whole.add(f"d{number}", quotes(said))
    order = list(enumerate(documents))
    rng.shuffle(order)
    parts = [CorpusIndex(), CorpusIndex()]
    for position, (number, said) in enumerate(order):
        parts[position < cut].add(f"d{number}", quotes(said))
    merged = parts[0].merge(parts[1])
    assert merged.people() == whole.people()
    assert merged.groups() == whole.groups()
