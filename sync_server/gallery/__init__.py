"""The community gallery: published templates, moderation, ratings, forks and search."""
