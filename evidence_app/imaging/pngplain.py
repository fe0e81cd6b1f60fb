"""Plain PNGs (Qt-free): 8-bit grey or RGB, not interlaced, no palette, no alpha, every chunk's CRC right.

Their IDAT data can go into a PDF as it is (export/pngpass.py), and their metadata chunks (text, EXIF, ICC, time,
anything after IEND) can be left out without decoding a pixel (`strip`)."""

from __future__ import annotations

import struct
import zlib

SIGNATURE = b"\x89PNG\r\n\x1a\n"
# The version of what read_plain checks. A library records the stored PNGs found plain when they were added
# (storage: plain_pngs) with it; a later version that checks more checks them again at export.
CHECKS = 1


class PlainPng:
    __slots__ = ("width", "height", "colors", "idat")

    def __init__(self, width: int, height: int, colors: int, idat: bytes):
        self.width, self.height, self.colors, self.idat = width, height, colors, idat


def read_plain(data: bytes, check_rows: bool = True) -> PlainPng | None:
    """The rows of a plain PNG (see the module's note), every chunk's CRC checked and (`check_rows`) its data
    inflated once to be sure it holds the rows and nothing else; None for any other file."""
    if not data.startswith(SIGNATURE):
        return None
    pos, header, idat = len(SIGNATURE), None, []
    while pos + 12 <= len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        end = pos + 8 + length
        if end + 4 > len(data):
            return None
        body = data[pos + 8:end]
        if zlib.crc32(kind + body) != int.from_bytes(data[end:end + 4], "big"):
            return None
        if kind == b"IHDR":
            if length != 13:
                return None
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            if header is None:
                return None
            idat.append(body)
        elif kind == b"IEND":
            break
        elif kind in (b"PLTE", b"tRNS"):
            return None  # a palette or transparency: not the plain kind
        pos = end + 4
    else:
        return None  # no IEND: truncated
    if header is None or not idat:
        return None
    width, height, depth, colour, compression, filtering, interlace = header
    if depth != 8 or colour not in (0, 2) or compression or filtering or interlace or not width or not height:
        return None
    png = PlainPng(width, height, 1 if colour == 0 else 3, b"".join(idat))
    return png if not check_rows or _rows_only(png) else None


def _rows_only(png: PlainPng) -> bool:
    """The IDAT data inflates to exactly the picture's rows, each with a valid filter byte, and ends there: no
    bytes hidden after the compressed stream or as extra rows (they would be copied into the PDF), no broken
    stream (it would be a broken picture in the PDF instead of an error that names the exhibit)."""
    stride = 1 + png.width * png.colors
    inflate = zlib.decompressobj()
    try:
        rows = inflate.decompress(png.idat, png.height * stride + 1)  # one byte more shows extra rows
    except zlib.error:
        return False
    if not inflate.eof or inflate.unused_data or inflate.unconsumed_tail or len(rows) != png.height * stride:
        return False
    return max(rows[::stride]) <= 4  # None, Sub, Up, Average, Paeth


def strip(data: bytes, check_rows: bool = True) -> bytes | None:
    """A plain PNG rewritten with IHDR, its IDAT data and IEND only; None when it is not the plain kind.
    `check_rows=False` for a file whose rows were checked before (the same bytes: its hash was checked)."""
    png = read_plain(data, check_rows)
    if png is None:
        return None
    header = struct.pack(">IIBBBBB", png.width, png.height, 8, 0 if png.colors == 1 else 2, 0, 0, 0)

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    return SIGNATURE + chunk(b"IHDR", header) + chunk(b"IDAT", png.idat) + chunk(b"IEND", b"")
