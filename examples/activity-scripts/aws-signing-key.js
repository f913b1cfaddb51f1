// The AWS Signature Version 4 signing key, derived with chained HMACs (digest('') gives the raw bytes
// that the next HMAC takes as its key). Prints the documented example key.
const hmac = (key, data, format = "") => crypto.createHmac("sha256", key).update(data).digest(format);

function signingKey(secret, date, region, service) {
  const kDate = hmac("AWS4" + secret, date);
  const kRegion = hmac(kDate, region);
  const kService = hmac(kRegion, service);
  return hmac(kService, "aws4_request", "hex");
}

console.log(signingKey("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "20150830", "us-east-1", "iam"));
