// Send the activity to your own endpoint with an HMAC-SHA256 signature it can verify,
// GitHub-style: X-Signature-256: sha256=<hex of HMAC(secret, body)>.
//
//   jsengine integration:add --type script --file examples/activity-scripts/signed-request.js \
//       --events 'environment.*' --excluded-environments main
//   jsengine integration:variable:create ID --name ENDPOINT --value https://ops.example.com/hooks/platform
//   jsengine integration:variable:create ID --name SIGNING_SECRET --value "$SECRET" --sensitive true
const { ENDPOINT, SIGNING_SECRET } = variables;

const body = JSON.stringify({
  activity: activity.id,
  type: activity.type,
  state: activity.state,
  result: activity.result,
  environments: activity.environments,
  project: project.id,
  at: new Date().toISOString(),
});
const signature = crypto.createHmac("sha256", SIGNING_SECRET).update(body).digest("hex");

const resp = fetch(ENDPOINT, {
  method: "POST",
  headers: { "Content-Type": "application/json", "X-Signature-256": `sha256=${signature}` },
  body,
});
console.log(`POST ${ENDPOINT} -> ${resp.status} ${resp.statusText}`);
if (!resp.ok) throw Error(`signed request refused: ${resp.body.text()}`);
