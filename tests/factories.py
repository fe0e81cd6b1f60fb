"""Evidence files made by the tests themselves: photos with EXIF, screenshots, PDFs, broken files."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageDraw


def photo(path: Path, size=(640, 480), color=(200, 60, 40), orientation: int | None = None,
          captured: str | None = None, gps: bool = False, text: str | None = None, quality: int = 90) -> Path:
    """A JPEG with optional EXIF orientation, capture time (YYYY:MM:DD HH:MM:SS) and GPS."""
    img = Image.new("RGB", size, color)
    draw = ImageDraw.Draw(img)
    # A marker in the top-left corner of the *upright* picture is drawn by the caller via orientation tests.
    draw.rectangle([0, 0, size[0] // 4, size[1] // 4], fill=(0, 0, 0))
    if text:
        draw.text((10, size[1] // 2), text, fill=(255, 255, 255))
    exif = Image.Exif()
    if orientation:
        exif[0x0112] = orientation
    if captured:
        exif[0x0132] = captured
        exif.get_ifd(0x8769)[0x9003] = captured
    if gps:
        exif.get_ifd(0x8825).update({1: "N", 2: (31.0, 14.0, 0.0), 3: "E", 4: (121.0, 28.0, 0.0)})
    img.save(path, "JPEG", quality=quality, exif=exif.tobytes())
    return path


def png(path: Path, size=(400, 300), color=(30, 120, 200), mode="RGB") -> Path:
    img = Image.new(mode, size, color if mode == "RGB" else None)
    if mode != "RGB":
        img = Image.new("RGB", size, color).convert(mode)
    img.save(path, "PNG")
    return path


def pdf(path: Path, pages: int = 2, password: str | None = None) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=A4)
    for number in range(pages):
        c.drawString(72, 720, f"Page {number + 1}")
        c.showPage()
    c.save()
    data = buffer.getvalue()
    if password is not None:
        from pypdf import PdfReader, PdfWriter

        writer = PdfWriter()
        for page in PdfReader(io.BytesIO(data)).pages:
            writer.add_page(page)
        writer.encrypt(user_password=password, owner_password="owner-" + password, algorithm="AES-128")
        out = io.BytesIO()
        writer.write(out)
        data = out.getvalue()
    path.write_bytes(data)
    return path


def truncated_jpeg(path: Path) -> Path:
    full = io.BytesIO()
    Image.effect_noise((800, 600), 64).convert("RGB").save(full, "JPEG", quality=95)
    path.write_bytes(full.getvalue()[: len(full.getvalue()) // 2])
    return path


def bomb_png(path: Path) -> Path:
    """A small file that declares far more pixels than Pillow's limit (a decompression bomb)."""
    Image.new("1", (20000, 10000), 0).save(path, "PNG")  # 200 MP, compresses to a few KB
    return path


_INVERSE = {2: Image.Transpose.FLIP_LEFT_RIGHT, 3: Image.Transpose.ROTATE_180, 4: Image.Transpose.FLIP_TOP_BOTTOM,
            5: Image.Transpose.TRANSPOSE, 6: Image.Transpose.ROTATE_90, 7: Image.Transpose.TRANSVERSE,
            8: Image.Transpose.ROTATE_270}


def oriented_photo(path: Path, orientation: int, size=(900, 600)) -> Path:
    """A photo whose *upright* picture is landscape `size`, red, with a black block in its top-left corner, stored
    rotated/flipped so that only honouring EXIF `orientation` shows it upright."""
    upright = Image.new("RGB", size, (220, 30, 30))
    ImageDraw.Draw(upright).rectangle([0, 0, size[0] // 3, size[1] // 3], fill=(0, 0, 0))
    stored = upright.transpose(_INVERSE[orientation]) if orientation in _INVERSE else upright
    exif = Image.Exif()
    exif[0x0112] = orientation
    stored.save(path, "JPEG", quality=92, exif=exif.tobytes())
    return path


def noisy_photo(path: Path, size=(2000, 1500), seed: int = 0) -> Path:
    """Hard to compress, like a real photo: noise over a gradient."""
    base = Image.linear_gradient("L").resize(size).convert("RGB")
    noise = Image.effect_noise(size, 40 + seed % 20).convert("RGB")
    Image.blend(base, noise, 0.5).save(path, "JPEG", quality=92)
    return path


def installed_pool_counting_takes(workers: int = 2):
    """A warm SharedPool installed for exports, and the list of what each export took from the pictures
    prepared ahead (a Future, or None when the picture was prepared at the click). The caller uninstalls it."""
    from evidence_app.export.prepare_pool import SharedPool, install_shared

    pool = SharedPool(workers=workers)
    install_shared(pool)
    taken: list = []
    take = pool.take_ahead
    pool.take_ahead = lambda job: taken.append(take(job)) or taken[-1]
    return pool, taken


def pdf_image_streams(path) -> list[bytes]:
    """The data of every image XObject in a PDF, page by page, in name order."""
    from pypdf import PdfReader

    streams = []
    for page in PdfReader(str(path)).pages:
        xobjects = page["/Resources"].get("/XObject") or {}
        for name in sorted(xobjects):
            obj = xobjects[name].get_object()
            if obj.get("/Subtype") == "/Image":
                streams.append(obj.get_data())
    return streams
