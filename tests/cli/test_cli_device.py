"""Device commands as a user runs them: export, verify, the simulator in its own process, send, kill, resend.

The simulator always runs as ``python -m mesomap.cli_device device-sim`` in its
own process (so it can be killed); ``send`` runs as a process in two tests and
in-process (same ``main``) elsewhere to keep the suite fast.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from mesomap.io.device_errors import DeviceLinkError
from mesomap.io.device_link import send_program

MODULE = [sys.executable, "-m", "mesomap.cli_device"]


@pytest.fixture(scope="module")
def work(tmp_path_factory):
    """A folder with a gridded plan (left knee + forehead + ST36) and an env for runs."""
    from mesomap.io.plan_file import save_plan
    from tests.io.test_device_helpers import gridded_plan, surface

    d = tmp_path_factory.mktemp("device")
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["MESOMAP_DATA_DIR"] = str(d / "data")
    env["XDG_CONFIG_HOME"] = str(d / "config")
    save_plan(gridded_plan(), d / "p.mesomap.json", surface())
    return d, env


def run_process(work, *args, timeout=120):
    """The command in its own process, as a user runs it."""
    d, env = work
    return subprocess.run([*MODULE, *args], cwd=d, env=env, capture_output=True, text=True, timeout=timeout)


def run(work, *args):
    """The command in this process (fast): same handlers, same exit codes and output."""
    from mesomap.cli_device import main

    d, env = work
    out, err = io.StringIO(), io.StringIO()
    old_cwd, old_data = os.getcwd(), os.environ.get("MESOMAP_DATA_DIR")
    os.chdir(d)
    os.environ["MESOMAP_DATA_DIR"] = env["MESOMAP_DATA_DIR"]
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(list(args))
    finally:
        os.chdir(old_cwd)
        if old_data is None:
            os.environ.pop("MESOMAP_DATA_DIR", None)
        else:
            os.environ["MESOMAP_DATA_DIR"] = old_data
    return subprocess.CompletedProcess(args, code, out.getvalue(), err.getvalue())


def exported(work, name: str, *extra: str) -> Path:
    """The plan exported for the generic device as ``name`` (made here, so tests do not depend on each other)."""
    d, _ = work
    proc = run(work, "export", "p.mesomap.json", "--format", "device", "--device", "generic", *extra, "--out", name)
    assert proc.returncode == 0, proc.stderr
    return d / name


class Sim:
    """``device-sim`` in its own process; ``port`` is the pty path it printed."""

    def __init__(self, work, store: str, *extra: str):
        d, env = work
        self.proc = subprocess.Popen([*MODULE, "device-sim", "--store", store, *extra], cwd=d, env=env,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.lines: queue.Queue[str] = queue.Queue()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        try:
            first = self.readline(60)
            assert first.startswith("device-sim: listening on /dev/"), first
            self.port = first.rsplit(" ", 1)[1].strip()
            self.info = self.readline(30)
        except BaseException:
            self.proc.kill()  # never leave a simulator behind
            self.proc.wait(30)
            raise

    def _read(self) -> None:
        for line in self.proc.stdout:
            self.lines.put(line)
        self.lines.put("")  # end of output

    def readline(self, timeout: float) -> str:
        try:
            return self.lines.get(timeout=timeout)
        except queue.Empty:
            raise AssertionError("device-sim printed nothing") from None

    def stop(self) -> str:
        """Stop it (SIGTERM) and return everything it printed after the start lines."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        self.proc.wait(30)
        self.reader.join(30)
        out = []
        while not self.lines.empty():
            out.append(self.lines.get())
        return "".join(out)

    def kill(self) -> None:
        os.kill(self.proc.pid, signal.SIGKILL)  # this test's own child, by its pid
        self.proc.wait(30)


def test_export_device_program_then_verify(work):
    d, _ = work
    proc = run(work, "export", "p.mesomap.json", "--format", "device", "--device", "generic", "--out", "p.device.json")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[0] == "p.device.json"
    plan = json.loads((d / "p.mesomap.json").read_text())
    shots = [len(z["injections"]) for z in plan["zones"]] + [len(plan["reflex_points"])]
    assert f"3 programs, {sum(shots)} shots" in proc.stdout and "program SHA-256 " in proc.stdout
    raw = json.loads((d / "p.device.json").read_text())
    assert raw["@schema"] == "mesomap-device-program/1" and raw["device"]["id"] == "generic"
    assert [p["shots"] for p in raw["programs"]] == shots
    proc = run(work, "device-verify", "p.device.json")
    assert proc.returncode == 0, proc.stderr
    assert "verified (program SHA-256 " in proc.stdout and "1. Knee, left: single shot, needle 4 mm, depth 4 mm" in proc.stdout


def test_export_that_does_not_fit_lists_every_violation_and_writes_nothing(work):
    d, _ = work
    proc = run(work, "export", "p.mesomap.json", "--format", "device", "--device", "example-perfusion",
               "--mode", "Forehead=continuous", "--out", "bad.device.json")
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    lines = proc.stderr.splitlines()
    assert lines[0].startswith("mesomap: error: p.mesomap.json does not fit the device: 1 problem; nothing was written")
    assert lines[1].startswith("  - zone 'Forehead': depth 2.5 mm is not settable: the nearest step is 2 mm")
    assert "1–13 mm in steps of 1 mm" in lines[1]
    proc = run(work, "export", "p.mesomap.json", "--format", "sheet", "--device", "example-pistol",
               "--mode", "knee_left=continuous", "--out", "bad.csv")
    assert proc.returncode == 1
    assert "zone 'Knee, left': mode continuous / mesoperfusion (from the chosen mode) is not offered" in proc.stderr
    assert not (d / "bad.device.json").exists() and not (d / "bad.csv").exists()


def test_gun_sheet_export(work):
    d, _ = work
    proc = run(work, "export", "p.mesomap.json", "--format", "sheet", "--device", "example-pistol", "--rate-hz", "4",
               "--out", "gun.csv")
    assert proc.returncode == 0, proc.stderr
    rows = list(csv.DictReader(io.StringIO((d / "gun.csv").read_text())))
    knee, forehead = (str(len(z["injections"])) for z in json.loads((d / "p.mesomap.json").read_text())["zones"])
    assert [(r["name"], r["mode"], r["depth_mm"], r["ml_per_shot"], r["shots"], r["rate_shots_per_s"]) for r in rows] == [
        ("Knee, left", "single shot", "4", "0.15", knee, "4"),
        ("Forehead", "single shot", "2.5", "0.02", forehead, "4"),
        ("Reflex points 4 mm 0.2 ml", "single shot", "4", "0.2", "2", "4"),
    ]
    assert "example profile" in proc.stdout


def test_usage_errors_are_one_line(work):
    for args, words in [
        (("export", "p.mesomap.json", "--format", "device", "--out", "x.device.json"), "needs --device"),
        (("export", "p.mesomap.json", "--format", "device", "--device", "generic", "--out", "x.json"), "writes a .device.json"),
        (("export", "p.mesomap.json", "--format", "device", "--device", "nope", "--out", "x.device.json"), "no device profile 'nope'"),
        (("export", "p.mesomap.json", "--format", "sheet", "--mode", "knee", "--out", "x.csv"), "ZONE=MODE"),
        (("send", "p.mesomap.json", "--port", "/dev/null-port"), "needs --device"),
    ]:
        proc = run(work, *args)
        assert proc.returncode in (1, 2) and "Traceback" not in proc.stderr, proc.stderr
        lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
        assert len(lines) == 1 and words in lines[0], proc.stderr


def test_tampered_program_is_refused_by_verify_and_send(work):
    d, _ = work
    path = exported(work, "t.device.json")
    path.write_bytes(path.read_bytes().replace(b'"depth_mm": 2.5', b'"depth_mm": 3.5', 1))
    for args in (("device-verify", "t.device.json"), ("send", "t.device.json", "--port", "/dev/null-port")):
        proc = run(work, *args)
        assert proc.returncode == 1
        assert proc.stderr.strip().startswith("mesomap: error: t.device.json: content_sha256 does not match")


def test_devices_lists_bundled_and_user_profiles(work):
    d, _ = work
    user = d / "data" / "devices"
    user.mkdir(parents=True, exist_ok=True)
    generic = json.loads(Path(__file__).resolve().parents[2].joinpath("assets/devices/generic.json").read_text())
    (user / "clinic-gun.json").write_text(json.dumps({**generic, "name": "Clinic gun", "max_programs": 4}))
    (user / "broken.json").write_text('{"@schema": "mesomap-device-profile/1"}')
    try:
        proc = run(work, "devices", "--json")
        assert proc.returncode == 0, proc.stderr
        found = {json.loads(line)["id"]: json.loads(line) for line in proc.stdout.splitlines()}
        assert {"generic", "example-pistol", "example-perfusion", "clinic-gun"} <= set(found)
        assert found["clinic-gun"]["max_programs"] == 4 and found["clinic-gun"]["file"].endswith("clinic-gun.json")
        assert found["example-pistol"]["example"] is True
        assert "broken.json: name: is missing" in proc.stderr
    finally:
        (user / "clinic-gun.json").unlink()
        (user / "broken.json").unlink()


def test_send_to_the_simulator_process(work):
    d, _ = work
    exported(work, "s.device.json")
    sim = Sim(work, "store-send", "--device", "generic")
    try:
        assert "current program none" in sim.info
        proc = run_process(work, "send", "p.mesomap.json", "--port", sim.port, "--device", "generic", "--timeout", "10")
        assert proc.returncode == 0, proc.stderr
        out = proc.stdout
        assert "send: handshake" in out and "send: chunk 1/" in out and "send: committing" in out
        sha = json.loads((d / "s.device.json").read_bytes())["content_sha256"]
        assert f"committed on generic at {sim.port}" in out and f"program SHA-256 {sha}" in out
    finally:
        log = sim.stop()
    assert sim.proc.returncode == 0 and "device-sim: stopped" in log and "COMMITTED" in log
    # what the device stored is byte for byte the exported file
    assert (d / "store-send" / "program.device.json").read_bytes() == (d / "s.device.json").read_bytes()


def test_export_verify_send_and_the_device_show_one_and_the_same_sha256(work):
    """The program's SHA-256 printed by export, written in the file, printed by device-verify and send,
    and reported by the device after a restart are one value."""
    d, _ = work
    proc = run(work, "export", "p.mesomap.json", "--format", "device", "--device", "generic", "--out", "h.device.json")
    shown = {line.split("SHA-256 ")[1].split()[0] for line in proc.stdout.splitlines() if "SHA-256 " in line}
    in_file = json.loads((d / "h.device.json").read_bytes())["content_sha256"]
    assert shown == {in_file}, proc.stdout
    verify = run(work, "device-verify", "h.device.json")
    assert f"program SHA-256 {in_file}" in verify.stdout
    sim = Sim(work, "store-hash")
    try:
        sent = run(work, "send", "h.device.json", "--port", sim.port, "--timeout", "10")
        assert sent.returncode == 0 and f"program SHA-256 {in_file}," in sent.stdout, sent.stdout + sent.stderr
    finally:
        sim.stop()
    sim = Sim(work, "store-hash")  # the device, restarted, names its program the same way
    try:
        assert f"current program {in_file}" in sim.info
    finally:
        sim.stop()


def test_killed_device_keeps_its_program_and_a_resend_succeeds(work):
    d, _ = work
    store = d / "store-kill"
    first = exported(work, "k1.device.json").read_bytes()
    second = exported(work, "k2.device.json", "--rate-hz", "3").read_bytes()
    assert first != second
    sim = Sim(work, "store-kill")
    try:
        assert run(work, "send", "k1.device.json", "--port", sim.port, "--timeout", "10").returncode == 0

        def kill_after_3(p):
            if p.stage == "sending" and p.chunks_done == 3:
                sim.kill()

        with pytest.raises(DeviceLinkError) as info:
            send_program(sim.port, second, progress=kill_after_3, timeout_s=2, retries=1, chunk_size=256)
    finally:
        sim.stop()
    message = str(info.value)
    assert info.value.chunks_acked == 3 and f"3 of {info.value.chunks_total} chunks were acknowledged" in message
    assert "keeps its previous program" in message
    assert (store / "program.device.json").read_bytes() == first
    sim = Sim(work, "store-kill")  # the device comes back with its previous program
    try:
        assert json.loads(first)["content_sha256"] in sim.info
        proc = run(work, "send", "k2.device.json", "--port", sim.port, "--timeout", "10")
        assert proc.returncode == 0, proc.stderr
    finally:
        sim.stop()
    assert (store / "program.device.json").read_bytes() == second


def test_send_to_a_silent_device_fails_with_one_clear_line(work):
    exported(work, "s.device.json")
    sim = Sim(work, "store-silent", "--fault", "silent")
    try:
        t0 = time.monotonic()
        proc = run_process(work, "send", "s.device.json", "--port", sim.port, "--timeout", "0.3", "--retries", "1")
        assert time.monotonic() - t0 < 60
    finally:
        sim.stop()
    assert proc.returncode == 1
    assert proc.stderr.strip() == (f"mesomap: error: no answer from {sim.port} to HELLO (the handshake) within 0.3 s "
                                   "(2 tries); is the device on, connected and in transfer mode?")


def test_simulator_cut_fault_then_resend(work):
    d, _ = work
    exported(work, "s.device.json")
    sim = Sim(work, "store-cut", "--fault", "cut-after=4")
    try:
        proc = run(work, "send", "s.device.json", "--port", sim.port, "--timeout", "10")
    finally:
        sim.stop()
    assert proc.returncode == 1
    assert "lost" in proc.stderr and "chunks were acknowledged" in proc.stderr
    assert not (d / "store-cut" / "program.device.json").exists()
    sim = Sim(work, "store-cut")
    try:
        assert run(work, "send", "s.device.json", "--port", sim.port, "--timeout", "10").returncode == 0
    finally:
        sim.stop()
    assert (d / "store-cut" / "program.device.json").read_bytes() == (d / "s.device.json").read_bytes()


def test_ctrl_c_cancels_a_send_cleanly(work):
    exported(work, "c.device.json")
    d, env = work
    sim = Sim(work, "store-ctrl-c", "--fault", "silent")
    try:
        send = subprocess.Popen([*MODULE, "send", "c.device.json", "--port", sim.port, "--timeout", "60"], cwd=d,
                                env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                # as from a terminal, even if this test runner was started with SIGINT ignored
                                preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
        assert send.stdout.readline().startswith("send: ")  # the program line
        assert send.stdout.readline() == "send: handshake\n"
        time.sleep(0.3)
        send.send_signal(signal.SIGINT)  # Ctrl-C while it waits for the device
        out, err = send.communicate(timeout=60)
    finally:
        sim.stop()
    assert send.returncode == 130
    assert err.strip() == f"mesomap: transfer to {sim.port} cancelled before anything was sent; " \
                          "the device keeps its previous program"


def test_lost_committed_reply_says_the_state_is_unknown_asks_the_device_and_a_resend_sends_nothing(work):
    d, _ = work
    program = exported(work, "u.device.json")
    seal = json.loads(program.read_bytes())["content_sha256"]
    sim = Sim(work, "store-lost-reply", "--fault", "drop-reply=COMMITTED")
    try:
        proc = run(work, "send", "u.device.json", "--port", sim.port, "--timeout", "0.5", "--retries", "1")
        again = run(work, "send", "u.device.json", "--port", sim.port, "--timeout", "10")
    finally:
        log = sim.stop()
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    asked = lines.index("send: no valid reply to COMMIT, so the device's program is unknown; asking the device "
                        "which program it holds (STATUS)")
    assert "holds the new program" in lines[asked + 1] and f"program SHA-256 {seal}" in proc.stdout
    assert "reply COMMITTED" in log and "lost in transit" in log
    assert again.returncode == 0 and "the device already holds this program; nothing was sent" in again.stdout
    assert f"holds program SHA-256 {seal}" in again.stdout
    assert (d / "store-lost-reply" / "program.device.json").read_bytes() == program.read_bytes()


def test_commit_lost_on_the_way_names_the_previous_program_and_exits_1(work):
    d, _ = work
    first = exported(work, "v1.device.json").read_bytes()
    second = exported(work, "v2.device.json", "--rate-hz", "3").read_bytes()
    sim = Sim(work, "store-lost-commit")
    try:
        assert run(work, "send", "v1.device.json", "--port", sim.port, "--timeout", "10").returncode == 0
    finally:
        sim.stop()
    sim = Sim(work, "store-lost-commit", "--fault", "drop-line=COMMIT")
    try:
        proc = run(work, "send", "v2.device.json", "--port", sim.port, "--timeout", "0.5", "--retries", "1")
    finally:
        sim.stop()
    assert proc.returncode == 1
    old, new = json.loads(first)["content_sha256"], json.loads(second)["content_sha256"]
    assert proc.stderr.strip().endswith(f"holds its previous program {old}, not the new program {new}: "
                                        "it was not committed; send again"), proc.stderr
    assert (d / "store-lost-commit" / "program.device.json").read_bytes() == first


def test_a_program_over_the_devices_shots_per_program_is_refused_before_anything_is_sent(work):
    """Export and send (a plan, or a program file exported when the profile allowed more) check the
    profile's max_shots_per_program; the message gives the count and the limit; the device sees nothing."""
    d, _ = work
    user = d / "data" / "devices"
    user.mkdir(parents=True, exist_ok=True)
    from mesomap.io.device_profiles import find_profile

    profile = json.loads(Path(find_profile("generic").source).read_text())
    forehead = len(json.loads((d / "p.mesomap.json").read_text())["zones"][1]["injections"])
    profile.update(name="Small gun", max_shots_per_program=1000)
    (user / "small-gun.json").write_text(json.dumps(profile))
    try:
        assert run(work, "export", "p.mesomap.json", "--format", "device", "--device", "small-gun",
                   "--out", "small.device.json").returncode == 0
        profile["max_shots_per_program"] = 50  # the profile now says a program holds 50 shots
        (user / "small-gun.json").write_text(json.dumps(profile))
        sim = Sim(work, "store-small")
        try:
            sent = run(work, "send", "small.device.json", "--port", sim.port, "--timeout", "10")
            from_plan = run(work, "send", "p.mesomap.json", "--device", "small-gun", "--port", sim.port)
        finally:
            log = sim.stop()
        export = run(work, "export", "p.mesomap.json", "--format", "device", "--device", "small-gun",
                     "--out", "small2.device.json")
    finally:
        (user / "small-gun.json").unlink()
    assert sent.returncode == 1 and "nothing was written or sent" in sent.stderr
    assert f"program 2 (Forehead): {forehead} shots, but Small gun holds at most 50 per program" in sent.stderr
    for proc in (from_plan, export):
        assert proc.returncode == 1 and f"{forehead} shots, but Small gun holds at most 50 per program" in proc.stderr
    assert "BEGIN" not in log and not (d / "store-small" / "program.device.json").exists()
    assert not (d / "small2.device.json").exists()
