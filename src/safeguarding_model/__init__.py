"""safeguarding_model: the published arrangements of local safeguarding children
partnerships in England as data.

>>> import safeguarding_model as sm
>>> dataset = sm.load("isle-of-wight-2024")
>>> dataset.partnership().short_name
'IOWSCP'
"""

from .errors import LoadError, Problem, SafeguardingModelError, UsageError
from .io import dump, dumps, example_names, examples, load, loads
from .model import *  # noqa: F403  (the model's own __all__ is the list)
from .model import __all__ as _model_all

__version__ = "0.1.0"

__all__ = [
    "LoadError",
    "Problem",
    "SafeguardingModelError",
    "UsageError",
    "dump",
    "dumps",
    "example_names",
    "examples",
    "load",
    "loads",
    *_model_all,
]
