"""Bring any Pillow image mode to what an export writes: RGB or L (8 bits), transparency on white.

Used by the probe (so a file whose pixels we cannot convert is refused at import, not at export) and by prepare.
"""

from __future__ import annotations

from PIL import Image

_SIXTEEN = ("I;16", "I;16B", "I;16L", "I;16N", "I;16S", "I;16BS", "I;16LS")
_ALPHA = ("RGBA", "LA", "PA", "RGBa", "La")


def to_rgb(img: Image.Image) -> Image.Image:
    """CMYK, palette, 16-bit, 32-bit, float, grey+alpha, LAB, transparent: all to RGB (or L)."""
    if img.mode in ("RGB", "L"):
        return img
    if img.mode in _SIXTEEN:
        # 16-bit grey: keep the tones (v / 256), not Pillow's clip to 255 that turns most pixels white.
        return img.convert("I").point(lambda v: v * (1 / 256)).convert("L")
    if img.mode in ("I", "F"):
        # 32-bit integer or float samples have no fixed range: stretch what is there to 0…255.
        low, high = img.getextrema()
        if not isinstance(low, (int, float)) or high <= low:
            return img.convert("L")
        scale = 255 / (high - low)
        return img.convert("F").point(lambda v: (v - low) * scale).convert("L")
    if img.mode == "P" and "transparency" in img.info:
        img = img.convert("RGBA")
    if img.mode in _ALPHA:
        if img.mode == "La":
            img = img.convert("LA") if _can(img, "LA") else img.convert("RGBa")
        rgba = img.convert("RGBA")
        background = Image.new("RGB", rgba.size, (255, 255, 255))
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return img.convert("RGB")


def _can(img: Image.Image, mode: str) -> bool:
    try:
        Image.new(img.mode, (1, 1)).convert(mode)
    except ValueError:
        return False
    return True
