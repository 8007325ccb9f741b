"""`python -m innoreg` runs the command line."""

from innoreg.cli.entry import main

main()
