"""Every store test runs on SQLite and on a real PostgreSQL server (a throw-away cluster started once per session).

If the PostgreSQL server cannot start, its tests FAIL; they are skipped only when
``MESOMAP_SKIP_POSTGRES=1`` is set explicitly (a developer's machine without PostgreSQL).
"""

from __future__ import annotations

import itertools
import os

import pytest

from tests.store.pg_cluster import ClusterError, start_cluster

_names = itertools.count(1)


@pytest.fixture(scope="session")
def pg_cluster():
    if os.environ.get("MESOMAP_SKIP_POSTGRES") == "1":
        pytest.skip("MESOMAP_SKIP_POSTGRES=1: PostgreSQL tests skipped on request")
    try:
        cluster = start_cluster()
    except (ClusterError, OSError, FileNotFoundError) as err:
        pytest.fail(f"the PostgreSQL test server did not start: {err}", pytrace=False)
    yield cluster
    cluster.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    """A URL to a new, empty records database on each backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'records.sqlite3'}"
        return
    cluster = request.getfixturevalue("pg_cluster")
    name = f"mesomap_test_{os.getpid()}_{next(_names)}"
    url = cluster.create_database(name)
    yield url
    cluster.drop_database(name)


@pytest.fixture
def store(db_url):
    from mesomap.store.store import open_store

    opened = open_store(db_url, actor="station-1")
    yield opened.store
    opened.store.close()
