"""Scene adapters on PyVista/VTK: one small adapter per kind of object. Never imports Qt.

VTK holds no application state: adapters take model/geometry objects and
write their arrays; nothing reads positions back from actors.
"""
