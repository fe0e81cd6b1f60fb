"""Evidence kinds, scenarios and platforms, loaded from the TOML data files in resources/.

A user folder (`<library>/scenarios/*.toml`) may add scenarios or replace one by id. Any problem in a data file
raises CatalogError naming the file, the line and what is wrong.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from evidence_app.core.i18n import pick
from evidence_app.paths import resources_dir

FINDING_IDS = ("ship_deadline", "seven_day_window", "refund_before_shipment", "evidence_deadline")
CONDITIONS = ("imported",)
LEVELS = ("required", "recommended")


class CatalogError(ValueError):
    """A data file is broken. The message names the file and the line."""

    def __init__(self, path: Path, line: int | None, what: str):
        self.path, self.line, self.what = path, line, what
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {what}")


@dataclass(frozen=True)
class Kind:
    id: str
    names: dict[str, str]
    descriptions: dict[str, str]

    def name(self, lang: str = "zh_CN") -> str:
        return pick(self.names, lang)


@dataclass(frozen=True)
class BusinessClock:
    hours: float
    opens: tuple[int, int]
    closes: tuple[int, int]


@dataclass(frozen=True)
class Platform:
    id: str
    names: dict[str, str]
    promised_ship_hours: float
    statement_limit: int
    business_clock: BusinessClock | None = None

    def name(self, lang: str = "zh_CN") -> str:
        return pick(self.names, lang)


@dataclass(frozen=True)
class Requirement:
    id: str
    level: str
    kinds: tuple[str, ...]
    rule: str
    explains: dict[str, str]
    min_count: int = 1
    never: tuple[str, ...] = ()
    when: str | None = None

    def explain(self, lang: str = "zh_CN") -> str:
        return pick(self.explains, lang)


@dataclass(frozen=True)
class Scenario:
    id: str
    names: dict[str, str]
    descriptions: dict[str, str]
    requirements: tuple[Requirement, ...]
    time_checks: tuple[str, ...] = ()
    source: str = ""

    def name(self, lang: str = "zh_CN") -> str:
        return pick(self.names, lang)

    def description(self, lang: str = "zh_CN") -> str:
        return pick(self.descriptions, lang)


@dataclass
class Catalog:
    kinds: dict[str, Kind]
    scenarios: dict[str, Scenario]
    platforms: dict[str, Platform]
    sources: list[Path] = field(default_factory=list)

    def kind_name(self, kind_id: str, lang: str = "zh_CN") -> str:
        kind = self.kinds.get(kind_id)
        return kind.name(lang) if kind else kind_id

    def platform_name(self, platform_id: str, lang: str = "zh_CN") -> str:
        platform = self.platforms.get(platform_id)
        return platform.name(lang) if platform else platform_id

    def scenario_name(self, scenario_id: str, lang: str = "zh_CN") -> str:
        scenario = self.scenarios.get(scenario_id)
        return scenario.name(lang) if scenario else scenario_id


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

    def table_line(self, header: str, index: int) -> int | None:
        seen = -1
        pattern = re.compile(r"^\s*\[\[\s*" + re.escape(header) + r"\s*\]\]")
        for number, line in enumerate(self.lines, 1):
            if pattern.match(line):
                seen += 1
                if seen == index:
                    return number
        return None

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
        platforms[platform_id] = Platform(platform_id, _names(ctx, table, "name", line), float(hours), limit, clock)
    if not platforms:
        raise ctx.error(None, "no [[platform]] tables")
    return platforms


def _load_scenarios(path: Path, kinds: dict[str, Kind]) -> list[Scenario]:
    data, lines = _read_toml(path)
    ctx = _FileCtx(path, lines)
    if "scenario" not in data or not isinstance(data["scenario"], list):
        raise ctx.error(None, "no [[scenario]] tables")
    scenarios = []
    req_index = -1
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
            when = req.get("when")
            if when is not None and when not in CONDITIONS:
                raise ctx.error(ctx.value_line("when", rline), f"unknown condition {when!r}; known: {', '.join(CONDITIONS)}")
            rule = req.get("rule")
            if not isinstance(rule, str) or not rule.strip():
                raise ctx.error(rline, "a requirement needs `rule`, the rule it stands on")
            requirements.append(
                Requirement(req_id, level, tuple(req_kinds), rule, _names(ctx, req, "explain", rline),
                            min_count, tuple(never), when)
            )
        if not requirements:
            raise ctx.error(line, f"scenario `{scenario_id}` has no [[scenario.requirement]]")
        scenarios.append(
            Scenario(scenario_id, _names(ctx, table, "name", line), _names(ctx, table, "description", line, False),
                     tuple(requirements), tuple(checks), str(path))
        )
    return scenarios


def load_catalog(user_dir: Path | None = None, resources: Path | None = None) -> Catalog:
    """Load the shipped data, then the user's scenario files (`user_dir/scenarios/*.toml`), which win by id."""
    base = resources or resources_dir()
    kinds = _load_kinds(base / "kinds.toml")
    platforms = _load_platforms(base / "platforms.toml")
    files = sorted((base / "scenarios").glob("*.toml"))
    if user_dir is not None and (user_dir / "scenarios").is_dir():
        files += sorted((user_dir / "scenarios").glob("*.toml"))
    scenarios: dict[str, Scenario] = {}
    for path in files:
        for scenario in _load_scenarios(path, kinds):
            scenarios[scenario.id] = scenario
    return Catalog(kinds, scenarios, platforms, [base / "kinds.toml", base / "platforms.toml", *files])
