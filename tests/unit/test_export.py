"""The PDF bundle and the upload pack: structure, text, links, orientation, redaction, privacy, size."""

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from evidence_app.core.model import Redaction
from evidence_app.export.bundle import export_pdf
from evidence_app.export.model import ExportCancelled, ExportError
from evidence_app.export.pages import slot_pixels
from evidence_app.export.upload import export_images
from evidence_app.imaging.prepare import plan_slices
from tests import factories

needs_poppler = pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils not installed")


def pdftext(path: Path, page: int | None = None) -> str:
    args = ["pdftotext", "-layout"]
    if page:
        args += ["-f", str(page), "-l", str(page)]
    return subprocess.run([*args, str(path), "-"], capture_output=True, text=True, check=True).stdout


def page_images(reader: PdfReader, index: int) -> list[Image.Image]:
    return [Image.open(io.BytesIO(img.data)) for img in reader.pages[index].images]


@pytest.fixture
def case(lib, tmp_path):
    lib.set_setting("shop_name", "示例旗舰店")
    case = lib.create_case("signed_not_received", "taobao", order_no="2025081600001", buyer="王小明", amount="299",
                           statement="买家本人签收,聊天中确认收货。", refund_no="TK1")
    lib.update_case(case.id, **dict([lib.parse_field("signed_at", "2025-08-16T17:05"),
                                     lib.parse_field("due_at", "2025-08-25T12:00")]))
    return case


def add(lib, case, path, kind, caption=""):
    result = lib.add_file(case.id, path, kind, caption)
    assert result.item, result.refused
    return result.item


@needs_poppler
def test_structure_text_outline_links(lib, case, tmp_path):
    slip = add(lib, case, factories.photo(tmp_path / "slip.jpg", size=(1600, 1200), captured="2025:08:16 17:05:00"),
               "signature_slip", "本人签收底单")
    pdf_item = add(lib, case, factories.pdf(tmp_path / "红章.pdf", pages=2), "carrier_stamped_proof", "快递公司盖章证明")
    tall = tmp_path / "chat.png"
    Image.new("RGB", (1080, 6000), (240, 240, 240)).save(tall)
    chat = add(lib, case, tall, "chat_screenshot", "买家确认收货的聊天")
    out = tmp_path / "bundle.pdf"
    progress = []
    result = export_pdf(lib, case.id, out, progress=lambda d, t, w: progress.append((d, t)))
    assert progress and progress[-1][0] == progress[-1][1]
    reader = PdfReader(out)
    slices = len(plan_slices(1080, 6000, *slot_pixels(200))[1])
    assert slices >= 2
    # cover, checklist, 1 photo page, 2 PDF pages, the tall chat in slices, manifest
    assert len(reader.pages) == result.pages == 2 + 1 + 2 + slices + 1
    text = pdftext(out)
    for needle in ("举证材料", "示例旗舰店", "2025081600001", "王小明", "物流显示签收,买家称未收到", "买家本人签收,聊天中确认收货",
                   "举证说明", "第三十六条", "证据目录", "本人签收底单", "快递公司盖章证明", "文件清单",
                   slip.sha256[:32], slip.sha256[32:], f"第 1 页 / 共 {result.pages} 页", "2025-08-16 17:05"):
        assert needle in text, needle
    assert "证据 1 · 签收底单" in pdftext(out, 3)
    page4 = pdftext(out, 4)
    assert "证据 2 · 物流红章证明" in page4 and "Page 1" in page4  # header stamped over the merged PDF page
    assert "Page 2" in pdftext(out, 5)
    assert "证据 3 · 聊天记录截图" in pdftext(out, 6) and f"第 1/{slices} 部分" in pdftext(out, 6)
    # outline: sections and one entry per exhibit
    outline = reader.outline
    flat = []

    def walk(entries):
        for entry in entries:
            if isinstance(entry, list):
                walk(entry)
            else:
                flat.append((entry.title, reader.get_destination_page_number(entry)))
    walk(outline)
    titles = [t for t, _ in flat]
    assert titles[:2] == ["封面", "举证说明与证据目录"] and titles[-1] == "文件清单(校验用)"
    exhibits = [(t, p) for t, p in flat if t.startswith("证据 ")]
    assert exhibits == [("证据 1 · 签收底单", 2), ("证据 2 · 物流红章证明", 3), ("证据 3 · 聊天记录截图", 5)]
    # index links on the checklist page point at the exhibits' first pages
    targets = set()
    for annot in reader.pages[1].get("/Annots", []):
        annot = annot.get_object()
        if annot.get("/Subtype") == "/Link" and "/Dest" in annot:
            dest = annot["/Dest"]
            if isinstance(dest, str) or not isinstance(dest, list):
                dest = reader.named_destinations[str(dest)]
                targets.add(reader.get_destination_page_number(dest))
            else:
                targets.add(reader.get_page_number(dest[0].get_object()))
    assert {2, 3, 5} <= targets
    assert subprocess.run(["qpdf", "--check", str(out)], capture_output=True).returncode == 0
    assert pdf_item.page_count == 2 and chat.height == 6000


def test_metadata_has_no_paths_or_names(lib, case, tmp_path):
    add(lib, case, factories.photo(tmp_path / "a.jpg"), "signature_slip")
    out = tmp_path / "out.pdf"
    export_pdf(lib, case.id, out)
    meta = PdfReader(out).metadata
    assert meta.title.startswith("举证材料") and "/Author" not in meta
    raw = out.read_bytes()
    for secret in (str(tmp_path).encode(), str(lib.root).encode(), b"/home/", b"/tmp/", b"/root", b"C:\\"):
        assert secret not in raw


@pytest.mark.parametrize("orientation", range(1, 9))
def test_exif_orientation_upright(lib, case, tmp_path, orientation):
    add(lib, case, factories.oriented_photo(tmp_path / f"o{orientation}.jpg", orientation), "signature_slip")
    out = tmp_path / "o.pdf"
    export_pdf(lib, case.id, out)
    (img,) = page_images(PdfReader(out), 2)
    img = img.convert("RGB")
    w, h = img.size
    assert w > h  # landscape, as the upright picture
    assert sum(img.getpixel((w // 8, h // 8))) < 60  # black block top-left
    for x, y in ((w - 5, 5), (5, h - 5), (w - 5, h - 5)):
        r, g, b = img.getpixel((x, y))
        assert r > 150 and g < 90, (orientation, x, y, (r, g, b))


def test_redaction_is_burned_in_and_exif_stripped(lib, case, tmp_path):
    photo = factories.photo(tmp_path / "gps.jpg", size=(1200, 900), gps=True, captured="2025:08:16 10:00:00")
    noisy = Image.effect_noise((1200, 900), 90).convert("RGB")
    with Image.open(photo) as original:
        exif = original.getexif()
    noisy.save(photo, "JPEG", quality=95, exif=exif.tobytes())
    item = add(lib, case, photo, "signature_slip")
    small = add(lib, case, factories.photo(tmp_path / "small.jpg", size=(300, 200), gps=True), "waybill_photo")
    lib.update_item(item.id, redactions=[Redaction(300, 200, 400, 300)])
    out = tmp_path / "r.pdf"
    export_pdf(lib, case.id, out)
    reader = PdfReader(out)
    (img,) = page_images(reader, 2)
    assert not img.getexif()  # no GPS, no camera data
    rgb = img.convert("RGB")
    sx, sy = rgb.size[0] / 1200, rgb.size[1] / 900
    # JPEG works in 16x16 blocks: keep clear of the edge blocks, where the noise outside rings in
    box = (int(300 * sx) + 16, int(200 * sy) + 16, int(700 * sx) - 16, int(500 * sy) - 16)
    region = rgb.crop(box)
    extrema = region.getextrema()
    assert all(hi <= 12 for _, hi in extrema), extrema  # uniformly black, only JPEG noise
    outside = rgb.crop((0, 0, int(250 * sx), int(150 * sy))).getextrema()
    assert any(hi - lo > 100 for lo, hi in outside)  # the rest is still the photo
    (passed,) = page_images(reader, 3)  # a small photo passed through untouched: still no EXIF
    assert not passed.getexif()
    assert lib.file_path(item).read_bytes() == photo.read_bytes()  # the original is never changed
    assert small.id


def test_image_modes_are_converted(lib, case, tmp_path):
    rgba = Image.new("RGBA", (400, 300), (0, 0, 0, 0))
    rgba.paste((0, 0, 255, 255), (100, 100, 300, 200))
    rgba.save(tmp_path / "transparent.png")
    Image.new("CMYK", (400, 300), (0, 255, 255, 0)).save(tmp_path / "cmyk.jpg")
    Image.new("I;16", (400, 300), 40000).save(tmp_path / "deep.png")
    Image.new("RGB", (400, 300), (0, 200, 0)).convert("P", palette=Image.Palette.ADAPTIVE).save(tmp_path / "pal.gif")
    for name in ("transparent.png", "cmyk.jpg", "deep.png", "pal.gif"):
        add(lib, case, tmp_path / name, "other")
    out = tmp_path / "m.pdf"
    export_pdf(lib, case.id, out)
    reader = PdfReader(out)
    transparent = page_images(reader, 2)[0].convert("RGB")
    assert transparent.getpixel((5, 5)) == (255, 255, 255)  # transparency on white
    assert transparent.getpixel((200, 150))[2] > 200
    cmyk = page_images(reader, 3)[0].convert("RGB").getpixel((200, 150))
    assert cmyk[0] > 200 and cmyk[1] < 60  # red, not inverted
    deep = page_images(reader, 4)[0].convert("L").getpixel((200, 150))
    assert 140 < deep < 170  # 40000/65535 of white
    assert page_images(reader, 5)[0].convert("RGB").getpixel((200, 150))[1] > 150


def test_compact_respects_budget(lib, case, tmp_path):
    for n in range(12):
        add(lib, case, factories.noisy_photo(tmp_path / f"n{n}.jpg", seed=n), "item_photo")
    printed = export_pdf(lib, case.id, tmp_path / "print.pdf")
    compact = export_pdf(lib, case.id, tmp_path / "compact.pdf", preset="compact", budget=2_000_000)
    assert printed.bytes > 2_000_000
    assert compact.bytes <= 2_000_000 and compact.preset.dpi < 200 and not compact.warnings
    assert compact.pages == printed.pages
    tight = export_pdf(lib, case.id, tmp_path / "tight.pdf", preset="compact", budget=50_000)
    assert tight.warnings and "over the" in tight.warnings[0] and tight.path.exists()


def test_upload_pack(lib, case, tmp_path):
    add(lib, case, factories.noisy_photo(tmp_path / "big.jpg", size=(4000, 3000)), "signature_slip", "签收")
    tall = tmp_path / "long.png"
    Image.effect_noise((1080, 4000), 60).convert("RGB").save(tall)
    add(lib, case, tall, "chat_screenshot")
    add(lib, case, factories.pdf(tmp_path / "p.pdf", pages=1), "carrier_stamped_proof")
    result = export_images(lib, case.id, tmp_path / "upload", max_kb=300)
    folder = result.path
    assert folder.parent == tmp_path / "upload" and folder.name.startswith("举证图片_2025081600001_")
    names = sorted(p.name for p in folder.iterdir())
    assert names[0] == "00_举证清单.jpg" and names[1] == "01_签收底单.jpg"
    assert "02_聊天记录截图_1.jpg" in names and "02_聊天记录截图_2.jpg" in names
    assert "03_物流红章证明.jpg" in names and "statement.txt" in names
    for path in folder.glob("*.jpg"):
        assert path.stat().st_size <= 300_000, path.name
        with Image.open(path) as img:
            assert img.width >= 600 and not img.getexif()
    assert (folder / "statement.txt").read_text(encoding="utf-8-sig") == "买家本人签收,聊天中确认收货。"
    assert result.files and all(p.parent == folder for p in result.files)
    # a second export goes to a new folder of its own; the first stays as it was
    lib.trash_item(lib.items(case.id)[1].id)
    second = export_images(lib, case.id, tmp_path / "upload", max_kb=300).path
    assert second != folder and not list(second.glob("02_聊天记录截图_*.jpg"))
    assert sorted(p.name for p in folder.iterdir()) == names


def test_missing_file_names_the_exhibit(lib, case, tmp_path):
    add(lib, case, factories.photo(tmp_path / "a.jpg"), "signature_slip")
    b = add(lib, case, factories.photo(tmp_path / "lost.jpg", color=(1, 1, 1)), "waybill_photo")
    target = tmp_path / "keep.pdf"
    target.write_bytes(b"previous good bundle")
    lib.store.remove(b.sha256)
    with pytest.raises(ExportError, match="证据 2.*lost.jpg"):
        export_pdf(lib, case.id, target)
    assert target.read_bytes() == b"previous good bundle"


def test_undecodable_item_names_the_exhibit(lib, case, tmp_path):
    item = add(lib, case, factories.photo(tmp_path / "a.jpg", size=(800, 600)), "signature_slip")
    stored = lib.file_path(item)
    stored.chmod(0o644)
    stored.write_bytes(stored.read_bytes()[:2000])  # damaged on disk after it was added
    with pytest.raises(ExportError, match="证据 1"):
        export_pdf(lib, case.id, tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()


def test_cancel_leaves_no_partial_file(lib, case, tmp_path):
    for n in range(4):
        add(lib, case, factories.photo(tmp_path / f"{n}.jpg", color=(n * 50, 10, 10)), "item_photo")
    target = tmp_path / "bundle.pdf"
    target.write_bytes(b"previous good bundle")
    calls = []

    def cancel_after_some():
        calls.append(1)
        return len(calls) > 2

    with pytest.raises(ExportCancelled):
        export_pdf(lib, case.id, target, cancelled=cancel_after_some, workers=1)
    assert target.read_bytes() == b"previous good bundle"
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix in (".pdf", ".part")) == ["bundle.pdf"]


def test_process_pool_matches_inline(lib, case, tmp_path):
    for n in range(4):
        add(lib, case, factories.oriented_photo(tmp_path / f"p{n}.jpg", 6 if n % 2 else 1,
                                                         size=(900 + 10 * n, 600)), "item_photo")
    pooled = export_pdf(lib, case.id, tmp_path / "pool.pdf", workers=2)
    inline = export_pdf(lib, case.id, tmp_path / "inline.pdf", workers=1)
    assert pooled.pages == inline.pages
    a, b = PdfReader(tmp_path / "pool.pdf"), PdfReader(tmp_path / "inline.pdf")
    for index in range(2, 6):
        assert page_images(a, index)[0].tobytes() == page_images(b, index)[0].tobytes()


def test_plan_slices():
    assert plan_slices(1080, 2400, 1453, 1867)[1] == [(0, 2400)]  # ratio 2.2: one page, fitted
    scale, rows = plan_slices(1080, 6000, 1453, 1867)
    assert scale == 1.0 and rows[0] == (0, 1867) and rows[-1][1] == 6000
    assert all(b > a for a, b in rows) and all(rows[i + 1][0] < rows[i][1] for i in range(len(rows) - 1))


def test_long_case_flows_over_pages(lib, case, tmp_path):
    """Checklist and index tables longer than a page split across pages (they used to loop forever)."""
    for n in range(90):
        path = tmp_path / f"{n}.png"
        Image.new("RGB", (60, 40), (n, 0, 0)).save(path)
        add(lib, case, path, "tracking_screenshot", f"轨迹截图 {n}")
    result = export_pdf(lib, case.id, tmp_path / "long.pdf")
    reader = PdfReader(tmp_path / "long.pdf")
    assert result.pages == len(reader.pages) > 90 + 3
    outline_titles = []

    def walk(entries):
        for entry in entries:
            walk(entry) if isinstance(entry, list) else outline_titles.append(entry.title)
    walk(reader.outline)
    assert sum(t.startswith("证据 ") for t in outline_titles) == 90


def test_crop_and_rotation_are_exported(lib, case, tmp_path):
    item = add(lib, case, factories.oriented_photo(tmp_path / "o.jpg", 6, size=(900, 600)), "signature_slip")
    # upright picture 900x600 with the black block top-left: keep the left 300x200 block area and turn it 90°
    lib.update_item(item.id, crop=Redaction(0, 0, 450, 300), rotation=90)
    out = tmp_path / "c.pdf"
    export_pdf(lib, case.id, out)
    (img,) = page_images(PdfReader(out), 2)
    img = img.convert("RGB")
    assert img.size == (300, 450)  # cropped to 450x300, then turned a quarter clockwise
    # the black block (upright top-left 300x200) is now in the top-right corner
    assert sum(img.getpixel((img.width - 20, 20))) < 60
    r, g, b = img.getpixel((20, img.height - 20))
    assert r > 150 and g < 90
    assert lib.file_path(item).read_bytes() == (tmp_path / "o.jpg").read_bytes()


def _bundle_for_streaming(lib, case, tmp_path):
    add(lib, case, factories.photo(tmp_path / "slip.jpg", size=(1600, 1200)), "signature_slip", "本人签收底单")
    tall = tmp_path / "chat.png"
    Image.new("RGB", (1080, 6000), (240, 240, 240)).save(tall)  # several slices
    add(lib, case, tall, "chat_screenshot", "聊天")
    add(lib, case, factories.pdf(tmp_path / "红章.pdf", pages=2), "carrier_stamped_proof", "盖章证明")
    for n in range(3):
        add(lib, case, factories.photo(tmp_path / f"p{n}.jpg", size=(1200, 900), color=(20 * n, 90, 40)), "item_photo")


@needs_poppler
def test_pages_drawn_while_pictures_are_prepared_match_a_render_afterwards(lib, case, tmp_path, monkeypatch):
    """The print export draws exhibits as their pictures come back, numbering pages from counts predicted from
    the headers; a wrong prediction falls back to drawing everything afterwards. Both give the same document."""
    from datetime import datetime, timezone

    from evidence_app.export import bundle

    _bundle_for_streaming(lib, case, tmp_path)
    now = datetime(2025, 8, 20, 10, 0, tzinfo=timezone.utc)
    def steps(progress):
        whats = [w for _, _, w in progress]
        last_prepared = max(n for n, w in enumerate(whats) if w.startswith("准备图片 "))
        first_drawn = max(n for n, w in enumerate(whats) if w.startswith("排版 证据 1/"))  # the one kept
        return first_drawn < last_prepared

    progress = []
    streamed = bundle.BundleExporter(lib, case.id, now=now, workers=2,
                                     progress=lambda d, t, w: progress.append((d, t, w)))
    first = streamed.export_pdf(tmp_path / "streamed.pdf")
    assert steps(progress)  # exhibits were drawn before the last picture was prepared
    assert [d for d, _, _ in progress] == sorted(d for d, _, _ in progress) and progress[-1][0] == progress[-1][1]

    monkeypatch.setattr(bundle, "predict_slices", lambda job: 1)  # the tall chat has more than one slice
    progress = []
    again = bundle.BundleExporter(lib, case.id, now=now, workers=2,
                                  progress=lambda d, t, w: progress.append((d, t, w)))
    second = again.export_pdf(tmp_path / "after.pdf")
    assert not steps(progress)  # the chat's page count was wrong: everything drawn once all were prepared
    assert [d for d, _, _ in progress] == sorted(d for d, _, _ in progress) and progress[-1][0] == progress[-1][1]
    assert first.pages == second.pages == len(PdfReader(tmp_path / "after.pdf").pages)
    assert pdftext(tmp_path / "streamed.pdf") == pdftext(tmp_path / "after.pdf")  # same numbers, same index
    assert "第 1/" in pdftext(tmp_path / "after.pdf")  # the chat's slices are there


def test_a_drawing_error_while_pictures_are_prepared_is_not_blamed_on_a_picture(lib, case, tmp_path, monkeypatch):
    """Pages drawn early fail like pages drawn afterwards: the error says what failed, not "证据 N cannot be
    decoded" for whichever picture was still being prepared (which the window would offer to leave out)."""
    from evidence_app.export import bundle

    _bundle_for_streaming(lib, case, tmp_path)
    draw = bundle.BundleExporter._draw_exhibit

    def broken(self, c, page, *args, **kwargs):
        if page.number == 2:
            raise RuntimeError("reportlab broke on this page")
        return draw(self, c, page, *args, **kwargs)

    monkeypatch.setattr(bundle.BundleExporter, "_draw_exhibit", broken)
    with pytest.raises(RuntimeError, match="reportlab broke"):
        bundle.BundleExporter(lib, case.id, workers=2).export_pdf(tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()
