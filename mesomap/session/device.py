"""Session operations on the injection gun: build the device program of the open plan, send it.

Both pass every check of :mod:`mesomap.io.device_program` (grids present and current, every injection on
its zone, values the device can take); sending goes through :mod:`mesomap.io.device_link`'s open protocol.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mesomap.model.devices import DeviceProfile
    from mesomap.session.session import Session


def device_program(s: Session, profile: DeviceProfile, **options):
    """(file bytes, program, report) of the plan for ``profile``; nothing is written or sent.
    ``options``: modes, rate_hz, flow_ml_min, max_change (:func:`build_device_program`)."""
    from mesomap.io.device_program import build_device_program  # loaded when a program is first built
    from mesomap.session.files import body_surface

    return build_device_program(s.plan, body_surface(s), profile, **options)


def send(s: Session, port: str, profile: DeviceProfile, *, progress=None, cancel=None, fit: dict | None = None,
         **link_options):
    """Build the plan's program for ``profile`` and send it to the device on ``port`` (a SendResult).
    ``fit``: the program options of :func:`device_program`; ``link_options``: timeout_s, retries, baudrate."""
    from mesomap.io import device_link  # loaded when a plan is first sent

    data, _, _ = device_program(s, profile, **(fit or {}))
    return device_link.send_program(port, data, progress=progress, cancel=cancel, expect_device=profile.id,
                                    **link_options)
