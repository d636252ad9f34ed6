"""Problems found while building: collected, never raised one at a time, so a curator sees them all."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the sources, located as precisely as the input allows."""

    file: str
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        field = f" {self.field}:" if self.field else ""
        return f"{where}:{field} {self.message}"


class BuildError(Exception):
    """The build found problems; nothing was published. ``problems`` lists every one of them."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: (p.file, p.line or 0, p.field, p.message))
        super().__init__(self.report())

    def report(self) -> str:
        n = len(self.problems)
        files = len({p.file for p in self.problems})
        head = f"{n} problem{'s' if n != 1 else ''} in {files} file{'s' if files != 1 else ''}:"
        return "\n".join([head, *(f"  {p}" for p in self.problems)])
