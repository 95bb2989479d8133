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

from mesomap.model.messages import Kind, Message

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


#: What a file was meant to be, as callers name it ("plan file"), each a message of its own.
FILE_KINDS = {what: Kind(f"file_kind_{what.replace(' ', '_')}", severity="info") for what in (
    "plan file", "markups file", "device program", "device profile", "sidecar", "mesh file",
    "mesomap device program", "mesomap device profile", "lesson file")}

# a field of a file: "<file>: <field>: <problem>"
FIELD_PROBLEM = Kind("field_problem", "file", "field", "problem")
FIELD_MISSING = Kind("field_missing")
EXPECTED_OBJECT = Kind("expected_object", "found")
EXPECTED_LIST = Kind("expected_list", "found")
EXPECTED_TEXT = Kind("expected_text", "found")
EXPECTED_THREE_NUMBERS = Kind("expected_3_numbers")  # a position or normal [x, y, z]
EXPECTED_NUMBER = Kind("expected_number", "found")
EXPECTED_WHOLE_NUMBER = Kind("expected_whole_number", "found")
TEXT_TOO_LONG = Kind("text_too_long", "max_chars")
LONE_SURROGATE = Kind("lone_surrogate", "position", "code_point")
NOT_FINITE = Kind("not_finite", "value")
ABSURD_NUMBER = Kind("absurd_number")
NOT_ONE_OF = Kind("not_one_of", "value", "options")
ID_USED_TWICE = Kind("id_used_twice", "value")
SCHEMA_NEWER = Kind("schema_newer", "version")
SCHEMA_OTHER = Kind("schema_other", "what", "expected", "found")
# a whole file: "<file>: <problem>"
FILE_MISSING = Kind("file_missing", "file")
FILE_UNREADABLE = Kind("file_unreadable", "file", "reason")
FILE_IS_FOLDER = Kind("file_is_folder", "file", "what")
FILE_NOT_REGULAR = Kind("file_not_regular", "file", "what")
FILE_TOO_LARGE = Kind("file_too_large", "file", "size", "what")
FILE_NOT_UTF8 = Kind("file_not_utf8", "file")
FILE_NOT_JSON = Kind("file_not_json", "file", "line", "column", "reason")
FILE_TOO_DEEP = Kind("file_too_deep", "file", "what")

#: A value quoted in a message is cut to this many characters (a megabyte string is not a message).
QUOTED_CHARS = 160


def file_kind(what: str) -> Message:
    """What a file was meant to be (a key of :data:`FILE_KINDS`, e.g. "plan file") as a message."""
    return FILE_KINDS[what]()


def quoted(value) -> str:
    """``repr(value)`` cut to :data:`QUOTED_CHARS` characters, for a message that quotes what a file holds."""
    text = repr(value)
    return text if len(text) <= QUOTED_CHARS else text[:QUOTED_CHARS - 1] + "…"


class JsonReader:
    """Typed field access that names the field path in every error."""

    def __init__(self, source: str, error_type: type[Exception] = ValueError):
        self.source = source
        self.error_type = error_type

    def fail(self, where: str, problem: Message | str):
        """Raise ``error_type`` with "<source>: <where>: <problem>" as a Message (``problem`` should be a Message;
        a str is accepted from readers not converted yet)."""
        raise self.error_type(FIELD_PROBLEM(file=self.source, field=where, problem=problem))

    def schema(self, data: dict, expected: str, what: str) -> None:
        """Refuse a file whose ``@schema`` is not ``expected`` ("family/version"): a newer version of the
        same family is named as such, anything else as "not a {what}"."""
        schema = data.get("@schema")
        if schema == expected:
            return
        family = expected.rpartition("/")[0] + "/"
        if isinstance(schema, str) and schema.startswith(family):
            self.fail("@schema", SCHEMA_NEWER(version=quoted(schema.rpartition("/")[2])))
        self.fail("@schema", SCHEMA_OTHER(what=file_kind(what), expected=quoted(expected), found=quoted(schema)))

    def obj(self, value, where: str) -> dict:
        if not isinstance(value, dict):
            self.fail(where, EXPECTED_OBJECT(found=type(value).__name__))
        return value

    def lst(self, value, where: str) -> list:
        if not isinstance(value, list):
            self.fail(where, EXPECTED_LIST(found=type(value).__name__))
        return value

    def text(self, d: dict, key: str, where: str, default: str | None = None, max_len: int = 1_000_000) -> str:
        value = d.get(key, default)
        if value is None and default is None and key not in d:
            self.fail(f"{where}.{key}", FIELD_MISSING())
        if not isinstance(value, str):
            self.fail(f"{where}.{key}", EXPECTED_TEXT(found=type(value).__name__))
        if len(value) > max_len:
            self.fail(f"{where}.{key}", TEXT_TOO_LONG(max_chars=max_len))
        bad = lone_surrogate(value)
        if bad is not None:
            self.fail(f"{where}.{key}", LONE_SURROGATE(position=bad + 1, code_point=ord(value[bad])))
        return value

    def number(self, d: dict, key: str, where: str, default: float | None = None) -> float:
        value = d.get(key, default)
        if value is None:
            self.fail(f"{where}.{key}", FIELD_MISSING())
        if isinstance(value, NonFinite):
            self.fail(f"{where}.{key}", NOT_FINITE(value=value.name))
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.fail(f"{where}.{key}", EXPECTED_NUMBER(found=type(value).__name__))
        if isinstance(value, int) and abs(value) > MAX_INT:
            self.fail(f"{where}.{key}", ABSURD_NUMBER())
        if isinstance(value, float) and not math.isfinite(value):
            self.fail(f"{where}.{key}", NOT_FINITE(value=str(value)))
        return float(value)

    def choice(self, d: dict, key: str, where: str, options, default: str) -> str:
        value = self.text(d, key, where, default)
        if value not in options:
            self.fail(f"{where}.{key}", NOT_ONE_OF(value=quoted(value), options=", ".join(options)))
        return value

    def new_id(self, d: dict, where: str, seen: set[str]) -> str:
        """The entry's ``id``, refused if an earlier entry of the same list used it."""
        value = self.text(d, "id", where, max_len=100)
        if value in seen:
            self.fail(f"{where}.id", ID_USED_TWICE(value=quoted(value)))
        seen.add(value)
        return value

    def integer(self, d: dict, key: str, where: str, default: int | None = None) -> int:
        value = d.get(key, default)
        if value is None:
            self.fail(f"{where}.{key}", FIELD_MISSING())
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(f"{where}.{key}", EXPECTED_WHOLE_NUMBER(found=type(value).__name__))
        if abs(value) > MAX_INT:
            self.fail(f"{where}.{key}", ABSURD_NUMBER())
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
        raise error(FILE_MISSING(file=str(path))) from None
    except OSError as err:
        raise error(FILE_UNREADABLE(file=name, reason=str(err.strerror or err))) from None
    if stat.S_ISDIR(st.st_mode):
        raise error(FILE_IS_FOLDER(file=str(path), what=file_kind(what)))
    if not stat.S_ISREG(st.st_mode):
        raise error(FILE_NOT_REGULAR(file=str(path), what=file_kind(what)))
    if st.st_size > max_bytes:
        raise error(FILE_TOO_LARGE(file=name, size=file_size_text(max_bytes), what=file_kind(what)))
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
        raise error(FILE_MISSING(file=str(path))) from None
    except OSError as err:
        raise error(FILE_UNREADABLE(file=name, reason=str(err.strerror or err))) from None
    with os.fdopen(fd, "rb") as fh:
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise error(FILE_NOT_REGULAR(file=name, what=file_kind(what)))
            raw = fh.read(max_bytes + 1)
        except OSError as err:
            raise error(FILE_UNREADABLE(file=name, reason=str(err.strerror or err))) from None
    if len(raw) > max_bytes:
        raise error(FILE_TOO_LARGE(file=name, size=file_size_text(max_bytes), what=file_kind(what)))
    return raw


def parse_json_bytes(raw: bytes, name: str, error: type[Exception], what: str):
    """``raw`` (UTF-8, a BOM allowed) parsed as JSON, NaN/Infinity kept as :class:`NonFinite` so a field can name them.

    Not UTF-8, not JSON (with line and column) or nested too deeply: ``error``
    with one line naming ``name``.
    """
    try:
        return json.loads(raw.decode("utf-8-sig"), parse_constant=NonFinite)
    except UnicodeDecodeError:
        raise error(FILE_NOT_UTF8(file=name)) from None
    except json.JSONDecodeError as err:
        raise error(FILE_NOT_JSON(file=name, line=err.lineno, column=err.colno, reason=err.msg)) from None
    except RecursionError:
        raise error(FILE_TOO_DEEP(file=name, what=file_kind(what))) from None
