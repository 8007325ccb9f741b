"""One module per tool or part of the site."""
