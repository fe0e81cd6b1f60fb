"""The catalog's data types: evidence kinds and their questions, platforms, scenarios with their requirements and
declared findings. Loaded by core/catalog.py (which re-exports them)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from evidence_app.core import conditions
from evidence_app.core.citations import Rules
from evidence_app.core.i18n import pick


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
class Question:
    """Something the agent confirms an exhibit of `kind` shows (an attestation). `needs`: when ticked, the item
    counts only beside an item of that kind (a slip signed by someone else needs the authorisation, Art. 36)."""

    id: str
    kind: str
    texts: dict[str, str]
    needs: str = ""

    def text(self, lang: str = "zh_CN") -> str:
        return pick(self.texts, lang)


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
    tz: str = "Asia/Shanghai"
    rules: tuple[str, ...] = ()
    first_answer_hours: float | None = None
    video_upload_mb: int | None = None  # the evidence upload takes a video up to this size; None: no video upload

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
    when: str | None = None  # condition text (see core/conditions.py)
    cite: tuple[str, ...] = ()  # citation keys (rules.toml); empty: `rule` is a fixed text from a user file
    asserts: dict[str, str] = field(default_factory=dict)
    platforms: tuple[str, ...] = ()  # only on these platforms (empty: all)
    confirm: tuple[str, ...] = ()  # question ids an item of the question's kind must have ticked to count
    condition: conditions.Condition | None = field(default=None, compare=False)

    def explain(self, lang: str = "zh_CN") -> str:
        return pick(self.explains, lang)

    def assertion(self, lang: str = "zh_CN") -> str:
        """The shop's one-line point to the reviewer when this requirement is met."""
        return pick(self.asserts, lang) if self.asserts else self.explain(lang)


@dataclass(frozen=True)
class FindingRule:
    """A finding declared in a scenario file: raised when its condition holds for the case."""

    id: str
    condition: conditions.Condition | None
    blocking: bool
    favours: str
    cite: tuple[str, ...]
    messages: dict[str, str]
    arguments: dict[str, str] = field(default_factory=dict)
    platforms: tuple[str, ...] = ()

    def message(self, lang: str = "zh_CN") -> str:
        return pick(self.messages, lang)

    def argument(self, lang: str = "zh_CN") -> str:
        return pick(self.arguments, lang) if self.arguments else ""


@dataclass(frozen=True)
class Scenario:
    id: str
    names: dict[str, str]
    descriptions: dict[str, str]
    requirements: tuple[Requirement, ...]
    time_checks: tuple[str, ...] = ()
    source: str = ""
    findings: tuple[FindingRule, ...] = ()
    facts: tuple[str, ...] = ()  # case facts that matter here (the case form opens its facts section for them)

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
    rules: Rules | None = None
    questions: dict[str, Question] = field(default_factory=dict)

    def cite(self, keys: tuple[str, ...], platform_id: str, lang: str = "zh_CN", fixed: str = "") -> str:
        """The citation text for `keys` on `platform_id` (its own rules + the national measures)."""
        if not keys or self.rules is None:
            return fixed
        platform = self.platforms.get(platform_id) or self.platforms.get("other")
        return self.rules.resolve(keys, platform.rules if platform else (), lang)

    def questions_for(self, kind_id: str) -> list[Question]:
        return [q for q in self.questions.values() if q.kind == kind_id]

    def kind_name(self, kind_id: str, lang: str = "zh_CN") -> str:
        kind = self.kinds.get(kind_id)
        return kind.name(lang) if kind else kind_id

    def platform_name(self, platform_id: str, lang: str = "zh_CN") -> str:
        platform = self.platforms.get(platform_id)
        return platform.name(lang) if platform else platform_id

    def scenario_name(self, scenario_id: str, lang: str = "zh_CN") -> str:
        scenario = self.scenarios.get(scenario_id)
        return scenario.name(lang) if scenario else scenario_id
