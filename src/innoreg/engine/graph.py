"""The dependency graph of one entity kind's variables: missing inputs and cycles are errors
that name the variables involved; otherwise a topological order to evaluate them in."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from innoreg.errors import GraphError


def order_variables(
    entity: str, inputs: Mapping[str, object], depends_on: Mapping[str, Sequence[str]]
) -> list[str]:
    for name, needs in depends_on.items():
        if name in inputs:
            raise GraphError(f"{entity}.{name} is both an input and a variable", variable=name)
        for need in needs:
            if need not in inputs and need not in depends_on:
                raise GraphError(
                    f"{entity}.{name} needs {need!r}, which is neither an input nor a variable "
                    f"of {entity}",
                    variable=name,
                    missing=need,
                )
    order: list[str] = []
    state: dict[str, str] = {}

    def visit(name: str, path: list[str]) -> None:
        if state.get(name) == "done":
            return
        if state.get(name) == "visiting":
            cycle = [*path[path.index(name) :], name]
            raise GraphError(f"{entity}: cycle {' -> '.join(cycle)}", cycle=cycle)
        state[name] = "visiting"
        for need in depends_on[name]:
            if need in depends_on:
                visit(need, [*path, name])
        state[name] = "done"
        order.append(name)

    for name in depends_on:
        visit(name, [])
    return order
