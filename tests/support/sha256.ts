/** SHA-256 through Web Crypto, the digest the background injects into host hashing; tests pass the same one. */
export const sha256 = async (bytes: Uint8Array<ArrayBuffer>) =>
  new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
