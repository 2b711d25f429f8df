"""Effects against a counterfactual (issue 18): comparison groups chosen by the rules in
catalogue/effects.toml, an event study robust to staggered timing (Sun & Abraham 2021) and a
synthetic control per treated area (Abadie, Diamond & Hainmueller 2010), behind the
disclosure gate. docs/effects.md describes the design."""
