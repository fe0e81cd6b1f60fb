"""Suggested redactions from a reading: what is found, what is left alone, and where the boxes land."""

from evidence_app.reading.pii import ADDRESS, ID_CARD, NAME, PHONE, id_checksum_ok, pending, span_box, suggest
from evidence_app.reading.types import Line, Reading
from tests.textimages import glyph_box, text_image, valid_id


def _reading(*texts: str) -> Reading:
    return Reading("t", 2000, 2000, tuple(Line(t, (10, 10 + 50 * i, 10 + 30 * len(t), 50 + 50 * i))
                                          for i, t in enumerate(texts)))


def _found(*texts: str) -> list[tuple[str, int]]:
    reading = _reading(*texts)
    return [(s.reason, next(i for i, line in enumerate(reading.lines) if line.box[1] <= s.box[1] + 10 <= line.box[3]))
            for s in suggest(reading)]


def test_mobile_numbers_in_their_usual_spellings():
    found = _found("手机 13812345678", "电话:+86 139-1234-5678", "(+86)150 1234 5678", "联系电话18612345678。")
    assert [r for r, _ in found] == [PHONE] * 4


def test_masked_and_non_mobile_numbers_are_left_alone():
    assert suggest(_reading("手机 138****5678", "138*****678", "运单号 SF1381234567890", "12812345678",
                            "订单 2381234567812", "固话 021-12345678")) == []


def test_id_card_numbers_need_a_valid_check_digit():
    good = valid_id()
    bad = good[:-1] + ("0" if good[-1] != "0" else "1")
    assert id_checksum_ok(good) and not id_checksum_ok(bad)
    assert id_checksum_ok(valid_id("44030419900101123"))
    found = _found("身份证 " + good, "身份证 " + bad, "证件号 " + good[:6] + "********" + good[-4:])
    assert found == [(ID_CARD, 0)]
    # an X check digit, and one given in groups
    x_id = next(valid_id(f"1101051949123{n:03d}1") for n in range(200) if valid_id(f"1101051949123{n:03d}1")[-1] == "X")
    assert [s.reason for s in suggest(_reading(x_id.lower()))] == [ID_CARD]
    assert [s.reason for s in suggest(_reading(f"{good[:6]} {good[6:14]} {good[14:]}"))] == [ID_CARD]


def test_full_addresses_but_not_fragments():
    found = _found("收货地址:浙江省杭州市西湖区文三路100号2单元301室", "北京市朝阳区建国路88号",
                   "广东省深圳市南山区深南大道9988号", "文三路", "杭州市西湖区", "近文三路100号")
    assert found == [(ADDRESS, 0), (ADDRESS, 1), (ADDRESS, 2)]
    reading = _reading("地址浙江省杭州市西湖区文三路100号", "上海市 浦东新区 世纪大道 88号 5楼", "王五13812345678北京市朝阳区建国路88号")
    found = suggest(reading)
    assert [s.reason for s in found] == [ADDRESS, ADDRESS, PHONE, ADDRESS]
    first = found[0].box
    assert first[0] > 10 + 30 * 2 * 0.9  # from 浙, not from 地址 (each character 30 px here)


def test_the_name_after_the_label_not_the_label():
    reading = Reading("t", 2000, 2000, (
        Line("收件人:张三 13812345678", (0, 0, 720, 40)),
        Line("收货人 李四", (0, 100, 330, 140)),
        Line("联系人:王*", (0, 200, 330, 240)),
        Line("收件人信息", (0, 300, 300, 340)),
        Line("收件人", (0, 400, 180, 440)), Line("赵六", (220, 400, 340, 440)),
    ))
    names = [s for s in suggest(reading) if s.reason == NAME]
    assert len(names) == 3
    first, second, third = names
    # 11.65 ems in 720 px: "收件人" ends at 3 ems (185 px), "张三" is 3.3-5.3 ems (204-328 px)
    assert 185 < first.box[0] < 204 and 328 < first.box[2] < 350
    assert second.box[0] > 170
    assert third.box[0] >= 190 and third.box[2] <= 360
    assert [s.reason for s in suggest(reading)].count(PHONE) == 1


def test_the_box_covers_the_drawn_characters(tmp_path):
    phone_line = "收件人:张三 电话 13812345678"
    address_line = "地址:浙江省杭州市西湖区文三路100号"
    _, reading = text_image(tmp_path / "a.png", [phone_line, "普通的一行字 no secrets", address_line])
    found = {s.reason: s for s in suggest(reading)}
    assert set(found) == {NAME, PHONE, ADDRESS}
    checks = ((PHONE, phone_line, phone_line.index("138"), len(phone_line), 40),
              (NAME, phone_line, phone_line.index("张"), phone_line.index("张") + 2, 40),
              (ADDRESS, address_line, address_line.index("浙"), len(address_line), 40 + 2 * 66))
    for reason, text, start, end, top in checks:
        gx0, gy0, gx1, gy1 = glyph_box(text, start, end, 40, top)
        bx0, by0, bx1, by1 = found[reason].box
        assert bx0 <= gx0 and gx1 <= bx1 and by0 <= gy0 and gy1 <= by1, reason
        assert bx1 - bx0 < (gx1 - gx0) * 1.3 + 30  # padded a little, not the whole line
    assert found[NAME].box[2] < found[PHONE].box[0]  # "电话" between them stays readable


def test_boxes_stay_inside_the_image_and_become_redactions():
    reading = Reading("t", 300, 60, (Line("13812345678", (0, 0, 300, 60)),))
    (s,) = suggest(reading)
    assert s.box == (0.0, 0.0, 300.0, 60.0)
    r = s.redaction()
    assert (r.x, r.y, r.w, r.h, r.page) == (0, 0, 300, 60, None)
    assert s.redaction(paged=True).page == 1
    assert s.label == "手机号"


def test_pending_skips_what_is_already_covered():
    from evidence_app.core.model import Redaction

    reading = _reading("手机 13812345678", "手机 13912345678")
    found = suggest(reading)
    assert len(found) == 2
    assert pending(found, [found[0].redaction()]) == [found[1]]
    assert pending(found, [Redaction(0, 0, 2000, 2000)]) == []
    assert pending(found, [Redaction(0, 0, 5, 5)]) == found


def test_span_box_weighs_full_width_characters_double():
    line = Line("手机12", (0, 0, 62, 10))
    assert [round(v, 6) for v in span_box(line, 0, 2)] == [0, 0, 40, 10]
    assert [round(v, 6) for v in span_box(line, 2, 4)] == [40, 0, 62, 10]


def test_nothing_without_a_reading():
    assert suggest(None) == []


def test_what_follows_the_house_number_on_the_line_is_hidden_too():
    """"望京街10号院": the 院 after 号 is still the buyer's address; a labelled field after it is not swallowed."""
    from evidence_app.reading import pii
    from evidence_app.reading.types import Line, Reading

    reading = Reading("test", 1000, 200, (Line("北京市朝阳区望京街10号院", (0, 0, 400, 40)),
                                           Line("浙江省杭州市余杭区文一西路969号 电话:13812345678", (0, 50, 900, 90))))
    first, second, phone = pii.suggest(reading)
    assert first.reason == pii.ADDRESS and first.box[2] >= 400  # to the end of the line, 院 included
    assert second.reason == pii.ADDRESS and second.box[2] < phone.box[0]  # stops before 电话
    assert phone.reason == pii.PHONE
