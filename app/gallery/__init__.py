"""The community gallery on the desktop: browsing, forking with lineage, pulling upstream
releases, publishing, and the starter catalogue."""
