"""mesomap: a desktop planner for mesotherapy injection sessions.

mesomap is a planning aid; it gives no medical advice.
"""

__version__ = "0.1.0"
