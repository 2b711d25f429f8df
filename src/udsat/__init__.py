"""udsat: follows Denmark's vulnerable social-housing areas."""

__version__ = "0.1.0"
