"""`python -m innoreg` runs the command line."""

from innoreg.cli import main

main()
