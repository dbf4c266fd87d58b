-- loop: the Lua 5.4 twin of loop.py (locals, integer arithmetic, 20M iterations).
local function main()
    local i = 0
    local total = 0
    while i < 20000000 do
        total = total + i
        i = i + 1
    end
    print(total)
end

main()
