"""arnorm's own word lists (the text files beside this one), installed as a resource package."""
