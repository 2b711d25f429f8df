"""Four plain settings files: base, dev, test, production."""
