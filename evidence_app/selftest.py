"""`evidence-app --selftest OUT_DIR`: the built-in check support staff can ask a user to run.

Creates the sample case in a temporary library, exports the PDF bundle and the upload pack into OUT_DIR, renders
one page with QtPdf offscreen, adds a short video made with PyAV and exports its key frames (selftest_video.pdf),
and writes OUT_DIR/selftest.txt. Exit 0 only when every step succeeded.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import traceback
from pathlib import Path


def run_selftest(out_dir: Path) -> int:
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    lines: list[str] = []
    ok = True

    def step(name: str, func) -> object:
        nonlocal ok
        start = time.perf_counter()
        try:
            result = func()
        except Exception as exc:  # noqa: BLE001 - every failure is reported, then the exit code says it
            ok = False
            lines.append(f"FAIL {name}: {type(exc).__name__}: {exc}")
            lines.append(traceback.format_exc())
            return None
        lines.append(f"ok   {name} ({time.perf_counter() - start:.1f} s){': ' + str(result) if result else ''}")
        return result

    from evidence_app import __version__

    # not the platform module: on Windows it asks WMI, which crashes under Wine 8 (propsys.VariantToString)
    machine = os.environ.get("PROCESSOR_ARCHITECTURE") or (os.uname().machine if hasattr(os, "uname") else "")
    lines.append(f"evidence_app {__version__}, Python {sys.version.split()[0]}, {sys.platform} {machine}")
    with tempfile.TemporaryDirectory(prefix="evidence-selftest-") as tmp:
        from evidence_app.sample import create_sample_case
        from evidence_app.storage.library import Library

        library = Library(Path(tmp) / "library")
        try:
            case_id = step("sample case", lambda: create_sample_case(library))
            pdf = out_dir / "selftest.pdf"
            if case_id:
                from evidence_app.export.bundle import export_pdf
                from evidence_app.export.upload import export_images

                step("PDF bundle", lambda: f"{export_pdf(library, case_id, pdf).pages} pages")
                step("upload pack", lambda: f"{len(export_images(library, case_id, out_dir / 'upload').files)} files")
                check = library.check(case_id)
                step("checklist", lambda: "ready" if check.ready else _fail("sample case not ready"))
            if pdf.is_file():
                step("QtPdf render", lambda: _render_with_qtpdf(pdf, out_dir / "selftest_page1.png"))
            step("video", lambda: _video(library, Path(tmp), out_dir))
            step("photo path", lambda: _photo_path(Path(tmp)))
            step("reading", lambda: _read_one(out_dir))  # issue 11: OCR and barcode engines
        finally:
            library.close()
    lines.append("RESULT: " + ("PASS" if ok else "FAIL"))
    (out_dir / "selftest.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for line in lines:
        print(line)
    return 0 if ok else 1


def _video(library, tmp: Path, out_dir: Path) -> str:
    """Issue 12: make a short H.264 video with PyAV (FFmpeg's DLLs load), add it, set key frames, export it."""
    from evidence_app.core.model import KeyFrame
    from evidence_app.export.bundle import export_pdf
    from evidence_app.imaging.video_sample import make_video, read_index
    from evidence_app.imaging.video import frame_at

    video = make_video(tmp / "selftest.mp4", seconds=3, fps=10, size=(320, 240))
    case_id = library.create_case("missing_items", "taobao", order_no="SELFTEST-VIDEO").id
    result = library.add_file(case_id, video, "packing_record")
    if result.item is None:
        raise RuntimeError(f"the video was refused: {result.refused}")
    item = library.update_item(result.item.id, frames=[KeyFrame(1.0, "自检"), KeyFrame(2.0)])
    if read_index(frame_at(library.file_path(item), 2.0)) != 20:
        raise RuntimeError("the frame decoded at 2.0 s is not frame 20")
    export = export_pdf(library, case_id, out_dir / "selftest_video.pdf")
    return f"{item.codec} {item.duration_s:g} s, {len(item.frames)} key frames, {export.pages} pages"
def _photo_path(tmp: Path) -> str:
    """Issue 13: a sideways phone photo prepared by an image worker as the window's pool does it (through OpenCV when
    it is installed), against Pillow in this process: same size, same way up, the same picture."""
    from PIL import Image, ImageChops, ImageDraw, ImageStat

    from evidence_app.export.prepare_pool import SharedPool
    from evidence_app.imaging import fastphoto
    from evidence_app.imaging.prepare import ImageJob, prepare_image

    source = tmp / "sideways.jpg"
    picture = Image.new("RGB", (1600, 1200), (120, 140, 160))
    ImageDraw.Draw(picture).rectangle([0, 0, 400, 300], fill=(220, 20, 20))
    exif = Image.Exif()
    exif[0x0112] = 6  # stored sideways, as phones do
    picture.save(source, "JPEG", quality=90, exif=exif.tobytes())
    pool = SharedPool(workers=1)
    try:
        executor = pool.executor()
        used = executor.submit(fastphoto.active).result(timeout=300)
        job = ImageJob(str(source), "image/jpeg", str(tmp / "worker"), 500, 500, 80, 6)
        worker = executor.submit(prepare_image, job).result(timeout=300).slices[0]
    finally:
        pool.shutdown()
    here = prepare_image(ImageJob(str(source), "image/jpeg", str(tmp / "here"), 500, 500, 80, 6)).slices[0]
    if not (worker.width, worker.height) == (here.width, here.height) == (375, 500):
        _fail(f"the worker made {worker.width}x{worker.height}, Pillow {here.width}x{here.height}")
    with Image.open(worker.path) as a, Image.open(here.path) as b:
        difference = max(ImageStat.Stat(ImageChops.difference(a, b)).mean)
    if difference > 6:
        _fail(f"the worker's picture differs from Pillow's by {difference:.1f} on average")
    return (f"{'OpenCV' if used else 'Pillow'} in the workers: {worker.width}x{worker.height}, "
            f"{difference:.1f} from Pillow's on average")


def _read_one(out_dir: Path) -> str:
    """Draw a waybill (Code 128 + Chinese text), read it, and check the kind and the tracking number."""
    import random

    from evidence_app.reading import analyze, engine, samples

    if not engine.available():
        return "off (the OCR and barcode engines are not installed)"
    sample = samples.waybill(random.Random(1), "SF1234567890123")
    path = out_dir / "selftest_waybill.png"
    sample.image.resize((750, 1050)).save(path)
    reading = engine.read_file(path, "image/png")
    kind = analyze.suggest(reading).kind
    number = analyze.tracking_number(reading)
    if kind != "waybill_photo" or not number or number[0] != sample.tracking_no or "收件人" not in reading.text:
        _fail(f"read {kind}, {number}, {len(reading.lines)} lines: {reading.text[:80]!r}")
    return f"{engine.version()}: {kind}, {number[0]} ({number[1]}), {len(reading.lines)} lines"


def _fail(message: str):
    raise RuntimeError(message)


def _render_with_qtpdf(pdf: Path, png: Path) -> str:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtPdf import QPdfDocument

    from evidence_app.ui.preview import render_page

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    document = QPdfDocument()
    if document.load(str(pdf)) != QPdfDocument.Error.None_:
        raise RuntimeError(f"QtPdf cannot open {pdf.name}")
    image = render_page(document, 0, 800)
    document.close()
    if image.isNull() or not image.save(str(png)):
        raise RuntimeError("QtPdf rendered nothing")
    # a rendered page has text on it: not one flat colour
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    if len(colours) < 3:
        raise RuntimeError("the rendered page is blank")
    del app
    return f"{png.name} {image.width()}x{image.height()}"
