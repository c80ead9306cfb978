import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { logout } from "#app/auth/session.server.ts";
import { forgetScannerAuthorizations } from "#app/checkin/scanner-auth.server.ts";

export async function action({ request }: ActionFunctionArgs) {
  const response = await logout(request);
  // The session is gone: scanner credentials bound to it stop at their next scan (served by this process;
  // other instances within scanner-auth's few seconds).
  forgetScannerAuthorizations();
  // What the scanner kept on this device — offline queue and credentials (IndexedDB), the service worker
  // and its copies of scanner pages — is deleted by the browser (the header menu asks first when scans
  // are still unsynced, see app/checkin/scanner/logout-form.tsx).
  response.headers.set("Clear-Site-Data", '"cache", "storage"');
  return response;
}

export async function loader() {
  return redirect("/");
}
