"""The submission argues the shop's case; the internal review carries our judgement (issue 9)."""

import shutil
import subprocess
from datetime import datetime, timezone
from pathlib import Path

import pytest

from evidence_app.core import checklist as checklist_mod
from evidence_app.core.deadlines import Finding
from evidence_app.export.bundle import export_pdf
from evidence_app.export.document import build
from evidence_app.export.review import MARK, export_review
from tests import factories

needs_poppler = pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils not installed")
ADMISSIONS = ("缺少", "尚缺", "未提供", "超时", "还剩", "可以提交")
NOW = datetime(2025, 9, 1, 10, 0, tzinfo=timezone.utc)


def pdftext(path: Path, page: int | None = None) -> str:
    args = ["pdftotext", "-layout"]
    if page:
        args += ["-f", str(page), "-l", str(page)]
    return subprocess.run([*args, str(path), "-"], capture_output=True, text=True, check=True).stdout


def pages(path: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(path).pages)


def set_times(lib, case_id, **times):
    lib.update_case(case_id, **dict(lib.parse_field(k, v) for k, v in times.items()))


def add(lib, case, path, kind, caption=""):
    result = lib.add_file(case.id, path, kind, caption)
    assert result.item, result.refused
    return result.item


JD_AGREEMENT = "《京东开放平台交易纠纷处理总则》第二十四条"  # agreements on JD (rules.toml `agreement`)
TB_REFUSAL_FREIGHT = "《淘宝平台争议处理规则》(2025-08-15)第五十三条"
TB_LATE_OR_REFUNDED = "《淘宝平台争议处理规则》(2025-08-15)第二十七条"


def flat(text: str) -> str:
    """pdftotext output without line breaks and layout spaces: a citation wraps inside its table cell."""
    return "".join(text.split())


@pytest.fixture
def jd_late(lib, tmp_path):
    """JD late-shipment complaint: the pickup came 23 h after the promise, no proof of pickup time uploaded
    (only a chat screenshot, which the agent confirmed shows the agreement in the platform chat), the evidence is
    due in a couple of days."""
    lib.set_setting("shop_name", "京东示例店")
    case = lib.create_case("late_shipment", "jd", order_no="JD20250820", buyer="李四", amount="59")
    set_times(lib, case.id, paid_at="2025-08-20T10:00", pickup_at="2025-08-23T09:00", due_at="2025-09-03T12:00")
    chat = add(lib, case, factories.png(tmp_path / "chat.png"), "chat_screenshot", "买家同意延后发货")
    lib.update_item(chat.id, attestations=["chat_platform_agreement"])
    gone = add(lib, case, factories.photo(tmp_path / "old.jpg"), "other", "拍错的照片")
    lib.trash_item(gone.id)
    return lib.case(case.id)


@pytest.fixture
def tb_refusal(lib, tmp_path):
    """Taobao refusal-freight claim where the buyer asked for the refund before the pickup: the judgement's
    blocking finding (Art. 27), whatever is uploaded. The carrier's proof is confirmed to state a refusal
    without reason."""
    case = lib.create_case("refusal_freight", "taobao", order_no="TB777", buyer="王五", amount="120")
    set_times(lib, case.id, paid_at="2025-08-20T10:00", pickup_at="2025-08-21T09:00", refund_at="2025-08-20T20:00",
              due_at="2025-08-30T12:00")
    stamp = add(lib, case, factories.photo(tmp_path / "stamp.jpg"), "carrier_stamped_proof", "快递公司拒签证明")
    lib.update_item(stamp.id, attestations=["refusal_without_reason"])
    add(lib, case, factories.photo(tmp_path / "fee.jpg", color=(20, 90, 30)), "freight_receipt", "运费发票")
    return lib.case(case.id)


@needs_poppler
def test_jd_late_shipment_submission_admits_nothing(lib, jd_late, tmp_path):
    out = tmp_path / "jd.pdf"
    export_pdf(lib, jd_late.id, out)
    text = pdftext(out)
    for word in (*ADMISSIONS, "淘宝"):
        assert word not in text, word
    assert "京东" in text and "JD20250820" in text and "举证说明" in text and "证据目录" in text
    # the late pickup is not printed on the cover (it is what the buyer would compute against the shop)
    assert "2025-08-23" not in pdftext(out, 1)
    assert "拍错的照片" not in text and "举证截止" not in text
    # the recommended chat requirement is met (confirmed): it is a point, with its exhibit and JD's own rule
    assert "见证据 1" in text and "买家已在平台聊天中同意该发货时间" in text
    assert JD_AGREEMENT in flat(text)


@needs_poppler
def test_jd_submission_argues_the_judgements_favourable_finding(lib, jd_late, tmp_path):
    """The buyer agreed to the later time in the platform chat: the judgement's favourable finding is argued with
    JD's rule, while the late pickup it excuses stays off the submission."""
    lib.update_case(jd_late.id, buyer_consented_late=True)
    doc = build(lib, jd_late.id, now=NOW)
    assert ("买家已在平台聊天中同意延后发货,发货时间符合双方约定", JD_AGREEMENT) in doc.arguments
    out = tmp_path / "consent.pdf"
    export_pdf(lib, jd_late.id, out)
    text = pdftext(out)
    assert "发货时间符合双方约定" in text and JD_AGREEMENT in flat(text)
    for word in (*ADMISSIONS, "淘宝", "2025-08-23"):
        assert word not in text, word


@needs_poppler
def test_jd_on_time_pickup_is_argued(lib, tmp_path):
    case = lib.create_case("late_shipment", "jd", order_no="JD2")
    set_times(lib, case.id, paid_at="2025-08-20T10:00", pickup_at="2025-08-20T18:00")
    add(lib, case, factories.photo(tmp_path / "track.jpg"), "tracking_screenshot")
    (argument, rule), = build(lib, case.id).arguments
    assert argument.startswith("承运人系统记录的揽收时间为") and "在承诺发货时限" in argument
    assert rule == "依平台通行做法"  # JD's texts do not say it: plainly practice, never Taobao's 第二十五条
    out = tmp_path / "ontime.pdf"
    export_pdf(lib, case.id, out)
    text = flat(pdftext(out))
    assert "承运人系统记录的揽收时间为" in text and "之内" in text and "淘宝" not in text
    assert "揽收时间(首次揽收扫描)" in pdftext(out, 1)  # a time that helps the shop is on the cover


@needs_poppler
def test_jd_late_shipment_review_has_the_gaps(lib, jd_late, tmp_path):
    out = tmp_path / "review.pdf"
    export_review(lib, jd_late.id, out, now=NOW)
    text = pdftext(out)
    assert text.lstrip().startswith(MARK)
    for needle in ("缺少", "物流轨迹截图", "发货超时", "还剩", "尚不能提交", "拍错的照片", "回收站"):
        assert needle in text, needle
    # JD's rules, or plainly common practice where JD's texts say nothing (pickup time): never Taobao's
    assert JD_AGREEMENT in flat(text) and "依平台通行做法" in text and "淘宝" not in text
    for page in range(1, pages(out) + 1):
        assert pdftext(out, page).count(MARK) >= 2, page  # top and footer


@needs_poppler
def test_taobao_refusal_with_a_blocking_finding(lib, tb_refusal, tmp_path):
    doc = build(lib, tb_refusal.id, now=NOW)
    assert not doc.checklist.ready and any(p.kind == "blocking" for p in doc.problems)
    out, review = tmp_path / "tb.pdf", tmp_path / "tb-review.pdf"
    export_pdf(lib, tb_refusal.id, out)
    export_review(lib, tb_refusal.id, review, now=NOW)
    text = pdftext(out)
    for word in ADMISSIONS:
        assert word not in text, word
    assert "早于揽收" not in text and "运费由商家承担" not in text and "未经同意发货" not in text
    assert TB_REFUSAL_FREIGHT in flat(text) and "见证据 1" in text and "见证据 2" in text
    assert "2025-08-20 20:00" not in pdftext(out, 1)  # the refund time the finding counts against the shop
    rtext = pdftext(review)
    for needle in ("阻断", "未经同意发货", "无法支持商家主张"):
        assert needle in rtext, needle
    assert TB_LATE_OR_REFUNDED in flat(rtext)
    for page in range(1, pages(review) + 1):
        assert MARK in pdftext(review, page)


@needs_poppler
def test_favourable_findings_are_argued_with_the_platforms_rule(lib, tmp_path, monkeypatch):
    real = checklist_mod.evaluate

    def evaluate(*args, **kwargs):
        result = real(*args, **kwargs)
        result.findings.append(Finding("seven_day_window", "outside", "退款申请已超过七天无理由期限", favours="shop",
                                       argument="买家于签收后第 8 日申请退货,已超出七天无理由退货期限",
                                       rule="京东退换货规则第8条"))
        result.findings.append(Finding("x", "late", "对商家不利的内部判断", favours="buyer", rule="淘宝争议处理规则第1条"))
        return result

    monkeypatch.setattr(checklist_mod, "evaluate", evaluate)
    case = lib.create_case("late_shipment", "jd", order_no="JD1")
    out = tmp_path / "a.pdf"
    export_pdf(lib, case.id, out)
    text = pdftext(out)
    assert "已超出七天无理由退货期限" in text and "京东退换货规则第8条" in text
    assert "对商家不利" not in text and "淘宝" not in text


def test_foreign_rules_are_never_cited(lib):
    case = lib.create_case("late_shipment", "jd")
    doc = build(lib, case.id)
    taobao = "《淘宝平台争议处理规则》(2025-08-15)第二十五条"
    assert doc.own_rule(taobao) == ""
    assert doc.own_rule("《京东开放平台交易纠纷处理总则》第九条") == "《京东开放平台交易纠纷处理总则》第九条"
    tmall = build(lib, lib.create_case("late_shipment", "tmall").id)
    assert tmall.own_rule(taobao) == taobao


@needs_poppler
def test_exhibit_references_link_to_their_pages(lib, tb_refusal, tmp_path):
    from pypdf import PdfReader

    out = tmp_path / "links.pdf"
    export_pdf(lib, tb_refusal.id, out)
    reader = PdfReader(out)
    targets = []
    for annot in reader.pages[1].get("/Annots", []):
        annot = annot.get_object()
        if annot.get("/Subtype") == "/Link" and "/Dest" in annot:
            dest = annot["/Dest"]
            if isinstance(dest, list):
                targets.append(reader.get_page_number(dest[0].get_object()))
            else:
                targets.append(reader.get_destination_page_number(reader.named_destinations[str(dest)]))
    # 证据 1 and 证据 2 start on pages 3 and 4 (0-based 2, 3): four index cells each, plus the point's "见证据 N"
    assert targets.count(2) == 5 and targets.count(3) == 5


def test_upload_pack_is_made_for_the_upload_box(lib, tb_refusal, tmp_path):
    from PIL import Image

    from evidence_app.export.bundle import BundleExporter
    from evidence_app.export.upload import _draw_checklist, export_images

    items = lib.items(tb_refusal.id)
    wide = lib.add_file(tb_refusal.id, factories.photo(tmp_path / "wide.jpg", size=(1600, 800)), "tracking_screenshot")
    assert wide.item
    result = export_images(lib, tb_refusal.id, tmp_path)
    folder = result.path  # a new folder 举证图片_<order>_<time> inside the one given
    assert folder.parent == tmp_path and folder.name.startswith("举证图片_TB777_")
    jpgs = sorted(p.name for p in folder.glob("*.jpg"))
    assert jpgs == ["00_举证清单.jpg", "01_物流红章证明.jpg", "02_运费凭证.jpg", "03_物流轨迹截图.jpg"]
    assert result.pages == 4
    with Image.open(folder / "03_物流轨迹截图.jpg") as img:
        assert img.width > 1.5 * img.height  # a 2:1 photo gives a landscape image, not a mostly empty A4
    with Image.open(folder / "01_物流红章证明.jpg") as img:
        assert 1.0 < img.width / img.height < 4 / 3  # 4:3 photo plus its band and caption
    with Image.open(folder / "00_举证清单.jpg") as img:
        assert img.height < img.width * 1.41  # trimmed to its content
    if shutil.which("pdftotext"):
        exporter = BundleExporter(lib, tb_refusal.id)
        names = {1: "01_物流红章证明.jpg", 2: "02_运费凭证.jpg", 3: "03_物流轨迹截图.jpg"}
        text = pdftext(_draw_checklist(exporter, names, tmp_path / "c.pdf"))
        assert "01_物流红章证明.jpg" in text and "见证据 1" in text
        assert "第 " not in text and "页" not in text  # no page numbers, no footer
        for word in ADMISSIONS:
            assert word not in text
    assert len(items) == 2
