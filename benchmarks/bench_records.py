"""Records benchmark (issue 15): search as you type and opening a patient, on SQLite and PostgreSQL.

Run:  python benchmarks/bench_records.py [--patients 100000] [--sessions 1000000] [--backends sqlite,postgresql]

Fills a new database per backend through the store's own migrations (the real schema and indexes),
bulk-inserting synthetic records: ``--patients`` patients with one course each, ``--sessions``
sessions (``--heavy`` patients have exactly 50 sessions each, with a 2 kB plan JSON and a lot
used per session; the rest are spread over everyone else), and a lot use on every 10th session.
SQLite gets executemany in one transaction; PostgreSQL gets COPY (a throw-away cluster from
tests/store/pg_cluster.py, started here, fsync off while loading; or ``--pg-url``). Then it
times, through the store's query functions, with medians in ms:

  prefix      search_patients: the first 1–4 letters of a name (what a clinician types first)
  substring   search_patients: 3–4 letters from inside a name
  record      search_patients: a record number's prefix / digits from its middle
  open        open_patient on a patient with 50 sessions (patient, course, sessions, lots, plans)

Goals: search < 50 ms, open < 200 ms (printed as PASS/MISS; the exit code is 0 if everything ran).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

sys.path.insert(0, str(ROOT / "benchmarks"))

from paint import median_ms  # noqa: E402

from mesomap.store import pages, patients  # noqa: E402
from mesomap.store.store import open_store  # noqa: E402

SEARCH_GOAL_MS, OPEN_GOAL_MS = 50.0, 200.0
SYLLABLES = ["an", "na", "ma", "ri", "el", "lo", "va", "be", "ko", "sa", "te", "mi", "ro", "du", "fa", "ni", "ga",
             "ol", "ev", "ia", "ka", "zo", "ch", "ru", "st", "pe", "li", "to", "ne", "ba", "dé", "ž", "ø", "ya"]
PLAN = json.dumps({"@schema": "mesomap-plan-2", "units": "mm", "zones": [
    {"name": f"zone {i}", "technique": "IDS", "depth_mm": 2, "faces": list(range(i * 40, i * 40 + 40))}
    for i in range(5)]})  # ≈ 2 kB


def fake_name(rng: random.Random) -> str:
    word = lambda n: "".join(rng.choice(SYLLABLES) for _ in range(n)).capitalize()  # noqa: E731
    return f"{word(rng.randint(2, 3))} {word(rng.randint(2, 4))}"


def generate(n_patients: int, n_sessions: int, heavy: int, seed: int = 1):
    """(patients, courses, sessions, lot_uses) as row tuples, in id order; the first ``heavy`` patients get 50."""
    rng = random.Random(seed)
    start = datetime(2024, 1, 1, 9)
    pats = [(i, (name := fake_name(rng)), name.casefold(), f"MM-{i:07d}", date(1950, 1, 1) + timedelta(days=rng.randint(0, 20000)),
             rng.choice("FM"), f"+33 6 {i:08d}", "", start) for i in range(1, n_patients + 1)]
    courses = [(i, i, "cellulite", 8, 7, 2, 30, date(2024, 1, 1)) for i in range(1, n_patients + 1)]
    owners = [p for p in range(1, heavy + 1) for _ in range(50)]
    owners += [rng.randint(heavy + 1, n_patients) for _ in range(n_sessions - len(owners))]
    owners.sort()
    sessions, uses, numbers = [], [], {}
    for sid, pid in enumerate(owners, 1):
        numbers[pid] = numbers.get(pid, 0) + 1
        plan = PLAN if pid <= heavy else None
        sessions.append((sid, pid, pid, numbers[pid], start + timedelta(days=7 * numbers[pid]), plan, 120))
        if pid <= heavy or sid % 10 == 0:
            uses.append((len(uses) + 1, sid, 1 + sid % 200, 1.0))
    return pats, courses, sessions, uses


PATIENT_COLS = "id, name, name_key, record_number, date_of_birth, sex, contact, notes, created_at"
COURSE_COLS = ("id, patient_id, indication, planned_sessions, interval_days, maintenance_sessions, "
               "maintenance_interval_days, start_date")
SESSION_COLS = "id, course_id, patient_id, number, scheduled_at, plan_json, injections_planned"
USE_COLS = "id, session_id, lot_id, volume_ml"


def _lots():
    return [(1, "Hyaluronic acid 1.5%", "Maker", 5.0)], [(i, 1, f"L{i:05d}", date(2030, 1, 1)) for i in range(1, 201)]


def tables(data):
    """(table, columns, rows) in load order; each row ends with the columns the store fills by default."""
    pats, courses, sessions, uses = data
    products, lots = _lots()
    return [("products", "id, name, maker, volume_ml, version", [r + (1,) for r in products]),
            ("lots", "id, product_id, lot_number, expiry, version", [r + (1,) for r in lots]),
            ("patients", PATIENT_COLS + ", version", [r + (1,) for r in pats]),
            ("courses", COURSE_COLS + ", version", [r + (1,) for r in courses]),
            ("sessions", SESSION_COLS + ", notes, adverse_events, version", [r + ("", "", 1) for r in sessions]),
            ("lot_uses", USE_COLS + ", expired_confirmed", [r + (False,) for r in uses])]


def _sqlite_value(v):
    """The text SQLAlchemy's SQLite dialect stores for dates and moments."""
    return v.isoformat(" ") if isinstance(v, datetime) else v.isoformat() if isinstance(v, date) else v


def load(store, data) -> None:
    """Bulk-insert ``data``: executemany in one transaction (SQLite), COPY (PostgreSQL); then ANALYZE."""
    sqlite = store.backend == "sqlite"
    raw = store.engine.raw_connection()
    try:
        cur = raw.cursor()
        if sqlite:
            cur.execute("PRAGMA synchronous=OFF")
        for table, cols, rows in tables(data):
            if sqlite:
                marks = ", ".join("?" * len(cols.split(",")))
                cur.executemany(f"INSERT INTO {table} ({cols}) VALUES ({marks})",
                                [tuple(map(_sqlite_value, r)) for r in rows])
                continue
            with cur.copy(f"COPY {table} ({cols}) FROM STDIN") as copy:
                for r in rows:
                    copy.write_row(r)
            cur.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))")
        raw.commit()
        cur.execute("ANALYZE")
        raw.commit()
    finally:
        raw.close()


def queries(pats, heavy: int, n: int, seed: int = 2) -> dict[str, list[str]]:
    rng = random.Random(seed)
    names = [p[1] for p in rng.sample(pats, n)]
    mids = [nm.replace(" ", "")[2:] for nm in names]
    return {
        "prefix": [nm[: rng.randint(1, 4)] for nm in names],
        "substring": [m[i: i + rng.randint(3, 4)] for m in mids for i in [rng.randint(0, max(0, len(m) - 4))]],
        "record": [f"MM-{rng.randint(1, len(pats)):07d}"[: rng.randint(5, 10)] if k % 2 else
                   f"{rng.randint(0, 99999):05d}" for k in range(n)],
    }


def run_backend(name: str, url: str, data, heavy: int, runs: int) -> dict[str, float]:
    t = time.perf_counter()
    opened = open_store(url, actor="bench")
    store = opened.store
    load(store, data)
    load_s = time.perf_counter() - t
    qs = queries(data[0], heavy, runs)
    for q in qs["prefix"][:5]:  # warm the cache
        patients.search_patients(store, q)
    out = {"load_s": load_s}
    for kind, texts in qs.items():
        out[kind] = median_ms(lambda q: patients.search_patients(store, q, limit=50), [(q,) for q in texts])
    heavy_ids = random.Random(3).sample(range(1, heavy + 1), min(runs, heavy))
    assert len(pages.open_patient(store, heavy_ids[0]).sessions) == 50
    out["open"] = median_ms(lambda pid: pages.open_patient(store, pid), [(pid,) for pid in heavy_ids])
    store.close()
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--patients", type=int, default=100_000)
    ap.add_argument("--sessions", type=int, default=1_000_000)
    ap.add_argument("--heavy", type=int, default=1000, help="patients with 50 sessions each")
    ap.add_argument("--backends", default="sqlite,postgresql")
    ap.add_argument("--runs", type=int, default=50, help="queries per measure")
    ap.add_argument("--pg-url", help="an empty PostgreSQL database instead of a throw-away cluster")
    args = ap.parse_args()
    t = time.perf_counter()
    data = generate(args.patients, args.sessions, args.heavy)
    print(f"generated {len(data[0]):,} patients, {len(data[2]):,} sessions, {len(data[3]):,} lot uses "
          f"in {time.perf_counter() - t:.1f} s")
    results = {}
    with tempfile.TemporaryDirectory(prefix="mesomap-bench-") as tmp:
        for backend in args.backends.split(","):
            cluster = None
            if backend == "sqlite":
                url = f"sqlite:///{Path(tmp) / 'records.sqlite3'}"
            elif args.pg_url:
                url = args.pg_url
            else:
                from tests.store.pg_cluster import start_cluster

                cluster = start_cluster(fast=True)
                url = cluster.create_database("bench")
            try:
                results[backend] = run_backend(backend, url, data, args.heavy, args.runs)
            finally:
                if cluster is not None:
                    cluster.stop()
    print(f"\n{'backend':<11} {'load s':>7} {'prefix':>8} {'substr':>8} {'record':>8} {'open':>8}   (medians, ms)")
    for backend, r in results.items():
        ok = all(r[k] < SEARCH_GOAL_MS for k in ("prefix", "substring", "record")) and r["open"] < OPEN_GOAL_MS
        print(f"{backend:<11} {r['load_s']:>7.1f} {r['prefix']:>8.2f} {r['substring']:>8.2f} {r['record']:>8.2f} "
              f"{r['open']:>8.2f}   {'PASS' if ok else 'MISS'} (goals: search < {SEARCH_GOAL_MS:g}, "
              f"open < {OPEN_GOAL_MS:g})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
