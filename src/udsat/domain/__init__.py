"""Pure rules, the catalogue and the bundle contract. Standard library only."""
