"""PNG pictures go into the PDF as their own compressed rows (Qt-free).

reportlab decodes a PNG and compresses its raw pixels again in the process that writes the PDF: about 0.18 s for
one 1080x2400 screenshot, and a larger stream than the PNG. A PNG's IDAT data is a zlib stream of rows with PNG
filters, which PDF reads as it is (FlateDecode with /Predictor 15), so the bytes are copied instead, as img2pdf
does. Only the plain kind is copied: 8-bit grey or RGB, not interlaced, no palette, no alpha (what our own
preparation writes, and most screenshots once their metadata chunks are left out); anything else returns False
and the caller draws it the usual way. Nothing but the pixel rows is copied: no text, EXIF, ICC or other chunk.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFImageXObject, PDFName, PDFStream
from reportlab.pdfgen.canvas import Canvas

from evidence_app.imaging.pngplain import PlainPng, read_plain


class _PngImage(PDFImageXObject):
    def __init__(self, name: str, png: PlainPng):
        self.name = name
        self.width, self.height = png.width, png.height
        self.bitsPerComponent = 8
        self.colorSpace = "DeviceRGB" if png.colors == 3 else "DeviceGray"
        self._filters = ("FlateDecode",)
        self.streamContent = png.idat
        self.mask = None
        self.colors = png.colors

    def format(self, document) -> bytes:
        stream = PDFStream(content=self.streamContent)
        d = stream.dictionary
        d["Type"], d["Subtype"] = PDFName("XObject"), PDFName("Image")
        d["Width"], d["Height"] = self.width, self.height
        d["BitsPerComponent"] = 8
        d["ColorSpace"] = PDFName(self.colorSpace)
        d["Filter"] = PDFName("FlateDecode")  # one filter, so a name: with an array, /DecodeParms must be an
        # array too, and poppler (not pypdf) then ignored the predictor and drew sheared, dark rows
        d["DecodeParms"] = PDFDictionary({"Predictor": 15, "Colors": self.colors, "BitsPerComponent": 8,
                                          "Columns": self.width})
        d["Length"] = len(self.streamContent)
        return stream.format(document)


def draw(canvas: Canvas, path: str | Path, x: float, y: float, width: float, height: float) -> bool:
    """Draw the PNG at `path` into the rectangle with its rows copied; False (nothing drawn) if it is not plain.
    Follows reportlab's drawImage for a new image (pinned reportlab: tests/unit/test_export.py checks it)."""
    # our own prepared files only: written by Pillow, or stripped after their rows were checked (imaging/prepare.py)
    png = read_plain(Path(path).read_bytes(), check_rows=False)
    if png is None:
        return False
    name = "png" + hashlib.md5(png.idat, usedforsecurity=False).hexdigest()
    doc = canvas._doc
    reg_name = doc.getXObjectName(name)
    if reg_name not in doc.idToObject:
        image = _PngImage(name, png)
        canvas._setXObjects(image)
        doc.Reference(image, reg_name)
        doc.addForm(name, image)
    canvas._currentPageHasImages = 1
    canvas.saveState()
    canvas.translate(x, y)
    canvas.scale(width, height)
    canvas._code.append(f"/{reg_name} Do")
    canvas.restoreState()
    canvas._formsinuse.append(name)
    return True
