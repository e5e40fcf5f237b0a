"""The bundled decks, installed as the package data `scenarios.decks`."""
