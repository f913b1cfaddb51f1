// deltablue: an incremental one-way dataflow constraint solver in the spirit of the DeltaBlue
// benchmark (simplified): variables, stay/edit/equality/scale constraints with strengths, incremental
// add and remove with walkabout strengths, and plans extracted and executed. Runs the chain test and
// the projection test; prints a checksum of the values seen. SCALE is the chain/projection size.
const size = typeof SCALE === "number" ? SCALE : 400;

// Strengths: a lower number is stronger.
const REQUIRED = 0;
const STRONG_PREFERRED = 1;
const PREFERRED = 2;
const STRONG_DEFAULT = 3;
const NORMAL = 4;
const WEAK_DEFAULT = 5;
const WEAKEST = 6;

const stronger = (a, b) => a < b;
const weakest = (a, b) => (a > b ? a : b);

// Directions of a binary constraint.
const NONE = 0;
const FORWARD = 1;
const BACKWARD = 2;

let planner = null;

class Variable {
  constructor(name, value = 0) {
    this.name = name;
    this.value = value;
    this.constraints = [];
    this.determinedBy = null;
    this.mark = 0;
    this.walkStrength = WEAKEST;
    this.stay = true;
  }

  addConstraint(c) {
    this.constraints.push(c);
  }

  removeConstraint(c) {
    this.constraints = this.constraints.filter((other) => other !== c);
    if (this.determinedBy === c) this.determinedBy = null;
  }
}

class Constraint {
  constructor(strength) {
    this.strength = strength;
  }

  addConstraint() {
    this.addToGraph();
    planner.incrementalAdd(this);
  }

  // Try to satisfy this constraint; return the constraint it overrides, if any.
  satisfy(mark) {
    this.chooseMethod(mark);
    if (!this.isSatisfied()) {
      if (this.strength === REQUIRED) throw new Error("could not satisfy a required constraint");
      return null;
    }
    this.markInputs(mark);
    const out = this.output();
    const overridden = out.determinedBy;
    if (overridden !== null) overridden.markUnsatisfied();
    out.determinedBy = this;
    if (!planner.addPropagate(this, mark)) throw new Error("cycle encountered");
    out.mark = mark;
    return overridden;
  }

  destroyConstraint() {
    if (this.isSatisfied()) planner.incrementalRemove(this);
    else this.removeFromGraph();
  }

  isInput() {
    return false;
  }
}

class UnaryConstraint extends Constraint {
  constructor(v, strength) {
    super(strength);
    this.myOutput = v;
    this.satisfied = false;
    this.addConstraint();
  }

  addToGraph() {
    this.myOutput.addConstraint(this);
    this.satisfied = false;
  }

  chooseMethod(mark) {
    this.satisfied = this.myOutput.mark !== mark && stronger(this.strength, this.myOutput.walkStrength);
  }

  isSatisfied() {
    return this.satisfied;
  }

  markInputs() {}

  output() {
    return this.myOutput;
  }

  recalculate() {
    this.myOutput.walkStrength = this.strength;
    this.myOutput.stay = !this.isInput();
    if (this.myOutput.stay) this.execute();
  }

  markUnsatisfied() {
    this.satisfied = false;
  }

  inputsKnown() {
    return true;
  }

  removeFromGraph() {
    this.myOutput.removeConstraint(this);
    this.satisfied = false;
  }
}

class StayConstraint extends UnaryConstraint {
  execute() {}
}

class EditConstraint extends UnaryConstraint {
  isInput() {
    return true;
  }

  execute() {}
}

class BinaryConstraint extends Constraint {
  constructor(v1, v2, strength) {
    super(strength);
    this.v1 = v1;
    this.v2 = v2;
    this.direction = NONE;
  }

  chooseMethod(mark) {
    const { v1, v2 } = this;
    if (v1.mark === mark) {
      this.direction = v2.mark !== mark && stronger(this.strength, v2.walkStrength) ? FORWARD : NONE;
    } else if (v2.mark === mark) {
      this.direction = v1.mark !== mark && stronger(this.strength, v1.walkStrength) ? BACKWARD : NONE;
    } else if (stronger(v2.walkStrength, v1.walkStrength)) {
      this.direction = stronger(this.strength, v1.walkStrength) ? BACKWARD : NONE;
    } else {
      this.direction = stronger(this.strength, v2.walkStrength) ? FORWARD : BACKWARD;
    }
  }

  addToGraph() {
    this.v1.addConstraint(this);
    this.v2.addConstraint(this);
    this.direction = NONE;
  }

  isSatisfied() {
    return this.direction !== NONE;
  }

  markInputs(mark) {
    this.input().mark = mark;
  }

  input() {
    return this.direction === FORWARD ? this.v1 : this.v2;
  }

  output() {
    return this.direction === FORWARD ? this.v2 : this.v1;
  }

  recalculate() {
    const ihn = this.input();
    const out = this.output();
    out.walkStrength = weakest(this.strength, ihn.walkStrength);
    out.stay = ihn.stay;
    if (out.stay) this.execute();
  }

  markUnsatisfied() {
    this.direction = NONE;
  }

  inputsKnown(mark) {
    const i = this.input();
    return i.mark === mark || i.stay || i.determinedBy === null;
  }

  removeFromGraph() {
    this.v1.removeConstraint(this);
    this.v2.removeConstraint(this);
    this.direction = NONE;
  }
}

class EqualityConstraint extends BinaryConstraint {
  constructor(v1, v2, strength) {
    super(v1, v2, strength);
    this.addConstraint();
  }

  execute() {
    this.output().value = this.input().value;
  }
}

// dest = src * scale + offset (or src = (dest - offset) / scale when run backward).
class ScaleConstraint extends BinaryConstraint {
  constructor(src, scale, offset, dest, strength) {
    super(src, dest, strength);
    this.scale = scale;
    this.offset = offset;
    this.addConstraint();
  }

  addToGraph() {
    super.addToGraph();
    this.scale.addConstraint(this);
    this.offset.addConstraint(this);
  }

  removeFromGraph() {
    super.removeFromGraph();
    this.scale.removeConstraint(this);
    this.offset.removeConstraint(this);
  }

  markInputs(mark) {
    super.markInputs(mark);
    this.scale.mark = mark;
    this.offset.mark = mark;
  }

  execute() {
    if (this.direction === FORWARD) {
      this.v2.value = this.v1.value * this.scale.value + this.offset.value;
    } else {
      this.v1.value = Math.floor((this.v2.value - this.offset.value) / this.scale.value);
    }
  }

  recalculate() {
    const ihn = this.input();
    const out = this.output();
    out.walkStrength = weakest(this.strength, ihn.walkStrength);
    out.stay = ihn.stay && this.scale.stay && this.offset.stay;
    if (out.stay) this.execute();
  }
}

class Planner {
  constructor() {
    this.currentMark = 0;
  }

  newMark() {
    return ++this.currentMark;
  }

  incrementalAdd(c) {
    const mark = this.newMark();
    let overridden = c.satisfy(mark);
    while (overridden !== null) overridden = overridden.satisfy(mark);
  }

  incrementalRemove(c) {
    const out = c.output();
    c.markUnsatisfied();
    c.removeFromGraph();
    const unsatisfied = this.removePropagateFrom(out);
    for (let strength = REQUIRED; strength <= WEAKEST; strength++) {
      for (const u of unsatisfied) {
        if (u.strength === strength) this.incrementalAdd(u);
      }
    }
  }

  makePlan(sources) {
    const mark = this.newMark();
    const plan = [];
    const todo = sources;
    while (todo.length > 0) {
      const c = todo.pop();
      if (c.output().mark !== mark && c.inputsKnown(mark)) {
        plan.push(c);
        c.output().mark = mark;
        this.addConstraintsConsumingTo(c.output(), todo);
      }
    }
    return plan;
  }

  extractPlanFromConstraints(constraints) {
    return this.makePlan(constraints.filter((c) => c.isInput() && c.isSatisfied()));
  }

  addPropagate(c, mark) {
    const todo = [c];
    while (todo.length > 0) {
      const d = todo.pop();
      if (d.output().mark === mark) {
        this.incrementalRemove(c);
        return false;
      }
      d.recalculate();
      this.addConstraintsConsumingTo(d.output(), todo);
    }
    return true;
  }

  removePropagateFrom(out) {
    out.determinedBy = null;
    out.walkStrength = WEAKEST;
    out.stay = true;
    const unsatisfied = [];
    const todo = [out];
    while (todo.length > 0) {
      const v = todo.pop();
      for (const c of v.constraints) {
        if (!c.isSatisfied()) unsatisfied.push(c);
      }
      const determining = v.determinedBy;
      for (const next of v.constraints) {
        if (next !== determining && next.isSatisfied()) {
          next.recalculate();
          todo.push(next.output());
        }
      }
    }
    return unsatisfied;
  }

  addConstraintsConsumingTo(v, coll) {
    const determining = v.determinedBy;
    for (const c of v.constraints) {
      if (c !== determining && c.isSatisfied()) coll.push(c);
    }
  }
}

function executePlan(plan) {
  for (const c of plan) c.execute();
}

// A chain of equalities v0 = v1 = ... = vn, edited at one end.
function chainTest(n) {
  planner = new Planner();
  let first = null;
  let last = null;
  let prev = null;
  for (let i = 0; i <= n; i++) {
    const v = new Variable(`v${i}`);
    if (prev !== null) new EqualityConstraint(prev, v, REQUIRED);
    if (i === 0) first = v;
    if (i === n) last = v;
    prev = v;
  }
  new StayConstraint(last, STRONG_DEFAULT);
  const edit = new EditConstraint(first, PREFERRED);
  const plan = planner.extractPlanFromConstraints([edit]);
  let sum = plan.length;
  for (let i = 0; i < 100; i++) {
    first.value = i;
    executePlan(plan);
    sum += last.value;
  }
  edit.destroyConstraint();
  return sum;
}

function change(v, value) {
  const edit = new EditConstraint(v, PREFERRED);
  const plan = planner.extractPlanFromConstraints([edit]);
  for (let i = 0; i < 10; i++) {
    v.value = value;
    executePlan(plan);
  }
  edit.destroyConstraint();
}

// n source/destination pairs tied by dest = src * scale + offset; edit both ends and the shared terms.
function projectionTest(n) {
  planner = new Planner();
  const scale = new Variable("scale", 10);
  const offset = new Variable("offset", 1000);
  let src = null;
  let dst = null;
  const dests = [];
  for (let i = 0; i < n; i++) {
    src = new Variable(`src${i}`, i);
    dst = new Variable(`dst${i}`, i);
    dests.push(dst);
    new StayConstraint(src, NORMAL);
    new ScaleConstraint(src, scale, offset, dst, REQUIRED);
  }
  let sum = 0;
  change(src, 17);
  sum += dst.value;
  change(dst, 1050);
  sum += src.value;
  change(scale, 5);
  for (const d of dests) sum += d.value;
  change(offset, 2000);
  for (const d of dests) sum += d.value;
  return sum;
}

const chain = chainTest(size);
const projection = projectionTest(size);
console.log(`deltablue ${size} ${chain} ${projection}`);
