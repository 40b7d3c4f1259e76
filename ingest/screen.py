"""Texts that are not news at all: binary data, software licences, source code, tables.

Run on every article, whichever reader or route it came by (files, JSON, stdin, POST /articles), before
cleaning: such a text would otherwise be parsed and its words stored as actors ("NONINFRINGEMENT").
"""

from __future__ import annotations

import re

# Share of control characters above which a text is taken for binary data (the file reader's bound too).
MAX_CONTROL_SHARE = 0.05
ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")

# Sentences every copy of the common licences carries, whatever the project's name in it.
LICENCE_PHRASES = re.compile(
    r"permission is hereby granted, free of charge|the software is provided \"?as is\"?"
    r"|redistribution and use in source and binary forms|gnu (lesser |affero )?general public license"
    r"|licensed under the apache license|mozilla public license|this program is free software"
    r"|creative commons attribution",
    re.IGNORECASE,
)
# A line of code: it ends in a brace or semicolon, or opens with a keyword of the common languages.
CODE_LINE = re.compile(
    r"[;{}]\s*$|^\s*(def |class |import |from \S+ import |#include|function |return\b|public |private |var |"
    r"let |const |if \(|for \(|while \()"
)
# A row of a table: three or more cells split by tabs or pipes, or by commas or semicolons when every cell
# is short (a sentence's clauses between its commas are longer).
TABLE_ROW = re.compile(r"^([^\t|]*[\t|]){2,}[^\t|]*$|^([^,;]{0,30}[,;]){2,}[^,;]{0,30}$")
# Shares of non-blank lines above which the text is code or a table rather than prose.
MAX_CODE_SHARE = 0.4
MAX_TABLE_SHARE = 0.6
# Fewer lines than this are too few to call a text code or a table.
MIN_LINES = 5


def control_share(text: str) -> float:
    if not text:
        return 0.0
    controls = sum(
        1 for ch in text if (ord(ch) < 32 or 0x7F <= ord(ch) < 0xA0) and ch not in ALLOWED_CONTROLS
    )
    return controls / len(text)


def not_news(text: str) -> str | None:
    """Why `text` cannot be a news article, or None when it may be one."""
    if "\x00" in text or control_share(text) > MAX_CONTROL_SHARE:
        return "binary data (NUL or other control characters), not text"
    if LICENCE_PHRASES.search(text[:20_000]):
        return "not a news article: it reads as a software or content licence"
    lines = [line for line in text.splitlines() if line.strip()]
    if len(lines) >= MIN_LINES:
        if sum(bool(CODE_LINE.search(line)) for line in lines) / len(lines) > MAX_CODE_SHARE:
            return "not a news article: it reads as source code"
        if sum(bool(TABLE_ROW.match(line)) for line in lines) / len(lines) > MAX_TABLE_SHARE:
            return "not a news article: it reads as a table of data"
    return None
