"""Fixtures shared by the test modules (tests never import one another)."""
