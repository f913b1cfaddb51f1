// RegExp objects: construction, flags, source, exec results, lastIndex, toString.
const show = (label, v) => console.log(label, v);

show('literal', /ab+c/gi);
show('ctor', new RegExp('a/b', 'm'));
show('empty', new RegExp(''));
show('source escaping', [new RegExp('/').source, new RegExp('\\/').source, new RegExp('[/]').source,
  new RegExp('\n').source, new RegExp('a\u2028b').source]);
show('flags order', new RegExp('x', 'yusmig').flags);
show('flag getters', ['global', 'ignoreCase', 'multiline', 'dotAll', 'unicode', 'sticky'].map((k) => /x/gimsuy[k]));
show('proto getters', [RegExp.prototype.source, RegExp.prototype.flags, RegExp.prototype.global, String(RegExp.prototype)]);
show('toString', String(/a\/b[/]/g), RegExp.prototype.toString.call({ source: 'S', flags: 'F' }));
show('tag', Object.prototype.toString.call(/x/), Object.prototype.toString.call(RegExp.prototype));

const re = /(\d+)-(\d+)?/g;
let m;
while ((m = re.exec('10-20 30- 40-50')) !== null) {
  show('exec', [m[0], m[1], m[2], m.index, m.input, m.groups, re.lastIndex]);
}
show('after loop lastIndex', re.lastIndex);

const named = /(?<year>\d{4})-(?<month>\d{2})(?:-(?<day>\d{2}))?/u.exec('on 2021-07 ok');
show('named', named);
show('named groups proto', Object.getPrototypeOf(named.groups));
show('keys', Object.keys(named));

const sticky = /foo/y;
sticky.lastIndex = 3;
show('sticky hit', sticky.test('barfoo'), sticky.lastIndex);
show('sticky miss', sticky.test('barfoo'), sticky.lastIndex);

const g = /a/g;
g.lastIndex = '1';
show('lastIndex coercion', g.exec('aa').index, g.lastIndex);
g.lastIndex = 99;
show('lastIndex past end', g.exec('aa'), g.lastIndex);
const nonGlobal = /a/;
nonGlobal.lastIndex = 5;
show('non-global ignores lastIndex', nonGlobal.exec('a').index, nonGlobal.lastIndex);

show('lastIndex descriptor', Object.getOwnPropertyDescriptor(/x/, 'lastIndex'));
show('own names', Object.getOwnPropertyNames(/x/));

const same = /s/;
show('RegExp(re) === re', RegExp(same) === same, new RegExp(same) === same, RegExp(same, 'g') === same);
show('copy flags', new RegExp(/x/gi).flags, new RegExp(/x/gi, 'm').flags);
const fake = { [Symbol.match]: true, source: 'fa+ke', flags: 'i', constructor: RegExp };
show('IsRegExp object', RegExp(fake) === fake, new RegExp(fake).test('FAAKE'));

class MyRE extends RegExp {
  exec(s) { const r = super.exec(s); if (r) r.extra = 'yes'; return r; }
}
const mine = new MyRE('b(c)', 'g');
show('subclass', mine instanceof MyRE, mine instanceof RegExp, mine.test('abc'), 'xbcx'.replace(mine, '[$1]'));
show('species', RegExp[Symbol.species] === RegExp, MyRE[Symbol.species] === MyRE);

for (const bad of [['(', ''], ['a', 'gg'], ['a', 'x'], ['[b-a]', '']]) {
  try { new RegExp(...bad); } catch (e) { show('error', e.name, e.message); }
}
for (const f of [() => RegExp.prototype.exec.call({}, ''), () => /a/.compile(/b/, 'g'),
  () => Object.getOwnPropertyDescriptor(RegExp.prototype, 'global').get.call({})]) {
  try { f(); } catch (e) { show('error', e.name, e.message); }
}

const c = /a/g;
c.lastIndex = 3;
show('compile', c.compile('b+', 'i') === c, c.source, c.flags, c.lastIndex, c.test('xBBx'));
show('compile from regexp', c.compile(/z/m).flags, c.source);

show('unicode lastIndex', (() => { const r = /./gu; r.exec('\u{1F600}x'); return r.lastIndex; })());
show('unicode dot', '\u{1F600}'.match(/./gu).length, '\u{1F600}'.match(/./g).length);
show('case insensitive', /STRASSE/i.test('strasse'), /\u212A/i.test('k'), /\u212A/iu.test('k'));
show('test', /^\w+@\w+\.\w{2,}$/.test('me@example.com'), /^\w+@\w+\.\w{2,}$/.test('me@example'));
