"""Local servers that the tests and the benchmarks start and stop themselves: moto's S3 server, PostgreSQL,
a Dask scheduler with its workers.

Why a package of its own: the cluster benchmark measures the same cluster the cluster test checks, and a
benchmark must not import test modules. Nothing here is pipeline code; the image leaves it out.
"""
