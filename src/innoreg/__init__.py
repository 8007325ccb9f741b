"""innoreg: science-and-technology innovation regulations as executable, explainable law.

Layers, imports pointing inward: ``law`` (structured acts) ← ``rules`` (rule packs, dated
parameters) ← ``engine`` (one dependency graph for a case or a population) ← surfaces (``cli``).
"""

from innoreg.errors import InnoregError

__all__ = ["InnoregError", "__version__"]
__version__ = "0.1.0"
