"""NLP: the spaCy pipeline, loaded once from the installed model package, and how texts are fed to it.

Model loading and settings (`model`), parsing (`parsing`, `chunking`) and the public-API pipeline
components that correct the small model (`attribute_ruler`, `lemmatizer`, `wrapped_pipe`).
"""
