"""Readers and validators for source files. Functions return problems; they never print or exit."""
