const log = (...a) => console.log(...a);
const show = r => JSON.stringify(r);
function* g() { try { log('start'); const x = yield 1; log('x', x); yield 2; } catch (e) { log('caught', e); yield 'from catch'; } finally { log('finally'); } return 'end'; }
// next in every state
let it = g();
log(show(it.next('ignored')), show(it.next('X')), show(it.next()), show(it.next()));
// return at start
it = g(); log(show(it.return(5)), show(it.next()));
// throw at start
it = g(); try { it.throw(new Error('early')); } catch (e) { log('early throw', e.message); } log(show(it.next()));
// return while suspended in try
it = g(); it.next(); log(show(it.return(7))); log(show(it.next()));
// throw while suspended in try -> caught
it = g(); it.next(); log(show(it.throw('E'))); log(show(it.next())); log(show(it.next()));
// return after completion
log(show(it.return(8)));
try { it.throw('after'); } catch (e) { log('after done throw', e); }
// finally that yields during return
function* h() { try { yield 1; } finally { yield 'f'; log('after f'); } }
it = h(); it.next(); log(show(it.return('R'))); log(show(it.next())); log(show(it.next()));
// finally that overrides return
function* k() { try { yield 1; } finally { return 'override'; } }
it = k(); it.next(); log(show(it.return('R')));
// running generator re-entry
function* self() { try { me.next(); } catch (e) { log(e.constructor.name, e.message); } yield 1; }
const me = self(); me.next();
// this and arguments
function* args() { yield arguments.length; yield arguments[1]; yield this && this.tag; }
log([...args.call({ tag: 'T' }, 'a', 'b', 'c')]);
const o = { tag: 'obj', *m(a) { yield this.tag; yield a; }, *[Symbol.iterator]() { yield 'iter'; } };
log([...o.m('A')], [...o]);
class C { constructor() { this.v = [1, 2, 3]; } *[Symbol.iterator]() { yield* this.v; } static *s() { yield 'static'; } *gm() { yield 'gm'; } }
log([...new C()], [...C.s()], [...new C().gm()]);
log(g.prototype === Object.getPrototypeOf(g()), Object.getPrototypeOf(g.prototype) === Object.getPrototypeOf(function*(){}.prototype));
try { new g(); } catch (e) { log(e.constructor.name, e.message); }
try { new o.m(); } catch (e) { log(e.constructor.name, e.message); }
log(String(g()), g.constructor.name, g().toString());
const GF = Object.getPrototypeOf(function*(){}).constructor;
const dyn = new GF('a', 'yield a; yield a * 2;');
log([...dyn(21)], dyn.name);
