// The per-request CSP nonce, from app/entry.server.tsx to the <Scripts> and <ScrollRestoration> that
// app/root.tsx renders. In the browser there is no provider: after hydration the nonce is not needed
// (scripts loaded later come from 'self').
import { createContext, useContext } from "react";

export const NonceContext = createContext<string | undefined>(undefined);

export function useNonce(): string | undefined {
  return useContext(NonceContext);
}
