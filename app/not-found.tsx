import Link from "next/link";

export default function NotFound() {
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-3xl font-bold">Page not found</h1>
      <p>This page does not exist, or it is not published.</p>
      <p>
        <Link href="/">Go to the home page</Link> or <Link href="/search">search the cases</Link>.
      </p>
    </div>
  );
}
