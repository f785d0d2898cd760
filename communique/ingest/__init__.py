"""Readers for every input form; see readers.read_inputs."""
from communique.ingest.readers import read_inputs

__all__ = ["read_inputs"]
