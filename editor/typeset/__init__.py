"""typeset package."""
