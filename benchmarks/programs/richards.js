// richards: an operating-system scheduler simulation in the spirit of Martin Richards' benchmark.
// Six tasks (an idle task, a worker, two packet handlers, two devices) exchange packets through a
// priority scheduler; tasks hold, suspend and release one another. Prints how many packets were
// queued and how many times a task held. SCALE is the idle task's iteration count.
const iterations = typeof SCALE === "number" ? SCALE : 4000;

const IDLE = 0;
const WORKER = 1;
const HANDLER_A = 2;
const HANDLER_B = 3;
const DEVICE_A = 4;
const DEVICE_B = 5;
const TASK_COUNT = 6;

const KIND_DEVICE = 0;
const KIND_WORK = 1;
const DATA_SIZE = 4;

// Task state bits.
const PACKET_PENDING = 1;
const WAITING = 2;
const HELD = 4;

class Packet {
  constructor(link, owner, kind) {
    this.link = link;
    this.owner = owner;
    this.kind = kind;
    this.count = 0;
    this.data = new Array(DATA_SIZE).fill(0);
  }

  appendTo(queue) {
    this.link = null;
    if (queue === null) return this;
    let tail = queue;
    while (tail.link !== null) tail = tail.link;
    tail.link = this;
    return queue;
  }
}

class Task {
  constructor(scheduler, id, priority, queue, next) {
    this.scheduler = scheduler;
    this.id = id;
    this.priority = priority;
    this.queue = queue;
    this.next = next;
    this.state = queue === null ? WAITING : WAITING | PACKET_PENDING;
  }

  isBlocked() {
    return (this.state & HELD) !== 0 || this.state === WAITING;
  }

  // A packet arrives: queue it, and say which task should run next.
  receive(current, packet) {
    if (this.queue === null) {
      this.queue = packet;
      this.state |= PACKET_PENDING;
      if (this.priority > current.priority) return this;
    } else {
      this.queue = packet.appendTo(this.queue);
    }
    return current;
  }

  step() {
    let packet = null;
    if (this.state === (WAITING | PACKET_PENDING)) {
      packet = this.queue;
      this.queue = packet.link;
      this.state = this.queue === null ? 0 : PACKET_PENDING;
    }
    return this.run(packet);
  }
}

class IdleTask extends Task {
  constructor(scheduler, id, priority, count) {
    super(scheduler, id, priority, null, scheduler.tasks);
    this.seed = 1;
    this.count = count;
    this.state = 0;
  }

  run() {
    const s = this.scheduler;
    if (--this.count === 0) return s.holdCurrent();
    if ((this.seed & 1) === 0) {
      this.seed >>= 1;
      return s.release(DEVICE_A);
    }
    this.seed = (this.seed >> 1) ^ 0xd008;
    return s.release(DEVICE_B);
  }
}

class WorkerTask extends Task {
  constructor(scheduler, id, priority, queue) {
    super(scheduler, id, priority, queue, scheduler.tasks);
    this.destination = HANDLER_A;
    this.letter = 0;
  }

  run(packet) {
    const s = this.scheduler;
    if (packet === null) return s.suspendCurrent();
    this.destination = this.destination === HANDLER_A ? HANDLER_B : HANDLER_A;
    packet.owner = this.destination;
    packet.count = 0;
    for (let i = 0; i < DATA_SIZE; i++) {
      this.letter = this.letter === 26 ? 1 : this.letter + 1;
      packet.data[i] = this.letter;
    }
    return s.send(packet);
  }
}

class HandlerTask extends Task {
  constructor(scheduler, id, priority, queue) {
    super(scheduler, id, priority, queue, scheduler.tasks);
    this.work = null;
    this.devices = null;
  }

  run(packet) {
    const s = this.scheduler;
    if (packet !== null) {
      if (packet.kind === KIND_WORK) this.work = packet.appendTo(this.work);
      else this.devices = packet.appendTo(this.devices);
    }
    if (this.work !== null) {
      const work = this.work;
      const i = work.count;
      if (i < DATA_SIZE) {
        if (this.devices !== null) {
          const device = this.devices;
          this.devices = device.link;
          device.count = work.data[i];
          work.count = i + 1;
          return s.send(device);
        }
      } else {
        this.work = work.link;
        return s.send(work);
      }
    }
    return s.suspendCurrent();
  }
}

class DeviceTask extends Task {
  constructor(scheduler, id, priority) {
    super(scheduler, id, priority, null, scheduler.tasks);
    this.pending = null;
  }

  run(packet) {
    const s = this.scheduler;
    if (packet === null) {
      if (this.pending === null) return s.suspendCurrent();
      const done = this.pending;
      this.pending = null;
      return s.send(done);
    }
    this.pending = packet;
    s.checksum = (s.checksum * 3 + packet.count) % 1000003;
    return s.holdCurrent();
  }
}

class Scheduler {
  constructor() {
    this.tasks = null; // linked by priority order of creation, highest first
    this.byId = new Array(TASK_COUNT).fill(null);
    this.current = null;
    this.queued = 0;
    this.held = 0;
    this.checksum = 0;
  }

  add(task) {
    this.tasks = task;
    this.byId[task.id] = task;
  }

  run() {
    this.current = this.tasks;
    while (this.current !== null) {
      this.current = this.current.isBlocked() ? this.current.next : this.current.step();
    }
  }

  release(id) {
    const task = this.byId[id];
    task.state &= ~HELD;
    return task.priority > this.current.priority ? task : this.current;
  }

  holdCurrent() {
    this.held++;
    this.current.state |= HELD;
    return this.current.next;
  }

  suspendCurrent() {
    this.current.state |= WAITING;
    return this.current;
  }

  send(packet) {
    const target = this.byId[packet.owner];
    this.queued++;
    packet.link = null;
    packet.owner = this.current.id;
    return target.receive(this.current, packet);
  }
}

function simulate(count) {
  const s = new Scheduler();
  s.add(new IdleTask(s, IDLE, 0, count));
  let queue = new Packet(null, WORKER, KIND_WORK);
  queue = new Packet(queue, WORKER, KIND_WORK);
  s.add(new WorkerTask(s, WORKER, 1000, queue));
  for (const [id, device, priority] of [[HANDLER_A, DEVICE_A, 2000], [HANDLER_B, DEVICE_B, 3000]]) {
    queue = new Packet(null, device, KIND_DEVICE);
    queue = new Packet(queue, device, KIND_DEVICE);
    queue = new Packet(queue, device, KIND_DEVICE);
    s.add(new HandlerTask(s, id, priority, queue));
  }
  s.add(new DeviceTask(s, DEVICE_A, 4000));
  s.add(new DeviceTask(s, DEVICE_B, 5000));
  s.run();
  return s;
}

const result = simulate(iterations);
console.log(`richards ${iterations} ${result.queued} ${result.held} ${result.checksum}`);
