"""The records of dyadwatch as pydantic models, the pair summary read model, digest rings,
the JSON wrapper and the error tree. The bottom layer: imports nothing of the project."""
