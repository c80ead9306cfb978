// Any URL no other route claims: a Vietnamese 404 through the shared error boundary.
export async function loader() {
  throw new Response("Trang bạn tìm không tồn tại.", { status: 404 });
}

export default function NotFound() {
  return null;
}
