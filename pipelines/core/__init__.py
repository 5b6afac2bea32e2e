"""Plain, Dagster-free logic: every function here can be read and tested alone."""
