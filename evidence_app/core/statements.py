"""The statement (申诉说明): exhibit references that follow reordering, and drafts from per-scenario templates.

A stored statement cites exhibits by reference, `⟦证据:<first 12 hex of the file's SHA-256>⟧`, never by number:
the number is whatever position the item has when the statement is shown (in the app, the bundle, statement.txt),
so reordering or removing exhibits never leaves a stale "证据 3". The content hash, not the item id, because ids
change when a case travels in an archive and a case never holds the same file twice.

The editor shows the rendered text ("证据 3"); what the agent types is stored back with `to_stored`, so a number
they type by hand becomes a reference to the exhibit that has that number at that moment.

Templates live in resources/statements.toml (one table per scenario id, a list of clauses per language). A clause
is kept only when everything it names is known: `{signed_at}`-style facts of the case and `{证据:kind|kind2}`
references to exhibits of those kinds. Clauses are dropped from the end until the draft fits the platform's limit.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from datetime import tzinfo
from functools import lru_cache
from pathlib import Path

from evidence_app.core.model import Case, EvidenceItem
from evidence_app.core.timeutil import show
from evidence_app.paths import resources_dir

TOKEN = re.compile(r"⟦证据:([0-9a-f]{12})⟧")
TYPED = re.compile(r"(证据|Exhibit|exhibit)\s?(\d{1,3})(?!\d)")
PLACEHOLDER = re.compile(r"\{([^{}]+)\}")
REMOVED = {"zh_CN": "(已删除的证据)", "en": "(removed exhibit)"}
LIST_SEP = {"zh_CN": "、", "en": ", "}
EXHIBIT = {"zh_CN": "证据 {n}", "en": "Exhibit {n}"}


def token(item: EvidenceItem) -> str:
    return f"⟦证据:{item.sha256[:12]}⟧"


def _lang(lang: str) -> str:
    return "zh_CN" if lang.startswith("zh") else "en"


def numbers(items: list[EvidenceItem]) -> dict[str, int]:
    """Hash prefix → exhibit number, for the case's active items in their order."""
    return {item.sha256[:12]: n for n, item in enumerate((i for i in items if i.deleted_at is None), 1)}


def render(stored: str, items: list[EvidenceItem], lang: str = "zh_CN") -> str:
    """The statement as the reviewer reads it: every reference replaced by the exhibit's current number."""
    current = numbers(items)
    lang = _lang(lang)

    def one(match: re.Match) -> str:
        n = current.get(match.group(1))
        return EXHIBIT[lang].format(n=n) if n else REMOVED[lang]

    return TOKEN.sub(one, stored or "")


def dangling(stored: str, items: list[EvidenceItem]) -> int:
    """How many references point at exhibits no longer in the case."""
    current = numbers(items)
    return sum(1 for match in TOKEN.finditer(stored or "") if match.group(1) not in current)


def to_stored(shown: str, items: list[EvidenceItem]) -> str:
    """What the editor shows → what is stored: "证据 3" becomes a reference to the item that is now 证据 3.
    Numbers beyond the exhibits stay plain text."""
    active = [i for i in items if i.deleted_at is None]

    def one(match: re.Match) -> str:
        n = int(match.group(2))
        return token(active[n - 1]) if 1 <= n <= len(active) else match.group(0)

    return TYPED.sub(one, shown or "")


def length(stored: str, items: list[EvidenceItem], lang: str = "zh_CN") -> int:
    """Characters the platform's box will count: the rendered text."""
    return len(render(stored, items, lang))


# --- drafting ------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Template:
    scenario: str
    clauses: dict[str, tuple[str, ...]]


class TemplateError(ValueError):
    pass


@lru_cache(maxsize=4)
def _load(path: Path) -> dict[str, Template]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise TemplateError(f"{path}: {exc}") from None
    templates = {}
    for scenario, table in data.items():
        if not isinstance(table, dict) or not all(isinstance(v, list) and all(isinstance(s, str) for s in v)
                                                  for v in table.values()):
            raise TemplateError(f"{path}: [{scenario}] needs lists of clauses per language (zh_CN = [\"…\"], en = …)")
        templates[scenario] = Template(scenario, {lang: tuple(v) for lang, v in table.items()})
    return templates


def templates(path: Path | None = None) -> dict[str, Template]:
    return _load(path or resources_dir() / "statements.toml")


def _facts(case: Case, shop: str, tz: tzinfo | None, hidden: frozenset[str] | set[str]) -> dict[str, str]:
    values: dict[str, str] = {}
    for name in ("paid_at", "pickup_at", "signed_at", "refund_at"):
        when = getattr(case, name, None)
        if when is not None and name not in hidden:
            values[name] = show(when, tz)
            values[name + "_date"] = show(when, tz)[:10]
    for name in ("order_no", "refund_no", "buyer", "amount", "tracking_no", "claimed_freight", "actual_freight"):
        value = str(getattr(case, name, "") or "")
        if value:
            values[name] = value
    if shop:
        values["shop"] = shop
    return values


def draft(case: Case, items: list[EvidenceItem], *, lang: str = "zh_CN", limit: int | None = None,
          shop: str = "", tz: tzinfo | None = None, path: Path | None = None,
          hidden: frozenset[str] | set[str] = frozenset()) -> str:
    """A stored statement (with references) drafted from the scenario's template, "" when there is none.
    `hidden`: case fields a finding counts against the shop; clauses naming them are left out."""
    template = templates(path).get(case.scenario)
    if template is None:
        return ""
    lang = _lang(lang)
    clauses = template.clauses.get(lang) or template.clauses.get("zh_CN") or ()
    facts = _facts(case, shop, tz, hidden)
    active = [i for i in items if i.deleted_at is None]
    kept: list[str] = []
    for clause in clauses:
        filled = _fill(clause, facts, active, lang)
        if filled is not None:
            kept.append(filled)
    sep = "" if lang == "zh_CN" else " "
    while kept and limit is not None and length(sep.join(kept), active, lang) > limit:
        kept.pop()
    return sep.join(kept)


def _fill(clause: str, facts: dict[str, str], items: list[EvidenceItem], lang: str) -> str | None:
    missing = False

    def one(match: re.Match) -> str:
        nonlocal missing
        name = match.group(1).strip()
        if name.startswith(("证据:", "exhibit:")):
            kinds = name.split(":", 1)[1].split("|")
            refs = [token(i) for i in items if i.kind in kinds]
            if not refs:
                missing = True
            return LIST_SEP[lang].join(refs)
        if name not in facts:
            missing = True
            return ""
        return facts[name]

    text = PLACEHOLDER.sub(one, clause)
    return None if missing else text
