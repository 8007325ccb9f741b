"""``innoreg db demo``: a synthetic Luoyang, deterministic and idempotent. Every name, code
and figure is invented (seeded); the districts and the industry mix are Luoyang's."""

from innoreg.records.demo.load import DemoSummary, load_demo

__all__ = ["DemoSummary", "load_demo"]
