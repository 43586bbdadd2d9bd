"""Colours for embed themes: only #rrggbb, and text must stand out (WCAG 2.2 AA, 4.5:1)."""

from __future__ import annotations

import re

HEX = re.compile(r"^#?([0-9a-fA-F]{6})$")
MIN_CONTRAST = 4.5


def parse_hex(value: str) -> str | None:
    """`value` as "#rrggbb" in lower case, or None when it is anything else."""
    match = HEX.match((value or "").strip())
    return f"#{match.group(1).lower()}" if match else None


def _luminance(colour: str) -> float:
    channels = []
    for i in (1, 3, 5):
        c = int(colour[i : i + 2], 16) / 255
        channels.append(c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4)
    r, g, b = channels
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(foreground: str, background: str) -> float:
    """The WCAG contrast ratio of two #rrggbb colours (1 to 21)."""
    a, b = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (a + 0.05) / (b + 0.05)
