// underscore, ES5 spelling (for Js2Py): see underscore.js.
var count = typeof SCALE === "number" ? SCALE : 600;

var seed = 7;
function rand(n) {
  seed = (seed * 16807) % 2147483647;
  return seed % n;
}

var TYPES = ["environment.push", "environment.redeploy", "environment.branch", "environment.merge",
  "environment.backup", "environment.variable.create"];
var ENVS = ["main", "staging", "feature-login", "feature-search", "hotfix-12"];
var RESULTS = ["success", "success", "success", "failure"];
var AUTHORS = ["Ada Lovelace", "Grace Hopper", "Alan Turing", "Margaret Hamilton", "Ken Thompson"];
var WORDS = ["fix", "add", "<refactor>", "cache", "&", "login", "search", "tests", "deps", "docs"];
function pad2(n) {
  return n < 10 ? "0" + n : "" + n;
}

function iso(t) {
  var day = 1 + Math.floor(t / 86400);
  var rest = t % 86400;
  return "2024-05-" + pad2(day) + "T" + pad2(Math.floor(rest / 3600)) + ":" + pad2(Math.floor((rest % 3600) / 60)) +
    ":" + pad2(rest % 60) + "Z";
}

function makeCommit() {
  var sha = (1000000000 + rand(1000000000)).toString(16);
  var message = _.times(2 + rand(4), function () {
    return WORDS[rand(WORDS.length)];
  }).join(" ");
  return { sha: sha, message: message, author: { name: AUTHORS[rand(AUTHORS.length)] } };
}

function makeActivity(i) {
  var created = i * 1800 + rand(900);
  var duration = 5 + rand(600);
  var commits = _.times(rand(4), makeCommit);
  return {
    id: "act-" + i,
    type: TYPES[rand(TYPES.length)],
    state: "complete",
    result: RESULTS[rand(RESULTS.length)],
    environments: [ENVS[rand(ENVS.length)]],
    created_at: iso(created),
    completed_at: iso(created + duration),
    duration: duration,
    payload: { user: { display_name: AUTHORS[rand(AUTHORS.length)] }, commits: commits }
  };
}

function hashString(s, h) {
  for (var i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) % 1000000007;
  return h;
}

function succeededRun(a) {
  return a.result === "success";
}

var activities = _.times(count, makeActivity);
var succeeded = _.filter(activities, succeededRun);
var byEnv = _.groupBy(activities, function (a) {
  return a.environments[0];
});
var summary = _.map(_.keys(byEnv).sort(), function (env) {
  var list = byEnv[env];
  var commits = _.flatten(_.map(list, function (a) {
    return a.payload.commits;
  }), true);
  return {
    env: env,
    runs: list.length,
    failures: _.size(_.reject(list, succeededRun)),
    total: _.reduce(_.pluck(list, "duration"), function (sum, d) {
      return sum + d;
    }, 0),
    commits: commits.length,
    authors: _.uniq(_.map(commits, function (c) {
      return c.author.name;
    })).sort(),
    slowest: _.max(list, function (a) {
      return a.duration;
    }).id,
    lastWords: _.last(_.map(commits, function (c) {
      return c.message;
    }), 2)
  };
});
var types = _.countBy(activities, "type");
var recent = _.chain(succeeded).sortBy("completed_at").last(10).pluck("id").value();
var pushers = _.chain(activities)
  .where({ type: "environment.push" })
  .map(function (a) {
    return a.payload.user.display_name;
  })
  .countBy()
  .pairs()
  .sortBy(function (pair) {
    return -pair[1];
  })
  .first(3)
  .map(function (pair) {
    return pair.join("=");
  })
  .value();
var byId = _.indexBy(activities, "id");
var parts = _.partition(activities, function (a) {
  return a.duration < 300;
});
var render = _.template("<%= s.env %>: <%= s.runs %> runs, <%= s.failures %> failed, <%= s.total %>s, " +
  "<%= s.commits %> commits by <%= s.authors.join(', ') %>; slowest <%= s.slowest %>; " +
  "last: <%- s.lastWords.join(' / ') %>", { variable: "s" });
var report = _.map(summary, function (s) {
  return render(s);
}).join("\n");

var digest = hashString(report, 0);
digest = hashString(JSON.stringify(summary), digest);
digest = hashString(_.map(_.pairs(types), function (p) {
  return p.join(":");
}).join(","), digest);
console.log("underscore " + count + " " + succeeded.length + " " + parts[0].length + "/" + parts[1].length + " " +
  byId["act-" + (count - 1)].duration + " " + recent.length + " " + pushers.join(",") + " " + digest);
