"""What differs by language: detection (``detect``), and per language (``uk/``, ``ru/``) the lexicons and
rules of reports written in it. English is the pipeline's own language (``spotrep.pipeline``)."""
