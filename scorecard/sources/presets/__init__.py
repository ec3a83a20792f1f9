"""One module per tool (or family of exports), each declaring ``PRESETS: tuple[Preset, ...]``.

The registry (:mod:`scorecard.sources.registry`) imports every module here, sorted by name; add
a file, never edit the registry.
"""
