// The letter's former address (route files are named in English now: i.$token.letter[.pdf]). Invitation
// e-mails already sent link here, so it stays as a permanent redirect; the token is checked by the letter.
import { redirect, type LoaderFunctionArgs } from "@remix-run/node";

export async function loader({ params }: LoaderFunctionArgs) {
  return redirect(`/i/${encodeURIComponent(params.token ?? "")}/letter.pdf`, 301);
}
