"""Shared by the pytest suites under Tests/.

soxready lays out tables and running text to `COLUMNS` when it is set, on a pipe too. GNU
readline, which pytest loads, exports `COLUMNS` and `LINES` into the process environment (not into
`os.environ`), so every soxready the tests start would wrap to 80 columns. The tests expect whole
lines, as a script reading soxready's output gets them; those that want a width set `COLUMNS`
themselves.
"""

import os

for name in ("COLUMNS", "LINES"):
    os.unsetenv(name)
    os.environ.pop(name, None)
