"""coder: news text to CAMEO/PLOVER political events, via Universal Dependencies parses."""

__version__ = "0.1.0"
