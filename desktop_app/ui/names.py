"""Names of the main views, importable without Qt (the CLI validates ``gui --view`` with them)."""

VIEW_NAMES = (
    "dashboard", "plans", "ledger", "departments", "periods",
    "submissions", "warnings", "assessment", "reports",
)
