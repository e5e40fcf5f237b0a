"""The Textual app: home, setup, play and end screens, for a table and its facilitator.

The only layer that imports Textual. It renders engine state and turns key
presses into engine actions through the journaled session; it never computes
a rule itself.
"""
