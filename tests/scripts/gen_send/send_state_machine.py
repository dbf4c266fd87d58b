def turnstile():
    state = "locked"
    while True:
        event = yield state
        if state == "locked" and event == "coin":
            state = "unlocked"
        elif state == "unlocked" and event == "push":
            state = "locked"
        else:
            print("ignored", event, "in", state)
t = turnstile()
print(next(t))
for ev in ["push", "coin", "coin", "push", "push"]:
    print(ev, "->", t.send(ev))
