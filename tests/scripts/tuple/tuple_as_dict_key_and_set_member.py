grid = {}
for r in range(2):
    for c in range(2):
        grid[r, c] = r * 2 + c
print(grid, grid[(1, 0)], (1, 1) in grid)
seen = {(0, 1), (1, 0), (0, 1)}
print(len(seen), (1, 0) in seen)
