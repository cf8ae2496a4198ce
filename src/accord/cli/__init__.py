"""Thin commands over the library: parse options, call a function, print its data."""
