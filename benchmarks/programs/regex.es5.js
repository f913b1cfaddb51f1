// regex, ES5 spelling (for Js2Py): positional groups instead of named ones; see regex.js.
var lineCount = typeof SCALE === "number" ? SCALE : 1500;

var seed = 42;
function rand(n) {
  seed = (seed * 16807) % 2147483647;
  return seed % n;
}

var METHODS = ["GET", "POST", "PUT", "DELETE"];
var RESOURCES = ["users", "orders", "items", "carts", "reports"];
var USERS = ["alice", "bob.smith", "carol", "dave_99", "eve"];
var DOMAINS = ["example.com", "mail.example.org", "corp-net.io"];
var STATUSES = [200, 200, 200, 201, 204, 301, 404, 500, 503];
function pad2(n) {
  return n < 10 ? "0" + n : "" + n;
}

function makeLine() {
  var date = "2024-" + pad2(1 + rand(12)) + "-" + pad2(1 + rand(28)) + "T" + pad2(rand(24)) + ":" +
    pad2(rand(60)) + ":" + pad2(rand(60)) + "Z";
  var host = "host-" + rand(20);
  var method = METHODS[rand(4)];
  var path = "/api/v" + (1 + rand(3)) + "/" + RESOURCES[rand(5)] + "/" + rand(10000);
  if (rand(3) === 0) path += "?sort=" + RESOURCES[rand(5)] + "&page=" + rand(50);
  var status = STATUSES[rand(9)];
  var size = rand(100000);
  var ms = rand(2000);
  var user = rand(4) === 0 ? "" : " user=" + USERS[rand(5)] + "@" + DOMAINS[rand(3)];
  return date + " " + host + " " + method + " " + path + " " + status + " " + size + "B " + ms + "ms" + user;
}

var LINE =
  /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)Z (\S+) (GET|POST|PUT|DELETE) (\S+) (\d{3}) (\d+)B (\d+)ms(?: user=([\w.]+)@([\w.-]+))?$/;
var SERVER_ERROR = /^5\d\d$/;
var QUERY = /[?&](\w+)=(\w+)/g;
var EMAIL = /([\w.]+)@([\w.-]+)/g;
var DATE = /^(\d{4})-(\d\d)-(\d\d)/;
var CLOCK = /T(\d\d):(\d\d)/;
var PEOPLE = /\b(users|carts)\b/i;

function hashString(s, h) {
  for (var i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) % 1000000007;
  return h;
}

var lines = [];
for (var i = 0; i < lineCount; i++) lines.push(makeLine());

function analyze(lines) {
  var byStatus = {};
  var errors = 0;
  var bytes = 0;
  var slow = 0;
  var idSum = 0;
  var params = 0;
  var segments = 0;
  var people = 0;
  var nightOwls = 0;
  var digest = 0;
  var masked = [];
  for (var k = 0; k < lines.length; k++) {
    var line = lines[k];
    var m = LINE.exec(line);
    if (m === null) continue;
    var month = m[2], method = m[8], path = m[9], status = m[10], size = m[11], ms = m[12], user = m[13];
    byStatus[status] = (byStatus[status] || 0) + 1;
    if (SERVER_ERROR.test(status)) errors++;
    bytes += Number(size);
    if (Number(ms) > 1500 && method !== "GET") slow++;
    var ids = path.match(/\d+/g) || [];
    for (var j = 0; j < ids.length; j++) idSum += Number(ids[j]);
    QUERY.lastIndex = 0;
    var q;
    while ((q = QUERY.exec(path)) !== null) params += q[1].length * q[2].length;
    segments += path.split(/[\/?&=]+/).length;
    if (PEOPLE.test(path)) people++;
    var clock = CLOCK.exec(line);
    if (Number(clock[1]) < 6 && user !== undefined) nightOwls += Number(clock[2]) + Number(month);
    var out = line
      .replace(EMAIL, function (all, name, domain) {
        return name.charAt(0) + "***@" + domain.toUpperCase();
      })
      .replace(DATE, "$3/$2/$1")
      .replace(/host-(\d+)/, function (all, n) {
        return "h" + (Number(n) % 4);
      });
    masked.push(out);
    digest = hashString(out, digest);
  }

  var log = masked.join("\n");
  var h0 = 0;
  var MORNING = /^\d\d\/\d\d\/2024T0\d:\d\d:\d\dZ h0 (\w+)/gm;
  var found;
  while ((found = MORNING.exec(log)) !== null) h0 += found[1].length;
  var statusList = Object.keys(byStatus)
    .sort()
    .map(function (key) {
      return key + ":" + byStatus[key];
    })
    .join(",");
  return errors + " " + bytes + " " + slow + " " + idSum + " " + params + " " + segments + " " + people + " " +
    nightOwls + " " + h0 + " " + digest + " " + statusList;
}

console.log("regex " + lineCount + " " + analyze(lines));
