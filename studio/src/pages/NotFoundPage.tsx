import { Link } from "react-router";
import { EmptyState } from "../components/States.js";

export function NotFoundPage() {
  return (
    <div className="page">
      <EmptyState icon="alert" title="Page not found" action={<Link to="/">Go to journeys</Link>}>
        There is nothing at this address.
      </EmptyState>
    </div>
  );
}
