"""Rule packs as data plus a little code: rules citing eIds, dated parameters, interpretations.

A pack is found through the one registry (``registry()``); a rule module declares variables
with ``@rule`` and builds its formula from ``innoreg.rules.expr``.
"""

from innoreg.labels import Label
from innoreg.rules.rule import RuleSpec, binding_floor, rule

__all__ = ["Label", "RuleSpec", "binding_floor", "rule"]
