"""The plan document: header, zones, reflex points, injection points, and undo history.

Plain dataclasses on top of :mod:`mesomap.geometry`; never imports Qt, PyVista
or VTK. The plan and its commands arrive with the zone-painting work; the
package exists now so that the layering contract covers it from the start.
"""
