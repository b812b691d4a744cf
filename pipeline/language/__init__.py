"""Dutch language checks: spelling (OpenTaal), d/t grammar (Frog), house style, readability."""
