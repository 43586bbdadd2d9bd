"""A figure of the dialogue report as a PNG image, for a slide or a report.

The same figure as the SVG (dialogues/figures.py): the title, a bar per row with its label,
values and percentages, and a source line. Drawn with Pillow at presentation size: 1600 pixels
wide (twice the 800 units the layout is measured in, so it stays sharp on a projector), as high
as its rows need. The font is DejaVu Sans when the system has it, otherwise the scalable font
that ships with Pillow, so the image never depends on a font a server may lack.
"""

from __future__ import annotations

import io
from functools import lru_cache

from django.utils.translation import gettext as _
from PIL import Image, ImageDraw, ImageFont

from dialogues.figures import Figure

SCALE = 2
WIDTH = 800  # layout units; the image is WIDTH * SCALE pixels wide
PAD = 40
VALUE_SPACE = 150  # right of the bars: "46 (90 %)" or "90 % eens"
BAR_HEIGHT = 22
ROW_GAP = 18
LABEL_LINES = 2

TEXT = "#1a1a1a"
MUTED = "#4d4d4d"
COLOURS = {"eens": "#154273", "neutraal": "#767676", "oneens": "#a4161a"}
FONT_FILES = {False: "DejaVuSans.ttf", True: "DejaVuSans-Bold.ttf"}


@lru_cache(maxsize=16)
def font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    try:
        return ImageFont.truetype(FONT_FILES[bold], size * SCALE)
    except OSError:
        return ImageFont.load_default(size=size * SCALE)


def wrap(text: str, face: ImageFont.FreeTypeFont, width: int, max_lines: int = 0) -> list[str]:
    """Greedy word wrap to `width` layout units; with `max_lines`, the last line ends in "…"."""
    limit = width * SCALE
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if face.getlength(candidate) <= limit or not line:
            line = candidate
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    if max_lines and len(lines) > max_lines:
        last = " ".join(lines[max_lines - 1 :])
        while last and face.getlength(last + "…") > limit:
            last = last[:-1]
        lines = [*lines[: max_lines - 1], last.rstrip() + "…"]
    return lines or [""]


class Canvas:
    """Draws in layout units on an image SCALE times as large."""

    def __init__(self, height: int):
        self.image = Image.new("RGB", (WIDTH * SCALE, height * SCALE), "white")
        self.draw = ImageDraw.Draw(self.image)

    def text(self, x: float, y: float, text: str, face, fill=TEXT, anchor="la") -> None:
        self.draw.text((x * SCALE, y * SCALE), text, font=face, fill=fill, anchor=anchor)

    def rect(self, x: float, y: float, width: float, height: float, fill: str) -> None:
        if width <= 0:
            return
        self.draw.rectangle(
            (x * SCALE, y * SCALE, (x + width) * SCALE - 1, (y + height) * SCALE - 1), fill=fill
        )


def _layout(figure: Figure, source: str):
    title_face, label_face = font(22, bold=True), font(16)
    small_face = font(14)
    inner = WIDTH - 2 * PAD
    title = wrap(figure.title, title_face, inner, max_lines=4)
    rows = [wrap(row.label, label_face, inner, max_lines=LABEL_LINES) for row in figure.rows]
    footer = wrap(source, small_face, inner, max_lines=3)
    legend = 34 if figure.kind == "support" else 0
    row_heights = [len(lines) * 22 + 6 + BAR_HEIGHT + ROW_GAP for lines in rows]
    height = PAD + len(title) * 30 + 16 + legend + sum(row_heights) + 8 + len(footer) * 20 + PAD
    return title, rows, footer, legend, height


def figure_png(figure: Figure, source: str) -> bytes:
    """The figure as PNG bytes; `source` is the line under it that says where it comes from."""
    title, rows, footer, legend, height = _layout(figure, source)
    canvas = Canvas(height)
    title_face, label_face, value_face = font(22, bold=True), font(16), font(16, bold=True)
    small_face = font(14)
    y = PAD
    for line in title:
        canvas.text(PAD, y, line, title_face)
        y += 30
    y += 16
    if legend:
        x = PAD
        for kind, word in (
            ("eens", _("eens")),
            ("neutraal", _("neutraal")),
            ("oneens", _("oneens")),
        ):
            canvas.rect(x, y + 2, 16, 16, COLOURS[kind])
            canvas.text(x + 24, y + 1, word, small_face)
            x += 24 + small_face.getlength(word) / SCALE + 32
        y += legend
    bar_space = WIDTH - 2 * PAD - VALUE_SPACE
    longest = max((row.values[0] for row in figure.rows), default=0)
    for row, lines in zip(figure.rows, rows, strict=True):
        for line in lines:
            canvas.text(PAD, y, line, label_face)
            y += 22
        y += 6
        if figure.kind == "poll":
            width = bar_space * row.values[0] / longest if longest else 0
            canvas.rect(PAD, y, max(width, 2), BAR_HEIGHT, COLOURS["eens"])
            value = f"{row.values[0]} ({row.percents[0]} %)"
            canvas.text(
                PAD + max(width, 2) + 10, y + BAR_HEIGHT / 2, value, value_face, anchor="lm"
            )
        else:
            x, total = PAD, row.total
            for value, percent, kind in zip(
                row.values, row.percents, ("eens", "neutraal", "oneens"), strict=True
            ):
                width = bar_space * value / total if total else 0
                canvas.rect(x, y, width, BAR_HEIGHT, COLOURS[kind])
                label = f"{percent} %"
                if width >= small_face.getlength(label) / SCALE + 12:
                    canvas.text(x + 6, y + BAR_HEIGHT / 2, label, small_face, "white", "lm")
                x += width
            value = _("%(percent)s %% eens") % {"percent": row.percents[0]}
            canvas.text(PAD + bar_space + 10, y + BAR_HEIGHT / 2, value, value_face, anchor="lm")
        y += BAR_HEIGHT + ROW_GAP
    y += 8
    for line in footer:
        canvas.text(PAD, y, line, small_face, MUTED)
        y += 20
    buffer = io.BytesIO()
    canvas.image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()
