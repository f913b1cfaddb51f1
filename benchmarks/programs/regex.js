// regex: a regex-heavy text job. Generates web-server log lines, parses each with one anchored
// pattern of 14 groups, tests and counts with small patterns, collects query parameters with a global
// exec loop, masks e-mail addresses with a replacer function, reorders dates with $n replacements,
// splits paths on a character class, reads named groups, and scans the whole log in multiline mode.
// SCALE is the number of log lines.
const lineCount = typeof SCALE === "number" ? SCALE : 1500;

let seed = 42;
function rand(n) {
  seed = (seed * 16807) % 2147483647;
  return seed % n;
}

const METHODS = ["GET", "POST", "PUT", "DELETE"];
const RESOURCES = ["users", "orders", "items", "carts", "reports"];
const USERS = ["alice", "bob.smith", "carol", "dave_99", "eve"];
const DOMAINS = ["example.com", "mail.example.org", "corp-net.io"];
const STATUSES = [200, 200, 200, 201, 204, 301, 404, 500, 503];
const pad2 = (n) => (n < 10 ? `0${n}` : `${n}`);

function makeLine() {
  const date = `2024-${pad2(1 + rand(12))}-${pad2(1 + rand(28))}T${pad2(rand(24))}:${pad2(rand(60))}:${pad2(rand(60))}Z`;
  const host = `host-${rand(20)}`;
  const method = METHODS[rand(4)];
  let path = `/api/v${1 + rand(3)}/${RESOURCES[rand(5)]}/${rand(10000)}`;
  if (rand(3) === 0) path += `?sort=${RESOURCES[rand(5)]}&page=${rand(50)}`;
  const status = STATUSES[rand(9)];
  const size = rand(100000);
  const ms = rand(2000);
  const user = rand(4) === 0 ? "" : ` user=${USERS[rand(5)]}@${DOMAINS[rand(3)]}`;
  return `${date} ${host} ${method} ${path} ${status} ${size}B ${ms}ms${user}`;
}

const LINE =
  /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)Z (\S+) (GET|POST|PUT|DELETE) (\S+) (\d{3}) (\d+)B (\d+)ms(?: user=([\w.]+)@([\w.-]+))?$/;
const SERVER_ERROR = /^5\d\d$/;
const QUERY = /[?&](\w+)=(\w+)/g;
const EMAIL = /([\w.]+)@([\w.-]+)/g;
const DATE = /^(\d{4})-(\d\d)-(\d\d)/;
const CLOCK = /T(?<hour>\d\d):(?<minute>\d\d)/;
const PEOPLE = /\b(users|carts)\b/i;

function hashString(s, h) {
  for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) % 1000000007;
  return h;
}

const lines = [];
for (let i = 0; i < lineCount; i++) lines.push(makeLine());

function analyze(lines) {
  const byStatus = {};
  let errors = 0;
  let bytes = 0;
  let slow = 0;
  let idSum = 0;
  let params = 0;
  let segments = 0;
  let people = 0;
  let nightOwls = 0;
  let digest = 0;
  const masked = [];
  for (const line of lines) {
    const m = LINE.exec(line);
    if (m === null) continue;
    const [, , month, , , , , , method, path, status, size, ms, user] = m;
    byStatus[status] = (byStatus[status] || 0) + 1;
    if (SERVER_ERROR.test(status)) errors++;
    bytes += Number(size);
    if (Number(ms) > 1500 && method !== "GET") slow++;
    for (const id of path.match(/\d+/g) || []) idSum += Number(id);
    QUERY.lastIndex = 0;
    let q;
    while ((q = QUERY.exec(path)) !== null) params += q[1].length * q[2].length;
    segments += path.split(/[/?&=]+/).length;
    if (PEOPLE.test(path)) people++;
    const { hour, minute } = CLOCK.exec(line).groups;
    if (Number(hour) < 6 && user !== undefined) nightOwls += Number(minute) + Number(month);
    const out = line
      .replace(EMAIL, (all, name, domain) => `${name[0]}***@${domain.toUpperCase()}`)
      .replace(DATE, "$3/$2/$1")
      .replace(/host-(\d+)/, (all, n) => `h${Number(n) % 4}`);
    masked.push(out);
    digest = hashString(out, digest);
  }

  const log = masked.join("\n");
  let h0 = 0;
  const MORNING = /^\d\d\/\d\d\/2024T0\d:\d\d:\d\dZ h0 (\w+)/gm;
  let found;
  while ((found = MORNING.exec(log)) !== null) h0 += found[1].length;
  const statusList = Object.keys(byStatus)
    .sort()
    .map((k) => `${k}:${byStatus[k]}`)
    .join(",");
  return `${errors} ${bytes} ${slow} ${idSum} ${params} ${segments} ${people} ${nightOwls} ${h0} ${digest} ${statusList}`;
}

console.log(`regex ${lineCount} ${analyze(lines)}`);
