"""Claim rules: one module per family of claim kinds (see extract/steps/claims.py)."""
