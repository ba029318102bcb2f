"""chorus-wizard: get a small business onto Chorus Pro in four guided steps."""

__version__ = "0.1.0"
