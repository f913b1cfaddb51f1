// strings: building strings with += and template literals, split/join, indexOf/lastIndexOf,
// slice, charCodeAt, toUpperCase, String.fromCharCode. SCALE is the number of words.
const count = typeof SCALE === "number" ? SCALE : 12000;
const SYLLABLES = ["ka", "lo", "mi", "ne", "su", "ra", "to", "vi", "de", "po", "an", "el"];

function makeWord(i) {
  let word = "";
  let k = i;
  do {
    word += SYLLABLES[k % SYLLABLES.length];
    k = Math.floor(k / SYLLABLES.length);
  } while (k > 0);
  return word;
}

function hashString(s) {
  let h = 7;
  for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) % 1000000007;
  return h;
}

function main(count) {
  // Build a text of sentences.
  let text = "";
  for (let i = 0; i < count; i++) {
    text += makeWord(i * 7 + 3);
    text += i % 9 === 8 ? ". " : " ";
  }

  // Split into sentences and words, rebuild with other separators.
  const sentences = text.split(". ");
  const rebuilt = [];
  let wordTotal = 0;
  for (const sentence of sentences) {
    const words = sentence.split(" ");
    wordTotal += words.length;
    const capital = words[0].slice(0, 1).toUpperCase() + words[0].slice(1);
    rebuilt.push(`${capital}-${words.slice(1).join("-")}`);
  }
  const joined = rebuilt.join("|");

  // Search: count occurrences of a few needles with indexOf, find last positions.
  let hits = 0;
  for (const needle of ["ka", "mine", "sura", "lo-", "|De", "vivi"]) {
    let at = joined.indexOf(needle);
    while (at !== -1) {
      hits++;
      at = joined.indexOf(needle, at + 1);
    }
    hits += (joined.lastIndexOf(needle) + 1) % 97;
  }

  // Character codes: rot13-style shift of a slice, built char by char.
  let shifted = "";
  const part = joined.slice(0, Math.min(joined.length, count * 2));
  for (let i = 0; i < part.length; i++) {
    const c = part.charCodeAt(i);
    shifted += c >= 97 && c <= 122 ? String.fromCharCode(((c - 97 + 13) % 26) + 97) : part[i];
  }
  return `${text.length} ${wordTotal} ${joined.length} ${hits} ${hashString(joined)} ${hashString(shifted)}`;
}

console.log(`strings ${count} ${main(count)}`);
