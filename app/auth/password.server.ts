import { hash, verify } from "@node-rs/argon2";

// argon2id with the library's defaults (19 MiB, 2 passes): OWASP's minimum.
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
}

export const DEMO_PASSWORD = "hoinghi-demo";

/**
 * Verified in place of a real hash when the e-mail matches no account (or one without a password),
 * so that an unknown address takes as long to refuse as a wrong password and sign-in does not tell
 * which addresses have accounts. A hash of random bytes nobody kept, with hashPassword's parameters
 * (a unit test keeps the two in step).
 */
export const DUMMY_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$l16C+WFPleQ8I9SJmE1f8Q$Y3tCHOhUm9mVWoUtKL0XIGtMrzvhxYEzuCRvCKbQo48";
