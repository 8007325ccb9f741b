"""Data access, one module per aggregate. Every function is keyword-only and takes the
caller's ``scope``: the organisations whose records it may see. Tenant filtering lives here
and only here, so the portal and the API (a later issue) inherit it."""

from innoreg.records.repositories.scope import BUREAU, Scope

__all__ = ["BUREAU", "Scope"]
