"""File > Send to device: check the plan against a device profile, then send it over a serial port.

The dialog works on a snapshot of the plan and never changes the open plan.
Choosing a profile builds the sealed device program at once and shows what
sending would do: the programs, shots and volume, every value rounded to the
device's steps, and notes — or every violation, in which case nothing can be
sent. Sending runs in a thread (``mesomap.io.device_link.send_program``) with
a progress bar; Cancel tells the device to drop the transfer (it keeps its
previous program). The outcome is one plain sentence: committed, or why not.
"""

from __future__ import annotations

import queue
import threading

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mesomap.geometry.surface import PaintingSurface
from mesomap.io import device_link
from mesomap.io.device_errors import (
    DeviceError,
    DeviceLinkError,
    DeviceStateUnknownError,
    DeviceValidationError,
    TransferCancelled,
)
from mesomap.io.device_ports import pseudo_terminals, simulator_ports
from mesomap.io.device_profiles import list_profiles, user_dir
from mesomap.io.device_program import build_device_program
from mesomap.io.exports import ExportError
from mesomap.model.devices import MODES
from mesomap.model.plan import Plan
from mesomap.ui.export_actions import export_error_text
from mesomap.ui.list_panel import ERROR_STYLE
from mesomap.io.vocabulary import term
from mesomap.ui.i18n import fill_in, tr

OK_STYLE = "color: #1b6e20;"
#: How often the dialog shows the transfer's progress (ms).
POLL_MS = 40


def _serial_description(port) -> str:
    """"USB serial — FT232R USB UART (FTDI)" for a port pyserial lists (kind, what it is, who made it)."""
    text = tr("USB serial") if getattr(port, "vid", None) is not None else tr("serial port")
    what = port.description if port.description not in (None, "", "n/a", port.device) else ""
    if what:
        text += f" — {what}"
    if port.manufacturer and port.manufacturer not in what:
        text += f" ({port.manufacturer})"
    return text


def serial_ports() -> list[tuple[str, str]]:
    """(port, description) of the ports a device may be on: the simulators' pseudo-terminals first, then the
    serial ports the system lists (pyserial), then the other open pseudo-terminals."""
    simulators = simulator_ports()
    ports = [(port, fill_in(tr("pseudo-terminal — mesomap device simulator ({device})"), device=device or tr("any device")))
             for port, device in sorted(simulators.items())]
    try:
        from serial.tools import list_ports

        ports += sorted((p.device, _serial_description(p)) for p in list_ports.comports())
    except (ImportError, OSError):
        pass
    ports += [(port, tr("pseudo-terminal (a terminal or a simulator)")) for port in pseudo_terminals()
              if port not in simulators]
    return ports


class DeviceDialog(QDialog):
    """Profile and port, the check report, Send with progress and Cancel."""


    def __init__(self, plan: Plan, surface: PaintingSurface, settings: QSettings | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Send to device"))
        self.setModal(True)
        self.plan = plan  # a snapshot: plans are immutable values
        self.surface = surface
        self.settings = settings
        self.program: bytes | None = None
        self.profile = None
        self.result = None  # SendResult after a committed transfer
        self.error: Exception | None = None  # the last send's error
        self.cancel_event: threading.Event | None = None
        self.thread: threading.Thread | None = None
        self.retries = device_link.DEFAULT_RETRIES

        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.profile_box = QComboBox()
        self.profile_box.setMinimumContentsLength(28)
        self.profile_box.setToolTip(fill_in(tr('Bundled device profiles and your own (add them as JSON files in {user_dir})'), user_dir=user_dir()))
        profiles, problems = list_profiles()
        self.profiles = sorted(profiles, key=lambda p: p.example)  # real devices first, examples after
        for p in self.profiles:
            self.profile_box.addItem(f"{p.name} ({p.id})" + (tr("  — example profile") if p.example else ""), p.id)
        self.profile_box.currentIndexChanged.connect(lambda _: self.check())
        form.addRow(tr("Device"), self.profile_box)
        self.profile_problems = QLabel("\n".join(fill_in(tr('Profile not usable: {p}'), p=p) for p in problems))
        self.profile_problems.setWordWrap(True)
        self.profile_problems.setStyleSheet(ERROR_STYLE)
        self.profile_problems.setVisible(bool(problems))
        form.addRow("", self.profile_problems)

        port_row = QHBoxLayout()
        self.port_box = QComboBox()
        self.port_box.setEditable(True)
        self.port_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.port_box.setMinimumContentsLength(22)
        self.port_box.setToolTip(tr("The serial port the device is on: pick one the system lists or type it "
                                 "(/dev/ttyUSB0, COM3, or the path the simulator prints)"))
        self.port_box.lineEdit().setPlaceholderText(tr("/dev/ttyUSB0, COM3…"))
        self.refresh_button = QToolButton()
        self.refresh_button.setText(tr("Refresh"))
        self.refresh_button.setToolTip(tr("List the serial ports again (after plugging the device in)"))
        self.refresh_button.clicked.connect(self.fill_ports)
        port_row.addWidget(self.port_box, 1)
        port_row.addWidget(self.refresh_button)
        form.addRow(tr("Port"), port_row)
        self.timeout = QDoubleSpinBox()
        self.timeout.setRange(0.1, 60.0)
        self.timeout.setDecimals(1)
        self.timeout.setSingleStep(0.5)
        self.timeout.setSuffix(" s")
        self.timeout.setValue(device_link.DEFAULT_TIMEOUT_S)
        self.timeout.setToolTip(fill_in(tr('How long to wait for each answer of the device before trying again ({DEFAULT_RETRIES} retries)'), DEFAULT_RETRIES=device_link.DEFAULT_RETRIES))
        form.addRow(tr("Wait for replies"), self.timeout)
        layout.addLayout(form)

        self.check_label = QLabel()
        self.check_label.setWordWrap(True)
        layout.addWidget(self.check_label)
        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        self.report.setMinimumSize(520, 150)
        self.report.setMaximumHeight(260)
        self.report.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        layout.addWidget(self.report)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.progress.setFormat("")
        self.progress.hide()  # until something is sent
        layout.addWidget(self.progress)
        self.status = QLabel(tr("The open plan is not changed by sending it."))
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.send_button = QPushButton(tr("Send"))
        self.send_button.setDefault(True)
        self.send_button.clicked.connect(self.send)
        self.cancel_button = QPushButton(tr("Cancel transfer"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.setToolTip(tr("Stop sending: the device is told to drop what it received and keeps "
                                      "its previous program (once the program is sent whole, mesomap asks the "
                                      "device which program it holds and tells you)"))
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button = QPushButton(tr("Close"))
        self.close_button.clicked.connect(self.reject)
        for b in (self.send_button, self.cancel_button, self.close_button):
            buttons.addWidget(b)
        layout.addLayout(buttons)
        self.setTabOrder(self.profile_box, self.port_box)
        self.setTabOrder(self.port_box, self.refresh_button)
        self.setTabOrder(self.refresh_button, self.timeout)
        self.setTabOrder(self.timeout, self.send_button)

        # The sending thread only fills a queue; a timer shows it on the UI thread (no Qt call from the thread).
        self._events: queue.SimpleQueue = queue.SimpleQueue()
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._drain)
        self.port_box.editTextChanged.connect(lambda _: self._sync_buttons())
        self.fill_ports()
        last_profile = str(settings.value("device/profile", "")) if settings is not None else ""
        index = self.profile_box.findData(last_profile)
        if index >= 0 and index != self.profile_box.currentIndex():
            self.profile_box.setCurrentIndex(index)  # checks
        else:
            self.check()

    # -- port ----------------------------------------------------------------------
    @property
    def port(self) -> str:
        text = self.port_box.currentText().strip()
        data = self.port_box.currentData()
        return data if data and self.port_box.itemText(self.port_box.currentIndex()) == text else text

    def fill_ports(self) -> None:
        typed = self.port_box.currentText().strip()
        last = str(self.settings.value("device/port", "")) if self.settings is not None else ""
        self.port_box.clear()
        for device, description in serial_ports():
            self.port_box.addItem(f"{device} — {description}" if description else device, device)
        wanted = typed or last or (self.port_box.itemData(0) or "")
        listed = self.port_box.findData(wanted)
        if listed >= 0:
            self.port_box.setCurrentIndex(listed)  # the field shows what the port is, not just its path
        self.port_box.setEditText(self.port_box.itemText(listed) if listed >= 0 else wanted)

    # -- check -----------------------------------------------------------------------
    @property
    def sending(self) -> bool:
        return self.thread is not None

    def check(self) -> bool:
        """Build the program for the chosen profile: the report, or every reason it cannot be sent."""
        self.program = None
        index = self.profile_box.currentIndex()
        self.profile = self.profiles[index] if 0 <= index < len(self.profiles) else None
        if self.profile is None:
            self._show_check(False, tr("No device profile is available."), [])
            return False
        try:
            data, doc, report = build_device_program(self.plan, self.surface, self.profile)
        except DeviceValidationError as err:
            n = len(err.violations)
            self._show_check(False, fill_in(tr("The plan does not fit {name}: %n problem(s). Change the plan (or choose "
                                               "another device); nothing can be sent.", "", n), name=self.profile.name),
                             [f"✗ {v}" for v in err.violations])
            return False
        except (ExportError, DeviceError) as err:
            self._show_check(False, fill_in(tr('Cannot send this plan: {export_error_text}.'), export_error_text=export_error_text(err)), [])
            return False
        self.program = data
        lines = [fill_in(tr('{programs} programs, {shots} shots, {volume_ml:.2f} ml for {profile_name}; {n:,} bytes, program SHA-256 {content_sha256}'), programs=report.programs, shots=report.shots, volume_ml=report.volume_ml, profile_name=report.profile_name, n=len(data), content_sha256=report.content_sha256)]
        lines += [fill_in(tr('Note: {n}'), n=n) for n in report.notes]
        if report.roundings:
            lines.append(fill_in(tr("Rounded to the device's steps ({n}):"), n=len(report.roundings)))
            lines += [f"  • {r}" for r in report.roundings]
        else:
            lines.append(tr("Nothing rounded: every value is on the device's steps."))
        lines += ["", tr("Programs:")]
        for p in doc.programs:
            rate = fill_in(tr('{rate_hz:g} shots/s'), rate_hz=p.rate_hz) if p.rate_hz is not None else fill_in(tr('{flow_ml_min:g} ml/min'), flow_ml_min=p.flow_ml_min)
            lines.append(fill_in(tr("  {number}. {name}: {mode}, needle {needle_mm:g} mm, depth {depth_mm:g} mm, "
                                    "{volume_ml:g} ml × {shots} shots, {rate}"), number=p.number, name=p.name,
                                 mode=term("device_mode", p.mode, default=MODES.get(p.mode, p.mode)), needle_mm=p.needle_mm, depth_mm=p.depth_mm,
                                 volume_ml=p.volume_per_shot_ml, shots=p.shots, rate=rate))
        n = len(report.roundings)
        check = (tr("Check the programs below.") if not n
                 else tr("1 value was rounded to the device's steps: check it below first.") if n == 1
                 else tr("%n values were rounded to the device's steps: check them below first.", "", n))
        self._show_check(True, fill_in(tr('Ready to send to {name}. {check}'), name=self.profile.name, check=check), lines)
        return True

    def _show_check(self, ok: bool, headline: str, lines: list[str]) -> None:
        self.check_label.setText(headline)
        self.check_label.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
        self.report.setPlainText("\n".join(lines))
        self._sync_buttons()

    def _sync_buttons(self) -> None:
        idle = not self.sending
        self.send_button.setEnabled(idle and self.program is not None and bool(self.port_box.currentText().strip()))
        self.cancel_button.setEnabled(not idle)
        self.close_button.setEnabled(idle)
        for w in (self.profile_box, self.port_box, self.refresh_button, self.timeout):
            w.setEnabled(idle)

    # -- send ------------------------------------------------------------------------
    def send(self) -> bool:
        """Start sending in a thread (the outcome arrives in ``status``)."""
        if self.sending or self.program is None:
            return False
        port = self.port
        if not port:
            self._set_status(False, tr("Choose or type the serial port the device is on."))
            return False
        if self.settings is not None:
            self.settings.setValue("device/port", port)
            self.settings.setValue("device/profile", self.profile.id)
        self.result, self.error = None, None
        self.cancel_event = threading.Event()
        self.progress.show()
        self.progress.setRange(0, 0)  # busy until the handshake answers
        self.progress.setFormat("")
        self._set_status(None, fill_in(tr('Connecting to {port}…'), port=port))
        data, cancel, timeout_s, device_id = self.program, self.cancel_event, self.timeout.value(), self.profile.id
        retries = self.retries

        events = self._events

        def work() -> None:
            result, error = None, None
            try:
                result = device_link.send_program(port, data, progress=lambda p: events.put(("progress", p)),
                                                  cancel=cancel, timeout_s=timeout_s, retries=retries,
                                                  expect_device=device_id)
            except Exception as err:  # noqa: BLE001 — every failure is reported in the dialog
                error = err
            events.put(("finished", (result, error)))

        self.thread = threading.Thread(target=work, name="mesomap send", daemon=True)
        self._sync_buttons()
        self.thread.start()
        self._poll.start()
        return True

    def _drain(self) -> None:
        """Timer slot: show the sending thread's progress and outcome."""
        latest = None
        while True:
            try:
                kind, value = self._events.get_nowait()
            except queue.Empty:
                break
            if kind == "progress":
                latest = value
            else:
                if latest is not None:
                    self._show_progress(latest)
                self._poll.stop()
                self._send_finished(*value)
                return
        if latest is not None:
            self._show_progress(latest)

    def cancel(self) -> None:
        if self.cancel_event is not None and self.sending:
            self.cancel_event.set()
            self.cancel_button.setEnabled(False)
            self._set_status(None, tr("Cancelling: telling the device to drop the transfer…"))

    def _show_progress(self, p) -> None:
        if not self.sending:
            return
        if p.stage == "handshake":
            self._set_status(None, fill_in(tr('Connecting to {port}…'), port=self.port))
        elif p.stage == "sending":
            self.progress.setRange(0, 100)
            self.progress.setValue(round(100 * p.fraction))
            self.progress.setFormat(f"chunk {p.chunks_done} of {p.chunks_total} · %p%")
            resent = fill_in(tr(', {retransmissions} resent'), retransmissions=p.retransmissions) if p.retransmissions else ""
            self._set_status(None, fill_in(tr('Sending: {bytes_done:,} of {bytes_total:,} bytes{resent}…'), bytes_done=p.bytes_done, bytes_total=p.bytes_total, resent=resent))
        elif p.stage == "committing":
            self._set_status(None, tr("Sent; the device is checking the program (SHA-256) and committing it…"))
        elif p.stage == "asking":
            self._set_status(None, tr("No valid reply to COMMIT, so the device's program is unknown: asking the device "
                                   "which program it holds…"))

    def _send_finished(self, result, error) -> None:
        if self.thread is not None:
            self.thread.join(1.0)
        self.thread = None
        self.result, self.error = result, error
        self.progress.setRange(0, 100)
        self.send_button.setText(tr("Send") if result is not None else tr("Send again"))
        if result is not None and not result.chunks:
            self.progress.setValue(100)
            self.progress.setFormat("already on the device")
            self._set_status(True, fill_in(tr('{device_id} at {port} already holds this program (program SHA-256 {sha256}); nothing was sent.'), device_id=result.device.device_id, port=self.port, sha256=result.sha256))
        elif result is not None:
            self.progress.setValue(100)
            self.progress.setFormat(tr("committed"))
            said = str(result.note) if result.note else ""
            note = f"{said[0].upper()}{said[1:]}. " if said else ""
            resent = (fill_in(tr(" ({retransmissions} resent)"), retransmissions=result.retransmissions)
                      if result.retransmissions else "")
            self._set_status(True, note + fill_in(tr("Sent and committed on {device_id} at {port}: {bytes:,} bytes in "
                                                     "{chunks} chunks{resent}, {seconds:.1f} s. Program SHA-256 {sha256}. "
                                                     "The device checked it and uses it now."),
                                                  device_id=result.device.device_id, port=self.port, bytes=result.bytes,
                                                  chunks=result.chunks, resent=resent, seconds=result.seconds,
                                                  sha256=result.sha256))
        else:
            self.progress.setValue(0)
            self.progress.setFormat(tr("cancelled") if isinstance(error, TransferCancelled) else tr("not sent"))
            if isinstance(error, TransferCancelled):
                text = fill_in(tr('Cancelled: {error}'), error=error)
            elif isinstance(error, DeviceStateUnknownError):
                text = fill_in(tr('Unknown whether the device took the program: {error}'), error=error)
            elif isinstance(error, DeviceLinkError):
                text = fill_in(tr('Not sent: {error}'), error=error)
            else:
                text = fill_in(tr('Not sent: {value}'), value=error or type(error).__name__)
            self._set_status(False, text if text.endswith((".", "?", "!")) else text + ".")
        self._sync_buttons()

    def _set_status(self, ok: bool | None, text: str) -> None:
        self.status.setText(text)
        self.status.setStyleSheet("" if ok is None else OK_STYLE if ok else ERROR_STYLE)

    def wait(self, timeout_s: float = 30.0) -> bool:
        """Block (processing events) until a send ends; for scripts and tests."""
        import time

        from PySide6.QtWidgets import QApplication

        deadline = time.monotonic() + timeout_s
        while self.sending and time.monotonic() < deadline:
            QApplication.processEvents()
            time.sleep(0.01)
        return not self.sending

    def reject(self) -> None:
        if self.sending:  # closing while sending cancels first; the dialog closes when the transfer ended
            self.cancel()
            return
        super().reject()

    def closeEvent(self, event) -> None:  # noqa: N802
        if self.sending:
            self.cancel()
            event.ignore()
            return
        super().closeEvent(event)
