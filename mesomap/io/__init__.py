"""Files in and out: meshes, plans, templates, exports. Never imports Qt, PyVista or VTK."""
