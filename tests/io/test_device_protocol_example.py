"""The example transfer of ``docs/device-protocol.md`` (section 3.8) is real: replayed byte for byte.

``docs/device-protocol-example.txt`` holds the host's lines (``> ``) and the device's
replies (``< ``); ``docs/device-protocol-example.device.json`` is the program it
carries. The tests replay the host's side on a pseudo-terminal against the
simulator and compare every reply byte for byte, recompute every checksum in it
independently (zlib's CRC-32, hashlib's SHA-256, base64), and check that the
document shows both files exactly, so the document, the vectors and the code
cannot drift apart.

To rebuild both files after a deliberate protocol change::

    PYTHONPATH=. python -m tests.io.test_device_protocol_example
"""

from __future__ import annotations

import base64
import hashlib
import re
import zlib
from dataclasses import replace
from pathlib import Path

import serial

from mesomap.io.device_program import parse_device_program, verify_seal
from mesomap.io.device_sim import PROGRAM_FILE, PtySimulator, SimulatedDevice

DOCS = Path(__file__).resolve().parents[2] / "docs"
VECTORS = DOCS / "device-protocol-example.txt"
PROGRAM = DOCS / "device-protocol-example.device.json"
DOC = DOCS / "device-protocol.md"


def exchanges(text: str) -> list[tuple[bytes, bytes]]:
    """(host line, device reply) pairs, without LFs; notes and blank lines skipped."""
    lines = [ln for ln in text.split("\n") if ln and not ln.startswith("#")]
    assert all(ln[:2] in ("> ", "< ") for ln in lines), "every line is a note, '> ' or '< '"
    pairs = []
    for host, device in zip(lines[::2], lines[1::2]):
        assert host.startswith("> ") and device.startswith("< "), (host, device)
        pairs.append((host[2:].encode("ascii"), device[2:].encode("ascii")))
    assert 2 * len(pairs) == len(lines), "every host line has exactly one reply"
    return pairs


def test_the_example_transfer_replays_byte_for_byte_against_the_simulator(tmp_path):
    pairs = exchanges(VECTORS.read_text(encoding="ascii"))
    store = tmp_path / "device"
    with PtySimulator(SimulatedDevice(store)) as sim, serial.Serial(sim.port, timeout=10) as port:
        for host, expected in pairs:
            port.write(host + b"\n")
            reply = port.readline()
            assert reply == expected + b"\n", f"after {host[:40]!r}: device said {reply!r}, vector says {expected!r}"
    assert (store / PROGRAM_FILE).read_bytes() == PROGRAM.read_bytes()  # committed: exactly the example program


def test_every_checksum_in_the_example_is_right():
    assert f"{zlib.crc32(b'123456789'):08x}" == "cbf43926"  # the CRC-32 check value the document gives
    program = PROGRAM.read_bytes()
    name = verify_seal(program)
    assert name == hashlib.sha256(program[:-90]).hexdigest() and program.endswith(f'"{name}"\n}}\n'.encode())
    assert parse_device_program(program).shots >= 1
    pairs = exchanges(VECTORS.read_text(encoding="ascii"))
    begin = [h for h, _ in pairs if h.startswith(b"BEGIN ")]
    assert begin == [f"BEGIN {len(program)} 512 {name}".encode()]
    received = {}
    for host, reply in pairs:
        if host.startswith(b"CHUNK ") and reply.startswith(b"ACK "):
            _, index, crc, payload = host.decode().split(" ")
            piece = base64.b64decode(payload, validate=True)
            assert crc == f"{zlib.crc32(piece):08x}" and reply == f"ACK {index} {crc}".encode()
            assert received.setdefault(int(index), piece) == piece
        if host.startswith(b"CHUNK ") and reply.endswith(b"BAD-CRC"):
            _, index, crc, payload = host.decode().split(" ")
            assert crc != f"{zlib.crc32(base64.b64decode(payload)):08x}"  # really damaged
        if host.startswith(b"COMMIT "):
            assert host == f"COMMIT {name}".encode() and reply == f"COMMITTED {name}".encode()
    assert b"".join(received[i] for i in sorted(received)) == program
    assert sorted(received) == list(range(-(-len(program) // 512)))


def fenced_after(doc: str, marker: str) -> str:
    """The text of the first fenced block after ``marker`` in the document."""
    start = doc.index(marker)
    m = re.compile(r"```[a-z]*\n(.*?)```", re.S).search(doc, start)
    return m.group(1)


def test_the_document_shows_the_example_files_exactly():
    doc = DOC.read_text(encoding="utf-8")
    assert fenced_after(doc, "<!-- example-transfer: docs/device-protocol-example.txt -->") == \
        VECTORS.read_text(encoding="ascii")
    assert fenced_after(doc, "<!-- example-program: docs/device-protocol-example.device.json -->") == \
        PROGRAM.read_text(encoding="utf-8")


# -- rebuilding the example ------------------------------------------------------------------------------

def build_program() -> bytes:
    """A small real program: the left knee's first three shots from the device tests' plan (generic device)."""
    from mesomap.io.device_program import build_device_program, encode_program
    from tests.io.test_device_helpers import gridded_plan, profile, surface

    _, doc, _ = build_device_program(gridded_plan(), surface(), profile())
    knee = doc.programs[0]
    knee = replace(knee, points=knee.points[:3])
    doc = replace(doc, programs=(knee,), patient_ref="AB-042", date="2026-11-23", app="mesomap 0.1.0")
    return encode_program(doc)


def build_vectors(program: bytes, store: Path) -> str:
    from mesomap.io.device_link import crc32_hex
    from mesomap.io.device_sim import flip_payload_byte

    name = verify_seal(program)
    chunks = [program[i:i + 512] for i in range(0, len(program), 512)]
    lines = [f"CHUNK {i} {crc32_hex(c)} {base64.b64encode(c).decode()}" for i, c in enumerate(chunks)]
    script = [
        ("connect: the device answers with its id, limits and the program it holds (none yet)", "HELLO mesomap-link/1"),
        ("what does it hold, is a transfer pending?", "STATUS"),
        (f"a program of {len(program)} bytes in chunks of 512 bytes; its SHA-256 is its seal", f"BEGIN {len(program)} 512 {name}"),
        ("chunk 0: CRC-32 of its 512 bytes, then the bytes in base64", lines[0]),
        ("chunk 1 damaged on the way (one base64 character changed): the device refuses it", flip_payload_byte(lines[1].encode()).decode()),
        ("chunk 1 sent again, intact", lines[1]),
        ("chunk 1 once more (as after a lost ACK): acknowledged again, stored once", lines[1]),
        ("progress: 2 of the chunks stored", "STATUS"),
        ("a CHUNK whose index is not a number: NAK ? (the index cannot be echoed)", "CHUNK x 00000000 AAAA"),
        *[("the last chunk is shorter" if i == len(lines) - 1 else f"chunk {i}", line)
          for i, line in enumerate(lines) if i >= 2],
        ("every chunk is in: use the program if its SHA-256 and seal verify", f"COMMIT {name}"),
        ("COMMIT again (as after a lost COMMITTED): answered the same, nothing changes", f"COMMIT {name}"),
        ("the device now holds the program", "STATUS"),
        ("a new session: HELLO names the program the device holds", "HELLO mesomap-link/1"),
        ("an unknown verb", "PING"),
    ]
    device = SimulatedDevice(store)
    out = ["# mesomap-link/1 example transfer: docs/device-protocol.md, section 3.8 (replayed by the test suite).",
           "# Device: the simulator without --device (id any), empty store, at most 8000000 bytes and",
           "# 1024-byte chunks. Program: docs/device-protocol-example.device.json,",
           f"# {len(program)} bytes, program SHA-256 (its seal) {name}.",
           "# '> ' host to device, '< ' device to host: the exact line, sent with a LF (0x0A) after it.",
           "# '#' lines are notes, not sent."]
    for note, line in script:
        reply = device.handle(line.encode("ascii"))
        out += [f"# {note}", f"> {line}", f"< {reply.decode('ascii')}"]
    return "\n".join(out) + "\n"


def main() -> None:
    import tempfile

    program = build_program()
    with tempfile.TemporaryDirectory() as tmp:
        vectors = build_vectors(program, Path(tmp))
    PROGRAM.write_bytes(program)
    VECTORS.write_text(vectors, encoding="ascii")
    print(f"wrote {PROGRAM} ({len(program)} bytes) and {VECTORS}; paste both into {DOC}")


if __name__ == "__main__":
    main()
