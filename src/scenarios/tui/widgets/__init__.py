"""Widgets of the play screen: gauges, cards, the phase bar."""
