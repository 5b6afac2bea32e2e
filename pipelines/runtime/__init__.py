"""Runtime plumbing, one module per mechanism: how a build runs, not what it extracts.

``build_run`` (the one start-up sequence), ``cluster_run`` (a build split
around a cluster that shares only object storage), ``object_store`` (bytes
under a local folder or a URL), ``inputs`` (the seeds folder's side files
for other machines), ``cache`` (content-addressed results), ``locking``
(one build per warehouse), ``worker_pool`` and
``warm_start`` (processes for the per-document work), ``sharding`` (documents
split by content hash), ``extraction_steps`` (per-document extraction,
cached), ``step_storage`` (where Dagster keeps step outputs), ``gc_tuning``
(the garbage collector of a one-shot build) and ``fault_injection`` (pause
points for the crash tests).
"""
