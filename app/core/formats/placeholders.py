"""prompts.chat placeholders: ``${Name}`` and ``${Name:default}`` become typed variables.

prompts.chat marks a prompt's inputs as ``${Name}`` or ``${Name:default}``: the name and the
default are trimmed, a name may hold spaces and capitals ("Footballer Name"), and when a value
is not given the placeholder shows its default (or nothing). A :class:`PlaceholderConverter`
turns such text into a Promptdesk template: each placeholder becomes ``{{ name }}`` where
``name`` is a readable snake_case identifier made from the original ("footballer_name",
collisions numbered "name_2"), everything else is escaped so it renders as written, and each
name is declared once as a :class:`VariableSpec` whose description is the original name and
whose type is guessed from its default (integer, number, boolean) or its name (multi-line for
"description", "content", "paste_..."), text otherwise. A placeholder written without its
default where the same name has one elsewhere (``${audience:teens} ... ${audience}``) shows
that default; prompts.chat would show nothing there, which its authors plainly did not mean.

Two cases need more than ``{{ name }}``, so that rendering with the defaults gives the text
prompts.chat shows:

* A name given different defaults in different places (``${tone:formal}, ${tone:informal}``,
  an author listing choices) is one optional variable with no default, and each place renders
  ``{{ tone or "informal" }}``: its own default until a value is given, then the value
  everywhere, exactly as prompts.chat does.
* A boolean prints as ``True`` in Jinja, so ``${debug:false}`` renders ``{{ debug | lower }}``
  (``| upper`` for ``FALSE``) to keep the spelling.

Prompts that are source code use ``${...}`` for JavaScript template literals or shell parameter
expansion (``${user.name}``, ``${index + 1}``, ``${var:-default}``). prompts.chat would offer
those as inputs too, and substitute them away; here a prompt in which any ``${...}`` is such an
expression is taken as code and all of its ``${...}`` are kept as written.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from app.core.formats.common import literal_template, template_variable_problem
from app.core.type_guess import asks_for_long_text
from app.core.variables import VariableSpec, VariableType

# prompts.chat's own pattern is \$\{([^:}]+)(?::([^}]*))?\}. Here neither part may hold a brace,
# so "${${int}}" (a typo) finds the inner ${int} and GitHub's "${{ secrets.X }}" is no
# placeholder; a name does not span lines.
PLACEHOLDER = re.compile(r"\$\{(?P<name>[^{}:\n]+)(?::(?P<default>[^{}]*))?\}")

# What ${...} holds when it is code rather than a placeholder (tested on the whole inside).
_CODE = re.compile(
    r"""
    (?=.*(?:\.|\[|\(\)))  # member access, an index or a call, as in
    [A-Za-z_$][\w$]*(?:\??\.[A-Za-z_$][\w$]*|\[[^\]]*\]|\(.*\))+  # a.b a?.b a[1] f() f(a.b)
    | .*\b(?:instanceof|typeof)\b.*  # JavaScript operators
    | [A-Za-z_$][\w$.]*\s+[-+*/%]\s+\d+  # arithmetic: index + 1
    | \#[A-Za-z_]\w*  # shell length: ${#var}
    | [A-Za-z_]\w*(?::[-=?+](?=[^\d.\s])|//|\#\#?\S|%%?\S).*  # ${v:-x} ${v//a/b} ${v#x} ${v%x}
    """,
    re.VERBOSE | re.DOTALL,
)

MAX_NAME_LENGTH = 60
# Valid identifiers that still cannot be a prompt's own variable: the render environment's
# globals (a variable would hide them) and names Jinja gives a meaning inside templates.
_RESERVED = frozenset({"range", "loop", "caller", "varargs", "kwargs"})
_BOOLEAN_SPELLINGS = {
    "true": (True, " | lower"),
    "false": (False, " | lower"),
    "True": (True, ""),
    "False": (False, ""),
    "TRUE": (True, " | upper"),
    "FALSE": (False, " | upper"),
}
_INTEGER = re.compile(r"-?[1-9]\d{0,14}|0")
_DECIMAL = re.compile(r"-?\d{1,15}\.\d{1,15}")


@dataclass
class _Variable:
    identifier: str
    original: str
    defaults: list[str] = field(default_factory=list)  # distinct, in order of appearance


@dataclass(frozen=True)
class _Use:
    """One placeholder in the text: which variable, and the default written there."""

    variable: _Variable
    default: str


class PlaceholderConverter:
    """Converts one prompt's texts (body, system prompt) sharing one set of variables.

    :meth:`add` each text first (a name's defaults anywhere decide how it renders), then take
    each one's :meth:`template` and the :meth:`variables` to declare.
    """

    def __init__(self) -> None:
        self._by_original: dict[str, _Variable] = {}
        self._identifiers: set[str] = set()
        self._pending: list[list[str | _Use]] = []

    def add(self, text: str) -> int:
        """Read ``text``'s placeholders; returns a handle for :meth:`template`."""
        pieces: list[str | _Use] = []
        matches = [] if is_code(text) else list(_placeholders(text))
        position = 0
        for match, name, default in matches:
            pieces.append(text[position : match.start()])
            pieces.append(_Use(self._variable(name, default), default))
            position = match.end()
        pieces.append(text[position:])
        self._pending.append(pieces)
        return len(self._pending) - 1

    def template(self, handle: int) -> str:
        """The text added as ``handle``, as a Promptdesk template (after every :meth:`add`)."""
        out: list[str] = []
        literal: list[str] = []
        for piece in self._pending[handle]:
            if isinstance(piece, str):
                literal.append(piece)
                continue
            # Escaped as one run: a "{" just before a placeholder must not join its "{{".
            out += [literal_template("".join(literal)), self._expression(piece)]
            literal = []
        out.append(literal_template("".join(literal)))
        return "".join(out)

    def variables(self) -> tuple[VariableSpec, ...]:
        """One declaration per placeholder name, in order of first appearance."""
        return tuple(_spec(variable) for variable in self._by_original.values())

    def identifiers(self) -> dict[str, str]:
        """{the name as written in the placeholder: the variable's name}."""
        return {original: v.identifier for original, v in self._by_original.items()}

    def _variable(self, name: str, default: str) -> _Variable:
        variable = self._by_original.get(name)
        if variable is None:
            identifier = _unique(variable_identifier(name), self._identifiers)
            variable = self._by_original[name] = _Variable(identifier, name)
        if default and default not in variable.defaults:
            variable.defaults.append(default)
        return variable

    def _expression(self, use: _Use) -> str:
        variable = use.variable
        if len(variable.defaults) > 1 and use.default:
            return "{{ " + f"{variable.identifier} or {jinja_string(use.default)}" + " }}"
        filters = ""
        if len(variable.defaults) == 1 and variable.defaults[0] in _BOOLEAN_SPELLINGS:
            filters = _BOOLEAN_SPELLINGS[variable.defaults[0]][1]
        return "{{ " + variable.identifier + filters + " }}"


def convert_placeholders(text: str) -> tuple[str, tuple[VariableSpec, ...]]:
    """``text`` as a Promptdesk template, and the variables its placeholders declare."""
    converter = PlaceholderConverter()
    handle = converter.add(text)
    return converter.template(handle), converter.variables()


def is_code(text: str) -> bool:
    """Whether any ``${...}`` in ``text`` is a JavaScript or shell expression."""
    return any(_CODE.fullmatch(match[0][2:-1].strip()) for match in PLACEHOLDER.finditer(text))


def _placeholders(text: str) -> Iterable[tuple[re.Match[str], str, str]]:
    for match in PLACEHOLDER.finditer(text):
        name = match["name"].strip()
        if name:  # "${ }" names nothing: it stays as written
            yield match, name, (match["default"] or "").strip()


@lru_cache(maxsize=4096)  # the same names recur across a collection; checking one parses it
def variable_identifier(original: str) -> str:
    """A readable variable name for a prompts.chat one: ``Footballer Name`` -> ``footballer_name``.

    Accents are dropped (``clés`` -> ``cles``), other scripts kept (``名称``), camelCase split
    (``targetAudience`` -> ``target_audience``), anything else becomes ``_``. A name that would
    start with a digit gets ``var_`` in front, one Jinja reserves gets ``_value`` after it.
    """
    text = unicodedata.normalize("NFKD", original.replace("'", "").replace("\u2019", ""))
    text = unicodedata.normalize("NFC", "".join(c for c in text if not unicodedata.combining(c)))
    text = re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "_", text).lower()
    text = "".join(c if ("a" + c).isidentifier() else "_" for c in text)
    text = re.sub(r"_+", "_", text).strip("_")
    if len(text) > MAX_NAME_LENGTH:
        cut = text[:MAX_NAME_LENGTH]
        text = cut.rsplit("_", 1)[0] if "_" in cut else cut
    if not text:
        return "variable"
    if text[0].isdigit():
        text = "var_" + text
    if text in _RESERVED or template_variable_problem(text):
        text += "_value"
        return text if template_variable_problem(text) is None else "variable"
    return text


def _unique(identifier: str, taken: set[str]) -> str:
    name, count = identifier, 1
    while name in taken:
        count += 1
        name = f"{identifier}_{count}"
    taken.add(name)
    return name


def jinja_string(text: str) -> str:
    """``text`` as a Jinja string literal (Jinja reads backslash escapes, as Python does)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _spec(variable: _Variable) -> VariableSpec:
    defaults = variable.defaults
    kind = _text_type(variable.identifier, defaults)
    if len(defaults) > 1:
        listed = " | ".join(defaults)
        description = f"{variable.original} (defaults where it is used: {listed})"
        return VariableSpec(variable.identifier, kind, required=False, description=description)
    if not defaults:
        return VariableSpec(variable.identifier, kind, description=variable.original)
    kind, value = _typed_default(defaults[0], kind)
    return VariableSpec(
        variable.identifier, kind, default=value, required=False, description=variable.original
    )


def _text_type(identifier: str, defaults: list[str]) -> VariableType:
    if asks_for_long_text(identifier) or any("\n" in default for default in defaults):
        return VariableType.MULTILINE
    return VariableType.TEXT


def _typed_default(default: str, text_type: VariableType) -> tuple[VariableType, Any]:
    """The type a default asks for, and the default in it; it must print back as written."""
    if default in _BOOLEAN_SPELLINGS:
        return VariableType.BOOLEAN, _BOOLEAN_SPELLINGS[default][0]
    if _INTEGER.fullmatch(default):
        return VariableType.INTEGER, int(default)
    # "0.00" or "1.50" would print as 0.0 and 1.5: only decimals that print back are numbers.
    if _DECIMAL.fullmatch(default) and str(float(default)) == default:
        return VariableType.NUMBER, float(default)
    return text_type, default
