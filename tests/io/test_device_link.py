"""The serial transfer against the device simulator, for real, on pseudo-terminals.

Each test runs :class:`PtySimulator` in a thread on a fresh pty and sends with
:func:`send_program` through pyserial. Timeouts are generous where a test
expects success and short where it expects a timeout, so a loaded machine
slows the suite down but does not make it fail.
"""

from __future__ import annotations

import base64
import threading
import time

import pytest

from mesomap.io.device_errors import DeviceLinkError, DeviceStateUnknownError, DeviceTimeoutError, TransferCancelled
from mesomap.io.device_link import PROTOCOL, crc32_hex, send_program
from mesomap.io.device_program import build_device_program, parse_device_program, verify_seal
from mesomap.io.device_sim import INCOMING_FILE, PROGRAM_FILE, Faults, PtySimulator, SimulatedDevice
from tests.io.test_device_helpers import gridded_plan, profile, surface, with_zone_params

SLOW_OK = 10.0  # seconds per reply when the test expects success


@pytest.fixture(scope="module")
def programs():
    """Two different valid programs for the generic device (the second changes the forehead's volume)."""
    first = build_device_program(gridded_plan(), surface(), profile())[0]
    second = build_device_program(with_zone_params(gridded_plan(), 1, volume_per_point_ml=0.03), surface(), profile())[0]
    assert first != second
    return first, second


@pytest.fixture
def store(tmp_path):
    return tmp_path / "device"


def committed(store) -> bytes | None:
    path = store / PROGRAM_FILE
    return path.read_bytes() if path.exists() else None


def send_ok(port, data, **kw):
    return send_program(port, data, timeout_s=SLOW_OK, **kw)


def test_normal_transfer_commits_the_exact_bytes(programs, store):
    first, _ = programs
    seen = []
    with PtySimulator(SimulatedDevice(store, profile=profile())) as sim:
        result = send_ok(sim.port, first, progress=seen.append, chunk_size=256, expect_device="generic")
    assert committed(store) == first  # byte-identical
    assert result.sha256 == verify_seal(first)
    assert result.chunks == -(-len(first) // 256) and result.retransmissions == 0
    assert result.device.device_id == "generic" and result.device.committed_sha256 is None
    assert parse_device_program(committed(store)).content_sha256  # the device's copy verifies
    stages = [p.stage for p in seen]
    assert stages[0] == "handshake" and stages[-2:] == ["committing", "done"]
    sending = [p for p in seen if p.stage == "sending"]
    assert [p.chunks_done for p in sending] == list(range(1, result.chunks + 1))
    assert sending[-1].bytes_done == len(first) and sending[-1].fraction == 1.0
    assert not (store / INCOMING_FILE).exists()
    assert "COMMITTED" in (store / "journal.log").read_text()


def test_second_program_replaces_the_first_and_hello_reports_it(programs, store):
    first, second = programs
    with PtySimulator(SimulatedDevice(store)) as sim:
        send_ok(sim.port, first)
        result = send_ok(sim.port, second)
    assert result.device.committed_sha256 == verify_seal(first)
    assert committed(store) == second
    # a restarted device still has it
    assert SimulatedDevice(store).committed_sha256 == verify_seal(second)


def test_one_sha256_names_the_program_in_the_file_the_result_and_on_the_device(programs, store):
    """The seal in the file is the SHA-256 the sender reports and the device reports in HELLO and STATUS."""
    first, second = programs
    seal_first = parse_device_program(first).content_sha256
    assert first.rstrip().endswith(f'"content_sha256": "{seal_first}"\n}}'.encode())
    with PtySimulator(SimulatedDevice(store)) as sim:
        assert send_ok(sim.port, first).sha256 == seal_first
        result = send_ok(sim.port, second)
        status = sim.device.handle(b"STATUS")
    assert result.device.committed_sha256 == seal_first  # HELLO named the previous program by its seal
    assert result.sha256 == parse_device_program(second).content_sha256
    assert status == f"STATUS {result.sha256} idle".encode()


def test_cut_link_keeps_the_previous_program_and_a_resend_succeeds(programs, store):
    first, second = programs
    with PtySimulator(SimulatedDevice(store)) as sim:
        send_ok(sim.port, first)
    with PtySimulator(SimulatedDevice(store), Faults(cut_after_chunks=5)) as sim:
        with pytest.raises(DeviceLinkError) as info:
            send_ok(sim.port, second, chunk_size=256)
        assert sim.cut_done.wait(SLOW_OK)  # (the host may see the cut before the simulator marks it)
    err = info.value
    total = -(-len(second) // 256)
    assert err.chunks_total == total and 3 <= err.chunks_acked <= 5
    message = str(err)
    assert f"{err.chunks_acked} of {total} chunks were acknowledged" in message
    assert "lost" in message and "keeps its previous program" in message
    assert committed(store) == first  # untouched
    with PtySimulator(SimulatedDevice(store)) as sim:  # reconnect (a new pty) and send again
        send_ok(sim.port, second)
    assert committed(store) == second


def test_device_that_stops_answering_mid_transfer_then_a_resend_on_the_same_link(programs, store):
    first, second = programs
    dead = {"on": False}

    def drop_after_chunk_3(line: bytes):
        if dead["on"] and line.startswith(b"CHUNK ") and int(line.split(b" ")[1]) >= 3:
            return None
        return line

    with PtySimulator(SimulatedDevice(store), Faults(rewrite=drop_after_chunk_3)) as sim:
        send_ok(sim.port, first)
        dead["on"] = True
        t0 = time.monotonic()
        with pytest.raises(DeviceTimeoutError) as info:
            send_program(sim.port, second, timeout_s=0.5, retries=1, chunk_size=256)
        assert time.monotonic() - t0 < 8
        assert "no answer from" in str(info.value) and "to chunk 4 of" in str(info.value)
        assert "3 of" in str(info.value) and info.value.chunks_acked == 3
        assert committed(store) == first
        dead["on"] = False
        send_ok(sim.port, second)  # the new HELLO drops the half transfer
    assert committed(store) == second


def test_corrupted_chunk_is_retransmitted_and_committed_intact(programs, store):
    first, _ = programs
    with PtySimulator(SimulatedDevice(store), Faults(corrupt_chunks={0, 2, 7})) as sim:
        result = send_ok(sim.port, first, chunk_size=256)
    assert result.retransmissions == 3
    assert committed(store) == first
    assert (store / "journal.log").read_text().count("failed its CRC-32") == 3


def test_chunk_corrupted_every_time_is_refused_never_committed(programs, store):
    first, second = programs
    with PtySimulator(SimulatedDevice(store)) as sim:
        send_ok(sim.port, first)
    with PtySimulator(SimulatedDevice(store), Faults(corrupt_always={4})) as sim:
        with pytest.raises(DeviceLinkError) as info:
            send_program(sim.port, second, timeout_s=SLOW_OK, retries=2, chunk_size=256)
    message = str(info.value)
    assert "chunk 5 of" in message and "not accepted" in message and "3 tries" in message and "BAD-CRC" in message
    assert "4 of" in message and info.value.chunks_acked == 4
    assert committed(store) == first and not (store / INCOMING_FILE).exists()


def _forge_chunk_1(line: bytes) -> bytes:
    """CHUNK 1 with one bit flipped and its CRC-32 recomputed, so the chunk check passes."""
    _, _, _, payload = line.split(b" ")
    piece = bytearray(base64.b64decode(payload))
    piece[10] ^= 0x01
    return b"CHUNK 1 " + crc32_hex(bytes(piece)).encode() + b" " + base64.b64encode(bytes(piece))


def test_altered_chunk_with_a_matching_crc_is_caught_by_the_echoed_crc(programs, store):
    """The ACK echoes the CRC the device computed: the host sees it differs and sends the chunk again."""
    first, _ = programs
    forged = {"n": 0}

    def forge_once(line: bytes):
        if line.startswith(b"CHUNK 1 ") and not forged["n"]:
            forged["n"] += 1
            return _forge_chunk_1(line)
        return line

    with PtySimulator(SimulatedDevice(store), Faults(rewrite=forge_once)) as sim:
        result = send_ok(sim.port, first, chunk_size=256)
    assert forged["n"] == 1 and result.retransmissions == 1
    assert committed(store) == first
    assert "chunk 1 replaced by a resend" in (store / "journal.log").read_text()


def test_man_in_the_middle_forging_chunk_and_ack_is_caught_at_commit(programs, store):
    """Chunk and ACK both forged consistently: every per-chunk check passes; the SHA-256 refuses the commit."""
    first, second = programs
    real_crc = {}

    def forge(line: bytes):
        if line.startswith(b"CHUNK 1 "):
            real_crc["crc"] = line.split(b" ")[2]
            return _forge_chunk_1(line)
        return line

    def forge_ack(reply: bytes):
        if reply.startswith(b"ACK 1 "):
            return b"ACK 1 " + real_crc["crc"]
        return reply

    with PtySimulator(SimulatedDevice(store)) as sim:
        send_ok(sim.port, first)
    with PtySimulator(SimulatedDevice(store), Faults(rewrite=forge, rewrite_reply=forge_ack)) as sim:
        with pytest.raises(DeviceLinkError, match="refused to commit the program .*SHA-MISMATCH"):
            send_ok(sim.port, second, chunk_size=256)
    assert committed(store) == first
    assert "COMMIT refused: SHA-MISMATCH" in (store / "journal.log").read_text()


def test_device_that_never_answers_times_out_with_a_clear_message(programs, store):
    first, _ = programs
    with PtySimulator(SimulatedDevice(store), Faults(silent=True)) as sim:
        t0 = time.monotonic()
        with pytest.raises(DeviceTimeoutError) as info:
            send_program(sim.port, first, timeout_s=0.25, retries=2)
        elapsed = time.monotonic() - t0
    assert 0.7 <= elapsed < 8  # 3 tries of 0.25 s
    assert str(info.value) == (f"no answer from {sim.port} to HELLO (the handshake) within 0.25 s (3 tries); "
                               "is the device on, connected and in transfer mode?")
    assert committed(store) is None


def test_cancel_tells_the_device_to_drop_the_transfer(programs, store):
    first, second = programs
    cancel = threading.Event()

    def progress(p):
        if p.stage == "sending" and p.chunks_done == 3:
            cancel.set()

    with PtySimulator(SimulatedDevice(store)) as sim:
        send_ok(sim.port, first)
        with pytest.raises(TransferCancelled, match="cancelled; 3 of .* chunks were acknowledged"):
            send_ok(sim.port, second, progress=progress, cancel=cancel, chunk_size=256)
        deadline = time.monotonic() + SLOW_OK
        while sim.device.pending is not None and time.monotonic() < deadline:
            time.sleep(0.02)
        assert sim.device.pending is None  # ABORT arrived
    assert committed(store) == first
    assert "transfer dropped (ABORT)" in (store / "journal.log").read_text()


def test_cancel_as_a_callable_before_anything_is_sent(programs, store):
    with PtySimulator(SimulatedDevice(store)) as sim:
        with pytest.raises(TransferCancelled, match="cancelled before anything was sent"):
            send_ok(sim.port, programs[0], cancel=lambda: True)


def test_device_refuses_a_program_for_another_device(programs, store):
    first, _ = programs
    pistol = profile("example-pistol")
    with PtySimulator(SimulatedDevice(store, profile=pistol)) as sim:
        with pytest.raises(DeviceLinkError, match="is 'example-pistol', but the program is for 'generic'; nothing was sent"):
            send_ok(sim.port, first, expect_device="generic")
        # without the host-side check the device itself refuses it at commit
        with pytest.raises(DeviceLinkError, match="WRONG-DEVICE"):
            send_ok(sim.port, first)
    assert committed(store) is None


def test_device_with_a_profile_refuses_values_off_its_steps(store):
    # a program made for the generic injector, relabelled as the pistol's: 0.1 mm depth steps do not fit
    plan = with_zone_params(gridded_plan(), 1, depth_mm=2.3)
    data, _, _ = build_device_program(plan, surface(), profile())
    pistol = profile("example-pistol")
    relabelled = data[:data.rfind(b",\n \"content_sha256\"")].replace(b'"id": "generic"', b'"id": "example-pistol"', 1)
    from mesomap.io.device_program import seal

    forged = seal(relabelled + b"\n}")
    with PtySimulator(SimulatedDevice(store, profile=pistol)) as sim:
        with pytest.raises(DeviceLinkError, match="OUT-OF-RANGE program 2 .*depth_mm 2.3"):
            send_ok(sim.port, forged)
    assert committed(store) is None


def test_program_larger_than_the_device_takes(programs, store):
    with PtySimulator(SimulatedDevice(store, max_program_bytes=1000)) as sim:
        with pytest.raises(DeviceLinkError, match="takes at most 1000; nothing was sent"):
            send_ok(sim.port, programs[0])


def test_a_device_announcing_chunks_too_big_for_a_line_still_gets_lines_within_2048_bytes(programs, store):
    first, _ = programs
    sizes = []

    def announce_4096(reply: bytes) -> bytes:  # a device that says it takes 4096-byte chunks
        return reply.replace(b" 1515 ", b" 4096 ", 1) if reply.startswith(b"HELLO ") else reply

    def measure(line: bytes) -> bytes:
        sizes.append(len(line) + 1)
        return line

    device = SimulatedDevice(store, max_chunk=4096)
    assert device.max_chunk == 1515  # the simulator itself never announces more than fits on a line
    with PtySimulator(device, Faults(rewrite=measure, rewrite_reply=announce_4096)) as sim:
        result = send_ok(sim.port, first, chunk_size=8192)
    assert committed(store) == first and result.retransmissions == 0
    assert max(sizes) <= 2048 and result.chunks == -(-len(first) // 1515)


def test_port_that_does_not_exist():
    with pytest.raises(DeviceLinkError, match="cannot open /nonexistent/tty"):
        send_program("/nonexistent/tty", build_device_program(gridded_plan(), surface(), profile())[0])


# -- the device's state machine, line by line --------------------------------------------------------

def _chunk(i: int, piece: bytes) -> bytes:
    return f"CHUNK {i} {crc32_hex(piece)} {base64.b64encode(piece).decode()}".encode()


def test_device_protocol_rules(programs, store):
    data = programs[0]
    sha = verify_seal(data)
    clock = {"t": 0.0}
    dev = SimulatedDevice(store, max_chunk=1024, session_timeout_s=30, clock=lambda: clock["t"])
    assert dev.handle(b"HELLO mesomap-link/0") == f"ERR VERSION {PROTOCOL}".encode()
    assert dev.handle(f"HELLO {PROTOCOL}".encode()) == f"HELLO {PROTOCOL} any 8000000 1024 none".encode()
    assert dev.handle(b"CHUNK 0 00000000 AAAA") == b"NAK 0 NO-TRANSFER"
    assert dev.handle(b"FOO") == b"ERR BAD-MESSAGE FOO"
    assert dev.handle(f"BEGIN {len(data)} 99999 {sha}".encode()).startswith(b"ERR BAD-BEGIN")
    n = -(-len(data) // 1024)
    assert dev.handle(f"BEGIN {len(data)} 1024 {sha}".encode()) == f"READY {n}".encode()
    pieces = [data[i * 1024:(i + 1) * 1024] for i in range(n)]
    assert dev.handle(_chunk(1, pieces[1])) == b"NAK 1 OUT-OF-ORDER 0"
    assert dev.handle(_chunk(0, pieces[0][:-1])) == b"NAK 0 BAD-LENGTH 1024"
    assert dev.handle(b"CHUNK 0 " + crc32_hex(pieces[0]).encode() + b" !!notbase64") == b"NAK 0 BAD-BASE64"
    ack0 = f"ACK 0 {crc32_hex(pieces[0])}".encode()
    assert dev.handle(_chunk(0, pieces[0])) == ack0
    assert dev.handle(_chunk(0, pieces[0])) == ack0  # a resend after a lost ACK: acknowledged again, stored once
    assert dev.handle(f"COMMIT {sha}".encode()).startswith(b"ERR COMMIT-REFUSED INCOMPLETE 1 of")
    assert dev.pending is None and committed(store) is None  # a refused commit drops the transfer
    assert dev.handle(f"BEGIN {len(data)} 1024 {sha}".encode()) == f"READY {n}".encode()
    for i, piece in enumerate(pieces):
        assert dev.handle(_chunk(i, piece)) == f"ACK {i} {crc32_hex(piece)}".encode()
    assert dev.handle(b"STATUS") == f"STATUS none {n}/{n}".encode()
    assert dev.handle(f"COMMIT {'0' * 64}".encode()).startswith(b"ERR COMMIT-REFUSED SHA-MISMATCH")
    assert committed(store) is None
    # again, whole, and a COMMIT repeated after a lost COMMITTED is answered the same
    dev.handle(f"BEGIN {len(data)} 1024 {sha}".encode())
    for i, piece in enumerate(pieces):
        dev.handle(_chunk(i, piece))
    assert dev.handle(f"COMMIT {sha}".encode()) == f"COMMITTED {sha}".encode()
    assert dev.handle(f"COMMIT {sha}".encode()) == f"COMMITTED {sha}".encode()
    assert committed(store) == data
    # a transfer left silent longer than the session timeout is dropped
    dev.handle(f"BEGIN {len(data)} 1024 {sha}".encode())
    dev.handle(_chunk(0, pieces[0]))
    clock["t"] += 31
    dev.tick()
    assert dev.pending is None and not (store / INCOMING_FILE).exists()
    assert dev.handle(b"STATUS") == f"STATUS {sha} idle".encode()


def test_device_refuses_bytes_that_are_not_a_sealed_program(store):
    junk = b'{"hello": "world"}\n'
    sha = "ab" * 32
    dev = SimulatedDevice(store)
    dev.handle(f"BEGIN {len(junk)} 512 {sha}".encode())
    dev.handle(_chunk(0, junk))
    reply = dev.handle(f"COMMIT {sha}".encode())
    assert reply.startswith(b"ERR COMMIT-REFUSED BAD-PROGRAM") and b"sealed" in reply
    assert committed(store) is None


def test_a_damaged_stored_program_is_not_reported_as_current(programs, store):
    store.mkdir(parents=True)
    (store / PROGRAM_FILE).write_bytes(programs[0][:-5])
    assert SimulatedDevice(store).committed_sha256 is None
    assert "stored program unusable" in (store / "journal.log").read_text()


def test_fault_specs_parse():
    f = Faults.parse(["silent", "corrupt-chunk=2", "corrupt-chunk=5", "corrupt-always=1", "cut-after=7"])
    assert (f.silent, f.corrupt_chunks, f.corrupt_always, f.cut_after_chunks) == (True, {2, 5}, {1}, 7)
    f = Faults.parse(["drop-reply=COMMITTED", "drop-reply=ACK:2", "drop-line=COMMIT:1"])
    assert (f.drop_replies, f.drop_lines) == ({"COMMITTED": None, "ACK": 2}, {"COMMIT": 1})
    with pytest.raises(ValueError, match="fault 'loud' is unknown"):
        Faults.parse(["loud"])


# -- a lost reply to COMMIT: the state is unknown until the device is asked --------------------------------

def test_lost_committed_reply_is_resolved_by_asking_the_device_which_holds_the_new_program(programs, store):
    first, second = programs
    seen = []
    with PtySimulator(SimulatedDevice(store)) as sim:
        send_ok(sim.port, first)
        sim.faults.drop_replies["COMMITTED"] = None  # every COMMITTED reply is lost on its way back
        result = send_program(sim.port, second, timeout_s=0.5, retries=1, progress=seen.append)
    assert committed(store) == second
    assert result.sha256 == verify_seal(second)
    assert "no reply to COMMIT came back" in str(result.note) and "holds the new program" in str(result.note)
    assert [p.stage for p in seen][-2:] == ["asking", "done"]  # it said so, asked, then concluded


def test_lost_commit_is_resolved_by_asking_the_device_which_keeps_its_previous_program(programs, store):
    first, second = programs
    with PtySimulator(SimulatedDevice(store)) as sim:
        send_ok(sim.port, first)
        sim.faults.drop_lines["COMMIT"] = None  # the device never gets COMMIT
        with pytest.raises(DeviceLinkError) as info:
            send_program(sim.port, second, timeout_s=0.5, retries=1)
        message = str(info.value)
        assert not isinstance(info.value, DeviceStateUnknownError)
        assert (f"asked with STATUS, {sim.port} holds its previous program {verify_seal(first)}, not the new program "
                f"{verify_seal(second)}: it was not committed; send again") in message, message
        deadline = time.monotonic() + SLOW_OK
        while sim.device.pending is not None and time.monotonic() < deadline:
            time.sleep(0.02)
        assert sim.device.pending is None  # the half-done transfer was dropped (ABORT)
    assert committed(store) == first


def test_lost_committed_reply_and_no_answer_to_status_is_reported_as_unknown(programs, store):
    first, second = programs
    with PtySimulator(SimulatedDevice(store)) as sim:
        send_ok(sim.port, first)
        sim.faults.drop_replies.update(COMMITTED=None, STATUS=None)
        with pytest.raises(DeviceStateUnknownError) as info:
            send_program(sim.port, second, timeout_s=0.3, retries=1)
    message = str(info.value)
    assert "no reply to COMMIT came back" in message and "the device's program is unknown" in message
    assert f"the new one ({verify_seal(second)}) or the previous one ({verify_seal(first)})" in message
    assert "keeps its previous program" not in message  # never claimed: here the device did commit
    assert committed(store) == second


def test_resending_a_program_the_device_holds_sends_nothing(programs, store):
    first, _ = programs
    with PtySimulator(SimulatedDevice(store)) as sim:
        send_ok(sim.port, first)
        again = send_ok(sim.port, first)
    assert again.chunks == 0 and str(again.note) == "the device already holds this program; nothing was sent"
    assert (store / "journal.log").read_text().count("COMMITTED") == 1


def test_cancel_after_commit_was_sent_reports_what_the_device_holds_not_a_guess(programs, store):
    first, second = programs
    cancel = threading.Event()

    def cancel_when_committing(p):
        if p.stage == "committing":
            cancel.set()  # the user clicks Cancel just as COMMIT goes out

    def lose_committed(reply: bytes):
        return None if reply.startswith(b"COMMITTED ") else reply

    with PtySimulator(SimulatedDevice(store)) as sim:
        send_ok(sim.port, first)
        sim.faults.rewrite_reply = lose_committed
        result = send_program(sim.port, second, timeout_s=2, progress=cancel_when_committing, cancel=cancel)
    assert committed(store) == second  # too late to cancel: the device took it, and the user is told so
    assert result.sha256 == verify_seal(second) and "holds the new program" in str(result.note)


def test_device_that_disconnects_after_committing_is_reported_unknown_naming_both_programs(programs, store):
    first, second = programs
    with PtySimulator(SimulatedDevice(store)) as sim:
        send_ok(sim.port, first)

        def unplug_on_committed(reply: bytes):
            if reply.startswith(b"COMMITTED "):
                sim.cut()  # the cable is pulled as the device answers
                return None
            return reply

        sim.faults.rewrite_reply = unplug_on_committed
        with pytest.raises(DeviceLinkError) as info:
            send_program(sim.port, second, timeout_s=0.5, retries=1)
    assert isinstance(info.value, DeviceStateUnknownError), str(info.value)
    message = str(info.value)
    assert f"the new one ({verify_seal(second)}) or the previous one ({verify_seal(first)})" in message
    assert "keeps its previous program" not in message
    assert committed(store) == second
