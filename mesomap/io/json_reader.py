"""Reading mesomap's JSON files with errors that name the file and the field.

``read_file_bytes`` and ``parse_json_bytes`` turn a path into parsed JSON or
one clear line (missing, a folder, a device or pipe, too large, not UTF-8, not JSON);
``JsonReader(source).number(d, "depth_mm", "zones[2].params")`` returns a
float or raises ``error_type`` with ``"<source>: zones[2].params.depth_mm: …"``.
"""

from __future__ import annotations

import json
import math
import os
import re
import stat
from pathlib import Path

#: Whole numbers beyond this are refused (no value in mesomap's files comes near it).
MAX_INT = 10**15
#: A UTF-16 surrogate standing alone (a ``\\ud800`` escape in JSON, an undecodable byte in a command line):
#: not a character, so it can be neither shown nor written as UTF-8.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def lone_surrogate(text: str) -> int | None:
    """The index of the first lone UTF-16 surrogate in ``text`` (not a character: cannot be written as UTF-8), else None."""
    found = _LONE_SURROGATE.search(text)
    return None if found is None else found.start()


class NonFinite:
    """Stands in for a NaN/Infinity literal so the field that holds it can be named."""

    def __init__(self, name: str):
        self.name = name


class JsonReader:
    """Typed field access that names the field path in every error."""

    def __init__(self, source: str, error_type: type[Exception] = ValueError):
        self.source = source
        self.error_type = error_type

    def fail(self, where: str, message: str):
        raise self.error_type(f"{self.source}: {where}: {message}")

    def schema(self, data: dict, expected: str, what: str) -> None:
        """Refuse a file whose ``@schema`` is not ``expected`` ("family/version"): a newer version of the
        same family is named as such, anything else as "not a {what}"."""
        schema = data.get("@schema")
        if schema == expected:
            return
        family = expected.rpartition("/")[0] + "/"
        if isinstance(schema, str) and schema.startswith(family):
            self.fail("@schema", f"version {schema.rpartition('/')[2]!r} is newer than this mesomap understands"[:200])
        self.fail("@schema", f"this is not a {what} (expected {expected!r}, found {schema!r})"[:200])

    def obj(self, value, where: str) -> dict:
        if not isinstance(value, dict):
            self.fail(where, f"expected an object, found {type(value).__name__}")
        return value

    def lst(self, value, where: str) -> list:
        if not isinstance(value, list):
            self.fail(where, f"expected a list, found {type(value).__name__}")
        return value

    def text(self, d: dict, key: str, where: str, default: str | None = None, max_len: int = 1_000_000) -> str:
        value = d.get(key, default)
        if value is None and default is None and key not in d:
            self.fail(f"{where}.{key}", "is missing")
        if not isinstance(value, str):
            self.fail(f"{where}.{key}", f"expected text, found {type(value).__name__}")
        if len(value) > max_len:
            self.fail(f"{where}.{key}", f"is longer than {max_len} characters")
        bad = lone_surrogate(value)
        if bad is not None:
            self.fail(f"{where}.{key}", f"character {bad + 1} is a lone UTF-16 surrogate ({ord(value[bad]):#06x} escape), "
                                        "not a character; fix the text where it was written")
        return value

    def number(self, d: dict, key: str, where: str, default: float | None = None) -> float:
        value = d.get(key, default)
        if value is None:
            self.fail(f"{where}.{key}", "is missing")
        if isinstance(value, NonFinite):
            self.fail(f"{where}.{key}", f"{value.name} is not a finite number")
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.fail(f"{where}.{key}", f"expected a number, found {type(value).__name__}")
        if isinstance(value, int) and abs(value) > MAX_INT:
            self.fail(f"{where}.{key}", "is an absurdly large number")
        if isinstance(value, float) and not math.isfinite(value):
            self.fail(f"{where}.{key}", f"{value} is not a finite number")
        return float(value)

    def choice(self, d: dict, key: str, where: str, options, default: str) -> str:
        value = self.text(d, key, where, default)
        if value not in options:
            self.fail(f"{where}.{key}", f"{value!r} is not one of {', '.join(options)}"[:200])
        return value

    def new_id(self, d: dict, where: str, seen: set[str]) -> str:
        """The entry's ``id``, refused if an earlier entry of the same list used it."""
        value = self.text(d, "id", where, max_len=100)
        if value in seen:
            self.fail(f"{where}.id", f"{value!r} is used twice")
        seen.add(value)
        return value

    def integer(self, d: dict, key: str, where: str, default: int | None = None) -> int:
        value = d.get(key, default)
        if value is None:
            self.fail(f"{where}.{key}", "is missing")
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(f"{where}.{key}", f"expected a whole number, found {type(value).__name__}")
        if abs(value) > MAX_INT:
            self.fail(f"{where}.{key}", "is an absurdly large number")
        return value


def file_size_text(max_bytes: int) -> str:
    """``max_bytes`` for a message: "50 MB", "500 kB"."""
    return f"{max_bytes / 1_000_000:g} MB" if max_bytes >= 1_000_000 else f"{max_bytes / 1000:g} kB"


def check_regular_file(path, max_bytes: int, error: type[Exception], what: str, name: str | None = None) -> os.stat_result:
    """``path``'s stat when it is a regular file of at most ``max_bytes`` bytes, else ``error`` with one line.

    Nothing is opened: a FIFO, a device (``/dev/zero``), a socket or a folder
    is refused by its type, so no read can block or run forever.
    """
    path = Path(path)
    name = path.name if name is None else name
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise error(f"{path}: no such file") from None
    except OSError as err:
        raise error(f"{name}: cannot read it ({err.strerror or err})") from None
    if stat.S_ISDIR(st.st_mode):
        raise error(f"{path}: is a folder, not a {what}")
    if not stat.S_ISREG(st.st_mode):
        raise error(f"{path}: is a device, pipe or socket, not a regular file; not a {what}")
    if st.st_size > max_bytes:
        raise error(f"{name}: larger than {file_size_text(max_bytes)}; not a {what}")
    return st


def read_file_bytes(path, max_bytes: int, error: type[Exception], what: str, name: str | None = None) -> bytes:
    """The bytes of the file at ``path``, or ``error`` with one line naming the file and what is wrong.

    Missing, a folder, a device/pipe/socket, unreadable, or larger than
    ``max_bytes`` (then "not a {what}"): refused before anything is read, and
    at most ``max_bytes + 1`` bytes are ever read (a file growing meanwhile is
    refused too). ``name`` is how the file is named in the message (default:
    its file name; a missing file is named by the path given).
    """
    path = Path(path)
    name = path.name if name is None else name
    check_regular_file(path, max_bytes, error, what, name)
    try:
        # O_NONBLOCK: should the path be swapped for a FIFO after the check, opening it cannot block.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise error(f"{path}: no such file") from None
    except OSError as err:
        raise error(f"{name}: cannot read it ({err.strerror or err})") from None
    with os.fdopen(fd, "rb") as fh:
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise error(f"{name}: is a device, pipe or socket, not a regular file; not a {what}")
            raw = fh.read(max_bytes + 1)
        except OSError as err:
            raise error(f"{name}: cannot read it ({err.strerror or err})") from None
    if len(raw) > max_bytes:
        raise error(f"{name}: larger than {file_size_text(max_bytes)}; not a {what}")
    return raw


def parse_json_bytes(raw: bytes, name: str, error: type[Exception], what: str):
    """``raw`` (UTF-8, a BOM allowed) parsed as JSON, NaN/Infinity kept as :class:`NonFinite` so a field can name them.

    Not UTF-8, not JSON (with line and column) or nested too deeply: ``error``
    with one line naming ``name``.
    """
    try:
        return json.loads(raw.decode("utf-8-sig"), parse_constant=NonFinite)
    except UnicodeDecodeError:
        raise error(f"{name}: not a text file (not UTF-8)") from None
    except json.JSONDecodeError as err:
        raise error(f"{name}: not valid JSON (line {err.lineno}, column {err.colno}: {err.msg})") from None
    except RecursionError:
        raise error(f"{name}: nested too deeply to be a {what}") from None
