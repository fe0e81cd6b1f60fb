"""Platform rule sets and the citations that requirements and findings stand on (resources/rules.toml).

A citation key names one point of law (`claim`) and, per rule set, the articles that say it. A platform lists its
rule sets (platforms.toml `rules`); the national seven-day measures apply on every platform. Resolving a key for
a platform gives that platform's own articles plus the national ones; where neither says it, the text says plainly
that it follows common platform practice. A case is never cited another platform's rules.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from evidence_app.core.i18n import pick

NATIONAL = "national"


@dataclass(frozen=True)
class RuleSet:
    id: str
    titles: dict[str, str]
    source: str = ""  # file name of the rule text under docs/rules/

    def title(self, lang: str = "zh_CN") -> str:
        return pick(self.titles, lang)


@dataclass(frozen=True)
class Citation:
    key: str
    claims: dict[str, str]
    articles: dict[str, str]  # rule set id -> "第三十六条、第三十八条"

    def claim(self, lang: str = "zh_CN") -> str:
        return pick(self.claims, lang)


@dataclass
class Rules:
    rulesets: dict[str, RuleSet]
    citations: dict[str, Citation]
    practice: dict[str, str] = field(default_factory=dict)

    def resolve(self, keys: tuple[str, ...], platform_rules: tuple[str, ...], lang: str = "zh_CN") -> str:
        """The citation text for `keys` on a platform whose rule sets are `platform_rules`."""
        parts: list[str] = []
        for ruleset_id in (*platform_rules, NATIONAL):
            articles = [self.citations[k].articles[ruleset_id] for k in keys
                        if ruleset_id in self.citations[k].articles]
            if articles:
                merged: list[str] = []
                for text in articles:
                    for piece in text.split("、"):
                        if piece not in merged:
                            merged.append(piece)
                parts.append(self.rulesets[ruleset_id].title(lang) + "、".join(merged))
        return ";".join(parts) if parts else pick(self.practice, lang)


def load_rules(path: Path, ctx_factory, read_toml, names) -> Rules:
    """Read rules.toml; errors name the file and line (helpers passed in by catalog to share its reporting)."""
    data, lines = read_toml(path)
    ctx = ctx_factory(path, lines)
    rulesets: dict[str, RuleSet] = {}
    for index, table in enumerate(data.get("ruleset", [])):
        line = ctx.table_line("ruleset", index)
        ruleset_id = table.get("id")
        if not isinstance(ruleset_id, str) or not ruleset_id:
            raise ctx.error(line, "a ruleset needs an `id`")
        rulesets[ruleset_id] = RuleSet(ruleset_id, names(ctx, table, "title", line), str(table.get("source", "")))
    if NATIONAL not in rulesets:
        raise ctx.error(None, f"rules.toml needs the `{NATIONAL}` ruleset")
    citations: dict[str, Citation] = {}
    for index, table in enumerate(data.get("citation", [])):
        line = ctx.table_line("citation", index)
        key = table.get("key")
        if not isinstance(key, str) or not key:
            raise ctx.error(line, "a citation needs a `key`")
        if key in citations:
            raise ctx.error(line, f"citation `{key}` is defined twice")
        articles = {}
        for ruleset_id, text in table.items():
            if ruleset_id in ("key", "claim"):
                continue
            if ruleset_id not in rulesets:
                raise ctx.error(ctx.value_line(ruleset_id, line), f"unknown ruleset {ruleset_id!r} in citation `{key}`")
            if not isinstance(text, str) or "第" not in text:
                raise ctx.error(ctx.value_line(ruleset_id, line), f"citation `{key}`: {ruleset_id} must name articles (第…条)")
            articles[ruleset_id] = text
        citations[key] = Citation(key, names(ctx, table, "claim", line), articles)
    practice = names(ctx, data, "practice", None)
    return Rules(rulesets, citations, practice)
