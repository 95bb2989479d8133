"""Autosave and crash recovery: after a crash the user gets back a whole plan, never half a file.

The kill test runs a real process that autosaves a big plan in a tight loop
and SIGKILLs it mid-loop; the autosave left behind must load and be exactly
one of the revisions that process saved.
"""

from __future__ import annotations

import json
import os
import queue
import random
import signal
import subprocess
import sys
import threading
import time
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from mesomap.io.autosave import AUTOSAVE_INTERVAL_S, AUTOSAVE_MAX_DELAY_S, Autosaver, default_dir
from mesomap.io.meshes import load_painting_surface
from mesomap.io.plan_file import PlanFileError, body_ref
from mesomap.model.plan import Header, Plan, ReflexPoint, Zone

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def surface():
    return load_painting_surface("female")


@pytest.fixture(scope="module")
def plan(surface) -> Plan:
    return Plan(
        body=body_ref(surface),
        header=Header(patient_ref="AB", date="2026-11-23", notes="autosaved"),
        zones=(Zone("zone-1", "Belly", "#e69f00", faces=np.arange(1000, 5000)),),
        points=(ReflexPoint("pt-1", "ST36", "Zusanli", face=7, barycentric=(0.5, 0.25, 0.25)),),
    )


def dead_pid() -> int:
    """A process id that no process has (checked with kill 0)."""
    rng = random.Random()
    while True:
        pid = 4_000_000 + rng.randrange(190_000)
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return pid
        except PermissionError:
            continue


# ------------------------------------------------------------------ save, clear, leftovers


def test_save_writes_a_loadable_plan_and_a_sidecar(tmp_path, plan, surface):
    saver = Autosaver(directory=tmp_path, pid=dead_pid())
    original = tmp_path / "work" / "patient.mesomap.json"
    path = saver.save(plan, revision=1, original=original, surface=surface)
    assert path == tmp_path / f"autosave-{saver.pid}.mesomap.json"
    assert path.is_file()
    meta = json.loads((tmp_path / f"autosave-{saver.pid}.meta.json").read_text())
    assert meta["original"] == str(original)
    assert abs(meta["saved_at"] - time.time()) < 60
    (found,) = Autosaver(directory=tmp_path).leftovers()
    assert found.autosave == path
    assert found.original == original
    assert found.load() == plan


def test_clear_removes_the_autosave_and_its_sidecar(tmp_path, plan):
    saver = Autosaver(directory=tmp_path, pid=dead_pid())
    saver.save(plan, revision=1)
    saver.clear()
    assert list(tmp_path.iterdir()) == []
    assert Autosaver(directory=tmp_path).leftovers() == []
    saver.clear()  # clearing twice is harmless


def test_the_data_dir_comes_from_MESOMAP_DATA_DIR(tmp_path, plan, monkeypatch):
    monkeypatch.setenv("MESOMAP_DATA_DIR", str(tmp_path / "data"))
    assert default_dir() == tmp_path / "data" / "autosave"
    saver = Autosaver()
    assert saver.pid == os.getpid()
    path = saver.save(plan, revision=1)
    assert path.parent == tmp_path / "data" / "autosave"
    assert path.name == f"autosave-{os.getpid()}.mesomap.json"
    saver.clear()
    assert not path.exists()


def test_leftovers_lists_only_autosaves_of_processes_that_are_gone(tmp_path, plan):
    alive = Autosaver(directory=tmp_path, pid=os.getpid())  # this very process: alive
    alive.save(plan, revision=1)
    gone_pid = dead_pid()
    gone = Autosaver(directory=tmp_path, pid=gone_pid)
    gone.save(replace(plan, header=replace(plan.header, notes="crashed")), revision=1)
    viewer = Autosaver(directory=tmp_path, pid=dead_pid())  # e.g. a newly started mesomap
    found = viewer.leftovers()
    assert [r.autosave.name for r in found] == [f"autosave-{gone_pid}.mesomap.json"]
    assert found[0].load().header.notes == "crashed"
    # a process never offers its own autosave back
    assert all(r.autosave != alive.path for r in alive.leftovers())


def test_leftovers_ignore_an_alive_child_process(tmp_path, plan):
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        Autosaver(directory=tmp_path, pid=child.pid).save(plan, revision=1)
        assert Autosaver(directory=tmp_path).leftovers() == []
    finally:
        child.kill()
        child.wait()
    (found,) = Autosaver(directory=tmp_path).leftovers()  # now it is gone: recoverable
    assert found.autosave.name == f"autosave-{child.pid}.mesomap.json"


def test_leftovers_are_newest_first_and_discard_removes_one(tmp_path, plan):
    pids = [dead_pid() for _ in range(3)]
    while len(set(pids)) < 3:
        pids = [dead_pid() for _ in range(3)]
    now = time.time()
    for age, pid in zip((300, 10, 3600), pids):
        path = Autosaver(directory=tmp_path, pid=pid).save(plan, revision=1)
        os.utime(path, (now - age, now - age))
    found = Autosaver(directory=tmp_path).leftovers()
    assert [r.autosave.name for r in found] == [f"autosave-{p}.mesomap.json" for p in (pids[1], pids[0], pids[2])]
    found[0].discard()
    assert not found[0].autosave.exists()
    assert not (tmp_path / f"autosave-{pids[1]}.meta.json").exists()
    assert len(Autosaver(directory=tmp_path).leftovers()) == 2


def test_a_leftover_without_its_sidecar_is_still_offered(tmp_path, plan):
    pid = dead_pid()
    Autosaver(directory=tmp_path, pid=pid).save(plan, revision=1, original=Path("/x/p.mesomap.json"))
    (tmp_path / f"autosave-{pid}.meta.json").write_text("{not json")
    (found,) = Autosaver(directory=tmp_path).leftovers()
    assert found.original is None
    assert found.load() == plan


def test_a_garbage_autosave_is_never_a_crash(tmp_path):
    pid = dead_pid()
    (tmp_path / f"autosave-{pid}.mesomap.json").write_bytes(b'{"@schema": "mesomap-plan/1", "zo')
    (tmp_path / "autosave-notapid.mesomap.json").write_text("{}")
    (tmp_path / ".autosave-1.mesomap.json.tmp123.json").write_text("{}")  # an interrupted temporary
    found = Autosaver(directory=tmp_path).leftovers()
    assert len(found) <= 1  # never the non-pid name nor the temporary
    for r in found:  # offered or not, opening it is a clear error, not a traceback
        with pytest.raises(PlanFileError):
            r.load()


def test_a_failed_autosave_keeps_the_previous_one(tmp_path, plan, monkeypatch):
    saver = Autosaver(directory=tmp_path, pid=dead_pid())
    path = saver.save(plan, revision=1)
    before = path.read_bytes()

    def boom(*a, **k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        saver.save(replace(plan, header=replace(plan.header, notes="newer")), revision=2)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert saver.last_revision == 1  # still due: the next tick tries again
    assert saver.due(2, now=saver.last_time + AUTOSAVE_INTERVAL_S)


def test_a_crash_half_way_through_writing_keeps_the_previous_autosave(tmp_path, plan, surface, monkeypatch):
    """The deterministic twin of the kill test: the write itself dies after half the bytes."""
    from mesomap.io import atomic

    saver = Autosaver(directory=tmp_path, pid=dead_pid())
    path = saver.save(plan, revision=1, surface=surface)
    before = path.read_bytes()

    class HalfWriter:
        def __init__(self, name, *args, **kwargs):
            self.fh = open(name, *args, **kwargs)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.fh.close()

        def write(self, text):
            self.fh.write(text[: len(text) // 2])
            self.fh.flush()
            raise KeyboardInterrupt  # the user's Ctrl+C, or anything else that stops the process here

        def __getattr__(self, name):
            return getattr(self.fh, name)

    monkeypatch.setattr(atomic, "open", HalfWriter, raising=False)
    with pytest.raises(KeyboardInterrupt):
        saver.save(replace(plan, header=replace(plan.header, notes="newer")), revision=2, surface=surface)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name, f"autosave-{saver.pid}.meta.json"]
    (found,) = Autosaver(directory=tmp_path).leftovers()
    assert found.load() == plan


# ------------------------------------------------------------------ when to autosave


def test_due_respects_the_interval_and_the_revision(tmp_path, plan):
    interval = AUTOSAVE_INTERVAL_S
    assert 0 < interval < AUTOSAVE_MAX_DELAY_S <= 5.0  # at most 5 s of work lost
    saver = Autosaver(directory=tmp_path, pid=dead_pid())
    assert saver.due(1, now=time.monotonic() + 1000)  # never saved, changed: due
    saver.save(plan, revision=5)
    t0 = saver.last_time
    assert abs(t0 - time.monotonic()) < 5
    assert not saver.due(5, now=t0 + 3600)  # nothing changed since: never due
    assert not saver.due(6, now=t0 + interval / 10)  # changed, but too soon
    assert not saver.due(6, now=t0 + interval * 0.99)
    assert saver.due(6, now=t0 + interval)
    assert saver.due(6, now=t0 + 300.0)
    assert saver.due(6, now=t0 + 5.0, interval_s=5.0)
    saver.clear()
    assert saver.due(5, now=t0 + interval)  # after a clear, the next change autosaves again


def test_an_autosave_is_found_after_its_pid_went_to_another_process(tmp_path, plan):
    """The crashed mesomap had pid P; P now belongs to an unrelated, running program: still a leftover."""
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        # written by "the process that had this pid before", which started at another time
        Autosaver(directory=tmp_path, pid=other.pid, started="earlier-boot:12345").save(plan, revision=3)
        (found,) = Autosaver(directory=tmp_path).leftovers()
        assert found.autosave.name == f"autosave-{other.pid}.mesomap.json"
        assert found.load() == plan
        # while the very process that wrote an autosave runs, it is not a leftover
        Autosaver(directory=tmp_path, pid=other.pid).save(plan, revision=4)
        assert Autosaver(directory=tmp_path).leftovers() == []
    finally:
        other.kill()
        other.wait()


def test_the_autosave_folder_is_private(tmp_path, plan):
    saver = Autosaver(directory=tmp_path / "autosave", pid=dead_pid())
    saver.save(plan, revision=1)
    assert (tmp_path / "autosave").stat().st_mode & 0o777 == 0o700


# ------------------------------------------------------------------ the kill test

CHILD = r"""
import sys, time
from dataclasses import replace
import numpy as np
from mesomap.io.meshes import load_painting_surface
from mesomap.io.autosave import Autosaver
from mesomap.io.plan_file import body_ref
from mesomap.model.plan import Header, Plan, Zone

directory, pid = sys.argv[1], int(sys.argv[2])
s = load_painting_surface("female")
faces = np.flatnonzero((np.arange(s.n_faces) // 7) % 2 == 0)  # ~260k faces in ~37k runs
plan = Plan(body_ref(s), header=Header(date="2026-11-23"),
            zones=(Zone("zone-1", "Big", "#e69f00", faces=faces),))
saver = Autosaver(directory=directory, pid=pid)
k = 0
while True:
    k += 1
    plan = replace(plan, header=replace(plan.header, notes=f"revision {k}"))
    saver.save(plan, k, surface=s)
    print(k, time.monotonic(), flush=True)
"""


class Run:
    """One autosaving child process and the revisions it reported as saved."""

    def __init__(self, directory: Path, saves_before_kill: int, fraction: float):
        self.directory = directory
        self.fake_pid = dead_pid()
        self.saves_before_kill = saves_before_kill
        self.fraction = fraction
        self.lines: queue.Queue = queue.Queue()
        env = dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
        self.proc = subprocess.Popen([sys.executable, "-c", CHILD, str(directory), str(self.fake_pid)],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=REPO)
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        self.saved: list[tuple[int, float]] = []

    def _read(self):
        for line in self.proc.stdout:
            k, t = line.split()
            self.lines.put((int(k), float(t)))

    def drain(self):
        while True:
            try:
                self.saved.append(self.lines.get_nowait())
            except queue.Empty:
                return

    def kill(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=30)
        self.reader.join(timeout=30)
        self.drain()


def test_an_autosave_killed_mid_loop_recovers_a_whole_saved_revision(tmp_path, surface):
    n = surface.n_faces
    expected_faces = np.flatnonzero((np.arange(n) // 7) % 2 == 0)
    # three runs, killed at different moments: right after a save, and part-way through the next one
    runs = [Run(tmp_path / f"run{i}", saves, fraction) for i, (saves, fraction) in
            enumerate([(2, 0.0), (3, 0.5), (5, 0.92)])]
    try:
        deadline = time.monotonic() + 120
        pending = list(runs)
        while pending:
            assert time.monotonic() < deadline, "the autosaving processes did not save in time"
            for run in list(pending):
                run.drain()
                if run.proc.poll() is not None:
                    pytest.fail(f"autosaving process died: {run.proc.stderr.read()[-2000:]}")
                if len(run.saved) >= run.saves_before_kill:
                    times = [t for _, t in run.saved]
                    interval = (times[-1] - times[0]) / max(1, len(times) - 1)
                    time.sleep(run.fraction * interval)
                    run.kill()
                    pending.remove(run)
            time.sleep(0.002)
    finally:
        for run in runs:
            run.kill()

    for run in runs:
        assert run.proc.returncode == -signal.SIGKILL
        done = [k for k, _ in run.saved]
        assert done == list(range(1, len(done) + 1)) and len(done) >= run.saves_before_kill
        found = Autosaver(directory=run.directory).leftovers()
        assert [r.autosave.name for r in found] == [f"autosave-{run.fake_pid}.mesomap.json"]
        recovered = found[0].load()  # a PlanFileError here would be a half-written autosave
        notes = recovered.header.notes
        assert notes.startswith("revision ")
        k = int(notes.split()[1])
        # the last revision it reported, or the one it was finishing when killed (replaced, not yet reported)
        assert done[-1] <= k <= done[-1] + 1, (notes, done[-1])
        assert recovered.body == body_ref(surface)
        assert np.array_equal(recovered.zone("zone-1").faces, expected_faces)


def test_half_written_temp_files_of_dead_processes_are_cleaned(tmp_path):
    from mesomap.io.autosave import Autosaver

    dead = 4_000_000 + 4242
    stale = tmp_path / f".autosave-{dead}.mesomap.json.abc123.json"
    stale.write_text("{half")
    mine = tmp_path / f".autosave-{os.getpid()}.mesomap.json.zz.json"  # a live writer's file stays
    mine.write_text("{")
    Autosaver(directory=tmp_path).leftovers()
    assert not stale.exists() and mine.exists()
