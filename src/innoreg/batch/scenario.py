"""What a simulation decides: the law (jurisdiction, date, readings, assumed act dates), the
entity kind, the columns passed through, and optionally a reform beside the baseline.

A ``Scenario`` is small, frozen and picklable: it is what a Dask worker receives with each
partition, and each worker builds (and caches) the same plans from it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from innoreg.engine.plan import EntityPlan, Plan, plan_for
from innoreg.engine.reform import Reform
from innoreg.errors import InputError

GROUPS = ("district", "industry_section", "size_class")
"""What summaries group by; ``district`` and ``size_class`` are columns passed through, the
industry section is the first letter of the ``industry`` input."""
PASSED_THROUGH = ("district", "size_class")
REFORM_SUFFIX = "_reform"
EFFECT = "reform_effect"

# The results an entity is better off with: booleans true, amounts larger. A reform's effect
# on a row (gains / loses / mixed / unchanged) is read on these.
BENEFITS: dict[str, tuple[str, ...]] = {
    "enterprise": (
        "support_eligible",
        "support_priority",
        "standard_setting_reward_eligible",
        "rd_super_deduction",
    ),
}


@dataclass(frozen=True)
class Scenario:
    jurisdiction: str
    date: dt.date
    entity: str = "enterprise"
    interpretations: tuple[tuple[str, str], ...] = ()
    assumptions: tuple[tuple[str, dt.date], ...] = ()
    reform: Reform | None = None
    keep: tuple[str, ...] = ()
    skip_invalid: bool = False

    def plan(self, *, reform: bool = False) -> Plan:
        """The baseline plan, or with ``reform=True`` the reform's (cached by the engine)."""
        return plan_for(
            self.jurisdiction,
            self.date,
            dict(self.interpretations),
            assumptions=dict(self.assumptions),
            reform=self.reform if reform else None,
        )

    def entity_plan(self, *, reform: bool = False) -> EntityPlan:
        plan = self.plan(reform=reform)
        if self.entity not in plan.entities:
            raise InputError(
                f"unknown entity kind for {plan.jurisdiction}; known: {', '.join(plan.entities)}",
                field="entity",
            )
        return plan.entities[self.entity]

    @property
    def variables(self) -> tuple[str, ...]:
        return tuple(v.spec.name for v in self.entity_plan().variables)

    def output_columns(self) -> list[str]:
        """``id``, then each variable (and beside it its reform value), then the effect."""
        columns = ["id"]
        for name in self.variables:
            columns += [name, name + REFORM_SUFFIX] if self.reform else [name]
        return [*columns, EFFECT] if self.reform else columns
