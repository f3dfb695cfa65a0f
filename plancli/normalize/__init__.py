"""Pure normalizers, string in, value out: numbers, money and units, dates and periods."""
