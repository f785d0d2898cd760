from communique.cli import run

run()
