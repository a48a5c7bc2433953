"""Language understanding: text in, an `Understanding` out. Pure functions, no I/O."""
