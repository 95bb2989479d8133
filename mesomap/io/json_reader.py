"""Reading mesomap's JSON files with errors that name the file and the field.

``read_file_bytes`` and ``parse_json_bytes`` turn a path into parsed JSON or
one clear line (missing, a folder, too large, not UTF-8, not JSON);
``JsonReader(source).number(d, "depth_mm", "zones[2].params")`` returns a
float or raises ``error_type`` with ``"<source>: zones[2].params.depth_mm: …"``.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

#: Whole numbers beyond this are refused (no value in mesomap's files comes near it).
MAX_INT = 10**15


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


def read_file_bytes(path, max_bytes: int, error: type[Exception], what: str, name: str | None = None) -> bytes:
    """The bytes of the file at ``path``, or ``error`` with one line naming the file and what is wrong.

    Missing, a folder, unreadable, or larger than ``max_bytes`` (then "not a
    {what}"). ``name`` is how the file is named in the message (default: its
    file name; a missing file is named by the path given).
    """
    path = Path(path)
    name = path.name if name is None else name
    try:
        if path.stat().st_size > max_bytes:
            raise error(f"{name}: larger than {max_bytes / 1_000_000:g} MB; not a {what}")
        return path.read_bytes()
    except FileNotFoundError:
        raise error(f"{path}: no such file") from None
    except IsADirectoryError:
        raise error(f"{path}: is a folder, not a {what}") from None
    except OSError as err:
        raise error(f"{name}: cannot read it ({err.strerror or err})") from None


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
