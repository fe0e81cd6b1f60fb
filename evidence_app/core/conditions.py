"""The small condition language of the data files: when a requirement or a declared finding applies.

    when = "merged_parcel"                       a true/false fact of the case
    when = "not cod"                             negation
    when = "refusal_reason == no_reason"         a choice fact against one of its values (also !=)
    when = "claimed_freight > actual_freight"    money facts against each other or a number (> >= < <= == !=)
    when = "shipped_late and not buyer_consented_late"
    when = "evidence.carrier_stamped_proof"      the case holds an (active) item of that kind
    when = "(a or b) and not c"

Names: every fact of `model.FACTS`, `imported`, the derived times in DERIVED, `evidence.<kind>`. A comparison with
an unset money fact is false (unknown is never taken as a yes). Parsed once when the data file loads, so a typo is
reported with the file and line, and evaluated against a plain dict: no Python from data files is ever run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from evidence_app.core.model import FACTS

# Derived from the case's times (see checklist.atoms): true/false.
DERIVED = {
    "signed": "the case has a signing time",
    "shipped_late": "the first pickup scan came after the promised shipping time",
    "not_shipped": "no pickup scan recorded (Art. 25: not shipped)",
    "refund_before_shipment": "the refund was requested before the first pickup scan (or with none yet)",
    "seven_day_outside": "the request came after the seven-day window by both countings",
    "seven_day_disputed": "the two countings of the seven-day window disagree",
}
_FACT_TYPES = {name: (kind, allowed) for name, kind, _default, allowed in FACTS}
_OPS = ("==", "!=", ">=", "<=", ">", "<")
_TOKEN = re.compile(r"\s*(\(|\)|==|!=|>=|<=|>|<|[A-Za-z_][A-Za-z0-9_.]*|-?\d+(?:\.\d+)?)")


class ConditionError(ValueError):
    pass


@dataclass(frozen=True)
class Condition:
    text: str
    tree: tuple

    def __call__(self, atoms: dict[str, object]) -> bool:
        return bool(_eval(self.tree, atoms))


def _tokens(text: str) -> list[str]:
    out, pos = [], 0
    text = text.strip()
    while pos < len(text):
        match = _TOKEN.match(text, pos)
        if not match or not match.group(1):
            raise ConditionError(f"cannot read {text[pos:]!r}")
        out.append(match.group(1))
        pos = match.end()
    return out


def parse(text: str, kinds: set[str] | frozenset[str] = frozenset()) -> Condition:
    """Parse and validate `text`; raises ConditionError saying what is wrong."""
    if not isinstance(text, str) or not text.strip():
        raise ConditionError("a condition must be non-empty text")
    tokens = _tokens(text)
    pos = 0

    def peek() -> str | None:
        return tokens[pos] if pos < len(tokens) else None

    def take() -> str:
        nonlocal pos
        if pos >= len(tokens):
            raise ConditionError(f"{text!r} ends too early")
        pos += 1
        return tokens[pos - 1]

    def name_ok(name: str) -> str:
        if name.startswith("evidence."):
            if kinds and name[9:] not in kinds:
                raise ConditionError(f"unknown evidence kind in {name!r}")
            return "bool"
        if name == "imported" or name in DERIVED:
            return "bool"
        if name in _FACT_TYPES:
            return _FACT_TYPES[name][0]
        known = ", ".join(["imported", *DERIVED, *_FACT_TYPES, "evidence.<kind>"])
        raise ConditionError(f"unknown name {name!r}; known: {known}")

    def operand(left_type: str, left: str) -> tuple:
        token = take()
        if left_type == "choice":
            allowed = _FACT_TYPES[left][1]
            if token not in allowed:
                raise ConditionError(f"{left} takes one of {', '.join(allowed)} (got {token!r})")
            return ("lit", token)
        if left_type == "money":
            if re.fullmatch(r"-?\d+(?:\.\d+)?", token):
                return ("lit", Decimal(token))
            if token in _FACT_TYPES and _FACT_TYPES[token][0] == "money":
                return ("name", token)
            raise ConditionError(f"{left} compares with a number or another amount (got {token!r})")
        if token in ("true", "false"):
            return ("lit", token == "true")
        raise ConditionError(f"{left} is true/false: write {left!r} or 'not {left}'")

    def unary() -> tuple:
        token = take()
        if token == "not":
            return ("not", unary())
        if token == "(":
            inner = expr()
            if take() != ")":
                raise ConditionError(f"missing ')' in {text!r}")
            return inner
        if token in _OPS or token in (")", "and", "or"):
            raise ConditionError(f"unexpected {token!r} in {text!r}")
        left_type = name_ok(token)
        if peek() in _OPS:
            op = take()
            if left_type == "choice" and op not in ("==", "!="):
                raise ConditionError(f"{token} is compared with == or !=")
            return ("cmp", op, ("name", token), operand(left_type, token))
        if left_type != "bool":
            raise ConditionError(f"{token} needs a comparison, e.g. {token} == …")
        return ("name", token)

    def conj() -> tuple:
        node = unary()
        while peek() == "and":
            take()
            node = ("and", node, unary())
        return node

    def expr() -> tuple:
        node = conj()
        while peek() == "or":
            take()
            node = ("or", node, conj())
        return node

    tree = expr()
    if pos != len(tokens):
        raise ConditionError(f"unexpected {tokens[pos]!r} in {text!r}")
    return Condition(text.strip(), tree)


def _value(node: tuple, atoms: dict[str, object]) -> object:
    if node[0] == "lit":
        return node[1]
    value = atoms.get(node[1])
    if node[1] in _FACT_TYPES and _FACT_TYPES[node[1]][0] == "money":
        try:
            return Decimal(str(value)) if value not in (None, "") else None
        except InvalidOperation:
            return None
    return value


def _eval(node: tuple, atoms: dict[str, object]) -> bool:
    tag = node[0]
    if tag == "name":
        return bool(atoms.get(node[1], False))
    if tag == "not":
        return not _eval(node[1], atoms)
    if tag == "and":
        return _eval(node[1], atoms) and _eval(node[2], atoms)
    if tag == "or":
        return _eval(node[1], atoms) or _eval(node[2], atoms)
    _, op, left_node, right_node = node
    left, right = _value(left_node, atoms), _value(right_node, atoms)
    if left is None or right is None:
        return False
    if op == "==":
        return left == right
    if op == "!=":
        return left != right
    try:
        return {">": left > right, ">=": left >= right, "<": left < right, "<=": left <= right}[op]  # type: ignore[operator]
    except TypeError:
        return False
