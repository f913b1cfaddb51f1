"""Scope analysis and closure compilation (DESIGN.md "Compile, then run")."""

from .api import CompiledScript, compile_script, create_dynamic_function, perform_eval, run_script

__all__ = ["CompiledScript", "compile_script", "create_dynamic_function", "perform_eval", "run_script"]
