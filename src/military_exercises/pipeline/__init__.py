"""The write side: source records -> published release.

One module per stage, in the order data flows through them:

``yamlsafe`` / ``parse``  strict YAML -> typed records (shape only)
``normalize``             codes, admin-1, dates, vocabularies via ``mappings`` (tables kept as data)
``reconcile``             claims -> sizes (low / best / high), by the documented rule
``tables``                the published tables and the cross-file checks
``schemas``               the pandera models: the single source of truth (``codebook`` renders them)
``publish``               atomic, deterministic write of ``dataset/release/``
``build``                 the entry point that runs the stages in order

The pipeline never imports the analysis side (``analysis``, ``plots``), the extractor or the CLI;
``schemas`` imports nothing else of the pipeline. ``tests/test_layout.py`` checks both rules.
"""
