import { NotFound } from "../components/States.js";

export function NotFoundPage() {
  return (
    <div className="page">
      <div className="card">
        <NotFound
          title="Page not found"
          message="There is nothing at this address. It may have moved, or the link is mistyped."
          back={{ to: "/", label: "Go to journeys" }}
        />
      </div>
    </div>
  );
}
