"""Issue 10, item 3: real PDF redaction. A redacted page is exported as pixels with the boxes burned in;
nothing under a box survives; pages without boxes stay vector."""

from __future__ import annotations

import io
import subprocess

from PIL import Image
from pypdf import PdfReader

from evidence_app.export.bundle import export_pdf
from evidence_app.export.upload import export_images
from tests.trust.helpers import needs_poppler, run_cli, text_pdf


def _pdftotext(path, page=None) -> str:
    args = ["pdftotext"] + (["-f", str(page), "-l", str(page)] if page else [])
    return subprocess.run([*args, str(path), "-"], capture_output=True, text=True, check=True).stdout


def _exhibit_image(reader: PdfReader, index: int) -> Image.Image:
    images = reader.pages[index].images
    assert len(images) == 1
    return Image.open(io.BytesIO(images[0].data)).convert("RGB")


@needs_poppler
def test_redact_pdf_page_from_the_cli(data_dir, tmp_path, capsys):
    source = text_pdf(tmp_path / "proof.pdf", [[(72, 80, "SECRETNAME"), (72, 300, "KEEPONE")],
                                               [(72, 80, "PAGETWOVECTOR")]])
    run_cli(data_dir, "new", "--scenario", "signed_not_received", "--order", "55", capsys=capsys)
    code, out, err = run_cli(data_dir, "add", "1", source, "--kind", "carrier_stamped_proof", capsys=capsys)
    item = int(out.strip())
    code, out, err = run_cli(data_dir, "redact", item, "60,60,200,30", "--page", "1", capsys=capsys)
    assert code == 0, err
    code, out, err = run_cli(data_dir, "redact", item, capsys=capsys)
    assert out.strip() == "60,60,200,30 --page 1"
    code, out, err = run_cli(data_dir, "redact", item, "1,1,5,5", "--page", "3", capsys=capsys)
    assert code == 2 and len(err.strip().splitlines()) == 1 and "page" in err
    target = tmp_path / "bundle.pdf"
    assert run_cli(data_dir, "export", "1", "-o", target, capsys=capsys)[0] == 0
    text = _pdftotext(target)
    assert "SECRETNAME" not in text  # the redacted page is pixels: its text is gone entirely
    assert "KEEPONE" not in text
    assert "PAGETWOVECTOR" in text  # the other page stays vector
    reader = PdfReader(target)
    # front pages, then exhibit page 1 (image) and page 2 (vector, no image), then the manifest
    first = next(i for i, p in enumerate(reader.pages) if "证据 1" in (p.extract_text() or "") and p.images)
    image = _exhibit_image(reader, first)
    scale = image.width / 595.27
    assert image.getpixel((int(100 * scale), int(75 * scale))) == (0, 0, 0)  # inside the box
    assert image.getpixel((int(400 * scale), int(75 * scale))) == (255, 255, 255)  # beside it
    assert abs(image.width - round(595.27 * 200 / 72)) <= 2  # rendered at the preset's dpi
    assert not reader.pages[first + 1].images


@needs_poppler
def test_rotated_page_boxes_are_in_displayed_coordinates(lib, tmp_path):
    from evidence_app.core.model import Redaction

    # A portrait page shown landscape (/Rotate 90): (x, y) are measured on the page as displayed.
    source = text_pdf(tmp_path / "rot.pdf", [[(72, 80, "SECRETROTATED")]], rotate=90)
    case = lib.create_case("signed_not_received", "taobao")
    item = lib.add_file(case.id, source, "carrier_stamped_proof").item
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(source))
    width, height = document[0].get_size()
    document.close()
    assert width > height
    lib.update_item(item.id, redactions=[Redaction(0, 0, 300, 300, page=1)])
    out = tmp_path / "b.pdf"
    export_pdf(lib, case.id, out)
    assert "SECRETROTATED" not in _pdftotext(out)
    reader = PdfReader(out)
    page = next(i for i, p in enumerate(reader.pages) if p.images and "证据 1" in (p.extract_text() or ""))
    image = _exhibit_image(reader, page)
    assert image.width > image.height  # landscape, as displayed
    scale = image.width / width
    assert image.getpixel((int(150 * scale), int(150 * scale))) == (0, 0, 0)
    assert image.getpixel((int(width * scale) - 5, int(height * scale) - 5)) == (255, 255, 255)


@needs_poppler
def test_upload_pack_of_a_redacted_pdf(lib, tmp_path):
    from evidence_app.core.model import Redaction

    source = text_pdf(tmp_path / "p.pdf", [[(72, 80, "SECRETNAME")]])
    case = lib.create_case("signed_not_received", "taobao")
    item = lib.add_file(case.id, source, "carrier_stamped_proof").item
    lib.update_item(item.id, redactions=[Redaction(60, 60, 200, 30, page=1)])
    result = export_images(lib, case.id, tmp_path / "pack")
    assert any("01_" in p.name for p in result.files)


def test_box_validation(lib, tmp_path):
    import pytest

    from evidence_app.core.model import Redaction
    from evidence_app.storage.library import LibraryError
    from tests import factories

    case = lib.create_case("signed_not_received", "taobao")
    pdf = lib.add_file(case.id, text_pdf(tmp_path / "p.pdf", [[(72, 80, "X")]] * 2), "carrier_stamped_proof").item
    photo = lib.add_file(case.id, factories.photo(tmp_path / "a.jpg"), "item_photo").item
    for bad in (Redaction(1, 1, 5, 5), Redaction(1, 1, 5, 5, page=3), Redaction(1, 1, 5, 5, page=0)):
        with pytest.raises(LibraryError):
            lib.update_item(pdf.id, redactions=[bad])
    with pytest.raises(LibraryError):
        lib.update_item(photo.id, redactions=[Redaction(1, 1, 5, 5, page=1)])
    assert lib.update_item(pdf.id, redactions=[Redaction(1, 1, 5, 5, page=2)]).redactions[0].page == 2
