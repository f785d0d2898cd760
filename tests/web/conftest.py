"""The web tests' fixtures (a real store, real `communique serve` processes): defined in webserver.py,
offered to every test here so no test module imports a fixture by name."""
from webserver import built_db, ingest_server, server  # noqa: F401  (fixtures, registered by import)
