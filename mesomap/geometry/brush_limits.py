"""The brush radius range (mm), apart from the brush itself: the window's radius slider and the session read it
at start-up without loading the brush's graph search (scipy, ≈0.3 s)."""

BRUSH_MIN_MM = 1.0
BRUSH_MAX_MM = 100.0
