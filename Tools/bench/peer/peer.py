"""The peer comparison: a one-projection rebuild in the Python `eventsourcing` library.

    python peer.py EVENTS DIR

Writes EVENTS events (about the size of a Coledger entry's payload, spread over 1,000 aggregates
like the benchmark's 1,000 streams) into an `eventsourcing` application stored in SQLite, then
rebuilds one trivial projection (events per aggregate) from the first notification: the library's
recorder reads the notifications in pages, its mapper turns each into a domain event, and the
projection folds it. Only the rebuild is timed. Prints one JSON line:
{"library": ..., "version": ..., "events": N, "seconds": S, "eventsPerSecond": R}.
"""

import json
import os
import sys
import time
from importlib.metadata import version

from eventsourcing.application import Application
from eventsourcing.domain import Aggregate, event

TEXT = "We asked for interpreters at every clinic."


class Note(Aggregate):
    @event("Started")
    def __init__(self, stream: str) -> None:
        self.stream = stream
        self.count = 0

    @event("Noted")
    def note(self, n: int, text: str) -> None:
        self.count += 1


class Notes(Application):
    pass


def main() -> None:
    events, directory = int(sys.argv[1]), sys.argv[2]
    os.makedirs(directory, exist_ok=True)
    path = os.path.join(directory, "peer.sqlite")
    if os.path.exists(path):
        os.remove(path)
    os.environ["PERSISTENCE_MODULE"] = "eventsourcing.sqlite"
    os.environ["SQLITE_DBNAME"] = path
    app = Notes()

    streams = 1000
    notes = [Note(stream=f"bench/{i}") for i in range(min(streams, events))]
    written = len(notes)
    n = 0
    while written < events:
        for _ in range(20):  # 20 events per aggregate per save: fewer, larger transactions
            for note in notes:
                if written >= events:
                    break
                note.note(n=n, text=TEXT)
                n += 1
                written += 1
        app.save(*notes)
    app.save(*notes)

    # The rebuild: every notification from the first, through the library's own reader and mapper.
    counts: dict = {}
    folded = 0
    start = time.perf_counter()
    position = 1
    page = 10_000
    while True:
        notifications = app.recorder.select_notifications(start=position, limit=page)
        if not notifications:
            break
        for notification in notifications:
            domain_event = app.mapper.to_domain_event(notification)
            key = domain_event.originator_id
            counts[key] = counts.get(key, 0) + 1
            folded += 1
        position = notifications[-1].id + 1
    seconds = time.perf_counter() - start
    assert folded == events, (folded, events)
    print(json.dumps({
        "library": "eventsourcing", "version": version("eventsourcing"), "events": folded,
        "seconds": round(seconds, 3), "eventsPerSecond": round(folded / seconds),
    }))


if __name__ == "__main__":
    main()
