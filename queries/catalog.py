"""The saved queries: one `.cypher` file each, with a `//` header declaring its name and parameters.

Header lines (before the first line that is not a `//` comment):

    // name: who_backed_whom
    // description: Who supported whom, with the sentences that say so.
    // param: actor string max_length=200 -- Actor id, name or alias (either side)
    // param: min_sources int default=1 min=1 max=100 -- Only facts told by at least this many articles
    // param: type string required values=SUPPORT|ACCUSE -- Interaction type
    // example: polgraph query who_backed_whom --param actor=Atambayev

A parameter is `NAME TYPE` followed by options (`required`, `default=`, `min=`, `max=`, `max_length=`,
`values=a|b`) and ` -- ` with its description. Every parameter reaches Cypher, as null when not given.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field

QUERIES_DIR = Path(__file__).resolve().parent

ParamType = Literal["string", "int", "float", "date", "bool", "string[]"]
PARAM_TYPES: tuple[str, ...] = ("string", "int", "float", "date", "bool", "string[]")
# Parameters the HTTP API and the CLI use themselves; a query may not declare them.
RESERVED_PARAMS = frozenset({"format", "cursor"})
# Without a declared max_length a string parameter is still bounded: nothing legitimate is this long.
DEFAULT_MAX_LENGTH = 500
MAX_LIST_ITEMS = 50

_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
_HEADER_LINE = re.compile(r"^\s*//\s?(.*)$")
_KEY_VALUE = re.compile(r"^([a-z_]+):\s*(.*)$")
_TRUE = {"true", "1", "yes", "on"}
_FALSE = {"false", "0", "no", "off"}


class CatalogError(ValueError):
    """A saved query file whose header cannot be used; the message names the file."""


class ParamError(ValueError):
    """A caller's value that does not fit a declared parameter; the message names the parameter."""

    def __init__(self, param: str, message: str) -> None:
        super().__init__(f"parameter '{param}': {message}")
        self.param = param
        self.problem = message


class ParamSpec(BaseModel):
    name: str
    type: ParamType
    description: str = ""
    required: bool = False
    default: Any = None
    minimum: float | None = None
    maximum: float | None = None
    max_length: int | None = None
    allowed: list[str] | None = None

    def convert(self, raw: Any) -> Any:
        """A caller's value (a string from a URL or the CLI, or already typed) as the declared type."""
        if self.type == "string[]":
            items = _as_list(raw)
            if len(items) > MAX_LIST_ITEMS:
                raise ParamError(self.name, f"at most {MAX_LIST_ITEMS} values")
            return [self._check_string(str(item)) for item in items]
        if isinstance(raw, list):
            if len(raw) != 1:
                raise ParamError(self.name, "given more than once")
            raw = raw[0]
        if self.type == "string":
            return self._check_string(str(raw))
        if self.type == "bool":
            if isinstance(raw, bool):
                return raw
            text = str(raw).strip().lower()
            if text in _TRUE:
                return True
            if text in _FALSE:
                return False
            raise ParamError(self.name, f"expected true or false, got {_show(raw)}")
        if self.type == "date":
            if isinstance(raw, date):
                return raw
            try:
                return date.fromisoformat(str(raw).strip())
            except ValueError:
                raise ParamError(self.name, f"expected a date YYYY-MM-DD, got {_show(raw)}") from None
        number: float | int
        try:
            if self.type == "int":
                if isinstance(raw, bool) or (isinstance(raw, float) and not raw.is_integer()):
                    raise ValueError
                number = int(raw) if not isinstance(raw, str) else int(raw.strip())
            else:
                number = float(raw)
                if not math.isfinite(number):
                    raise ValueError
        except (TypeError, ValueError):
            kind = "an integer" if self.type == "int" else "a number"
            raise ParamError(self.name, f"expected {kind}, got {_show(raw)}") from None
        if self.minimum is not None and number < self.minimum:
            raise ParamError(self.name, f"must be at least {_num(self.minimum)}, got {number}")
        if self.maximum is not None and number > self.maximum:
            raise ParamError(self.name, f"must be at most {_num(self.maximum)}, got {number}")
        return number

    def _check_string(self, value: str) -> str:
        limit = self.max_length or DEFAULT_MAX_LENGTH
        if len(value) > limit:
            raise ParamError(self.name, f"longer than {limit} characters")
        if "\x00" in value:
            raise ParamError(self.name, "contains a NUL character")
        if self.allowed is not None:
            match = {a.lower(): a for a in self.allowed}.get(value.strip().lower())
            if match is None:
                raise ParamError(self.name, f"must be one of {', '.join(self.allowed)}; got {_show(value)}")
            return match
        return value

    def json_schema(self) -> dict[str, Any]:
        """The parameter as JSON Schema, for GET /queries and the OpenAPI document."""
        schema: dict[str, Any]
        if self.type == "string[]":
            item: dict[str, Any] = {"type": "string", "maxLength": self.max_length or DEFAULT_MAX_LENGTH}
            if self.allowed:
                item["enum"] = self.allowed
            schema = {"type": "array", "items": item, "maxItems": MAX_LIST_ITEMS}
        elif self.type == "string":
            schema = {"type": "string", "maxLength": self.max_length or DEFAULT_MAX_LENGTH}
            if self.allowed:
                schema["enum"] = self.allowed
        elif self.type == "date":
            schema = {"type": "string", "format": "date"}
        elif self.type == "bool":
            schema = {"type": "boolean"}
        else:
            schema = {"type": "integer" if self.type == "int" else "number"}
            if self.minimum is not None:
                schema["minimum"] = _num(self.minimum)
            if self.maximum is not None:
                schema["maximum"] = _num(self.maximum)
        if self.default is not None:
            schema["default"] = self.default.isoformat() if isinstance(self.default, date) else self.default
        if self.description:
            schema["description"] = self.description
        return schema


class SavedQuery(BaseModel):
    name: str
    description: str
    params: list[ParamSpec] = Field(default_factory=list)
    example: str = ""
    cypher: str
    path: Path

    def param(self, name: str) -> ParamSpec | None:
        return next((p for p in self.params if p.name == name), None)

    def bind(self, given: Mapping[str, Any]) -> dict[str, Any]:
        """Checked, typed Cypher parameters: every declared one present (null when absent and no default)."""
        unknown = sorted(set(given) - {p.name for p in self.params})
        if unknown:
            names = ", ".join(p.name for p in self.params) or "none"
            raise ParamError(unknown[0], f"unknown to query '{self.name}' (parameters: {names})")
        bound: dict[str, Any] = {}
        for spec in self.params:
            raw = given.get(spec.name)
            if raw is None or raw == "" or raw == []:
                if spec.required:
                    raise ParamError(spec.name, f"required by query '{self.name}'")
                bound[spec.name] = spec.default
            else:
                bound[spec.name] = spec.convert(raw)
        return bound

    def json_schema(self) -> dict[str, Any]:
        return {
            "type": "object",
            "properties": {p.name: p.json_schema() for p in self.params},
            "required": [p.name for p in self.params if p.required],
            "additionalProperties": False,
        }


def _as_list(raw: Any) -> list[Any]:
    if isinstance(raw, str):
        return [part.strip() for part in raw.split(",") if part.strip()]
    if isinstance(raw, Sequence):
        out: list[Any] = []
        for item in raw:
            out.extend(_as_list(item) if isinstance(item, str) else [item])
        return out
    return [raw]


def _show(raw: Any) -> str:
    text = repr(raw)
    return text if len(text) <= 40 else text[:37] + "..."


def _num(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


def _parse_param(line: str, where: str) -> ParamSpec:
    body, _, description = line.partition(" -- ")
    tokens = body.split()
    if len(tokens) < 2:
        raise CatalogError(f"{where}: 'param:' needs a name and a type, got {line!r}")
    name, ptype, *options = tokens
    if not _NAME.match(name):
        raise CatalogError(f"{where}: bad parameter name {name!r}")
    if name in RESERVED_PARAMS:
        raise CatalogError(f"{where}: parameter name {name!r} is reserved")
    if ptype not in PARAM_TYPES:
        raise CatalogError(
            f"{where}: parameter {name!r} has unknown type {ptype!r} ({', '.join(PARAM_TYPES)})"
        )
    fields: dict[str, Any] = {"name": name, "type": ptype, "description": description.strip()}
    raw_default: str | None = None
    for option in options:
        key, eq, value = option.partition("=")
        if key == "required" and not eq:
            fields["required"] = True
        elif key == "optional" and not eq:
            fields["required"] = False
        elif key == "default" and eq:
            raw_default = value
        elif key in ("min", "max") and eq:
            if ptype not in ("int", "float"):
                raise CatalogError(f"{where}: parameter {name!r}: {key}= applies to numbers only")
            try:
                fields["minimum" if key == "min" else "maximum"] = float(value)
            except ValueError:
                raise CatalogError(f"{where}: parameter {name!r}: {key}={value!r} is not a number") from None
        elif key == "max_length" and eq:
            if ptype not in ("string", "string[]") or not value.isdigit() or int(value) < 1:
                raise CatalogError(f"{where}: parameter {name!r}: bad max_length={value!r}")
            fields["max_length"] = int(value)
        elif key == "values" and eq:
            if ptype not in ("string", "string[]"):
                raise CatalogError(f"{where}: parameter {name!r}: values= applies to strings only")
            fields["allowed"] = [v for v in value.split("|") if v]
        else:
            raise CatalogError(f"{where}: parameter {name!r}: unknown option {option!r}")
    spec = ParamSpec(**fields)
    if raw_default is not None:
        try:
            spec.default = spec.convert(raw_default)
        except ParamError as exc:
            raise CatalogError(f"{where}: default of {exc}") from None
    if spec.required and spec.default is not None:
        raise CatalogError(f"{where}: parameter {name!r} is required and has a default")
    if ptype in ("int", "float") and (spec.minimum is None or spec.maximum is None):
        raise CatalogError(f"{where}: numeric parameter {name!r} needs min= and max=")
    return spec


def parse_query_file(path: Path) -> SavedQuery:
    """Read one saved query; any defect in its header raises CatalogError naming the file."""
    text = path.read_text(encoding="utf-8")
    header: dict[str, str] = {}
    params: list[ParamSpec] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        comment = _HEADER_LINE.match(line)
        if comment is None:
            break
        content = comment.group(1).strip()
        kv = _KEY_VALUE.match(content)
        if kv is None:
            continue  # free prose between declarations
        key, value = kv.group(1), kv.group(2).strip()
        where = f"{path.name}:{number}"
        if key == "param":
            spec = _parse_param(value, where)
            if any(p.name == spec.name for p in params):
                raise CatalogError(f"{where}: parameter {spec.name!r} declared twice")
            params.append(spec)
        elif key in ("name", "description", "example"):
            if key in header:
                raise CatalogError(f"{where}: '{key}:' declared twice")
            header[key] = value
    for key in ("name", "description", "example"):
        if not header.get(key):
            raise CatalogError(f"{path.name}: header has no '{key}:' line")
    if header["name"] != path.stem:
        raise CatalogError(f"{path.name}: declares name {header['name']!r}, the file is {path.stem!r}")
    if not _NAME.match(header["name"]):
        raise CatalogError(f"{path.name}: bad query name {header['name']!r}")
    for spec in params:
        if f"${spec.name}" not in text:
            raise CatalogError(f"{path.name}: parameter {spec.name!r} is declared but never used")
    return SavedQuery(
        name=header["name"],
        description=header["description"],
        params=params,
        example=header["example"],
        cypher=text,
        path=path,
    )


def load_catalog(folder: Path = QUERIES_DIR) -> dict[str, SavedQuery]:
    """Every saved query of `folder`, by name, sorted."""
    queries = [parse_query_file(path) for path in sorted(folder.glob("*.cypher"))]
    return {q.name: q for q in queries}


@lru_cache(maxsize=1)
def default_catalog() -> dict[str, SavedQuery]:
    return load_catalog(QUERIES_DIR)
