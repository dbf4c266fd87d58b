# A producer and a consumer hand items over through a Condition.
import threading

cv = threading.Condition()
items = []
done = False
got = []


def consumer():
    while True:
        with cv:
            cv.wait_for(lambda: items or done)
            if not items:
                return
            got.append(items.pop(0))


def producer():
    global done
    for i in range(50):
        with cv:
            items.append(i * i)
            cv.notify()
    with cv:
        done = True
        cv.notify_all()


c = threading.Thread(target=consumer)
p = threading.Thread(target=producer)
c.start()
p.start()
p.join()
c.join()
print(len(got), got[:5], sum(got))
with cv:
    print(cv.wait(0.01))  # nobody notifies: times out
try:
    cv.notify()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    threading.Condition().wait()
except RuntimeError as e:
    print("RuntimeError:", e)
