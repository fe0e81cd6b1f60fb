"""Screenshots with Chinese text drawn with the bundled font, and the Reading an OCR engine would give for them
(each line's box measured from the drawn glyphs), so tests of what is done with a reading need no OCR engine."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from evidence_app.paths import resources_dir
from evidence_app.reading.types import Code, Line, Reading


def font(size: int = 36) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(resources_dir() / "fonts" / "wqy-microhei.ttc"), size)


def text_image(path: Path, lines: list[str], size=(900, 700), font_size: int = 36, left: int = 40, top: int = 40,
               gap: int = 30, codes: tuple[Code, ...] = ()) -> tuple[Path, Reading]:
    """A white PNG with `lines` drawn one under the other; returns it with its Reading."""
    img = Image.new("RGB", size, (255, 255, 255))
    draw = ImageDraw.Draw(img)
    f = font(font_size)
    read = []
    y = top
    for text in lines:
        draw.text((left, y), text, font=f, fill=(0, 0, 0))
        x0, y0, x1, y1 = draw.textbbox((left, y), text, font=f)
        read.append(Line(text, (float(x0), float(y0), float(x1), float(y1)), 0.99))
        y += font_size + gap
    img.save(path, "PNG")
    return path, Reading("test-engine 1", size[0], size[1], tuple(read), codes)


def glyph_box(text: str, start: int, end: int, left: int, top: int, font_size: int = 36) -> tuple[float, ...]:
    """Where text[start:end] was really drawn by `text_image` (for a line drawn at left, top)."""
    img = Image.new("RGB", (10, 10))
    draw = ImageDraw.Draw(img)
    f = font(font_size)
    x0 = left + draw.textlength(text[:start], font=f)
    x1 = left + draw.textlength(text[:end], font=f)
    _, y0, _, y1 = draw.textbbox((left, top), text, font=f)
    return x0, y0, x1, y1


def valid_id(first17: str = "11010519491231002") -> str:
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    return first17 + "10X98765432"[sum(int(d) * w for d, w in zip(first17, weights)) % 11]
