"""`python -m accord` runs the `accord` command."""

from accord.cli.main import main

main()
