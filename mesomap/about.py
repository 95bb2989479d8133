"""What Help > About says: version, credits and licences, and the no-advice sentence."""

from mesomap import __version__
from mesomap.text import label

#: The no-advice sentence in English; its words in every language live in mesomap/text/labels_*.py.
NO_MEDICAL_ADVICE = label("no_medical_advice", "en")

CREDITS = (
    ("MakeHuman hm08 base mesh and shape targets", "CC0 1.0 (public domain dedication)"),
    ("Qt 6 via PySide6", "LGPL-3.0"),
    ("VTK", "BSD-3-Clause"),
    ("PyVista and pyvistaqt", "MIT"),
    ("trimesh", "MIT"),
    ("NumPy and SciPy", "BSD-3-Clause"),
    ("platformdirs", "MIT"),
    ("SQLAlchemy and Alembic", "MIT"),
    ("psycopg 3", "LGPL-3.0"),
)


def about_html() -> str:
    """The About box as simple HTML (Qt rich text)."""
    rows = "".join(f"<li>{what} — {licence}</li>" for what, licence in CREDITS)
    return (
        f"<h3>mesomap {__version__}</h3>"
        "<p>Plans mesotherapy sessions on a 3D body: treatment zones, reflex points and "
        "injection grids, measured along the skin in millimetres.</p>"
        f"<p><b>{NO_MEDICAL_ADVICE}</b></p>"
        f"<p>Built with:</p><ul>{rows}</ul>"
    )
