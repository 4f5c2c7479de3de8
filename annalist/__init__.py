"""annalist: a sourced record of an event from many news articles."""
__version__ = "0.1.0"
