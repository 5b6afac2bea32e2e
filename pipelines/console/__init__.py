"""The build as a person sees it: stage lines with counts, the Dagster log in a file, one line when it fails.

``run_log`` follows a run's events in Dagster's event log and writes them
to a file; ``stages`` turns them into one line per stage, with progress and
an estimate; ``display`` prints those on the console; ``failure`` says in
one line what stopped a build and what to do.
"""
