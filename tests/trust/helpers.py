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


def hostile_pdf(path: Path, folder: Path) -> Path:
    """One page of real vector text and a JPEG with GPS, plus everything a PDF must not bring into a bundle:
    Launch, JavaScript and URI links, an attached file (page annotation and document level), a form field,
    document-open JavaScript, page actions, XMP on the image and the document, an author."""
    from pypdf import PdfWriter
    from pypdf.generic import (ArrayObject, DecodedStreamObject, DictionaryObject, FloatObject, NameObject,
                               NumberObject, TextStringObject)
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    photo = factories.photo(folder / "gps.jpg", size=(200, 150), gps=True, captured="2025:08:16 17:05:00")
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=A4)
    c.drawString(72, 760, "VECTOR-TEXT-KEEP")
    c.drawImage(str(photo), 72, 500, 200, 150)
    c.showPage()
    c.save()
    writer = PdfWriter(clone_from=io.BytesIO(buffer.getvalue()))
    page = writer.pages[0]

    def name(text: str) -> NameObject:
        return NameObject(text)

    def annot(subtype: str, **extra) -> DictionaryObject:
        d = DictionaryObject({name("/Type"): name("/Annot"), name("/Subtype"): name(subtype),
                              name("/Rect"): ArrayObject([FloatObject(v) for v in (50, 50, 150, 150)])})
        d.update({name("/" + k): v for k, v in extra.items()})
        return d

    def action(kind: str, **extra) -> DictionaryObject:
        d = DictionaryObject({name("/S"): name(kind)})
        d.update({name("/" + k): v for k, v in extra.items()})
        return d

    secret_file = DecodedStreamObject()
    secret_file.set_data(b"SECRET-ATTACHMENT-DATA")
    secret_file[name("/Type")] = name("/EmbeddedFile")
    filespec = DictionaryObject({name("/Type"): name("/Filespec"), name("/F"): TextStringObject("secret.txt"),
                                 name("/EF"): DictionaryObject({name("/F"): writer._add_object(secret_file)})})
    field = annot("/Widget", FT=name("/Tx"), T=TextStringObject("SECRET-FIELD"), V=TextStringObject("SECRET-VALUE"))
    field_ref = writer._add_object(field)
    annots = [annot("/Link", A=action("/Launch", F=TextStringObject("calc.exe"))),
              annot("/Link", A=action("/JavaScript", JS=TextStringObject("app.alert('SECRET-JS')"))),
              annot("/Link", A=action("/URI", URI=TextStringObject("http://evil.example/SECRET-URI"))),
              annot("/FileAttachment", FS=writer._add_object(filespec), Contents=TextStringObject("SECRET-NOTE"))]
    page[name("/Annots")] = ArrayObject([writer._add_object(a) for a in annots] + [field_ref])
    page[name("/AA")] = DictionaryObject({name("/O"): action("/JavaScript", JS=TextStringObject("SECRET-PAGE-JS"))})
    writer._root_object[name("/AcroForm")] = DictionaryObject({name("/Fields"): ArrayObject([field_ref])})
    from pypdf.actions import JavaScript

    writer.add_open_action(JavaScript("app.alert('SECRET-OPEN-JS');"))
    writer.add_attachment("secret2.txt", b"SECRET-DOC-ATTACHMENT")
    writer.add_metadata({"/Author": "SECRET-AUTHOR"})
    xmp = DecodedStreamObject()
    xmp.set_data(b"<x:xmpmeta>SECRET-XMP</x:xmpmeta>")
    xmp.update({name("/Type"): name("/Metadata"), name("/Subtype"): name("/XML")})
    xmp_ref = writer._add_object(xmp)
    writer._root_object[name("/Metadata")] = xmp_ref
    for xobj in page["/Resources"]["/XObject"].values():
        xobj.get_object()[name("/Metadata")] = xmp_ref
    page[name("/Metadata")] = xmp_ref
    page[name("/Rotate")] = NumberObject(0)
    with path.open("wb") as handle:
        writer.write(handle)
    return path


def run_cli(data_dir: Path, *args, capsys=None) -> tuple[int, str, str]:
    """The CLI in this process (fast); returns (exit code, stdout, stderr) when given pytest's capsys."""
    from evidence_app.cli import main

    code = main(["--data-dir", str(data_dir), *map(str, args)])
    if capsys is None:
        return code, "", ""
    out, err = capsys.readouterr()
    return code, out, err


def text_pdf(path: Path, pages: list[list[tuple[float, float, str]]], size=(595.27, 841.89),
             rotate: int = 0) -> Path:
    """A PDF whose pages hold vector text at (x, y-from-top) positions, optionally /Rotate'd."""
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=size)
    for texts in pages:
        c.setFont("Helvetica", 14)
        for x, y, text in texts:
            c.drawString(x, size[1] - y, text)
        c.showPage()
    c.save()
    data = buffer.getvalue()
    if rotate:
        from pypdf import PdfWriter

        writer = PdfWriter(clone_from=io.BytesIO(data))
        for page in writer.pages:
            page.rotate(rotate)
        out = io.BytesIO()
        writer.write(out)
        data = out.getvalue()
    path.write_bytes(data)
    return path
