"""Every store test runs against each implementation (fixtures in tests/conftest.py)."""
