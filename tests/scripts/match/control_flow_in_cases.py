# break, continue, return and yield inside case bodies leave the stack clean.
def commands(lines):
    for line in lines:
        match line.split():
            case ["quit"]:
                break
            case ["skip", *_]:
                continue
            case ["say", *words]:
                yield " ".join(words)
            case [cmd, *_]:
                yield f"unknown {cmd}"
            case []:
                yield "empty line"

print(list(commands(["say hi there", "skip me", "", "jump", "quit", "say never"])))

def find(items):
    for i, item in enumerate(items):
        match item:
            case {"id": ident} if ident > 1:
                return i, ident
    return None

print(find([{"id": 1}, {"name": "x"}, {"id": 5}]))
