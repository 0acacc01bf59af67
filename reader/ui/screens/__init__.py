"""Modal screens: help, people, quotes, failed files."""
