x = 1234.5678
print(f"{x:.2f}|{x:.0f}|{x:10.1f}|{-x:.3f}")
print("{:.2f}".format(2.675))
print("{:,}".format(1234567.5))
print(f"{0.5:.0f} {1.5:.0f} {2.5:.0f}")
print(f"{1e20:.2f}")
