"""Inputs the trust tests make themselves: leaky JPEGs, hostile PDFs; and ways to look inside an export."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from tests import factories

needs_poppler = pytest.mark.skipif(not shutil.which("pdfimages"), reason="poppler-utils not installed")


def jpeg_segments(data: bytes) -> list[int]:
    """Markers of a JPEG's header segments up to the first scan."""
    markers, pos = [], 2
    while pos + 4 <= len(data) and data[pos] == 0xFF:
        marker = data[pos + 1]
        markers.append(marker)
        if marker == 0xDA:
            break
        pos += 2 + int.from_bytes(data[pos + 2:pos + 4], "big")
    return markers


def leaky_jpeg(folder: Path) -> tuple[Path, bytes]:
    """A small edited JPEG with an EXIF thumbnail, ICC, a JFXX thumbnail and a comment, and the full original
    (with GPS) appended after its end, as some phone galleries keep it. Returns (path, the original's bytes)."""
    original = factories.photo(folder / "original.jpg", size=(640, 480), gps=True, captured="2025:08:16 17:05:00")
    edited = Image.new("RGB", (320, 240), (90, 90, 90))
    buffer = io.BytesIO()
    icc = b"\x00" * 128 + b"acsp" + b"SECRET-ICC-MAKER" * 8
    with Image.open(original) as source:
        exif = source.getexif().tobytes()
    edited.save(buffer, "JPEG", quality=85, comment=b"SECRET-COMMENT", icc_profile=icc, exif=exif)
    data = buffer.getvalue()
    jfxx = b"JFXX\x00\x13" + bytes([1, 1]) + bytes(3) + b"SECRET-JFXX-THUMB"  # extension code 0x13: RGB thumb
    app0 = b"\xff\xe0" + (len(jfxx) + 2).to_bytes(2, "big") + jfxx
    data = data[:2] + app0 + data[2:]
    original_bytes = original.read_bytes()
    path = folder / "leaky.jpg"
    path.write_bytes(data + original_bytes)
    return path, original_bytes


def extracted_images(pdf: Path, folder: Path) -> list[Path]:
    """What `pdfimages -all` gives back: the embedded images as files."""
    folder.mkdir(exist_ok=True)
    subprocess.run(["pdfimages", "-all", str(pdf), str(folder / "img")], check=True)
    return sorted(folder.iterdir())
