// richards, ES5 spelling (for Js2Py): constructor functions and prototypes; see richards.js.
var iterations = typeof SCALE === "number" ? SCALE : 4000;

var IDLE = 0;
var WORKER = 1;
var HANDLER_A = 2;
var HANDLER_B = 3;
var DEVICE_A = 4;
var DEVICE_B = 5;
var TASK_COUNT = 6;

var KIND_DEVICE = 0;
var KIND_WORK = 1;
var DATA_SIZE = 4;

var PACKET_PENDING = 1;
var WAITING = 2;
var HELD = 4;

function Packet(link, owner, kind) {
  this.link = link;
  this.owner = owner;
  this.kind = kind;
  this.count = 0;
  this.data = [0, 0, 0, 0];
}

Packet.prototype.appendTo = function (queue) {
  this.link = null;
  if (queue === null) return this;
  var tail = queue;
  while (tail.link !== null) tail = tail.link;
  tail.link = this;
  return queue;
};

function initTask(task, scheduler, id, priority, queue) {
  task.scheduler = scheduler;
  task.id = id;
  task.priority = priority;
  task.queue = queue;
  task.next = scheduler.tasks;
  task.state = queue === null ? WAITING : WAITING | PACKET_PENDING;
}

function Task() {}

Task.prototype.isBlocked = function () {
  return (this.state & HELD) !== 0 || this.state === WAITING;
};

Task.prototype.receive = function (current, packet) {
  if (this.queue === null) {
    this.queue = packet;
    this.state |= PACKET_PENDING;
    if (this.priority > current.priority) return this;
  } else {
    this.queue = packet.appendTo(this.queue);
  }
  return current;
};

Task.prototype.step = function () {
  var packet = null;
  if (this.state === (WAITING | PACKET_PENDING)) {
    packet = this.queue;
    this.queue = packet.link;
    this.state = this.queue === null ? 0 : PACKET_PENDING;
  }
  return this.run(packet);
};

function subclass(Child) {
  Child.prototype = Object.create(Task.prototype);
  Child.prototype.constructor = Child;
}

function IdleTask(scheduler, id, priority, count) {
  initTask(this, scheduler, id, priority, null);
  this.seed = 1;
  this.count = count;
  this.state = 0;
}
subclass(IdleTask);
IdleTask.prototype.run = function () {
  var s = this.scheduler;
  if (--this.count === 0) return s.holdCurrent();
  if ((this.seed & 1) === 0) {
    this.seed >>= 1;
    return s.release(DEVICE_A);
  }
  this.seed = (this.seed >> 1) ^ 0xd008;
  return s.release(DEVICE_B);
};

function WorkerTask(scheduler, id, priority, queue) {
  initTask(this, scheduler, id, priority, queue);
  this.destination = HANDLER_A;
  this.letter = 0;
}
subclass(WorkerTask);
WorkerTask.prototype.run = function (packet) {
  var s = this.scheduler;
  if (packet === null) return s.suspendCurrent();
  this.destination = this.destination === HANDLER_A ? HANDLER_B : HANDLER_A;
  packet.owner = this.destination;
  packet.count = 0;
  for (var i = 0; i < DATA_SIZE; i++) {
    this.letter = this.letter === 26 ? 1 : this.letter + 1;
    packet.data[i] = this.letter;
  }
  return s.send(packet);
};

function HandlerTask(scheduler, id, priority, queue) {
  initTask(this, scheduler, id, priority, queue);
  this.work = null;
  this.devices = null;
}
subclass(HandlerTask);
HandlerTask.prototype.run = function (packet) {
  var s = this.scheduler;
  if (packet !== null) {
    if (packet.kind === KIND_WORK) this.work = packet.appendTo(this.work);
    else this.devices = packet.appendTo(this.devices);
  }
  if (this.work !== null) {
    var work = this.work;
    var i = work.count;
    if (i < DATA_SIZE) {
      if (this.devices !== null) {
        var device = this.devices;
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
};

function DeviceTask(scheduler, id, priority) {
  initTask(this, scheduler, id, priority, null);
  this.pending = null;
}
subclass(DeviceTask);
DeviceTask.prototype.run = function (packet) {
  var s = this.scheduler;
  if (packet === null) {
    if (this.pending === null) return s.suspendCurrent();
    var done = this.pending;
    this.pending = null;
    return s.send(done);
  }
  this.pending = packet;
  s.checksum = (s.checksum * 3 + packet.count) % 1000003;
  return s.holdCurrent();
};

function Scheduler() {
  this.tasks = null;
  this.byId = [];
  for (var i = 0; i < TASK_COUNT; i++) this.byId.push(null);
  this.current = null;
  this.queued = 0;
  this.held = 0;
  this.checksum = 0;
}

Scheduler.prototype.add = function (task) {
  this.tasks = task;
  this.byId[task.id] = task;
};

Scheduler.prototype.run = function () {
  this.current = this.tasks;
  while (this.current !== null) {
    this.current = this.current.isBlocked() ? this.current.next : this.current.step();
  }
};

Scheduler.prototype.release = function (id) {
  var task = this.byId[id];
  task.state &= ~HELD;
  return task.priority > this.current.priority ? task : this.current;
};

Scheduler.prototype.holdCurrent = function () {
  this.held++;
  this.current.state |= HELD;
  return this.current.next;
};

Scheduler.prototype.suspendCurrent = function () {
  this.current.state |= WAITING;
  return this.current;
};

Scheduler.prototype.send = function (packet) {
  var target = this.byId[packet.owner];
  this.queued++;
  packet.link = null;
  packet.owner = this.current.id;
  return target.receive(this.current, packet);
};

function simulate(count) {
  var s = new Scheduler();
  s.add(new IdleTask(s, IDLE, 0, count));
  var queue = new Packet(null, WORKER, KIND_WORK);
  queue = new Packet(queue, WORKER, KIND_WORK);
  s.add(new WorkerTask(s, WORKER, 1000, queue));
  var handlers = [[HANDLER_A, DEVICE_A, 2000], [HANDLER_B, DEVICE_B, 3000]];
  for (var h = 0; h < handlers.length; h++) {
    var device = handlers[h][1];
    queue = new Packet(null, device, KIND_DEVICE);
    queue = new Packet(queue, device, KIND_DEVICE);
    queue = new Packet(queue, device, KIND_DEVICE);
    s.add(new HandlerTask(s, handlers[h][0], handlers[h][2], queue));
  }
  s.add(new DeviceTask(s, DEVICE_A, 4000));
  s.add(new DeviceTask(s, DEVICE_B, 5000));
  s.run();
  return s;
}

var result = simulate(iterations);
console.log("richards " + iterations + " " + result.queued + " " + result.held + " " + result.checksum);
