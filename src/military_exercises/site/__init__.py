"""The static site (``make site``): plain HTML, CSS and a little JavaScript, rendered from the release
with Jinja2 templates. Read side only: it reads the release through the loaders and never imports
the pipeline."""
