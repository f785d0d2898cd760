"""communique: evidence-linked records of diplomatic and defence engagements from news text."""

__version__ = "0.4.0"
