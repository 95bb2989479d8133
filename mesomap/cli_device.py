"""Command-line glue for devices and exports: profiles, ``export`` (every format of the export registry), send,
the simulator.

:mod:`mesomap.cli` wires these in (``register``, ``add_export_parser``, ``run_export``);
``python -m mesomap.cli_device ...`` runs the same commands on their own (the tests
start the simulator so).
"""

from __future__ import annotations

import argparse
import json
import sys
import threading
from collections.abc import Sequence

from mesomap.cli_common import EXIT_BAD_INPUT, EXIT_USAGE, Parser, UsageError, error_text
from mesomap.text import label, labels, number


def _error_types() -> tuple[type[Exception], ...]:
    from mesomap.io.device_errors import DeviceError

    return (DeviceError,)


ERRORS = _error_types()


def _mode(text: str) -> tuple[str, str]:
    from mesomap.model.devices import MODES

    zone, sep, mode = text.rpartition("=")
    if not sep or not zone or mode not in MODES:
        raise argparse.ArgumentTypeError(label("cli_err_mode_pair", modes=", ".join(MODES), got=repr(text)))
    return zone, mode


def _positive(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(label("cli_err_number", got=repr(text))) from None
    if not value > 0 or value != value or value == float("inf"):
        raise argparse.ArgumentTypeError(label("cli_err_positive", got=repr(text)))
    return value


def _fit_args(p: argparse.ArgumentParser, device_required: bool) -> None:
    p.add_argument("--device", required=device_required, metavar="PROFILE",
                   help="device profile id (see `mesomap devices`) or a profile .json file")
    p.add_argument("--mode", type=_mode, action="append", default=[], metavar="ZONE=MODE",
                   help="mode for a zone (id or name): single, multi or continuous (default: from the technique)")
    p.add_argument("--rate-hz", type=_positive, help="shots per second for single/multi programs (default: the profile's)")
    p.add_argument("--flow-ml-min", type=_positive, help="flow for continuous programs (default: the profile's)")


def add_export_options(export: argparse.ArgumentParser) -> None:
    """The options ``mesomap export --format device|sheet`` needs (add to the lead's export parser)."""
    _fit_args(export, device_required=False)


def register(subparsers, parser_class) -> dict:
    """Add the device subcommands; return {command: handler(args) -> int}."""
    devices = subparsers.add_parser("devices", help=label("help_cmd_devices"))
    devices.add_argument("--json", action="store_true", help="one JSON object per profile")

    send = subparsers.add_parser("send", help=label("help_cmd_send"))
    send.add_argument("source", metavar="PLAN", help="a .mesomap.json plan, or a .device.json program file")
    send.add_argument("--port", required=True, help="serial port: /dev/ttyUSB0, COM3, or the path device-sim prints")
    _fit_args(send, device_required=False)
    send.add_argument("--timeout", type=_positive, default=None, metavar="S", help="seconds to wait for each reply (default 2)")
    send.add_argument("--retries", type=int, default=None, metavar="N", help="resends of one message (default 3)")
    send.add_argument("--baud", type=int, default=None, help="baud rate for a real serial port (default 115200)")

    sim = subparsers.add_parser("device-sim", help=label("help_cmd_device_sim"))
    sim.add_argument("--store", required=True, metavar="DIR", help="folder where the device keeps what it receives")
    sim.add_argument("--device", metavar="PROFILE", help="be this device: refuse programs for others or out of its range")
    sim.add_argument("--fault", action="append", default=[], metavar="SPEC",
                     help="inject a fault: silent, corrupt-chunk=I, corrupt-always=I, cut-after=N, "
                          "drop-reply=VERB[:N] (e.g. COMMITTED: lose those replies), drop-line=VERB[:N] (repeat)")
    sim.add_argument("--session-timeout", type=_positive, default=None, metavar="S",
                     help="drop a transfer silent for this long (default 30)")

    verify = subparsers.add_parser("device-verify", help=label("help_cmd_device_verify"))
    verify.add_argument("program", metavar="FILE")
    verify.add_argument("--json", action="store_true")
    return {"devices": cmd_devices, "send": cmd_send, "device-sim": cmd_device_sim,
            "device-verify": cmd_device_verify}


# -- helpers ---------------------------------------------------------------------------------------

def _fit_options(args: argparse.Namespace) -> dict:
    return {"modes": dict(args.mode or []) or None, "rate_hz": args.rate_hz, "flow_ml_min": args.flow_ml_min}


def _print_violations(source: str, err) -> int:
    print(f"mesomap: error: {source} does not fit the device: {len(err.violations)} problem"
          f"{'s' if len(err.violations) != 1 else ''}; nothing was written or sent", file=sys.stderr)
    for v in err.violations:
        print(f"  - {v}", file=sys.stderr)
    return 1


def _profile(key: str | None, default: str | None = None):
    from mesomap.io.device_profiles import find_profile

    key = key or default
    return None if key is None else find_profile(key)


# -- export ------------------------------------------------------------------------------------------

def add_export_parser(subparsers) -> argparse.ArgumentParser:
    """``mesomap export``: its ``--format`` choices are the export registry's keys."""
    from mesomap.io.export_formats import FORMATS

    export = subparsers.add_parser("export", help=label("help_cmd_export"))
    export.add_argument("plan", metavar="PLAN")
    export.add_argument("--format", required=True, choices=tuple(f.key for f in FORMATS))
    export.add_argument("--out", required=True, metavar="FILE")
    export.add_argument("--bom", action="store_true",
                        help="csv: start with a UTF-8 byte order mark, for spreadsheet programs (Excel)")
    add_export_options(export)
    return export


def run_export(args: argparse.Namespace) -> int:
    """``mesomap export PLAN --format F --out FILE [--bom] [--device P] [--mode Z=M] …``: any registered format."""
    from mesomap.io.device_errors import DeviceValidationError
    from mesomap.io.export_formats import REQUIRED_PROFILE, export_format

    key = args.format
    if args.bom:
        if key not in ("csv", "csv_bom"):
            raise UsageError(label("cli_err_bom_csv", format=key))
        key = "csv_bom"
    fmt = export_format(key)
    if not args.out.lower().endswith(fmt.suffixes):
        raise UsageError(label("cli_err_format_suffix", format=args.format, suffixes=label("cli_or").join(fmt.suffixes),
                                 got=repr(args.out)))
    if fmt.profile == REQUIRED_PROFILE and not args.device:
        raise ValueError(label("cli_err_format_needs_device", format=key))
    if fmt.profile and not fmt.rendering:
        _profile(args.device)  # an unknown profile is named before the plan is read
    from mesomap.session.session import Session

    session, _ = Session.open(args.plan, inline=True)  # the same export as File > Export
    try:
        written = session.export(key, args.out, device=args.device, **_fit_options(args))
    except DeviceValidationError as err:
        return _print_violations(args.plan, err)
    print(written.path)
    if written.report is not None:
        for line in written.report.lines():
            print(f"  {line}")
        if key == "device":
            print("  " + label("cli_program_seal", sha=written.report.content_sha256))
    return 0


# -- commands ------------------------------------------------------------------------------------------

def cmd_devices(args: argparse.Namespace) -> int:
    from mesomap.io.device_profiles import list_profiles, profile_paths, user_dir
    from mesomap.model.devices import MODES

    profiles, problems = list_profiles()
    paths = profile_paths()
    for p in profiles:
        facts = {"id": p.id, "name": p.name, "example": p.example, "modes": list(p.modes),
                 "depth_mm": [p.depth_mm.low, p.depth_mm.high, p.depth_mm.step],
                 "volume_per_shot_ml": [p.volume_ml.low, p.volume_ml.high, p.volume_ml.step],
                 "needle_lengths_mm": list(p.needle_lengths_mm), "max_shots_per_program": p.max_shots_per_program,
                 "max_programs": p.max_programs, "file": str(paths.get(p.id, p.source))}
        if args.json:
            print(json.dumps(facts, ensure_ascii=False))
        else:
            print(f"{p.id:<20} {p.name}")
            modes = ", ".join(label(f"cli_mode_{m}") if m in MODES else m for m in p.modes)
            print(f"{'':<20} " + label("cli_device_modes", modes=modes, depth=p.depth_mm.describe(),
                                       volume=p.volume_ml.describe()))
            needles = ", ".join(number(n, "g") for n in p.needle_lengths_mm)
            print(f"{'':<20} " + label("cli_device_limits", needles=needles, shots=p.max_shots_per_program,
                                       programs=p.max_programs, file=facts["file"]))
    for line in problems:
        print(f"mesomap: warning: {line}", file=sys.stderr)
    if not args.json:
        print(label("cli_add_profiles", folder=user_dir()))
    return 0


def _program_bytes(args: argparse.Namespace):
    """(bytes, device id it is for, (programs, shots) it holds); DeviceValidationError when it does not fit the
    device."""
    from mesomap.io.device_errors import DeviceValidationError
    from mesomap.io.device_program import SUFFIX, read_device_program
    from mesomap.model.devices import program_errors

    if args.source.endswith(SUFFIX):
        if args.mode or args.rate_hz or args.flow_ml_min:
            raise ValueError(label("cli_err_options_for_plan"))
        doc = read_device_program(args.source)
        profile = _profile(args.device or doc.device_id)
        if profile.id != doc.device_id:
            raise ValueError(label("cli_err_program_other_device", source=args.source, device=repr(doc.device_id),
                                   wanted=repr(args.device)))
        problems = program_errors(doc.programs, profile)  # the profile today: shots, programs, steps, needles
        if problems:
            raise DeviceValidationError(label("cli_err_program_does_not_fit", source=args.source, profile=profile.name),
                                        problems)
        with open(args.source, "rb") as fh:
            return fh.read(), doc.device_id, (len(doc.programs), doc.shots)
    if not args.device:
        raise ValueError(label("cli_err_send_needs_device"))
    from mesomap.session.session import Session

    profile = _profile(args.device)
    session, _ = Session.open(args.source, inline=True)  # the plan's program, as the Send dialog builds it
    data, doc, report = session.device_program(profile, **_fit_options(args))
    for line in report.lines():
        print(f"{_send_prefix()}{line}")
    return data, profile.id, (len(doc.programs), doc.shots)


def _send_prefix() -> str:
    """"send: " in the reader's language: the start of each line `mesomap send` prints."""
    return label("cli_send") + label("colon")


def cmd_send(args: argparse.Namespace) -> int:
    from mesomap.io import device_link
    from mesomap.io.device_errors import DeviceValidationError, TransferCancelled

    try:
        data, device_id, (programs, shots) = _program_bytes(args)
    except DeviceValidationError as err:
        return _print_violations(args.source, err)
    print(_send_prefix() + label("cli_send_start", programs=programs, shots=shots, size=len(data), port=args.port),
          flush=True)
    last = {"decile": -1}

    def progress(p: device_link.TransferProgress) -> None:
        if p.stage == "sending":
            decile = int(10 * p.chunks_done / max(1, p.chunks_total))
            if decile == last["decile"] and p.chunks_done != p.chunks_total:
                return
            last["decile"] = decile
            resent = label("cli_send_resent", resent=p.retransmissions) if p.retransmissions else ""
            print(_send_prefix() + label("cli_send_chunk", done=p.chunks_done, total=p.chunks_total,
                                         bytes_done=p.bytes_done, bytes_total=p.bytes_total, resent=resent), flush=True)
        elif p.stage == "asking":
            print(_send_prefix() + label("cli_send_asking"), flush=True)
        elif p.stage != "done":
            stage = f"cli_send_{p.stage}"
            print(_send_prefix() + (label(stage) if stage in labels() else p.stage), flush=True)

    cancel = threading.Event()
    finished = threading.Event()
    outcome: dict = {}

    def work() -> None:
        try:
            outcome["result"] = device_link.send_program(
                args.port, data, progress=progress, cancel=cancel,
                timeout_s=args.timeout or device_link.DEFAULT_TIMEOUT_S,
                retries=device_link.DEFAULT_RETRIES if args.retries is None else max(0, args.retries),
                baudrate=args.baud or device_link.DEFAULT_BAUDRATE, expect_device=device_id)
        except BaseException as err:  # handed to the main thread
            outcome["error"] = err
        finally:
            finished.set()

    # wait on an Event, not Thread.join: a join interrupted by Ctrl-C can mark a live thread as ended
    threading.Thread(target=work, name="mesomap send", daemon=True).start()
    try:
        while not finished.wait(0.1):
            pass
    except KeyboardInterrupt:  # Ctrl-C: cancel cleanly, tell the device to drop the transfer
        cancel.set()
        if not finished.wait(30):
            print(f"mesomap: {label('cli_send_not_stopped')}", file=sys.stderr)
            return 130
    if "error" in outcome:
        if isinstance(outcome["error"], TransferCancelled):
            print(f"mesomap: {outcome['error']}", file=sys.stderr)
            return 130
        raise outcome["error"]
    r = outcome["result"]
    if r.note:
        print(f"{_send_prefix()}{r.note}")
    if not r.chunks:
        print(_send_prefix() + label("cli_send_holds", device=r.device.device_id, port=args.port, sha=r.sha256))
        return 0
    print(_send_prefix() + label("cli_send_committed", device=r.device.device_id, port=args.port, size=r.bytes,
                          chunks=r.chunks, resent=r.retransmissions, sha=r.sha256, seconds=r.seconds))
    return 0


def cmd_device_sim(args: argparse.Namespace) -> int:
    import signal

    from mesomap.io.device_sim import DEFAULT_SESSION_TIMEOUT_S, Faults, PtySimulator, SimulatedDevice

    faults = Faults.parse(args.fault)
    profile = _profile(args.device)
    device = SimulatedDevice(args.store, profile=profile,
                             session_timeout_s=args.session_timeout or DEFAULT_SESSION_TIMEOUT_S,
                             on_event=lambda text: print(f"device-sim: {text}", flush=True))
    sim = PtySimulator(device, faults)
    previous = {s: signal.signal(s, lambda *_: sim.request_stop()) for s in (signal.SIGTERM, signal.SIGINT)}
    if hasattr(signal, "SIGXFSZ"):  # a store over its size limit is a full store (a NAK), not a killed device
        previous[signal.SIGXFSZ] = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    try:
        current = device.committed_sha256
        print(f"device-sim: listening on {sim.port}", flush=True)
        print(f"device-sim: device {device.device_id}; store {device.store}; current program "
              f"{current or 'none'}{'; faults ' + ', '.join(args.fault) if args.fault else ''}", flush=True)
        sim.serve()
    finally:
        sim.stop()
        for s, handler in previous.items():
            signal.signal(s, handler)
    print("device-sim: stopped", flush=True)
    return 0


def cmd_device_verify(args: argparse.Namespace) -> int:
    from mesomap.io.device_program import read_device_program
    from mesomap.model.devices import MODES

    doc = read_device_program(args.program)
    if args.json:
        print(json.dumps({"device": doc.device_id, "plan_id": doc.plan_id, "plan_sha256": doc.plan_sha256,
                          "content_sha256": doc.content_sha256, "programs": len(doc.programs), "shots": doc.shots,
                          "volume_ml": doc.volume_ml}))
        return 0
    print(label("cli_verified", file=args.program, sha=doc.content_sha256, device=doc.device_name,
                device_id=doc.device_id, plan=doc.plan_id, date=doc.date or label("cli_no_date"),
                session=doc.session_number))
    for p in doc.programs:
        rate = (label("cli_shots_per_second", rate=number(p.rate_hz, "g")) if p.rate_hz is not None
                else label("cli_flow", flow=number(p.flow_ml_min, "g")))
        mode = label(f"cli_mode_{p.mode}") if p.mode in MODES else p.mode
        print("  " + label("cli_verify_program", number=f"{p.number:>2}", name=p.name, mode=mode,
                           needle=number(p.needle_mm, "g"), depth=number(p.depth_mm, "g"),
                           volume=number(p.volume_per_shot_ml, "g"), shots=p.shots, rate=rate))
    return 0


# -- standalone ------------------------------------------------------------------------------------------

def build_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="mesomap", description="mesomap device commands")
    sub = parser.add_subparsers(dest="command", parser_class=Parser, required=True)
    register(sub, Parser)
    add_export_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """The device commands on their own, with the error handling of ``mesomap.cli.main``."""
    from mesomap.io.exports import ExportError
    from mesomap.io.meshes import MeshLoadError
    from mesomap.io.plan_file import PlanFileError

    args = None
    try:
        args = build_parser().parse_args(argv)
        handlers = {"devices": cmd_devices, "send": cmd_send, "device-sim": cmd_device_sim,
                    "device-verify": cmd_device_verify, "export": run_export}
        return handlers[args.command](args)
    except UsageError as err:
        print(label("cli_error_head", text=f"{err} {label('cli_see_help')}"), file=sys.stderr)
        return EXIT_USAGE
    except (MeshLoadError, PlanFileError, ExportError, *ERRORS, OSError, ValueError) as err:
        print(label("cli_error_head", text=error_text(err, args)), file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
