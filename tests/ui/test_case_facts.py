"""The case facts section of the case form and the attestation entries of the board's context menu."""

import pytest
from PySide6.QtWidgets import QMenu

from tests import factories


@pytest.fixture
def opened(window, lib):
    case = lib.create_case("signed_not_received", "taobao", order_no="9001")
    window.refresh_cases()
    window.open_case(case.id)
    return window, case


def test_facts_open_when_relevant_and_save(opened, lib, qtbot):
    window, case = opened
    window.case_page.show_facts(True)  # the case's fields, under the one-line summary (issue 13)
    facts = window.form.facts
    assert facts.toggle.isChecked() and facts.body.isVisibleTo(window)  # receipt_confirmed matters here
    assert facts.labels["receipt_confirmed"].font().bold()
    window.form.scenario.setCurrentIndex(window.form.scenario.findData("not_as_described"))
    assert lib.case(case.id).scenario == "not_as_described"
    assert not facts.toggle.isChecked() and not facts.body.isVisibleTo(window)  # nothing depends on facts
    window.form.scenario.setCurrentIndex(window.form.scenario.findData("refusal_freight"))
    assert facts.toggle.isChecked()
    facts.widgets["cod"].setChecked(True)
    assert lib.case(case.id).cod is True
    window.open_case(case.id)
    assert any(r.requirement.id == "cod_consent" for r in window.checklist.result.requirements)
    money = facts.widgets["claimed_freight"]
    money.setText("12")
    money.editingFinished.emit()
    assert lib.case(case.id).claimed_freight == "12.00" and money.text() == "12.00"
    reason = facts.widgets["refusal_reason"]
    reason.setCurrentIndex(reason.findData("damaged"))
    assert lib.case(case.id).refusal_reason == "damaged"
    with qtbot.waitSignal(window.form.error) as blocker:
        money.setText("abc")
        money.editingFinished.emit()
    assert "abc" in blocker.args[0] and lib.case(case.id).claimed_freight == "12.00"


def test_blocking_finding_banner(opened, lib):
    window, case = opened
    lib.update_case(case.id, scenario="refusal_freight", platform="tmall", refusal_reason="damaged")
    window.open_case(case.id)
    banner = window.checklist.findChild(object, "finding_freight_refusal_with_reason")
    assert banner is not None and banner.text().startswith("✗") and "第四十九条" in banner.toolTip()
    assert not window.checklist.result.ready


def test_attest_from_the_board_menu(opened, lib, tmp_path):
    window, case = opened
    item = lib.add_file(case.id, factories.photo(tmp_path / "chat.jpg"), "chat_screenshot").item
    window.refresh_case()
    assert window.checklist.result.requirements[0].status == "unconfirmed"
    menu = QMenu(window.board)
    window.board._attest_entries(menu, item.id)
    action = next(a for a in menu.actions() if a.objectName() == "attest_chat_admits_receipt")
    assert action.isCheckable() and not action.isChecked() and "承认已收到商品" in action.text()
    action.setChecked(True)
    assert lib.item(item.id).attestations == ["chat_admits_receipt"]
    assert window.checklist.result.ready
    menu = QMenu(window.board)
    window.board._attest_entries(menu, item.id)
    again = next(a for a in menu.actions() if a.objectName() == "attest_chat_admits_receipt")
    assert again.isChecked()
    again.setChecked(False)
    assert lib.item(item.id).attestations == []
