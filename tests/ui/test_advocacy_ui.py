"""Statement drafting and the export dialog's warnings, driven offscreen (issue 9)."""

from PySide6.QtCore import Qt

from evidence_app.core import statements
from tests import factories
from tests.ui.test_main_window import case_window  # noqa: F401 - fixture


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
