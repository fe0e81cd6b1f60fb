"""Statement references follow the exhibits; drafts come from per-scenario templates (issue 9)."""

import shutil
import subprocess

import pytest

from evidence_app.core import statements
from evidence_app.export.bundle import export_pdf
from evidence_app.export.document import draft_statement
from evidence_app.export.upload import export_images
from tests import factories

SCENARIOS_NOW = ("signed_not_received", "lost_in_transit", "missing_items", "wrong_item", "damaged_in_transit",
                 "quality_issue", "not_as_described", "size_mismatch", "counterfeit", "return_resale_damaged",
                 "refusal_freight", "late_shipment", "agreement_dispute")
SCENARIOS_NEW = ("return_not_as_sent", "return_not_received", "refused_other_reason", "gift_dispute",
                 "invisible_not_as_described", "repair_warranty", "price_protection", "invoice_dispute")
needs_poppler = pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils not installed")


def add(lib, case_id, path, kind, caption=""):
    result = lib.add_file(case_id, path, kind, caption)
    assert result.item, result.refused
    return result.item


@pytest.fixture
def signed(lib, tmp_path):
    case = lib.create_case("signed_not_received", "taobao", order_no="A1")
    lib.update_case(case.id, **dict([lib.parse_field("signed_at", "2025-08-16T17:05")]))
    slip = add(lib, case.id, factories.photo(tmp_path / "slip.jpg"), "signature_slip", "本人签收")
    chat = add(lib, case.id, factories.png(tmp_path / "chat.png"), "chat_screenshot", "确认收货")
    return case.id, slip, chat


def test_every_scenario_has_a_template_in_both_languages(catalog):
    templates = statements.templates()
    for scenario in (*SCENARIOS_NOW, *SCENARIOS_NEW, *catalog.scenarios):
        assert scenario in templates, scenario
        assert templates[scenario].clauses["zh_CN"] and templates[scenario].clauses["en"], scenario
    kinds = set(catalog.kinds) | {"order_snapshot", "refund_history", "return_unboxing_record", "sales_invoice",
                                  "repair_record"}
    for template in templates.values():
        for clauses in template.clauses.values():
            for clause in clauses:
                for name in statements.PLACEHOLDER.findall(clause):
                    if name.startswith("证据:"):
                        assert set(name[3:].split("|")) <= kinds, (template.scenario, name)


def test_draft_cites_exhibits_by_reference_and_drops_what_is_unknown(lib, signed):
    case_id, slip, chat = signed
    stored = draft_statement(lib, case_id, "zh_CN")
    assert statements.token(slip) in stored and statements.token(chat) in stored
    shown = statements.render(stored, lib.items(case_id))
    assert "2025-08-16 17:05本人签收" not in shown and "于2025-08-16 17:05签收" in shown
    assert "签收底单显示为本人签收(证据 1)" in shown and "确认已收到货(证据 2)" in shown
    assert "授权签收证明" not in shown and "盖章" not in shown  # no such exhibits: those clauses are left out
    assert len(shown) <= 200
    english = statements.render(draft_statement(lib, case_id, "en"), lib.items(case_id), "en")
    assert "(Exhibit 1)" in english and "signed for at 2025-08-16 17:05" in english


def test_draft_fits_the_platforms_limit(lib, signed):
    case_id, *_ = signed
    case = lib.case(case_id)
    full = statements.draft(case, lib.items(case_id))
    short = statements.draft(case, lib.items(case_id), limit=40)
    assert 0 < len(statements.render(short, lib.items(case_id))) <= 40 < len(statements.render(full, lib.items(case_id)))


def test_draft_leaves_out_times_counted_against_the_shop(lib, tmp_path):
    case = lib.create_case("late_shipment", "jd")
    lib.update_case(case.id, **dict([lib.parse_field("paid_at", "2025-08-20T10:00"),
                                     lib.parse_field("pickup_at", "2025-08-23T09:00")]))
    add(lib, case.id, factories.png(tmp_path / "t.png"), "tracking_screenshot")
    shown = statements.render(draft_statement(lib, case.id, "zh_CN"), lib.items(case.id))
    assert "2025-08-23" not in shown and "揽收记录见证据 1" in shown


def test_typed_numbers_become_references_and_follow_reordering(lib, signed, tmp_path):
    case_id, slip, chat = signed
    stored = statements.to_stored("见证据 2 和证据 1,证据 9 不存在", lib.items(case_id))
    assert stored == f"见{statements.token(chat)} 和{statements.token(slip)},证据 9 不存在"
    lib.reorder(case_id, [chat.id, slip.id])
    assert statements.render(stored, lib.items(case_id)) == "见证据 1 和证据 2,证据 9 不存在"
    lib.trash_item(chat.id)
    assert statements.render(stored, lib.items(case_id)) == "见(已删除的证据) 和证据 1,证据 9 不存在"
    assert statements.dangling(stored, lib.items(case_id)) == 1


@needs_poppler
def test_reordered_exhibits_are_cited_with_their_new_numbers_everywhere(lib, signed, tmp_path):
    case_id, slip, chat = signed
    lib.update_case(case_id, statement=statements.to_stored("本人签收见证据 1,聊天见证据 2。", lib.items(case_id)))
    lib.reorder(case_id, [chat.id, slip.id])
    out = tmp_path / "b.pdf"
    export_pdf(lib, case_id, out)
    cover = subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(out), "-"], capture_output=True, text=True,
                           check=True).stdout
    assert "本人签收见证据 2,聊天见证据 1。" in cover
    pack = export_images(lib, case_id, tmp_path / "pack").path  # 举证图片_<order>_<time> inside pack/
    assert (pack / "statement.txt").read_text(encoding="utf-8-sig") == "本人签收见证据 2,聊天见证据 1。"


def test_references_survive_an_archive(lib, signed, tmp_path, data_dir):
    from evidence_app.storage.archive import export_case, import_case
    from evidence_app.storage.library import Library

    case_id, slip, chat = signed
    lib.update_case(case_id, statement=statements.to_stored("见证据 2", lib.items(case_id)))
    export_case(lib, case_id, tmp_path / "c.evpack")
    other = Library(tmp_path / "other")
    try:
        new_id = import_case(other, tmp_path / "c.evpack")
        new_id = new_id if isinstance(new_id, int) else new_id.id
        assert statements.render(other.case(new_id).statement, other.items(new_id)) == "见证据 2"
    finally:
        other.close()
