"""Team sync in the window: the sync client's controller, the status bar, the Team settings
page, sharing, members and invitations, and presence in the editor."""
