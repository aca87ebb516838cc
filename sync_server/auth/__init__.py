"""Who is asking and what they may do: passwords, tokens, roles, rate limits, the audit log."""
