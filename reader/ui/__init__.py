"""The Textual app.  Imported lazily by ``reader`` so the command line never pays for Textual."""
