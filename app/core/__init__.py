"""The pure domain of Promptdesk: prompts, variables, rendering, versions, diffs, formats.

Nothing here imports Qt, SQL or the network, so the domain can be tested in milliseconds and
reused by the GUI, the CLI and the sync server alike. The layering test in
``tests/unit/test_layering.py`` keeps it that way.
"""
