// Count deployments per environment in the integration's storage and keep the last ten.
//
//   jsengine integration:add --type script --file examples/activity-scripts/deploy-counter.js \
//       --events environment.push,environment.redeploy
const storage = require("storage");

const env = activity.environments[0] || "unknown";
const key = `deploys:${env}`;
const count = Number(storage.get(key) ?? 0) + 1;
storage.set(key, count);

const history = JSON.parse(storage.get("history") || "[]");
history.push({ env, type: activity.type, at: activity.completed_at, by: activity.payload?.user?.display_name });
storage.set("history", JSON.stringify(_.last(history, 10)));

const perEnv = _.countBy(history, "env");
console.log(`Deployment #${count} of ${env}`);
console.log("Recent deployments by environment:", JSON.stringify(perEnv));
