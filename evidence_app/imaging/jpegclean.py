"""Rebuild a JPEG from its primary image only: the tables and scans between SOI and the first EOI, nothing else.

A phone gallery may keep the unredacted original (with GPS) after the end of the image, an APP0 JFXX or APP1 EXIF
segment carries a thumbnail, APP2 an ICC profile with the maker's names, COM any text. Dropping segments one by one
misses what we do not know of; this keeps only what a decoder needs and drops everything else.
"""

from __future__ import annotations

# Segments a decoder needs: frame headers (SOF0-15 except DHT/JPG/DAC), Huffman and arithmetic tables,
# quantisation tables, restart interval, number of lines, and Adobe APP14 (its colour-transform flag decides
# how CMYK/RGB data is read; it holds no private data: version, two flag words, transform).
_KEEP = {0xC4, 0xCC, 0xDB, 0xDD, 0xDC} | {m for m in range(0xC0, 0xD0) if m not in (0xC4, 0xC8, 0xCC)}
_SOS, _EOI, _APP0, _APP14 = 0xDA, 0xD9, 0xE0, 0xEE
MINIMAL_JFIF = b"\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"  # v1.1, aspect 1:1, no thumbnail


class NotJpeg(ValueError):
    """The data is not a JPEG we can rebuild (the caller re-encodes instead)."""


def _scan_end(data: bytes, pos: int) -> int:
    """Position of the marker that ends the entropy-coded data starting at `pos` (FF00 stuffing and RSTn
    markers belong to the data)."""
    end = len(data)
    while True:
        pos = data.find(b"\xff", pos)
        if pos < 0 or pos + 1 >= end:
            raise NotJpeg("the image data has no end")
        following = data[pos + 1]
        if following == 0x00 or 0xD0 <= following <= 0xD7 or following == 0xFF:
            pos += 1 if following == 0xFF else 2
            continue
        return pos


def rebuild_jpeg(data: bytes, jfif: bool | None = None, keep_adobe: bool = True) -> bytes:
    """The primary image of `data` with only what decoding needs. `jfif`: write a minimal JFIF APP0 (None: only
    when the source had one, since JFIF tells a decoder the components are YCbCr). `keep_adobe=False` refuses
    (NotJpeg) a file whose Adobe segment we would need, so the caller re-encodes it."""
    if data[:2] != b"\xff\xd8":
        raise NotJpeg("not a JPEG")
    out = bytearray(b"\xff\xd8")
    had_jfif = False
    body = bytearray()
    pos = 2
    seen_frame = seen_scan = False
    while True:
        if pos + 2 > len(data):
            raise NotJpeg("the image ends early")
        if data[pos] != 0xFF:
            raise NotJpeg("bad JPEG marker")
        marker = data[pos + 1]
        if marker == 0xFF:  # fill bytes before a marker
            pos += 1
            continue
        if marker == _EOI:
            break
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:
            pos += 2
            continue
        if pos + 4 > len(data):
            raise NotJpeg("the image ends early")
        length = int.from_bytes(data[pos + 2:pos + 4], "big")
        if length < 2 or pos + 2 + length > len(data):
            raise NotJpeg("a JPEG segment runs past the end of the file")
        segment = data[pos:pos + 2 + length]
        pos += 2 + length
        if marker == _APP0 and segment[4:9] == b"JFIF\x00":
            had_jfif = True
        elif marker == _APP14 and segment[4:9] == b"Adobe":
            if not keep_adobe:
                raise NotJpeg("an Adobe colour transform segment")
            body += segment
        elif marker in _KEEP:
            body += segment
            seen_frame = seen_frame or (0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC))
        elif marker == _SOS:
            if not seen_frame:
                raise NotJpeg("a scan before the frame header")
            end = _scan_end(data, pos)
            body += segment + data[pos:end]
            pos = end
            seen_scan = True
    if not seen_scan:
        raise NotJpeg("no image data")
    if jfif if jfif is not None else had_jfif:
        out += MINIMAL_JFIF
    out += body
    out += b"\xff\xd9"
    return bytes(out)
