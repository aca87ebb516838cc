"""The gallery's shared words, the same on the desktop and the server: industries, licenses,
sort orders, report reasons and complexities (the server validates against them; the desktop
builds its filters and forms from them)."""

from __future__ import annotations

INDUSTRIES = (
    "media-entertainment",
    "healthcare-life-sciences",
    "retail",
    "manufacturing",
    "automotive",
    "financial-services",
    "gaming",
    "general",
)
INDUSTRY_NAMES = {
    "media-entertainment": "Media & entertainment",
    "healthcare-life-sciences": "Healthcare & life sciences",
    "retail": "Retail",
    "manufacturing": "Manufacturing",
    "automotive": "Automotive",
    "financial-services": "Financial services",
    "gaming": "Gaming",
    "general": "General",
}
LICENSES = ("CC0-1.0", "CC-BY-4.0", "CC-BY-SA-4.0", "MIT", "Apache-2.0")
DEFAULT_LICENSE = "CC0-1.0"
COMPLEXITIES = ("", "beginner", "intermediate", "advanced")
REPORT_REASONS = ("spam", "harmful", "copyright", "misleading", "broken", "other")
SORTS = ("relevance", "top", "forks", "new", "trending")
