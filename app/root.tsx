import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { can } from "#app/auth/policy.ts";
import { Breadcrumbs } from "#app/ui/breadcrumbs.tsx";
import { getUser } from "#app/auth/session.server.ts";
import { useNonce } from "#app/http/nonce.ts";
import { ERROR_DETAIL, ERROR_TITLE, HOME_LINK, NOT_FOUND_DETAIL, STATUS_TEXT } from "#app/http/error-content.ts";
import { LogoutForm } from "#app/checkin/scanner/logout-form.tsx";
import stylesHref from "#app/styles.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesHref },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Hội nghị CCHC" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  return {
    user: user
      ? {
          name: user.name,
          organizationName: user.organizationName,
          isAdmin: can(user.roles, "admin"),
          plans: can(user.roles, "conference.view"),
          scoring: can(user.roles, "scoring.view"),
          bridges: user.roles.includes("BRIDGE_OPERATOR") || user.roles.includes("IT_SUPPORT"),
        }
      : null,
  };
}

function Header() {
  const data = useRouteLoaderData<typeof loader>("root");
  const user = data?.user;
  return (
    <header className="site-header">
      <Link to="/" className="brand">
        Hội nghị CCHC
      </Link>
      {user ? (
        <>
          <nav aria-label="Chính">
            {user.plans ? <NavLink to="/conferences">Hội nghị, kế hoạch</NavLink> : null}
            {user.scoring ? <NavLink to="/scoring">Chỉ số CCHC</NavLink> : null}
            {user.bridges ? <NavLink to="/bridges">Điểm cầu</NavLink> : null}
            {user.isAdmin ? (
              <>
                <NavLink to="/admin/organizations">Cơ quan, đơn vị</NavLink>
                <NavLink to="/admin/users">Người dùng</NavLink>
                <NavLink to="/admin/audit">Nhật ký thay đổi</NavLink>
              </>
            ) : null}
          </nav>
          <div className="user-box">
            <span>
              {user.name} · <span className="muted">{user.organizationName}</span>
            </span>
            <LogoutForm />
          </div>
        </>
      ) : null}
    </header>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  return (
    <html lang="vi">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a href="#main" className="skip-link">
          Bỏ qua, đến nội dung chính
        </a>
        <Header />
        <main id="main">
          <Breadcrumbs />
          {children}
        </main>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

// One error boundary for the whole app: Vietnamese text, never a stack trace.
export function ErrorBoundary() {
  const error = useRouteError();
  let title = ERROR_TITLE;
  let detail = ERROR_DETAIL;
  let status = 500;
  if (isRouteErrorResponse(error)) {
    status = error.status;
    title = STATUS_TEXT[error.status] ?? title;
    if (typeof error.data === "string" && error.data && error.status < 500) detail = error.data;
    else if (error.status === 404) detail = NOT_FOUND_DETAIL;
  }
  return (
    <div className="error-page" role="alert">
      <p className="error-code">{status}</p>
      <h1>{title}</h1>
      <p>{detail}</p>
      <p>
        <Link to={HOME_LINK.href}>{HOME_LINK.label}</Link>
      </p>
    </div>
  );
}
