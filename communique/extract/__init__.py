"""Plain functions over text and spaCy Docs; the nlp components wrap them."""
