"""A course's planned session days, as a pure function of its start and intervals.

Defaults follow ../shared/domain/MESOTHERAPY.md ("Sessions and courses"): 6 weekly sessions
(6–10 are usual), then maintenance every month (1–3 months).
"""

from __future__ import annotations

from datetime import date, timedelta

DEFAULT_SESSIONS = 6  # weekly sessions of an aesthetic course
DEFAULT_INTERVAL_DAYS = 7
DEFAULT_MAINTENANCE_SESSIONS = 2
DEFAULT_MAINTENANCE_INTERVAL_DAYS = 30  # monthly; 1–3 months are usual


def planned_dates(start: date, planned_sessions: int = DEFAULT_SESSIONS, interval_days: int = DEFAULT_INTERVAL_DAYS,
                  maintenance_sessions: int = DEFAULT_MAINTENANCE_SESSIONS,
                  maintenance_interval_days: int = DEFAULT_MAINTENANCE_INTERVAL_DAYS) -> list[date]:
    """The course's session days: ``planned_sessions`` every ``interval_days`` from ``start``, then
    ``maintenance_sessions`` every ``maintenance_interval_days`` after the last of them.

    >>> planned_dates(date(2026, 1, 5), 3, 7, 1, 30)
    [datetime.date(2026, 1, 5), datetime.date(2026, 1, 12), datetime.date(2026, 1, 19), datetime.date(2026, 2, 18)]
    """
    days = [start + timedelta(days=i * interval_days) for i in range(planned_sessions)]
    last = days[-1] if days else start
    return days + [last + timedelta(days=(i + 1) * maintenance_interval_days) for i in range(maintenance_sessions)]
