"""The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters, the last a
check character computed from the first 17."""

from __future__ import annotations

from innoreg.errors import InputError

CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
"""The 31 characters a code may use (no I, O, S, V, Z)."""
WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_VALUE = {c: i for i, c in enumerate(CHARSET)}


def check_character(first17: str) -> str:
    """The 18th character for the first 17 (GB 32100-2015, 4.2)."""
    total = sum(_VALUE[c] * w for c, w in zip(first17, WEIGHTS, strict=True))
    return CHARSET[(31 - total % 31) % 31]


def credit_code_problem(code: str) -> str | None:
    """Why ``code`` is not a valid unified social credit code, or None when it is."""
    if len(code) != 18:
        return f"has {len(code)} characters; a unified social credit code has 18"
    for position, char in enumerate(code, start=1):
        if char not in _VALUE:
            return f"character {position} ({char!r}) is not allowed (0-9, A-Y but I, O, S, V, Z)"
    expected = check_character(code[:17])
    if code[17] != expected:
        return f"check character is {code[17]!r}, the first 17 characters give {expected!r}"
    return None


def normalise_credit_code(raw: str, *, field: str = "credit_code") -> str:
    """A code as people type it (spaces, lower case) -> the code, or an InputError naming
    ``field`` and GB 32100."""
    code = "".join(str(raw).split()).upper()
    problem = credit_code_problem(code)
    if problem:
        raise InputError(f"{raw!r} {problem}", field=field, rule="GB 32100-2015")
    return code
