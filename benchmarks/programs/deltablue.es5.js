// deltablue, ES5 spelling (for Js2Py): constructor functions and prototypes; see deltablue.js.
var size = typeof SCALE === "number" ? SCALE : 400;

var REQUIRED = 0;
var STRONG_PREFERRED = 1;
var PREFERRED = 2;
var STRONG_DEFAULT = 3;
var NORMAL = 4;
var WEAK_DEFAULT = 5;
var WEAKEST = 6;

function stronger(a, b) {
  return a < b;
}
function weakest(a, b) {
  return a > b ? a : b;
}

var NONE = 0;
var FORWARD = 1;
var BACKWARD = 2;

var planner = null;

function extend(Child, Parent) {
  Child.prototype = Object.create(Parent.prototype);
  Child.prototype.constructor = Child;
}

function Variable(name, value) {
  this.name = name;
  this.value = value === undefined ? 0 : value;
  this.constraints = [];
  this.determinedBy = null;
  this.mark = 0;
  this.walkStrength = WEAKEST;
  this.stay = true;
}
Variable.prototype.addConstraint = function (c) {
  this.constraints.push(c);
};
Variable.prototype.removeConstraint = function (c) {
  this.constraints = this.constraints.filter(function (other) {
    return other !== c;
  });
  if (this.determinedBy === c) this.determinedBy = null;
};

function Constraint(strength) {
  this.strength = strength;
}
Constraint.prototype.addConstraint = function () {
  this.addToGraph();
  planner.incrementalAdd(this);
};
Constraint.prototype.satisfy = function (mark) {
  this.chooseMethod(mark);
  if (!this.isSatisfied()) {
    if (this.strength === REQUIRED) throw new Error("could not satisfy a required constraint");
    return null;
  }
  this.markInputs(mark);
  var out = this.output();
  var overridden = out.determinedBy;
  if (overridden !== null) overridden.markUnsatisfied();
  out.determinedBy = this;
  if (!planner.addPropagate(this, mark)) throw new Error("cycle encountered");
  out.mark = mark;
  return overridden;
};
Constraint.prototype.destroyConstraint = function () {
  if (this.isSatisfied()) planner.incrementalRemove(this);
  else this.removeFromGraph();
};
Constraint.prototype.isInput = function () {
  return false;
};

function UnaryConstraint(v, strength) {
  Constraint.call(this, strength);
  this.myOutput = v;
  this.satisfied = false;
  this.addConstraint();
}
extend(UnaryConstraint, Constraint);
UnaryConstraint.prototype.addToGraph = function () {
  this.myOutput.addConstraint(this);
  this.satisfied = false;
};
UnaryConstraint.prototype.chooseMethod = function (mark) {
  this.satisfied = this.myOutput.mark !== mark && stronger(this.strength, this.myOutput.walkStrength);
};
UnaryConstraint.prototype.isSatisfied = function () {
  return this.satisfied;
};
UnaryConstraint.prototype.markInputs = function () {};
UnaryConstraint.prototype.output = function () {
  return this.myOutput;
};
UnaryConstraint.prototype.recalculate = function () {
  this.myOutput.walkStrength = this.strength;
  this.myOutput.stay = !this.isInput();
  if (this.myOutput.stay) this.execute();
};
UnaryConstraint.prototype.markUnsatisfied = function () {
  this.satisfied = false;
};
UnaryConstraint.prototype.inputsKnown = function () {
  return true;
};
UnaryConstraint.prototype.removeFromGraph = function () {
  this.myOutput.removeConstraint(this);
  this.satisfied = false;
};

function StayConstraint(v, strength) {
  UnaryConstraint.call(this, v, strength);
}
extend(StayConstraint, UnaryConstraint);
StayConstraint.prototype.execute = function () {};

function EditConstraint(v, strength) {
  UnaryConstraint.call(this, v, strength);
}
extend(EditConstraint, UnaryConstraint);
EditConstraint.prototype.isInput = function () {
  return true;
};
EditConstraint.prototype.execute = function () {};

function BinaryConstraint(v1, v2, strength) {
  Constraint.call(this, strength);
  this.v1 = v1;
  this.v2 = v2;
  this.direction = NONE;
}
extend(BinaryConstraint, Constraint);
BinaryConstraint.prototype.chooseMethod = function (mark) {
  var v1 = this.v1;
  var v2 = this.v2;
  if (v1.mark === mark) {
    this.direction = v2.mark !== mark && stronger(this.strength, v2.walkStrength) ? FORWARD : NONE;
  } else if (v2.mark === mark) {
    this.direction = v1.mark !== mark && stronger(this.strength, v1.walkStrength) ? BACKWARD : NONE;
  } else if (stronger(v2.walkStrength, v1.walkStrength)) {
    this.direction = stronger(this.strength, v1.walkStrength) ? BACKWARD : NONE;
  } else {
    this.direction = stronger(this.strength, v2.walkStrength) ? FORWARD : BACKWARD;
  }
};
BinaryConstraint.prototype.addToGraph = function () {
  this.v1.addConstraint(this);
  this.v2.addConstraint(this);
  this.direction = NONE;
};
BinaryConstraint.prototype.isSatisfied = function () {
  return this.direction !== NONE;
};
BinaryConstraint.prototype.markInputs = function (mark) {
  this.input().mark = mark;
};
BinaryConstraint.prototype.input = function () {
  return this.direction === FORWARD ? this.v1 : this.v2;
};
BinaryConstraint.prototype.output = function () {
  return this.direction === FORWARD ? this.v2 : this.v1;
};
BinaryConstraint.prototype.recalculate = function () {
  var ihn = this.input();
  var out = this.output();
  out.walkStrength = weakest(this.strength, ihn.walkStrength);
  out.stay = ihn.stay;
  if (out.stay) this.execute();
};
BinaryConstraint.prototype.markUnsatisfied = function () {
  this.direction = NONE;
};
BinaryConstraint.prototype.inputsKnown = function (mark) {
  var i = this.input();
  return i.mark === mark || i.stay || i.determinedBy === null;
};
BinaryConstraint.prototype.removeFromGraph = function () {
  this.v1.removeConstraint(this);
  this.v2.removeConstraint(this);
  this.direction = NONE;
};

function EqualityConstraint(v1, v2, strength) {
  BinaryConstraint.call(this, v1, v2, strength);
  this.addConstraint();
}
extend(EqualityConstraint, BinaryConstraint);
EqualityConstraint.prototype.execute = function () {
  this.output().value = this.input().value;
};

function ScaleConstraint(src, scale, offset, dest, strength) {
  BinaryConstraint.call(this, src, dest, strength);
  this.scale = scale;
  this.offset = offset;
  this.addConstraint();
}
extend(ScaleConstraint, BinaryConstraint);
ScaleConstraint.prototype.addToGraph = function () {
  BinaryConstraint.prototype.addToGraph.call(this);
  this.scale.addConstraint(this);
  this.offset.addConstraint(this);
};
ScaleConstraint.prototype.removeFromGraph = function () {
  BinaryConstraint.prototype.removeFromGraph.call(this);
  this.scale.removeConstraint(this);
  this.offset.removeConstraint(this);
};
ScaleConstraint.prototype.markInputs = function (mark) {
  BinaryConstraint.prototype.markInputs.call(this, mark);
  this.scale.mark = mark;
  this.offset.mark = mark;
};
ScaleConstraint.prototype.execute = function () {
  if (this.direction === FORWARD) {
    this.v2.value = this.v1.value * this.scale.value + this.offset.value;
  } else {
    this.v1.value = Math.floor((this.v2.value - this.offset.value) / this.scale.value);
  }
};
ScaleConstraint.prototype.recalculate = function () {
  var ihn = this.input();
  var out = this.output();
  out.walkStrength = weakest(this.strength, ihn.walkStrength);
  out.stay = ihn.stay && this.scale.stay && this.offset.stay;
  if (out.stay) this.execute();
};

function Planner() {
  this.currentMark = 0;
}
Planner.prototype.newMark = function () {
  return ++this.currentMark;
};
Planner.prototype.incrementalAdd = function (c) {
  var mark = this.newMark();
  var overridden = c.satisfy(mark);
  while (overridden !== null) overridden = overridden.satisfy(mark);
};
Planner.prototype.incrementalRemove = function (c) {
  var out = c.output();
  c.markUnsatisfied();
  c.removeFromGraph();
  var unsatisfied = this.removePropagateFrom(out);
  for (var strength = REQUIRED; strength <= WEAKEST; strength++) {
    for (var i = 0; i < unsatisfied.length; i++) {
      var u = unsatisfied[i];
      if (u.strength === strength) this.incrementalAdd(u);
    }
  }
};
Planner.prototype.makePlan = function (sources) {
  var mark = this.newMark();
  var plan = [];
  var todo = sources;
  while (todo.length > 0) {
    var c = todo.pop();
    if (c.output().mark !== mark && c.inputsKnown(mark)) {
      plan.push(c);
      c.output().mark = mark;
      this.addConstraintsConsumingTo(c.output(), todo);
    }
  }
  return plan;
};
Planner.prototype.extractPlanFromConstraints = function (constraints) {
  return this.makePlan(
    constraints.filter(function (c) {
      return c.isInput() && c.isSatisfied();
    })
  );
};
Planner.prototype.addPropagate = function (c, mark) {
  var todo = [c];
  while (todo.length > 0) {
    var d = todo.pop();
    if (d.output().mark === mark) {
      this.incrementalRemove(c);
      return false;
    }
    d.recalculate();
    this.addConstraintsConsumingTo(d.output(), todo);
  }
  return true;
};
Planner.prototype.removePropagateFrom = function (out) {
  out.determinedBy = null;
  out.walkStrength = WEAKEST;
  out.stay = true;
  var unsatisfied = [];
  var todo = [out];
  while (todo.length > 0) {
    var v = todo.pop();
    var i;
    for (i = 0; i < v.constraints.length; i++) {
      if (!v.constraints[i].isSatisfied()) unsatisfied.push(v.constraints[i]);
    }
    var determining = v.determinedBy;
    for (i = 0; i < v.constraints.length; i++) {
      var next = v.constraints[i];
      if (next !== determining && next.isSatisfied()) {
        next.recalculate();
        todo.push(next.output());
      }
    }
  }
  return unsatisfied;
};
Planner.prototype.addConstraintsConsumingTo = function (v, coll) {
  var determining = v.determinedBy;
  for (var i = 0; i < v.constraints.length; i++) {
    var c = v.constraints[i];
    if (c !== determining && c.isSatisfied()) coll.push(c);
  }
};

function executePlan(plan) {
  for (var i = 0; i < plan.length; i++) plan[i].execute();
}

function chainTest(n) {
  planner = new Planner();
  var first = null;
  var last = null;
  var prev = null;
  for (var i = 0; i <= n; i++) {
    var v = new Variable("v" + i);
    if (prev !== null) new EqualityConstraint(prev, v, REQUIRED);
    if (i === 0) first = v;
    if (i === n) last = v;
    prev = v;
  }
  new StayConstraint(last, STRONG_DEFAULT);
  var edit = new EditConstraint(first, PREFERRED);
  var plan = planner.extractPlanFromConstraints([edit]);
  var sum = plan.length;
  for (var k = 0; k < 100; k++) {
    first.value = k;
    executePlan(plan);
    sum += last.value;
  }
  edit.destroyConstraint();
  return sum;
}

function change(v, value) {
  var edit = new EditConstraint(v, PREFERRED);
  var plan = planner.extractPlanFromConstraints([edit]);
  for (var i = 0; i < 10; i++) {
    v.value = value;
    executePlan(plan);
  }
  edit.destroyConstraint();
}

function projectionTest(n) {
  planner = new Planner();
  var scale = new Variable("scale", 10);
  var offset = new Variable("offset", 1000);
  var src = null;
  var dst = null;
  var dests = [];
  for (var i = 0; i < n; i++) {
    src = new Variable("src" + i, i);
    dst = new Variable("dst" + i, i);
    dests.push(dst);
    new StayConstraint(src, NORMAL);
    new ScaleConstraint(src, scale, offset, dst, REQUIRED);
  }
  var sum = 0;
  change(src, 17);
  sum += dst.value;
  change(dst, 1050);
  sum += src.value;
  change(scale, 5);
  var k;
  for (k = 0; k < dests.length; k++) sum += dests[k].value;
  change(offset, 2000);
  for (k = 0; k < dests.length; k++) sum += dests[k].value;
  return sum;
}

var chain = chainTest(size);
var projection = projectionTest(size);
console.log("deltablue " + size + " " + chain + " " + projection);
