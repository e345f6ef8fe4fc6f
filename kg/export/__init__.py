"""Writers for every export format; each writes atomically (temp file, then rename)."""
