"""Accounts: users with one role each, their passwords (argon2id, a policy), signing in with
a lockout, and the account events the audit chain records (issue 10)."""
