"""Promptdesk: a local-first desktop workbench for prompt engineering.

The package is layered (see DESIGN.md): ``app.core`` is the pure domain, the service
packages (``storage``, ``runners``, ``retrieval``, ``sync``, ``tasks``) build on it, and
``app.ui`` and ``app.cli`` sit on top. Importing ``app`` itself must stay cheap: the GUI's
start-up path never pays for heavy libraries it does not use yet.
"""

import logging

__version__ = "0.1.0.dev0"

# Library etiquette: records go nowhere until an entry point calls app.logs.configure_logging.
logging.getLogger("app").addHandler(logging.NullHandler())
