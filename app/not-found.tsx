import Link from "next/link";
import { PageHeader } from "@/components/page-header";

export default function NotFound() {
  return (
    <div className="narrow">
      <PageHeader title="Page not found">
        <p className="lead">There is no page at this address. It may have been moved, or the party may be over.</p>
      </PageHeader>
      <p>
        <Link href="/">Back to the home page</Link>
      </p>
    </div>
  );
}
