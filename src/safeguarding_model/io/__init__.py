"""Reading and writing the model: the converter, YAML and JSON files, located errors."""

from ..errors import LoadError, Problem
from .converter import configure_converter, converter, make_converter
from .files import (
    Example,
    dump,
    dump_pieces,
    dumps,
    example_names,
    examples,
    load,
    load_bytes,
    loads,
    to_data,
)
from .reading import Limits

__all__ = [
    "Example",
    "Limits",
    "LoadError",
    "Problem",
    "configure_converter",
    "converter",
    "dump",
    "dump_pieces",
    "dumps",
    "example_names",
    "examples",
    "load",
    "load_bytes",
    "loads",
    "make_converter",
    "to_data",
]
