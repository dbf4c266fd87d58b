-- fib: the Lua 5.4 twin of fib.py, the reference for a small fast VM.
-- fib is a global, as in the Python version (a table lookup per call).
function fib(n)
    if n < 2 then return n end
    return fib(n - 1) + fib(n - 2)
end

print(fib(30))
