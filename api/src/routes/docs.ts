import express, { type Router } from "express";
import type { ApiContext } from "../context.js";
import { openApiDocument } from "../openapi.js";
import { apiEndpoints, publicEndpoints } from "./index.js";

type Json = Record<string, unknown>;

const escapeHtml = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const obj = (v: unknown): Json =>
  typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Json) : {}; // why: narrowing parsed JSON

/** A self-contained HTML rendering of the OpenAPI document (no CDN, no client-side script). */
export const renderDocs = (doc: Json): string => {
  const info = obj(doc.info);
  const sections: string[] = [];
  for (const [path, methods] of Object.entries(obj(doc.paths))) {
    for (const [method, opValue] of Object.entries(obj(methods))) {
      const op = obj(opValue);
      const params = Array.isArray(op.parameters) ? op.parameters.map(obj) : [];
      const body = obj(obj(obj(op.requestBody).content)["application/json"]).schema;
      const responses = obj(op.responses);
      const auth =
        Array.isArray(op.security) && op.security.length > 0
          ? Object.keys(obj(op.security[0])).join(", ")
          : "none";
      sections.push(`<section class="op" id="${escapeHtml(String(op.operationId ?? ""))}">
<h3><span class="m ${method}">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code></h3>
<p>${escapeHtml(String(op.summary ?? ""))} <small>auth: ${escapeHtml(auth)}</small></p>
${params.length ? `<table><tr><th>parameter</th><th>in</th><th>required</th><th>schema</th></tr>${params.map((p) => `<tr><td><code>${escapeHtml(String(p.name))}</code></td><td>${escapeHtml(String(p.in))}</td><td>${p.required ? "yes" : "no"}</td><td><code>${escapeHtml(JSON.stringify(p.schema))}</code></td></tr>`).join("")}</table>` : ""}
${body ? `<details><summary>Request body</summary><pre>${escapeHtml(JSON.stringify(body, null, 2))}</pre></details>` : ""}
${Object.entries(responses)
  .map(([status, r]) => {
    const schema = obj(obj(obj(r).content)["application/json"]).schema;
    return `<details><summary>${escapeHtml(status)} ${escapeHtml(String(obj(r).description ?? ""))}</summary>${schema ? `<pre>${escapeHtml(JSON.stringify(schema, null, 2))}</pre>` : ""}</details>`;
  })
  .join("")}
</section>`);
    }
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(String(info.title ?? "API"))}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:980px;margin:2rem auto;padding:0 1rem;color:#1b1f24}
code,pre{font:13px ui-monospace,monospace}pre{background:#f5f6f8;padding:.75rem;overflow:auto;border-radius:6px}
.op{border-top:1px solid #e3e5e8;padding:.5rem 0}.m{display:inline-block;min-width:4.5rem;text-align:center;border-radius:4px;color:#fff;font-size:12px;padding:2px 6px}
.get{background:#1f6feb}.post{background:#2da44e}.put{background:#bf8700}.patch{background:#8250df}.delete{background:#cf222e}
table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #e3e5e8;padding:4px 8px;text-align:left}small{color:#57606a;margin-left:.5rem}</style></head>
<body><h1>${escapeHtml(String(info.title ?? "API"))} <small>${escapeHtml(String(info.version ?? ""))}</small></h1>
<p>${escapeHtml(String(info.description ?? ""))}</p><p><a href="openapi.json">openapi.json</a></p>
${sections.join("\n")}</body></html>`;
};

/** `/api/openapi.json` and `/api/docs`, public so tools and people can read them without a token. */
export const docsRouter = (_ctx: ApiContext): Router => {
  const router = express.Router();
  let doc: Json | null = null;
  const document = () =>
    (doc ??= openApiDocument([
      { prefix: "", endpoints: publicEndpoints },
      { prefix: "/api", endpoints: apiEndpoints },
    ]));
  router.get("/openapi.json", (_req, res) => {
    res.json(document());
  });
  router.get("/docs", (_req, res) => {
    res.type("html").send(renderDocs(document()));
  });
  return router;
};
