"""Articles in, a validated and versioned open dataset out."""
