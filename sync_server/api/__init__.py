"""The HTTP API: thin routes over typed dependencies (``deps``), one module per resource."""
