"""Issue 10, item 2: evidence PDFs bring no active content, attachments, forms or metadata into the bundle."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from pypdf import PdfReader

from evidence_app.export.bundle import export_pdf
from tests.trust.helpers import extracted_images, hostile_pdf, jpeg_segments

needs_tools = pytest.mark.skipif(not (shutil.which("qpdf") and shutil.which("pdfdetach")),
                                 reason="qpdf and poppler-utils needed")


@needs_tools
def test_hostile_pdf_is_made_inert_but_keeps_its_text(lib, tmp_path):
    source = hostile_pdf(tmp_path / "hostile.pdf", tmp_path)
    # the hostile file really is hostile (so the test proves something)
    assert "secret2.txt" in subprocess.run(["pdfdetach", "-list", str(source)], capture_output=True,
                                           text=True).stdout
    case = lib.create_case("signed_not_received", "taobao", order_no="77")
    assert lib.add_file(case.id, source, "carrier_stamped_proof").item
    out = tmp_path / "bundle.pdf"
    export_pdf(lib, case.id, out)
    listing = subprocess.run(["pdfdetach", "-list", str(out)], capture_output=True, text=True, check=True).stdout
    assert listing.strip().startswith("0 embedded files"), listing
    plain = tmp_path / "plain.pdf"
    subprocess.run(["qpdf", "--qdf", "--object-streams=disable", str(out), str(plain)], check=True)
    raw = plain.read_bytes()
    for needle in (b"SECRET", b"/Launch", b"/JavaScript", b"/JS ", b"/URI", b"/EmbeddedFile", b"/AcroForm",
                   b"/Widget", b"/FileAttachment", b"xmpmeta", b"/OpenAction", b"/AA ", b"calc.exe", b"/Metadata"):
        assert needle not in raw, needle
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "VECTOR-TEXT-KEEP" in text  # vector text stays text
    reader = PdfReader(out)
    # our own index links survive; every link left jumps inside the document
    links = [a.get_object() for p in reader.pages for a in (p.get("/Annots") or [])]
    assert links and all(a["/Subtype"] == "/Link" and ("/Dest" in a or a["/A"]["/S"] == "/GoTo") for a in links)
    for image in extracted_images(out, tmp_path / "img"):
        data = image.read_bytes()
        assert b"Exif" not in data and b"GPS" not in data
        if image.suffix == ".jpg":
            assert not [m for m in jpeg_segments(data) if 0xE1 <= m <= 0xEF or m == 0xFE]
