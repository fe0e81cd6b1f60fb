"""Evidence kinds, scenarios and platforms, loaded from the TOML data files in resources/.

A user folder (`<library>/scenarios/*.toml`) may add scenarios or replace one by id. Any problem in a data file
raises CatalogError naming the file, the line and what is wrong.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from evidence_app.core import conditions
from evidence_app.core.citations import Rules, load_rules
from evidence_app.core.catalog_model import (BusinessClock, Catalog, CatalogError, FindingRule, Kind,  # noqa: F401
                                             Platform, Question, Requirement, Scenario)
from evidence_app.core.model import FACT_NAMES
from evidence_app.core.timeutil import zone as conditions_zone
from evidence_app.paths import resources_dir

FINDING_IDS = ("ship_deadline", "seven_day_window", "refund_before_shipment", "repair_window", "evidence_deadline")
LEVELS = ("required", "recommended")
FAVOURS = ("shop", "buyer", "none")


# --- loading -------------------------------------------------------------------------------------------------

_TOML_LINE = re.compile(r"\(at line (\d+), column \d+\)")


def _read_toml(path: Path) -> tuple[dict, list[str]]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise CatalogError(path, None, f"cannot read: {exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise CatalogError(path, line, "not UTF-8 text") from None
    try:
        return tomllib.loads(text), text.splitlines()
    except tomllib.TOMLDecodeError as exc:
        msg = str(exc)
        match = _TOML_LINE.search(msg)
        line = int(match.group(1)) if match else None
        raise CatalogError(path, line, "TOML syntax: " + _TOML_LINE.sub("", msg).strip()) from None


class _FileCtx:
    """Finds line numbers for semantic errors: the n-th `[[table]]` header, or a line holding a value."""

    def __init__(self, path: Path, lines: list[str]):
        self.path, self.lines = path, lines
        self._headers: dict[str, list[int]] = {}

    def table_line(self, header: str, index: int) -> int | None:
        numbers = self._headers.get(header)
        if numbers is None:  # one pass per header, not one per table (200 tables: 70,000 matches at start-up)
            pattern = re.compile(r"^\s*\[\[\s*" + re.escape(header) + r"\s*\]\]")
            numbers = self._headers[header] = [n for n, line in enumerate(self.lines, 1) if pattern.match(line)]
        return numbers[index] if 0 <= index < len(numbers) else None

    def value_line(self, needle: str, after: int | None = None) -> int | None:
        for number, line in enumerate(self.lines, 1):
            if after and number < after:
                continue
            if needle in line:
                return number
        return after

    def error(self, line: int | None, what: str) -> CatalogError:
        return CatalogError(self.path, line, what)


def _names(ctx: _FileCtx, table: dict, key: str, line: int | None, required: bool = True) -> dict[str, str]:
    value = table.get(key)
    if value is None and not required:
        return {}
    if not isinstance(value, dict) or not value or not all(isinstance(v, str) and v for v in value.values()):
        raise ctx.error(line, f"`{key}` must be a table of texts by language, e.g. {{ zh_CN = \"…\", en = \"…\" }}")
    if "zh_CN" not in value:
        raise ctx.error(line, f"`{key}` needs a zh_CN text")
    return dict(value)


def _id(ctx: _FileCtx, table: dict, line: int | None, what: str) -> str:
    value = table.get("id")
    if not isinstance(value, str) or not re.fullmatch(r"[a-z][a-z0-9_]*", value):
        raise ctx.error(line, f"{what} needs an `id` of lowercase letters, digits and _ (got {value!r})")
    return value


def _load_questions(path: Path, kinds: dict[str, Kind]) -> dict[str, Question]:
    """`[[question]]` tables of kinds.toml: id, kind, text{...}, needs (optional kind)."""
    data, lines = _read_toml(path)
    ctx = _FileCtx(path, lines)
    questions: dict[str, Question] = {}
    for index, table in enumerate(data.get("question", [])):
        line = ctx.table_line("question", index)
        question_id = _id(ctx, table, line, "a question")
        if question_id in questions:
            raise ctx.error(line, f"question `{question_id}` is defined twice")
        for key in ("kind", "needs"):
            value = table.get(key, "" if key == "needs" else None)
            if (key == "kind" or value) and value not in kinds:
                raise ctx.error(ctx.value_line(key, line), f"question `{question_id}`: unknown kind {value!r}")
        questions[question_id] = Question(question_id, table["kind"], _names(ctx, table, "text", line),
                                          str(table.get("needs", "")))
    return questions


def _load_kinds(path: Path) -> dict[str, Kind]:
    data, lines = _read_toml(path)
    ctx = _FileCtx(path, lines)
    kinds: dict[str, Kind] = {}
    for index, table in enumerate(data.get("kind", [])):
        line = ctx.table_line("kind", index)
        kind_id = _id(ctx, table, line, "a kind")
        if kind_id in kinds:
            raise ctx.error(line, f"kind `{kind_id}` is defined twice")
        kinds[kind_id] = Kind(kind_id, _names(ctx, table, "name", line), _names(ctx, table, "description", line, False))
    if not kinds:
        raise ctx.error(None, "no [[kind]] tables")
    return kinds


def _parse_hhmm(ctx: _FileCtx, value: object, line: int | None) -> tuple[int, int]:
    if isinstance(value, str) and re.fullmatch(r"\d{1,2}:\d{2}", value):
        hours, minutes = map(int, value.split(":"))
        if hours < 24 and minutes < 60:
            return hours, minutes
    raise ctx.error(line, f"time of day must be \"HH:MM\" (got {value!r})")


def _load_platforms(path: Path) -> dict[str, Platform]:
    data, lines = _read_toml(path)
    ctx = _FileCtx(path, lines)
    platforms: dict[str, Platform] = {}
    for index, table in enumerate(data.get("platform", [])):
        line = ctx.table_line("platform", index)
        platform_id = _id(ctx, table, line, "a platform")
        hours = table.get("promised_ship_hours", 48)
        limit = table.get("statement_limit", 500)
        if not isinstance(hours, (int, float)) or isinstance(hours, bool) or hours <= 0:
            raise ctx.error(ctx.value_line("promised_ship_hours", line), "promised_ship_hours must be a positive number")
        if not isinstance(limit, int) or isinstance(limit, bool) or limit <= 0:
            raise ctx.error(ctx.value_line("statement_limit", line), "statement_limit must be a positive whole number")
        clock = None
        if "business_clock" in table:
            raw = table["business_clock"]
            clock_line = ctx.value_line("business_clock", line)
            if not isinstance(raw, dict) or not isinstance(raw.get("hours"), (int, float)) or raw["hours"] <= 0:
                raise ctx.error(clock_line, "business_clock needs hours > 0, opens and closes")
            opens = _parse_hhmm(ctx, raw.get("opens"), clock_line)
            closes = _parse_hhmm(ctx, raw.get("closes"), clock_line)
            if closes <= opens:
                raise ctx.error(clock_line, "business_clock closes must be after opens")
            clock = BusinessClock(float(raw["hours"]), opens, closes)
        tz = table.get("tz", "Asia/Shanghai")
        try:
            conditions_zone(tz)
        except ValueError:
            raise ctx.error(ctx.value_line("tz", line), f"unknown time zone {tz!r}") from None
        rules = table.get("rules", [])
        if not isinstance(rules, list) or not all(isinstance(r, str) for r in rules):
            raise ctx.error(ctx.value_line("rules", line), "rules must be a list of ruleset ids")
        first = table.get("first_answer_hours")
        if first is not None and (not isinstance(first, (int, float)) or isinstance(first, bool) or first <= 0):
            raise ctx.error(ctx.value_line("first_answer_hours", line), "first_answer_hours must be a positive number")
        video_mb = table.get("video_upload_mb")
        if video_mb is not None and (not isinstance(video_mb, int) or isinstance(video_mb, bool) or video_mb <= 0):
            raise ctx.error(ctx.value_line("video_upload_mb", line), "video_upload_mb must be a positive whole number")
        platforms[platform_id] = Platform(platform_id, _names(ctx, table, "name", line), float(hours), limit, clock,
                                          tz, tuple(rules), float(first) if first is not None else None, video_mb)
    if not platforms:
        raise ctx.error(None, "no [[platform]] tables")
    return platforms


def _condition(ctx: _FileCtx, table: dict, line: int | None, kinds: dict[str, Kind]) -> conditions.Condition | None:
    text = table.get("when")
    if text is None:
        return None
    try:
        return conditions.parse(text, set(kinds))
    except conditions.ConditionError as exc:
        raise ctx.error(ctx.value_line("when", line), f"when: {exc}") from None


def _cite(ctx: _FileCtx, table: dict, line: int | None, rules: Rules | None) -> tuple[str, ...]:
    cite = table.get("cite", [])
    cite = [cite] if isinstance(cite, str) else cite
    if not isinstance(cite, list) or not all(isinstance(c, str) for c in cite):
        raise ctx.error(ctx.value_line("cite", line), "cite must be a citation key or a list of them")
    for key in cite:
        if rules is not None and key not in rules.citations:
            raise ctx.error(ctx.value_line(f'"{key}"', line), f"unknown citation key {key!r} (see rules.toml)")
    return tuple(cite)


def _platform_list(ctx: _FileCtx, table: dict, line: int | None, known: set[str]) -> tuple[str, ...]:
    value = table.get("platforms", [])
    if not isinstance(value, list) or (known and not all(v in known for v in value)):
        raise ctx.error(ctx.value_line("platforms", line), f"platforms must list platform ids ({', '.join(sorted(known))})")
    return tuple(value)


def _load_finding(ctx: _FileCtx, table: dict, line: int | None, kinds: dict[str, Kind], rules: Rules | None,
                  platforms: set[str]) -> FindingRule:
    finding_id = _id(ctx, table, line, "a finding")
    condition = _condition(ctx, table, line, kinds)  # none: always raised in this scenario
    favours = table.get("favours", "none")
    if favours not in FAVOURS:
        raise ctx.error(ctx.value_line("favours", line), f"favours must be one of {', '.join(FAVOURS)}")
    if favours == "shop" and "argument" not in table:
        raise ctx.error(line, f"finding `{finding_id}` favours the shop and needs an `argument`")
    return FindingRule(finding_id, condition, bool(table.get("blocking", False)), favours,
                       _cite(ctx, table, line, rules), _names(ctx, table, "message", line),
                       _names(ctx, table, "argument", line, False), _platform_list(ctx, table, line, platforms))


def _load_scenarios(path: Path, kinds: dict[str, Kind], rules: Rules | None = None,
                    questions: dict[str, Question] | None = None, platforms: set[str] | None = None) -> list[Scenario]:
    questions = questions or {}
    platforms = platforms or set()
    data, lines = _read_toml(path)
    ctx = _FileCtx(path, lines)
    if "scenario" not in data or not isinstance(data["scenario"], list):
        raise ctx.error(None, "no [[scenario]] tables")
    scenarios = []
    req_index = find_index = -1
    for index, table in enumerate(data["scenario"]):
        line = ctx.table_line("scenario", index)
        scenario_id = _id(ctx, table, line, "a scenario")
        checks = table.get("time_checks", [])
        if not isinstance(checks, list):
            raise ctx.error(ctx.value_line("time_checks", line), "time_checks must be a list")
        for check in checks:
            if check not in FINDING_IDS:
                raise ctx.error(ctx.value_line(str(check), line), f"unknown time check {check!r}; known: {', '.join(FINDING_IDS)}")
        requirements = []
        seen_req: set[str] = set()
        for req in table.get("requirement", []):
            req_index += 1
            rline = ctx.table_line("scenario.requirement", req_index)
            req_id = _id(ctx, req, rline, "a requirement")
            if req_id in seen_req:
                raise ctx.error(rline, f"requirement `{req_id}` appears twice in scenario `{scenario_id}`")
            seen_req.add(req_id)
            level = req.get("level", "required")
            if level not in LEVELS:
                raise ctx.error(ctx.value_line("level", rline), f"level must be required or recommended (got {level!r})")
            req_kinds = req.get("kinds")
            if not isinstance(req_kinds, list) or not req_kinds:
                raise ctx.error(rline, "a requirement needs `kinds`, a list of evidence kind ids")
            never = req.get("never", [])
            for kind_id in [*req_kinds, *never]:
                if kind_id not in kinds:
                    raise ctx.error(ctx.value_line(f'"{kind_id}"', rline), f"unknown evidence kind {kind_id!r}")
            min_count = req.get("min_count", 1)
            if not isinstance(min_count, int) or isinstance(min_count, bool) or min_count < 1:
                raise ctx.error(ctx.value_line("min_count", rline), "min_count must be a whole number >= 1")
            condition = _condition(ctx, req, rline, kinds)
            cite = _cite(ctx, req, rline, rules)
            rule = req.get("rule", "")
            if not cite and (not isinstance(rule, str) or not rule.strip()):
                raise ctx.error(rline, "a requirement needs `cite` (citation keys of rules.toml) or `rule` (a citation)")
            confirm = req.get("confirm", [])
            if not isinstance(confirm, list) or any(q not in questions for q in confirm):
                raise ctx.error(ctx.value_line("confirm", rline), f"confirm must list question ids ({', '.join(questions)})")
            requirements.append(
                Requirement(req_id, level, tuple(req_kinds), rule if isinstance(rule, str) else "",
                            _names(ctx, req, "explain", rline), min_count, tuple(never),
                            condition.text if condition else None, cite, _names(ctx, req, "asserts", rline, False),
                            _platform_list(ctx, req, rline, platforms), tuple(confirm), condition)
            )
        if not requirements:
            raise ctx.error(line, f"scenario `{scenario_id}` has no [[scenario.requirement]]")
        findings = []
        for finding in table.get("finding", []):
            find_index += 1
            findings.append(_load_finding(ctx, finding, ctx.table_line("scenario.finding", find_index), kinds, rules,
                                          platforms))
        facts = table.get("facts", [])
        if not isinstance(facts, list) or any(f not in FACT_NAMES and f != "imported" for f in facts):
            raise ctx.error(ctx.value_line("facts", line), f"facts must list case facts ({', '.join(FACT_NAMES)})")
        scenarios.append(
            Scenario(scenario_id, _names(ctx, table, "name", line), _names(ctx, table, "description", line, False),
                     tuple(requirements), tuple(checks), str(path), tuple(findings), tuple(facts))
        )
    return scenarios


def load_catalog(user_dir: Path | None = None, resources: Path | None = None) -> Catalog:
    """Load the shipped data, then the user's scenario files (`user_dir/scenarios/*.toml`), which win by id."""
    base = resources or resources_dir()
    kinds = _load_kinds(base / "kinds.toml")
    questions = _load_questions(base / "kinds.toml", kinds)
    platforms = _load_platforms(base / "platforms.toml")
    rules = load_rules(base / "rules.toml", _FileCtx, _read_toml, _names)
    for platform in platforms.values():
        for ruleset in platform.rules:
            if ruleset not in rules.rulesets:
                raise CatalogError(base / "platforms.toml", None, f"platform `{platform.id}`: unknown ruleset {ruleset!r}")
    files = sorted((base / "scenarios").glob("*.toml"))
    if user_dir is not None and (user_dir / "scenarios").is_dir():
        files += sorted((user_dir / "scenarios").glob("*.toml"))
    scenarios: dict[str, Scenario] = {}
    for path in files:
        for scenario in _load_scenarios(path, kinds, rules, questions, set(platforms)):
            scenarios[scenario.id] = scenario
    return Catalog(kinds, scenarios, platforms, [base / "kinds.toml", base / "platforms.toml", base / "rules.toml", *files],
                   rules, questions)
