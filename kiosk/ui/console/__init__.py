"""The staff console: the desk window and its sections, and the guard screen."""
