// The Content-Security-Policy nonce of the current server render. In the browser
// it is empty: browsers hide nonces from the DOM, and hydration needs none.
import { createContext, useContext } from "react";

export const NonceContext = createContext<string>("");
export const NonceProvider = NonceContext.Provider;

export function useNonce(): string {
  return useContext(NonceContext);
}
