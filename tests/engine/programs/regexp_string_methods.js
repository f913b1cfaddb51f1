// String.prototype.match/matchAll/replace/replaceAll/search/split through RegExp's Symbol methods.
const show = (label, v) => console.log(label, v);

show('match non-global', 'The Quick Brown'.match(/(qu)ick/i));
show('match global', 'a1b22c333'.match(/\d+/g));
show('match none', 'abc'.match(/x/g), 'abc'.match(/x/));
show('match empty global', 'abc'.match(/(?:)/g));
show('match string arg', 'a.b'.match('.'), 'a+b'.match('a+'));
show('match unicode empty', '\u{1F600}\u{1F600}'.match(/(?:)/gu).length, '\u{1F600}\u{1F600}'.match(/(?:)/g).length);

show('matchAll', [...'x1y22z'.matchAll(/(\d)(\d)?/g)].map((m) => [m[0], m[1], m[2], m.index]));
show('matchAll named', [...'k=v;a=b'.matchAll(/(?<k>\w)=(?<v>\w)/g)].map((m) => ({ ...m.groups })));
try { 'abc'.matchAll(/b/); } catch (e) { show('matchAll non-global', e.name, e.message); }
const it = 'aa'.matchAll(/a/g);
show('iterator', Object.prototype.toString.call(it), it.next(), it.next(), it.next(), it.next());
show('iterator proto', Object.getPrototypeOf(Object.getPrototypeOf(it)) === Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())));

show('replace first', 'aaa'.replace(/a/, 'b'));
show('replace global', "it's Bob's".replace(/'/g, "\\'"));
show('replace patterns', 'John Smith'.replace(/(\w+)\s(\w+)/, '$2, $1 [$&] <$`|$\'> $$ $3 $0 $10'));
show('replace named', '2021-07-04'.replace(/(?<y>\d+)-(?<m>\d+)-(?<d>\d+)/, '$<d>/$<m>/$<y> $<nope>|'));
show('replace no named', 'ab'.replace(/(a)/, '$<x>'));
show('replace fn', 'a1b2'.replace(/([a-z])(\d)/g, (m, l, d, off, s) => `${l.toUpperCase()}${d * 2}@${off}/${s.length}`));
show('replace fn groups', 'x=1'.replace(/(?<k>\w)=(?<v>\d)/, (...args) => JSON.stringify(args)));
show('replace empty', 'abc'.replace(/(?:)/g, '-'), '\u{1F600}'.replace(/(?:)/gu, '-').length);
show('replace undefined capture', 'b'.replace(/(a)?b/, '[$1]'), 'b'.replace(/(a)?b/, (m, a) => String(a)));
show('replaceAll regexp', 'a.b.c'.replaceAll(/\./g, '/'));
try { 'abc'.replaceAll(/b/, 'x'); } catch (e) { show('replaceAll non-global', e.name, e.message); }
show('replace sticky', 'aab'.replace(/a/y, 'x'), 'baa'.replace(/a/y, 'x'), 'aab'.replace(/a/gy, 'x'));

show('search', 'hello world'.search(/o\s/), 'abc'.search(/z/), 'abc'.search('c'));
const s = /b/g;
s.lastIndex = 2;
show('search keeps lastIndex', 'abc'.search(s), s.lastIndex);

show('split', 'a, b,c ,  d'.split(/,\s*/));
show('split captures', 'a1b2c'.split(/(\d)/));
show('split limit', 'a1b2c3d'.split(/\d/, 2));
show('split empty regexp', 'abc'.split(/(?:)/), ''.split(/x/), ''.split(/(?:)/));
show('split unicode', '\u{1F600}\u{1F601}'.split(/(?:)/u).length, '\u{1F600}\u{1F601}'.split(/(?:)/).length);
show('split undefined capture', 'ab'.split(/(x)?b/));
show('split sticky', 'a-b-c'.split(/-/y));
show('split species', (() => {
  const seen = [];
  class R extends RegExp {
    static get [Symbol.species]() { return function (src, flags) { seen.push(flags); return new RegExp(src, flags); }; }
  }
  const out = 'a1b'.split(new R('\\d', 'g'));
  return [out, seen];
})());

// Underscore-style templating
const settings = { evaluate: /<%([\s\S]+?)%>/g, interpolate: /<%=([\s\S]+?)%>/g, escape: /<%-([\s\S]+?)%>/g };
const matcher = RegExp([settings.escape.source, settings.interpolate.source, settings.evaluate.source].join('|') + '|$', 'g');
const parts = [];
'Hi <%= name %>! <% if (x) { %><%- y %><% } %>'.replace(matcher, (m, esc, interp, evaluate, offset) => {
  parts.push([esc, interp, evaluate, offset]);
  return m;
});
show('template', parts);
show('escaper', "a\nb'c\u2028".replace(/\\|'|\r|\n|\u2028|\u2029/g, (m) => '\\' + ({ "'": "'", '\n': 'n', '\u2028': 'u2028' })[m]));
