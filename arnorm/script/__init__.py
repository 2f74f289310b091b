"""Script facts: the Arabic characters and their classes, derived from Unicode's tables.

The bottom layer: every other package reads its letter classes from here, and this package
imports nothing of arnorm.
"""
