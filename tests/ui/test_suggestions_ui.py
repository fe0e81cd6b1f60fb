"""The viewer's suggested redactions: dashed boxes with their labels, applied one by one (click or list) or all at
once, undone with Ctrl+Z, and burned into the export like drawn boxes."""

import subprocess
import shutil

import pytest
from PySide6.QtCore import QPoint, Qt

from tests.textimages import text_image, valid_id

LINES = ["运单号 SF1234567890123", "收件人:张三 13812345678", "身份证 " + valid_id(), "备注 138****5678 放门口"]


@pytest.fixture
def shown(window, lib, qtbot, tmp_path):
    case = lib.create_case("signed_not_received", "taobao", order_no="9001")
    path, reading = text_image(tmp_path / "面单.png", LINES)
    item = lib.add_file(case.id, path, "waybill_photo").item
    lib.reading = lambda sha256: reading if sha256 == item.sha256 else None
    window.refresh_cases()
    window.open_case(case.id)
    viewer = window.open_viewer(item.id)
    qtbot.addWidget(viewer)
    viewer.resize(1366, 768)
    qtbot.waitExposed(viewer)
    return viewer, item, case


def _dashed(viewer):
    return [i for i in viewer.canvas.scene().items() if i.data(0) == "suggestion" and hasattr(i, "rect")]


def test_suggestions_are_shown_applied_and_undone(shown, lib, qtbot, tmp_path):
    from tests.ui.test_no_english import _english

    viewer, item, _case = shown
    panel = viewer.suggestions_panel
    assert [panel.list.item(n).text() for n in range(panel.list.count())] == ["姓名", "手机号", "身份证号"]
    assert len(_dashed(viewer)) == 3 and lib.item(item.id).redactions == []
    assert not _english(viewer)
    viewer.grab().save(str(tmp_path / "viewer.png"))
    # a click on the phone number's dashed box blacks it out
    phone = next(r for r in _dashed(viewer) if r.data(1) == 1)
    expected = viewer.suggestions[1].redaction()
    centre = viewer.canvas.mapFromScene(phone.mapToScene(phone.rect().center()))
    qtbot.mouseClick(viewer.canvas.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(centre.x(), centre.y()))
    (box,) = lib.item(item.id).redactions
    assert box == expected
    assert [s.reason for s in viewer.suggestions] == ["name", "id_card"]
    assert len(_dashed(viewer)) == 2
    # Ctrl+Z takes it back, like a drawn box
    qtbot.keyClick(viewer, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert lib.item(item.id).redactions == [] and len(viewer.suggestions) == 3
    # one from the list: the selected row
    panel.list.setCurrentRow(2)
    qtbot.mouseClick(panel.apply_button, Qt.MouseButton.LeftButton)
    assert len(lib.item(item.id).redactions) == 1 and [s.reason for s in viewer.suggestions] == ["name", "phone"]
    # the rest at once
    qtbot.mouseClick(panel.apply_all_button, Qt.MouseButton.LeftButton)
    assert len(lib.item(item.id).redactions) == 3 and viewer.suggestions == [] and not _dashed(viewer)
    assert not panel.apply_all_button.isEnabled() and "未发现" in panel.status.text()
    # a box drawn by hand is undone the same way, and the applied ones stay
    from evidence_app.core.model import Redaction

    viewer.add_redaction(Redaction(5, 5, 20, 20))
    viewer.undo_redaction()
    assert len(lib.item(item.id).redactions) == 3


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils not installed")
def test_applied_suggestions_are_burned_in_not_text(shown, lib, qtbot, tmp_path):
    from evidence_app.export.bundle import export_pdf

    viewer, item, case = shown
    viewer.apply_all_suggestions()
    out = tmp_path / "b.pdf"
    export_pdf(lib, case.id, out, workers=1)
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "SF1234567890123" in text and "放门口" in text
    for secret in ("13812345678", "张三", valid_id()[:10]):
        assert secret not in text


def test_without_a_reading_the_panel_says_why(window, lib, qtbot, tmp_path, monkeypatch):
    from evidence_app.storage.library import Library

    case = lib.create_case("signed_not_received", "taobao", order_no="9002")
    item = lib.add_file(case.id, text_image(tmp_path / "面单2.png", LINES)[0], "waybill_photo").item
    monkeypatch.setattr(Library, "reading_off", lambda self: True, raising=False)
    window.refresh_cases()
    window.open_case(case.id)
    viewer = window.open_viewer(item.id)
    qtbot.addWidget(viewer)
    panel = viewer.suggestions_panel
    assert "未安装文字识别" in panel.status.text() and not panel.apply_all_button.isEnabled()
    monkeypatch.setattr(Library, "reading_off", lambda self: False, raising=False)
    viewer.show_item()
    assert "尚未识别" in panel.status.text()
    # read in the background meanwhile: the viewer is told and shows what to black out
    reading = text_image(tmp_path / "again.png", LINES)[1]
    lib.reading = lambda sha256: reading if sha256 == item.sha256 else None
    viewer.reading_done("0" * 64)
    assert panel.list.count() == 0
    viewer.reading_done(item.sha256)
    assert panel.list.count() == 3 and panel.apply_all_button.isEnabled()


def test_the_windows_background_reading_reaches_an_open_viewer(window, lib, qtbot, tmp_path, monkeypatch):
    """A viewer opened before its file was read shows the suggestions as soon as the window's reading stores them."""
    monkeypatch.setattr(type(lib), "reading_off", lambda self: False, raising=False)
    case = lib.create_case("signed_not_received", "taobao", order_no="9002")
    path, reading = text_image(tmp_path / "面单.png", LINES)
    item = lib.add_file(case.id, path, "waybill_photo").item
    lib.reading = lambda sha256: None
    window.refresh_cases()
    window.open_case(case.id)
    viewer = window.open_viewer(item.id)
    qtbot.addWidget(viewer)
    panel = viewer.suggestions_panel
    assert panel.list.count() == 0 and not _dashed(viewer)
    lib.reading = lambda sha256: reading if sha256 == item.sha256 else None
    window.reading.changed.emit({item.sha256})
    assert panel.list.count() == 3 and len(_dashed(viewer)) == 3
