"""quotelib.cluster: Dask bags and data frames on a two-worker LocalCluster."""

from __future__ import annotations

import json
import logging
import subprocess
import sys

import pytest

import quotelib
from quotelib import cluster
from quotelib.cluster import answer_records, extract_bag, extract_dataframe, quote_rows
from tests.optional import need

db = need("dask.bag")
dd = need("dask.dataframe")
distributed = need("distributed")
pd = need("pandas")

TEXTS = [
    "Xi stated that the international situation has become turbulent.",
    '"We will not back down," Mayor Jane Smith said on Monday.',
    "Officials said the bridge would reopen in May.",
    "",
    "The river rose two metres overnight and the bridge was closed.",
    "According to the ministry, exports fell by 4 per cent last year.",
    '"It is a hard decision," Senator Ann Lee said. "But it is the right one."',
    'Critics argued that the plan was "reckless" and would cost jobs.',
    "The company said in a statement that it would appeal the ruling.",
    "Police warned residents to stay indoors.",
    '"We are ready," said coach Mark Davies, whose team plays on Sunday.',
    "It was reported that talks between the two sides had failed.",
    "Analysts expect the central bank to raise rates again.",
    'The minister told reporters: "There will be no new taxes."',
    "Doctors called for more funding for rural hospitals.",
    "Ms Patel, the director, insisted the museum would stay open.",
    "Rain is forecast for the weekend.",
    '"Nobody saw it coming," a neighbour said.\n\nThe fire was put out by midnight.',
    "The union believes that the strike will last for weeks, its leader said.",
    "Residents complained that the noise kept them awake.",
]

#: Records that are not a text with an id: each gets an error answer.
BAD_RECORDS = [
    (
        {"id": "bad-none", "text": None},
        "'text' must be a str (got None that is a <class 'NoneType'>)",
    ),
    (
        {"id": "bad-field", "body": "A text."},
        "no 'text' field (the record's fields: ['id', 'body'])",
    ),
    (42, "a record must be a dict or a str (got 42 that is a <class 'int'>)"),
]


def _records() -> list:
    records: list = [{"id": f"t{number:02d}", "text": text} for number, text in enumerate(TEXTS)]
    records.insert(5, BAD_RECORDS[0][0])
    records.insert(12, "Xi stated that ties are strong.")  # a plain string: id None
    records.insert(15, BAD_RECORDS[1][0])
    records.append(BAD_RECORDS[2][0])
    return records


def _error_of(record) -> str | None:
    return next((error for bad, error in BAD_RECORDS if bad == record), None)


def _expected_answers(records: list) -> list[dict]:
    """The answers of one process: quotelib.pipe in the test process, as dicts."""
    good = [record for record in records if _error_of(record) is None]
    texts = [record if isinstance(record, str) else record["text"] for record in good]
    quotes = iter(quotelib.pipe(texts))
    answers = []
    for record in records:
        record_id = record.get("id") if isinstance(record, dict) else None
        error = _error_of(record)
        if error is None:
            answers.append({"id": record_id, "quotes": [quote.to_dict() for quote in next(quotes)]})
        else:
            answers.append({"id": record_id, "error": error})
    return answers


def _load_counts(client) -> dict[str, tuple[int, int]]:
    """Per worker: how often the model was asked for, and how often it was loaded."""
    infos = client.run(quotelib.parse.model._load_cached.cache_info)
    return {worker: (info.hits + info.misses, info.misses) for worker, info in infos.items()}


@pytest.fixture(scope="module")
def client():
    local_cluster = distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        dashboard_address=":0",
        silence_logs=logging.ERROR,
    )
    with local_cluster, distributed.Client(local_cluster, set_as_default=False) as cluster_client:
        yield cluster_client


def test_cluster_bag_matches_one_process(client):
    records = _records()
    answers = client.compute(extract_bag(db.from_sequence(records, npartitions=5))).result()
    assert answers == _expected_answers(records)
    assert sum("error" in answer for answer in answers) == len(BAD_RECORDS)
    assert sum(bool(answer.get("quotes")) for answer in answers) >= 15  # not vacuous
    assert [answer["quotes"] for answer in answers if answer["id"] == "t03"] == [[]]  # empty
    assert [answer["quotes"] for answer in answers if answer["id"] == "t16"] == [[]]  # no quote
    assert json.loads(json.dumps(answers)) == answers  # plain data only


def test_cluster_dataframe_matches_to_dataframe(client):
    frame = pd.DataFrame({"id": [f"t{n:02d}" for n in range(len(TEXTS))], "text": TEXTS})
    frame.loc[7, "text"] = None  # a missing text: no rows, no failed task
    texts = dd.from_pandas(frame, npartitions=4)
    rows = client.compute(extract_dataframe(texts)).result()
    good = frame[frame["text"].map(lambda text: isinstance(text, str))]
    expected = quotelib.to_dataframe(list(zip(good["id"], quotelib.pipe(list(good["text"])))))
    as_dask_holds_it = dd.from_pandas(expected, npartitions=1).compute()  # pyarrow strings
    for name in quotelib.table.LIST_FIELDS:  # ... but lists stay lists
        as_dask_holds_it[name] = expected[name].astype(object)
    pd.testing.assert_frame_equal(rows.reset_index(drop=True), as_dask_holds_it)
    pd.testing.assert_frame_equal(
        rows.reset_index(drop=True), expected, check_dtype=False, check_index_type=False
    )
    assert list(rows.columns) == list(quotelib.table.RECORD_FIELDS)
    assert (frame.loc[rows.index, "id"].to_numpy() == rows["doc_id"].to_numpy()).all()
    assert "t07" not in set(rows["doc_id"])


def test_cluster_model_loaded_once_per_worker(client):
    before = _load_counts(client)
    bag = db.from_sequence([{"id": n, "text": text} for n, text in enumerate(TEXTS)], npartitions=8)
    client.compute(extract_bag(bag)).result()
    after = _load_counts(client)
    assert len(after) == 2
    asked = sum(after[worker][0] - before[worker][0] for worker in after)
    assert asked == bag.npartitions > 2  # once per partition ...
    for calls, loads in after.values():
        assert loads == (1 if calls else 0)  # ... and loaded once per worker that ran any


def test_cluster_bad_partition_text_costs_one_record(monkeypatch):
    real = cluster.pipe_results

    def fragile(items, **options):
        items = list(items)
        if any(text == "BOOM" for text, _ in items):
            msg = "the parser broke"
            raise ValueError(msg)
        return real(items, **options)

    monkeypatch.setattr(cluster, "pipe_results", fragile)
    answers = answer_records(["Xi stated that ties are strong.", {"id": "x", "text": "BOOM"}])
    assert answers[1] == {"id": "x", "error": "ValueError: the parser broke"}
    assert [q["speaker_text"] for q in answers[0]["quotes"]] == ["Xi"]


def test_cluster_quote_rows_dtypes_fixed_for_empty_partition():
    full = quote_rows(pd.DataFrame({"id": ["a"], "text": ['"Yes," she said.']}))
    empty = quote_rows(pd.DataFrame({"id": ["b", "c"], "text": ["Rain is forecast.", None]}))
    assert len(full) == 1 and len(empty) == 0
    assert empty.dtypes.to_dict() == full.dtypes.to_dict()
    assert str(full["content_start"].dtype) == "Int64" and str(full["n_parts"].dtype) == "int64"


def test_cluster_index_as_ids():
    texts = pd.DataFrame({"text": ["Xi stated that ties are strong."]}, index=["a1"])
    rows = extract_dataframe(dd.from_pandas(texts, npartitions=1), id_column=None)
    computed = rows.compute(scheduler="synchronous")
    assert computed["doc_id"].tolist() == ["a1"] and computed.index.tolist() == ["a1"]


@pytest.mark.parametrize(
    "call, error",
    [
        (lambda: extract_bag([{"id": 1, "text": "A."}]), TypeError),
        (lambda: extract_bag(db.from_sequence(["A."]), nlp=quotelib.load_pipeline()), TypeError),
        (lambda: extract_bag(db.from_sequence(["A."]), text_field=1), TypeError),
        (lambda: extract_dataframe(pd.DataFrame({"text": ["A."]})), TypeError),
        (lambda: extract_dataframe(dd.from_pandas(pd.DataFrame({"body": ["A."]}))), KeyError),
    ],
    ids=["not-a-bag", "loaded-language", "field-not-str", "pandas-frame", "no-text-column"],
)
def test_cluster_refuses_bad_arguments(call, error):
    with pytest.raises(error):
        call()


def test_cluster_import_leaves_dask_out():
    code = (
        "import sys, quotelib, quotelib.cluster; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_cluster_all_is_sorted_and_complete():
    public = {
        name
        for name, value in vars(cluster).items()
        if callable(value) and not name.startswith("_") and value.__module__ == cluster.__name__
    }
    assert cluster.__all__ == sorted(public)
