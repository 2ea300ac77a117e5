"""proofing package."""
