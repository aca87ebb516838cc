"""Getting to the main window: the first-run wizard, unlocking, and the example library."""
