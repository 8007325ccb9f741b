"""Passwords: the policy a new password must meet, and argon2id hashing (pwdlib).

The policy (issue 10): at least 12 characters, not one of the common passwords shipped beside
this module (Django's list of 19,640), not the account's e-mail address. Hashes carry their
own parameters, so a change of parameters takes effect one sign-in at a time: ``verify``
returns the new hash when the stored one was made with other parameters.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from pwdlib import PasswordHash
from pwdlib.hashers.argon2 import Argon2Hasher

from innoreg.errors import InputError

MIN_LENGTH = 12
MAX_LENGTH = 1024
"""Longer input is refused before hashing (hashing megabytes would be a way to tie up CPUs)."""


@cache
def common_passwords() -> frozenset[str]:
    text = files("innoreg.records.accounts").joinpath("common-passwords.txt").read_text("utf-8")
    return frozenset(
        line.strip().casefold() for line in text.splitlines() if line and line[:2] != "# "
    )


def check_policy(password: str, *, email: str = "") -> None:
    """Refuse a password the policy does not allow, naming the field ``password``."""
    if len(password) < MIN_LENGTH:
        raise InputError(
            f"must be at least {MIN_LENGTH} characters long",
            field="password",
            zh=f"至少需要{MIN_LENGTH}个字符",
        )
    if len(password) > MAX_LENGTH:
        raise InputError(
            f"must be at most {MAX_LENGTH} characters long",
            field="password",
            zh=f"不能超过{MAX_LENGTH}个字符",
        )
    folded = password.strip().casefold()
    if folded in common_passwords():
        raise InputError(
            "is one of the most common passwords; choose another",
            field="password",
            zh="属于最常见的密码，请另选一个",
        )
    if email and folded in (email.strip().casefold(), email.strip().casefold().split("@")[0]):
        raise InputError(
            "must not be the e-mail address", field="password", zh="不能与电子邮箱地址相同"
        )


OWASP = Argon2Hasher(memory_cost=19 * 1024, time_cost=2, parallelism=1)
"""OWASP Password Storage Cheat Sheet: argon2id, m=19 MiB, t=2, p=1."""


class Passwords:
    """Hash and verify with one set of argon2id parameters (by default OWASP's first
    recommended set, 19 MiB, 2 passes, 1 lane: pwdlib's 64 MiB × 3 passes × 4 lanes cost
    about 200 ms of CPU per sign-in, which made sign-in the easiest way to tie up a server's
    two cores)."""

    def __init__(self, hasher: Argon2Hasher | None = None) -> None:
        self.context = PasswordHash((hasher or OWASP,))
        self._dummy: str | None = None

    def hash(self, password: str) -> str:
        return self.context.hash(password)

    def verify(self, password: str, stored: str) -> tuple[bool, str | None]:
        """Whether ``password`` matches, and a new hash when ``stored`` used other parameters
        (to be saved in its place)."""
        if len(password) > MAX_LENGTH:
            return False, None
        return self.context.verify_and_update(password, stored)

    def waste_time(self, password: str) -> None:
        """Verify against a hash of nothing, so that an unknown e-mail address takes as long
        to refuse as a wrong password (no account enumeration by timing)."""
        if self._dummy is None:
            self._dummy = self.hash("no account has this password")
        self.context.verify(password[:MAX_LENGTH], self._dummy)


DEFAULT = Passwords()
