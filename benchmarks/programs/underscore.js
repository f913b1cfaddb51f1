// underscore: a payload-processing activity script using Underscore.js (the `_` global, loaded by
// the runner before the timed run, as the activity runtime does). Generates deployment activities,
// then groups, counts, sorts, plucks, flattens, de-duplicates, chains and renders a report with
// _.template. SCALE is the number of activities.
const count = typeof SCALE === "number" ? SCALE : 600;

let seed = 7;
function rand(n) {
  seed = (seed * 16807) % 2147483647;
  return seed % n;
}

const TYPES = ["environment.push", "environment.redeploy", "environment.branch", "environment.merge",
  "environment.backup", "environment.variable.create"];
const ENVS = ["main", "staging", "feature-login", "feature-search", "hotfix-12"];
const RESULTS = ["success", "success", "success", "failure"];
const AUTHORS = ["Ada Lovelace", "Grace Hopper", "Alan Turing", "Margaret Hamilton", "Ken Thompson"];
const WORDS = ["fix", "add", "<refactor>", "cache", "&", "login", "search", "tests", "deps", "docs"];
const pad2 = (n) => (n < 10 ? `0${n}` : `${n}`);

// Seconds after 2024-05-01T00:00:00Z as an ISO timestamp.
function iso(t) {
  const day = 1 + Math.floor(t / 86400);
  const rest = t % 86400;
  return `2024-05-${pad2(day)}T${pad2(Math.floor(rest / 3600))}:${pad2(Math.floor((rest % 3600) / 60))}:${pad2(rest % 60)}Z`;
}

function makeCommit() {
  const sha = (1000000000 + rand(1000000000)).toString(16);
  const message = _.times(2 + rand(4), () => WORDS[rand(WORDS.length)]).join(" ");
  return { sha, message, author: { name: AUTHORS[rand(AUTHORS.length)] } };
}

function makeActivity(i) {
  const created = i * 1800 + rand(900);
  const duration = 5 + rand(600);
  const commits = _.times(rand(4), makeCommit);
  return {
    id: `act-${i}`,
    type: TYPES[rand(TYPES.length)],
    state: "complete",
    result: RESULTS[rand(RESULTS.length)],
    environments: [ENVS[rand(ENVS.length)]],
    created_at: iso(created),
    completed_at: iso(created + duration),
    duration,
    payload: { user: { display_name: AUTHORS[rand(AUTHORS.length)] }, commits },
  };
}

function hashString(s, h) {
  for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) % 1000000007;
  return h;
}

const activities = _.times(count, makeActivity);
const succeeded = _.filter(activities, (a) => a.result === "success");
const byEnv = _.groupBy(activities, (a) => a.environments[0]);
const summary = _.map(_.keys(byEnv).sort(), (env) => {
  const list = byEnv[env];
  const commits = _.flatten(_.map(list, (a) => a.payload.commits), true);
  return {
    env,
    runs: list.length,
    failures: _.size(_.reject(list, (a) => a.result === "success")),
    total: _.reduce(_.pluck(list, "duration"), (sum, d) => sum + d, 0),
    commits: commits.length,
    authors: _.uniq(_.map(commits, (c) => c.author.name)).sort(),
    slowest: _.max(list, (a) => a.duration).id,
    lastWords: _.last(_.map(commits, (c) => c.message), 2),
  };
});
const types = _.countBy(activities, "type");
const recent = _.chain(succeeded).sortBy("completed_at").last(10).pluck("id").value();
const pushers = _.chain(activities)
  .where({ type: "environment.push" })
  .map((a) => a.payload.user.display_name)
  .countBy()
  .pairs()
  .sortBy((pair) => -pair[1])
  .first(3)
  .map((pair) => pair.join("="))
  .value();
const byId = _.indexBy(activities, "id");
const [quick, slow] = _.partition(activities, (a) => a.duration < 300);
const render = _.template("<%= s.env %>: <%= s.runs %> runs, <%= s.failures %> failed, <%= s.total %>s, " +
  "<%= s.commits %> commits by <%= s.authors.join(', ') %>; slowest <%= s.slowest %>; " +
  "last: <%- s.lastWords.join(' / ') %>", { variable: "s" });
const report = _.map(summary, (s) => render(s)).join("\n");

let digest = hashString(report, 0);
digest = hashString(JSON.stringify(summary), digest);
digest = hashString(_.map(_.pairs(types), (p) => p.join(":")).join(","), digest);
console.log(`underscore ${count} ${succeeded.length} ${quick.length}/${slow.length} ${byId[`act-${count - 1}`].duration} ` +
  `${recent.length} ${pushers.join(",")} ${digest}`);
