"""What stopped a build and what to do, in one line: from a failed step, a failed check, a signal or an exception.

Contract: ``step_reason(event)`` is the one line of a step failure: a
``dg.Failure``'s description, else the message of the exception the step
raised (Dagster's wrappers peeled off); errors whose message already says
what to do (``SELF_EXPLAINED``) stand as they are, any other error is
named with a pointer to ``--verbose``. ``check_reason(name, failures)`` is
the line of a failed blocking check; ``exception_reason(exc)`` the line of
an exception raised outside the run. Why: the reason used to sit at line
221 of 286, inside a stack trace.
"""

from __future__ import annotations

from pipelines.console.run_log import ErrorInfo, RunEvent

#: Errors whose message names the problem and its fix: printed as they are. By class name, so the console
#: knows them without importing every part of the pipeline that raises one.
SELF_EXPLAINED = frozenset({
    "Failure", "BuildRefused", "BuildLocked", "ReleaseConflict", "ReleaseRefused", "ReleaseDamaged", "VersionRefused",
    "RemoteConflict", "InputError", "SeedsFolderError", "OutputFolderError", "DatasetConfigError",
})
#: Dagster's wrappers around what a step raised: their message says only that a step failed.
_WRAPPERS = frozenset({"DagsterExecutionStepExecutionError", "DagsterUserCodeExecutionError"})
_VERBOSE = "run the build again with --verbose to see where it happened"


def one_line(text: str) -> str:
    """``text`` with every run of whitespace, newlines included, made one space."""
    return " ".join(text.split())


def _message(error: ErrorInfo) -> str:
    """An error's message without the ``package.module.Class:`` prefix Dagster stores it with."""
    text = one_line(error.message)
    name = error.cls_name or ""
    head, sep, rest = text.partition(": ")
    if sep and (head == name or head.endswith("." + name)):
        return rest
    return text


def _root(error: ErrorInfo) -> ErrorInfo:
    """The error a step's code raised: below Dagster's wrappers, and below a re-raise ``from`` it when the outer
    one only wraps it."""
    while error.cls_name in _WRAPPERS and error.cause is not None:
        error = error.cause
    return error


def error_reason(error: ErrorInfo, where: str) -> str:
    """The one line of ``error`` raised in ``where``."""
    root = _root(error)
    message = _message(root)
    if root.cls_name in SELF_EXPLAINED:
        return message
    return f"{where} failed with {root.cls_name}: {message}; {_VERBOSE}"


def step_reason(event: RunEvent) -> str:
    """The one line of a ``STEP_FAILURE`` event."""
    if event.failure_description:
        return one_line(event.failure_description)
    if event.error is None:
        return f"step {event.step_key} failed; {_VERBOSE}"
    return error_reason(event.error, f"step {event.step_key}")


def check_reason(check: str, failures: str) -> str:
    """The one line of a failed blocking check, with its first failure."""
    first = next((line.strip() for line in failures.splitlines() if line.strip()), "")
    detail = f" ({first})" if first else ""
    return (f"the blocking check {check} failed{detail}: the tables break the data contract, so nothing was published; "
            f"the log lists every failing row")


def exception_reason(exc: BaseException, hint: bool = True) -> str:
    """The one line of an exception; ``hint`` adds where to see its trace to one that does not explain itself."""
    name = type(exc).__name__
    message = one_line(str(exc)) or name
    if name in SELF_EXPLAINED:
        return message
    return f"{name}: {message}" + (f"; {_VERBOSE}" if hint else "")
