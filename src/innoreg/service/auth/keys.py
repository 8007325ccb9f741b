"""The key that signs bearer tokens: ``INNOREG_SECRET_KEY`` when set (the same on every worker
and machine), otherwise one generated on first use and kept, readable by its owner only, in the
per-user data directory beside the default records file — never a key written in the code."""

from __future__ import annotations

import os
import secrets
import threading
from pathlib import Path

from innoreg.service.settings import Settings

FILE_NAME = "secret-key"
_lock = threading.Lock()
_cache: dict[Path, str] = {}


def default_key_path() -> Path:
    import platformdirs

    return platformdirs.user_data_path("innoreg", appauthor=False) / FILE_NAME


def signing_key(settings: Settings, path: Path | None = None) -> str:
    """The configured key, or the persisted one (made now if there is none yet)."""
    if settings.secret_key:
        return settings.secret_key
    where = path or default_key_path()
    with _lock:
        if where not in _cache:
            _cache[where] = _load_or_create(where)
        return _cache[where]


def _load_or_create(path: Path) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        # O_EXCL: of several workers starting at once, one writes the key and the others read it.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        for _ in range(50):
            key = path.read_text(encoding="ascii").strip()
            if len(key) >= 32:
                return key
            threading.Event().wait(0.02)  # the writer has created it but not yet written
        raise RuntimeError(f"{path} is empty: delete it, or set INNOREG_SECRET_KEY") from None
    key = secrets.token_urlsafe(48)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(key + "\n")
    return key
