"""richards: an OS scheduler simulation (six tasks exchanging packets through a priority scheduler).
argv[1] is the idle task's iteration count."""

import sys

iterations = int(sys.argv[1]) if len(sys.argv) > 1 else 4000

IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = range(6)
TASK_COUNT = 6
KIND_DEVICE, KIND_WORK = 0, 1
DATA_SIZE = 4

PACKET_PENDING = 1
WAITING = 2
HELD = 4


class Packet:
    def __init__(self, link, owner, kind):
        self.link = link
        self.owner = owner
        self.kind = kind
        self.count = 0
        self.data = [0] * DATA_SIZE

    def append_to(self, queue):
        self.link = None
        if queue is None:
            return self
        tail = queue
        while tail.link is not None:
            tail = tail.link
        tail.link = self
        return queue


class Task:
    def __init__(self, scheduler, id, priority, queue):
        self.scheduler = scheduler
        self.id = id
        self.priority = priority
        self.queue = queue
        self.next = scheduler.tasks
        self.state = WAITING if queue is None else WAITING | PACKET_PENDING

    def is_blocked(self):
        return (self.state & HELD) != 0 or self.state == WAITING

    def receive(self, current, packet):
        if self.queue is None:
            self.queue = packet
            self.state |= PACKET_PENDING
            if self.priority > current.priority:
                return self
        else:
            self.queue = packet.append_to(self.queue)
        return current

    def step(self):
        packet = None
        if self.state == WAITING | PACKET_PENDING:
            packet = self.queue
            self.queue = packet.link
            self.state = 0 if self.queue is None else PACKET_PENDING
        return self.run(packet)


class IdleTask(Task):
    def __init__(self, scheduler, id, priority, count):
        super().__init__(scheduler, id, priority, None)
        self.seed = 1
        self.count = count
        self.state = 0

    def run(self, packet):
        s = self.scheduler
        self.count -= 1
        if self.count == 0:
            return s.hold_current()
        if self.seed & 1 == 0:
            self.seed >>= 1
            return s.release(DEVICE_A)
        self.seed = (self.seed >> 1) ^ 0xD008
        return s.release(DEVICE_B)


class WorkerTask(Task):
    def __init__(self, scheduler, id, priority, queue):
        super().__init__(scheduler, id, priority, queue)
        self.destination = HANDLER_A
        self.letter = 0

    def run(self, packet):
        s = self.scheduler
        if packet is None:
            return s.suspend_current()
        self.destination = HANDLER_B if self.destination == HANDLER_A else HANDLER_A
        packet.owner = self.destination
        packet.count = 0
        for i in range(DATA_SIZE):
            self.letter = 1 if self.letter == 26 else self.letter + 1
            packet.data[i] = self.letter
        return s.send(packet)


class HandlerTask(Task):
    def __init__(self, scheduler, id, priority, queue):
        super().__init__(scheduler, id, priority, queue)
        self.work = None
        self.devices = None

    def run(self, packet):
        s = self.scheduler
        if packet is not None:
            if packet.kind == KIND_WORK:
                self.work = packet.append_to(self.work)
            else:
                self.devices = packet.append_to(self.devices)
        if self.work is not None:
            work = self.work
            i = work.count
            if i < DATA_SIZE:
                if self.devices is not None:
                    device = self.devices
                    self.devices = device.link
                    device.count = work.data[i]
                    work.count = i + 1
                    return s.send(device)
            else:
                self.work = work.link
                return s.send(work)
        return s.suspend_current()


class DeviceTask(Task):
    def __init__(self, scheduler, id, priority):
        super().__init__(scheduler, id, priority, None)
        self.pending = None

    def run(self, packet):
        s = self.scheduler
        if packet is None:
            if self.pending is None:
                return s.suspend_current()
            done = self.pending
            self.pending = None
            return s.send(done)
        self.pending = packet
        s.checksum = (s.checksum * 3 + packet.count) % 1000003
        return s.hold_current()


class Scheduler:
    def __init__(self):
        self.tasks = None
        self.by_id = [None] * TASK_COUNT
        self.current = None
        self.queued = 0
        self.held = 0
        self.checksum = 0

    def add(self, task):
        self.tasks = task
        self.by_id[task.id] = task

    def run(self):
        self.current = self.tasks
        while self.current is not None:
            self.current = self.current.next if self.current.is_blocked() else self.current.step()

    def release(self, id):
        task = self.by_id[id]
        task.state &= ~HELD
        return task if task.priority > self.current.priority else self.current

    def hold_current(self):
        self.held += 1
        self.current.state |= HELD
        return self.current.next

    def suspend_current(self):
        self.current.state |= WAITING
        return self.current

    def send(self, packet):
        target = self.by_id[packet.owner]
        self.queued += 1
        packet.link = None
        packet.owner = self.current.id
        return target.receive(self.current, packet)


def simulate(count):
    s = Scheduler()
    s.add(IdleTask(s, IDLE, 0, count))
    queue = Packet(None, WORKER, KIND_WORK)
    queue = Packet(queue, WORKER, KIND_WORK)
    s.add(WorkerTask(s, WORKER, 1000, queue))
    for id, device, priority in [(HANDLER_A, DEVICE_A, 2000), (HANDLER_B, DEVICE_B, 3000)]:
        queue = Packet(None, device, KIND_DEVICE)
        queue = Packet(queue, device, KIND_DEVICE)
        queue = Packet(queue, device, KIND_DEVICE)
        s.add(HandlerTask(s, id, priority, queue))
    s.add(DeviceTask(s, DEVICE_A, 4000))
    s.add(DeviceTask(s, DEVICE_B, 5000))
    s.run()
    return s


result = simulate(iterations)
print(f"richards {iterations} {result.queued} {result.held} {result.checksum}")
