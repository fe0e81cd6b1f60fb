"""Case facts the rules depend on: typed, validated, stored, shown and carried in archives."""

import json

import pytest

from evidence_app.core.model import FACTS
from evidence_app.storage.archive import export_case, import_case
from evidence_app.storage.library import LibraryError


def test_defaults_on_a_new_case(lib):
    case = lib.create_case("refusal_freight", "taobao")
    for name, _kind, default, _allowed in FACTS:
        assert getattr(case, name) == default, name


@pytest.mark.parametrize("assignment, attr, expected", [
    ("tracking_no= SF1234567890 ", "tracking_no", "SF1234567890"),
    ("seven_day_eligible=false", "seven_day_eligible", False),
    ("free_shipping=yes", "free_shipping", True),
    ("cod=1", "cod", True),
    ("receipt_confirmed=auto", "receipt_confirmed", "auto"),
    ("seller_type=individual", "seller_type", "individual"),
    ("claimed_freight=12.5", "claimed_freight", "12.50"),
    ("actual_freight=", "actual_freight", ""),
    ("refusal_reason=no_reason", "refusal_reason", "no_reason"),
])
def test_set_parses_and_stores(lib, assignment, attr, expected):
    case = lib.create_case("refusal_freight", "taobao")
    name, text = assignment.split("=", 1)
    got_attr, value = lib.parse_field(name, text)
    assert got_attr == attr
    assert getattr(lib.update_case(case.id, **{got_attr: value}), attr) == expected


@pytest.mark.parametrize("name, text", [
    ("cod", "maybe"), ("receipt_confirmed", "yes"), ("seller_type", "company"), ("claimed_freight", "abc"),
    ("actual_freight", "-3"), ("refusal_reason", "because"),
])
def test_bad_values_are_refused_in_one_line(lib, name, text):
    with pytest.raises(LibraryError) as err:
        lib.parse_field(name, text)
    assert name in str(err.value) and "\n" not in str(err.value)


def test_facts_survive_an_archive(lib, tmp_path):
    case = lib.create_case("refusal_freight", "jd")
    lib.update_case(case.id, tracking_no="JD0001", cod=True, receipt_confirmed="manual", claimed_freight="8.00",
                    seven_day_eligible=False)
    target = export_case(lib, case.id, tmp_path / "c.evpack")
    copy = lib.case(import_case(lib, target))
    assert (copy.tracking_no, copy.cod, copy.receipt_confirmed, copy.claimed_freight, copy.seven_day_eligible) == \
        ("JD0001", True, "manual", "8.00", False)


def test_item_attestations_default_empty(lib, tmp_path):
    from tests import factories

    case = lib.create_case("signed_not_received", "taobao")
    result = lib.add_file(case.id, factories.png(tmp_path / "chat.png"), "chat_screenshot")
    assert result.item is not None and result.item.attestations == []
    row = lib.db.query("SELECT attestations FROM items WHERE id = ?", (result.item.id,))[0]
    assert json.loads(row["attestations"]) == []
