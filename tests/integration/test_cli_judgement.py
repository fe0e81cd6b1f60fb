"""`check --json` with facts, blocking findings and unconfirmed requirements; `edit --attest`."""

import json

from tests import factories
from tests.integration.test_cli import cli


def test_blocking_finding_makes_check_exit_1(tmp_path):
    lib = tmp_path / "lib"
    case = cli(lib, "new", "--scenario", "refusal_freight", "--platform", "tmall", check=0).stdout.strip()
    cli(lib, "set", case, "paid_at=2025-09-01 14:00", "pickup_at=2025-09-02 10:00", "refund_at=2025-09-04 10:00",
        "refusal_reason=no_reason", "claimed_freight=12", "actual_freight=12", check=0)
    proof = cli(lib, "add", case, factories.photo(tmp_path / "p.jpg"), "--kind", "carrier_stamped_proof",
                check=0).stdout.strip()
    cli(lib, "add", case, factories.photo(tmp_path / "f.jpg", color=(9, 9, 9)), "--kind", "freight_receipt", check=0)
    data = json.loads(cli(lib, "check", case, "--json", check=1).stdout)
    refusal = next(r for r in data["requirements"] if r["id"] == "refusal_proof")
    assert refusal["status"] == "unconfirmed" and refusal["questions"] == ["refusal_without_reason"]
    cli(lib, "edit", proof, "--attest", "refusal_without_reason", check=0)
    data = json.loads(cli(lib, "check", case, "--json", check=0).stdout)
    assert data["ready"] is True and data["facts"]["claimed_freight"] == "12.00"
    assert all("blocking" in f and "rule" in f for f in data["findings"])
    cli(lib, "set", case, "claimed_freight=20", check=0)
    data = json.loads(cli(lib, "check", case, "--json", check=1).stdout)
    blocking = [f for f in data["findings"] if f["blocking"]]
    assert data["ready"] is False and [f["id"] for f in blocking] == ["freight_above_actual"]
    assert "第五十三条" in blocking[0]["rule"]
    text = cli(lib, "check", case, check=1).stdout
    assert "freight_above_actual" in text and "NOT READY" in text
    cli(lib, "edit", proof, "--unattest", "refusal_without_reason", check=0)
    shown = json.loads(cli(lib, "items", case, "--json", check=0).stdout)
    assert shown[0]["attestations"] == []


def test_attest_unknown_question_is_one_line(tmp_path):
    lib = tmp_path / "lib"
    case = cli(lib, "new", "--scenario", "signed_not_received", check=0).stdout.strip()
    item = cli(lib, "add", case, factories.photo(tmp_path / "c.jpg"), "--kind", "chat_screenshot", check=0).stdout.strip()
    proc = cli(lib, "edit", item, "--attest", "buyer_smiled", check=2)
    assert proc.stderr.count("\n") == 1 and "buyer_smiled" in proc.stderr
    proc = cli(lib, "edit", item, "--attest", "report_qualified", check=2)
    assert proc.stderr.count("\n") == 1 and "report_qualified" in proc.stderr
    kinds = json.loads(cli(lib, "kinds", "--json", check=0).stdout)
    chat = next(k for k in kinds if k["id"] == "chat_screenshot")
    assert {q["id"] for q in chat["questions"]} == {"chat_admits_receipt", "chat_platform_agreement"}


def test_jd_cases_never_cite_taobao_through_the_cli(tmp_path):
    lib = tmp_path / "lib"
    for scenario in ("signed_not_received", "refusal_freight", "counterfeit", "return_resale_damaged",
                     "gift_dispute"):
        case = cli(lib, "new", "--scenario", scenario, "--platform", "jd", check=0).stdout.strip()
        cli(lib, "set", case, "requested_at=2025-09-01 14:01", "signed_at=2025-08-30 10:00",
            "refund_at=2025-08-31 10:00", check=0)
        proc = cli(lib, "check", case, "--json", "--now", "2025-09-01T20:00")
        assert proc.returncode in (0, 1), proc.stderr
        data = json.loads(proc.stdout)
        assert "淘宝" not in json.dumps(data, ensure_ascii=False), scenario
        due = next(f for f in data["findings"] if f["id"] == "evidence_deadline")
        assert due["due_at"] == "2025-09-02T09:01+08:00" and "第九条" in due["rule"]
        assert next(f for f in data["findings"] if f["id"] == "first_answer")["due_at"] == "2025-09-02T14:01+08:00"
