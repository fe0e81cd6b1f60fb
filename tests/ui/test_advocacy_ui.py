"""Statement drafting and the export dialog's warnings, driven offscreen (issue 9)."""

from PySide6.QtCore import Qt

from evidence_app.core import statements
from tests import factories


def test_draft_button_and_numbers_follow_reordering(case_window, lib, qtbot, tmp_path):  # noqa: F811
    window, case = case_window
    lib.update_case(case.id, **dict([lib.parse_field("signed_at", "2025-08-16T17:05")]))
    slip = lib.add_file(case.id, factories.photo(tmp_path / "slip.jpg"), "signature_slip").item
    chat = lib.add_file(case.id, factories.png(tmp_path / "chat.png"), "chat_screenshot").item
    window.open_case(case.id)
    form = window.form
    form.statement.setPlainText("旧的说明")
    qtbot.mouseClick(form.draft_button, Qt.MouseButton.LeftButton)
    text = form.statement.toPlainText()
    assert "签收底单显示为本人签收(证据 1)" in text and "确认已收到货(证据 2)" in text
    stored = lib.case(case.id).statement
    assert statements.token(slip) in stored and statements.token(chat) in stored
    assert form.count.text().startswith(f"{len(text)} / 200")  # the rendered text is what is counted
    form.statement.undo()  # the draft is one edit: Ctrl+Z brings the old text back
    assert form.statement.toPlainText() == "旧的说明"
    form.statement.redo()
    form.flush()
    lib.reorder(case.id, [chat.id, slip.id])
    window.refresh_case()
    text = form.statement.toPlainText()
    assert "签收底单显示为本人签收(证据 2)" in text and "确认已收到货(证据 1)" in text
    assert lib.case(case.id).statement == stored  # the stored references did not change


def test_typing_a_number_cites_the_exhibit_shown(case_window, lib, qtbot, tmp_path):  # noqa: F811
    window, case = case_window
    first = lib.add_file(case.id, factories.photo(tmp_path / "a.jpg"), "signature_slip").item
    second = lib.add_file(case.id, factories.png(tmp_path / "b.png"), "chat_screenshot").item
    window.refresh_case()
    window.form.statement.setPlainText("见证据 2")
    # reordered before the typing timer fired: the saved reference is still the exhibit the agent saw as 证据 2
    lib.reorder(case.id, [second.id, first.id])
    window.refresh_case()
    assert lib.case(case.id).statement == "见" + statements.token(second)
    assert window.form.statement.toPlainText() == "见证据 1"


def _dialog(window, qtbot, asked):
    dialog = window.export_dialog()
    qtbot.addWidget(dialog)
    dialog.ask = lambda text: asked.append(text) or True
    return dialog


def test_dialog_lists_the_problems_and_asks_once(case_window, lib, qtbot, tmp_path):  # noqa: F811
    window, case = case_window
    lib.add_file(case.id, factories.photo(tmp_path / "w.jpg"), "waybill_photo")  # never proves signing
    window.refresh_case()
    asked, kinds = [], []
    dialog = _dialog(window, qtbot, asked)
    dialog.add_files_for.disconnect()
    dialog.add_files_for.connect(kinds.append)
    text = dialog.problem_list.text()
    assert dialog.problem_list.isVisibleTo(dialog) and "缺少必需材料" in text and "签收底单" in text
    assert 'href="kind:signature_slip"' in text
    dialog.problem_list.linkActivated.emit("kind:signature_slip")
    assert kinds == ["signature_slip"]
    target = tmp_path / "out.pdf"
    dialog.path.setText(str(target))
    with qtbot.waitSignal(dialog.exported, timeout=60000):
        qtbot.mouseClick(dialog.start, Qt.MouseButton.LeftButton)
    assert len(asked) == 1 and "签收底单" in asked[0] and target.is_file()
    with qtbot.waitSignal(dialog.exported, timeout=60000):  # the same problems: not asked again
        qtbot.mouseClick(dialog.start, Qt.MouseButton.LeftButton)
    assert len(asked) == 1
    # declining writes nothing
    other = _dialog(window, qtbot, [])
    other.ask = lambda text: False
    other.path.setText(str(tmp_path / "declined.pdf"))
    qtbot.mouseClick(other.start, Qt.MouseButton.LeftButton)
    assert other.worker is None and not (tmp_path / "declined.pdf").exists()


def test_a_ready_case_exports_without_asking(case_window, lib, qtbot, tmp_path):  # noqa: F811
    window, case = case_window
    lib.update_case(case.id, **dict([lib.parse_field("due_at", "2099-01-01T12:00")]))
    lib.add_file(case.id, factories.photo(tmp_path / "s.jpg"), "signature_slip")
    window.refresh_case()
    assert window.checklist.result.ready
    asked = []
    dialog = _dialog(window, qtbot, asked)
    assert not dialog.problem_list.isVisibleTo(dialog)
    dialog.path.setText(str(tmp_path / "ready.pdf"))
    with qtbot.waitSignal(dialog.exported, timeout=60000):
        qtbot.mouseClick(dialog.start, Qt.MouseButton.LeftButton)
    assert asked == [] and (tmp_path / "ready.pdf").is_file()


def test_review_button_names_and_upload_preview(case_window, lib, qtbot, tmp_path):  # noqa: F811
    window, case = case_window
    lib.add_file(case.id, factories.photo(tmp_path / "s.jpg", size=(1600, 900)), "signature_slip")
    window.refresh_case()
    dialog = _dialog(window, qtbot, [])
    printed = dialog.path.text()
    dialog.compact_button.setChecked(True)
    assert dialog.path.text() != printed and dialog.path.text().endswith("_压缩版.pdf")
    dialog.print_button.setChecked(True)
    dialog.path.setText(str(tmp_path / "b.pdf"))
    qtbot.mouseClick(dialog.review_button, Qt.MouseButton.LeftButton)
    review = tmp_path / "b_内部审阅.pdf"
    assert review.is_file() and "内部审阅" in dialog.status.text()
    assert dialog.preview.current_image() is not None
    dialog.images_button.setChecked(True)
    assert "举证图片_" in dialog.path.toolTip() and "新建" in dialog.path.toolTip()  # the folder chosen is the parent
    dialog.path.setText(str(tmp_path / "pack"))
    with qtbot.waitSignal(dialog.exported, timeout=60000):
        qtbot.mouseClick(dialog.start, Qt.MouseButton.LeftButton)
    assert "已生成 2 张图片" in dialog.status.text()  # 00_举证清单.jpg and 01_签收底单.jpg, not statement.txt
    assert dialog.result.path.parent == tmp_path / "pack" and dialog.result.path.name.startswith("举证图片_")
    assert dialog.result.files[0].name == "00_举证清单.jpg"  # the image the preview shows
    shown = dialog.preview.current_image()
    assert shown is not None and shown.width() > shown.height()  # the checklist image, trimmed to its content
