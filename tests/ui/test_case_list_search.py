"""The case list's search as the agent types it: every keystroke (backspaces included, with a status or platform
filter on) shows exactly the cases a fresh search for that text shows, and a keystroke that leaves the same cases
repaints nothing."""

import gc
import random

from evidence_app.ui.case_list import CaseListModel


def _shown(model):
    return [model.index(r, 0).data(CaseListModel.CaseIdRole) for r in range(model.rowCount())]


def _expected(model):
    return [row.id for row in sorted(model.all.values(), key=model._key) if model._accepts(row)]


def test_every_keystroke_shows_what_a_fresh_search_shows(lib, qapp):
    rng = random.Random(7)
    for n in range(60):
        case = lib.create_case("signed_not_received", rng.choice(["taobao", "jd", "pinduoduo"]),
                               order_no=f"{rng.randrange(10**6)}", buyer=f"买家{rng.randrange(300)}")
        if n % 3 == 0:
            lib.update_case(case.id, status=lib.parse_field("status", "submitted")[1])
    model = CaseListModel(lib)
    assert gc.get_freeze_count() > 0  # the loaded rows are left out of the collector's full passes
    for status, platform in (("", ""), ("submitted", ""), ("", "jd"), ("submitted", "pinduoduo")):
        model.set_status(status)
        model.set_platform(platform)
        text = ""
        for step in range(40):
            if text and rng.random() < 0.35:
                text = text[:-1]  # backspace: the list widens again
            else:
                text += rng.choice("买家12 3")
            model.set_text(text)
            assert _shown(model) == _expected(model), (text, status, platform)
            if step % 5 == 4:  # the agent edits a case (its place in the order may change) or trashes one
                case_id = rng.choice(list(model.all))
                if rng.random() < 0.2:
                    lib.trash_case(case_id)
                else:
                    lib.update_case(case_id, buyer=f"买家{rng.randrange(300)}",
                                    status=lib.parse_field("status", rng.choice(["draft", "submitted"]))[1])
                model.update_case(case_id)
                assert _shown(model) == _expected(model), ("edited", case_id)
                if model._sorted_all is not None:
                    assert model._sorted_all == sorted(model.all.values(), key=model._key)


def test_a_keystroke_that_leaves_the_same_cases_repaints_nothing(lib, qapp):
    for n in range(5):
        lib.create_case("signed_not_received", order_no=f"A{n}", buyer=f"买家{n}")
    model = CaseListModel(lib)
    resets = []
    model.modelReset.connect(lambda: resets.append(model.text))
    model.set_text("买")  # every case has it
    model.set_text("买家")
    assert resets == [] and len(_shown(model)) == 5
    model.set_text("买家3")
    assert resets == ["买家3"] and len(_shown(model)) == 1
    model.set_text("买家")  # back: the list widens
    assert resets == ["买家3", "买家"] and len(_shown(model)) == 5
