// Post a deployment summary to a chat webhook (Slack/Discord/Mattermost style) after each push.
//
//   jsengine integration:add --type script --file examples/activity-scripts/notify.js
//   jsengine integration:variable:create ID --name WEBHOOK_URL --value https://hooks.example.com/T000 --sensitive true
//   jsengine activity:trigger examples/activity-scripts/payloads/push.json
"use strict";

const webhookUrl = variables.WEBHOOK_URL;
if (!webhookUrl) {
  throw Error("Set the WEBHOOK_URL variable of this integration first");
}

// From the platform documentation's utility routines.
function getPrimaryRoute() {
  const routes = activity.payload?.deployment?.routes ?? {};
  for (const [url, route] of Object.entries(routes)) {
    if (route.primary) {
      return { ...route, url };
    }
  }
  return {};
}

const env = activity.parameters?.environment ?? activity.environments[0];
const user = activity.payload?.user?.display_name ?? "someone";
const commits = activity.payload?.commits ?? [];
const lines = commits.map(({ sha, message, author }) =>
  `• \`${sha.slice(0, 7)}\` ${message.split("\n")[0]} (${author?.name ?? "unknown"})`);
const url = getPrimaryRoute().url;

const text = [
  `*${user}* pushed ${commits.length} commit${commits.length === 1 ? "" : "s"} to *${env}* ` +
    `of ${project.title ?? activity.project}: ${activity.result === "success" ? "deployed ✅" : "failed ❌"}`,
  ...lines,
  url ? `<${url}|Open ${env}>` : null,
].filter(Boolean).join("\n");

const resp = fetch(webhookUrl, {
  method: "POST",
  headers: { "Content-Type": "application/json" },
  body: JSON.stringify({ text, username: "Platform activity" }),
});
if (!resp.ok) {
  throw new Error(`Webhook answered ${resp.status} ${resp.statusText}: ${resp.body.text()}`);
}
const host = webhookUrl.replace(/^https?:\/\/([^/?#]+).*$/, "$1");
console.log(`Notified ${host}: ${commits.length} commit(s) on ${env}`);
