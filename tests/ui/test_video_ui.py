"""Videos in the desktop app (issue 12): drop one in, see its poster with the duration, scrub frame by frame
(decoded off the GUI thread), mark and caption key frames, redact one, and find them in the export."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from evidence_app.core.model import Redaction
from evidence_app.imaging.video_sample import make_video, read_index
from tests.ui.test_main_window import drop_files, wait_import


@pytest.fixture
def video_window(window, lib, tmp_path):
    case = lib.create_case("missing_items", "taobao", order_no="V9")
    window.refresh_cases()
    window.open_case(case.id)
    return window, case


def _shown_index(viewer) -> int:
    from PIL import Image

    image = viewer.canvas.pixmap_item.pixmap().toImage().convertToFormat(QImage.Format.Format_RGB888)
    data = bytes(image.constBits())[: image.bytesPerLine() * image.height()]
    picture = Image.frombytes("RGB", (image.width(), image.height()), data, "raw", "RGB", image.bytesPerLine())
    return read_index(picture)


def _wait_frame(qtbot, viewer, t):
    qtbot.waitUntil(lambda: viewer.frame_shown is not None and abs(viewer.frame_shown - t) < 1e-6
                    and not viewer.decoder.busy, timeout=20000)


def test_drop_a_video_scrub_mark_and_export(video_window, lib, qtbot, tmp_path, monkeypatch):
    window, case = video_window
    video = make_video(tmp_path / "打包视频.mp4", seconds=6, fps=10)
    fake = tmp_path / "fake.mp4"
    fake.write_text("not a video", encoding="utf-8")
    drop_files(window, [video, fake])
    wait_import(qtbot, window)
    items = lib.items(case.id)
    assert len(items) == 1 and items[0].is_video and items[0].kind == "packing_record"  # named 打包
    item = items[0]
    # the board's poster frame carries the duration
    from evidence_app.imaging.thumbs import THUMB_PX, thumbnail

    poster = thumbnail(lib.file_path(item), item, lib.root / "thumbs", THUMB_PX)
    assert poster.is_file()

    viewer = window.open_viewer(item.id)
    viewer.resize(1366, 768)
    qtbot.waitExposed(viewer)
    assert viewer.video_panel.isVisible()
    first = item.frames[0].t
    _wait_frame(qtbot, viewer, first)
    viewer.video_panel.seek(1.5)
    _wait_frame(qtbot, viewer, 1.5)
    assert _shown_index(viewer) == 15
    qtbot.keyClick(viewer, Qt.Key.Key_Right)  # one frame
    _wait_frame(qtbot, viewer, 1.6)
    assert _shown_index(viewer) == 16
    qtbot.keyClick(viewer, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)  # one second
    _wait_frame(qtbot, viewer, 2.6)
    assert _shown_index(viewer) == 26
    qtbot.keyClick(viewer, Qt.Key.Key_Left)
    _wait_frame(qtbot, viewer, 2.5)
    viewer.video_panel.clear_key_frames()
    assert lib.item(item.id).frames == []
    qtbot.keyClick(viewer, Qt.Key.Key_K)  # marks 2.5 s
    viewer.video_panel.set_caption("封箱前 3 件商品")
    viewer.add_redaction(Redaction(0, 0, 320, 40))  # on the key frame shown
    viewer.video_panel.seek(4.0)
    _wait_frame(qtbot, viewer, 4.0)
    qtbot.mouseClick(viewer.video_panel.mark_button, Qt.MouseButton.LeftButton)
    stored = lib.item(item.id)
    assert [(f.t, f.caption) for f in stored.frames] == [(2.5, "封箱前 3 件商品"), (4.0, "")]
    assert stored.redactions == [Redaction(0, 0, 320, 40, 2500)]
    opened = []
    monkeypatch.setattr("evidence_app.ui.video_panel.QDesktopServices.openUrl", lambda url: opened.append(url))
    qtbot.mouseClick(viewer.video_panel.play_button, Qt.MouseButton.LeftButton)
    assert opened and opened[0].toLocalFile() == str(lib.file_path(stored))
    viewer.video_panel.seek(2.5)
    _wait_frame(qtbot, viewer, 2.5)
    viewer.grab().save(str(tmp_path / "viewer.png"))
    viewer.close()

    from evidence_app.export.bundle import export_pdf

    out = tmp_path / "bundle.pdf"
    export_pdf(lib, case.id, out, workers=1)
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(out))
    try:
        text = "".join(page.get_textpage().get_text_range() for page in pdf)
    finally:
        pdf.close()
    assert "00:00:02.5" in text and "封箱前 3 件商品" in text and "00:00:04.0" in text


def test_video_viewer_keys_page_between_exhibits(video_window, lib, qtbot, tmp_path):
    window, case = video_window
    from tests import factories

    lib.add_file(case.id, factories.photo(tmp_path / "p.jpg"), "item_photo")
    video = lib.add_file(case.id, make_video(tmp_path / "v.mp4", seconds=3), "packing_record").item
    window.open_case(case.id)
    viewer = window.open_viewer(video.id)
    _wait_frame(qtbot, viewer, video.frames[0].t)
    qtbot.keyClick(viewer, Qt.Key.Key_PageUp)
    assert viewer.item.is_video is False and not viewer.video_panel.isVisible()
    qtbot.keyClick(viewer, Qt.Key.Key_Right)
    assert viewer.item.id == video.id
    _wait_frame(qtbot, viewer, video.frames[0].t)
    viewer.close()
