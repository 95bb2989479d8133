"""What Help > About says: version, credits and licences, and the no-advice sentence."""

from mesomap import __version__
from mesomap.text import label

#: (what, licence) of the parts mesomap is built from; "@key": a label whose words the reader's language gives.
CREDITS = (
    ("@about_makehuman", "@about_cc0"),
    ("Qt 6 (PySide6)", "LGPL-3.0"),
    ("VTK", "BSD-3-Clause"),
    ("PyVista, pyvistaqt", "MIT"),
    ("trimesh", "MIT"),
    ("NumPy, SciPy", "BSD-3-Clause"),
    ("platformdirs", "MIT"),
    ("SQLAlchemy, Alembic", "MIT"),
    ("psycopg 3", "LGPL-3.0"),
)


def about_html(lang: str | None = None) -> str:
    """The About box as simple HTML (Qt rich text), in ``lang`` (default: the chosen language)."""
    def words(text: str) -> str:
        return label(text[1:], lang) if text.startswith("@") else text

    rows = "".join(f"<li>{words(what)} — {words(licence)}</li>" for what, licence in CREDITS)
    return (
        f"<h3>mesomap {__version__}</h3>"
        f"<p>{label('about_summary', lang)}</p>"
        f"<p><b>{label('no_medical_advice', lang)}</b></p>"
        f"<p>{label('about_built_with', lang)}</p><ul>{rows}</ul>"
    )
