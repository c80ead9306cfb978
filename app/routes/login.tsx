import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { recordSignIn, signIn } from "#app/auth/login.server.ts";
import { createUserSession, getUser, safeRedirect } from "#app/auth/session.server.ts";
import { Field } from "#app/ui/field.tsx";
import { readForm } from "#app/http/form-data.server.ts";
import { reply } from "#app/http/reply.server.ts";
import { clientIp } from "#app/lib/client-ip.server.ts";

export const meta: MetaFunction = () => [{ title: "Đăng nhập · Hội nghị CCHC" }];

// Remix sends an action's own headers only when the route passes them on.
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After");
  const passed: Record<string, string> = {};
  if (retryAfter) passed["Retry-After"] = retryAfter;
  return passed;
};

const loginSchema = z.object({
  email: z.string({ error: "Nhập địa chỉ thư điện tử" }).trim().toLowerCase().email("Địa chỉ thư điện tử không hợp lệ"),
  password: z.string({ error: "Nhập mật khẩu" }).min(1, "Nhập mật khẩu").max(200, "Mật khẩu quá dài"),
  redirectTo: z.string().optional(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getUser(request)) throw redirect("/conferences");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const submission = parseWithZod(await readForm(request), { schema: loginSchema });
  if (submission.status !== "success") return reply(submission.reply({ hideFields: ["password"] }), 400);
  const { email, password, redirectTo } = submission.value;
  const ip = clientIp(request);
  const result = await signIn(email, password, ip);
  if (!result.ok) {
    const refused = submission.reply({ formErrors: [result.message], hideFields: ["password"] });
    // Throttled: the same reply, with the header that says when to try again (`reply` sets no headers).
    if (result.status === 429)
      return data(refused, { status: 429, headers: { "Retry-After": String(Math.ceil(result.retryAfterMs / 1000)) } });
    return reply(refused, 400);
  }
  const { user } = result;
  return createUserSession(user.id, safeRedirect(redirectTo), (tx) => recordSignIn(tx, user, ip));
}

export default function Login() {
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: loginSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <div className="narrow card">
      <h1>Đăng nhập</h1>
      <p className="muted">Hệ thống tổ chức hội nghị cải cách hành chính.</p>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        {form.errors ? (
          <p className="form-error" role="alert" id={form.errorId}>
            {form.errors.join(" ")}
          </p>
        ) : null}
        <Field label="Thư điện tử" meta={fields.email}>
          <input {...getInputProps(fields.email, { type: "email" })} autoComplete="username" autoFocus />
        </Field>
        <Field label="Mật khẩu" meta={fields.password}>
          <input {...getInputProps(fields.password, { type: "password" })} autoComplete="current-password" />
        </Field>
        <button type="submit" className="primary" disabled={navigation.state !== "idle"}>
          {navigation.state === "submitting" ? "Đang đăng nhập…" : "Đăng nhập"}
        </button>
      </Form>
    </div>
  );
}
