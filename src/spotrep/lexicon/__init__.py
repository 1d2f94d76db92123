"""Lexicons of war reporting used by the pipeline stages (weapons, forces, institutions, triggers)."""
