// strings, ES5 spelling (for Js2Py): see strings.js.
var count = typeof SCALE === "number" ? SCALE : 12000;
var SYLLABLES = ["ka", "lo", "mi", "ne", "su", "ra", "to", "vi", "de", "po", "an", "el"];

function makeWord(i) {
  var word = "";
  var k = i;
  do {
    word += SYLLABLES[k % SYLLABLES.length];
    k = Math.floor(k / SYLLABLES.length);
  } while (k > 0);
  return word;
}

function hashString(s) {
  var h = 7;
  for (var i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) % 1000000007;
  return h;
}

function main(count) {
  var text = "";
  var i;
  for (i = 0; i < count; i++) {
    text += makeWord(i * 7 + 3);
    text += i % 9 === 8 ? ". " : " ";
  }

  var sentences = text.split(". ");
  var rebuilt = [];
  var wordTotal = 0;
  for (var s = 0; s < sentences.length; s++) {
    var words = sentences[s].split(" ");
    wordTotal += words.length;
    var capital = words[0].slice(0, 1).toUpperCase() + words[0].slice(1);
    rebuilt.push(capital + "-" + words.slice(1).join("-"));
  }
  var joined = rebuilt.join("|");

  var hits = 0;
  var needles = ["ka", "mine", "sura", "lo-", "|De", "vivi"];
  for (var n = 0; n < needles.length; n++) {
    var needle = needles[n];
    var at = joined.indexOf(needle);
    while (at !== -1) {
      hits++;
      at = joined.indexOf(needle, at + 1);
    }
    hits += (joined.lastIndexOf(needle) + 1) % 97;
  }

  var shifted = "";
  var part = joined.slice(0, Math.min(joined.length, count * 2));
  for (i = 0; i < part.length; i++) {
    var c = part.charCodeAt(i);
    shifted += c >= 97 && c <= 122 ? String.fromCharCode(((c - 97 + 13) % 26) + 97) : part.charAt(i);
  }
  return text.length + " " + wordTotal + " " + joined.length + " " + hits + " " + hashString(joined) + " " +
    hashString(shifted);
}

console.log("strings " + count + " " + main(count));
