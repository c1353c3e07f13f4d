"""quotelib.corpus.cluster: the index built on Dask equals the index built in one process."""

from __future__ import annotations

from quotelib.corpus.options import ReadOptions
from tests.corpus.golden import DOCS, index_of
from tests.optional import need


def test_cluster_dask_local_cluster_equals_one_process(answers):
    db = need("dask.bag")
    distributed = need("distributed")
    from quotelib.corpus.cluster import index_bag

    expected = index_of(answers, group_by="outlet", date_field="date")
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
        options = ReadOptions(group_by="outlet", date_field="date")
        again = client.compute(index_bag(bag, options)).result()
    assert index.people() == expected.people() == again.people()
    assert index.groups() == expected.groups() == again.groups()
    assert index.documents == expected.documents and index.skipped == []
