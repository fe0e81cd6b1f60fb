"""Writes docs/scenarios.md from the data files (kinds, platforms, rules, scenarios): the scenario table of
shared/docs/domain.md carried forward, with facts, conditions and each platform's citations.

    .venv/bin/python scripts/scenarios_doc.py          # rewrite docs/scenarios.md
    .venv/bin/python scripts/scenarios_doc.py --check  # exit 1 when it is out of date (a test runs this)
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from evidence_app.core.catalog import load_catalog  # noqa: E402
from evidence_app.core.model import FACTS  # noqa: E402

TARGET = ROOT / "docs" / "scenarios.md"
COLUMNS = (("taobao", "淘宝 / 天猫 / 天猫国际"), ("jd", "京东"), ("pinduoduo", "拼多多 / 抖音 / 其他"))


def render() -> str:
    cat = load_catalog(resources=ROOT / "resources")
    kind = cat.kind_name
    out = ["# Dispute scenarios, facts and citations", "",
           "Generated from `resources/` by `scripts/scenarios_doc.py` (a test fails when this page is out of date).",
           "The scenario and kind ids are a contract (CLI, data files, tests). Each requirement and finding cites the",
           "case's own platform: Taobao, Tmall and Tmall Global cite 《淘宝平台争议处理规则》(2025-08-15); JD cites",
           "《京东开放平台交易纠纷处理总则》 and 《京东开放平台商品类问题纠纷处理标准》; the national seven-day measures",
           "apply on every platform; where none of the texts we hold says it, the citation reads “依平台通行做法”. The",
           "rule texts are in `docs/rules/`; what each citation claims is in `resources/rules.toml`.", "",
           "## Platforms", "", "| id | name | clock zone | rule sets | ship promise (h) | first answer (h) | evidence clock |",
           "|---|---|---|---|---|---|---|"]
    for p in cat.platforms.values():
        clock = (f"{p.business_clock.hours:g} h, {p.business_clock.opens[0]}:{p.business_clock.opens[1]:02d}–"
                 f"{p.business_clock.closes[0]}:{p.business_clock.closes[1]:02d}") if p.business_clock else "–"
        rules = ", ".join(p.rules) or "national only"
        out.append(f"| `{p.id}` | {p.name()} | {p.tz} | {rules} | {p.promised_ship_hours:g} | "
                   f"{format(p.first_answer_hours, 'g') if p.first_answer_hours else '–'} | {clock} |")
    out += ["", "## Case facts", "", "Set with `set CASE name=value`, edited in the case form (案件事实), shown in "
            "`show --json` and `check --json` (`facts`).", "", "| fact | type | default | values |", "|---|---|---|---|"]
    for name, ftype, default, allowed in FACTS:
        out.append(f"| `{name}` | {ftype} | {default if default != '' else '(unset)'} | {', '.join(allowed) or '–'} |")
    out += ["", "Conditions in the scenario files (`when = …`) combine these facts, `imported`, the derived times "
            "`signed`, `shipped_late`, `not_shipped`, `refund_before_shipment`, `seven_day_outside`, "
            "`seven_day_disputed` and `evidence.<kind>` with `and`, `or`, `not`, `==`, `!=`, `>`, `<` (see the "
            "header of `resources/scenarios/builtin.toml`).", "",
            "## Questions an exhibit must answer (attestations)", "",
            "`edit ITEM --attest QUESTION_ID` / `--unattest`, or the board's context menu. An exhibit whose kind is "
            "asked a question a requirement lists counts only once ticked (status `unconfirmed` until then).", "",
            "| question | asked of | text | when ticked |", "|---|---|---|---|"]
    for q in cat.questions.values():
        needs = f"counts only beside a {kind(q.needs, 'en')}" if q.needs else "–"
        out.append(f"| `{q.id}` | `{q.kind}` | {q.text()} | {needs} |")
    out += ["", "## Scenarios", ""]
    out += ["| id | dispute (shop's side) | required | recommended | facts | time checks |", "|---|---|---|---|---|---|"]
    for s in cat.scenarios.values():
        def group(level, s=s):
            parts = []
            for r in s.requirements:
                if r.level == level:
                    cond = "".join([f" *when {r.when}*" if r.when else "",
                                    f" *only {', '.join(r.platforms)}*" if r.platforms else ""])
                    parts.append(" or ".join(f"`{k}`" for k in r.kinds) + cond)
            return "; ".join(parts) or "–"
        out.append(f"| `{s.id}` | {s.name()} | {group('required')} | {group('recommended')} | "
                   f"{', '.join(f'`{f}`' for f in s.facts) or '–'} | {', '.join(s.time_checks) or '–'} |")
    for s in cat.scenarios.values():
        out += ["", f"### `{s.id}` {s.name()}", "", s.description(), "",
                "| requirement | level | kinds | condition | " + " | ".join(label for _, label in COLUMNS) + " |",
                "|---|---|---|---|" + "---|" * len(COLUMNS)]
        for r in s.requirements:
            cond = "; ".join(filter(None, [r.when or "", f"platforms: {', '.join(r.platforms)}" if r.platforms else "",
                                           f"confirm: {', '.join(r.confirm)}" if r.confirm else ""])) or "–"
            cites = " | ".join(cat.cite(r.cite, pid) for pid, _ in COLUMNS)
            out.append(f"| `{r.id}` {r.explain()} | {r.level} | {', '.join(r.kinds)} | {cond} | {cites} |")
        if s.findings:
            out += ["", "| finding | when | blocking | favours | " + " | ".join(label for _, label in COLUMNS) + " |",
                    "|---|---|---|---|" + "---|" * len(COLUMNS)]
            for f in s.findings:
                cites = " | ".join(cat.cite(f.cite, pid) if f.cite else "–" for pid, _ in COLUMNS)
                when = f.condition.text if f.condition else "always"
                out.append(f"| `{f.id}` {f.message()} | {when} | {'yes' if f.blocking else 'no'} | {f.favours} | {cites} |")
    out += ["", "## Computed findings", "",
            "| id | what | favours the shop when |", "|---|---|---|",
            "| `timeline` | two times in an impossible order (status `inconsistent`, `fields` names them) | never |",
            "| `ship_deadline` | first pickup scan vs payment + promised hours; no scan = `not_shipped` (Art. 25) | on time |",
            "| `seven_day_window` | request vs signing, to the minute (platform) and from the day after (measures §10) | outside by both |",
            "| `refund_before_shipment` | refund before the first pickup scan, or with none yet | refund after pickup |",
            "| `repair_window` | JD 7/15-day windows from the day after signing | after day 7 |",
            "| `evidence_deadline` | the case's due time or the platform's business clock | never |",
            "| `first_answer` | JD's 24-hour first answer (总则 第九条(一)), from `requested_at` | never |", ""]
    return "\n".join(out)


def main(argv: list[str]) -> int:
    text = render()
    if "--check" in argv:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != text:
            print(f"{TARGET} is out of date: run scripts/scenarios_doc.py", file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
