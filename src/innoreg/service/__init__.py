"""The public service: one ASGI app (FastAPI) holding the versioned REST API under ``/v1`` and
the bilingual web pages, run by ``innoreg serve``. Nothing is stored: every answer is computed
from the request.

Layout: ``app.py`` builds the app; ``settings.py`` reads ``INNOREG_*``; ``errors.py`` is the one
place an ``InnoregError`` becomes problem+json or a form's error summary; ``decisions.py`` is the
one adapter onto the engine; ``catalogue.py`` the read models of the law and the rules shared by
``api`` and ``web`` (which never import each other).
"""
