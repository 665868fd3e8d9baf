"""Qt item models, one per entity list."""
