"""The small condition language of the duty map (corpus/duties.toml), evaluated in three values.

`provides_to_others and (generative_ai or high_impact_ai)`, `daily_users_kr >= 1000000`, `not human_final_decision`,
`coalesce(significant_risk, not human_final_decision)`. Values are True, False or None (unknown); `and`, `or` and
`not` follow Kleene's strong logic, so an unknown that cannot change the result does not make it unknown.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Union

Value = Union[bool, float, tuple[float, float], None]
Lookup = Callable[[str], Value]

_TOKEN = re.compile(r"\s*(?:(?P<num>\d+(?:\.\d+)?(?:e\d+)?)|(?P<op>>=|<=|==|>|<|\(|\)|,)|(?P<name>[a-z_][a-z0-9_]*))", re.I)
_WORDS = {"and", "or", "not", "coalesce", "true", "false"}


class ConditionError(ValueError):
    """A condition of the duty map does not parse."""


@dataclass(frozen=True)
class Name:
    name: str


@dataclass(frozen=True)
class Num:
    value: float


@dataclass(frozen=True)
class Const:
    value: bool


@dataclass(frozen=True)
class Not:
    arg: "Node"


@dataclass(frozen=True)
class And:
    args: tuple["Node", ...]


@dataclass(frozen=True)
class Or:
    args: tuple["Node", ...]


@dataclass(frozen=True)
class Compare:
    left: Name
    op: str
    right: Num


@dataclass(frozen=True)
class Coalesce:
    args: tuple["Node", ...]


Node = Union[Name, Num, Const, Not, And, Or, Compare, Coalesce]


def _tokens(text: str) -> list[str]:
    out, pos = [], 0
    text = text.strip()
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if not m or m.end() == pos:
            raise ConditionError(f"cannot read {text[pos:pos + 20]!r} in condition {text!r}")
        out.append(m.group(m.lastgroup).lower() if m.lastgroup == "name" else m.group(m.lastgroup))
        pos = m.end()
    return out


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.toks = _tokens(text)
        self.i = 0

    def peek(self) -> str | None:
        return self.toks[self.i] if self.i < len(self.toks) else None

    def take(self, expected: str | None = None) -> str:
        tok = self.peek()
        if tok is None or (expected is not None and tok != expected):
            raise ConditionError(f"expected {expected or 'more'} in condition {self.text!r}")
        self.i += 1
        return tok

    def parse(self) -> Node:
        node = self.disjunction()
        if self.peek() is not None:
            raise ConditionError(f"unexpected {self.peek()!r} in condition {self.text!r}")
        return node

    def disjunction(self) -> Node:
        args = [self.conjunction()]
        while self.peek() == "or":
            self.take()
            args.append(self.conjunction())
        return args[0] if len(args) == 1 else Or(tuple(args))

    def conjunction(self) -> Node:
        args = [self.negation()]
        while self.peek() == "and":
            self.take()
            args.append(self.negation())
        return args[0] if len(args) == 1 else And(tuple(args))

    def negation(self) -> Node:
        if self.peek() == "not":
            self.take()
            return Not(self.negation())
        return self.atom()

    def atom(self) -> Node:
        tok = self.take()
        if tok == "(":
            node = self.disjunction()
            self.take(")")
            return node
        if tok in ("true", "false"):
            return Const(tok == "true")
        if tok == "coalesce":
            self.take("(")
            args = [self.disjunction()]
            while self.peek() == ",":
                self.take()
                args.append(self.disjunction())
            self.take(")")
            return Coalesce(tuple(args))
        if tok in _WORDS or not re.fullmatch(r"[a-z_][a-z0-9_]*", tok):
            raise ConditionError(f"unexpected {tok!r} in condition {self.text!r}")
        name = Name(tok)
        if self.peek() in (">=", "<=", ">", "<", "=="):
            op = self.take()
            num = self.take()
            try:
                return Compare(name, op, Num(float(num)))
            except ValueError:
                raise ConditionError(f"{name.name} {op} needs a number in condition {self.text!r}") from None
        return name


def parse(text: str) -> Node:
    """The syntax tree of a condition; ConditionError if it does not parse."""
    return _Parser(text).parse()


def names(node: Node) -> set[str]:
    """Every fact or term a condition refers to."""
    if isinstance(node, Name):
        return {node.name}
    if isinstance(node, Compare):
        return {node.left.name}
    if isinstance(node, Not):
        return names(node.arg)
    if isinstance(node, (And, Or, Coalesce)):
        return set().union(*(names(a) for a in node.args))
    return set()


def compared(node: Node) -> set[str]:
    """The names a condition compares with numbers (they must be number facts)."""
    if isinstance(node, Compare):
        return {node.left.name}
    if isinstance(node, Not):
        return compared(node.arg)
    if isinstance(node, (And, Or, Coalesce)):
        return set().union(*(compared(a) for a in node.args))
    return set()


_OPS = {">=": lambda a, b: a >= b, "<=": lambda a, b: a <= b, ">": lambda a, b: a > b, "<": lambda a, b: a < b,
        "==": lambda a, b: a == b}


# Looked up for a fact the question touches without deciding it ("we retrained it — does that count as a major
# change?"): unknown, and a written default (`coalesce(x, false)`) does not stand in for it.
TOUCHED = object()


def evaluate(node: Node, lookup: Lookup) -> bool | None:
    """The three-valued truth of a condition, the names looked up by `lookup` (None: unknown; TOUCHED: unknown, and
    no default replaces it)."""
    if isinstance(node, Const):
        return node.value
    if isinstance(node, Name):
        v = lookup(node.name)
        return None if v is None or v is TOUCHED else bool(v)
    if isinstance(node, Compare):
        v = lookup(node.left.name)
        if v is None or v is TOUCHED:
            return None
        if isinstance(v, tuple):  # a band (a figure converted at a rate not known exactly): decided where both ends agree
            ends = {_OPS[node.op](float(x), node.right.value) for x in v}
            return ends.pop() if len(ends) == 1 else None
        return _OPS[node.op](float(v), node.right.value)
    if isinstance(node, Not):
        v = evaluate(node.arg, lookup)
        return None if v is None else not v
    if isinstance(node, And):
        vals = [evaluate(a, lookup) for a in node.args]
        if any(v is False for v in vals):
            return False
        return True if all(v is True for v in vals) else None
    if isinstance(node, Or):
        vals = [evaluate(a, lookup) for a in node.args]
        if any(v is True for v in vals):
            return True
        return False if all(v is False for v in vals) else None
    if isinstance(node, Coalesce):
        for a in node.args:
            v = evaluate(a, lookup)
            if v is not None:
                return v
            if any(lookup(n) is TOUCHED for n in names(a)):
                return None
        return None
    raise ConditionError(f"cannot evaluate {node!r}")
