"""Colour maths for brand colours (#rgb / #rrggbb): WCAG contrast, and a light wash of a colour
that stays readable."""

from __future__ import annotations


def rgb(color: str) -> tuple[int, int, int]:
    """The red, green and blue of a #rgb / #rrggbb colour (0-255)."""
    h = color.lstrip("#")
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


def contrast(fg: str, bg: str) -> float:
    """WCAG 2.1 contrast ratio of two #rgb / #rrggbb colours."""
    la, lb = _luminance(fg), _luminance(bg)
    hi, lo = max(la, lb), min(la, lb)
    return (hi + 0.05) / (lo + 0.05)


def _luminance(color: str) -> float:
    out = []
    for value in rgb(color):
        c = value / 255
        out.append(c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4)
    r, g, b = out
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def tint(color: str, background: str, text: str) -> str:
    """A light wash of ``color`` for boxes, kept readable under ``text`` (contrast >= 7)."""
    for share in (0.12, 0.08, 0.05, 0.0):
        mixed = mix(color, background, share)
        if contrast(text, mixed) >= 7 or share == 0.0:
            return mixed
    return background


def mix(a: str, b: str, share: float) -> str:
    """``share`` of colour ``a`` over ``b``, as #rrggbb."""
    return "#" + "".join(f"{round(x * share + y * (1 - share)):02x}" for x, y in zip(rgb(a), rgb(b)))
