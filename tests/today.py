"""The day the tests read dates against, where they can pass one.

A module of its own, not the test folder's ``conftest``: a test importing from
``conftest`` could be given another folder's (``tests/io`` has one), depending on
which tests a run collects first."""

from __future__ import annotations

import datetime

TODAY = datetime.date(2025, 1, 15)
"""The day the tests read dates against, where they can pass one."""
