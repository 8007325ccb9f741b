"""Workflows on the rules: each step that depends on the law asks the engine, stores the
determination, and refuses what the law does not allow with an error naming the state."""
