/**
 * Development keys (Ed25519), known to everyone who reads this file: they sign and verify
 * tokens on a developer's machine, in tests and in the demo. A service started with
 * NODE_ENV=production refuses them and needs its keys from configuration (see key-configuration.ts).
 */
export const DEV_TOKEN_SIGNING_KEY = `-----BEGIN PRIVATE KEY-----
MC4CAQAwBQYDK2VwBCIEIJnD3kn9A2kr8yRkfduBgcz2p90XUUhaMCL9U2/IXpKX
-----END PRIVATE KEY-----`;

export const DEV_TOKEN_PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
MCowBQYDK2VwAyEAaGFWX6MhTOpRpy30W7uGBmOelecUERJE0xZ3pWq3Ueg=
-----END PUBLIC KEY-----`;

export const DEV_GATEWAY_SIGNING_KEY = `-----BEGIN PRIVATE KEY-----
MC4CAQAwBQYDK2VwBCIEIC0LHcToZ+hyAj29g2xlE2iWAl4La87cs4BRvru4xI9v
-----END PRIVATE KEY-----`;

export const DEV_GATEWAY_PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
MCowBQYDK2VwAyEAHgB/fBRdRLINXb8jVKMCYWa2V0XKT+SboHnCHZY0YAo=
-----END PUBLIC KEY-----`;
