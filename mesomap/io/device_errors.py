"""The device errors, each one line naming what is wrong; all are :class:`DeviceError`."""

from __future__ import annotations

from mesomap.model.messages import CarriesMessage


class DeviceError(CarriesMessage, Exception):
    """Base of every device problem; ``str(err)`` is one line a user can act on."""


class DeviceProfileError(DeviceError):
    """A device profile file cannot be used (names the file and the field)."""


class DeviceValidationError(DeviceError):
    """The plan does not fit the device; ``violations`` lists every problem (nothing was written)."""

    def __init__(self, message: str, violations=()):
        super().__init__(message)
        self.violations = list(violations)


class DeviceProgramError(DeviceError):
    """A device program file is refused: wrong schema, damaged or tampered (SHA-256 mismatch)."""


class DeviceLinkError(DeviceError):
    """A transfer failed; the device keeps its previous program.

    ``chunks_acked``/``chunks_total`` say how far it got (0/0 before the handshake ended).
    """

    def __init__(self, message: str, chunks_acked: int = 0, chunks_total: int = 0):
        super().__init__(message)
        self.chunks_acked = chunks_acked
        self.chunks_total = chunks_total


class DeviceTimeoutError(DeviceLinkError):
    """The device did not answer in time (after the retries)."""


class TransferCancelled(DeviceLinkError):
    """The user cancelled the transfer; the device was told to drop it."""


class DeviceStateUnknownError(DeviceLinkError):
    """COMMIT was sent but neither its reply nor an answer to STATUS came back: the device may hold the
    new program or its previous one. The message names both SHA-256 and says what to do."""
