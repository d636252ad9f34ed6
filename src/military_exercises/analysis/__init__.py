"""The read side: filters, statistics, uncertainty draws and panels over the published release.

It reads only what :mod:`military_exercises.load` returns and never imports the pipeline.
"""
