import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { logout } from "~/auth/session.server.ts";

export async function action({ request }: ActionFunctionArgs) {
  return logout(request);
}

export async function loader() {
  return redirect("/");
}
