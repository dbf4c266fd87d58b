(): int
