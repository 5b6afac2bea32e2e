"""Shard steps joined by one step, with one named input per shard.

Contract: ``shard_inputs(n)`` declares the joining op's inputs,
``by_shard(outputs)`` wires the shard steps' outputs to them in a graph, and
``in_shard_order(inputs, n)`` gives them back as a list. Why not a fan-in
list input: the Dask executor loses fan-in inputs.
"""

import dagster as dg


def shard_inputs(shards: int) -> dict[str, dg.In]:
    """The joining op's inputs: ``shard_0`` … ``shard_{n-1}``."""
    return {f"shard_{i}": dg.In(dict) for i in range(shards)}


def by_shard(outputs: list) -> dict[str, object]:
    """The shard steps' outputs, in shard order, as the joining op's keyword arguments."""
    return {f"shard_{i}": output for i, output in enumerate(outputs)}


def in_shard_order(inputs: dict[str, dict], shards: int) -> list[dict]:
    """What the joining op received, in shard order."""
    return [inputs[f"shard_{i}"] for i in range(shards)]
