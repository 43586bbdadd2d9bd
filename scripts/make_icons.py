"""Draw the platform's mark (three connected houses) as SVG, PNG and ICO files in static/.

Run it after changing the shapes: `.venv/bin/python scripts/make_icons.py`. The SVG files are
the source for browsers that read them; the PNG and ICO files are the same shapes, for browsers
and home screens that want a bitmap.
"""

from pathlib import Path

from PIL import Image, ImageDraw

STATIC = Path(__file__).resolve().parent.parent / "static"
BLUE = "#154273"  # --kp-color-primary
WHITE = "#ffffff"
YELLOW = "#ffbf47"  # --kp-color-focus
SIZE = 64
# Three houses side by side, the middle one taller, standing on one line: people in a
# neighbourhood, connected.
HOUSES = [
    [(7, 33), (16, 24), (25, 33), (25, 50), (7, 50)],
    [(39, 33), (48, 24), (57, 33), (57, 50), (39, 50)],
    [(21, 29), (32, 16), (43, 29), (43, 50), (21, 50)],  # last: drawn over the others
]
LINE = (7, 53, 57, 57)  # x1, y1, x2, y2


def points(polygon) -> str:
    return " ".join(f"{x},{y}" for x, y in polygon)


def mark_svg(title: str | None) -> str:
    shapes = "".join(
        f'<polygon points="{points(house)}" fill="{WHITE}" stroke="{BLUE}" stroke-width="2"/>'
        for house in HOUSES
    )
    x1, y1, x2, y2 = LINE
    labelled = f' role="img" aria-labelledby="t"><title id="t">{title}</title>' if title else ">"
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {SIZE} {SIZE}" '
        f'width="{SIZE}" height="{SIZE}"{labelled}'
        f'<rect width="{SIZE}" height="{SIZE}" rx="12" fill="{BLUE}"/>{shapes}'
        f'<rect x="{x1}" y="{y1}" width="{x2 - x1}" height="{y2 - y1}" rx="2" fill="{YELLOW}"/>'
        "</svg>\n"
    )


def wordmark_svg() -> str:
    """The mark with the name beside it, for pages and documents about the platform."""
    inner = mark_svg(None).split(">", 1)[1].rsplit("</svg>", 1)[0]
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 64" width="320" height="64" '
        'role="img" aria-labelledby="t"><title id="t">Kennisplatform Wijkaanpak</title>'
        f"<g>{inner}</g>"
        f'<text x="76" y="28" font-family="Segoe UI, Roboto, Helvetica, Arial, sans-serif" '
        f'font-size="20" font-weight="700" fill="{BLUE}">Kennisplatform</text>'
        f'<text x="76" y="52" font-family="Segoe UI, Roboto, Helvetica, Arial, sans-serif" '
        f'font-size="20" fill="{BLUE}">Wijkaanpak</text>'
        "</svg>\n"
    )


def bitmap(size: int) -> Image.Image:
    scale = 8  # draw large, then shrink: smooth edges without an SVG renderer
    big = SIZE * scale
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((0, 0, big - 1, big - 1), radius=12 * scale, fill=BLUE)
    for house in HOUSES:
        draw.polygon(
            [(x * scale, y * scale) for x, y in house], fill=WHITE, outline=BLUE, width=2 * scale
        )
    x1, y1, x2, y2 = LINE
    draw.rounded_rectangle(
        (x1 * scale, y1 * scale, x2 * scale, y2 * scale), radius=2 * scale, fill=YELLOW
    )
    return image.resize((size, size), Image.LANCZOS)


def main() -> None:
    (STATIC / "img").mkdir(exist_ok=True)
    (STATIC / "favicon.svg").write_text(mark_svg(None), encoding="utf-8")
    (STATIC / "img" / "logo-mark.svg").write_text(mark_svg(None), encoding="utf-8")
    (STATIC / "img" / "logo.svg").write_text(wordmark_svg(), encoding="utf-8")
    bitmap(180).save(STATIC / "apple-touch-icon.png", optimize=True)
    bitmap(192).save(STATIC / "img" / "icon-192.png", optimize=True)
    bitmap(32).save(STATIC / "favicon-32.png", optimize=True)
    bitmap(256).save(STATIC / "favicon.ico", sizes=[(16, 16), (32, 32), (48, 48)])


if __name__ == "__main__":
    main()
