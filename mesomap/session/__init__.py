"""The open planning session: no Qt, no VTK. See :mod:`mesomap.session.session`."""
