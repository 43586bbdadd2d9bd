"""A municipality's own NL Design System theme for the widgets: the custom properties (design
tokens) of its theme file, pasted by an editor, kept to safe names and values.

A theme file is CSS like `.gemeente-theme { --utrecht-document-color: #1a1a1a; ... }`. Only the
declarations of custom properties are kept (whatever the selector), and only values made of
plain CSS words, numbers, colours and var()/calc(): no url(), no escapes, no at-rules, so a
pasted file cannot load anything or break out of the rule it is written into."""

from __future__ import annotations

import re

MAX_LENGTH = 200_000
COMMENT = re.compile(r"/\*.*?\*/", re.S)
DECLARATION = re.compile(r"(--[A-Za-z0-9_-]+)\s*:\s*([^;{}]*)")
NAME = re.compile(r"^--[a-z][a-z0-9-]{0,120}$")
VALUE = re.compile(r"""^[A-Za-z0-9#%.,()'" /*+_-]{1,300}$""")
FORBIDDEN = re.compile(r"url\(|image\(|image-set\(|expression|@|\\|<", re.I)


def parse_tokens(text: str) -> tuple[dict[str, str], list[str]]:
    """The safe custom properties of `text` (name -> value, the last one wins) and the names of
    the declarations that were left out."""
    tokens: dict[str, str] = {}
    refused: list[str] = []
    for name, value in DECLARATION.findall(COMMENT.sub("", text or "")[:MAX_LENGTH]):
        value = " ".join(value.split())
        name = name.lower()
        if NAME.match(name) and VALUE.match(value) and not FORBIDDEN.search(value):
            tokens[name] = value
        else:
            refused.append(name)
    return tokens, refused
